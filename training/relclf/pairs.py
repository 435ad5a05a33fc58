"""Candidate country pairs of the invented relation sentences, with what the classifier reads of them.

A candidate is every unordered pair of distinct countries that kg's relation reading recognises in a
sentence: the mentions of ``kg.extract.relation_reading.Reading`` (names, adjectives, capitals,
metonyms, organisations of one state, anaphors like "beide Staaten") over the sentences of kg's own
pipeline (``kg.nlp.load()``). A gold pair that is no candidate cannot be found by any pair classifier
built on this recognition: that is the recognition ceiling the cross-validation reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from kg.eval import relations as ev

ROOT = Path(__file__).resolve().parents[2]
# the annotated invented sentences the experiment may learn from (never the blind checklist2 set,
# never a set pointing into the shared data)
SOURCES = {
    "ia": ROOT / "training" / "relations" / "invented_ia.jsonl",
    "ib": ROOT / "training" / "relations" / "invented_ib.jsonl",
    "ic": ROOT / "training" / "relations" / "invented_ic.jsonl",
    "checklist": ROOT / "kg" / "eval" / "data" / "relations_checklist.jsonl",
}


@dataclass(frozen=True)
class Token:
    text: str
    lemma: str
    pos: str
    cues: tuple[str, ...] = ()  # relation types of the kg cues the word may carry (relation_cues.tsv)
    modality: str = ""  # negate | hedge (negation_words.tsv)


@dataclass(frozen=True)
class Spot:
    """One mention of a country (token span, inclusive end) with what the Reading knows of it."""

    start: int
    end: int
    iso: str
    kind: str
    role: str
    prep: str | None
    group: int
    nonstate: bool


@dataclass
class Pair:
    sid: str
    source: str
    a: str  # ISO codes, a < b
    b: str
    tokens: list[Token]  # the whole input text (sentence-relative indices)
    spots: list[Spot]  # every country mention of the text
    rules: list[ev.RelTuple]  # the rules' relations of this pair
    gold: list[ev.RelTuple]  # the gold relations of this pair
    rules_elsewhere: bool = False  # the rules found a relation of another pair in the text
    first: str = ""  # the country mentioned first (used as country1 of a classifier relation)


@dataclass
class Sentence:
    sid: str
    source: str
    text: str
    gold: list[ev.RelTuple]
    rules: list[ev.RelTuple]
    pairs: list[Pair]


def load_sentences(sources: dict[str, Path] = SOURCES) -> list[tuple[str, ev.GoldSentence]]:
    out = []
    for name, path in sources.items():
        out.extend((name, g) for g in ev.load_gold(path))
    return out


def build(sources: dict[str, Path] = SOURCES) -> list[Sentence]:
    """Run kg's pipeline and rules once over every sentence and collect its candidate pairs."""
    import kg.nlp
    from kg.extract import extract
    from kg.extract import lexicon
    from kg.extract.docview import view
    from kg.extract.entities import DocEntities
    from kg.extract.relation_reading import Reading

    nlp = kg.nlp.load()
    modality = lexicon.modality_words()
    out: list[Sentence] = []
    for source, g in load_sentences(sources):
        doc = nlp(g.text)
        rules = [t for r in extract(doc, g.id).relations
                 if (t := ev.relation_to_tuple(r)) is not None and t.country1 != t.country2]
        vdoc = view(doc)
        ents = DocEntities(vdoc, g.id)
        spots = [Spot(m.start, m.end, m.iso.split("/", 1)[1], m.kind, m.role, m.prep, m.group, m.nonstate)
                 for s in vdoc.sents for m in Reading(s, ents).mentions if m.iso.startswith("country/")]
        tokens = [Token(t.text, t.lemma_ or t.text, t.pos_, _cue_types(t.lower_, t.pos_), modality.get(t.lower_, ""))
                  for t in doc]
        order = list(dict.fromkeys(s.iso for s in spots))
        pairs = []
        for a, b in combinations(sorted(set(order)), 2):
            in_rules = [r for r in rules if r.pair == (a, b)]
            pairs.append(Pair(g.id, source, a, b, tokens, spots, in_rules,
                              [r for r in g.relations if r.pair == (a, b)],
                              rules_elsewhere=len(in_rules) < len(rules),
                              first=a if order.index(a) < order.index(b) else b))
        out.append(Sentence(g.id, source, g.text, g.relations, rules, pairs))
    return out


def _cue_types(low: str, pos: str) -> tuple[str, ...]:
    """The cue lexicon's reading of a word alone, without the rules' clause logic: what the classifier
    may learn to connect to a pair where the rules did not."""
    from kg.extract.relations import _word_cues  # (kg's cached word -> cues lookup)

    return tuple(sorted({c.type for c, _ in _word_cues(low, pos)}))


def ceiling(sentences: list[Sentence]) -> dict[str, tuple[int, int]]:
    """Per source: (gold relations on the main key, of them those whose pair is no candidate)."""
    out: dict[str, tuple[int, int]] = {}
    for s in sentences:
        cands = {(p.a, p.b) for p in s.pairs}
        gold = ev._dedupe(s.gold, ev.key_main)
        n, miss = out.get(s.source, (0, 0))
        out[s.source] = (n + len(gold), miss + sum(r.pair not in cands for r in gold))
    return out
