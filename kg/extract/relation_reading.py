"""One sentence read for country relations without a parser: country mentions with the role their
preposition gives them, states acting together ("X und Y"), and clause windows.

Reading composes ReadingMentions (relation_mentions.py: which countries the sentence names), ReadingClauses
(relation_clauses.py: its clauses), ReadingRoles (relation_roles.py: roles and groups) and ReadingReferences
(relation_references.py: truncated conjuncts, nouns referring back to a state) and answers the
questions relations.RelationFinder asks of a mention. Word classes come from data/relation_syntax.tsv
(relation_words.py); the relation cues themselves from relation_cues.py.
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.entities import DocEntities
from kg.extract.relation_clauses import ReadingClauses
from kg.extract.relation_mentions import PLACE, Mention, ReadingMentions
from kg.extract.relation_references import ReadingReferences
from kg.extract.relation_roles import ReadingRoles
from kg.extract.relation_words import DASHES


class Reading(ReadingMentions, ReadingClauses, ReadingRoles, ReadingReferences):
    def __init__(self, sent: Span, ents: DocEntities):
        self.sent = sent
        self.doc = sent.doc
        self.mentions: list[Mention] = []
        self._collect(ents)
        self._seats()  # "die US-Regierung in Washington" is one party
        self._truncated()  # "Nord- und Südkorea"
        self._dual_origin()  # "Deutsch-Russen": people, no states
        self._segments()
        self._roles()
        self._groups()
        self._anaphors()
        self._references()  # "das Nachbarland", "das Königreich"
        self.mentions.sort(key=lambda m: (m.start, m.iso))

    # -- helpers --------------------------------------------------------------------------------
    def own_place(self, m: Mention) -> bool:
        """m has its own place preposition ("Botschaft in Wien"), not one inherited from a list."""
        prep, _ = self._left(m)
        return prep is not None and m.role == PLACE

    def prenominal(self, m: Mention) -> bool:
        """m may stand before a noun as its attribute: an adjective ("russische Angriffe"), a part of a
        compound ("Israel-Libanon-Konflikt", "US-Sanktionen") or a genitive name without article
        ("Russlands Angriff"), or a prepositional phrase ("gegen Russland Krieg führen"); a name after an article
        or bare ("sagt der Ukraine weitere Hilfe zu", "sagt Kiew Hilfe zu") is an object of the verb, no attribute
        of the noun after it."""
        doc = self.doc
        if m.kind in ("adj", "anaphor") or m.end + 1 < self.sent.end and doc[m.end + 1].text in DASHES:
            return True
        if m.prep is not None:
            return True  # a phrase of its own that names the noun's partner ("gegen Russland Krieg zu führen")
        text = doc[m.start: m.end + 1].text
        if "-" in doc[m.end].text:
            return True  # a name inside a compound token
        before = doc[m.start - 1] if m.start > self.sent.start else None
        return text.endswith("s") and not (before is not None and before.pos_ == "DET")

    def object_case(self, m: Mention) -> bool:
        """m (a name, or the noun an adjective belongs to) stands in the accusative or dative."""
        doc = self.doc
        head = doc[m.end]
        if m.prep is None and m.prep_i > self.sent.start:
            head = doc[m.prep_i - 1]  # "die Regierung in Peking": the case of "Regierung"
        elif m.kind in ("name", "capital") and not (m.start > self.sent.start and doc[m.start - 1].pos_ in ("DET", "ADJ")):
            # a name without article shows no case: the morphologizer's guess ("hat Russland die Ukraine
            # angegriffen": Russland Acc) is no evidence against the subject-first order of German clauses
            return False
        elif m.kind == "adj":
            if doc[m.end].morph.get("Case") == ["Nom"]:
                return False  # "erschossen israelische Soldaten drei Palästinenser": the adjective's own case decides
            head = next((t for t in doc[m.end + 1: min(self.sent.end, m.end + 4)] if t.pos_ in ("NOUN", "PROPN")), head)
        return bool(set(head.morph.get("Case")) & {"Acc", "Dat"})

    def members(self, m: Mention) -> list[Mention]:
        return [x for x in self.mentions if x.group == m.group]

    def usable(self, m: Mention) -> bool:
        return m.role != PLACE and not m.nonstate

    def directional(self, m: Mention, preps: frozenset[str], bare_in: bool = True) -> bool:
        """m stands after one of a cue's own prepositions, "in" with an accusative ("in den Libanon").
        A name without article after "in" ("in Syrien") is a direction only where the cue asks for one
        (bare_in: "Einmarsch in Polen", "Staatsbesuch in Peking"); after most verbs it is the place
        ("liefern Daten für Luftangriffe in Syrien")."""
        if m.prep not in preps or m.nonstate:
            return False
        if m.prep != "in":
            return True
        # "in den Libanon", "in Nordsyrien" are directions; "im Irak", "in der Ukraine" places
        tok = self.doc[m.prep_i]
        after = self.doc[m.prep_i + 1].lower_
        if after in ("den", "die", "das"):
            return True
        return bare_in and tok.lower_ != "im" and after not in ("der", "dem")
