"""Reported speech around a clause: "…, sagte X." / "…, so X." / "…, hatte X … gesagt." after it, and
speech verbs closing a relative or subordinate clause ("…, der betonte, …", "Nachdem X mitgeteilt
hatte, dass …")."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.attribution import (APPOSITION_OPENERS, AUXILIARIES, CLAUSE_MARKS, CONTENT_CLAUSES,
                                    RELATIVES as RELATIVE_PRONOUNS)
from kg.extract.quotes import names_something
from kg.extract.speakers import OBLIQUE_ARTICLES, Speaker

# verb particles that may end the clause after a speaker ("…, teilte X mit.")
COMMA = frozenset({","})
PARTICLES = {"an", "hinzu", "mit", "zurück", "ein", "klar", "auf", "fest", "bekannt", "vor", "aus"}


class ClauseFrames:
    """Mixed into the statement finder: needs speaker_at, speech_verb, _content_start, _add_indirect."""

    # -- "…, sagte X." / "…, so X." ---------------------------------------------------------------
    def _after_clause(self, sent: Span) -> bool:
        doc = self.doc
        toks = self.toks
        commas = self.words_in(COMMA, sent.start + 4, sent.end - 1)
        for c in reversed(commas):
            k = c + 1
            cue = k
            if toks[k].lower_ == "so":
                sp = self.speaker_at(k + 1, sent.end, generic=True)
            elif self.speech_verb(k, sent.end) and self.is_finite_verb(k):
                sp = self._speaker_after_verb(k + 1, sent.end)
            elif toks[k].lower_ in AUXILIARIES and self.is_finite_verb(k):  # "…, hatte X am Montag gesagt."
                sp = self._speaker_after_verb(k + 1, sent.end)
                cue = self._closing_participle(sp.end if sp is not None else sent.end, sent.end)
                if cue is None:
                    continue
            else:
                continue
            if sp is None or not self._nominative(sp.end - 1) or not (
                    self._clause_ends(sp.end, sent.end) or cue != k or
                    toks[k].lower_ == "so" and self._relative_after(sp.end, sent.end)):
                continue
            if sp.group and toks[k].lower_ != "so" and not any(self.is_subjunctive(t) for t in doc[sent.start:c]) \
                    and not self._main_clause_first(sent.start, c):
                continue  # "X, die …, nennt das Ereignis …": a relative clause, not reported speech
            verb = self.speech_verb(cue, sent.end)
            return self._add_indirect(sp, sent.start_char, toks[c].idx, cue, verb[1] if verb else None, "indirect_verb")
        return False

    def _closing_participle(self, i: int, end: int) -> int | None:
        """The speech verb that closes the sentence after the speaker ("…, hatte X bei seinem Besuch
        in Y gesagt.")."""
        doc = self.doc
        last = end - 1
        while last > i and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        if last < i or any(doc[j].text in CLAUSE_MARKS for j in range(i, last)):
            return None
        return last if self.speech_verb(last, end) else None

    def _relative_after(self, i: int, end: int) -> bool:
        """"…, so X, die auch angab, …": a relative clause or apposition about the speaker follows."""
        doc = self.doc
        return i + 1 < end and doc[i].text == "," and (doc[i + 1].lower_ in RELATIVE_PRONOUNS or
                                                       doc[i + 1].lower_ in APPOSITION_OPENERS)

    def _main_clause_first(self, start: int, c: int) -> bool:
        """Does the text before the comma at c open with a main clause ("Das Beben erreichte …,
        teilte das Institut mit") rather than a subject with a relative clause ("X, die …, nennt …")?"""
        doc = self.doc
        for k in range(start, c):
            if doc[k].text in CLAUSE_MARKS:
                return False
            if self.is_finite_verb(k) and k > start:
                return True
        return False

    def _clause_ends(self, i: int, end: int) -> bool:
        """Only adverbials, objects and a verb particle may follow the speaker ("… mit.")."""
        doc = self.doc
        return all((doc[j].text not in {",", ":", "„", "»"} or self._quoted_name(j)) and not (
            doc[j].pos_ == "VERB" and doc[j].lower_ not in PARTICLES and not self.speech_verb(j, end))
                   for j in range(i, end)) and end - i < 12

    def _quoted_name(self, j: int) -> bool:
        """"sagte X dem Sender „Kanal 5“": a quoted name after a noun."""
        doc = self.doc
        if doc[j].text not in ("„", "»"):
            return False
        close = next((k for k in range(j + 1, min(len(doc), j + 8)) if doc[k].text in ("“", "”", "«")), None)
        return close is not None and names_something(doc, j, close)

    # -- "…, der betonte, …" / "…, von dem die Polizei glaubt, …" / "Nachdem X mitgeteilt hatte, …" -------
    def _subordinate_opener(self, k: int, end: int) -> int | None:
        """Where the subject of a relative or subordinate clause opening at k stands: the relative
        pronoun itself ("der betonte"), after "von dem" / "bei dem", after a conjunction ("nachdem")."""
        toks = self.toks
        if k >= end:
            return None
        if toks[k].lower_ in RELATIVE_PRONOUNS and toks[k].pos_ == "PRON":
            return k
        if toks[k].pos_ == "ADP" and k + 2 < end and toks[k + 1].lower_ in RELATIVE_PRONOUNS | {"denen"} and (
                toks[k + 1].pos_ == "PRON" or toks[k + 2].pos_ in ("DET", "PRON")):  # ("von dem die Polizei")
            return k + 2
        if toks[k].pos_ == "SCONJ" and toks[k].lower_ not in CONTENT_CLAUSES | {"wie"}:
            return k + 1
        return None

    def _subordinate_reported(self, sent: Span) -> bool:
        """A speech verb closing a relative or subordinate clause, its content after the comma."""
        toks = self.toks
        starts = [sent.start] + self.words_in(COMMA, sent.start + 1, sent.end - 2) \
            if sent.start < sent.end - 2 else []  # (the sentence start and its commas)
        for c in starts:
            k = c + 1 if toks[c].text == "," else c
            subj = self._subordinate_opener(k, sent.end)
            if subj is None:
                continue
            close = next((j for j in range(subj, min(sent.end, subj + 20)) if toks[j].text in CLAUSE_MARKS), None)
            if close is None or toks[close].text != ",":
                continue
            last = close - 1
            if toks[last].lower_ in AUXILIARIES and last - 1 > subj:
                if toks[last].lemma_.lower() == "werden":
                    continue  # "in der ihr vorgeworfen wird, …": passive, the subject does not speak
                last -= 1  # "mitgeteilt hatte"
            verb = self.speech_verb(last, close)
            if verb is None:
                continue
            if subj == k and subj == c + 1:  # the relative pronoun speaks for the phrase before the comma
                sp = self._relative_speaker(subj)
            else:
                sp = self.speaker_at(subj, last, generic=True)
                if sp is not None and sp.group and toks[subj].lower_ in OBLIQUE_ARTICLES:
                    sp = None  # ("nachdem den Bürgern mitgeteilt worden war"; "die" may be either case)
            body = self._content_start(close - 1, sent.end) if sp is not None else None
            if body is None or (toks[body].pos_ == "SCONJ" and toks[body - 1].text == ","):
                continue  # ("nachdem die Eltern gewarnt hatten, weil …": a reason, not the warning)
            return self._add_indirect(sp, *self.inserted_content(body, sent), last, verb[1], "indirect_verb")
        return False

    def inserted_content(self, body: int, sent: Span) -> tuple[int, int]:
        """Characters of content that starts at token `body` inside a sentence whose main clause
        resumes after it: "…, dass X gesucht werde, hatte dieser …" ends before ", hatte"."""
        doc = self.doc
        resume = next((j for j in range(body, sent.end - 1) if doc[j].text == "," and self._resumes(j + 1)), sent.end)
        seg = self._segment_end(body, resume, sent.end)
        return doc[body].idx, doc[seg - 1].idx + len(doc[seg - 1].text)

    def _resumes(self, j: int) -> bool:
        """Does the main clause go on at j after reported content ("…, dass X gesucht werde, hatte
        dieser …")? An indicative finite verb; a Konjunktiv one still reports ("…, sei falsch")."""
        tok = self.doc[j]
        return self.is_finite_verb(j) and tok.pos_ in ("VERB", "AUX") and not self.is_subjunctive(tok) \
            and not self.is_konjunktiv1(tok)

    def _relative_speaker(self, rel: int) -> Speaker | None:
        """"Dschassim, der betonte": the entity named right before the comma, mentioned by the pronoun."""
        doc = self.doc
        comma_char = doc[rel - 1].idx
        mention = (doc[rel].idx, doc[rel].idx + len(doc[rel].text))
        for s, e, eid, label in self.ents.refs:
            if e == comma_char and label in ("PER", "ORG", "COUNTRY"):
                return Speaker(eid, mention, rel + 1)
        for k in range(rel - 2, max(-1, rel - 6), -1):  # an unlisted name: "Heereskommandeur Abdel Kader X, der"
            name = self.ents.name_at(k)
            if name is not None and name.end == rel - 1 and (k == 0 or not self.ents.is_name_token(doc[k - 1])):
                sp = self.speaker_at(k, rel - 1)
                return Speaker(sp.entity_id, mention, rel + 1, sp.role, sp.affiliation) if sp is not None else None
        return None
