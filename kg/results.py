"""Query results and their writers (W3C SPARQL CSV, TSV and JSON results, and a readable table).

A local SELECT result keeps Oxigraph's solutions unread: `kg query -f csv|tsv|json` lets Oxigraph
evaluate and write them in one pass (no Python object per row), the table and library callers read
them as Oxigraph terms, and rdflib terms are built only when a caller asks for `bindings` (building
them costs more than the query itself on large graphs; benchmarks/store_bench.py). Results that are
rdflib's (remote endpoints, rdflib-backed graphs) go through the Python writers below, which write
exactly what Oxigraph writes (tests/test_results.py), so local and remote answers print the same."""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from typing import Callable, Iterable, Sequence

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.query import Result

from kg.errors import QueryError

_XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = _XSD + "string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_KGR = "https://w3id.org/kg-news/id/"  # kg.rdf.namespace.KGR, shortened to kgr: in the table


@contextmanager
def evaluating():
    """Oxigraph reports evaluation failures (e.g. a failing SERVICE) while results are read."""
    try:
        yield
    except (OSError, RuntimeError) as err:
        raise QueryError(f"query failed: {err}") from err


class OxResult(Result):
    """A SELECT result over Oxigraph solutions, read at most once: by Oxigraph's writers (`take`) or
    into a list of Oxigraph terms (`solutions`); `bindings` converts those to rdflib terms on first
    use. `rerun` evaluates the query again when the solutions are asked for after a writer took them."""

    def __init__(self, solutions, rerun: Callable | None = None):
        super().__init__("SELECT")
        self.vars = [Variable(v.value) for v in solutions.variables]
        self._pending, self._rerun, self._solutions = solutions, rerun, None

    def take(self):
        """The unread Oxigraph solutions (None once read)."""
        pending, self._pending = self._pending, None
        return pending

    @property
    def solutions(self) -> list | None:
        """Rows of Oxigraph terms aligned with `vars` (None = unbound); None once a caller has replaced
        the bindings."""
        if self._solutions is None and (self._pending is not None or self._rerun is not None):
            with evaluating():
                source = self.take()
                self._solutions = list(source if source is not None else self._rerun())
        return self._solutions

    @property
    def bindings(self):
        if self._bindings is None and self.solutions is not None:
            conv = converter()
            self._bindings = [{v: conv(t) for v, t in zip(self.vars, sol) if t is not None} for sol in self.solutions]
        return Result.bindings.fget(self)

    @bindings.setter
    def bindings(self, value) -> None:
        self._pending = self._rerun = self._solutions = None  # the caller's rows are the truth from now on
        Result.bindings.fset(self, value)

    def __iter__(self):
        self.bindings  # noqa: B018 (Result.__iter__ reads _bindings: convert first)
        return super().__iter__()

    def __len__(self) -> int:
        if self._bindings is None and self.solutions is not None:
            return len(self.solutions)
        return super().__len__()


def converter() -> Callable:
    """Oxigraph term -> rdflib term (plain strings without xsd:string, as rdflib writes them). Results
    repeat the same terms in many rows (speakers, labels, types), so each is converted once."""
    cache: dict = {}

    def conv(t):
        term = cache.get(t)
        if term is None:
            term = cache[t] = to_rdflib(t)
        return term

    return conv


def to_rdflib(t):
    kind, value, datatype, lang = ox_parts(t)
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return Literal(value, lang=lang, datatype=URIRef(datatype) if datatype else None)


def ox_parts(t) -> tuple[str, str, str | None, str | None]:
    """(kind, value, datatype, language) of an Oxigraph term; plain and language-tagged strings have
    no datatype, as in rdflib."""
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return "uri", t.value, None, None
    if isinstance(t, ox.BlankNode):
        return "bnode", t.value, None, None
    if isinstance(t, ox.Literal):
        dt = t.datatype.value
        return "literal", t.value, None if dt in (XSD_STRING, _LANG_STRING) else dt, t.language
    raise QueryError(f"unexpected term in a query result: {t!r}")


def rdflib_parts(t) -> tuple[str, str, str | None, str | None]:
    if isinstance(t, URIRef):
        return "uri", str(t), None, None
    if isinstance(t, BNode):
        return "bnode", str(t), None, None
    if isinstance(t, Literal):
        dt = str(t.datatype) if t.datatype is not None else None
        return "literal", str(t), None if dt == XSD_STRING else dt, t.language
    raise QueryError(f"unexpected term in a query result: {t!r}")


