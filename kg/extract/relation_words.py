"""Words as the reading of country relations sees them: token sets (dashes, quotes, contracted prepositions),
word classes of data/relation_syntax.tsv and the words ending in a class, finite verbs and "zu" infinitives,
words OCR broke at a line end, country forms and adjectives ("deutsch-israelische"), leaders' names, federal
offices, source and time nouns."""

from __future__ import annotations

from functools import lru_cache

from kg.extract import lexicon
from kg.nlp import gazetteer

DASHES = {"-", "–", "—", "--"}
GENITIVE_DET = {"des", "der", "eines", "einer"}
LOCATIVE = {"in", "im", "am", "bei", "beim", "innerhalb", "außerhalb"}
QUOTES = {"``", "''", '"', "„", "“", "”", "»", "«", "'"}
STRONG = {";", "!", "?"}
NOM_ACC_ARTICLES = {"das", "die", "eine", "ein"}  # (the article of a subject after a comma)
CONTRACTED = {"im": "in", "ins": "in", "zum": "zu", "zur": "zu", "beim": "bei"}
ADJ_ENDINGS = ("em", "en", "er", "es", "e", "")
VERB_POS = ("VERB", "AUX", "ADJ")  # words a verb cue may be (participles are often tagged ADJ)


def _finite(tok) -> bool:
    """A finite verb: the morphologizer gives it a mood and a person ("griff", "könnten"), unlike
    infinitives and participles ("angreifen", "unterstützt von"); it may err on "anzugreifen"."""
    return tok.pos_ in ("VERB", "AUX") and bool(tok.morph.get("Mood")) and bool(tok.morph.get("Person")) and \
        not zu_infinitive(tok.lower_)


@lru_cache(maxsize=4096)
def zu_infinitive(low: str) -> bool:
    """"anzugreifen", "aufzuheben": a separable particle, "zu", the verb."""
    return any(low.startswith(p + "zu") and len(low) > len(p) + 4 and low.endswith("n") for p in particles())


@lru_cache(maxsize=1)
def particles() -> tuple[str, ...]:
    """The separable verb particles (class `particle` of relation_syntax.tsv)."""
    return tuple(w for w, classes in lexicon.relation_syntax().items() if "particle" in classes)


def _verb(tok) -> bool:
    """A verb that is no infinitive (the morphologizer may leave out the mood of "verhandelt")."""
    return tok.pos_ in ("VERB", "AUX") and "Inf" not in tok.morph.get("VerbForm")


def syntax(word: str) -> frozenset[str]:
    return lexicon.relation_syntax().get(word.lower(), frozenset())


def broken_word(tok, end: int) -> str | None:
    """OCR of old newspapers loses the hyphen of a word broken at a line end ("Kon dolenzschreiben", "inter
    essiert"): a fragment of at least OCR_PART letters that is no function word, a space and a lowercase
    fragment that is none either give the joined word (lowercase); None for anything else. Callers take it
    only when neither part means anything to them on its own."""
    j = tok.i + 1
    if j >= end or tok.whitespace_ != " " or tok.is_stop or not tok.is_alpha or len(tok) < gazetteer.OCR_PART:
        return None
    nxt = tok.doc[j]
    if not (nxt.is_alpha and nxt.text[:1].islower() and len(nxt) > 1) or nxt.is_stop:
        return None
    return tok.lower_ + nxt.lower_


def word_classes(tok, end: int) -> frozenset[str]:
    """syntax() of a word, or of the word OCR broke at it when neither fragment has a class ("inter essiert")."""
    found = syntax(tok.text)
    if found:
        return found
    joined = broken_word(tok, end)
    return syntax(joined) if joined and not syntax(tok.doc[tok.i + 1].text) else frozenset()


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, str], dict[str, str]]:
    """form -> kind, lowercase adjective stem -> iso (for "deutsch-israelische")."""
    kinds: dict[str, str] = {}
    adjs: dict[str, str] = {}
    for iso, entry in gazetteer.countries().items():
        for form, kind in entry["forms"].items():
            kinds.setdefault(form, kind)
            if kind == "adj" and " " not in form:
                adjs.setdefault(form.lower(), iso)
    return kinds, adjs


