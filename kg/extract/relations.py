"""Country relations from cue words in a sentence (lexicon in data/relation_cues.tsv)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract import lexicon
from kg.extract.entities import DocEntities
from kg.extract.records import Evidence, Relation

SCORE = re.compile(r"\b\d{1,2}:\d{1,2}\b")
PLACE_PREPOSITIONS = {"in", "im", "nach", "aus", "vor"}  # "in Syrien": a place, not an actor
WINDOW = 8  # tokens after a noun cue in which "zwischen X und Y" / "mit Y" may stand


class CountryRefs:
    """Country mentions of one sentence as (token index, country id); persons and organisations
    with a known country count as their country."""

    def __init__(self, sent: Span, ents: DocEntities):
        doc = sent.doc
        self.items: list[tuple[int, int, str]] = []  # (first token, last token, country id)
        for s, e, eid, _label in ents.refs_in(sent.start_char, sent.end_char):
            iso = ents.country_of(eid)
            if iso:
                span = doc.char_span(s, e, alignment_mode="expand")
                self.items.append((span.start, span.end - 1, f"country/{iso}"))
        self.items.sort()

    def after(self, i: int, limit: int) -> list[tuple[int, int, str]]:
        return [x for x in self.items if i < x[0] <= limit]

    def before(self, i: int) -> list[tuple[int, int, str]]:
        return [x for x in self.items if x[1] < i]


def _coordinated(doc: Doc, refs: CountryRefs, first: tuple[int, int, str], limit: int) -> list[str]:
    """Y and its coordinated countries: "zu Nordkorea und Iran"."""
    out = [first[2]]
    last = first[1]
    for item in refs.after(first[1], limit):
        gap = [t.lower_ for t in doc[last + 1:item[0]]]
        if gap and all(g in {"und", ",", "sowie", "oder", "der", "die", "dem", "den"} for g in gap) and any(g in {"und", ",", "sowie"} for g in gap):
            out.append(item[2])
            last = item[1]
        else:
            break
    return out


class RelationFinder:
    def __init__(self, doc: Doc, ents: DocEntities):
        self.doc = doc
        self.ents = ents
        self.cues = lexicon.relation_cues()
        self.types = lexicon.relation_types()
        self.military = lexicon.military_words()
        self.modality = lexicon.modality_words()
        self.found: dict[tuple[str, str, str], Relation] = {}
        self.sports = lexicon.sports_words()
        self.qualifiers = lexicon.relation_qualifiers()

    def cue_of(self, low: str) -> tuple[str, str] | None:
        for prefix, kind, typ in self.cues:
            if low.startswith(prefix):
                return kind, typ
        for prefix, kind, typ in self.cues:
            # a noun cue as the last part of a compound ("Gasstreit", "Opiumkrieg",
            # "Wirtschaftsbeziehungen"); at most an inflection ending after it
            if kind == "noun" and len(prefix) >= 4:
                k = low.rfind(prefix)
                if k > 0 and len(low) - k - len(prefix) <= 3:
                    return kind, typ
        return None

    def is_sports(self, sent: Span) -> bool:
        """Match reports: "gegen" and "siegen" there name an opponent in a game."""
        if SCORE.search(sent.text):
            return True
        return any(t.lower_.startswith(self.sports) for t in sent if t.is_alpha)

    def run(self) -> list[Relation]:
        for sent in self.doc.sents:
            refs = CountryRefs(sent, self.ents)
            if len({x[2] for x in refs.items}) < 2 or self.is_sports(sent):
                continue
            for tok in sent:
                cue = self.cue_of(tok.lower_)
                if cue is not None and cue[0] == "prep" and tok.i > sent.start:
                    if self.cue_of(self.doc[tok.i - 1].lower_) is not None:
                        continue  # "Sanktionen gegen X": the noun cue speaks for it
                if cue is not None:
                    for x, y in self.pairs(sent, refs, tok.i, cue[0]):
                        self.add(sent, tok.i, cue[1], x, y)
        return sorted(self.found.values(), key=lambda r: r.key)

    def pairs(self, sent: Span, refs: CountryRefs, i: int, kind: str) -> list[tuple[str, str]]:
        doc = self.doc
        end = sent.end - 1
        if kind == "noun":
            # "X-Y-Krieg"
            if i >= sent.start + 4 and doc[i - 1].text == "-" and doc[i - 3].text == "-":
                a = [x for x in refs.items if x[1] == i - 4]
                b = [x for x in refs.items if x[1] == i - 2]
                if a and b:
                    return [(a[0][2], b[0][2])]
            for j in range(i + 1, min(end, i + WINDOW) + 1):
                low = doc[j].lower_
                if low == "zwischen":
                    after = refs.after(j, min(end, j + 8))
                    if len(after) >= 2:
                        return [(after[0][2], after[1][2])]
                if low in {"mit", "zu", "gegen"}:
                    after = refs.after(j, min(end, j + 4))
                    actor = self.actor(refs, i)
                    if after and actor:
                        return [(actor, y) for y in _coordinated(doc, refs, after[0], end)]
                if doc[j].is_punct:
                    break
            # genitive partner: "Unterstützung Russlands" with the actor before
            gen = [x for x in refs.items if x[0] == i + 1]
            actor = self.actor(refs, i)
            if gen and actor:
                return [(actor, gen[0][2])]
            return []
        if kind == "prep":
            after = refs.after(i, min(end, i + 4))
            before = refs.before(i)
            if after and before:
                return [(before[-1][2], after[0][2])]
            return []
        # verb: the actor is the sentence's first country that is not a place phrase ("in Syrien"),
        # the partner the one nearest the cue
        actors = [x for x in refs.items if x[0] == sent.start or doc[x[0] - 1].lower_ not in PLACE_PREPOSITIONS]
        if not actors:
            return []
        actor = actors[0][2]
        coord = _coordinated(doc, refs, actors[0], end)
        others = [x for x in refs.items if x[2] not in coord]
        if not others and len(coord) >= 2 and self.types_of(i) == "armed_conflict":
            return []  # "X und Y greifen … an": coordinated subjects attack together, no relation between them
        if not others:
            return []
        nearest = min(others, key=lambda x: min(abs(x[0] - i), abs(x[1] - i)))
        return [(a, nearest[2]) for a in coord]

    def types_of(self, i: int) -> str | None:
        cue = self.cue_of(self.doc[i].lower_)
        return cue[1] if cue else None

    def actor(self, refs: CountryRefs, i: int) -> str | None:
        before = refs.before(i)
        return before[0][2] if before else None

    def add(self, sent: Span, i: int, typ: str, x: str, y: str) -> None:
        if x == y:
            return
        window = self.doc[max(sent.start, i - 4): min(sent.end, i + 4)]
        if typ == "diplomatic_relations":
            # "Beziehungen" stay neutral unless qualified ("verstärkt", "belastet")
            for t in self.doc[max(sent.start, i - 4): min(sent.end, i + 5)]:
                qual = next((q for p, q in self.qualifiers if t.lower_.startswith(p)), None)
                if qual:
                    typ = qual
                    break
        if typ in ("cooperation", "support") and any(t.lower_.startswith(self.military) for t in window):
            typ = "military_" + typ
        rtype = self.types[typ]
        near = [t for t in self._clause(sent, i) if abs(t.i - i) <= 4]
        negated = any(self.modality.get(t.lower_) == "negate" for t in near)
        hedged = any(self.modality.get(t.lower_) == "hedge" for t in near)
        if not rtype.directed and y < x:
            x, y = y, x
        key = (x, y, typ)
        rel = self.found.get(key)
        if rel is None:
            rel = self.found[key] = Relation(x, y, typ, rtype.polarity, directed=rtype.directed,
                                             negated=negated, hedged=hedged)
        else:
            rel.negated = rel.negated and negated
            rel.hedged = rel.hedged and hedged
        text = sent.text.strip()
        first = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        ev = Evidence(self.ents.doc_id, first, first + len(text), text, self.doc[i].text)
        if ev not in rel.evidence:
            rel.evidence.append(ev)
        for eid in (x, y):
            self.ents.entity(eid)

    def _clause(self, sent: Span, i: int) -> Span:
        doc = self.doc
        lo = i
        while lo > sent.start and doc[lo - 1].text not in {",", ";", ":"}:
            lo -= 1
        hi = i
        while hi < sent.end - 1 and doc[hi + 1].text not in {",", ";", ":"}:
            hi += 1
        return doc[lo:hi + 1]


def extract_relations(doc: Doc, ents: DocEntities) -> list[Relation]:
    rels = RelationFinder(doc, ents).run()
    for rel in rels:
        rel.confidence = relation_confidence(rel)
    return rels


def relation_confidence(rel: Relation) -> float:
    """0.6 for one evidence sentence, +0.1 per further sentence up to 0.95; halved when hedged."""
    conf = min(0.95, 0.6 + 0.1 * (len(rel.evidence) - 1))
    return round(conf * (0.5 if rel.hedged else 1.0), 3)
