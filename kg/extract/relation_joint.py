"""A joint cue noun whose second party is no member of the clause's group (mixed into relations.RelationFinder,
which supplies doc, _subject and _governor): "hat die gemeinsamen Militärübungen **mit** Litauen abgesagt" (the
subject's joint act with the "mit" partner), "ist aus **Chinas** Seidenstraßen-Initiative ausgestiegen" (leaving or
joining one state's joint project relates the subject to that state); and a colon headline whose one part names two
states and whose other part a dispute between nobody ("Serbien und Kosovo: Streit um Autokennzeichen eskaliert",
"Streit um Fischereirechte: London und Paris ringen um Lizenzen")."""

from __future__ import annotations

from kg.extract.relation_mentions import CORE, Mention
from kg.extract.relation_parties import _across
from kg.extract.relation_reading import Reading

# governors of a joint noun that make the clause's subject a party of another state's project: leaving it, joining it
OWNED_GOVERNORS = ("halt", "join")


class RelationJoint:
    def _joint_partner(self, reading: Reading, i: int, free: list[Mention], left: list[Mention],
                       partners: list[Mention]) -> tuple[list[tuple[str, str]], list[Mention]]:
        """The clause's subject with the "mit" partner of the joint noun, or with the one state owning it."""
        others = [m for m in partners if m.prep == "mit"]
        if not others:
            owner = self._owner_before(reading, i)
            if owner is None or len({m.iso for m in left} - {owner.iso}) or self._governor(reading, i) not in OWNED_GOVERNORS:
                return [], []
            others = [owner]
        rest = [m for m in free if m not in others and m.start < i]
        subject = self._subject(reading, i, rest, others)
        return _across(subject, others), subject + others

    def _owner_before(self, reading: Reading, i: int) -> Mention | None:
        """A genitive name right before the noun or its compound ("Chinas Seidenstraßen-Initiative", tokenised
        "Seidenstraßen - Initiative"): the state whose project it is."""
        doc = self.doc
        j = i - 1
        while j > reading.sent.start and i - j <= 3 and (doc[j].text == "-" or doc[j].pos_ == "NOUN" and not reading.is_mention(j)):
            j -= 1
        m = next((m for m in reading.mentions if m.end == j and not m.nonstate), None)
        if m is None or m.kind not in ("name", "capital") or not doc[m.end].text.endswith("s") or \
                (m.start > reading.sent.start and doc[m.start - 1].pos_ == "DET"):
            return None
        return m

    def _headline_sides(self, reading: Reading, i: int) -> list[Mention]:
        """The two or more states of a colon headline's other part: all of the part before the colon (names, "und",
        quotes) when the cue stands after it; the subject group right after the colon when the cue stands in a
        verbless topic before it."""
        doc, start = self.doc, reading.sent.start
        colon = next((t.i for t in doc[start: min(reading.sent.end, start + 8)] if t.text == ":"), None)
        if colon is None or colon == start:
            return []
        states = [m for m in reading.mentions if not m.nonstate]
        if i > colon:
            before = [m for m in states if m.end < colon]
            if not before or not all(reading.is_mention(t.i) or t.lower_ in ("und", ",") for t in doc[start: colon]):
                return []
            sides = before
        else:
            if any(t.pos_ in ("VERB", "AUX") for t in doc[start: colon]):
                return []
            after = [m for m in states if m.start > colon and m.role == CORE]
            if not after or after[0].start > colon + 3:
                return []
            sides = [m for m in after if m.group == after[0].group]
        # (the headline names no other state: "Frankreich und Italien: Die Krise in Libyen verschärft sich" is Libya's)
        if {m.iso for m in states} - {m.iso for m in sides}:
            return []
        return sides if len({m.iso for m in sides}) >= 2 else []