def _kind(text: str) -> str:
    kinds, adjs = _forms()
    for form in (text, text[:-1] if text.endswith("s") else text):
        kind = kinds.get(form)
        if kind:
            return kind
    low = text.lower()
    if any(low.endswith(e) and low[: len(low) - len(e)] in adjs for e in ADJ_ENDINGS if e):
        return "adj"  # "Britische Söldner" at the start of a sentence
    return "adj" if text[:1].islower() else "name"


def _compound_adjective(text: str) -> list[str]:
    """"deutsch-israelische" -> ["country/DEU", "country/ISR"]; [] for anything else."""
    _, adjs = _forms()
    parts = text.lower().split("-")
    if len(parts) < 2:
        return []
    out = []
    combining = lexicon.country_combining_forms()
    for k, part in enumerate(parts):
        iso = combining.get(part) if k < len(parts) - 1 else None  # "franco-", "anglo-"
        iso = iso or next((adjs[part[: len(part) - len(e)]] for e in ADJ_ENDINGS
                           if part.endswith(e) and part[: len(part) - len(e)] in adjs), None)
        if iso is None:
            return []
        out.append(f"country/{iso}")
    return out if len(set(out)) > 1 else []


@lru_cache(maxsize=1)
def _leader_starts() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word of a leader's name -> (name tokens, iso), longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, iso in sorted(gazetteer.leaders().items(), key=lambda kv: -len(kv[0])):
        out.setdefault(key[0], []).append((key, iso))
    return out


@lru_cache(maxsize=4096)
def _federal_office(low: str) -> bool:
    """"bundeskanzlerin", "bundesaußenministers": an office word of class federal_office at the end,
    an inflection ending (-s, -n, -en) allowed."""
    offices = _class_endings("federal_office")
    return any(low.endswith(o + e) for o in offices for e in ("", "s", "n", "en"))


@lru_cache(maxsize=1)
def _source_nouns() -> frozenset[str]:
    return frozenset(lexicon.source_nouns())


@lru_cache(maxsize=1)
def _nonstate_words() -> tuple[str, ...]:
    return tuple(w for w, classes in lexicon.relation_syntax().items() if "nonstate" in classes)


def _nonstate(low: str) -> bool:
    return low.endswith(_nonstate_words())


@lru_cache(maxsize=1)
def _place_nouns() -> tuple[str, ...]:
    return tuple(w for w, classes in lexicon.relation_syntax().items() if "place_noun" in classes)


def place_noun(low: str) -> bool:
    return low.endswith(_place_nouns())


@lru_cache(maxsize=4096)
def _time_noun(low: str) -> bool:
    """"Montag", "Dienstagabend", "Januar": a date, no appositive head of a country (short endings
    only as the whole word: "Vertrag" is no "Tag")."""
    return any(low == w or len(w) >= 4 and low.endswith(w) for w in lexicon.time_nouns())


@lru_cache(maxsize=16)
def _class_endings(cls: str) -> tuple[str, ...]:
    return tuple(w for w, classes in lexicon.relation_syntax().items() if cls in classes)


# classes whose nouns also count in the genitive ("seines Rohöls", "russischen Gases")
GENITIVE_CLASSES = ("goods",)


def noun_of(cls: str, low: str) -> bool:
    """The word ends in a word of class `cls` of relation_syntax.tsv ("Menschenrechtslage": conduct)."""
    ends = _class_endings(cls)
    return low.endswith(ends) or cls in GENITIVE_CLASSES and (
        low.endswith("s") and low[:-1].endswith(ends) or low.endswith("es") and low[:-2].endswith(ends))
