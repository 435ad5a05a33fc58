"""Verb cues (mixed into relations.RelationFinder, which supplies doc, types and the parties, frames, phrasings
and direction of a cue): the verb's subject — a "von" agent, the clause's first state, the state before a "zu"
or coordinated clause, a relative pronoun's noun, a pronoun's state — acting on the nearest other state of its
clause; passives, reciprocal acts and states acting together."""

from __future__ import annotations

from kg.extract.lexicon import RelationCue
from kg.extract.relation_goods import GOODS_TYPES
from kg.extract.relation_mentions import AGENT, CORE, PARTNER, Mention
from kg.extract.relation_parties import AT_PROPOSITION, _across, _distinct, _infinitive, _toward, _within
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import syntax

# support may aim at a state's own aim named with a place ("unterstützen die Unabhängigkeit der Mehrheit im Kosovo")
AT_ASPIRATION = ("support", "diplomatic_support")
# help may aim at a work in a state named with a place (class `beneficiary`: "den Wiederaufbau im Libanon")
AT_BENEFIT = ("aid", "military_support")


class RelationVerbs:
    def verb_pairs(self, reading: Reading, i: int, cue: RelationCue,
                   claimed: set[int]) -> tuple[list[tuple[str, str, str]], list[Mention]]:
        if not self.types[cue.type].directed:
            # states that sign or negotiate together may also be what a noun before bound
            # ("Kritik an einem von den USA und Brasilien unterzeichneten Abkommen")
            claimed = {c for c in claimed if not any(id(m) == c and len(_distinct(reading.members(m))) >= 2
                                                     for m in reading.mentions)}
        # a "zu" clause or a coordinated verb has no subject of its own ("..., um die Ukraine zu
        # unterstützen"): the state before acts; a "dass" clause has one, the state before is its
        # partner ("Thaçi geht davon aus, dass die USA die Unabhängigkeit anerkennen würden")
        own_clause = [self.doc[j] for j in reading.window(i) if reading.seg[j] == reading.seg[i]]
        dependent = reading.seg[i] in reading.coordinate or reading.seg[i] in reading.subordinate
        elided = reading.seg[i] in reading.coordinate or _infinitive(own_clause)
        if not any(reading.fine[m.start] == reading.fine[i] for m in reading.mentions if not m.nonstate) and \
                reading.seg[i] not in reading.subordinate:
            return [], []  # "..., lehnte aber ab": a verb of its own clause whose subject is no state
        ms = [m for m in self._candidates(reading, i, claimed)
              if m.role in (CORE, AGENT, PARTNER) or _toward(reading, m, cue) or
              cue.frame == "against" and self._target_place(reading, m) or
              cue.type in GOODS_TYPES and self._goods_origin(reading, m, i)]  # ("verbietet die Einfuhr von Wein aus X")
        phrase = self._participle_phrase(reading, i)
        if phrase is not None and any(self.doc[k].lower_ in cue.to for k in phrase if k < i):
            # "den in der Region stationierten russischen Friedenstruppen": a participle with its own place phrase
            # has its parties in its noun phrase
            ms = [m for m in ms if m.start in phrase]
        referent = self._pronoun_subject(reading, i)
        if referent is not None:
            # "..., nachdem es die Ukraine angegriffen hatte": the pronoun is the subject, the clause's states objects
            objects = [m for m in ms if reading.fine[m.start] == reading.fine[i] and m.iso not in {r.iso for r in referent}]
            objects = [m for m in objects if m.group == objects[0].group] if objects else []
            return [(x, y, cue.type) for x, y in _across(referent, objects)], referent + objects
        speaker = self._inverted_speaker(reading, i)
        if speaker:  # "„…“, drohte der Führer des Irans": the state after the verb speaks of those before it
            said = [m for m in ms if m.end < i and m.iso not in {s.iso for s in speaker}]
            if said:
                nearest = max(said, key=lambda m: m.end)
                said = [m for m in said if m.group == nearest.group]
                return [(x, y, cue.type) for x, y in _across(speaker, said)], speaker + said
        subject: list[Mention] = []
        if reading.seg[i] in reading.coordinate or len(_distinct(ms)) == 1 and dependent:
            # "erkennt X an und kritisiert Y", "..., um die Ukraine zu unterstützen": the state
            # acting is the subject of the clause before (it may act again, though an earlier cue
            # claimed it); a coordinated verb's objects stand in its own clause
            gov = set(reading.governing(i))
            core = [m for m in reading.mentions if m.start in gov and m.role == CORE and not m.nonstate]
            subject = [m for m in core if m.group == core[0].group] if core else []
            if reading.seg[i] in reading.coordinate:
                ms = [m for m in ms if reading.seg[m.start] == reading.seg[i]]
            ms = subject + [m for m in ms if m not in subject]
            if not elided:
                subject = []
        # (the one side may be a group: "Kuwait und Katar haben für den Wiederaufbau im Libanon 500 Millionen zugesagt")
        if len(_distinct(ms)) < 2 or self._group_and_work(reading, i, cue, ms, subject):
            if cue.type in AT_ASPIRATION + AT_BENEFIT and ms and not subject:
                # "Die USA unterstützen die Unabhängigkeitsbestrebungen der Mehrheit im Kosovo": the one state
                # of the clause supports the state whose aim it backs; "finanziert die Waffenproduktion in der Ukraine",
                # "für den Wiederaufbau im Libanon zugesagt": the state where what is helped happens receives the help
                aimed = (self._conduct_place(reading, i, ms, "aspiration") if cue.type in AT_ASPIRATION else []) or \
                    self._conduct_place(reading, i, ms, "beneficiary")
                actors = [m for m in ms if m.group == ms[0].group]
                return [(x, y, cue.type) for x, y in _across(actors, aimed)], actors + aimed
            return [], []
        typ = cue.type
        if cue.frame == "joint":  # "X und Y stimmten zu": only states acting together, never an object
            group = self._clause_group(reading, i, ms)
            return [(x, y, typ) for x, y in self._pairwise(reading, i, group, cue)], group
        # a "von"/"durch" agent acts for a verb of its own clause only ("forderte X auf, eine
        # Einstufung von Marokko ...": Morocco does not demand)
        # ("verlangt von China": a "von" the cue lists as its partner's preposition names no agent)
        agents = [m for m in ms if m.role == AGENT and reading.fine[m.start] == reading.fine[i] and m.prep not in cue.to]
        # the verb's own agent stands nearest to it; another belongs to a noun ("Die Besetzung der Krim durch Russland
        # wird von der Ukraine nicht anerkannt": Ukraine does not recognise)
        agents.sort(key=lambda m: min(abs(m.start - i), abs(m.end - i)))
        # the subject leads; a state the morphologizer puts in the accusative or dative is rather an
        # object (its cases err, so such a state still acts when no other can)
        # (an ally, "an der Seite Deutschlands", joins the actor and is never the one acting first)
        core = sorted((m for m in ms if m.role == CORE and not m.ally), key=reading.object_case)
        # a genitive attribute is never the subject ("Aus Protest gegen die Anerkennung Palästinas hat Israel ...")
        core = [m for m in core if not m.genitive] or core
        own = [m for m in core if reading.seg[m.start] == reading.seg[i]]
        if not elided and self._reported(reading, i):
            # "Die Ukraine erklärte, Deutschland habe weitere Panzer zugesagt": the reported clause has its own subject
            # (a "zu" clause has none: "Der Iran bestreitet, Russland Drohnen geliefert zu haben")
            own = [m for m in own if reading.fine[m.start] == reading.fine[i]] or own
        if cue.frame == "cede" and not agents and self._passive(reading, i):
            return [], []  # "Hongkong wurde Britannien überlassen": the subject is what is ceded
        if not agents and self.types[typ].directed and self._passive(reading, i, participle=True) and \
                reading.relative_subject(i) is None:
            passive = self._agentless_passive(reading, i, ms, typ)
            if passive is not None:
                doers, undergoers = passive
                return [(x, y, typ) for x, y in _across(doers, undergoers)], doers + undergoers
        # "Russland, das die Ukraine angegriffen hat": a relative clause's subject pronoun acts for the noun it
        # describes; when that noun is no state ("ein Wettbewerb, der England bedroht") no state acts
        antecedent = None if agents else reading.relative_subject(i)
        if antecedent is not None:
            antecedent = [m for m in ms if m in antecedent]
            if not antecedent:
                return [], []
        first = agents[0] if agents else (antecedent or subject or own or core or [None])[0]
        if first is None:
            return [], []
        actors = [m for m in ms if m.group == first.group or m.ally and m.iso != first.iso]
        rest = [m for m in ms if m.iso not in {a.iso for a in actors}
                and not any(frozenset((a.iso, m.iso)) in reading.alternatives for a in actors)]
        # a state in a relative clause after the verb's clause belongs to that clause's own verb ("hat Bessarabien
        # besetzt, was Rußland nie anerkannt hat"; "unterstützt die Rebellen, die gegen X kämpfen")
        rest = [m for m in rest if reading.seg[m.start] == reading.seg[i] or reading.seg[m.start] not in reading.rel
                or m.start < i]
        if self.types[typ].polarity == "cooperative":
            # taking part "an der Blockade gegen X", helping "Y gegen X": a state a preposition of class
            # opposed sets against the act is never its partner in a cooperative relation
            rest = [m for m in rest if not (m.prep and "opposed" in syntax(m.prep))]
        else:  # "verbietet Demonstrationen gegen Israel": the state opposed belongs to the noun before it, no cue
            rest = [m for m in rest if not self._opposed_by_noun(reading, m)]
        # "unterstützt Marokkos Autonomieplan für die Westsahara": what a plan is for is no party of the verb
        rest = [m for m in rest if not self._proposal_topic(reading, m)] or rest
        # "hat Litauen wegen der Eröffnung einer taiwanischen Vertretung kritisiert": the object outside a phrase of
        # cause is the verb's, a state inside it belongs to that phrase
        rest = [m for m in rest if not self._in_cause_phrase(reading, m, i)] or rest
        targets: list[Mention] = []
        if "demand" in syntax(self.doc[i].text):
            # a demand is made of a state in its own clause ("verlangte von X", "forderte X auf"), not of one in
            # a relative clause after it ("verlangte einen Sitz, den X und Y unterstützten")
            rest = [m for m in rest if reading.fine[m.start] == reading.fine[i]]
        if rest:
            nearest = min(rest, key=lambda m: min(abs(m.start - i), abs(m.end - i)))
            targets = [m for m in rest if m.group == nearest.group]
        if not targets and typ in AT_PROPOSITION:
            targets = self._complement_target(reading, i) or self._conduct_place(reading, i, actors)
        if not targets and len(_distinct(actors)) >= 2:
            if cue.frame == "against" and self.types[typ].directed and self._reciprocal(reading, i):
                # "Russland und die Ukraine beschossen sich gegenseitig": each attacks the other, no allies
                return [(x, y, typ) for x, y in _within(actors)] + [(y, x, typ) for x, y in _within(actors)], actors
            if cue.frame == "against":  # "Russland und Syrien griffen ihre Gegner an"
                if any(m.genitive for m in actors):  # "Der IS hatte Teile Syriens und des Irak erobert"
                    return [], []
                return [(x, y, "military_cooperation") for x, y in _within(actors)], actors
            if len({m.start for m in actors}) == 1:
                return [], []  # "die deutsch-amerikanische Journalistin wurde freigelassen": one person's two states
            if not self.types[typ].directed or cue.frame == "joint":
                return [(x, y, typ) for x, y in self._pairwise(reading, i, actors, cue)], actors
            if self._reciprocal(reading, i):  # "X und Y beschuldigten sich gegenseitig": each the other
                return [(x, y, typ) for x, y in _within(actors)] + [(y, x, typ) for x, y in _within(actors)], actors
            return [], []
        out = [(x, y, typ) for x, y in _across(actors, targets)]
        rtype = self.types[typ]
        if targets:
            out += self._in_arms(actors, cue)
            if not rtype.directed and rtype.polarity != "hostile":
                out += [(x, y, typ) for x, y in self._pairwise(reading, i, actors, cue)]  # "X und Y unterzeichneten ... mit Z"
        return out, actors + targets
