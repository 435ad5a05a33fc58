"""Forces withdrawn from a state (mixed into relations.RelationFinder, which supplies doc, cue_of and
_noun_in_clause): "zieht seine Soldaten aus Mali ab", "der Abzug der französischen Truppen aus dem Tschad". The
verb of frame `envoy` ("zog seinen Botschafter ab": sanctions) with a `forces` noun of relation_syntax.tsv and no
envoy in its clause, and the withdrawal nouns of frame `withdraw`, end the presence of the forces: their state's
military support of the host is denied (negated) — or, where the clause names an occupation ("nach 18 Jahren
Besatzung"), the attack."""

from __future__ import annotations

from kg.extract.lexicon import RelationCue
from kg.extract.relation_mentions import Mention
from kg.extract.relation_parties import _across
from kg.extract.relation_reading import Reading

WITHDRAW = "withdraw"
PRESENCE = "military_support"
HOSTILE_PRESENCE = "attack"


class RelationWithdrawal:
    def _withdrawal(self, reading: Reading, tok, cue: RelationCue | None) -> RelationCue | None:
        """The envoy verb read for forces withdrawn; the withdrawal nouns retyped by an occupation in their clause."""
        if cue is None or cue.frame not in ("envoy", WITHDRAW):
            return cue
        if cue.frame == "envoy":
            if self._noun_in_clause(reading, tok.i, "envoy") or not self._noun_in_clause(reading, tok.i, "forces"):
                return cue
        typ = HOSTILE_PRESENCE if self._occupation_in_clause(reading, tok.i) else PRESENCE
        return RelationCue(cue.cue, cue.pos, typ, cue.particle, cue.to, WITHDRAW)

    def _occupation_in_clause(self, reading: Reading, i: int) -> bool:
        fine = reading.fine
        return any(fine[t.i] == fine[i] and t.i != i and t.pos_ == "NOUN" and (c := self.cue_of(t, reading.sent)) is not None
                   and c.type == HOSTILE_PRESENCE for t in reading.sent)

    def _host_pairs(self, pairs: list[tuple[str, str, str]], used: list, cue: RelationCue) -> list[tuple[str, str, str]]:
        """Only the state the forces leave, named in the cue's own "aus" phrase, is their host ("der Abzug
        israelischer Truppen ... in den Süden des Libanon" names none)."""
        if cue.frame != WITHDRAW:
            return pairs
        # ("Soldaten aus Niger" reads the state as the soldiers' own, its preposition is kept at prep_i)
        hosts = {m.iso for m in self._hosts(used, cue)}
        # (the host may have been read as the actor: "Washington hat den Rückzug seiner Truppen aus Niger abgeschlossen")
        return [(x, y, t) if y in hosts else (y, x, t) for x, y, t in pairs if hosts & {x, y} and not {x, y} <= hosts]

    def _hosts(self, used: list[Mention], cue: RelationCue) -> list[Mention]:
        return [m for m in used if m.prep in cue.to or m.prep_i >= 0 and self.doc[m.prep_i].lower_ in cue.to]

    def _withdrawal_pairs(self, reading: Reading, i: int, cue: RelationCue,
                          claimed: set[int]) -> tuple[list[tuple[str, str, str]], list[Mention]]:
        """A withdrawal noun: the state of its "aus" phrase is left by the states of its own phrase ("der Abzug
        der französischen Soldaten aus dem Tschad"), else by the clause's subject ("Washington hat den Rückzug
        seiner Truppen aus Niger abgeschlossen")."""
        ms = self._candidates(reading, i, claimed)
        left, run = self._attached(reading, i, ms)
        hosts = self._hosts(run, cue)
        if not hosts:
            return [], []
        hosts = [m for m in hosts if m.group == hosts[0].group]
        isos = {m.iso for m in hosts}
        actors = [m for m in left + run if m.iso not in isos]
        if not actors:
            actors = self._subject(reading, i, [m for m in ms if m.iso not in isos], hosts)
        return [(x, y, cue.type) for x, y in _across(actors, hosts)], actors + hosts
