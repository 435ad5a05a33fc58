"""Incremental builds: cached per article, byte-identical to a full build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.build import build
from kg.cache import CACHE_DIR

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

EXTRA = {
    "zz_extra1.txt": "Frankreich und Deutschland vereinbaren engere Zusammenarbeit\n\n"
                     "Frankreich und Deutschland wollen enger zusammenarbeiten. „Wir stehen zusammen“, "
                     "sagte der französische Außenminister am Montag in Paris.\n",
    "zz_extra2.txt": "Sanktionen gegen Russland\n\nDie Europäische Union verhängt neue Sanktionen gegen Russland. "
                     "Polen unterstützt die Ukraine mit Waffen.\n",
}


def corpus(root: Path, names) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, root / seed.name)
    for name in names:
        (root / name).write_text(EXTRA[name], encoding="utf-8")
    return root


def outputs(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.trig", "alliances.html")}


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    """A fresh build of seeds + both extra articles."""
    base = tmp_path_factory.mktemp("full")
    out = base / "out"
    report = build([corpus(base / "in", EXTRA)], out)
    return report, outputs(out)


def test_rebuild_after_new_article_processes_only_it_and_equals_full_build(tmp_path, full):
    src, out = corpus(tmp_path / "in", ["zz_extra1.txt"]), tmp_path / "out"
    first = build([src], out)
    assert first.cached == [] and len(first.processed) == 3
    (src / "zz_extra2.txt").write_text(EXTRA["zz_extra2.txt"], encoding="utf-8")
    second = build([src], out)
    assert second.processed == ["zz_extra2"]
    assert sorted(second.cached) == sorted(first.processed)
    assert outputs(out) == full[1]  # byte-identical graph.ttl, graph.trig and map
    assert (second.statements, second.relations, second.entities, second.triples) == \
        (full[0].statements, full[0].relations, full[0].entities, full[0].triples)


def test_unchanged_rebuild_uses_only_the_cache_and_changed_article_is_redone(tmp_path):
    src, out = corpus(tmp_path / "in", ["zz_extra1.txt"]), tmp_path / "out"
    build([src], out)
    again = build([src], out)
    assert again.processed == [] and len(again.cached) == 3
    (src / "zz_extra1.txt").write_text(EXTRA["zz_extra2.txt"], encoding="utf-8")
    changed = build([src], out)
    assert changed.processed == ["zz_extra1"]
    assert b"Sanktionen gegen Russland" in (out / "graph.ttl").read_bytes()
    assert "wollen enger zusammenarbeiten".encode() not in (out / "graph.ttl").read_bytes()


def test_removed_article_disappears(tmp_path):
    src, out = corpus(tmp_path / "in", ["zz_extra1.txt", "zz_extra2.txt"]), tmp_path / "out"
    build([src], out)
    (src / "zz_extra2.txt").unlink()
    report = build([src], out)
    assert report.processed == [] and "zz_extra2" not in report.built
    ttl = (out / "graph.ttl").read_text("utf-8")
    assert "zz_extra2" not in ttl and "zz_extra2" not in (out / "graph.trig").read_text("utf-8")
    # the same as a fresh build of what is left
    fresh = tmp_path / "fresh"
    build([src], fresh)
    assert outputs(out) == outputs(fresh)
    # the unused cache entry is pruned
    assert len(list((out / CACHE_DIR).rglob("*.pkl"))) == 3


def test_outputs_parse_and_match_the_records(full):
    report, files = full
    g = Graph().parse(data=files["graph.ttl"].decode(), format="turtle")
    assert len(g) == report.triples > 0
    ds = Dataset()
    ds.parse(data=files["graph.trig"].decode(), format="trig")
    names = {str(c.identifier) for c in ds.graphs()}
    assert {"https://w3id.org/kg-news/id/graph/summary", "https://w3id.org/kg-news/id/graph/zz_extra1"} <= names
    # every triple of the named graphs is in graph.ttl and nothing else is
    union = Graph()
    for quad in ds.quads():
        union.add(quad[:3])
    assert set(union) == set(g)


def test_full_rebuild_ignores_cache(tmp_path):
    src, out = corpus(tmp_path / "in", []), tmp_path / "out"
    build([src], out)
    again = build([src], out, incremental=False)
    assert again.cached == [] and len(again.processed) == 2


def test_spilled_runs_give_the_same_graph(tmp_path, full, monkeypatch):
    import kg.build

    monkeypatch.setattr(kg.build, "RUN_LINES", 50)  # forces many sorted runs on disk
    out = tmp_path / "out"
    build([corpus(tmp_path / "in", EXTRA)], out, incremental=False)
    assert outputs(out) == full[1]


def test_article_key_is_kept_and_a_changed_copy_gets_its_own():
    import dataclasses

    from kg.cache import article_key
    from kg.ingest import Article

    art = Article("a1", "a.txt", "in/a.txt", "Die Regierung in Paris kritisierte Moskau.", 42, title="Paris")
    key = article_key(art)
    assert article_key(art) == key and art == dataclasses.replace(art) and "_key" not in repr(art)
    assert article_key(dataclasses.replace(art, title="Moskau")) != key
    assert article_key(dataclasses.replace(art)) == key  # (a copy computes it again, to the same)
