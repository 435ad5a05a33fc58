"""`kg export`: a build's graph in another RDF syntax, or its country-relation network as GraphML or
GEXF (for Gephi, yEd, Cytoscape)."""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import GraphError

RDF_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "nq": "N_QUADS", "trig": "TRIG", "jsonld": "JSON_LD"}
NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = tuple(RDF_FORMATS) + NETWORK_FORMATS
_DATASET = ("nq", "trig")  # formats that keep the named graphs (one per article)


def _input(outdir: Path, name: str) -> Path:
    p = outdir / name
    if not p.is_file():
        raise GraphError(f"{p}: no such file (expected a folder written by `kg build`)")
    return p


def export(outdir: str | os.PathLike, fmt: str, output: str | os.PathLike | None = None) -> Path:
    """Write the graph of build folder `outdir` as `fmt` to `output` (default OUTDIR/graph.<fmt>)."""
    from kg.build import write_atomic

    if fmt not in FORMATS:
        raise GraphError(f"export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    out_dir = Path(outdir)
    if not out_dir.is_dir():
        raise GraphError(f"{out_dir}: expected a folder written by `kg build`")
    target = Path(output) if output else out_dir / f"graph.{fmt}"
    if fmt in NETWORK_FORMATS:
        data = network_bytes(_input(out_dir, "graph.ttl"), fmt)
    else:
        data = rdf_bytes(_input(out_dir, "graph.trig" if fmt in _DATASET else "graph.ttl"), fmt)
    write_atomic(target, data)
    return target


def rdf_bytes(source: Path, fmt: str) -> bytes:
    import pyoxigraph as ox

    from kg.rdf.mapping import PREFIXES

    in_fmt = ox.RdfFormat.TRIG if source.suffix == ".trig" else ox.RdfFormat.TURTLE
    out_fmt = getattr(ox.RdfFormat, RDF_FORMATS[fmt])
    try:
        items = list(ox.parse(path=str(source), format=in_fmt))
    except (SyntaxError, ValueError, OSError) as err:
        raise GraphError(f"{source}: cannot be parsed as RDF ({type(err).__name__}: {err})") from err
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if fmt in ("ttl", "trig") else None
    kwargs = {"prefixes": prefixes} if prefixes else {}
    return ox.serialize(items, format=out_fmt, **kwargs) or b""


def flat_network(graph):
    """The relation network with every attribute a string or number (GraphML and GEXF allow no
    lists), the same labels, colours and widths as the HTML map. The relation type is `relation`:
    GEXF reserves an edge attribute `type` for directed/undirected."""
    import networkx as nx

    from kg.network import POLARITY_COLOURS, TYPE_COLOURS, relation_network

    net = relation_network(graph)
    flat = nx.MultiDiGraph()
    for node, data in net.nodes(data=True):
        flat.add_node(node, label=data.get("label", node), iso=node)
    for a, b, key, data in net.edges(keys=True, data=True):
        flat.add_edge(a, b, key=key, label=data["type"].replace("_", " "), relation=data["type"],
                      polarity=data["polarity"], evidence=int(data["evidence"]), weight=int(data["evidence"]),
                      color=TYPE_COLOURS.get(data["type"], POLARITY_COLOURS.get(data["polarity"], "#888888")),
                      sentences="\n".join(f"{text} [{source}]" for text, source in data["sentences"]))
    return flat


def network_bytes(source: Path, fmt: str) -> bytes:
    import io

    import networkx as nx

    from kg.query import load_graph

    net = flat_network(load_graph(source))
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(net, buf, encoding="utf-8")
    else:
        nx.write_gexf(net, buf, encoding="utf-8")
    return buf.getvalue()
