"""Country relations: who acts and who receives (the direction round; mixed into relations.RelationFinder, which
supplies doc, types, cue_of and _passive). A state's name joined to a directed act is its target, an "aus" phrase
its origin; rejected claims, pledges, thanks, passives without an agent, speech verbs after what is said, pronoun
subjects of subordinate clauses and reported clauses. Word classes come from data/relation_syntax.tsv."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.lexicon import RelationCue, speech_lemmas, speech_verbs, subjunctive_forms
from kg.extract.relation_frames import NOUN_POS
from kg.extract.relation_mentions import CORE, PLACE, Mention
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import QUOTES, VERB_POS, syntax

PRESENT_PARTICIPLE = re.compile(r"end(e[mnrs]?)?$")  # "zusagender": an adjective, which the tagger may call a verb
# personal pronouns as subject -> the genders and numbers of the states they may refer to
PRONOUN_AGREEMENT = {"es": ("Neut",), "er": ("Masc",), "sie": ("Fem", "Plur")}


class RelationDirection:
    def _compound_theme(self, reading: Reading, m: Mention, i: int, cue: RelationCue) -> bool:
        """m is a state's name joined by a hyphen to directed cue noun i, which it is the theme of: "Vorwand für
        Syrien-Einmarsch" (Syria is invaded), "ihre Iran-Sanktionen", "Ukraine-Hilfe". An abbreviation stands for
        the actor like an adjective ("US-Sanktionen", "USA-Hilfe")."""
        doc = self.doc
        text = doc[m.start: m.end + 1].text
        # (also a joint plan of one state's name: "Trumps Grönland-Pläne" are plans about Greenland, not with it;
        # "Israel-Libanon-Plan" names two parties)
        joint = cue.frame == "joint" and not (m.start > reading.sent.start and doc[m.start - 1].text == "-")
        return m.kind == "name" and m.end + 2 == i and doc[m.end + 1].text == "-" and not doc[m.end].whitespace_ and \
            not any(ch.isupper() for ch in text[1:]) and bool(cue.type) and (self.types[cue.type].directed or joint)

    def _origin(self, m: Mention, i: int, cue: RelationCue) -> bool:
        """m names where the directed act of cue noun i comes from: "aus" right after the noun ("Vorwürfe aus
        Berlin", "Hilfe aus Deutschland"), unless "aus" marks the cue's partner ("Rücknahme aus Griechenland")."""
        return m.prep == "aus" and m.prep_i == i + 1 and "aus" not in cue.to and not m.nonstate and \
            bool(cue.type) and self.types[cue.type].directed

    def _rebutted(self, reading: Reading, i: int) -> bool:
        """A verb of class rebut or reject in the clause of cue noun i rejects what it names ("wies die Vorwürfe
        zurück", "dementierte die Anschuldigungen", "lehnte die Kritik ab"); a split form only as the criticism cue
        "weis ... zurück". The claim stays asserted: rejecting it denies no relation."""
        fine, sent = reading.fine, reading.sent
        for t in sent:
            if fine[t.i] != fine[i] or t.i == i or t.pos_ not in VERB_POS:
                continue
            cls = syntax(t.text)
            if "rebut" in cls or "reject" in cls or \
                    "rebut_split" in cls and getattr(self.cue_of(t, sent), "type", None) == "criticism":
                return True
        return False

    def _pledge(self, reading: Reading, tok: Token, cue: RelationCue) -> bool:
        """A verb of frame pledge is a cue of its own: a verb (no participle, "trotz zusagender Erklärungen") whose
        separated particle closes its clause ("sagte ... zu."; not the "zu" of an infinitive, "zu sichern und ... zu
        reduzieren"), and no cue noun in its clause ("sagt der Ukraine weitere Hilfe zu": the noun names what is
        pledged and is read with the dative receiver)."""
        fine, sent, doc = reading.fine, reading.sent, self.doc
        if tok.pos_ not in ("VERB", "AUX") or PRESENT_PARTICIPLE.search(tok.lower_):
            return False
        if cue.particle and not tok.lower_.startswith(cue.particle):
            last = max(t.i for t in sent if fine[t.i] == fine[tok.i] and not t.is_punct)
            if doc[last].lower_ != cue.particle:
                return False
        return not any(fine[t.i] == fine[tok.i] and t.i != tok.i and t.pos_ in NOUN_POS and
                       self.cue_of(t, sent) is not None for t in sent)

    def _agentless_passive(self, reading: Reading, i: int, ms: list[Mention],
                           typ: str) -> tuple[list[Mention], list[Mention]] | None:
        """A directed verb in the passive without a "von"/"durch" agent: its subject undergoes the act, a state of
        its own clause acts only as what the act is done with ("Die Ukraine wurde in der Nacht mit russischen
        Drohnen angegriffen": RUS→UKR); with none no state acts ("Nordkorea wird vorgeworfen, Russland Raketen
        geliefert zu haben": nobody named accuses). (actors, undergoers); None when the subject is what is given,
        so its state gives (a cooperative act on an adjective's noun: "dass nordkoreanische Soldaten zur
        Unterstützung Russlands entsendet werden"): the active reading holds."""
        fine = reading.fine
        own = sorted((m for m in ms if fine[m.start] == fine[i]), key=lambda m: m.start)
        undergoer = next((m for m in own if m.role == CORE and not m.genitive), None)
        if undergoer is not None and undergoer.kind == "adj" and self.types[typ].polarity == "cooperative":
            return None
        if undergoer is None or any(m.genitive for m in own):
            return [], []  # ("vom Herrschaftsanspruch Russlands verletzt": an agent's genitive)
        target = [m for m in own if m.group == undergoer.group]
        actors = [m for m in own if m.group != undergoer.group and m.role != PLACE]
        actors = [m for m in actors if m.group == actors[0].group] if actors else []
        return actors, target

    def _inverted_speaker(self, reading: Reading, i: int) -> list[Mention]:
        """A speech verb cue right after the quotation or reported clause it introduces has its subject after it:
        "Die saudischen Führer würden «die Rache spüren», drohte der Führer des Irans" — the state after the verb
        (its group) speaks, the states before are what is said of. [] when the cue is no such verb."""
        doc, fine, sent = self.doc, reading.fine, reading.sent
        if i - 2 < sent.start or doc[i - 1].text != "," or doc[i].lower_ not in speech_verbs():
            return []
        before = [t for t in sent if fine[t.i] == fine[i - 2] and t.i < i - 1]  # (the comma opens the verb's clause)
        # a quotation closing before the comma, or a clause in Konjunktiv ("..., Russland werde ..., warnte X")
        if doc[i - 2].text not in QUOTES and not any("Sub" in t.morph.get("Mood") and t.pos_ in ("VERB", "AUX") or
                                                       t.lower_ in subjunctive_forms() for t in before):
            return []
        after = [m for m in reading.mentions
                 if m.start > i and fine[m.start] == fine[i] and m.role == CORE and not m.nonstate]
        return [m for m in after if m.group == after[0].group] if after else []

    def _reported(self, reading: Reading, i: int) -> bool:
        """Token i stands in a clause of reported speech right after "X erklärte," (a speech verb and a comma
        closing the clause before)."""
        doc, fine = self.doc, reading.fine
        start = min(t.i for t in reading.sent if fine[t.i] == fine[i])
        if start - 1 <= reading.sent.start or doc[start].text != ",":
            return False
        verb = doc[start - 1]
        return verb.lower_ in speech_verbs() or verb.pos_ in ("VERB", "AUX") and (verb.lemma_, None) in speech_lemmas()

    def _pronoun_subject(self, reading: Reading, i: int) -> list[Mention] | None:
        """The states a personal pronoun subject of the subordinate clause of token i refers to ("..., nachdem es
        die Ukraine angegriffen hatte", "..., dass es die Ukraine weiter unterstützen werde"): the pronoun right after
        the subordinator; the referent is the nearest state before the clause that agrees with it ("es": neuter,
        "er": masculine, "sie": feminine or plural), [] when none does; None when the clause has no such pronoun."""
        doc, fine, seg = self.doc, reading.fine, reading.seg
        if seg[i] not in reading.subordinate:
            return None
        start = min(t.i for t in reading.sent if fine[t.i] == fine[i])
        k = start + 1 if doc[start].text == "," else start
        if k + 1 >= i or doc[k].pos_ != "SCONJ" or doc[k + 1].lower_ not in PRONOUN_AGREEMENT or \
                doc[k + 1].pos_ != "PRON":
            return None
        agree = PRONOUN_AGREEMENT[doc[k + 1].lower_]
        for m in sorted((m for m in reading.mentions if m.end < start and m.kind != "adj" and not m.nonstate),
                        key=lambda m: -m.end):
            tok = doc[m.end]
            gender, number = tok.morph.get("Gender"), tok.morph.get("Number")
            bare = m.start == reading.sent.start or doc[m.start - 1].pos_ != "DET"
            if "Plur" in number and "Plur" in agree or any(g in agree for g in gender) or \
                    not gender and bare and "Neut" in agree:
                return [x for x in reading.mentions if x.group == m.group]
        return []

    def _thanked(self, reading: Reading, i: int, ms: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """"Der ukrainische Präsident dankte Deutschland für die Unterstützung", "Polen bedankte sich bei
        Schweden für die Hilfe": a cue noun in the "für" phrase (class thank_prep) of a thank word (class
        thank) of its clause names what the thanked state (the state between the two) gave the thanking
        subject. (givers, receivers), or ([], [])."""
        doc, fine = self.doc, reading.fine
        j = i - 1
        while j >= reading.sent.start and doc[j].pos_ in ("DET", "ADJ", "NUM"):
            j -= 1
        if j < reading.sent.start or "thank_prep" not in syntax(doc[j].text):
            return [], []
        thank = next((t.i for t in reversed(doc[reading.sent.start: j])
                      if fine[t.i] == fine[i] and "thank" in syntax(t.text)), None)
        if thank is None:
            return [], []
        inside = [m for m in ms if thank < m.start and m.end < j and fine[m.start] == fine[i]]
        givers = [m for m in inside if m.group == inside[0].group] if inside else []
        receivers = [m for m in ms if m.start < thank and m.role == CORE and fine[m.start] == fine[i]]
        receivers = [m for m in receivers if m.group == receivers[0].group] if receivers else []
        return (givers, receivers) if givers and receivers else ([], [])

    def _noun_attribute(self, reading: Reading, i: int) -> bool:
        """Cue noun i stands in a prepositional phrase that belongs to the noun of an adverbial ("als Reaktion auf
        den russischen Angriff", "aus Protest gegen die iranischen Drohungen"), not to the clause's verb: the
        clause's subject is no party of it."""
        doc = self.doc
        j = i - 1
        while j > reading.sent.start and doc[j].pos_ in ("DET", "ADJ", "NUM"):
            j -= 1
        if not (j > reading.sent.start and doc[j].pos_ == "ADP" and doc[j - 1].pos_ == "NOUN" and
                not reading.is_mention(j - 1)):
            return False
        # the bare noun opens an adverbial ("als Reaktion auf", "aus Protest gegen"); a subject before a phrase of the
        # verb ("die deutsche Luftwaffe gegen die Angriffe der USAF") or a date ("zu dieser Zeit gegen ...") is none
        k = j - 2
        return k >= reading.sent.start and (doc[k].pos_ == "ADP" or doc[k].lower_ == "als")
