"""Lexicons as data: speech verbs, statement types and keywords, relation cues and types."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def rows(name: str) -> list[list[str]]:
    text = resources.files("kg.extract").joinpath("data", name).read_text("utf-8")
    lines = (l for l in text.splitlines() if l.strip() and not l.startswith("#"))
    return [r for r in csv.reader(lines, delimiter="\t")]


@dataclass(frozen=True)
class StatementType:
    code: str
    label: str
    plover: str
    cameo: str
    description: str


@dataclass(frozen=True)
class RelationType:
    code: str
    label: str
    polarity: str
    directed: bool
    plover: str


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, tuple[str, str | None]]:
    """lowercase form -> (lemma, implied statement type or None)."""
    return {form.lower(): (lemma, None if typ == "-" else typ) for form, lemma, typ in rows("speech_verbs.tsv")}


@lru_cache(maxsize=1)
def speech_lemmas() -> dict[tuple[str, str | None], str | None]:
    """(lemma, separated particle or None) -> implied statement type or None."""
    return {(lemma, None if part == "-" else part): (None if typ == "-" else typ)
            for lemma, part, typ in rows("speech_lemmas.tsv")}


@lru_cache(maxsize=1)
def speech_lemma_heads() -> frozenset[str]:
    """The lemmas of speech_lemmas (with or without particle): a verb with another lemma is no speech verb."""
    return frozenset(lemma for lemma, _part in speech_lemmas())


@lru_cache(maxsize=1)
def source_nouns() -> tuple[str, ...]:
    """Nouns naming a report's source ("Angaben", "Berichten"); lowercase, matched as word endings."""
    return tuple(r[0].lower() for r in rows("source_nouns.tsv"))


@lru_cache(maxsize=1)
def scare_quote_cues() -> tuple[str, ...]:
    return tuple(r[0].lower() for r in rows("scare_quote_cues.tsv"))


@lru_cache(maxsize=1)
def frame_confidence() -> dict[str, float]:
    """Statement frame -> the confidence of statements found by it."""
    return {frame: float(conf) for frame, conf, _example in rows("statement_frames.tsv")}


@lru_cache(maxsize=1)
def statement_types() -> dict[str, StatementType]:
    return {r[0]: StatementType(*r) for r in rows("statement_types.tsv")}


@lru_cache(maxsize=1)
def statement_keywords() -> list[tuple[str, str, int]]:
    return [(p, t, int(w)) for p, t, w in rows("statement_keywords.tsv")]


@dataclass(frozen=True)
class RelationCue:
    cue: str  # lowercase prefix (verbs, "word" nouns) or last compound part (nouns)
    pos: str  # noun | word | verb | adj | pred (an adjective read like a verb: "als unannehmbar bezeichnet")
    type: str
    particle: str | None  # separable verb particle: "an" for "greift ... an" / "angegriffen"
    to: frozenset[str]  # place prepositions that mark this cue's partner ("entsenden in")
    frame: str  # "-" | joint (only states acting together) | against (an act on a third party) | at

    @property
    def verbal(self) -> bool:
        """Read as a verb: the clause's subject acts on the nearest other state."""
        return self.pos in ("verb", "pred")


@lru_cache(maxsize=1)
def relation_cues() -> list[RelationCue]:
    """Longest cues first, so "kriegsgefangen" wins over "krieg" and "waffenlieferung" over "lieferung"."""
    cues = [RelationCue(c, pos, t, None if part == "-" else part, frozenset() if to == "-" else frozenset(to.split(",")),
                        frame) for c, pos, t, part, to, frame in rows("relation_cues.tsv")]
    return sorted(cues, key=lambda c: (-len(c.cue), c.particle is None))


