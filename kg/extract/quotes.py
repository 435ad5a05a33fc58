"""Quotation marks: paired spans within a paragraph, and quoted words that only name something."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from kg.extract import lexicon

# opening mark -> the marks that close it („…“ is German, „…” a common typo, »…« and «…» are both
# in use, “…” is English, "…" typewriter quotes)
QUOTE_PAIRS = {"„": "“”", "»": "«", "«": "»", "“": "”", '"': '"'}
_OPENER = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")
# words a title may contain in lower case ("Ode an die Freude", "Institute for Contemporary Art")
TITLE_LINKS = {"an", "auf", "aus", "de", "der", "des", "die", "das", "du", "en", "for", "für", "in", "im", "la",
               "le", "of", "on", "the", "und", "and", "von", "zu", "pour", "un", "et", "y", "del",
               "voor", "van", "het", "di", "da", "della"}
SOURCE_WORDS = {"laut", "gemäß", "von", "bei", "beim", "via"}


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(open, close) character positions of paired quotation marks within one paragraph."""
    return list(_find_quotes(text))


@lru_cache(maxsize=4)  # statements and attribution both ask for the same document's quotes
def _find_quotes(text: str) -> tuple[tuple[int, int], ...]:
    out, i, n = [], 0, len(text)
    while i < n:
        m = _OPENER.search(text, i)  # straight to the next mark: a loop over every character was slow
        if m is None:
            break
        i = m.start()
        ch = text[i]
        closers = QUOTE_PAIRS.get(ch)
        if closers and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            nl = text.find("\n", i + 1)
            stop = n if nl == -1 else nl
            j = min((k for k in (text.find(c, i + 1, stop) for c in closers) if k != -1), default=-1)
            if j > i + 1:
                out.append((i, j))
                i = j + 1
                continue
        i += 1
    return tuple(out)


def names_something(doc: Doc, open_i: int, close_i: int) -> bool:
    """True for quoted names and terms rather than quoted words: titles of papers, ships, parties
    ("der Fernsehsender „Al Jazeera“", "„Institute for Contemporary Art“ (ICA)") and words marked
    as a term ("die so genannte „Reichensteuer“")."""
    inner = [t for t in doc[open_i + 1:close_i] if not t.is_punct and not t.is_space]
    if not inner:
        return True
    if _uttered(doc, open_i) or _characterised(doc, open_i, close_i) or _inflected(doc, open_i, inner):
        return False  # "verteidigte die Bezeichnung „…“", "als „…“ bezeichnet": someone's words
    prev = doc[open_i - 1] if open_i > 0 else None
    if prev is not None and prev.text == "(" and open_i > 1:
        prev = doc[open_i - 2]
    if prev is not None and (prev.lower_.startswith(lexicon.scare_quote_cues()) or prev.lower_ in SOURCE_WORDS) and \
            not _spoken_of(doc, prev):
        return True  # "die so genannte „…“", "laut „…“"
    if len(inner) == 1 and ("." in inner[0].text.strip(".") or inner[0].pos_ == "PROPN"):
        return True  # a web address, a lone proper noun ("den „Mercedes“")
    if (prev is not None and prev.pos_ == "NOUN" and prev.text[:1].isupper() and not prev.is_sent_start
            and inner[0].text[:1].isupper()):
        return True  # "die Dokumentation „Eine unbequeme Wahrheit“"
    if inner[0].text[:1].islower():
        return False  # a title starts with a capital ("die „Infrastruktur der Hamas“" is not one)
    capital = [t for t in inner if t.text[:1].isupper() or t.text[:1].isdigit()]
    if sum(t in capital or t.lower_ in TITLE_LINKS for t in inner) < len(inner):
        return False  # lower-case words: a phrase someone said
    if len(capital) >= 2 or (close_i + 1 < len(doc) and doc[close_i + 1].text == "("):
        return True
    # a lone capitalised word right after a noun is that noun's name ("die Sonde „Cassini“")
    return prev is not None and prev.pos_ in ("NOUN", "PROPN") and prev.text[:1].isupper() and not prev.is_sent_start


def _uttered(doc: Doc, open_i: int) -> bool:
    """"verteidigte die Bezeichnung „…“", "skandierten Sprüche wie „…“": a wording noun that is the
    object of a verb (not "unter dem Begriff „…“")."""
    j = open_i - 1
    if j > 0 and doc[j].lower_ == "wie":
        j -= 1
    if j < 1 or doc[j].lower_ not in lexicon.wording_nouns() or not doc[j].text[:1].isupper():
        return False
    k = j - 1
    while k > 0 and j - k <= 3 and doc[k].pos_ in ("DET", "ADJ") and doc[k].lower_ not in lexicon.speech_verbs():
        k -= 1
    return doc[k].pos_ in ("VERB", "AUX") or doc[k].lower_ in lexicon.speech_verbs()


def _inflected(doc: Doc, open_i: int, inner: list) -> bool:
    """"des „Aufrufs zu Subversion“": a phrase whose first word takes the genitive of the article
    before it and that has lower-case words is part of the sentence, not a title ("des „Spiegel“")."""
    return (open_i > 0 and doc[open_i - 1].lower_ in ("des", "eines") and len(inner) >= 2
            and inner[0].text.endswith("s") and any(t.text[:1].islower() for t in inner[1:]))


def _characterised(doc: Doc, open_i: int, close_i: int) -> bool:
    """"wurde als „Geschäft des Jahrhunderts“ bezeichnet": "als" and a speech verb closing the clause."""
    if open_i < 1 or doc[open_i - 1].lower_ != "als":
        return False
    verbs, heads = lexicon.speech_verbs(), lexicon.speech_lemma_heads()
    for k in range(close_i + 1, min(len(doc), close_i + 6)):
        if doc[k].is_punct:
            return False
        if doc[k].lower_ in verbs or (doc[k].pos_ == "VERB" and doc[k].lemma_.lower() in heads):
            return True
    return False


def _spoken_of(doc: Doc, prev) -> bool:
    """"sprachen von „…“": "von" after a form of "sprechen" introduces the speaker's words."""
    if prev.lower_ != "von":
        return False
    sent_start = prev.sent.start
    # by form as well: the lookup lemmatizer misses some ("sprachen")
    return any(t.lemma_.lower() == "sprechen" or t.lower_.startswith(("sprach", "sprech", "spric", "gesproch"))
               for t in doc[max(sent_start, prev.i - 6):prev.i])
