"""Frames of country relations beyond a cue's own phrase (mixed into relations.RelationFinder, which
supplies doc, ents and cue_of): a "zwischen" list later in the clause, a cue noun as object of a light
verb or governed by a demand / rejection / assent, criticism of a state's conduct named as a place,
territorial claims, meetings, cession in the passive, cues in a phrase of cause or opened by an
organisation; since the checklist round also fighting at a border "zwischen" two states, talks "zwischen" a state
and a group, a group's own dispute ("ihre"), a state opposed by a noun ("Demonstrationen gegen X") and a plain
"gemeinsam" cooperation named more precisely. Word classes come from data/relation_syntax.tsv."""

from __future__ import annotations

from kg.extract.relation_mentions import AGENT, CORE, PARTNER, PLACE, Mention
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import noun_of, place_noun, syntax, word_classes

NOUN_POS = ("NOUN", "PROPN")
# word classes that take a cue noun as object
GOVERNORS = frozenset({"demand", "reject", "assent", "announce", "wish", "renounce", "threaten", "join", "shield", "halt", "conclude"})
# separable stop verbs ("stellte ... ein", "setzte ... aus"): class -> the particle that makes them `halt`
SEPARABLE_HALT = {"halt_ein": "ein", "halt_aus": "aus", "halt_ab": "ab", "halt_auf": "auf"}
# the class + "_prep" governs through that preposition
GOVERNOR_PREPS = frozenset({"wish_prep", "renounce_prep", "threaten_prep", "join_prep", "halt_prep"})
# cooperative types that name what a plain "gemeinsam" cooperation of the same pair is
SPECIFIC_COOPERATION = ("military_cooperation", "economic_cooperation", "alliance")
# classes that govern a cue noun only through their preposition ("droht X mit Sanktionen"; "es droht ein Krieg"
# names no threat of a state)
PREP_ONLY = frozenset({"threaten", "join"})


