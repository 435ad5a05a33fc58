"""The parties of a cue (mixed into relations.RelationFinder, which supplies doc): the states of a cue's clause
not yet taken, its subject and the group acting together, the target of criticism named as a proposition, partners
in arms; and the pairs of states a set of mentions makes (within one side, across two)."""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Token

from kg.extract.lexicon import RelationCue
from kg.extract.relation_mentions import AGENT, CORE, Mention
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import QUOTES, zu_infinitive

# criticism and threats may aim at a proposition rather than a named state ("äußerten Zweifel, ob die USA ...")
AT_PROPOSITION = ("criticism", "threat")


def _infinitive(tokens: list[Token]) -> bool:
    """A "zu" infinitive clause: "gegen Russland Krieg zu führen", "die Ukraine anzugreifen"."""
    return any(t.lower_ == "zu" and t.pos_ == "PART" or t.pos_ == "VERB" and zu_infinitive(t.lower_) for t in tokens)


def _distinct(ms: list[Mention]) -> list[str]:
    return sorted({m.iso for m in ms})


def _within(ms: list[Mention]) -> list[tuple[str, str]]:
    return list(combinations(_distinct(ms), 2))


def _across(actors: list[Mention], targets: list[Mention]) -> list[tuple[str, str]]:
    return [(a, t) for a in dict.fromkeys(m.iso for m in actors) for t in dict.fromkeys(m.iso for m in targets) if a != t]


def _toward(reading: Reading, m: Mention, cue: RelationCue) -> bool:
    """m stands after one of the cue's own place prepositions as its partner: a direction ("Soldaten in
    den Libanon entsenden"), or for cues of frame `at` also the place itself ("Jets in der Türkei
    stationieren": the state hosting the forces)."""
    if cue.frame == "against" and m.prep == "richtung":
        return not m.nonstate  # "feuerte Raketen in Richtung Südkorea ab"
    if cue.frame in ("at", "embassy", "forces", "envoy"):  # ("eröffnet eine Botschaft in Ramallah": the host state)
        return m.prep in cue.to and not m.nonstate
    return reading.directional(m, cue.to, bare_in=not cue.verbal or cue.frame == "against")


class RelationParties:
    def _candidates(self, reading: Reading, i: int, claimed: set[int]) -> list[Mention]:
        win = set(reading.window(i))
        return [m for m in reading.mentions if m.start in win and id(m) not in claimed and not m.nonstate]

    def _clause_start(self, reading: Reading, j: int) -> bool:
        """Token j opens its clause (sentence start or right after a comma, colon or semicolon)."""
        if j < 0:
            return False
        k = j - 1
        while k >= reading.sent.start and self.doc[k].text in QUOTES:
            k -= 1
        return k < reading.sent.start or self.doc[k].text in (",", ":", ";")

    def _subject(self, reading: Reading, i: int, ms: list[Mention], skip: list[Mention]) -> list[Mention]:
        """The clause's own state: its first country that is no partner or place (subjects lead in
        German clauses), with its group; for a "dass"/"um" clause the state of the clause it depends on."""
        isos = {m.iso for m in skip}
        core = [m for m in ms if m.role == CORE and m.iso not in isos and m not in skip]
        if not core:
            gov = set(reading.governing(i))
            core = [m for m in reading.mentions if m.start in gov and m.role == CORE and not m.nonstate and m.iso not in isos]
        if not core:
            return []
        seg = reading.seg[i]
        # a coordinated verb ("... und müssen ... abwägen") has the subject of the clause before
        home = reading.coordinate.get(seg, seg)
        own = [m for m in core if reading.seg[m.start] == home] or [m for m in core if reading.seg[m.start] == seg]
        pick = (own or core)[0]
        return [m for m in core if m.group == pick.group]

    def _complement_target(self, reading: Reading, i: int) -> list[Mention]:
        """Criticism of a proposition: "äußerten Zweifel, ob ... der Vereinigten Staaten ..."."""
        comp = set(reading.complement(i))
        # the proposition is about its states, wherever they stand ("ob im Rüstungsbereich der USA ...")
        return [m for m in reading.mentions if m.start in comp and not m.nonstate][:1]

    def _clause_group(self, reading: Reading, i: int, ms: list[Mention]) -> list[Mention]:
        """States acting together as the clause's subject: its first states when they are a group
        ("Brasilien, Venezuela und Bolivien hatten ... präsentiert", "arbeiten beide Staaten")."""
        core = [m for m in ms if m.role in (CORE, AGENT)]
        own = [m for m in core if reading.seg[m.start] == reading.seg[i]] or core
        for m in own:
            group = [x for x in core if x.group == m.group]
            if len(_distinct(group)) >= 2:
                return group
            if m.kind != "anaphor":
                break
        anaphor = [m for m in core if m.kind == "anaphor"]
        return anaphor if len(_distinct(anaphor)) >= 2 else []

    @staticmethod
    def _in_arms(actors: list[Mention], cue: RelationCue) -> list[tuple[str, str, str]]:
        """States fighting or attacking a third together are partners in arms ("X kämpft an der Seite
        von Y gegen Z", "X und Y bombardierten Z", "X, Y und Z führten Krieg gegen W")."""
        if cue.frame != "against" and cue.type != "armed_conflict":
            return []
        return [(x, y, "military_cooperation") for x, y in _within(actors)]
