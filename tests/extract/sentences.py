"""Extraction on one invented sentence, shared by the statement, speaker and relation tests."""

from kg.build import extract_text


def statements(text):
    return extract_text(text, "t").statements


def one(text, direct=None):
    """The one statement of `text` (of the given kind): the tests name exactly what they expect."""
    sts = [s for s in statements(text) if direct is None or s.direct == direct]
    assert len(sts) == 1, [(s.speaker_mention.text, s.quote, s.direct) for s in sts]
    return sts[0]


def said(text, direct=None):
    """(speaker mention, quote) of the one statement of `text`."""
    st = one(text, direct)
    return st.speaker_mention.text, st.quote


def indirect(text):
    return [s for s in statements(text) if not s.direct]


def relations(text):
    """(actor iso3, target iso3, type) of the country relations of `text`."""
    return {(r.source_id[8:], r.target_id[8:], r.type) for r in extract_text(text, "t").relations}


def flagged(text):
    return {(r.source_id[8:], r.target_id[8:], r.type, r.negated, r.hedged) for r in extract_text(text, "t").relations}


def pairs(text):
    """Relations as (unordered pair, type)."""
    return {(frozenset((s, t)), typ) for s, t, typ in relations(text)}