@lru_cache(maxsize=1)
def relation_syntax() -> dict[str, frozenset[str]]:
    """lowercase word -> its word classes for reading a sentence without a parser (relation_syntax.tsv)."""
    table: dict[str, set[str]] = {}
    for word, cls in rows("relation_syntax.tsv"):
        table.setdefault(word, set()).add(cls)
    return {w: frozenset(c) for w, c in table.items()}


@lru_cache(maxsize=1)
def relation_spellings() -> tuple[tuple[str, str, str], ...]:
    """(old, modern, where) rewrites of old spellings for the relation cues (relation_spellings.tsv)."""
    return tuple((a, b, where) for a, b, where in rows("relation_spellings.tsv"))


def modern_spelling(low: str) -> str:
    """"conflicte" -> "konflikte", "bündniß" -> "bündnis": the rules of relation_spellings.tsv applied in order."""
    for old, new, where in relation_spellings():
        if where == "start" and low.startswith(old):
            low = new + low[len(old):]
        elif where == "end" and low.endswith(old):
            low = low[: len(low) - len(old)] + new
        elif where == "any":
            low = low.replace(old, new)
    return low


@lru_cache(maxsize=1)
def country_combining_forms() -> dict[str, str]:
    """"franco" -> "FRA": first parts of compound country adjectives (country_combining_forms.tsv)."""
    return {form: iso for form, iso in rows("country_combining_forms.tsv")}


@lru_cache(maxsize=1)
def composite_states() -> frozenset[tuple[str, str]]:
    """("AUT", "HUN"): historic states whose compound adjective names one state (composite_states.tsv)."""
    return frozenset((a, b) for a, b in rows("composite_states.tsv"))


@lru_cache(maxsize=1)
def stateless_areas() -> frozenset[str]:
    """"country/ATA": gazetteer areas that are no state and never a party of a relation (stateless_areas.tsv)."""
    return frozenset(f"country/{r[0]}" for r in rows("stateless_areas.tsv"))


@lru_cache(maxsize=1)
def relation_types() -> dict[str, RelationType]:
    return {c: RelationType(c, l, p, d == "yes", pl) for c, l, p, d, pl in rows("relation_types.tsv")}


@lru_cache(maxsize=1)
def military_words() -> tuple[str, ...]:
    return tuple(r[0] for r in rows("military_words.tsv"))


@lru_cache(maxsize=1)
def modality_words() -> dict[str, str]:
    return {w: e for w, e in rows("negation_words.tsv")}


@lru_cache(maxsize=1)
def role_suffixes() -> tuple[str, ...]:
    return tuple(r[0].lower() for r in rows("role_suffixes.tsv"))


@lru_cache(maxsize=1)
def subjunctive_forms() -> frozenset[str]:
    """Common Konjunktiv I forms that mark reported speech ("sei", "habe", "werde")."""
    return frozenset(r[0].lower() for r in rows("subjunctive.tsv"))


@lru_cache(maxsize=1)
def sports_words() -> dict[str, tuple[tuple[str, ...], frozenset[str]]]:
    """strength (strong | weak) -> (prefixes, whole words); an entry ending in "$" is a whole word
    ("tor$": not "Tornado")."""
    out = {}
    for strength in ("strong", "weak"):
        words = [r[0].lower() for r in rows("sports_words.tsv") if r[1] == strength]
        out[strength] = (tuple(w for w in words if not w.endswith("$")), frozenset(w[:-1] for w in words if w.endswith("$")))
    return out


@lru_cache(maxsize=1)
def relation_qualifiers() -> tuple[tuple[str, str, str, str], ...]:
    """(cue type, lowercase prefix of a nearby word, the type it becomes, scope near|clause)."""
    return tuple((r[0], r[1].lower(), r[2], r[3] if len(r) > 3 else "near") for r in rows("relation_qualifiers.tsv"))


@lru_cache(maxsize=1)
def document_nouns() -> tuple[str, ...]:
    """Endings of nouns naming a document ("Stellungnahme", "Pressemitteilung") that "darin" refers to."""
    return tuple(r[0] for r in rows("document_nouns.tsv"))


