"""kg.build's own N-Triples lines and the alliance map's graph, against what rdflib makes of them."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace

from kg.build import NETWORK_SKIP, _NetworkGraph, ntriples
from kg.query import run

EX = "https://example.org/"


def triples():
    s = URIRef(EX + "a")
    return [
        (s, namespace.RDFS.label, Literal('Er sagte: "Nein"\nund ging.\r\\')),
        (s, namespace.RDFS.label, Literal("Ukraine", lang="de")),
        (s, URIRef(EX + "n"), Literal(3)),
        (s, URIRef(EX + "c"), Literal("0.5", datatype=namespace.XSD.decimal)),
        (s, URIRef(EX + "k"), URIRef(EX + "b")),
        # the same lexical form as another language, datatype or none: lines are cached by all three
        (s, namespace.RDFS.label, Literal("Ukraine", lang="en")),
        (s, namespace.RDFS.label, Literal("Ukraine")),
        (s, URIRef(EX + "n"), Literal("3")),
        (s, URIRef(EX + "n"), Literal("3", datatype=namespace.XSD.decimal)),
    ]


def test_same_lines_as_rdflib_serializer():
    g = Graph()
    for t in triples() + triples():
        g.add(t)
    expected = sorted(set(l for l in g.serialize(format="nt").splitlines() if l.strip()))
    assert ntriples(triples() + triples()) == expected
    assert ntriples(g) == expected


def test_line_separator_in_a_literal_stays_one_line():
    lines = ntriples([(URIRef(EX + "a"), namespace.RDFS.label, Literal("eins\u2028zwei"))])
    assert len(lines) == 1
    g = Graph().parse(data="\n".join(lines) + "\n", format="nt")
    assert str(next(iter(g))[2]) == "eins\u2028zwei"


def test_lone_surrogate_fails_the_article():
    with pytest.raises(UnicodeEncodeError):
        ntriples([(URIRef(EX + "a"), namespace.RDFS.label, Literal("kaputt \udcff"))])


def test_network_graph_streams_in_chunks(monkeypatch):
    monkeypatch.setattr(_NetworkGraph, "CHUNK", 3)
    net = _NetworkGraph()
    kept = [f"<{EX}x{i}> <{namespace.RDFS.label}> \"{i}\" ." for i in range(7)]
    skipped = f"<{NETWORK_SKIP[0]}1> <{namespace.RDFS.label}> \"m\" ."
    for line in kept[:4] + [skipped] + kept[4:]:
        net.add(line)
    assert len(net.lines) < 3  # flushed as it went
    net.flush()
    rows = run(f"SELECT ?s ?o WHERE {{ ?s <{namespace.RDFS.label}> ?o }} ORDER BY ?o", net.graph)
    assert [str(r.o) for r in rows] == [str(i) for i in range(7)]


def test_gc_threshold_of_a_build_is_undone():
    """A build collects young objects less often; the caller gets the collector back as it was, also
    when the build fails."""
    import gc

    from kg.build import GC_YOUNG, _gc_for_build

    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with _gc_for_build():
            assert gc.get_threshold()[0] == GC_YOUNG != before[0]
            raise RuntimeError("extraction failed")
    assert gc.get_threshold() == before