class RelationFrames:
    def _between_later(self, reading: Reading, i: int, ms: list[Mention]) -> list[Mention]:
        """"Das Abkommen wurde 1959 zwischen X, Y und Z abgeschlossen": a cue noun that heads its clause
        and names no country of its own takes the "zwischen" list later in its clause (all pairs),
        unless another cue noun or a place noun ("in der Grenzregion zwischen") stands before the list."""
        doc = self.doc
        later = [m for m in ms if m.prep == "zwischen" and m.start > i and reading.seg[m.start] == reading.seg[i]]
        if not later or reading.fine[later[0].start] != reading.fine[i] or any(
                m.start < later[0].start and m not in later for m in ms):
            return []
        mark = later[0].prep_i
        if place_noun(doc[mark - 1].lower_) or any(
                t.pos_ in NOUN_POS and self.cue_of(t, reading.sent) is not None for t in doc[i + 1: mark]):
            return []
        inside = [m for m in later if m.group == later[0].group and not reading.own_place(m)]
        return inside if len({m.iso for m in inside}) >= 2 else []

    def _conduct_place(self, reading: Reading, i: int, actors: list[Mention], cls: str = "conduct") -> list[Mention]:
        """Criticism of what happens in a state: "kritisierten die Menschenrechtslage in China", "nach der
        Übernahme der Zeitung in der Türkei durch die Regierung besorgt": a place after a noun of a state's
        conduct or situation (`conduct` in relation_syntax.tsv), within eight words, in the cue's clause; support
        of a state's own aim (class `aspiration`: "unterstützen die Unabhängigkeitsbestrebungen der Mehrheit im
        Kosovo")."""
        doc, win = self.doc, set(reading.window(i))
        own = {m.iso for m in actors}
        for m in reading.mentions:
            if m.start not in win or m.role != PLACE or m.prep != "in" or m.iso in own or m.nonstate:
                continue
            for j in range(m.prep_i - 1, max(reading.sent.start, m.prep_i - 9) - 1, -1):
                tok = doc[j]
                if tok.pos_ in ("VERB", "AUX") or tok.text in (",", ";", ":"):
                    break
                if tok.pos_ == "NOUN" and noun_of(cls, tok.lower_):
                    return [x for x in reading.mentions if x.group == m.group]
        return []

    def _light_verb(self, reading: Reading, i: int, ms: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """"Japan erklärte China den Krieg", "Japan gewährt Indonesien einen Kredit": the cue noun is the
        object of a verb that names no relation itself; the clause's subject acts on the state in the
        dative before the noun. Two groups of core states only, both before the cue, a verb before the second.
        The partner may also stand in a "mit"/"gegen" phrase before the noun: "Italien schloss mit Albanien
        einen Vertrag", "X führte gegen Y einen Krieg", "Gegen Y verhängte X Sanktionen"; in the passive the "von"
        agent acts on the subject: "Russland wird von den USA mit Sanktionen belegt"."""
        fine, doc = reading.fine, self.doc
        # a genitive after a government noun is the state itself: "sicherte **der Regierung Malis** seine Unterstützung zu"
        own = [m for m in ms if fine[m.start] == fine[i] and m.role == CORE and (
            not m.genitive or m.start > reading.sent.start and "gov_noun" in syntax(doc[m.start - 1].text))]
        groups = list(dict.fromkeys(m.group for m in own))
        with_ = [m for m in ms if fine[m.start] == fine[i] and m.role == PARTNER and m.prep in ("mit", "gegen") and m.end < i]
        agents = [m for m in ms if fine[m.start] == fine[i] and m.role == AGENT and m.end < i]
        if len(groups) == 1 and agents and not with_ and self._passive(reading, i):
            # "Russland wird von den USA mit Sanktionen belegt": the "von" agent acts on the passive's subject
            if any(m.end >= i for m in own):
                return [], []
            return [m for m in agents if m.group == agents[0].group], own
        if len(groups) == 1 and with_:
            # ("Gegen Russland verhängte Japan neue Sanktionen": the partner phrase may open the clause)
            own = own + [m for m in with_ if m.group == with_[0].group]
            groups.append(with_[0].group)
        if len(groups) != 2 or any(m.end >= i for m in own):
            return [], []
        subject = [m for m in own if m.group == groups[0]]
        obj = [m for m in own if m.group == groups[1]]
        if obj[0].role == CORE and reading.object_case(subject[0]) and not reading.object_case(obj[0]):
            # "Der Ukraine sagte Deutschland weitere Hilfe zu": a dative object may open the clause
            subject, obj = obj, subject
        start = min(t.i for t in reading.sent if fine[t.i] == fine[i])
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[start: max(obj[0].start, subject[0].start)]):
            return [], []
        return subject, obj

    def _cause(self, reading: Reading, i: int) -> bool:
        """The cue noun stands in a phrase of cause ("versagten ihre Zustimmung wegen der Kritik an
        Kuba"): the criticism is someone else's, not the act of the clause's subject."""
        j = i - 1
        while j >= reading.sent.start and i - j <= 6 and reading.fine[j] == reading.fine[i]:
            tok = self.doc[j]
            if "cause" in syntax(tok.text):
                return True
            if tok.pos_ in ("VERB", "AUX") or tok.is_punct:
                return False
            if tok.pos_ == "ADP" and self.doc[j + 1].pos_ == "DET":
                return False  # "trotz des Krieges an seinen Beziehungen zu X": the cue opens a phrase of its own
            j -= 1
        return False

    def _org_compound(self, i: int) -> bool:
        """The cue word opens with an organisation that is no state ("EU-Hilfen", "UN-Sanktionen",
        "Nato-Manöver"; a state's own, "US-Sanktionen", is a country mention)."""
        doc, j = self.doc, i
        while j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
            j -= 2  # ("EU", "-", "Hilfen" as three tokens)
        first, end = doc[j].idx, doc[i].idx + len(doc[i].text)
        return (j < i or "-" in doc[i].text) and any(eid.startswith("org/") and s == first and e < end
                                                   for s, e, eid, _label in self.ents.refs_in(first, end))

    def _passive(self, reading: Reading, i: int, participle: bool = False) -> bool:
        """The cue is a participle with a form of "werden" in its clause ("wurde ... überlassen"). With
        `participle` the word must also be one ("angegriffen", "verurteilt", "beschossen"; not "anerkennen würden")."""
        fine = reading.fine
        tok = self.doc[i]  # (the morphologizer often leaves participles without features)
        if participle and "Part" not in tok.morph.get("VerbForm") and not tok.lower_.endswith("t") and \
                tok.lemma_.lower() == tok.lower_:
            return False  # an infinitive is its own lemma ("anerkennen würden"); "beschossen", "verurteilt" are none
        return not (tok.morph.get("Mood") or "Inf" in tok.morph.get("VerbForm")) and any(
            t.lemma_ == "werden" or t.lower_.startswith(("wurde", "worden", "wird", "werden"))
            for t in reading.sent if fine[t.i] == fine[i] and t.i != i)

    def _as_territory(self, reading: Reading, i: int) -> bool:
        """"betrachtete die Mongolei als Teil ihres Territoriums", "wird als serbische Provinz angesehen":
        "als" and a territory noun within four words after it, in the verb's clause."""
        doc, fine = self.doc, reading.fine
        clause = [t for t in reading.sent if fine[t.i] == fine[i]]
        return any(t.lower_ == "als" and any(noun_of("territory", u.lower_) for u in doc[t.i + 1: min(t.i + 5, reading.sent.end)])
                   for t in clause)

    def _counterpart(self, reading: Reading, i: int) -> bool:
        """"traf seinen Amtskollegen", "traf sich mit dem Präsidenten": meeting a state's representative
        (class counterpart), not being hit ("eine Rakete traf ein Dorf")."""
        fine = reading.fine
        return any(fine[t.i] == fine[i] and (noun_of("counterpart", t.lower_) or t.lower_ == "sich")
                   for t in self.doc[i + 1: reading.sent.end])

    def _governor(self, reading: Reading, i: int) -> str | None:
        """The class (demand, reject, assent, announce, wish, renounce) of a word in the cue noun's clause that governs it as its
        object: "hat ein Embargo gegen Nigeria gefordert" (asked for, not done), "lehnt eine Zusammenarbeit
        mit X ab" (denied), "stimmte der Stationierung ... zu" (accepted). Not for a noun in a phrase of its
        own ("fordert Konsequenzen aus dem Streit")."""
        fine, seg, doc = reading.fine, reading.seg, self.doc
        j = i - 1
        while j >= reading.sent.start and (doc[j].pos_ in ("DET", "ADJ", "NUM") or doc[j].text == "-" or
                                           j + 1 < i and doc[j + 1].text == "-"):
            j -= 1
        # (but "die Forderung nach Sanktionen": the demand's own object; "drängte X zur Zusammenarbeit",
        # "zur Kooperation zu bewegen": what the demand asks for)
        aim = j >= reading.sent.start and doc[j].lower_ in ("zu", "zur", "zum")
        # ("ist an der Besserung seiner Beziehungen zu X interessiert": what one is interested in is wished;
        # "verzichtete auf seinen Anspruch": what one renounces is given up)
        own_preps: set[str] = set()  # the governor classes whose preposition this is ("an": wish, join)
        if j >= reading.sent.start:
            own_preps = {c[:-5] for c in syntax(doc[j].text) if c in GOVERNOR_PREPS}
        if j >= reading.sent.start and doc[j].pos_ == "ADP" and not aim and not own_preps and not (
                doc[j].lower_ == "nach" and j > reading.sent.start and "demand" in syntax(doc[j - 1].text)):
            return None
        if self._genitive_in_phrase(reading, j):
            return None  # "im Rahmen des Atomabkommens ... aufgegeben": the verb's object is another noun
        for t in reading.sent:
            if fine[t.i] == fine[i] and seg[t.i] == seg[i] and t.i != i and (
                    g := GOVERNORS & self._governor_classes(reading, t) - (PREP_ONLY - own_preps)):
                if aim and "demand" not in g or own_preps and not own_preps & g or self._other_conjunct(reading, i, t):
                    continue  # ("stimmte zur Freude Ys zu": only a demand has an aim "zu")
                return min(g)
        return None

    def _genitive_in_phrase(self, reading: Reading, j: int) -> bool:
        """The cue noun after token j is the genitive of a noun inside a prepositional phrase ("im Rahmen **des**
        Abkommens", "nach dem Scheitern der Gespräche"): a governor of the clause has that phrase's noun, not it."""
        doc = self.doc
        if j < reading.sent.start or doc[j].pos_ != "NOUN" or doc[j + 1].lower_ not in ("des", "der"):
            return False
        k = j - 1
        while k >= reading.sent.start and doc[k].pos_ in ("DET", "ADJ", "NUM"):
            k -= 1
        return k >= reading.sent.start and doc[k].pos_ == "ADP"

    def _governor_classes(self, reading: Reading, t) -> frozenset[str]:
        """word_classes() of t; a separable stop verb ("stellte", "setzte") is `halt` only with its particle
        later in its clause ("stellte den Handel mit X ein"; "stellte sich hinter X" is none)."""
        found = word_classes(t, reading.sent.end)
        if any(cls in found and self._particle_after(t, reading.sent, particle) for cls, particle in SEPARABLE_HALT.items()):
            found = found | {"halt"}
        return self._particle_classes(reading, t, found)

    def _between_one_state(self, i: int, run: list[Mention]) -> bool:
        """The cue's own phrase goes on "zwischen" one state "und" something that is no state (a noun after
        the "und" that is no mention)."""
        inside = [m for m in run if m.prep == "zwischen"]
        if len({m.iso for m in inside}) != 1:
            return False
        doc, end = self.doc, max(m.end for m in inside)
        return end + 2 < len(doc) and doc[end + 1].lower_ == "und" and not any(m.start > end for m in run)

    def _border_fighting(self, i: int, k: int) -> bool:
        """Fighting at the border between two states is fought between them: "Bei Gefechten an der **Grenze**
        zwischen X und Y" (an armed-conflict cue, a `border` noun of relation_syntax.tsv right before "zwischen")."""
        cue = self.cue_of(self.doc[i], self.reading.sent) if self.reading is not None else None
        return cue is not None and cue.type == "armed_conflict" and "border" in syntax(self.doc[k].text)

    def _their(self, reading: Reading, i: int) -> bool:
        """A plural possessive ("ihre", "ihren") right before the cue noun and its adjectives."""
        j = i - 1
        while j >= reading.sent.start and self.doc[j].pos_ == "ADJ":
            j -= 1
        # (not with a partner of its own: "verstärkten ihre Kämpfe gegen die Dschihadisten")
        return j >= reading.sent.start and self.doc[j].lower_ in ("ihre", "ihren", "ihrer", "ihrem") and not (
            i + 1 < reading.sent.end and "partner_prep" in syntax(self.doc[i + 1].text))

    def _opposed_by_noun(self, reading: Reading, m: Mention) -> bool:
        """m stands after an `opposed` preposition right after a noun that is no cue ("Demonstrationen gegen Israel")."""
        k = m.prep_i - 1
        if not m.prep or "opposed" not in syntax(m.prep) or k < reading.sent.start:
            return False
        tok = self.doc[k]
        return tok.pos_ == "NOUN" and self.cue_of(tok, reading.sent) is None and not reading.is_mention(k)

    def _proposal_topic(self, reading: Reading, m: Mention) -> bool:
        """m stands in a "für"/"zu"/"über" phrase right after a `proposal` noun of relation_syntax.tsv ("Marokkos
        Autonomie**plan für** die Westsahara", "der Friedens**plan für** die Ukraine"): what the plan is about,
        no party of the verb that supports or rejects the plan (its owner is)."""
        k = m.prep_i - 1
        if m.prep not in ("für", "zu", "zur", "zum", "über"):
            return False
        while k > reading.sent.start and (reading.is_mention(k) or self.doc[k].pos_ in ("DET", "ADJ")):
            k -= 1  # ("den Autonomieplan Marokkos für die Westsahara": over the owner's genitive)
        if k < reading.sent.start:
            return False
        tok = self.doc[k]
        return tok.pos_ in NOUN_POS and noun_of("proposal", tok.lower_)

    def _in_cause_phrase(self, reading: Reading, m: Mention, i: int) -> bool:
        """m stands inside a phrase of cause (class `cause`: "wegen", "aufgrund", "angesichts") of the clause of
        verb i: back from it over nouns, articles, adjectives and names to the preposition."""
        doc, j = self.doc, m.start - 1
        while j >= reading.sent.start and reading.fine[j] == reading.fine[i] and (
                doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP") or reading.is_mention(j)):
            if "cause" in syntax(doc[j].text):
                return True
            j -= 1
        return False

    def _conceded(self, reading: Reading, i: int, typ: str) -> bool:
        """Hostile undirected cue noun i opens a concessive phrase (class `concessive`: "trotz des Streits",
        "ungeachtet der Spannungen")."""
        j = i - 1
        while j >= reading.sent.start and self.doc[j].pos_ in ("DET", "ADJ"):
            j -= 1
        rtype = self.types[typ]
        return j >= reading.sent.start and "concessive" in syntax(self.doc[j].text) and \
            rtype.polarity == "hostile" and not rtype.directed

    def _drop_generic(self, generic: list[tuple[str, str]]) -> None:
        """A plain cooperation that "gemeinsam" gave a pair this sentence names more precisely ("Soldaten aus X und
        Y üben gemeinsam": military cooperation) is no relation of its own."""
        for a, b in generic:
            plain = self.found.get((a, b, "cooperation"))
            if plain is not None and any(
                    (rel := self.found.get((a, b, t))) is not None and (rel.negated, rel.hedged) == (plain.negated, plain.hedged)
                    for t in SPECIFIC_COOPERATION):
                del self.found[(a, b, "cooperation")]

