"""Ingest: .txt/.md/.html/.jsonl in one folder become articles; metadata reaches the graph; bad lines are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF

from kg.ingest import Article, Problem, iter_articles
from kg.rdf.namespace import KG, SCHEMA

TXT = """Polen sagt der Ukraine weitere Hilfe zu

Polen will die Ukraine weiter mit Waffen unterstützen. „Wir stehen fest an der Seite der Ukraine“, sagte der polnische Außenminister am Montag in Warschau. Die Regierung in Kiew begrüßte die Zusage und sprach von einem wichtigen Signal an die Partner in Europa.
"""

MD = """# Frankreich und Deutschland vereinbaren engere Zusammenarbeit

Frankreich und Deutschland wollen in der Verteidigungspolitik enger zusammenarbeiten. Die beiden Regierungen unterzeichneten am Dienstag in Paris eine Vereinbarung über gemeinsame Rüstungsprojekte. „Europa muss seine Sicherheit selbst in die Hand nehmen“, erklärte der französische Präsident.
"""

HTML = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Sanktionen gegen Iran verschärft</title>
<meta property="og:title" content="Sanktionen gegen Iran verschärft">
<script>var tracker = function() { window.dataLayer = []; console.log("zaehlpixel"); };</script>
</head><body>
<nav><ul><li><a href="/politik">Politik</a></li><li><a href="/sport">Sportnachrichten</a></li><li><a href="/abo">Abonnieren</a></li></ul></nav>
<article>
<h1>Sanktionen gegen Iran verschärft</h1>
<p>Die Europäische Union hat ihre Sanktionen gegen Iran am Mittwoch deutlich verschärft. Betroffen sind vor allem Unternehmen, die Drohnen an Russland liefern sollen.</p>
<p>„Wer Russland bei diesem Krieg hilft, muss die Folgen tragen“, sagte die Außenbeauftragte der Europäischen Union in Brüssel. Teheran wies die Vorwürfe zurück und kündigte Gegenmaßnahmen an.</p>
<p>Die Regierung in Berlin unterstützt die Entscheidung ausdrücklich und fordert weitere Schritte gegen die Umgehung der bestehenden Sanktionen.</p>
</article>
<footer>Impressum · Datenschutz · Kontakt</footer>
<script src="/static/app.js"></script>
</body></html>
"""

JSONL_GOOD = [
    {"id": "a1", "title": "Japan und Südkorea verstärken Zusammenarbeit", "date": "2024-11-04",
     "url": "https://example.org/japan-suedkorea", "source": "Beispielzeitung",
     "text": "Japan und Südkorea wollen ihre militärische Zusammenarbeit ausbauen. Die Verteidigungsminister beider "
             "Länder trafen sich am Montag in Tokio. „Wir müssen gemeinsam auf die Bedrohung reagieren“, sagte der "
             "japanische Verteidigungsminister nach dem Treffen."},
    {"id": "a2", "title": "China warnt Taiwan", "date": "2024-11-05", "url": "https://example.org/china-taiwan",
     "text": "China hat Taiwan erneut vor einer Unabhängigkeitserklärung gewarnt. Ein Sprecher des Außenministeriums "
             "in Peking sagte, man werde jede Provokation entschieden beantworten. Die Regierung in Taipeh wies die "
             "Drohungen zurück und rief zur Ruhe auf."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("ingest_corpus")
    (root / "polen.txt").write_text(TXT, encoding="utf-8")
    (root / "frankreich.md").write_text(MD, encoding="utf-8")
    (root / "iran.html").write_text(HTML, encoding="utf-8")
    lines = [json.dumps(JSONL_GOOD[0], ensure_ascii=False), '{"id": "kaputt", "text": "Unvollständig',
             json.dumps(JSONL_GOOD[1], ensure_ascii=False)]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    from kg.build import build

    out = tmp_path_factory.mktemp("ingest_out")
    report = build([corpus], out)
    return out, report, Graph().parse(out / "graph.ttl", format="turtle")


def test_every_format_is_read(corpus):
    items = list(iter_articles([corpus]))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert sorted(a.source for a in articles) == ["feed.jsonl", "feed.jsonl", "frankreich.md", "iran.html", "polen.txt"]
    assert len(problems) == 1 and problems[0].path.endswith("feed.jsonl:2"), problems
    assert "malformed" in problems[0].problem.lower() or "json" in problems[0].problem.lower()


def test_html_boilerplate_is_dropped(corpus):
    html = next(a for a in iter_articles([corpus / "iran.html"]) if isinstance(a, Article))
    assert "Sanktionen gegen Iran" in html.body and "Außenbeauftragte" in html.body
    for junk in ("dataLayer", "zaehlpixel", "function", "Sportnachrichten", "Abonnieren", "app.js"):
        assert junk not in html.text, f"{junk!r} from script/nav leaked into the article text"
    assert html.title == "Sanktionen gegen Iran verschärft"


def test_build_reports_bad_line_and_builds_the_rest(built):
    _out, report, _g = built
    assert len(report.built) == 5
    assert [p.path.rsplit(":", 1)[-1] for p in report.problems] == ["2"]


def test_jsonl_metadata_reaches_the_graph(built):
    _out, _report, g = built
    headlines = {str(o) for o in g.objects(None, SCHEMA.headline)}
    assert {"Japan und Südkorea verstärken Zusammenarbeit", "China warnt Taiwan"} <= headlines
    dates = {str(o) for o in g.objects(None, SCHEMA.datePublished)}
    assert {"2024-11-04", "2024-11-05"} <= dates
    urls = {str(o) for o in g.objects(None, SCHEMA.url)}
    assert "https://example.org/china-taiwan" in urls
    arts = set(g.subjects(RDF.type, SCHEMA.NewsArticle))
    assert len(arts) == 5
    art = next(g.subjects(SCHEMA.headline, Literal("China warnt Taiwan")))
    assert g.value(art, KG.sourceFile) == Literal("feed.jsonl")


def test_ingested_texts_yield_statements(built):
    _out, report, g = built
    quotes = {str(o) for s in g.subjects(RDF.type, KG.Statement) for o in g.objects(s, SCHEMA.text)}
    assert any("Seite der Ukraine" in q for q in quotes), quotes
    assert any("Folgen tragen" in q for q in quotes), "the quotation in the HTML article was not found"
    assert report.statements >= 3


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_empty_jsonl_is_a_problem_that_names_the_file(tmp_path, content):
    path = tmp_path / "leer.jsonl"
    path.write_text(content, encoding="utf-8")
    items = list(iter_articles([path]))
    assert len(items) == 1 and isinstance(items[0], Problem)
    assert items[0].path == str(path) and "empty" in items[0].problem


def test_jsonl_with_only_bad_lines_names_the_lines_not_the_file(tmp_path):
    path = tmp_path / "kaputt.jsonl"
    path.write_text('{"text": ""}\n\n{"id": 1}\n', encoding="utf-8")
    problems = list(iter_articles([path]))
    assert [p.path for p in problems] == [f"{path}:1", f"{path}:3"]
