"""Check a graph against kg's SHACL shapes (kg/rdf/shapes.ttl) with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.rdf.mapping import PREFIXES


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[str] = field(default_factory=list)  # "focus node | path | message", sorted

    def __str__(self) -> str:
        if self.conforms:
            return "the graph conforms to kg's shapes"
        return f"{len(self.violations)} violation(s):\n" + "\n".join(self.violations)


@lru_cache(maxsize=1)
def shapes() -> Graph:
    g = Graph()
    g.parse(data=resources.files("kg.rdf").joinpath("shapes.ttl").read_text("utf-8"), format="turtle")
    return g


def _short(term, g: Graph) -> str:
    if term is None:
        return "-"
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(str(ns)):
                return f"{prefix}:{term[len(str(ns)):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        # a complex path: show it as the SHACL path expression
        return "[" + ", ".join(f"{_short(p, g)} {_short(o, g)}" for p, o in g.predicate_objects(term)) + "]"
    return term.n3()


def _merged(graph: Graph) -> Graph:
    """pySHACL validates each named graph of a dataset on its own; shapes expect them merged."""
    if not getattr(graph, "context_aware", False):
        return graph
    g = Graph()
    for s, p, o, _ctx in graph.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def validate(graph: Graph) -> ValidationReport:
    """Validate `graph` (e.g. a parsed graph.ttl) against the shipped shapes."""
    from pyshacl import validate as shacl_validate

    conforms, results, _text = shacl_validate(_merged(graph), shacl_graph=shapes(), inference="none",
                                              advanced=False, allow_warnings=False)
    lines = []
    for res in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(res, SH.focusNode)
        path = results.value(res, SH.resultPath)
        msg = results.value(res, SH.resultMessage)
        value = results.value(res, SH.value)
        line = f"{_short(focus, results)} | {_short(path, results)} | {msg}"
        if value is not None:
            line += f" (found {_short(value, results)})"
        lines.append(line)
    return ValidationReport(bool(conforms), sorted(set(lines)))
