"""Sparse string features of a candidate pair: the words between and around its two nearest mentions,
the words of the whole text, character 5-grams (German compounds carry the cue inside:
"Waffenlieferungen", "Sanktionspaket"), what kg's Reading knows of the mentions, and the rules' own
answer for the pair (stacking: the classifier learns when to trust the rules)."""

from __future__ import annotations

from kg.extract import lexicon
from training.relclf.pairs import Pair, Spot, Token

WINDOW = 3  # tokens left of the first and right of the second mention
GRAM = 5  # character n-gram length on words of at least that length


def _nearest(pair: Pair) -> tuple[Spot, Spot]:
    """The closest mention of a and mention of b (by token gap), left one first."""
    sa = [s for s in pair.spots if s.iso == pair.a]
    sb = [s for s in pair.spots if s.iso == pair.b]
    x, y = min(((x, y) for x in sa for y in sb), key=lambda xy: (_gap(*xy), xy[0].start, xy[1].start))
    return (x, y) if x.start <= y.start else (y, x)


def _gap(x: Spot, y: Spot) -> int:
    return max(y.start - x.end, x.start - y.end, 0)


def _bucket(n: int) -> str:
    for top in (0, 1, 2, 5, 10, 20):
        if n <= top:
            return str(top)
    return "more"


def _word(tok: Token) -> str:
    return tok.lemma.lower()


def _grams(word: str) -> list[str]:
    w = f"^{word.lower()}$"
    return [w[i:i + GRAM] for i in range(len(w) - GRAM + 1)] if len(word) >= GRAM else []


def pair_features(pair: Pair, rules: bool = True) -> list[str]:
    """The features of a pair; `rules=False` leaves out the rules' answer (the classifier on its own)."""
    left, right = _nearest(pair)
    toks = pair.tokens
    country_at = {i: s for s in pair.spots for i in range(s.start, s.end + 1)}
    feats: list[str] = []

    def word(i: int) -> str:
        s = country_at.get(i)
        if s is None:
            return _word(toks[i])
        return "<A>" if s.iso in (pair.a, pair.b) else "<C>"

    between = [word(i) for i in range(left.end + 1, right.start)]
    feats += [f"b:{w}" for w in between]
    feats += [f"b2:{u}_{v}" for u, v in zip(between, between[1:])]
    feats += [f"bc:{g}" for i in range(left.end + 1, right.start) if i not in country_at for g in _grams(toks[i].text)]
    feats += [f"l:{word(i)}" for i in range(max(0, left.start - WINDOW), left.start)]
    feats += [f"r:{word(i)}" for i in range(right.end + 1, min(len(toks), right.end + 1 + WINDOW))]
    feats += [f"s:{word(i)}" for i in range(len(toks)) if toks[i].pos != "PUNCT"]
    feats += [f"sc:{g}" for i, t in enumerate(toks) if i not in country_at and t.pos in ("NOUN", "VERB", "ADJ", "ADV", "AUX")
              for g in _grams(t.text)]
    # kg's lexicons: cue types (and their polarity) and negation/hedge words, between the mentions and anywhere
    polarity = {code: t.polarity for code, t in lexicon.relation_types().items()}
    for i, t in enumerate(toks):
        where = "b" if left.end < i < right.start else "s"
        for c in t.cues:
            feats += [f"{where}cue:{c}", f"{where}cuepol:{polarity.get(c, c)}"]
        if t.modality:
            feats.append(f"{where}mod:{t.modality}")
    # structure
    others = {s.iso for s in pair.spots} - {pair.a, pair.b}
    feats += [f"gap:{_bucket(_gap(left, right))}", f"nc:{min(len(others), 3)}",
              f"cb:{min(sum(1 for s in pair.spots if left.end < s.start < right.start and s.iso in others), 2)}",
              f"kinds:{left.kind}_{right.kind}", f"roles:{left.role}_{right.role}",
              f"pl:{left.prep}", f"pr:{right.prep}"]
    if left.group == right.group:
        feats.append("samegroup")
    if left.nonstate or right.nonstate:
        feats.append("nonstate")
    if not rules:
        return feats
    # the rules' answer for this pair
    if not pair.rules:
        feats.append("R:none")
    for r in pair.rules:
        feats += [f"R:pol={r.polarity}", f"R:type={r.type}"] + (["R:neg"] if r.negated else []) + (["R:hedge"] if r.hedged else [])
    if pair.rules_elsewhere:
        feats.append("R:elsewhere")
    return feats
