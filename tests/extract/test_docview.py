"""kg.extract.docview answers like spaCy's own Doc, Span and Token, and extraction through it gives
the same records as extraction on the plain Doc."""

from __future__ import annotations

import pytest

from kg import nlp as kg_nlp
from kg.extract import docview, extract
from kg.extract.doctext import doc_text
from tests.conftest import SEEDS

TEXT = ("Der russische Außenminister Sergej Lawrow sagte am Montag in Moskau: „Wir werden die Sanktionen "
        "nicht hinnehmen.“ Die USA und China vereinbarten laut  Reuters eine engere Zusammenarbeit.\n\n"
        "„Das ist ein Fehler“, so Lawrow. Er sei enttäuscht, hieß es.")
ATTRS = ("text", "lower_", "lemma_", "pos_", "tag_", "idx", "is_space", "is_punct", "is_alpha", "ent_type_",
         "ent_iob_", "whitespace_", "is_sent_start", "i", "dep_", "shape_")


@pytest.fixture(scope="module")
def doc():
    return kg_nlp.load()(TEXT)


def test_tokens_read_like_spacy_tokens(doc):
    view = docview.view(doc)
    assert len(view) == len(doc) and [t.text for t in view] == [t.text for t in doc]
    for tok, mine in zip(doc, view):
        for attr in ATTRS:
            assert getattr(mine, attr) == getattr(tok, attr), (tok.i, attr)
            assert getattr(mine, attr) == getattr(tok, attr), (tok.i, attr)  # the cached value too
        for field in ("VerbForm", "Mood", "Case", "Number", "Tense"):
            assert mine.morph.get(field) == tok.morph.get(field)
        assert mine.morph.get("Nonexistent", "x") == tok.morph.get("Nonexistent", "x")
        assert mine == tok and hash(mine) == hash(tok) and len(mine) == len(tok) and str(mine) == str(tok)
    assert view[-1].text == doc[-1].text
    with pytest.raises(IndexError):
        view[len(doc)]


def test_spans_and_sentences_read_like_spacy_spans(doc):
    view = docview.view(doc)
    assert doc_text(doc) == doc.text  # set from the token array by the view
    for mine, sent in zip(view.sents, doc.sents):
        assert (mine.start, mine.end, mine.start_char, mine.end_char, mine.text) == \
               (sent.start, sent.end, sent.start_char, sent.end_char, sent.text)
        assert mine == sent and mine.doc is view
        assert [t.i for t in mine] == [t.i for t in sent] and len(mine) == len(sent)
        assert mine[0].i == sent[0].i and mine[-1].i == sent[-1].i
    assert len(list(view.sents)) == len(list(doc.sents))
    for a, b in ((0, 3), (2, 2), (-4, None), (5, 1), (None, 400)):
        mine, real = view[a:b], doc[a:b]
        assert (mine.start, mine.end, mine.start_char, mine.end_char, mine.text) == \
               (real.start, real.end, real.start_char, real.end_char, real.text)
        assert (mine[1:].start, mine[1:].end) == (real[1:].start, real[1:].end)
    bounds = [None] + list(range(-len(doc) - 2, len(doc) + 3))
    assert all((view[a:b].start, view[a:b].end) == (doc[a:b].start, doc[a:b].end) for a in bounds for b in bounds)
    assert view.ents == doc.ents and view.has_annotation("POS")


def test_extraction_is_the_same_through_the_view(monkeypatch):
    import kg.extract

    nlp = kg_nlp.load()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))][:8] + [TEXT]
    viewed = [repr(extract(nlp(text), f"d{n}")) for n, text in enumerate(texts)]
    monkeypatch.setattr(kg.extract, "view", lambda doc: doc)  # the rules on spaCy's own objects
    assert [repr(extract(nlp(text), f"d{n}")) for n, text in enumerate(texts)] == viewed


def test_char_offsets_map_to_tokens_like_the_expanded_char_span(doc):
    """Every offset (in a word, on the space after it, in the double space, past the text) gives the
    token doc.char_span(…, alignment_mode="expand") starts at, and 0 where that span is None; every
    range of up to 40 characters the tokens of that span, None where it is None."""
    view = docview.view(doc)
    for char in range(len(doc.text) + 3):
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        assert view.token_at_char(char) == (span.start if span is not None else 0), char
    for s in range(len(doc.text) + 2):
        for e in range(s + 1, min(s + 40, len(doc.text) + 3)):
            span = doc.char_span(s, e, alignment_mode="expand")
            assert view.char_span_bounds(s, e) == ((span.start, span.end) if span is not None else None), (s, e)
