"""kg validate: readable violations, exit 1 when the graph does not conform."""

from __future__ import annotations

from rdflib import Graph, Literal
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.namespace import KG

runner = CliRunner()


def test_broken_graph_lists_violations_and_exits_1(seeds_out, tmp_path):
    g = Graph().parse(seeds_out / "graph.ttl")
    statement = next(g.subjects(KG.quoteStart, None))
    g.remove((statement, KG.quoteStart, None))
    g.add((statement, KG.quoteStart, Literal("not a number")))
    bad = tmp_path / "bad.ttl"
    g.serialize(bad, format="turtle")
    r = runner.invoke(app, ["validate", str(bad)])
    assert r.exit_code == 1, r.output
    assert "violation" in r.output
    assert "quoteStart" in r.output


def test_conforming_graph_exits_0(tmp_path):
    from kg.rdf.mapping import vocabulary_graph

    ok = tmp_path / "ok.ttl"
    vocabulary_graph().serialize(ok, format="turtle")
    r = runner.invoke(app, ["validate", str(ok)])
    assert r.exit_code == 0, r.output
    assert "conforms" in r.output


def test_missing_file_is_an_error(tmp_path):
    r = runner.invoke(app, ["validate", str(tmp_path / "none.ttl")])
    assert r.exit_code == 2 and "no such graph file" in " ".join(r.output.split())
