"""Hostile article text can neither run script in alliances.html nor forge IRIs or query text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.rdf.mapping import iri
from kg.rdf.namespace import KGR

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MARK = "PWNED"
PAYLOADS = [f"<script>document.title='{MARK}'</script>", "</script>",
            f"<img src=x onerror=\"document.title='{MARK}'\">", "<img src=x onerror=alert(1)>"]
# file names cannot hold '/', so the file name carries the payloads without it
FILE_NAME = "evil<script>alert(1)<img src=x onerror=alert(1)>.txt"
ARTICLE = (
    f"Deutschland und Frankreich vereinbarten am Dienstag eine enge militärische Zusammenarbeit {PAYLOADS[0]} und "
    f"{PAYLOADS[1]}{PAYLOADS[2]} in Berlin.\n"
    f"„Wir stehen an der Seite der Ukraine {PAYLOADS[0]}“, sagte der Bundeskanzler {PAYLOADS[1]}{PAYLOADS[3]} "
    "am Mittwoch in Berlin.\n"
    f"Russland und China haben ein Bündnis {PAYLOADS[2]} geschlossen, sagte der Sprecher der Regierung in Moskau.\n"
    f"Deutschland unterstützt die Ukraine mit Waffen {PAYLOADS[0]} und {PAYLOADS[1]}{PAYLOADS[2]}.\n"
    f"Polen unterstützt die Ukraine mit Waffen {PAYLOADS[3]}.\n"
)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    from kg.build import build

    root = tmp_path_factory.mktemp("hostile")
    (root / "in").mkdir()
    (root / "in" / FILE_NAME).write_text(ARTICLE, encoding="utf-8")
    report = build([root / "in"], root / "out")
    assert report.built and report.relations, "the hostile article must give a relation, else nothing is tested"
    return root / "out"


def _script_blocks(page: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>(.*?)</script>", page, flags=re.S | re.I)


def test_payloads_reach_the_page_only_escaped(hostile_build, seeds_out):
    page = (hostile_build / "alliances.html").read_text("utf-8")
    assert "mit Waffen" in page  # the evidence sentence is there...
    # (a bare </script> ends the template's own blocks; the block count below covers it)
    for payload in [p for p in PAYLOADS if p != "</script>"] + [FILE_NAME, "</script><img"]:
        assert payload not in page, f"{payload!r} appears unescaped"  # ...but never as markup
    assert "\\u003cscript\\u003edocument.title" in page  # JSON-escaped inside the data block
    # no extra script element and no element outside the template's
    benign = (seeds_out / "alliances.html").read_text("utf-8")
    assert len(_script_blocks(page)) == len(_script_blocks(benign))
    assert len(re.findall(r"<img\b", page, flags=re.I)) == len(re.findall(r"<img\b", benign, flags=re.I))


def test_statement_quote_keeps_the_text_verbatim(hostile_build):
    # escaping is the page's business: the graph keeps what the article said
    from kg import query as q

    rows = q.rows(q.run(q.resolve("statements"), q.load_graph(hostile_build)))
    assert any(PAYLOADS[0] in r["quote"] for r in rows)


PROBE = """<script>
window.addEventListener('load', function () { setTimeout(function () {
  var res = {opened: 0, err: null, elements: 0, text: ''};
  try {  // open the tooltip of every edge the way a hover does
    var ih = network.interactionHandler;
    network.body.edgeIndices.forEach(function (id) {
      ih.popupObj = undefined;
      ih._checkShowPopup(network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5)));
      if (ih.popup) { res.opened++; }
      document.querySelectorAll('div.vis-tooltip *').forEach(function (e) {
        if (e.tagName !== 'BR') { res.elements++; }  // innerText turns newlines into <br>
      });
      document.querySelectorAll('div.vis-tooltip').forEach(function (t) { res.text += t.innerText; });
    });
  } catch (err) { res.err = String(err); }
  document.body.setAttribute('data-probe', JSON.stringify(res));
}, 300); });
</script>"""


def _dump_dom(page: Path, tmp_path: Path) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'chromium-profile'}", "--virtual-time-budget=5000", "--dump-dom",
           page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "<html" in done.stdout, done.stderr[-2000:]
    return done.stdout


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)")
def test_browser_runs_no_injected_script(hostile_build, tmp_path):
    page = (hostile_build / "alliances.html").read_text("utf-8")
    probed = tmp_path / "probed.html"
    cut = page.rfind("</body>")
    probed.write_text(page[:cut] + PROBE + page[cut:], encoding="utf-8")
    dom = _dump_dom(probed, tmp_path)
    title = re.search(r"<title>(.*?)</title>", dom, flags=re.S).group(1)
    assert title == "kg – Allianzen und Konflikte", f"an injected script changed the title to {title!r}"
    assert not re.search(r"<img\b", dom, flags=re.I), "an injected <img> element exists"
    probe = json.loads(re.search(r'data-probe="([^"]*)"', dom).group(1).replace("&quot;", '"')
                       .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    assert probe["err"] is None and probe["opened"] >= 1
    assert probe["elements"] == 0, "a tooltip holds HTML elements built from article text"
    assert PAYLOADS[0] in probe["text"]  # shown as text


# ---------------------------------------------------------------- IRIs and query parameters

@pytest.mark.parametrize("hostile", [
    "person/../../ontology#Person", "person/a b<c>\"{}|^`\\", "person/?q=1#frag", "person/./x",
    "person/\ud800", "person/%41", "person/\n> <http://evil.example/> .", "person/Émile Zola",
])
def test_minted_iris_stay_valid_and_inside_the_namespace(hostile):
    node = iri(hostile)
    tail = str(node)[len(str(KGR)):]
    assert str(node).startswith(str(KGR))
    assert not re.search(r"[\s<>\"{}|^`\\#?]", tail), tail
    assert "." not in tail.split("/") and ".." not in tail.split("/")
    g = Graph()
    g.add((node, URIRef("http://schema.org/name"), Literal(hostile.encode("utf-8", "backslashreplace").decode())))
    again = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert set(again.subjects()) == {node}


def test_different_names_give_different_iris():
    assert len({iri(p) for p in ["person/a b", "person/a%20b", "person/a/b", "person/a%2Fb"]}) == 4


def test_graph_of_hostile_article_parses_and_keeps_iris_in_namespace(hostile_build):
    g = Graph().parse(hostile_build / "graph.ttl", format="turtle")
    for node in set(g.subjects()):
        text = str(node)
        assert not re.search(r"[\s<>\"{}|^`\\]", text), text
        if text.startswith(str(KGR)):
            assert "/../" not in text and "/./" not in text


def test_hostile_query_parameter_is_a_term_not_query_text(hostile_build):
    from kg import query as q
    from kg.errors import QueryError

    graph = q.load_graph(hostile_build)
    text = "PREFIX schema: <http://schema.org/> SELECT ?s WHERE { ?s schema:text ?quote }"
    quotes = [r["quote"] for r in q.rows(q.run(q.resolve("statements"), graph))]
    assert quotes
    name, value = q.parse_param(f"quote={quotes[0]}")
    assert len(q.rows(q.run(text, graph, {name: value}))) == 1  # a real value matches
    for hostile in ['x" } UNION { ?s ?p ?o } #', "x' } UNION { ?s ?p ?o } #", 'x"""} UNION {?s ?p ?o}#',
                    "x\\\" } UNION { ?s ?p ?o } #"]:
        name, value = q.parse_param(f"quote={hostile}")
        assert q.rows(q.run(text, graph, {name: value})) == [], f"{hostile!r} changed the query"
    with pytest.raises(QueryError):
        q.parse_param("s=<http://x> } UNION { ?s ?p ?o } #>")
