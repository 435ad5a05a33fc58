"""Reactions to the act of the clause before (mixed into relations.RelationFinder, which supplies doc and types): a
criticism cue in a clause that takes up that act — a sentential "was" clause ("hat Waffen an Armenien geliefert,
was Aserbaidschan scharf kritisierte") or a relative clause whose pronoun is the object and a state its subject
("ein Manöver abgehalten, das China verurteilte") — is the reacting state's criticism of the states that acted.
Read the usual way the act's own states, already taken by its cue, leave the reacting state alone and no pair
is formed, or the reacting state is paired with the act's object. Likewise a threat whose clause names no one
threatened aims at the state whose act the conditional clause after it names ("drohte ..., falls Washington ...")."""

from __future__ import annotations

from kg.extract.lexicon import RelationCue
from kg.extract.relation_mentions import AGENT, CORE, PLACE, Mention
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import DASHES, syntax

# the cue types a reaction clause states of its subject
REACTION_TYPES = ("criticism",)
# a reacting state may be named by the place of its government: "was in Peking auf scharfe Kritik stieß"
PLACE_PREPS = ("in", "aus")
# a conditional clause opened by its finite modal ("..., sollten die USA in den Krieg eingreifen")
CONDITIONAL_MODALS = ("sollte", "sollten")


