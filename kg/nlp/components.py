"""kg's rule components: quote-aware sentence boundaries and the gazetteer/NER merge."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp import evidence, names, persons

OPENING = {"„": "“", "»": "«", "«": "»", "‚": "‘", "“": "”"}
STRAIGHT = {'"'}
TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}
MAX_QUOTE_TOKENS = 400  # an unclosed quote mark stops protecting after this many tokens


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    """Sentence starts after terminal punctuation, never inside a quotation and never between a
    quotation and the attribution that follows it (»„…“, sagte X.« stays one sentence).
    A line break always ends a sentence and closes any open quotation."""
    closing: str | None = None
    opened_at = 0
    pending = False  # a sentence may start at the next token
    # collected and set once: assigning tok.is_sent_start per token rescans the doc (quadratic)
    starts = [0] * len(doc)
    # plain lists, read once: a Token object per access made this loop 5% of the whole pipeline.
    # (A token's trailing whitespace is " " or "", never a line break: line breaks are tokens.)
    texts = [t.text for t in doc]
    spaces = doc.to_array([IS_SPACE]).tolist()
    for i, text in enumerate(texts):
        start = i == 0
        if i > 0 and "\n" in texts[i - 1]:
            start, closing, pending = True, None, False
        elif pending and not spaces[i]:
            start = text[:1].isupper() or text[:1].isdigit() or text in OPENING or text in STRAIGHT
            pending = False
        starts[i] = 1 if (start and (not spaces[i] or i == 0)) else -1
        if closing is not None and (text == closing or (closing == '"' and text in STRAIGHT)):
            closing = None
            if i > 0 and texts[i - 1] in TERMINAL:
                pending = True  # „… verändern.“ Die … -> new sentence; „…“, sagte -> not
            continue
        if closing is None:
            if text in OPENING:
                closing, opened_at = OPENING[text], i
            elif text in STRAIGHT:
                closing, opened_at = '"', i
            elif text in TERMINAL:
                pending = True
        elif i - opened_at > MAX_QUOTE_TOKENS:
            closing = None
    if len(doc):
        starts[0] = 1
        doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").reshape(-1, 1).astype("uint64"))
    return doc


ENT_LABELS = {"COUNTRY": "LOC", "ORG": "ORG"}


@Language.component("kg_entities")
def kg_entities(doc: Doc) -> Doc:
    """Gazetteer names become entities with their ids; statistical entities fill the gaps."""
    stat = persons.repair(doc, [names.whole_word(e) for e in doc.ents])
    known = [
        Span(doc, s.start, s.end, label=ENT_LABELS[s.label_], span_id=s.id_)
        for s in doc.spans.get("kg", []) if s.label_ in ENT_LABELS and not names.inside_person(s, stat)
    ]
    stat = evidence.add(doc, stat, known)
    covered = {t for s in known for t in range(s.start, s.end)}
    rest = [e for e in stat if not any(t in covered for t in range(e.start, e.end))]
    doc.ents = filter_spans(known + rest)
    return doc
