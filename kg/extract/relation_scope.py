"""The reach of a cue's qualifiers and hedges (mixed into relations.RelationFinder, which supplies doc, cue_of,
qualifiers and _clause_start): the words that may retype a cue or add a type to it (qualifier scope `also`:
a free-trade agreement is also economic cooperation), a compound the tokenizer split at its hyphen read whole
for military words ("U-Boote"), and where a modal verb far from a noun cue hedges it (checklist round)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relation_frames import NOUN_POS
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import syntax


class RelationScope:
    def _qualifier_words(self, reading: Reading, i: int) -> tuple[list[Token], list[Token]]:
        # (a country's name is no qualifier: "England" is not "eng")
        window = [t for t in self._near(reading, i) if t.i == i or not reading.is_mention(t.i) and not self._other_conjunct(reading, i, t)]
        # not the other conjunct of a coordinated verb: "hat die Beziehungen zu X abgebrochen **und** unterhält nun
        # Beziehungen zu Y" — the break is no qualifier of the relations kept
        seg, coordinate = reading.seg, reading.coordinate
        other = {s for s in set(seg[j] for j in reading.window(i)) if s != seg[i] and (
            coordinate.get(s) == seg[i] or coordinate.get(seg[i]) == s)}
        clause = [self.doc[j] for j in reading.window(i) if j == i or not reading.is_mention(j) and seg[j] not in other and
                  not self._other_conjunct(reading, i, self.doc[j])]
        return window, clause

    def also_types(self, reading: Reading, i: int, typ: str) -> list[str]:
        """Types a qualifier of scope `also` adds to the cue's own anywhere in its clause: a free-trade
        agreement is an agreement and economic cooperation ("unterzeichneten ein Freihandelsabkommen")."""
        _window, clause = self._qualifier_words(reading, i)
        return list(dict.fromkeys(q for t in clause for base, p, q, s in self.qualifiers
                                  if s == "also" and base == typ and t.lower_.startswith(p)))

    def _genitive_attribute(self, reading: Reading, i: int) -> bool:
        """The cue noun's phrase is a genitive after another noun ("die Konferenz **der** griechisch-türkischen
        Kommission") or stands in a prepositional phrase ("**wegen des** russischen Angriffs"): no object a modal's
        verb acts on."""
        doc, j = self.doc, i - 1
        while j > reading.sent.start and (doc[j].pos_ == "ADJ" or doc[j].text in ("-", "--")):
            j -= 1
        # (but a prepositional object of the verb the modal goes with: "könnten sich **auf eine** Waffenruhe einigen",
        # "könnte **zu einem** Krieg führen" — class `verb_object_prep` of relation_syntax.tsv)
        if j >= reading.sent.start and doc[j].pos_ == "DET":
            k = j - 1
            if k >= reading.sent.start and doc[k].pos_ == "ADP":
                return "verb_object_prep" not in syntax(doc[k].text)
        if j >= reading.sent.start and doc[j].pos_ == "ADP":
            return "verb_object_prep" not in syntax(doc[j].text)
        return j > reading.sent.start and doc[j].lower_ in ("der", "des") and doc[j - 1].pos_ in NOUN_POS

    def _ruled_out(self, reading: Reading, clause: list[Token]) -> bool:
        """A verb of ruling out in the clause (class `rule_out`: "ausgeschlossen", "auszuschließen"; class
        `rule_out_aus` with the particle "aus" ending the clause: "schließt ... aus"; not the preposition, "schloss die
        Grenze aus Sicherheitsgründen")."""
        for t in clause:
            cls = syntax(t.text)
            if "rule_out" in cls or "rule_out_aus" in cls and self._particle_after(t, reading.sent, "aus"):
                return True
        return False

    def _modal_of_subject(self, reading: Reading, i: int, k: int) -> bool:
        """The modal k is the finite verb right after the noun phrase of cue i that opens a main clause: "Der
        Vertrag zwischen Georgien und der Türkei **soll** im Herbst unterzeichnet werden" (not a relative clause's
        final verb: "die Freundschaft zwischen X und Y symbolisieren sollte")."""
        doc, seg = self.doc, reading.seg
        if seg[i] in reading.rel or seg[i] in reading.subordinate:
            return False
        j = i - 1
        while j >= reading.sent.start and doc[j].pos_ in ("DET", "ADJ"):
            j -= 1
        if not self._clause_start(reading, j + 1):
            return False
        return not any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") for t in doc[i + 1: k])

    def _hyphen_words(self, tokens: list[Token]) -> list[str]:
        """The words (lower case), and a compound the tokenizer split at its hyphen joined again ("U", "-",
        "Boote" -> "u-boote")."""
        doc = self.doc
        out = [t.lower_ for t in tokens]
        for t in tokens:
            if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_ and not doc[t.i + 1].whitespace_:
                out.append(f"{t.lower_}-{doc[t.i + 2].lower_}")
        return out