def matrix(result: Result) -> tuple[list[str], Iterable[Sequence], Callable]:
    """(variable names, rows as sequences aligned with them (None = unbound), term -> parts)."""
    names = [str(v) for v in result.vars]
    if isinstance(result, OxResult) and result.solutions is not None:
        return names, result.solutions, ox_parts
    vars_ = list(result.vars)
    return names, ([b.get(v) for v in vars_] for b in result.bindings), rdflib_parts


def _cells(result: Result, cell: Callable[[tuple], str]) -> tuple[list[str], Iterable[list[str]]]:
    """Rows of formatted cells ('' when unbound); each distinct term is formatted once."""
    names, rows, parts = matrix(result)
    cache: dict = {None: ""}

    def fmt(t):
        s = cache.get(t)
        if s is None:
            s = cache[t] = cell(parts(t))
        return s

    return names, ([fmt(t) for t in row] for row in rows)


def _oxigraph_writes(result: Result, fmt: str) -> str | None:
    """Oxigraph's own serialisation of a local result nobody has read yet."""
    pending = result.take() if isinstance(result, OxResult) else None
    if pending is None:
        return None
    import pyoxigraph as ox

    with evaluating():
        return pending.serialize(format=getattr(ox.QueryResultsFormat, fmt)).decode("utf-8")


# --- cell formats: the W3C formats as Oxigraph writes them ------------------------------------

