"""Which words are relation cues (data/relation_cues.tsv): the cues a word may carry, found through an index
of cue prefixes and cached per word, in modern spelling or across an OCR line break; and the cue of a token in
its sentence (mixed into relations.RelationFinder, which supplies doc, reading, sports and the local frames'
_owed_to_state, _with_partner and _compound_before), with match reports, whose "gegen" names no relation."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.extract import lexicon
from kg.extract.lexicon import RelationCue
from kg.extract.relation_frames import NOUN_POS
from kg.extract.relation_words import VERB_POS, broken_word, syntax

SCORE = re.compile(r"\b\d{1,2}:\d{1,2}\b")
NO_RELATION = "none"  # a cue type for words that contain a cue but name no relation between states
LOCAL_FRAMES = ("with", "compound", "owed")  # cue frames that hold only in the cue's own phrase


@lru_cache(maxsize=200_000)
def _word_cues(low: str, pos: str) -> tuple[tuple[RelationCue, bool], ...]:
    """The cues a word (lower case, POS) may carry, each with whether it still needs its separated
    particle later in the clause. Cached: scanning every cue for every token was a quarter of extraction."""
    out = []
    for c in _cue_candidates(low):
        if c.pos in ("noun", "word"):
            if pos not in NOUN_POS:
                continue
            k = 0 if low.startswith(c.cue) else (low.rfind(c.cue) if c.pos == "noun" and len(c.cue) >= 4 else -1)
            # (a head of promise or bundle after a cue opening the word: "Beistands|verpflichtung", "Sanktions|paket")
            if k >= 0 and (len(low) - k - len(c.cue) <= 3 or k == 0 and _commitment_head(low[len(c.cue):])):
                out.append((c, False))
        elif c.pos in ("adj", "pred"):
            if pos in ("ADJ", "ADV", "VERB") and low.startswith(c.cue) and len(low) - len(c.cue) <= 3:
                out.append((c, False))
        elif pos in VERB_POS:
            if c.particle is None:
                if low.startswith(c.cue):
                    out.append((c, False))
            elif low.startswith((c.particle + c.cue, c.particle + "zu" + c.cue)):
                out.append((c, False))
            elif low.startswith(c.cue):
                out.append((c, True))
    return tuple(out)


@lru_cache(maxsize=1)
def _commitment_heads() -> tuple[str, ...]:
    return tuple(w for w, classes in lexicon.relation_syntax().items() if "commitment" in classes or "bundle" in classes)


def _commitment_head(rest: str) -> bool:
    """The rest of a word after a cue is a `commitment` or `bundle` head of relation_syntax.tsv, after a linking "s"
    or hyphen ("Beistands|verpflichtung", "Hilfs|zusage": the cue's relation promised; "Sanktions|paket",
    "Sanktions|runde", "Unterstützungs|paket": a bundle of it)."""
    rest = rest[1:] if rest[:1] in ("s", "-") else rest
    return any(rest.startswith(h) and len(rest) - len(h) <= 3 for h in _commitment_heads())


@lru_cache(maxsize=50_000)
def _old_spelling_cues(low: str, pos: str) -> tuple[tuple[RelationCue, bool], ...]:
    """The cues of a word in old spelling read in modern spelling ("Conflicte", "Bündniß", "Uebereinkommen";
    relation_spellings.tsv), none when it reads the same."""
    modern = lexicon.modern_spelling(low)
    return _word_cues(modern, pos) if modern != low else ()


def _cue_candidates(low: str) -> list[RelationCue]:
    """The cues (in lexicon order) that may match `low` in `_word_cues`: each test there needs the cue
    (or particle + cue) as a prefix of the word, or a noun cue ending in its last three letters; so
    only the cues keyed by such a substring are tested, not all of them (a miss of the cache above
    cost a test of every cue)."""
    index = _cue_index()
    n = len(low)
    found: set[int] = set()
    for b in range(1, n + 1):
        found.update(index.get(low[:b], ()))
    for e in range(max(1, n - 3), n + 1):
        for a in range(1, e):
            found.update(index.get(low[a:e], ()))
    cues = lexicon.relation_cues()
    return [cues[k] for k in sorted(found)]


@lru_cache(maxsize=1)
def _cue_index() -> dict[str, tuple[int, ...]]:
    """cue, particle + cue and particle + "zu" + cue -> positions of the cues in relation_cues()."""
    index: dict[str, list[int]] = {}
    for k, c in enumerate(lexicon.relation_cues()):
        keys = {c.cue} if c.particle is None else {c.cue, c.particle + c.cue, c.particle + "zu" + c.cue}
        for key in keys:
            index.setdefault(key, []).append(k)
    return {key: tuple(ks) for key, ks in index.items()}


class RelationCues:
    def cue_of(self, tok: Token, sent: Span) -> RelationCue | None:
        """The longest cue the word contains ("Einfuhrsperre" is a ban, not an import); none in a
        truncated compound ("Handels- und Aufenthaltsorte": its head is another word)."""
        if tok.text.endswith("-"):
            return None
        found = [c for c in self._cues_of(tok, sent) if c.frame not in LOCAL_FRAMES or self._local_frame(c, tok.i)]
        if found and "ratio" in syntax(tok.text) and tok.i > sent.start and self.doc[tok.i - 1].lower_ == "im":
            return None  # "im Verhältnis zu Frankreich": a comparison
        best = max(found, key=lambda c: len(c.cue)) if found else None
        return None if best is None or best.type == NO_RELATION else best  # "Bürgerkrieg": no cue

    def _local_frame(self, c: RelationCue, i: int) -> bool:
        """Cues that are cues only in their own phrase: a meeting noun with its partner, a joint unit
        after a compound adjective of two states (otherwise the word is no cue and ends no phrase)."""
        reading = self.reading
        if reading is None or not reading.sent.start <= i < reading.sent.end:
            return False
        if c.frame == "owed":
            return self._owed_to_state(reading, i, c)
        return self._with_partner(reading, i) if c.frame == "with" else self._compound_before(reading, i)

    def _no_relation_noun(self, tok: Token, sent: Span) -> bool:
        found = list(self._cues_of(tok, sent))
        return bool(found) and max(found, key=lambda c: len(c.cue)).type == NO_RELATION

    def _cues_of(self, tok: Token, sent: Span):
        pos = tok.pos_
        if pos == "DET" and (tok.i + 1 >= sent.end or self.doc[tok.i + 1].is_punct or self.doc[tok.i + 1].lower_ == "sich"):
            pos = "VERB"  # "könnten sich bald einigen.", "X und Y einigen sich": no determiner ends a clause or takes "sich"
        found = _word_cues(tok.lower_, pos) or self._broken_word_cues(tok, sent) or _old_spelling_cues(tok.lower_, tok.pos_)
        for c, particle_apart in found:
            if not particle_apart or self._particle_after(tok, sent, c.particle):
                yield c

    def _broken_word_cues(self, tok: Token, sent: Span) -> tuple[tuple[RelationCue, bool], ...]:
        """A cue word OCR broke at a line end ("Kon dolenzschreiben", "Verhandlun gen"; see broken_word): the
        cues of the joined word that open it and run across the break, when the second fragment carries no
        cue itself ("ein führender" stays two words: "ein" is a function word)."""
        joined = broken_word(tok, sent.end)
        if joined is None:
            return ()
        nxt = self.doc[tok.i + 1]
        if _word_cues(nxt.lower_, nxt.pos_):
            return ()
        for pos in dict.fromkeys((nxt.pos_, tok.pos_)):
            # the cue opens the joined word and runs across the break ("Krankenhaus behandelt" holds no "Handel")
            found = tuple((c, apart) for c, apart in _word_cues(joined, pos)
                          if joined.startswith(c.cue) and len(c.cue) > len(tok))
            if found:
                return found
        return ()

    def _particle_after(self, tok: Token, sent: Span, particle: str) -> bool:
        """A separated verb particle closes the clause: "griffen ... an.", "lehnt ... ab und"."""
        doc = self.doc
        for j in range(tok.i + 1, sent.end):
            t = doc[j]
            if t.text in {",", ";", ":"} and not (t.text == "," and self._list_comma(j, sent)):
                return False
            if t.lower_ == particle:
                nxt = doc[j + 1] if j + 1 < sent.end else None
                if nxt is None or nxt.is_punct or nxt.pos_ in ("CCONJ", "VERB", "AUX"):
                    return True
        return False

    def _list_comma(self, j: int, sent: Span) -> bool:
        """The comma at token j joins the names of a list ("rief seine Botschafter aus Madrid, Dublin und Oslo
        zurück"): a noun before it, nothing but noun phrases and commas after it up to "und", "sowie", "oder"."""
        doc = self.doc
        if j == sent.start or doc[j - 1].pos_ not in ("NOUN", "PROPN"):
            return False
        k = j + 1
        while k < sent.end and (doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or doc[k].text == ","):
            k += 1
        return k > j + 1 and k < sent.end and doc[k].lower_ in ("und", "sowie", "oder")

    def is_sports(self, sent: Span) -> bool:
        """Match reports: "gegen" and "siegen" there name an opponent in a game."""
        if SCORE.search(sent.text):
            return True
        hits = {strength: sum(t.lower_.startswith(prefixes) or t.lower_ in words for t in sent if t.is_alpha)
                for strength, (prefixes, words) in self.sports.items()}
        return hits["strong"] > 0 or hits["weak"] > 1  # ("verlor im Krieg", "gewann die Wahl": no match)
