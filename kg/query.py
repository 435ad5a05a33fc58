"""Run SPARQL queries (shipped `queries/*.rq`, a file, or stdin) on a graph file; W3C result formats."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from kg.errors import GraphError, QueryError
from kg.results import XSD_STRING, OxResult, converter, evaluating, to_csv, to_json, to_table, to_tsv
from kg.results import rows  # noqa: F401 (kg.query.rows is library API)

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


# Files load into Oxigraph (through oxrdflib, so callers still get an rdflib Graph): parsing and
# queries run in Rust, >10x faster than rdflib's in-memory store (benchmarks/store_bench.py).
OX_FORMATS = {"ttl": "TURTLE", "turtle": "TURTLE", "nt": "N_TRIPLES", "trig": "TRIG", "nq": "N_QUADS",
              "jsonld": "JSON_LD", "rdf": "RDF_XML", "xml": "RDF_XML", "owl": "RDF_XML"}


def oxigraph_graph() -> Graph:
    """An empty rdflib Graph backed by an in-memory Oxigraph store (its default graph)."""
    from oxrdflib.store import OxigraphStore

    return Graph(store=OxigraphStore(), identifier=DATASET_DEFAULT_GRAPH_ID)


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Graph:
    import pyoxigraph as ox

    g = oxigraph_graph()
    suffix = Path(path).suffix.lstrip(".").lower()
    fmt = getattr(ox.RdfFormat, OX_FORMATS.get(suffix, "TURTLE"))
    try:
        if fmt.supports_datasets:
            # named graphs (one per article) merge into one graph, as `kg build` writes graph.ttl
            g.store._inner.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                                       for q in ox.parse(path=path, format=fmt))
        else:
            g.store._inner.bulk_load(path=path, format=fmt)
    except (SyntaxError, ValueError, OSError) as err:
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
        if not _IRI.fullmatch(raw[1:-1]):
            raise QueryError(f"parameter {name}: {raw[:80]!r} is not an absolute IRI "
                             "(expected <scheme:...> without spaces or any of <>\"{}|^`\\)")
        return name, URIRef(raw[1:-1])
    if raw.lstrip("-").isdigit():
        return name, Literal(int(raw))
    return name, Literal(raw)


def run(text: str, graph: Graph, params: dict | None = None) -> Result:
    """Run a query; parameters are bound as RDF terms through a VALUES block (see `bind_values`)."""
    if params:
        text = bind_values(text, params)
    store = getattr(graph.store, "_inner", None)
    if store is not None and graph.identifier == DATASET_DEFAULT_GRAPH_ID:
        try:
            with evaluating():
                result = _from_oxigraph(store.query(text), lambda: store.query(text))
        except SyntaxError as err:
            raise QueryError(f"query does not parse: {err}") from err
    else:
        try:
            q = prepareQuery(text)
        except Exception as err:
            raise QueryError(f"query does not parse: {err}") from err
        result = graph.query(q)
    if result.type == "CONSTRUCT" and result.graph is not None:
        _bind_prefixes(result.graph, text)
    return result


_PREFIX_DECL = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>", re.IGNORECASE)


def _bind_prefixes(g: Graph, text: str) -> None:
    """Name a CONSTRUCT result's namespaces as kg's graph and the query do, so its Turtle reads
    kg:speaker rather than an invented ns1:speaker whose number can change between runs."""
    from kg.rdf.mapping import bind

    bind(g)
    for prefix, ns in _PREFIX_DECL.findall(text):
        g.bind(prefix, ns, override=True, replace=True)


def _from_oxigraph(res, rerun) -> Result:
    import pyoxigraph as ox

    if isinstance(res, ox.QuerySolutions):
        return OxResult(res, rerun)
    if isinstance(res, ox.QueryBoolean):
        out = Result("ASK")
        out.askAnswer = bool(res)
        return out
    out = Result("CONSTRUCT")
    out.graph = Graph()
    conv = converter()
    out.graph += ((conv(t.subject), conv(t.predicate), conv(t.object)) for t in res)
    return out


def format_result(result: Result, fmt: str = "table") -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if result.type != "SELECT":
        return result.serialize(format="turtle").decode() if result.type == "CONSTRUCT" else str(bool(result.askAnswer))
    return {"json": to_json, "csv": to_csv, "tsv": to_tsv, "table": to_table}[fmt](result)


tsv, table = to_tsv, to_table  # the writers' names before kg.results


# An absolute IRI as SPARQL's IRIREF allows it: nothing a query parser would read as syntax.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_term(term) -> str:
    """An RDF term in SPARQL syntax. Literals are escaped completely and IRIs checked, so no
    parameter value can end the term and add query text of its own."""
    if isinstance(term, URIRef):
        if not _IRI.fullmatch(str(term)):
            raise QueryError(f"{str(term)[:80]!r} is not an absolute IRI")
        return f"<{term}>"
    if isinstance(term, Literal):
        body = '"' + "".join(_ECHAR.get(c, c) for c in str(term)) + '"'
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.language):
                raise QueryError(f"{term.language!r} is not a language tag")
            return f"{body}@{term.language}"
        if term.datatype and str(term.datatype) != XSD_STRING:
            return f"{body}^^{sparql_term(URIRef(term.datatype))}"
        return body
    raise QueryError(f"parameter values must be IRIs or literals, found {type(term).__name__}")


_TOKEN = re.compile(
    r"(?P<comment>#[^\n]*)"
    r"|(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|"(?:[^"\\\n]|\\.)*")'
    r'|(?P<iri><[^\x00-\x20<>"{}|^`\\]*>)'
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<brace>[{}])")


def bind_values(text: str, params: dict) -> str:
    """The query with `VALUES (?a ?b) { (term term) }` first in its WHERE group, so each parameter is
    bound as an RDF term before the pattern is matched (like rdflib's initBindings) on any engine,
    local or remote. Values are written by `sparql_term`, never pasted as raw text."""
    names = []
    for name in params:
        name = str(name).lstrip("?$")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"parameter name {name!r}: expected a SPARQL variable name")
        names.append(name)
    block = (" VALUES (" + " ".join("?" + n for n in names) + ") { ("
             + " ".join(sparql_term(v) for v in params.values()) + ") } ")
    depth, form, last_word = 0, None, None
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "word":
            word = m.group().upper()
            if depth == 0 and form is None and word in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
                form = word
            last_word = word
        elif kind == "brace":
            if m.group() == "{":
                # CONSTRUCT's template comes before WHERE; every other form's first group is WHERE's
                if depth == 0 and form and (form != "CONSTRUCT" or last_word == "WHERE"):
                    return text[:m.end()] + block + text[m.end():]
                depth += 1
            else:
                depth -= 1
            last_word = None
    raise QueryError("cannot bind parameters: expected a SELECT, CONSTRUCT, ASK or DESCRIBE query with a WHERE { } group")
