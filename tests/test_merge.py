"""Person nodes merged across articles at output time (kg.merge): a surname alone in one article is the
one full name with that surname in another."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.build import build
from kg.cache import ArticleRecord
from kg.extract.records import PERSON, DocumentResult, Entity
from kg.merge import Persons, Rewriter
from kg.rdf import mapping
from kg.rdf.namespace import KG
from kg.rdf.validate import validate

ARTICLES = {
    "full.txt": "Verband fordert Hilfen\n\nBerlin. Die Vorsitzende des Bauernverbands, Jutta Steinbrecher, sagte "
                "am Montag in Berlin: „Wir brauchen schnell Hilfe für die Betriebe.“ Die Regierung prüft den "
                "Vorschlag.\n",
    "short.txt": "Streit um Hilfen\n\nDie Kritik der Länder wies der Verband am Dienstag zurück. „Das Geld muss "
                 "rechtzeitig ankommen“, sagte Steinbrecher vor Journalisten in Hannover.\n",
    "other.txt": "Neue Brücke für Hannover\n\nDer Bürgermeister Klaus Steinbrecher sagte am Mittwoch: „Die Brücke "
                 "wird im Sommer fertig.“ Die Bauarbeiten beginnen im Mai.\n",
}
FULL = mapping.iri("person/jutta-steinbrecher")
SHORT = mapping.iri("person/steinbrecher")


def corpus(root: Path, names) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        (root / name).write_text(ARTICLES[name], encoding="utf-8")
    return root


def outputs(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.trig", "alliances.html")}


def fresh(tmp: Path, names) -> tuple:
    out = tmp / "out"
    report = build([corpus(tmp / "in", names)], out)
    return report, outputs(out)


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    return fresh(tmp_path_factory.mktemp("merged"), ["full.txt", "short.txt"])


@pytest.fixture(scope="module")
def short_only(tmp_path_factory):
    return fresh(tmp_path_factory.mktemp("short"), ["short.txt"])


def speakers(g: Graph) -> dict[str, URIRef]:
    return {str(g.value(st, mapping.SCHEMA.text)): g.value(st, KG.speaker) for st in g.subjects(KG.speaker, None)}


def test_two_articles_give_one_person_with_both_statements(merged):
    report, files = merged
    g = Graph().parse(data=files["graph.ttl"].decode(), format="turtle")
    said = speakers(g)
    assert said == {"Wir brauchen schnell Hilfe für die Betriebe.": FULL, "Das Geld muss rechtzeitig ankommen": FULL}
    assert SHORT.encode() not in files["graph.ttl"] and SHORT.encode() not in files["graph.trig"]
    assert set(g.objects(FULL, RDFS.label)) == {Literal("Jutta Steinbrecher")}  # one label, the short name beside it
    assert set(g.objects(FULL, SKOS.altLabel)) == {Literal("Steinbrecher")}
    # mentions keep their own article and span; roles stay on the statement
    anchors = {str(g.value(m, mapping.NIF.anchorOf)) for m in g.subjects(KG.mentionOf, FULL)}
    assert anchors == {"Jutta Steinbrecher", "Steinbrecher"}
    nodes = {s for cls in mapping.CLASSES.values() for s in g.subjects(RDF.type, cls)}
    assert report.merged_persons == 1 and report.entities == len(nodes)  # the report counts merged nodes
    assert validate(g).conforms


def test_article_graph_of_the_short_name_names_the_merged_node(merged):
    ds = mapping.dataset([])
    ds.parse(data=merged[1]["graph.trig"].decode(), format="trig")
    g = ds.graph(mapping.graph_iri("short"))
    assert set(g.objects(FULL, RDFS.label)) == {Literal("Jutta Steinbrecher")}
    assert set(g.objects(FULL, SKOS.altLabel)) == {Literal("Steinbrecher")}
    assert set(ds.graph(mapping.graph_iri("full")).objects(FULL, SKOS.altLabel)) == set()


def test_surname_of_two_full_names_merges_nothing(tmp_path):
    report, files = fresh(tmp_path, ["full.txt", "short.txt", "other.txt"])
    g = Graph().parse(data=files["graph.ttl"].decode(), format="turtle")
    assert speakers(g)["Das Geld muss rechtzeitig ankommen"] == SHORT
    assert report.merged_persons == 0 and not set(g.subjects(SKOS.altLabel, None))


def test_incremental_build_after_adding_the_full_name_equals_a_fresh_build(tmp_path, merged):
    src, out = corpus(tmp_path / "in", ["short.txt"]), tmp_path / "out"
    first = build([src], out)
    assert first.merged_persons == 0 and SHORT.encode() in (out / "graph.ttl").read_bytes()
    corpus(src, ["full.txt"])
    second = build([src], out)
    assert second.processed == ["full"] and second.cached == ["short"]
    assert outputs(out) == merged[1]
    assert (second.entities, second.triples, second.merged_persons) == \
        (merged[0].entities, merged[0].triples, merged[0].merged_persons)


def test_removing_the_full_name_unmerges(tmp_path, short_only):
    src, out = corpus(tmp_path / "in", ["full.txt", "short.txt"]), tmp_path / "out"
    assert build([src], out).merged_persons == 1
    (src / "full.txt").unlink()
    again = build([src], out)
    assert again.processed == [] and again.merged_persons == 0
    assert outputs(out) == short_only[1]


def test_spilled_runs_give_the_same_merged_graph(tmp_path, merged, monkeypatch):
    import kg.build

    monkeypatch.setattr(kg.build, "RUN_LINES", 7)
    shutil.rmtree(tmp_path, ignore_errors=True)
    assert fresh(tmp_path, ["full.txt", "short.txt"])[1] == merged[1]


# ---------------------------------------------------------------- the merge rule on records

def record(doc_id: str, *persons: tuple[str, str | None]) -> ArticleRecord:
    from kg.extract.entities import slug

    ents = {f"person/{slug(label)}": Entity(f"person/{slug(label)}", label, PERSON, country=country)
            for label, country in persons}
    return ArticleRecord(doc_id, doc_id, 0, DocumentResult(doc_id, ents, [], []), [])


def merges(*records: ArticleRecord) -> dict[str, str]:
    p = Persons()
    for rec in records:
        p.add(rec)
    return p.merges()


def test_rule_merges_a_surname_into_its_one_full_name_in_any_order():
    a, b = record("a", ("Eva Brenner", "AUT")), record("b", ("Brenner", None), ("Eva", None))
    assert merges(a, b) == merges(b, a) == {"person/brenner": "person/eva-brenner"}


def test_rule_keeps_apart_two_full_names_other_countries_and_unnamed_persons():
    assert merges(record("a", ("Hans Müller", None), ("Eva Müller", None)), record("b", ("Müller", None))) == {}
    assert merges(record("a", ("George Bush", None)), record("b", ("George W. Bush", None), ("Bush", None))) == {}
    assert merges(record("a", ("Eva Brenner", "AUT")), record("b", ("Brenner", "CHE"))) == {}
    # a given name in this corpus, an initial
    assert merges(record("a", ("Anton Karl", None), ("Karl Huber", None)), record("b", ("Karl", None))) == {}
    assert merges(record("a", ("Patrick D.", None)), record("b", ("D.", None))) == {}
    unnamed = ArticleRecord("c", "c", 0, DocumentResult("c", {"person/sprecher-country-usa": Entity(
        "person/sprecher-country-usa", "Sprecher (USA)", PERSON)}, [], []), [])
    assert merges(record("a", ("Sprecher", None)), unnamed) == {}


def test_rewriter_turns_the_short_names_into_an_alternative_label():
    rw = Rewriter({"person/brenner": "person/eva-brenner"}, {"person/eva-brenner": "Eva Brenner"})
    short, full = mapping.iri("person/brenner").n3(), mapping.iri("person/eva-brenner").n3()
    mention = mapping.iri("mention/b/0-7").n3()
    lines = sorted([f'{short} {RDFS.label.n3()} "Brenner" .', f"{mention} {KG.mentionOf.n3()} {short} .",
                    f'{mention} {mapping.NIF.anchorOf.n3()} "Brenner sagte" .'])
    old, new, after = rw.article(lines)
    assert sorted(old) == sorted(l for l in lines if "anchorOf" not in l)
    assert new == sorted([f'{full} {RDFS.label.n3()} "Eva Brenner" .', f'{full} {SKOS.altLabel.n3()} "Brenner" .',
                          f"{mention} {KG.mentionOf.n3()} {full} ."])
    assert after == sorted(new + [f'{mention} {mapping.NIF.anchorOf.n3()} "Brenner sagte" .'])
