"""Copula and comparison sentences (mixed into relations.RelationFinder, which supplies doc, types and add).

A role noun that is the predicate of "sein"/"bleiben"/"werden" names a relation of the clause's subject to the
state "für" whom it holds ("Deutschland ist für Israel der zweitwichtigste Lieferant von Rüstungsgütern":
Germany supplies Israel), and a ranking phrase "nach"/"vor"/"hinter" X in the same clause ranks X in the same
role for that state ("... nach den Vereinigten Staaten": the United States supply Israel too; "war China
Deutschlands wichtigster Handelspartner, knapp vor den Vereinigten Staaten": the United States trade with
Germany). No parser: the copula is a finite form of the three verbs in the cue's clause with no other verb
(a participle would make it an auxiliary, "ist ... gereist"), the subject the first bare state of the clause.
Also the giving side of a pledge as a group: "Kuwait und Katar haben für den Wiederaufbau im Libanon 500 Millionen
zugesagt" (both give to Lebanon; relation_verbs reads a single giver). And a state likened to the subject at the
head of the sentence: "Wie Frankreich hat auch Großbritannien angekündigt, Palästina anzuerkennen" — Britain is the
subject, France does the same (every relation of the one holds for the other)."""

from __future__ import annotations

from kg.extract.lexicon import RelationCue
from kg.extract.relation_mentions import Mention
from kg.extract.relation_verbs import AT_ASPIRATION, AT_BENEFIT
from kg.extract.relation_reading import Reading

COPULAS = frozenset({"sein", "bleiben", "werden"})
# (the tagger gives no verb form: the infinitives and participles of the copulas by hand)
NONFINITE = frozenset({"sein", "bleiben", "werden", "gewesen", "geblieben", "geworden", "worden"})
# adverbs between a fronted "Wie" and the state it likens ("Wie zuvor schon Polen will nun auch Litauen ...")
LIKENING_ADVERBS = frozenset({"zuvor", "schon", "bereits", "vorher", "früher", "einst", "zuletzt", "kürzlich", "jüngst"})
# prepositions that rank a state beside the subject in the predicate's role
RANKING = frozenset({"nach", "vor", "hinter"})
# undirected relation types a role noun may name as a predicate ("Handelspartner", "Lieferant", "Verbündeter")
PREDICATE_TYPES = frozenset({"trade", "alliance", "cooperation", "economic_cooperation"})


class RelationCopula:
    def copula_pairs(self, reading: Reading, cues: list[tuple[int, RelationCue]]) -> list[tuple[int, RelationCue, str, str]]:
        """(cue index, cue, x, y) for each pair a predicate role noun of a copula clause names."""
        out: list[tuple[int, RelationCue, str, str]] = []
        for i, cue in cues:
            if cue.verbal or cue.type not in PREDICATE_TYPES or not self._predicate(reading, i):
                continue
            clause = [m for m in reading.mentions if reading.fine[m.start] == reading.fine[i] and not m.nonstate]
            subject = next((m for m in clause if m.prep is None and not m.genitive and m.kind != "adj"
                            and m.start < i and not self._owner(reading, m, i)), None)
            if subject is None:
                continue
            # ("für Israel"; or the owner of the role, "Deutschlands wichtigster Handelspartner")
            holders = [m for m in clause if m.prep == "für" and m.start < i] or \
                [m for m in clause if m is not subject and self._owner(reading, m, i)]
            # (also in a verbless phrase after a comma: "Handelspartner, knapp vor den Vereinigten Staaten")
            ranked = [m for m in reading.mentions if m.prep in RANKING and m.iso != subject.iso and not m.nonstate
                      and (m in clause or m.start > i and self._verbless(i, m.start))]
            for h in holders:
                if h.iso == subject.iso:
                    continue
                if h.prep == "für":
                    out.append((i, cue, subject.iso, h.iso))
                out += [(i, cue, r.iso, h.iso) for r in ranked if r.iso != h.iso]
        return out

    def _predicate(self, reading: Reading, i: int) -> bool:
        """i is a noun whose clause has a finite copula and no other verb."""
        toks = [t for t in reading.sent if reading.fine[t.i] == reading.fine[i]]
        finite = [t for t in toks if t.lemma_ in COPULAS and t.pos_ in ("AUX", "VERB") and t.lower_ not in NONFINITE]
        others = [t for t in toks if t.pos_ == "VERB" and t.lemma_ not in COPULAS]
        return bool(finite) and not others and self.doc[i].pos_ in ("NOUN", "PROPN")

    def _verbless(self, i: int, k: int) -> bool:
        return not any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("und", "aber", "doch") and t.i == i + 1
                       for t in self.doc[i + 1:k])

    def _owner(self, reading: Reading, m: Mention, i: int) -> bool:
        """m is a genitive right before the role noun ("Deutschlands wichtigster Handelspartner") or after it
        ("Handelspartner des Landes")."""
        if m.start < i and m.end < i and all(self.doc[k].pos_ in ("ADJ", "ADV") for k in range(m.end + 1, i)):
            return self.doc[m.end].text.endswith("s") and m.kind != "adj"
        return m.genitive and m.start > i and m.start - i <= 3

    def _group_and_work(self, reading: Reading, i: int, cue: RelationCue, ms: list[Mention], subject: list[Mention]) -> bool:
        """The states of a help verb's clause are one group, its subject, and the state of a work it helps
        (class `beneficiary`, "für den Wiederaufbau im Libanon"): the group gives, none of it receives."""
        if cue.type not in AT_ASPIRATION + AT_BENEFIT or subject or not ms:
            return False
        side = {m.iso for m in ms if m.group == ms[0].group}
        aimed = {m.iso for m in self._conduct_place(reading, i, ms, "beneficiary")}
        return len(side) >= 2 and bool(aimed) and {m.iso for m in ms} - aimed == side and not side & aimed

    def likened(self, reading: Reading) -> tuple[str, str] | None:
        """(state likened, subject) of "Wie X <finite verb> ... auch Y": X does what Y, the subject, does."""
        doc, sent = self.doc, reading.sent
        k = sent.start
        if doc[k].lower_ != "wie":
            return None
        k += 1
        while k < sent.end and doc[k].lower_ in LIKENING_ADVERBS:
            k += 1
        first = next((m for m in reading.mentions if m.start in (k, k + 1) and m.prep is None and not m.nonstate
                      and (m.start == k or doc[k].pos_ == "DET")), None)
        if first is None or first.end + 1 >= sent.end or doc[first.end + 1].pos_ not in ("VERB", "AUX"):
            return None  # ("Wie in Deutschland ist auch in Österreich ...": a place, no state acting)
        for t in doc[first.end + 2: sent.end]:
            if reading.fine[t.i] != reading.fine[first.end + 1]:
                break
            if t.lower_ == "auch":
                second = next((m for m in reading.mentions if m.start in (t.i + 1, t.i + 2) and m.prep is None
                               and not m.nonstate and (m.start == t.i + 1 or doc[t.i + 1].pos_ == "DET")), None)
                if second is not None and second.iso != first.iso:
                    return first.iso, second.iso
                return None
        return None
