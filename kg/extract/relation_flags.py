"""Which negation and hedge words of a cue's clause reach the cue (mixed into relations.RelationFinder, which
supplies doc, modality, cue_of and _particle_after; flags round). German grammar limits their scope:

* a negation that is no denial: "nicht nur", "nicht zuletzt", a comparison "wie nie zuvor", "wie noch nie";
* "kein" denies the noun it determines: "Keine Einigung im Zollstreit zwischen X und Y" leaves the dispute standing;
* an attributive hedge adjective qualifies only its own noun: "verurteilte die Angriffe auf **mutmaßliche**
  PKK-Stellungen" asserts the condemnation;
* a finite lifting verb is a denial with its separated particle ("hebt die Sanktionen gegen X auf"; "hebt ...
  hervor" is none);
* "nicht" after the finite verb and before the object phrase denies the predicate with its object ("beteiligt
  sich nicht mit eigenen Truppen am Krieg gegen X");
* a "zu" clause after a refusal ("verzichtete darauf, X zu kritisieren") or after a denied intention ("hat keine
  Absicht, X anzugreifen") is denied;
* an agreement "kurz vor" its conclusion, or one a clause "steht vor", is not yet reached (hedged); a hostile noun
  after an impersonal "droht" only looms (hedged); a modal reaches a possessive's cooperation (an activity);
* what ends a relation: forces withdrawn ("zieht ... aus X ab"), a stop ("stellte die Hilfe ein": aid denied and
  sanctions; a flow of goods stopped: only sanctions), an end ("nach dem Ende des Pakts"), a settled dispute, talks
  "ohne Einigung" (the agreement denied), "kündigt" without "an";
* who does not: a state set apart by "anders als" / "im Gegensatz zu"; who only allegedly did: the state blamed "für"
  an act; and a verb closing its conjunct bounds the governors and qualifiers of a noun.
Word classes come from data/relation_syntax.tsv (idle_negation, lift_auf, announce_an, pronominal, intention, imminent,
stand, modal, ending, settle, settlement, withdraw, contrast; README there)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relation_mentions import CORE, Mention
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import particles, syntax

KEIN = ("kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei")
# separable particles that are also prepositions or articles
PREP_LIKE = frozenset({"ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "über", "um", "unter", "durch",
                       "gegenüber", "hin", "wieder"})
# words between a determiner and its noun
NP_INNER = ("ADJ", "ADV", "NUM", "DET")


class RelationFlags:
    def _denial(self, reading: Reading, t: Token, i: int, cue) -> bool:
        """Word t denies the relation of cue i (a negate word of negation_words.tsv, or a finite lifting verb with
        its particle), within the scope German gives it."""
        doc, sent = self.doc, reading.sent
        if self.modality.get(t.lower_) != "negate":
            return "lift_auf" in syntax(t.text) and self._particle_after(t, sent, "auf")
        nxt = doc[t.i + 1] if t.i + 1 < sent.end else None
        if nxt is not None and "idle_negation" in syntax(nxt.text):
            return False  # "nicht nur", "nicht zuletzt"
        before = [doc[j].lower_ for j in range(max(sent.start, t.i - 2), t.i)]
        if before and (before[-1] == "wie" or before[-1] == "noch" and before[:1] == ["wie"]):
            return False  # "exportierte so viel wie nie zuvor", "wie noch nie": a comparison
        if not cue.verbal and self._of_an_end(reading, i):
            return False  # "Ein Ende des Embargos steht nicht zur Debatte": the negation is the end's
        if t.lower_ in KEIN and not cue.verbal:
            head = self._determined_noun(reading, t.i)
            if head is not None and not t.i < i <= head and self.cue_of(doc[head], sent) is not None:
                return False  # "Keine Einigung im Zollstreit": "kein" denies its own noun (and its adjectives)
        return True

    def _of_an_end(self, reading: Reading, i: int) -> bool:
        """Cue noun i is the genitive of a noun of an end (class `ending`: "das Ende **des Krieges**", "Aufhebung der
        Sanktionen")."""
        doc, j = self.doc, i - 1
        # (over adjectives and the parts of a compound the tokenizer split at its hyphen: "des Chip-Embargos")
        while j > reading.sent.start and (doc[j].pos_ in ("ADJ", "DET") and doc[j].lower_ not in ("des", "der") or
                                          doc[j].text == "-" or doc[j + 1].text == "-"):
            j -= 1
        return j > reading.sent.start and self.doc[j].lower_ in ("des", "der") and "ending" in syntax(self.doc[j - 1].text)

    def _looming(self, reading: Reading, i: int, cue, clause: list[Token]) -> bool:
        """A hostile noun cue after an impersonal "droht" ("Diplomaten zufolge droht eine neue Eiszeit zwischen X und
        Y", "es droht ein Handelskrieg"): no state threatens, the relation only looms (hedged). Impersonal: no state and no
        "mit" in the clause before the noun."""
        if cue.verbal or self.types[cue.type].polarity != "hostile":
            return False
        verb = next((t for t in clause if t.i < i and "threaten" in syntax(t.text)), None)
        if verb is None:
            return False
        return not any(reading.is_mention(t.i) or t.lower_ == "mit" for t in clause if t.i < i)

    def _ended(self, reading: Reading, i: int, cue, clause: list[Token]) -> bool:
        """The relation of noun cue i has ended: a cooperative or neutral one in the genitive of an end ("nach dem Ende
        des Asylpakts mit X"; a hostile one's end is said of the end, "das Ende des Krieges"), or a dispute with a verb
        of settling in its clause ("haben ihren Streit um die Schreibweise der Namen beigelegt")."""
        if cue.verbal:
            return False
        if self.types[cue.type].polarity != "hostile":
            return self._of_an_end(reading, i)
        return cue.type == "tension" and any("settle" in syntax(t.text) and (
            t.lower_.startswith("bei") or self._particle_after(t, reading.sent, "bei")) for t in clause)

    def _hypothetical(self, reading: Reading, i: int, cue) -> bool:
        """A noun cue in the genitive of "Fall" after "im"/"für den" ("im Falle eines chinesischen Angriffs", "für den
        Fall einer Lieferung von Marschflugkörpern an X"): a case supposed, not a fact (hedged)."""
        doc, j = self.doc, i - 1
        if cue.verbal:
            return False
        while j > reading.sent.start and doc[j].pos_ == "ADJ":
            j -= 1
        if j - 2 < reading.sent.start or doc[j].lower_ not in ("eines", "einer", "des", "der"):
            return False
        return doc[j - 1].lower_ in ("fall", "falle") and doc[j - 2].lower_ in ("im", "den")

    def _settles(self, reading: Reading, i: int, cue) -> bool:
        """An agreement verb of settling ("beigelegt", "legten ... bei") with a tension noun in its clause settles that
        dispute: the dispute is denied ("haben ihren Namensstreit beigelegt"), no agreement of its own."""
        if cue is None or not cue.verbal or cue.type != "agreement" or "settle" not in syntax(self.doc[i].text):
            return False
        sent, fine = reading.sent, reading.fine
        return any(fine[t.i] == fine[i] and t.pos_ == "NOUN" and (c := self.cue_of(t, sent)) is not None and
                   c.type == "tension" for t in sent)

    def _determined_noun(self, reading: Reading, j: int) -> int | None:
        """The noun the determiner at j opens (over adjectives, adverbs, numbers)."""
        for k in range(j + 1, min(reading.sent.end, j + 6)):
            pos = self.doc[k].pos_
            if pos in ("NOUN", "PROPN"):
                return k
            if pos not in NP_INNER:
                return None
        return None

    def _foreign_hedge(self, reading: Reading, t: Token, i: int) -> bool:
        """t is an attributive hedge adjective of another noun than cue i ("auf **mutmaßliche** PKK-Stellungen",
        "nach dem **mutmaßlichen** Sabotageakt"): it qualifies only that noun."""
        if t.pos_ != "ADJ" or t.lower_ in ("möglich", "wahrscheinlich", "denkbar", "vorstellbar") or \
                not t.lower_.endswith(("e", "en", "er", "es", "em")):
            return False
        head = self._determined_noun(reading, t.i - 1) if t.i > reading.sent.start else None
        return head is not None and head != i

    def _predicate_denial(self, reading: Reading, i: int, clause: list[Token]) -> bool:
        """A noun cue i after "nicht" that follows the clause's finite verb: the negation denies the predicate
        with its object ("Belarus beteiligt sich nach Angaben aus Minsk **nicht** mit eigenen Truppen am Krieg
        gegen die Ukraine"); no other cue noun, comma or verb between, at most eight words."""
        doc = self.doc
        for t in clause:
            if t.lower_ != "nicht" or not 0 < i - t.i <= 8 or not self._denial(reading, t, i, self.cue_of(doc[i], reading.sent)):
                continue
            if not any(v.pos_ in ("VERB", "AUX") and v.i < t.i for v in clause):
                continue
            between = doc[t.i + 1: i]
            if any(b.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ") or
                   b.pos_ == "NOUN" and self.cue_of(b, reading.sent) is not None for b in between):
                continue
            return True
        return False

    def _governing_clause(self, prev: list[Token], clause: list[Token], cue) -> tuple[list[Token], bool]:
        """The words of the clause before a "zu" clause that govern it: its last verbs (and all of its verbs
        when it ends in a pronominal adverb, "verzichtete bei dem Treffen darauf"), and whether it ends in a
        denied noun of intention ("hat keine Absicht", "hat nicht die Absicht"). Those two reach a noun cue
        only when no verb cue of the "zu" clause takes it as its object: "verzichtete darauf, den Angriff auf X
        zu verurteilen" denies the condemnation, not the attack."""
        verbs = [t for t in prev[-3:] if t.pos_ in ("VERB", "AUX", "ADJ")]
        if not cue.verbal and any((c := self.cue_of(t, t.sent)) is not None and c.verbal for t in clause):
            return verbs, False
        if prev and "pronominal" in syntax(prev[-1].text):
            verbs = [t for t in prev if t.pos_ in ("VERB", "AUX", "ADJ")]
        denied = bool(prev) and prev[-1].pos_ == "NOUN" and "intention" in syntax(prev[-1].text) and any(
            self.modality.get(t.lower_) == "negate" for t in prev[-4:-1])
        return verbs, denied

    def _imminent(self, reading: Reading, i: int, cue) -> bool:
        """A cooperative or neutral noun cue in a "vor" phrase of a clause that stands before it ("stehen kurz
        vor einem Abkommen", "Japan und Kanada vor LNG-Deal"): not yet reached."""
        doc, sent = self.doc, reading.sent
        if cue.verbal or self.types[cue.type].polarity == "hostile":
            return False
        j = i - 1
        # (over the parts of a compound the tokenizer split at its hyphen: "vor LNG-Deal")
        while j >= sent.start and (doc[j].pos_ in NP_INNER or doc[j].text == "-" or doc[j + 1].text == "-") and \
                doc[j].lower_ != "vor":
            j -= 1
        if j < sent.start or doc[j].lower_ not in ("vor", "vorm"):
            return False
        if j > sent.start and "imminent" in syntax(doc[j - 1].text):
            return True  # "kurz vor", "unmittelbar vor"
        verbs = [t for t in sent if reading.fine[t.i] == reading.fine[i] and t.pos_ in ("VERB", "AUX")]
        return not verbs and sent.start < j or any("stand" in syntax(v.text) for v in verbs)

    def _withdrawn(self, i: int, cue) -> bool:
        """A cue word of withdrawing forces (class withdraw: "zieht ... ab", "Abzug", "holt ... zurück") ends the
        military support it names, one of leaving ("ist aus Chinas Seidenstraßen-Initiative ausgestiegen") the
        cooperation: the relation is denied."""
        return cue.type in ("military_support", "cooperation") and "withdraw" in syntax(self.doc[i].text)

    def _closing_an(self, reading: Reading, t: Token) -> bool:
        """An "an" later in t's clause before a token that is no word ("kündigen gemeinsame Truppe an +++")."""
        doc = self.doc
        for j in range(t.i + 1, reading.sent.end - 1):
            if doc[j].text in (",", ";", ":"):
                return False
            if doc[j].lower_ == "an" and not doc[j + 1].is_alpha:
                return True
        return False

    def _withdrawn_from(self, pairs: list[tuple[str, str, str]], used) -> list[tuple[str, str, str]]:
        """Forces are withdrawn only from the state of an "aus" phrase ("Abzug israelischer Truppen ... in den Süden des
        Libanon" names none); a capital that names a treaty in a compound is none ("aus der Ottawa-Konvention")."""
        left = {m.iso for m in used if self._left_from(m)}
        return [(x, y, t) for x, y, t in pairs if y in left or x in left]

    def _other_particle(self, reading: Reading, tok: Token) -> bool:
        """A separable particle closes the clause of a verb cue that has none of its own: another verb ("Soldaten in
        Russland **stellen** ein Problem **dar**" is no forces provided)."""
        doc, end = self.doc, reading.sent.end
        clause = []
        for j in range(tok.i + 1, end):
            if doc[j].text in (",", ";", ":"):
                break
            clause.append(doc[j].lower_)
        # ("dar", "fest", "zusammen" are never prepositions or articles; "an", "ein", "vor" only close the clause as particles)
        return any(w in particles() and w not in PREP_LIKE for w in clause) or \
            any(self._particle_after(tok, reading.sent, p) for p in particles())

    def _left_from(self, m: Mention) -> bool:
        doc = self.doc
        return self._after_aus(m.start) and not (m.kind == "capital" and m.end + 1 < len(doc) and doc[m.end + 1].text == "-")

    def _left_state(self, reading: Reading, i: int) -> bool:
        """A verb of leaving (frame leave) is a cue only with a state right after "aus" in its clause ("ist aus Chinas
        Seidenstraßen-Initiative ausgestiegen"; "aus dem Abkommen mit X ausgestiegen" is the agreement's)."""
        return any(reading.fine[m.start] == reading.fine[i] and self._left_from(m) for m in reading.mentions)

    def _after_aus(self, j: int) -> bool:
        """An "aus" before the mention at j, over articles and adjectives (the reading makes it the cue's partner
        and drops the preposition)."""
        j -= 1
        while j >= 0 and self.doc[j].pos_ in ("DET", "ADJ"):
            j -= 1
        return j >= 0 and self.doc[j].lower_ == "aus"

    def _alleged_parties(self, reading: Reading, i: int) -> tuple[list[Mention], list[Mention]]:
        """The accused and the state aimed at of a hostile act only alleged: in the "zu" clause of an accusation
        (`_accused`), or in the "für" phrase of a blame ("Polen macht Russland für einen Sabotageakt an einer
        Bahnstrecke verantwortlich": Russia's act on Poland, hedged)."""
        accused, aimed = self._accused(reading, i)
        if accused:
            return accused, aimed
        doc, fine = self.doc, reading.fine
        j = i - 1
        while j > reading.sent.start and doc[j].pos_ in NP_INNER:
            j -= 1
        blame = any(fine[t.i] == fine[i] and (c := self.cue_of(t, reading.sent)) is not None and c.frame == "blame"
                    for t in reading.sent)
        if doc[j].lower_ != "für" or not blame or not self._made(reading, i):
            return [], []
        states = [m for m in reading.mentions if fine[m.start] == fine[i] and m.end < j and m.role == CORE and not m.nonstate]
        groups = list(dict.fromkeys(m.group for m in states))
        if len(groups) != 2:
            return [], []
        return [m for m in states if m.group == groups[1]], [m for m in states if m.group == groups[0]]

    def _other_conjunct(self, reading: Reading, i: int, t: Token) -> bool:
        """Word t stands in another conjunct than cue noun i: a verb closes a conjunct between them before a
        coordinating conjunction ("hat Beziehungen zu China **aufgenommen und** die zu Taiwan abgebrochen": the break
        is Taiwan's, no governor or qualifier of China's relations)."""
        doc = self.doc
        a, b = sorted((i, t.i))
        return any(doc[k].pos_ == "VERB" and doc[k + 1].lower_ in ("und", "oder", "sowie") for k in range(a + 1, b - 1))

    def _visit_ended(self, cue, governor: str | None) -> bool:
        """A visit ended took place ("hat seinen Staatsbesuch in Ägypten mit einem Abstecher nach Rafah beendet"), like
        talks ended: a diplomatic-relations cue of frame `at` (a visit noun) governed by `conclude`."""
        return governor == "conclude" and cue.type == "diplomatic_relations" and cue.frame == "at"

    def _failed_agreement(self, reading: Reading) -> None:
        """Talks or a dispute "ohne Einigung", "Kein Durchbruch", "ohne dass ein Durchbruch erzielt wurde": the
        agreement between the parties of the sentence's talks and disputes is denied. A noun of class `settlement`
        opened by "kein" or within three words after "ohne"."""
        doc, sent = self.doc, reading.sent
        failed = [t for t in sent if "settlement" in syntax(t.text) and t.pos_ in ("NOUN", "PROPN") and any(
            doc[j].lower_ in KEIN and self._determined_noun(reading, j) == t.i or doc[j].lower_ == "ohne"
            for j in range(max(sent.start, t.i - 3), t.i))]
        if not failed:
            return
        pairs = {(r.source_id, r.target_id) for r in self._of_sentence(reading) if r.type in ("negotiation", "tension")}
        for x, y in sorted(pairs):
            self._store(reading, failed[0].i, None, "agreement", x, y, "reject")

    def _halt(self, reading: Reading, i: int, cue, typ: str, x: str, y: str) -> bool:
        """A relation of cue noun i stopped by a `halt` verb; True when stored here. "stellte den Handel mit X ein": the
        trade denied, the embargo ("sanctions", the qualifier's type) asserted; a flow of goods stopped is only the
        embargo ("stoppte die Einfuhr von Rindfleisch aus X", "setzte die Einfuhr japanischer Meeresfrüchte aus"); aid
        stopped is aid denied and a punishment ("fror die Hilfe für X ein": sanctions); "setzte die militärische
        Zusammenarbeit aus": a domain's type is denied itself (stored by the caller)."""
        retyped = self.retype(reading, i, typ)
        relation = self.doc[i].lower_.startswith("handel")
        if typ == "trade" and not relation and self.types[retyped].polarity == "neutral":
            # (the state that stops the flow is the one named before it: "China setzte die Einfuhr japanischer ... aus")
            before = {m.iso for m in reading.mentions if m.start < i and reading.fine[m.start] == reading.fine[i]}
            if y in before and x not in before:
                x, y = y, x
            self._store(reading, i, cue, "sanctions", x, y, None)
            return True
        if self.types[retyped].polarity != self.types[typ].polarity:
            if typ != "trade" or relation:
                self._store(reading, i, cue, typ, x, y, "halt")
            self.add(reading, i, cue, typ, x, y)
            return True
        if retyped == "aid":
            self.add(reading, i, cue, typ, x, y, "halt")
            self._store(reading, i, cue, "sanctions", x, y, None)
            return True
        return False

    def _set_apart(self, reading: Reading) -> list[tuple[Mention, Mention]]:
        """States named in a phrase of contrast ("**Anders als** Ungarn hat die Slowakei ... mitgetragen", "Im
        Gegensatz zu Frankreich unterhält Italien ..."): (the contrasted state, the clause's first core state after
        the phrase). The contrasted one is set apart (no party of the clause's cues; it does not do what the other
        does)."""
        doc, out = self.doc, []
        for m in reading.mentions:
            k = m.start - 1
            if k - 1 < reading.sent.start:
                continue
            before = (doc[k - 1].lower_, doc[k].lower_)
            if before != ("anders", "als") and not (before[1] == "zu" and "contrast" in syntax(doc[k - 1].text)):
                continue
            other = next((o for o in reading.mentions if o.start > m.end and o.role == CORE and not o.nonstate and
                          o.group != m.group and reading.fine[o.start] == reading.fine[m.start]), None)
            if other is not None:
                m.nonstate = True
                out.append((m, other))
        return out

    def _contrast_denied(self, reading: Reading, contrasted: list[tuple[Mention, Mention]]) -> None:
        """The relations of the state a contrasted one is set against, from this sentence, denied for the contrasted
        one ("Anders als Ungarn hat die Slowakei das Sanktionspaket gegen Russland mitgetragen": Hungary's denied)."""
        if not contrasted:
            return
        for m, other in contrasted:
            for rel in self._of_sentence(reading):
                if other.iso not in (rel.source_id, rel.target_id) or m.iso in (rel.source_id, rel.target_id):
                    continue
                x, y = (m.iso, rel.target_id) if rel.source_id == other.iso else (rel.source_id, m.iso)
                self._store(reading, m.start, None, rel.type, x, y, "reject")

    def _of_sentence(self, reading: Reading) -> list:
        """The relations found so far with this sentence among their evidence."""
        sent = reading.sent
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        return [r for r in self.found.values() if any(ev.start == start for ev in r.evidence)]

    def _activity(self, cue) -> bool:
        """A cooperation is an activity, not a standing state: "wollen ihre Zusammenarbeit ausbauen" plans more of it
        (hedged), while "wollen ihre Verteidigungsallianz erweitern" changes an alliance that exists."""
        return cue.type in ("cooperation", "economic_cooperation", "military_cooperation")

    def _particle_classes(self, reading: Reading, t: Token, found: frozenset[str]) -> frozenset[str]:
        """"kündigte Sanktionen an" announces; "kündigt das Abkommen mit X" ends it (rejects it)."""
        if "announce_an" in found:
            found = found | {"announce" if self._particle_after(t, reading.sent, "an") or self._closing_an(reading, t) else "reject"}
        return found
