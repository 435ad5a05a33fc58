"""The alliance network: networkx from the RDF graph, pyvis HTML that works offline."""

from __future__ import annotations

import html as html_lib
import json
import re

import networkx as nx
from rdflib import Graph

from kg.extract.lexicon import relation_types
from kg.query import run, shipped_queries

# colour per relation type; cooperative ones green/blue, hostile ones red/orange
TYPE_COLOURS = {
    "alliance": "#1b7837", "cooperation": "#5aae61", "military_cooperation": "#2166ac",
    "economic_cooperation": "#a6dba0", "support": "#4393c3", "diplomatic_support": "#35978f",
    "military_support": "#053061", "aid": "#80cdc1", "agreement": "#92c5de",
    "armed_conflict": "#b2182b", "attack": "#67001f", "sanctions": "#f4a582", "threat": "#d6604d",
    "criticism": "#e08214", "tension": "#fdb863",
}
POLARITY_COLOURS = {"cooperative": "#1b7837", "hostile": "#b2182b", "neutral": "#888888"}
POLARITY_DASHES = {"cooperative": False, "hostile": True, "neutral": [2, 6]}

EVIDENCE_QUERY = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?iso1 ?iso2 ?type ?text ?source WHERE {
  ?rel a kg:Relation ; kg:negated false ; kg:source/kg:isoCode ?iso1 ; kg:target/kg:isoCode ?iso2 ;
       kg:relationType ?rt ; kg:evidence ?ev .
  BIND(STRAFTER(STR(?rt), "relation-type/") AS ?type)
  ?ev schema:text ?text ; prov:wasDerivedFrom/kg:sourceFile ?source .
} ORDER BY ?iso1 ?iso2 ?type ?source ?text
"""


def relation_network(graph: Graph) -> nx.MultiDiGraph:
    """Countries as nodes, one edge per relation (type, polarity, evidence count and sentences)."""
    net = nx.MultiDiGraph()
    evidence: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for r in run(EVIDENCE_QUERY, graph):
        evidence.setdefault((str(r.iso1), str(r.iso2), str(r.type)), []).append((str(r.text), str(r.source)))
    for r in run(shipped_queries()["alliances"], graph):
        a, b = str(r.country1Iso), str(r.country2Iso)
        net.add_node(a, label=str(r.country1Label))
        net.add_node(b, label=str(r.country2Label))
        rtype = str(r.relation)
        known = relation_types().get(rtype)
        net.add_edge(a, b, key=rtype, type=rtype, polarity=str(r.polarity), evidence=int(r.evidence),
                     directed=bool(known and known.directed),
                     sentences=evidence.get((a, b, rtype), []))
    return net


def _edge_title(a: str, b: str, data: dict, labels: dict) -> str:
    # vis-network shows string titles as plain text, so no markup is needed or interpreted
    lines = [f"{labels[a]} – {labels[b]}: {_type_label(data['type'])} ({data['type']}; "
             f"{POLARITY_LABELS.get(data['polarity'], data['polarity'])}, {data['evidence']} Belege)"]
    for text, source in data["sentences"][:5]:
        lines.append(f"• {text} [{source}]")
    return "\n".join(lines)


POLARITY_LABELS = {"cooperative": "kooperativ", "hostile": "feindlich", "neutral": "neutral"}


def _type_label(code: str) -> str:
    """The German name of a relation type (relation_types.tsv), as the map speaks German like its
    country names; the code stays in the edge's tooltip for matching query results."""
    known = relation_types().get(code)
    return known.label if known else code.replace("_", " ")


def legend_html() -> str:
    items = "".join(
        f'<li><span style="display:inline-block;width:28px;height:4px;background:{c};margin-right:6px;'
        f'vertical-align:middle"></span>{html_lib.escape(_type_label(t))}</li>'
        for t, c in TYPE_COLOURS.items()
    )
    return (
        '<div id="kg-legend" style="position:absolute;top:10px;right:10px;background:#fff;border:1px solid #ccc;'
        'padding:8px 12px;font:13px sans-serif;z-index:10"><b>Beziehungen</b>'
        f'<ul style="list-style:none;padding:0;margin:4px 0">{items}</ul>'
        '<div>— kooperativ &nbsp; - - - feindlich &nbsp; · · · neutral (grau)</div><div>Kantenstärke: Anzahl Belege · Knotengröße: Grad</div></div>'
    )


def html(graph: Graph, title: str = "kg – Allianzen und Konflikte") -> str:
    """A self-contained HTML page (all JavaScript inline, nothing fetched from the network)."""
    from pyvis.network import Network

    net = relation_network(graph)
    labels = nx.get_node_attributes(net, "label")
    vis = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", heading="")
    degree = dict(nx.Graph(net).degree())
    for node in sorted(net.nodes):
        vis.add_node(node, label=labels[node], title=f"{labels[node]} ({node}), {degree[node]} Beziehungen",
                     size=12 + 6 * degree[node], color="#f0f0f0", borderWidth=2,
                     font={"size": 18, "strokeWidth": 4, "strokeColor": "#ffffff"})
    # parallel edges of one country pair must bend apart, else they are drawn on top of each other
    nth: dict[frozenset, int] = {}
    for a, b, key, data in sorted(net.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        k = nth[frozenset((a, b))] = nth.get(frozenset((a, b)), -1) + 1
        vis.add_edge(a, b, title=_edge_title(a, b, data, labels), label=_type_label(data["type"]),
                     color=TYPE_COLOURS.get(data["type"], POLARITY_COLOURS[data["polarity"]]),
                     width=1 + 2 * data["evidence"], dashes=POLARITY_DASHES[data["polarity"]],
                     arrows="to" if data.get("directed") else "",
                     smooth={"type": "curvedCW" if k % 2 else "curvedCCW", "roundness": 0.22 * ((k + 1) // 2)})
    vis.set_options(json.dumps({
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300},
                    "forceAtlas2Based": {"gravitationalConstant": -180, "springLength": 230, "avoidOverlap": 0.6}},
        "interaction": {"hover": True, "tooltipDelay": 100},
        "edges": {"font": {"size": 12, "align": "middle", "strokeWidth": 4, "strokeColor": "#ffffff"}},
    }))
    page = vis.generate_html(notebook=False)
    # pyvis always links Bootstrap from a CDN; the page needs none of it
    page = re.sub(r"<link[^>]+cdn\.jsdelivr[^>]*/>", "", page)
    page = re.sub(r"<script\s+src=\"https://cdn\.jsdelivr[^>]*>\s*</script>", "", page)
    page = page.replace("<head>", f"<head>\n<title>{html_lib.escape(title)}</title>", 1)
    page = page.replace("</head>", "<style>div.vis-tooltip{white-space:pre-wrap;max-width:520px}</style></head>", 1)
    page = page.replace('<div class="card" style="width: 100%">', legend_html() + '<div class="card" style="width: 100%">', 1)
    return page
