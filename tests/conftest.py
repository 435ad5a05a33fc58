"""Shared fixtures. The seeds graph is built once per session (the build is the slow part)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
STATEMENT_COLUMNS = ["statement", "speaker", "speakerLabel", "speakerType", "speakerCountry", "cue", "type", "quote",
                     "direct", "target", "targetLabel", "targetCountry", "source", "quoteStart", "quoteEnd",
                     "speakerStart", "speakerEnd"]
ALLIANCE_COLUMNS = ["country1", "country1Label", "country1Iso", "relation", "polarity", "country2", "country2Label",
                    "country2Iso", "evidence"]


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """(outdir, BuildReport) of `kg.build.build(seeds/)` into a fresh folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds_build")
    report = build([SEEDS], out)
    assert report.built, f"the seeds build built nothing: {report.problems}"
    return out, report


@pytest.fixture(scope="session")
def seeds_out(seeds_build) -> Path:
    return seeds_build[0]


@pytest.fixture(scope="session")
def seeds_graph(seeds_out):
    from rdflib import Graph

    g = Graph()
    g.parse(seeds_out / "graph.ttl", format="turtle")
    return g


@pytest.fixture(scope="session")
def seeds_texts() -> dict[str, str]:
    """Source file name -> the text offsets index (as the text reader decodes it)."""
    return {p.name: p.read_text("utf-8-sig").replace("\r\n", "\n") for p in sorted(SEEDS.glob("*.txt"))}


def query_csv(name: str, graph_path: Path) -> list[dict[str, str]]:
    """Rows of `kg query NAME --graph G --format csv`, through the library's CSV writer."""
    from kg import query as q

    text = q.format_result(q.run(q.resolve(name), q.load_graph(graph_path)), "csv")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="session")
def statement_rows(seeds_out) -> list[dict[str, str]]:
    return query_csv("statements", seeds_out / "graph.ttl")


@pytest.fixture(scope="session")
def alliance_rows(seeds_out) -> list[dict[str, str]]:
    return query_csv("alliances", seeds_out / "graph.ttl")


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """A small corpus built in this process: (source folder, report, output files) to compare other
    ways of building with (worker processes, a Dask cluster, the automatic worker count)."""
    from kg.build import build
    from test_incremental import EXTRA, corpus, outputs

    base = tmp_path_factory.mktemp("local")
    src = corpus(base / "in", EXTRA)
    report = build([src], base / "out")
    return src, report, outputs(base / "out")


def ctrl_c_reaches_child() -> None:
    """preexec_fn for a subprocess a test interrupts with SIGINT: a shell that starts jobs in the background (`cmd &`,
    nohup, CI runners) makes them ignore SIGINT, the child inherits that, and Python then installs no
    KeyboardInterrupt handler — the test would see Ctrl-C ignored, not kg's handling of it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
