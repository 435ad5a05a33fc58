"""Negations that reach a cue from outside its few neighbouring words (mixed into relations.RelationFinder, which
supplies doc, modality, cue_of and _denial; flags round 2). German grammar gives them the whole clause:

* "weder ... noch" denies the predicate for every conjunct it coordinates ("Weder X noch Y haben sich den
  Sanktionen gegen Z angeschlossen");
* a cue noun in the prefield (before the finite verb of a main clause) is denied by a "nicht" of the middle field
  when it is the verb's object and the subject follows the verb ("Ein Bündnis mit X strebe Y nicht an") or when the
  predicate says whether it is to be expected ("Ein Abkommen zwischen X und Y ist nicht mehr zu erwarten");
* a clause interrupted by a relative clause resumes after it: "Ein Abkommen ... ist nach Einschätzung des
  Ministers, der sich in Wien äußerte, nicht zu erwarten" ("nicht zu erwarten" belongs to the clause of the noun).
Word classes from data/relation_syntax.tsv (expect; README there)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relation_reading import Reading
from kg.extract.relation_words import syntax

# negations that deny a predicate ("kein" denies only the noun it determines)
PREDICATE_NEGATION = ("nicht", "nie", "niemals")
# word classes that make a negated predicate say something else than that the relation is not ("ist noch nicht
# beendet", "hat die Sanktionen nicht aufgehoben"): a negated end leaves the relation standing
OTHER_PREDICATE = frozenset({"ending", "settle", "halt", "conclude", "lift_auf", "withdraw", "reject", "renounce"})


class RelationDenials:
    def _resumed(self, reading: Reading, i: int) -> list[Token]:
        """The rest of the clause of token i after a relative clause embedded in it: the next part of the
        sentence (a `fine` clause) after the relative clause when it has no finite verb and opens with no
        conjunction ("..., der sich in Wien äußerte, nicht mehr zu erwarten")."""
        sent, fine, seg = reading.sent, reading.fine, reading.seg
        own = [t.i for t in sent if fine[t.i] == fine[i]]
        nxt = own[-1] + 1
        if nxt >= sent.end or reading.rel.get(seg[nxt]) != seg[i]:
            return []  # no relative clause on this clause's noun follows
        rel_fine = fine[nxt]
        after = [t for t in sent if t.i > nxt and fine[t.i] != rel_fine]
        if not after:
            return []
        part = [t for t in after if fine[t.i] == fine[after[0].i] and not t.is_punct]
        if not part or part[0].pos_ in ("SCONJ", "CCONJ") or \
                any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in part):
            return []
        return part

    def _clause_denial(self, reading: Reading, i: int, cue, clause: list[Token]) -> bool:
        """A negation of the whole clause reaches cue i (see the module's docstring)."""
        doc = self.doc
        if any(t.lower_ == "weder" for t in clause):
            return True  # "Weder X noch Y haben sich ... angeschlossen"
        if any(t.lower_ == "kaum" and t.i + 1 < reading.sent.end and doc[t.i + 1].lower_ in ("noch", "mehr") and
               (cue.verbal or 0 < i - t.i <= 4) for t in clause):
            return True  # "bezieht kaum noch Weizen aus X": hardly any more is no longer
        if not cue.verbal and cue.type == "tension" and i > reading.sent.start and doc[i - 1].lower_ == "im" and any(
                t.lower_.startswith(("einig", "geeinig")) and (t.pos_ in ("VERB", "AUX") or doc[t.i + 1].lower_ == "sich")
                for t in clause if t.i + 1 < reading.sent.end):  # (the tagger may call "einigen" a determiner)
            return True  # "X und Y einigen sich im Getreidestreit": the dispute is settled ("Keine Einigung im ..." is none)
        return not cue.verbal and self._topic_denial(reading, i, cue, clause)

    def _topic_denial(self, reading: Reading, i: int, cue, clause: list[Token]) -> bool:
        """A "nicht" of the middle field denies cue noun i in the prefield (see the module's docstring)."""
        before = [t for t in clause if t.i < i]
        if any(t.pos_ in ("VERB", "AUX") or t.pos_ == "NOUN" and self.cue_of(t, reading.sent) is not None
               for t in before):
            return False  # the noun is not the head of the prefield
        verb = next((t for t in clause if t.i > i and t.pos_ in ("VERB", "AUX")), None)
        if verb is None or any(OTHER_PREDICATE & syntax(t.text) for t in clause):
            return False
        neg = next((t for t in clause if t.i > verb.i and t.lower_ in PREDICATE_NEGATION and
                    self._denial(reading, t, i, cue)), None)
        if neg is None:
            return False
        subject_after = any(verb.i < m.start < neg.i and not m.nonstate for m in reading.mentions)
        expected = any("expect" in syntax(t.text) for t in clause if t.i > neg.i)
        return subject_after or expected

    def _foreign_conjunct(self, reading: Reading, i: int, t: Token) -> bool:
        """Hedge word t stands in another verbal conjunct than cue i: a verb closing a conjunct before "und"/"oder"
        lies between the cue and a later t ("hat X mit Gegenmaßnahmen **gedroht und** eine Verstärkung seiner
        Truppen **angekündigt**": the threat is made), or t is itself the verb closing an earlier conjunct
        ("hat X **angekündigt und** Y geliefert"). A modal before both conjuncts governs both ("will X liefern und
        Y ausbilden")."""
        doc, end = self.doc, reading.sent.end

        def closes(k: int) -> bool:
            return doc[k].pos_ in ("VERB", "AUX") and k + 1 < end and doc[k + 1].lower_ in ("und", "oder", "sowie")
        if t.i > i:
            return any(closes(k) for k in range(i, t.i))
        return closes(t.i)

    def _conditional(self, clause: list[Token], prev: list[Token]) -> bool:
        """The cue's clause is a condition: opened (after its comma) by a conditional subordinator ("..., **falls**
        das Land US-Truppen stationiert", "sofern"), or a "dass" clause after "für den Fall" / "im Falle" ("droht
        Tokio für den Fall, **dass** Japan Raketen an Taiwan liefert, mit Vergeltung")."""
        words = [t for t in clause if not t.is_punct]
        if not words:
            return False
        if "conditional" in syntax(words[0].text):
            return True
        return words[0].lower_ in ("dass", "daß") and bool(prev) and prev[-1].lower_ in ("fall", "falle")

    def _unlikely(self, clause: list[Token]) -> bool:
        """A word of class `unlikely` as the clause's predicate after "als"/"für" (class hedge_predicate): "halten einen
        Krieg zwischen X und Y für **unwahrscheinlich**" — expected not to happen (negated and hedged)."""
        doc = self.doc
        return any("unlikely" in syntax(t.text) and t.i > 0 and "hedge_predicate" in syntax(doc[t.i - 1].text)
                   for t in clause)

    def _corrected(self, reading: Reading, i: int, x: str, y: str) -> bool:
        """A party named only after a "sondern" that follows cue i is what the negation's correction asserts ("bezieht
        Weizen nicht aus der Ukraine, **sondern** aus Russland": the trade with Russia is no denied one)."""
        sent = reading.sent
        k = next((t.i for t in sent if t.i > i and t.lower_ == "sondern"), None)
        if k is None:
            return False
        return any(all(m.start > k for m in reading.mentions if m.iso == iso) and
                   any(m.iso == iso for m in reading.mentions) for iso in (x, y))
