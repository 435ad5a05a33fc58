"""Verb cues used as attributive participles (mixed into relations.RelationFinder, which supplies doc): "den in der
Region **stationierten** russischen Friedenstruppen", "die von Deutschland **gelieferten** Panzer". Such a participle
describes its noun; its parties stand inside that noun phrase (the article, the participle's own phrase, the noun
with its adjective or genitive), never in the clause around it ("warf Eriwan den in der Region stationierten
russischen Friedenstruppen vor": Armenia is the accuser, no host of the troops)."""

from __future__ import annotations

from kg.extract.relation_mentions import PARTICIPLE_ENDINGS
from kg.extract.relation_reading import Reading

PHRASE_POS = ("ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV")


class RelationParticiples:
    def _participle_phrase(self, reading: Reading, i: int) -> set[int] | None:
        """The token span of the noun phrase an attributive participle i stands in: from its article, which a
        preposition follows ("den in der Region", "die von Deutschland"), to its noun and a genitive after it."""
        doc, sent = self.doc, reading.sent
        tok = doc[i]
        if tok.pos_ != "ADJ" or not tok.lower_.endswith(PARTICIPLE_ENDINGS) or i + 1 >= sent.end:
            return None
        k = i - 1
        while k > sent.start and (doc[k].pos_ in PHRASE_POS or reading.is_mention(k)) and \
                not (doc[k].pos_ == "DET" and doc[k + 1].pos_ == "ADP"):
            k -= 1
        if not (doc[k].pos_ == "DET" and k + 1 < i and doc[k + 1].pos_ == "ADP"):
            return None
        j = i + 1
        while j < sent.end and (doc[j].pos_ == "ADJ" or reading.is_mention(j) and doc[j].pos_ != "PROPN"):
            j += 1
        if j >= sent.end or doc[j].pos_ not in ("NOUN", "PROPN"):
            return None
        end = j
        if j + 2 < sent.end and doc[j + 1].lower_ in ("der", "des") and (doc[j + 2].pos_ in ("NOUN", "PROPN") or reading.is_mention(j + 2)):
            end = j + 2  # "stationierte Panzerbrigade der Bundeswehr": the noun's genitive
        return set(range(k, end + 1))
