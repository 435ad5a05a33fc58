"""Run SPARQL queries (shipped `queries/*.rq`, a file, or stdin) on a graph file; W3C result formats."""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from kg.errors import GraphError, QueryError

FORMATS = ("table", "csv", "tsv", "json")


def shipped_queries() -> dict[str, str]:
    """Name -> text of the queries that ship with kg."""
    root = resources.files("kg.queries")
    return {p.name[:-3]: p.read_text("utf-8") for p in sorted(root.iterdir(), key=lambda p: p.name) if p.name.endswith(".rq")}


def resolve(name_or_file: str, stdin_text: str | None = None) -> str:
    if name_or_file == "-":
        if stdin_text is None:
            raise QueryError("no query text on standard input")
        return stdin_text
    queries = shipped_queries()
    if name_or_file in queries:
        return queries[name_or_file]
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.stem in queries and not path.exists():
        return queries[path.stem]
    if path.is_file():
        return path.read_text("utf-8")
    raise QueryError(f"unknown query {name_or_file!r}: expected a file or one of {', '.join(queries)}")


def description(text: str) -> str:
    lines = [l[1:].strip() for l in text.splitlines() if l.startswith("#")]
    return " ".join(lines)


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Graph:
    g = Graph()
    fmt = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld", "rdf": "xml", "xml": "xml"}
    suffix = Path(path).suffix.lstrip(".")
    try:
        if suffix in ("trig", "nq"):
            from rdflib import Dataset
            ds = Dataset()
            ds.parse(path, format=fmt[suffix])
            for s, p, o, _g in ds.quads():
                g.add((s, p, o))
        else:
            g.parse(path, format=fmt.get(suffix, "turtle"))
    except Exception as err:  # rdflib raises many parser-specific types
        raise GraphError(f"{path}: cannot be parsed as RDF ({type(err).__name__}: {err})") from err
    return g


def load_graph(path: str | Path) -> Graph:
    p = Path(path)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.is_file():
        raise GraphError(f"{p}: no such graph file (expected a Turtle file such as output/graph.ttl; run `kg build` first)")
    return _load_cached(str(p.resolve()), p.stat().st_mtime)


def parse_param(value: str) -> tuple[str, Literal | URIRef]:
    """`name=value` -> (name, RDF term). `<http://…>` gives an IRI, anything else a plain literal."""
    if "=" not in value:
        raise QueryError(f"parameter {value!r}: expected NAME=VALUE")
    name, raw = value.split("=", 1)
    name = name.strip().lstrip("?$")
    if not name.isidentifier():
        raise QueryError(f"parameter name {name!r}: expected a SPARQL variable name")
    if raw.startswith("<") and raw.endswith(">"):
        return name, URIRef(raw[1:-1])
    if raw.lstrip("-").isdigit():
        return name, Literal(int(raw))
    return name, Literal(raw)


def run(text: str, graph: Graph, params: dict | None = None) -> Result:
    try:
        q = prepareQuery(text)
    except Exception as err:
        raise QueryError(f"query does not parse: {err}") from err
    return graph.query(q, initBindings=params or {})


def _cell(term) -> str:
    if term is None:
        return ""
    return str(term)


def format_result(result: Result, fmt: str = "table") -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if result.type != "SELECT":
        return result.serialize(format="turtle").decode() if result.type == "CONSTRUCT" else str(bool(result.askAnswer))
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    if fmt == "csv":
        return result.serialize(format="csv").decode("utf-8")
    if fmt == "tsv":
        return tsv(result)
    return table(result)


def tsv(result: Result) -> str:
    """W3C SPARQL 1.1 TSV results: `?var` header, terms in Turtle syntax (rdflib has no writer)."""
    names = [str(v) for v in result.vars]
    out = ["\t".join("?" + n for n in names)]
    for r in result:
        cells = []
        for n in names:
            term = r[n]
            cells.append("" if term is None else term.n3().replace("\t", "\\t").replace("\n", "\\n"))
        out.append("\t".join(cells))
    return "\n".join(out) + "\n"


def rows(result: Result) -> list[dict[str, str]]:
    names = [str(v) for v in result.vars]
    return [{n: _cell(r[n]) for n in names} for r in result]


def _short(term) -> str:
    """Resource IRIs as kgr:… in the human-readable table (CSV/TSV/JSON keep full IRIs)."""
    from kg.rdf.namespace import KGR

    text = _cell(term)
    return "kgr:" + text[len(str(KGR)):] if isinstance(term, URIRef) and text.startswith(str(KGR)) else text


def table(result: Result) -> str:
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    names = [str(v) for v in result.vars]
    for n in names:
        t.add_column(n, overflow="fold")
    for r in result:
        t.add_row(*[_short(r[n]) for n in names])
    buf = io.StringIO()
    Console(file=buf, width=200, force_terminal=False).print(t)
    return buf.getvalue()
