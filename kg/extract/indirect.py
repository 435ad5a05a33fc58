"""Indirect and reported speech: "laut X", "X zufolge", "nach Angaben von X", "wie X mitteilte",
"X sagte, (dass) …", "…, so X", reported speech acts ("X forderte, … zu …"), speech nouns
("X äußerte Bedenken") and Konjunktiv-I sentences that continue a statement."""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract import lexicon
from kg.extract.doctext import doc_text
from kg.extract.attribution import CLAUSE_MARKS
from kg.extract.speakers import DETERMINERS, Speaker

SPEECH_NOUNS = {"warnung": "warn", "bedenken": "concern", "sorge": "concern", "besorgnis": "concern",
                "forderung": "demand", "kritik": "accuse", "drohung": "threaten", "zusage": "pledge_support",
                "versprechen": "pledge_support", "dementi": "deny"}
# "X vertritt die Ansicht / ist der Meinung, (dass) …"
OPINION_NOUNS = {"ansicht", "auffassung", "meinung", "standpunkt", "überzeugung", "einschätzung"}
SOURCE_PREPS = {"laut", "gemäß"}
SOURCE_LINKS = {"von", "vom", "des", "der", "eines", "einer", "aus"}
CONTENT_OPENERS = {"dass", "ob"}
RELATIVE_STARTS = {"welche", "welcher", "welches", "wo", "was", "dessen", "deren"}
PARTICLES = {"an", "hinzu", "mit", "zurück", "ein", "klar", "auf", "fest", "bekannt", "vor", "aus"}
NEGATIONS = {"nicht", "nie", "kein", "keine"}