@lru_cache(maxsize=1)
def norm_nouns() -> tuple[str, ...]:
    """Endings of nouns naming a rule or text ("Verfassung", "Vertrag") that "laut" refers to without a speaker."""
    return tuple(r[0] for r in rows("norm_nouns.tsv"))


@lru_cache(maxsize=1)
def wording_nouns() -> frozenset[str]:
    """Nouns for words someone uses ("die Bezeichnung", "Sprüche wie"): lowercase."""
    return frozenset(r[0].lower() for r in rows("wording_nouns.tsv"))


@lru_cache(maxsize=1)
def organisation_nouns() -> tuple[str, ...]:
    """Nouns (compound endings) for a kind of organisation, whose following name is the organisation's."""
    return tuple(r[0].lower() for r in rows("organisation_nouns.tsv"))


@lru_cache(maxsize=1)
def time_nouns() -> tuple[str, ...]:
    """Nouns (lowercase endings) for a point or stretch of time ("vom späten Abend")."""
    return tuple(r[0].lower() for r in rows("time_nouns.tsv"))


@lru_cache(maxsize=1)
def weak_plurals() -> tuple[str, ...]:
    """Endings of nouns whose plural ends in -n in every case ("Untersuchungen"); lowercase."""
    return tuple(r[0].lower() for r in rows("weak_plurals.tsv"))


@lru_cache(maxsize=1)
def dative_plurals() -> tuple[tuple[str, str], ...]:
    """(dative plural ending, nominative ending), longest first ("berichten" -> "berichte")."""
    pairs = [(d.lower(), n.lower()) for d, n in rows("dative_plurals.tsv")]
    bad = [d for d, n in pairs if not d.startswith(n)]
    if bad:
        from kg.errors import KgError
        raise KgError(f"dative_plurals.tsv: the nominative ending must begin the dative one: {bad}")
    return tuple(sorted(pairs, key=lambda r: -len(r[0])))


@lru_cache(maxsize=16384)
def source_compound(low: str) -> bool:
    """A compound ending in a source noun ("unternehmenskreisen", "polizeiangaben"); lowercase."""
    return any(low.endswith(n) and len(low) > len(n) + 2 for n in source_nouns())


@lru_cache(maxsize=1)
def person_full_names() -> dict[str, tuple[str, ...]]:
    """Surname -> the listed full names that end with it (person_full_names.tsv)."""
    out: dict[str, tuple[str, ...]] = {}
    for (full,) in rows("person_full_names.tsv"):
        last = full.split()[-1]
        for key in {last, last.split("-")[-1] if last[:1].islower() else last}:  # "al-Assad" as "Assad"
            out[key] = out.get(key, ()) + (full,)
    return out


def full_name(name: str) -> str | None:
    """The one listed full name a surname or a name in the genitive stands for ("Merkel", "Merkels",
    "Angela Merkels" -> "Angela Merkel"); None when none or two are listed."""
    table = person_full_names()
    words = name.split()
    last = words[-1]
    for stem in (last, last[:-1] if last.endswith("s") else None):
        fulls = table.get(stem, ()) if stem else ()
        if len(words) > 1:
            fulls = tuple(f for f in fulls if f.split()[:-1] == words[:-1])
        if len(fulls) == 1:
            return fulls[0]
    return None


@dataclass(frozen=True)
class StateReference:
    """A noun referring back to a state ("das Nachbarland", "das Königreich"): which states it may stand for."""

    kind: str  # any | other | listed | unlisted
    isos: frozenset[str]


@lru_cache(maxsize=1)
def state_references() -> dict[str, StateReference]:
    """Noun form -> what it may refer to (state_references.tsv)."""
    return {form: StateReference(kind, frozenset() if isos == "-" else frozenset(isos.split(",")))
            for form, kind, isos in rows("state_references.tsv")}