def csv_cell(p: tuple) -> str:
    value = "_:" + p[1] if p[0] == "bnode" else p[1]
    if any(c in value for c in '",\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
# numbers and booleans whose lexical form is Turtle's shorthand are written bare
_TSV_BARE = {_XSD + "integer": re.compile(r"[+-]?[0-9]+"),
             _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
             _XSD + "double": re.compile(r"[+-]?([0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+"),
             _XSD + "boolean": re.compile(r"true|false")}


def tsv_cell(p: tuple) -> str:
    """The term in Turtle syntax, escaped so that no tab or line break ends the cell."""
    kind, value, datatype, lang = p
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return "_:" + value
    if datatype in _TSV_BARE and _TSV_BARE[datatype].fullmatch(value):
        return value
    body = '"' + value.translate(_TSV_ESCAPES) + '"'
    if lang:
        return f"{body}@{lang}"
    return f"{body}^^<{datatype}>" if datatype else body


def json_cell(p: tuple) -> str:
    kind, value, datatype, lang = p
    term = {"type": kind, "value": value}
    if lang is not None:
        term["xml:lang"] = lang
    elif datatype is not None:
        term["datatype"] = datatype
    return _json(term)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def table_cell(p: tuple) -> str:
    """Resource IRIs as kgr:… in the human-readable table (CSV/TSV/JSON keep full IRIs)."""
    if p[0] == "uri" and p[1].startswith(_KGR):
        return "kgr:" + p[1][len(_KGR):]
    return p[1].replace("\t", " ").replace("\r", "")


# --- writers ------------------------------------------------------------------------------------

def to_csv(result: Result) -> str:
    """W3C SPARQL 1.1 CSV results (\r\n line ends)."""
    done = _oxigraph_writes(result, "CSV")
    if done is not None:
        return done
    names, rows = _cells(result, csv_cell)
    return "".join([",".join(names) + "\r\n", *(",".join(r) + "\r\n" for r in rows)])


def to_tsv(result: Result) -> str:
    """W3C SPARQL 1.1 TSV results: `?var` header, terms in Turtle syntax."""
    done = _oxigraph_writes(result, "TSV")
    if done is not None:
        return done
    names, rows = _cells(result, tsv_cell)
    return "".join(["\t".join("?" + n for n in names) + "\n", *("\t".join(r) + "\n" for r in rows)])


def to_json(result: Result) -> str:
    """W3C SPARQL 1.1 JSON results."""
    done = _oxigraph_writes(result, "JSON")
    if done is not None:
        return done
    names, rows = _cells(result, json_cell)
    keys = [_json(n) + ":" for n in names]
    bindings = ",".join("{" + ",".join(k + c for k, c in zip(keys, r) if c) + "}" for r in rows)
    return '{"head":{"vars":' + _json(names) + '},"results":{"bindings":[' + bindings + "]}}"


def rows(result: Result) -> list[dict[str, str]]:
    """Rows as {variable: lexical value} ('' when unbound); as iterating a Result does, rows with
    nothing bound are left out."""
    names, rows_, parts = matrix(result)
    cache: dict = {None: ""}
    out = []
    for row in rows_:
        if any(t is not None for t in row):
            out.append({n: cache[t] if t in cache else cache.setdefault(t, parts(t)[1]) for n, t in zip(names, row)})
    return out


# --- the readable table -------------------------------------------------------------------------
# Drawn like rich's default table (heavy head, light body), but straight from the strings: rich
# measures and lays out every cell through its renderables, about 4 ms a row on a wide result.

def to_table(result: Result, width: int = 200) -> str:
    names, cells = _cells(result, table_cell)
    body = list(cells)
    measure = _Measure()
    natural = [measure(n) for n in names]
    for row in body:
        for i, c in enumerate(row):
            m = measure(c)
            if m > natural[i]:
                natural[i] = m
    widths = _fit(natural, width - 1 - 3 * len(names))
    columns = [_Column(w, measure) for w in widths]
    out = ["┏" + "┳".join("━" * (w + 2) for w in widths) + "┓"]
    out += _row_lines(names, columns, "┃", bottom=True)
    out.append("┡" + "╇".join("━" * (w + 2) for w in widths) + "┩")
    for row in body:
        out += _row_lines(row, columns, "│")
    out.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    return "\n".join(out) + "\n"


class _Measure(dict):
    """Text -> terminal cells of its widest line (wide characters count 2), memoised."""

    def __missing__(self, text: str) -> int:
        from rich.cells import cell_len

        n = self[text] = max(cell_len(line) for line in text.split("\n"))
        return n

    def __call__(self, text: str) -> int:
        return self[text]


class _Column(dict):
    """Cell text -> its lines wrapped and padded to the column width, memoised (labels, types and
    IRIs repeat down a column)."""

    def __init__(self, width: int, measure: _Measure):
        super().__init__()
        self.width, self.measure = width, measure
        self.blank = " " * width

    def __missing__(self, text: str) -> list[str]:
        fits = "\n" not in text and self.measure(text) <= self.width
        lines = [text] if fits else _wrap(text, self.width, self.measure)
        padded = self[text] = [line + " " * (self.width - self.measure(line)) for line in lines]
        return padded


def _fit(natural: list[int], room: int) -> list[int]:
    """Column widths: each column its natural width while the table fits, else the widest are capped
    at the same width (narrow columns stay whole)."""
    if sum(natural) <= room:
        return natural
    cap = max(room // max(len(natural), 1), 1)
    while sum(min(n, cap + 1) for n in natural) <= room:
        cap += 1
    widths = [min(n, cap) for n in natural]
    spare = room - sum(widths)
    for i, n in enumerate(natural):
        if spare > 0 and n > cap:
            widths[i] += 1
            spare -= 1
    return widths


def _row_lines(cells: list[str], columns: list[_Column], bar: str, bottom: bool = False) -> list[str]:
    """One table row; cells that wrap stand at the top (the header's at the bottom, as rich draws it)."""
    sep = f" {bar} "
    parts = [col[c] for col, c in zip(columns, cells)]
    height = max(map(len, parts), default=1)
    if height == 1:
        return [f"{bar} " + sep.join(p[0] for p in parts) + f" {bar}"]
    lines = []
    for k in range(height):
        row = []
        for p, col in zip(parts, columns):
            i = k - (height - len(p) if bottom else 0)
            row.append(p[i] if 0 <= i < len(p) else col.blank)
        lines.append(f"{bar} " + sep.join(row) + f" {bar}")
    return lines


def _wrap(text: str, width: int, measure: _Measure) -> list[str]:
    """Greedy word wrap; a word longer than the column is folded."""
    from rich.cells import cell_len

    lines = []
    for para in text.split("\n"):
        if measure(para) <= width:
            lines.append(para)
            continue
        cur, n = "", 0
        for word in para.split(" "):
            size = measure(word)
            if cur and n + 1 + size <= width:
                cur, n = f"{cur} {word}", n + 1 + size
                continue
            if cur:
                lines.append(cur)
            cur, n = word, size
            while n > width:
                head = _fold(cur, width)
                lines.append(head)
                cur = cur[len(head):]
                n = cell_len(cur)
        lines.append(cur)
    return lines


def _fold(word: str, width: int) -> str:
    """The longest start of `word` that fits in `width` cells (at least one character)."""
    from rich.cells import get_character_cell_size

    used = 0
    for i, ch in enumerate(word):
        used += get_character_cell_size(ch)
        if used > width:
            return word[:max(i, 1)]
    return word