class RelationReactions:
    def _reaction(self, reading: Reading, i: int, cue: RelationCue) -> tuple[list[tuple[str, str, str]], list[Mention]]:
        # (a state's feeling, "zeigte sich verärgert", and offending, "was Spanien verärgerte", have the act as subject)
        if cue.type not in REACTION_TYPES or cue.pos not in ("verb", "noun") or "offend" in syntax(self.doc[i].text):
            return [], []
        p = self._reaction_opener(reading, i)
        if p is None:
            return [], []
        doc = self.doc
        inside = [m for m in reading.mentions if p < m.start and not m.nonstate and
                  reading.seg[m.start] == reading.seg[i] and (m.start < i or not cue.verbal)]
        # (a genitive name before its noun is no subject: "eine Resolution, die Russlands Angriffskrieg verurteilt")
        reactors = [m for m in inside if m.role in (CORE, AGENT) and not m.genitive and
                    not self._genitive_name(reading, m)] or \
                   [m for m in inside if m.role == PLACE and m.prep in PLACE_PREPS]
        if not reactors:
            return [], []
        if doc[p].lower_ != "was" and not (reactors[0].start <= p + 5 and reactors[0].role != AGENT):
            return [], []  # a relative pronoun that is the subject ("eine Pipeline, die Polen schadet") is no reaction
        reactors = [m for m in reactors if m.group == reactors[0].group]
        acted = self._reaction_actors(reading, p, {m.iso for m in reactors})
        if not acted:
            return [], []
        return [(x.iso, y.iso, cue.type) for x in reactors for y in acted if x.iso != y.iso], reactors + acted

    def _genitive_name(self, reading: Reading, m: Mention) -> bool:
        """A name in -s before a noun is its genitive attribute ("Russlands Angriffskrieg")."""
        doc = self.doc
        return m.kind in ("name", "capital") and doc[m.end].text.endswith("s") and m.end + 1 < reading.sent.end and \
            doc[m.end + 1].pos_ == "NOUN" and not reading.is_mention(m.end + 1)

    def _reaction_opener(self, reading: Reading, i: int) -> int | None:
        """The token opening cue i's clause when it takes up the clause before: "was" or an object relative
        pronoun after a comma, the noun before it no state ("Russland, das die Ukraine kritisiert" is read as
        the relative clause of its state)."""
        doc = self.doc
        j = i - 1
        while j > reading.sent.start and reading.seg[j] == reading.seg[i] and doc[j].text not in (",", ";", ":"):
            j -= 1
        while j > reading.sent.start and reading.seg[j] == reading.seg[i] and doc[j].text == "," and \
                self._inner_comma(reading, j, i):
            j -= 1  # "was Algerien, der wichtigste Unterstützer der Polisario, scharf verurteilte"
            while j > reading.sent.start and doc[j].text != ",":
                j -= 1
        if doc[j].text != "," or j + 1 >= i:
            return None
        p = j + 1
        word = doc[p]
        if word.lower_ == "was" and word.pos_ == "PRON":
            return p
        # (the tagger may call the pronoun an article when a name follows: "eine Pipeline, die Polen kritisiert")
        if not (word.lower_ in ("das", "die", "den") and "relative" in syntax(word.text) and
                (word.pos_ == "PRON" or word.pos_ == "DET" and reading.is_mention(p + 1))):
            return None
        k = j - 1
        while k > reading.sent.start and doc[k].pos_ in ("VERB", "AUX"):
            k -= 1  # "ein Manöver abgehalten, das ...": the relative clause stands after the verbs
        return p if doc[k].pos_ == "NOUN" and not reading.is_mention(k) else None

    def _inner_comma(self, reading: Reading, j: int, i: int) -> bool:
        """The comma at j closes an apposition inside the reaction clause: a comma before it that opens
        with "was" or a relative pronoun, and no verb between them."""
        doc = self.doc
        k = j - 1
        while k > reading.sent.start and doc[k].text != ",":
            if doc[k].pos_ in ("VERB", "AUX"):
                return False
            k -= 1
        return k > reading.sent.start and k + 1 < j and doc[k + 1].lower_ in ("was", "das", "die", "den") and doc[k + 1].pos_ == "PRON"

    def _reaction_actors(self, reading: Reading, p: int, skip: set[str]) -> list[Mention]:
        """The states acting in the clause before the reaction: its first state that is no place or partner, with
        its group (the clause's subject, or the states a noun of the subject belongs to: "Die Streitkräfte
        Südkoreas und der USA haben ... begonnen"). Over an apposition after a dash ("besiegelten X und Y den Bau
        der Pipeline – ein Projekt, das Z kritisierte") to the clause it describes."""
        doc = self.doc
        seg = reading.seg[p - 2] if p - 2 >= reading.sent.start else None
        for _ in range(2):
            if seg is None:
                return []
            toks = [t for t in range(reading.sent.start, p - 1) if reading.seg[t] == seg]
            first = next((m for m in reading.mentions if m.start in toks and not m.nonstate and m.iso not in skip
                          and m.role in (CORE, AGENT)), None)
            if first is not None:
                return [m for m in reading.mentions if m.group == first.group and m.iso not in skip]
            start = toks[0] if toks else p
            dash = next((t for t in (start, start - 1) if t >= reading.sent.start and doc[t].text in DASHES), None)
            seg = reading.seg[dash - 1] if dash is not None and dash - 1 >= reading.sent.start else None
        return []

    def _aim_elsewhere(self, reading: Reading, i: int, cue: RelationCue) -> tuple[list[tuple[str, str, str]], list[Mention]]:
        """A verb cue with no pair in its clause: the state of its condition, or the actor of the act before."""
        pairs, used = self._conditional_target(reading, i, cue)
        return (pairs, used) if pairs else self._act_before(reading, i, cue)

    def _conditional_target(self, reading: Reading, i: int, cue: RelationCue) -> tuple[list[tuple[str, str, str]], list[Mention]]:
        """A threat whose clause names no one threatened aims at the state whose act its condition names: "Russland
        hat mit der Stationierung von Raketen gedroht, **falls Washington** ... aufstellt", "Iran droht mit einer
        Schließung der Straße von Hormus, **sollten die USA** in den Krieg eingreifen"."""
        doc = self.doc
        if cue.type != "threat" or not cue.verbal:
            return [], []
        # the first comma opening a condition, over relative clauses between ("Hormus, durch die ... fließt, sollten")
        comma = next((t for t in range(i + 1, reading.sent.end - 1) if doc[t].text == "," and (
            "conditional" in syntax(doc[t + 1].text) or doc[t + 1].lower_ in CONDITIONAL_MODALS)), None)
        if comma is None or any(reading.seg[t] != reading.seg[i] and reading.seg[t] not in reading.rel
                                for t in range(i, comma) if doc[t].text != ","):
            return [], []
        seg = reading.seg[comma + 1]
        # (a state named as the condition's subject: "der chinesische Einfluss" is a thing, its state no actor)
        cond = [m for m in reading.mentions if reading.seg[m.start] == seg and m.start > comma and m.kind != "adj" and
                m.role in (CORE, AGENT) and not m.nonstate and not m.genitive]
        actors = [m for m in reading.mentions if m.start < i and reading.seg[m.start] == reading.seg[i] and
                  m.role in (CORE, AGENT) and not m.nonstate and not m.genitive]
        if not cond or not actors:
            return [], []
        cond = [m for m in cond if m.group == cond[0].group]
        actors = [m for m in actors if m.group == actors[0].group]
        return [(x.iso, y.iso, cue.type) for x in actors for y in cond if x.iso != y.iso], actors + cond

    def _act_before(self, reading: Reading, i: int, cue: RelationCue) -> tuple[list[tuple[str, str, str]], list[Mention]]:
        """Criticism of an act named before by a noun with no state of its own: its actor is the subject of the clause
        before a semicolon or dash ("Iran hat Raketen auf Katar abgefeuert; Doha **verurteilte den Angriff**",
        "Nordkorea feuert Raketen ab – Seoul und Tokio verurteilen „Provokation“")."""
        doc = self.doc
        if cue.type not in REACTION_TYPES or not cue.verbal:
            return [], []
        seg = reading.seg[i]
        start = min(t for t in reading.seg if reading.seg[t] == seg)
        sep = start if doc[start].text == ";" or doc[start].text in DASHES else start - 1  # (the mark opens the segment)
        if sep <= reading.sent.start or not (doc[sep].text == ";" or doc[sep].text in DASHES):
            return [], []
        own = [m for m in reading.mentions if reading.seg[m.start] == seg and not m.nonstate]
        actors = [m for m in own if m.start < i and m.role in (CORE, AGENT) and not m.genitive]
        if not actors or any(m.group != actors[0].group for m in own):
            return [], []  # (a state of the criticised act's own phrase is read with it)
        act = next((t for t in doc[i + 1: min(reading.sent.end, i + 5)] if t.pos_ == "NOUN" and
                    (c := self.cue_of(t, reading.sent)) is not None and self.types[c.type].polarity == "hostile"), None)
        if act is None:
            return [], []
        before = reading.seg[sep - 1]
        subject = [m for m in reading.mentions if reading.seg[m.start] == before and m.role == CORE and not m.nonstate
                   and not m.genitive]
        if not subject or subject[0].iso in {m.iso for m in actors}:
            return [], []
        subject = [m for m in subject if m.group == subject[0].group]
        return [(x.iso, y.iso, cue.type) for x in actors for y in subject if x.iso != y.iso], actors + subject
