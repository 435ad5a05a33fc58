"""Result writers: Oxigraph writes local results, kg's Python writers write rdflib results (remote
endpoints); both must give the same bytes. Local results are read lazily and still give rdflib rows."""

from __future__ import annotations

import io

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from conftest import REPO
from kg import query as q
from kg import results

GOLDEN = REPO / "tests" / "data" / "seeds_expected.ttl"
XSD = "http://www.w3.org/2001/XMLSchema#"
# terms a writer must escape, quote or shorten; lexical forms that Oxigraph and rdflib both keep (they
# canonicalise others, such as doubles, each its own way)
EDGE_VALUES = " ".join([
    f'"1"^^<{XSD}integer>', f'"-12"^^<{XSD}integer>', f'"1.5"^^<{XSD}decimal>',
    f'"true"^^<{XSD}boolean>', f'"2024-01-01"^^<{XSD}date>', r'"a\tb\nc\"d\\e\rf"', '"x"@de-at', "<http://x/y>",
    '""', '"a,b"', '" lead"', r'"\u0001\u007f\u00e4\u2028\u0008\u000c"', '"Zitat: \\"Nein\\", sagte er."'])
EDGE_QUERIES = {
    "terms": f"SELECT ?x ?n WHERE {{ VALUES ?x {{ {EDGE_VALUES} }} BIND(STRLEN(STR(?x)) AS ?n) }}",
    "unbound": "SELECT ?x ?y WHERE { VALUES (?x ?y) { (UNDEF UNDEF) (UNDEF 1) } }",
    "one_empty_column": 'SELECT ?x WHERE { VALUES ?x { "" } }',
    "no_rows": "SELECT ?x WHERE { FILTER(false) }",
    "blank_node": "SELECT ?b WHERE { BIND(BNODE() AS ?b) }",
}
QUERIES = {**q.shipped_queries(), **EDGE_QUERIES}


@pytest.fixture(scope="module")
def graph():
    return q.load_graph(GOLDEN)


def as_rdflib(result) -> Result:
    """The same rows as a plain rdflib Result (what a remote endpoint's answer becomes)."""
    plain = Result("SELECT")
    plain.vars = list(result.vars)
    plain.bindings = list(result.bindings)
    return plain


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
@pytest.mark.parametrize("name", sorted(QUERIES))
def test_python_writers_write_what_oxigraph_writes(graph, name, fmt):
    by_oxigraph = q.format_result(q.run(QUERIES[name], graph), fmt)
    read = q.run(QUERIES[name], graph)
    read.solutions  # noqa: B018 (read first: the Python writer then formats the Oxigraph terms)
    from_terms = q.format_result(read, fmt)
    from_rdflib = q.format_result(as_rdflib(q.run(QUERIES[name], graph)), fmt)
    if name == "blank_node":  # a fresh blank node per evaluation: compare the shape
        by_oxigraph, from_terms, from_rdflib = (s.split("_:")[0] if fmt != "json" else s.split('"value"')[0]
                                                for s in (by_oxigraph, from_terms, from_rdflib))
    assert from_terms == by_oxigraph
    assert from_rdflib == by_oxigraph


def test_local_result_is_read_lazily_and_can_be_read_again(graph):
    result = q.run(q.shipped_queries()["alliances"], graph)
    n = len(result)
    assert n > 0 and result._bindings is None  # counted without building rdflib terms
    text = q.format_result(result, "csv")
    assert text.count("\r\n") == n + 1
    rows = list(result)  # after Oxigraph wrote them: evaluated again
    assert len(rows) == n
    assert isinstance(rows[0].country1, URIRef) and isinstance(rows[0].evidence, Literal)
    assert int(rows[0].evidence) >= int(rows[-1].evidence)  # ORDER BY DESC(?evidence) kept
    assert q.rows(result)[0]["country1Iso"] == str(rows[0].country1Iso)


def test_replaced_bindings_are_what_the_writers_write(graph):
    result = q.run(q.shipped_queries()["country_ties"], graph)
    first = result.bindings[0]
    result.bindings = [first]
    assert len(result) == 1
    assert q.format_result(result, "csv").count("\r\n") == 2


def test_rows_give_lexical_values_and_bnode_ids():
    plain = Result("SELECT")
    x, y = results.Variable("x"), results.Variable("y")
    plain.vars = [x, y]
    plain.bindings = [{x: BNode("b7"), y: Literal(3)}, {}, {x: URIRef("http://x/")}]
    assert q.rows(plain) == [{"x": "b7", "y": "3"}, {"x": "http://x/", "y": ""}]
    assert q.format_result(plain, "csv") == "x,y\r\n_:b7,3\r\n,\r\nhttp://x/,\r\n"


def rich_table(result) -> str:
    """The table as rich drew it before kg drew its own."""
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    names = [str(v) for v in result.vars]
    for n in names:
        t.add_column(n, overflow="fold")
    for r in q.rows(result):
        t.add_row(*[results.table_cell(("uri" if r[n].startswith("https://") else "literal", r[n], None, None))
                    for n in names])
    buf = io.StringIO()
    Console(file=buf, width=200, force_terminal=False).print(t)
    return buf.getvalue()


@pytest.mark.parametrize("name", ["country_ties", "alliances", "statements"])
def test_table_looks_like_rich_and_fits_the_width(graph, name):
    text = q.format_result(q.run(q.shipped_queries()[name], graph), "table")
    assert text == rich_table(q.run(q.shipped_queries()[name], graph))
    widths = {len(line) for line in text.splitlines()}
    assert len(widths) == 1 and widths.pop() <= 200
    if name == "statements":
        assert "│ kgr:" in text and "│ https:" not in text  # resource IRIs shortened


def test_table_wraps_and_folds_long_cells():
    plain = Result("SELECT")
    x = results.Variable("x")
    plain.vars = [x]
    text = "wort " * 60 + "x" * 250
    plain.bindings = [{x: Literal(text)}, {x: Literal("zwei\nZeilen\tmit Tab")}]
    lines = q.format_result(plain, "table").splitlines()
    assert {len(line) for line in lines} == {200}
    cells = [line[2:-2].rstrip() for line in lines[3:-1]]
    assert cells[0].startswith("wort wort") and max(len(c) for c in cells) == 196
    assert "x" * 196 in cells and "x" * 54 in cells  # the long word folded at the column width
    assert "".join(cells).replace(" ", "") == (text + "zweiZeilenmitTab").replace(" ", "")
    assert cells[-2:] == ["zwei", "Zeilen mit Tab"]