class IndirectSpeech:
    """Mixed into the statement finder: needs speaker_at, subject, speech_verb, add."""

    def indirect(self, sent: Span) -> None:
        if self._mostly_quoted(sent.start_char, sent.end_char):
            return
        found = self.source_frame(sent)
        if found is not None:
            sp, cue_i, (qs, qe) = found
            self._add_indirect(sp, qs, qe, cue_i, "report", "indirect_source")
        elif not (self._after_clause(sent) or self._reported(sent)):
            self._continuation(sent)

    def _add_indirect(self, sp: Speaker, qs: int, qe: int, cue_i: int | None, typ: str | None, frame: str,
                      inherit: tuple[str, ...] = ()) -> bool:
        if qe - qs < 8 or self._mostly_quoted(qs, qe):
            return False
        doc = self.doc
        cue = (doc[cue_i].idx, doc[cue_i].idx + len(doc[cue_i].text)) if cue_i is not None else None
        self.add(sp, qs, qe, False, cue, typ, self.conf[frame], inherit)
        return True

    def _mostly_quoted(self, start: int, end: int) -> bool:
        """Is most of the span a quotation attributed already (then it is direct speech)?"""
        inside = sum(max(0, min(e, end) - max(s, start)) for s, e in self.quoted)
        return inside * 10 >= (end - start) * 8

    # -- sources: laut X, X zufolge, nach Angaben von X, wie X mitteilte --------------------------
    def source_frame(self, sent: Span) -> tuple[Speaker, int, tuple[int, int]] | None:
        """The source a sentence names and the part of the sentence it vouches for."""
        doc = self.doc
        for t in sent:
            low = t.lower_
            sp, end = None, None
            if low in SOURCE_PREPS or (low == "nach" and t.i + 1 < sent.end and self._source_noun_at(t.i + 1, sent.end)):
                sp, end = self._source_phrase(t.i + 1, sent.end)
            elif low == "zufolge" and t.i > sent.start:
                sp, start = self._before_zufolge(t.i, sent)
                if sp is not None:
                    return sp, t.i, self._vouched(sent, start, t.i + 1)
                continue
            elif low == "wie" and (t.i == sent.start or doc[t.i - 1].text == ","):
                found = self._wie_clause(t.i, sent)
                if found is not None:
                    return found
                continue
            if sp is not None:
                return sp, t.i, self._vouched(sent, t.i, end)
        return None

    def _source_noun_at(self, i: int, end: int) -> int | None:
        """Index of a source noun ("Angaben", "Polizeiberichten") within the next few tokens."""
        doc = self.doc
        j = i
        while j < end and j - i < 4 and doc[j].is_alpha and (
                doc[j].lower_ in DETERMINERS or doc[j].text[:1].islower() and doc[j].pos_ in ("ADJ", "DET", "NUM")):
            j += 1
        if j < end and doc[j].text[:1].isupper() and doc[j].lower_.endswith(lexicon.source_nouns()):
            return j
        return None

    def _source_phrase(self, i: int, end: int) -> tuple[Speaker | None, int]:
        """"Angaben der Polizei" -> the police; "ersten Angaben" -> the phrase itself; "Minister X"."""
        doc = self.doc
        if i < end and doc[i].text in ("„", "»", '"'):  # "laut „BBC News“": a quoted source name
            close = next((k for k in range(i + 1, min(end, i + 8)) if doc[k].text in ("“", "”", "«", '"')), None)
            if close is not None and close > i + 1:
                return self.group_speaker(doc[i].idx, doc[close].idx + 1, close + 1), close + 1
        noun = self._source_noun_at(i, end)
        if noun is None:
            sp = self.speaker_at(i, end, generic=True)
            return sp, (sp.end if sp else i)
        j = noun + 1
        while j < end and doc[j].lower_ in SOURCE_LINKS and j - noun <= 2:
            j += 1
        if j > noun + 1:
            sp = self.speaker_at(j, end, generic=True)
            if sp is not None:
                return sp, sp.end
        s, e = doc[i].idx, doc[noun].idx + len(doc[noun].text)
        return self.group_speaker(s, e, noun + 1), noun + 1

    def _before_zufolge(self, z: int, sent: Span) -> tuple[Speaker | None, int]:
        doc = self.doc
        for i in range(max(sent.start, z - 8), z):
            if doc[i].text in CLAUSE_MARKS:
                continue
            sp, end = self._source_phrase(i, z)
            if sp is not None and end == z:
                return sp, i
        return None, z

    def _wie_clause(self, w: int, sent: Span) -> tuple[Speaker, int, tuple[int, int]] | None:
        """"Wie die Polizei mitteilte, wurden …" / "…, wie die Polizei mitteilte." """
        doc = self.doc
        first = w + 2 if w + 1 < sent.end and doc[w + 1].lower_ == "aus" else w + 1  # "wie aus Kreisen verlautete"
        sp = self.speaker_at(first, sent.end, generic=True)
        if sp is None:
            return None
        j = sp.end
        if j < sent.end and doc[j].text == "," and doc[j - 1].text != ",":
            close = self._inserted_clause_end(j + 1, sent.end)  # ", Name," / ", die Sprecherin," after the speaker
            j = close + 1 if close is not None and close + 1 < sent.end and not self.speech_verb(j + 1) else j
        start = j
        while j < sent.end and j - start < 8 and doc[j].text not in CLAUSE_MARKS:
            if self.speech_verb(j, sent.end):
                k = j + 1
                while k < sent.end and doc[k].text not in CLAUSE_MARKS:
                    k += 1
                if w == sent.start:
                    return sp, j, (doc[k].idx + 1 if k < sent.end else sent.end_char, sent.end_char)
                return sp, j, (sent.start_char, doc[w - 1].idx)
            j += 1
        return None

    def _vouched(self, sent: Span, cue_start: int, cue_end: int) -> tuple[int, int]:
        """The sentence without the source phrase when it opens or closes the sentence; the whole
        sentence when the phrase stands inside it (its parts count as one statement)."""
        doc = self.doc
        lead = sent.start
        while lead < sent.end and (doc[lead].is_space or doc[lead].lower_ in ("und", "doch", "aber")):
            lead += 1
        if cue_start <= lead:
            k = cue_end
            while k < sent.end and (doc[k].text == "," or doc[k].is_space):
                k += 1
            return (doc[k].idx if k < sent.end else sent.end_char), sent.end_char
        closing = all(t.is_punct or t.is_space for t in doc[cue_end:sent.end])
        if closing or (cue_start > sent.start and doc[cue_start - 1].text == ","):
            return sent.start_char, doc[cue_start].idx
        return doc[lead].idx, sent.end_char

    # -- "…, sagte X." / "…, so X." ---------------------------------------------------------------
    def _after_clause(self, sent: Span) -> bool:
        doc = self.doc
        for c in range(sent.end - 2, sent.start + 3, -1):
            if doc[c].text != ",":
                continue
            k = c + 1
            if doc[k].lower_ == "so":
                sp = self.speaker_at(k + 1, sent.end, generic=True)
            elif self.speech_verb(k, sent.end) and self.is_finite_verb(k):
                sp = self._speaker_after_verb(k + 1, sent.end)
            else:
                continue
            if sp is None or not self._clause_ends(sp.end, sent.end) or not self._nominative(sp.end - 1):
                continue
            if sp.generic and doc[k].lower_ != "so" and not any(self.is_subjunctive(t) for t in doc[sent.start:c]):
                continue  # "X, die …, nennt das Ereignis …": a relative clause, not reported speech
            verb = self.speech_verb(k, sent.end)
            return self._add_indirect(sp, sent.start_char, doc[c].idx, k, verb[1] if verb else None, "indirect_verb")
        return False

    def _clause_ends(self, i: int, end: int) -> bool:
        """Only adverbials, objects and a verb particle may follow the speaker ("… mit.")."""
        doc = self.doc
        return all(doc[j].text not in {",", ":", "„", "»"} and not (doc[j].pos_ == "VERB" and doc[j].lower_ not in
                                                                  PARTICLES and not self.speech_verb(j, end))
                   for j in range(i, end)) and end - i < 12

    # -- "X sagte, …" and speech nouns ------------------------------------------------------------
    def _reported(self, sent: Span) -> bool:
        """"X sagte, dass …", "X warnte …", "X gab eine Warnung aus und versprach, … zu …"."""
        doc = self.doc
        found = self.subject(sent, sent.end)
        if found is None or self.passive(found[1], sent.end):
            return False
        sp, v = found
        cues = []  # (token index, type, kind)
        for t in doc[min(sp.end, v):sent.end]:
            low = t.lower_
            if any(doc[k].lower_ in NEGATIONS for k in range(max(sp.end, t.i - 3), t.i)):  # (no Span per token)
                continue
            verb = self.speech_verb(t.i, sent.end) if t.i >= v else None
            if verb:
                cues.append((t.i, verb[1], "verb"))
            elif low in SPEECH_NOUNS and t.text[:1].isupper():
                cues.append((t.i, SPEECH_NOUNS[low], "noun"))
            elif low in OPINION_NOUNS and t.text[:1].isupper() and t.i > v:
                cues.append((t.i, None, "verb"))  # "ist der Ansicht, dass …": its content follows like a verb's
        if not cues:
            return False
        made = False
        pending: tuple[int, str | None] | None = None
        for n, (i, typ, kind) in enumerate(cues):
            nxt = cues[n + 1][0] if n + 1 < len(cues) else sent.end
            seg_end = self._segment_end(i, nxt, sent.end)
            if kind == "noun":
                pending = (i, typ)
                if n + 1 < len(cues) and cues[n + 1][1] is None:
                    continue  # "Bedenken geäußert und erklärt, dass …": one statement
                qs = self._phrase_start(i, sp.end)
                made |= self._add_indirect(sp, doc[qs].idx, doc[i].idx + len(doc[i].text), i, typ, "reported_noun",
                                           self._sentence_targets(sent))
                pending = None
                continue
            body = self._content_start(i, seg_end)
            if typ is not None and i - sp.end > 2 and doc[sp.end].lower_ in {"hat", "haben", "hatte", "hatten"}:
                body, seg_end = sp.end + 1, sent.end  # "hat vor … gewarnt, sollten …"
            if body is None:
                continue  # "bestätigte die Aussage nicht", "lehnte den Plan ab": a speech act, no content
            cue_i, cue_t = (pending[0], pending[1]) if pending else (i, typ)
            made |= self._add_indirect(sp, doc[body].idx, doc[seg_end - 1].idx + len(doc[seg_end - 1].text), cue_i,
                                       cue_t, "indirect_verb", self._context_targets(sent))
            pending = None
        return made

    def _segment_end(self, i: int, nxt: int, end: int) -> int:
        doc = self.doc
        j = nxt
        # stop before "und <next cue>"
        if j < end and j - 1 > i and doc[j - 1].lower_ == "und":
            j -= 1
        while j > i + 1 and (doc[j - 1].is_punct or doc[j - 1].is_space):
            j -= 1
        return j

    def _content_start(self, i: int, end: int) -> int | None:
        """Where the reported content begins after the speech verb at i: after "dass"/"ob", after
        the comma that ends the verb's objects ("sagte der Zeitung am Montag, …") when a clause
        in Konjunktiv or with "zu" follows, or after a colon."""
        doc = self.doc
        j = i + 1
        while j < end and j - i < 10 and doc[j].text not in CLAUSE_MARKS and doc[j].lower_ not in CONTENT_OPENERS:
            if self.is_finite_verb(j) and doc[j].lower_ not in PARTICLES and not self._zu_infinitive(j):
                return None  # another clause
            j += 1
        if (j >= end or doc[j].text in CLAUSE_MARKS) and any(self._zu_infinitive(k) for k in range(i + 2, j)):
            return i + 1  # "hatte angekündigt, bei der Wahl erneut anzutreten" written without its comma
        if j >= end:
            return None
        if doc[j].lower_ in CONTENT_OPENERS:
            return j + 1
        if doc[j].text == ":":
            return j + 1
        if doc[j].text != ",":
            return None
        j += 1
        if j < end and doc[j].lower_ in CONTENT_OPENERS:
            return j + 1
        clause = doc[j:end]
        if any(self.is_subjunctive(t) for t in clause) or any(
                t.lower_ == "zu" and t.i + 1 < end and doc[t.i + 1].pos_ in ("VERB", "AUX") for t in clause) or any(
                t.pos_ in ("VERB", "AUX") and "zu" in t.lower_[1:-2] and t.text.islower() for t in clause[-2:]):
            return j
        if self._main_clause(j, end):
            return j  # "sagte Rice, die USA hielten sich an …": a main clause after the comma reports
        return None

    def _zu_infinitive(self, k: int) -> bool:
        doc = self.doc
        return (doc[k].lower_ == "zu" and k + 1 < len(doc) and doc[k + 1].pos_ in ("VERB", "AUX")) or (
            doc[k].pos_ in ("VERB", "AUX") and "zu" in doc[k].lower_[2:-2] and doc[k].text.islower()
            and doc[k].lower_.endswith("en"))  # "anzutreten"

    def _main_clause(self, j: int, end: int) -> bool:
        """A clause with its finite verb in second place (a noun phrase, then the verb), not a
        relative or subordinate clause and not an apposition."""
        doc = self.doc
        if j >= end or doc[j].pos_ in ("SCONJ", "PRON", "ADV", "ADP") or doc[j].lower_ in RELATIVE_STARTS:
            return False
        k = j
        while k < end and k - j < 6 and doc[k].text not in CLAUSE_MARKS:
            if self.is_finite_verb(k) and doc[k].text[:1].islower():
                return k > j and doc[k - 1].pos_ in ("NOUN", "PROPN")
            k += 1
        return False

    def _phrase_start(self, i: int, lo: int) -> int:
        doc = self.doc
        j = i
        while j - 1 >= lo and (doc[j - 1].lower_ in DETERMINERS or doc[j - 1].text[:1].islower()) and \
                doc[j - 1].is_alpha and i - j < 3 and doc[j - 1].lower_ not in self.verbs:
            j -= 1
        return j

    # -- Konjunktiv continuation ------------------------------------------------------------------
    def _continuation(self, sent: Span) -> bool:
        """A sentence in Konjunktiv I right after a statement goes on reporting its speaker."""
        if not self.statements:
            return False
        last = self.statements[-1]
        text = doc_text(self.doc)
        gap = text[last.quote_end:sent.start_char]
        if last.quote_end > sent.start_char or len(gap) > 120 or "\n\n" in gap:
            return False
        if not any(self.is_konjunktiv1(t) for t in sent):
            return False
        m = last.speaker_mention
        sp = Speaker(last.speaker_id, (m.start, m.end), 0, last.role, last.affiliation_id)
        return self._add_indirect(sp, sent.start_char, sent.end_char, None, None, "indirect_inherit", last.target_ids)

    # -- targets ----------------------------------------------------------------------------------
    def _sentence_targets(self, sent: Span) -> tuple[str, ...]:
        out = []
        for s, e, eid, label in self.ents.refs_in(sent.start_char, sent.end_char):
            if label != "ROLE" and eid not in out:
                out.append(eid)
        return tuple(out)

    def _context_targets(self, sent: Span) -> tuple[str, ...]:
        """Targets of an anaphoric statement ("diese Maßnahmen"): the countries of the two
        sentences before."""
        if not re.search(r"\b(diese[srnm]?|dies)\b", sent.text, re.I):
            return ()
        prev = [s for s in self.doc.sents if s.end <= sent.start][-2:]
        if not prev:
            return ()
        out = []
        for s, e, eid, label in self.ents.refs_in(prev[0].start_char, prev[-1].end_char):
            if eid.startswith("country/") and eid not in out:
                out.append(eid)
        return tuple(out)
