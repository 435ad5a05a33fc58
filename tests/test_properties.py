"""Properties over arbitrary text: extraction never crashes, offsets point at what they claim, and the
graph of any text serialises, parses and conforms to the shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.build import extract_text, merge_relations
from kg.ingest import Article, body_end, clean_text
from kg.rdf import mapping

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
WORDS = sorted({w for p in SEEDS.glob("*.txt") for w in p.read_text("utf-8").split()})
SPECIAL = ["„", "“", "”", '"', "'", "«", "»", "‹", "›", "‚", "‘", "\n", "\n\n", ":", ",", ".", "sagte", "erklärte",
           "Deutschland", "Frankreich", "Russland", "Ukraine", "NATO", "unterstützt", "Bündnis", "gegen", "nicht",
           "Merkel", "der Sprecher", "Präsident", "\u200b", "\ufeff", "\u0301", "🙂", "<script>", "&amp;"]

# German-like text: seed words mixed with quote marks, cue words and arbitrary Unicode
german_like = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SPECIAL), st.text(max_size=6)),
                       max_size=120).map(" ".join)
any_text = st.one_of(st.text(max_size=300), german_like)
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def nlp():
    from kg import nlp as kg_nlp

    return kg_nlp.load()


def check_offsets(text: str, result) -> None:
    for ent in result.entities.values():
        for m in ent.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start:m.end] == m.text, (ent.id, m)
    for s in result.statements:
        assert 0 <= s.quote_start <= s.quote_end <= len(text)
        assert text[s.quote_start:s.quote_end] == s.quote
        m = s.speaker_mention
        assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text
        if s.cue_start is not None:
            assert 0 <= s.cue_start <= s.cue_end <= len(text)
    for rel in result.relations:
        for ev in rel.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            # the evidence is the sentence without its trailing whitespace (spaCy's span includes it)
            assert text[ev.start:ev.end].strip() == ev.text


@SETTINGS
@given(text=any_text)
def test_extraction_never_crashes_and_offsets_hold(nlp, text):
    result = extract_text(text, "prop", nlp=nlp)
    check_offsets(text, result)


@SETTINGS
@given(text=st.text(max_size=300))
def test_cleaned_text_is_encodable_and_body_end_in_range(text):
    clean = clean_text(text)
    clean.encode("utf-8")
    assert 0 <= body_end(clean) <= len(clean)


def graph_of(text: str, nlp) -> Graph:
    text = clean_text(text)
    article = Article("prop", "prop.txt", "prop.txt", text, body_end(text))
    result = extract_text(article.body, "prop", nlp=nlp)
    graphs = [mapping.article_graph(article, result), mapping.summary_graph(merge_relations([result])),
              mapping.vocabulary_graph()]
    merged = Graph()
    for g in graphs:
        for t in g:
            merged.add(t)
    return merged


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=german_like)
def test_graph_of_any_text_parses_and_conforms(nlp, text):
    validate = pytest.importorskip("kg.rdf.validate", reason="kg.rdf.validate not present").validate
    turtle = graph_of(text, nlp).serialize(format="turtle")
    parsed = Graph().parse(data=turtle, format="turtle")
    report = validate(parsed)
    assert report.conforms, str(report)
