"""Repairs of statistical entity spans that kg's own tokenizer rule would otherwise cut.

kg splits words at a hyphen before a capital ("US-Außenminister" -> "US", "-", "Außenminister") so that
country names inside compounds are found. The NER was trained on unsplit words, so double names lose a
part ("Tina Theune-Meyer" -> "Tina Theune", "Klaus-Michael Koch" -> "Michael Koch"). A statistical entity
that ends or starts at such an in-word hyphen is extended over the rest of the word while that rest is a
proper noun, or for a place a place-name part ("Köln-Nord", "Main-Tauber-Kreis"; data/place_parts.tsv);
common-noun compounds ("Mario Party-Serie", "US-Außenminister") stay as they were."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

# A hyphen before a capital splits compounds so that "US-Außenminister" and
# "Russland-Ukraine-Krieg" expose the country names; "Jae-in" stays whole.
HYPHEN_INFIX = r"(?<=[0-9A-Za-zÄÖÜäöüß])-(?=[A-ZÄÖÜ])"


@lru_cache(maxsize=1)
def place_parts() -> frozenset[str]:
    text = resources.files("kg.nlp").joinpath("data", "place_parts.tsv").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen inside one whitespace-delimited word."""
    return (0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i].whitespace_
            and not doc[i - 1].whitespace_)


def _proper(tok) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def whole_word(span: Span) -> Span:
    """`span` extended over in-word hyphens to proper-noun parts on either side (and, for a place, to
    place-name parts after it)."""
    doc, start, end = span.doc, span.start, span.end
    place = span.label_ == "LOC"
    while end + 1 < len(doc) and _inner_hyphen(doc, end) and (
            _proper(doc[end + 1]) or (place and doc[end + 1].text in place_parts())):
        end += 2
    while start - 2 >= 0 and _inner_hyphen(doc, start - 1) and _proper(doc[start - 2]):
        start -= 2
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label, span_id=span.id)


def proper_parts(span: Span) -> Span | None:
    """`span` without the hyphen-joined common-noun parts at its ends: a whole-word reading
    (kg/nlp/unsplit.py) of "Mario Party-Serie" is the name "Mario Party"."""
    doc, start, end = span.doc, span.start, span.end
    while end - 2 > start and _inner_hyphen(doc, end - 2) and not _proper(doc[end - 1]):
        end -= 2
    while start + 2 < end and _inner_hyphen(doc, start + 1) and not _proper(doc[start]):
        start += 2
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label, span_id=span.id)


def inside_person(known: Span, ents: list[Span]) -> bool:
    """A gazetteer name that is only part of a longer statistical person name ("Wagner" in
    "Wolfgang Wagner") is part of that name, not the organisation or country."""
    return any(e.label_ == "PER" and e.start <= known.start and known.end <= e.end and len(e) > len(known)
               for e in ents)
