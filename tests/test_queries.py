"""Every shipped query parses, documents itself, and answers on the seeds graph; result formats are W3C shapes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib.plugins.sparql import prepareQuery

from conftest import ALLIANCE_COLUMNS, STATEMENT_COLUMNS
from kg import query as q

QUERIES = q.shipped_queries()


def test_queries_are_shipped():
    assert {"statements", "alliances"} <= set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_parses_is_documented_and_answers(name, seeds_out):
    text = QUERIES[name]
    assert text.startswith("#"), f"{name}.rq must start with a # comment saying what it answers"
    assert len(q.description(text)) > 20
    prepareQuery(text)
    result = q.run(text, q.load_graph(seeds_out / "graph.ttl"))
    assert len(list(result)) >= 1, f"{name} returned no row on the seeds graph"


@pytest.mark.parametrize("name,columns", [("statements", STATEMENT_COLUMNS), ("alliances", ALLIANCE_COLUMNS)])
def test_contract_csv_columns(name, columns, seeds_out):
    text = q.format_result(q.run(QUERIES[name], q.load_graph(seeds_out)), "csv")
    header = next(csv.reader(io.StringIO(text)))
    assert header == columns


@pytest.mark.parametrize("name", ["statements", "alliances"])
def test_tsv_is_w3c_shaped(name, seeds_out):
    text = q.format_result(q.run(QUERIES[name], q.load_graph(seeds_out)), "tsv")
    lines = text.rstrip("\n").split("\n")
    head = lines[0].split("\t")
    assert all(h.startswith("?") for h in head)
    assert len(lines) > 1
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(head)
        for c in cells:  # terms in Turtle syntax: <iri>, "literal"..., numbers, booleans or empty
            assert c == "" or c[0] in '<"_' or c in ("true", "false") or c.lstrip("-").replace(".", "").isdigit(), c


@pytest.mark.parametrize("name", ["statements", "alliances"])
def test_json_is_w3c_shaped(name, seeds_out):
    data = json.loads(q.format_result(q.run(QUERIES[name], q.load_graph(seeds_out)), "json"))
    assert data["head"]["vars"]
    bindings = data["results"]["bindings"]
    assert bindings
    for b in bindings:
        assert set(b) <= set(data["head"]["vars"])
        for term in b.values():
            assert term["type"] in ("uri", "literal", "typed-literal", "bnode") and "value" in term


def test_parameter_binding_filters(seeds_out):
    g = q.load_graph(seeds_out)
    rows = q.rows(q.run(QUERIES["speakers_about_country"], g, dict([q.parse_param("iso=PRK")])))
    assert rows and all(r["iso"] == "PRK" for r in rows)


def test_unknown_query_and_format_are_errors(seeds_out):
    from kg.errors import QueryError

    with pytest.raises(QueryError, match="unknown query"):
        q.resolve("no_such_query")
    with pytest.raises(QueryError, match="unknown format"):
        q.format_result(q.run(QUERIES["alliances"], q.load_graph(seeds_out)), "xml")


def test_construct_turtle_uses_the_graphs_prefixes(seeds_out):
    """CONSTRUCT output names namespaces as graph.ttl and the query do, never an invented ns1:."""
    text = ("PREFIX kg: <https://w3id.org/kg-news/ontology#>\nPREFIX my: <https://example.org/my#>\n"
            "CONSTRUCT { ?s kg:speaker ?p . ?s my:said true } WHERE { ?s kg:speaker ?p }")
    graph = q.load_graph(seeds_out / "graph.ttl")
    out = q.format_result(q.run(text, graph), "table")
    assert "@prefix kg: <https://w3id.org/kg-news/ontology#>" in out
    assert "@prefix my: <https://example.org/my#>" in out
    assert "ns1:" not in out and " kg:speaker " in out
    assert out == q.format_result(q.run(text, graph), "table")
