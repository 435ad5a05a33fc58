"""Goods named with the state they come from (mixed into relations.RelationFinder, which supplies doc): "Zölle auf
Stahl **aus** Brasilien", "die Einfuhr von Wein aus Georgien", "erhält mehr Gas aus Norwegen". The "aus" phrase
of a noun inside a trade or sanctions cue's phrase names the state the trade is with or the measure aims at; it is
no place of the act."""

from __future__ import annotations

from kg.extract.relation_mentions import Mention
from kg.extract.relation_reading import Reading

# cue types whose partner is the state the goods come from
GOODS_TYPES = ("trade", "sanctions")


class RelationGoods:
    def _goods_origin(self, reading: Reading, m: Mention, cue_i: int = -1) -> bool:
        """m stands in an "aus" phrase right after a common noun that is no state and no cue ("Stahl aus
        Brasilien"; "Lieferungen aus X" is read by the cue's own prepositions)."""
        doc = self.doc
        j = m.prep_i
        if j <= reading.sent.start or doc[j].lower_ != "aus" or m.nonstate or j - 1 == cue_i:
            return False
        before = doc[j - 1]
        return before.pos_ == "NOUN" and not reading.is_mention(before.i)

    def _route(self, run: list[Mention]) -> list[Mention]:
        """A trade noun's phrase "aus X nach Y" names the two sides of the trade ("Stromlieferungen aus Jordanien
        nach Syrien"), whoever pays for it."""
        origin = [m for m in run if m.prep == "aus" or m.prep_i >= 0 and self.doc[m.prep_i].lower_ == "aus"]
        goal = [m for m in run if m.prep == "nach"]
        if not origin or not goal or {m.iso for m in origin} & {m.iso for m in goal}:
            return []
        return origin + goal
