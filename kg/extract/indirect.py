"""Indirect and reported speech: "X sagte, (dass) …", reported speech acts ("X forderte, … zu …"),
speech nouns ("X äußerte Bedenken", "erteilte den Befehl, … zu …") and Konjunktiv-I sentences that
continue a statement; sources ("laut X", "wie X mitteilte") are in kg.extract.sources, "…, sagte X"
and subordinate clauses in kg.extract.clauses."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.symbols import AUX, VERB
from spacy.tokens import Span

from kg.extract import lexicon
from kg.extract.attribution import (CLAUSE_MARKS, CONTENT_CLAUSES as CONTENT_OPENERS, CONTENT_NOUNS, OPINION_ADJECTIVES,
                                    OPINION_NOUNS, RELATIVES as RELATIVE_PRONOUNS, SPEECH_NOUNS)
from kg.extract.clauses import PARTICLES, ClauseFrames
from kg.extract.doctext import doc_text
from kg.extract.docview import DocView
from kg.extract.sources import SOURCE_LINKS, SourceFrames
from kg.extract.speakers import DETERMINERS, Speaker, positions

CONDITIONALS = {"falls", "wenn", "sofern", "soweit"}
# candidates for a full stop inside a sentence: [.!?], space, a word
FULL_STOP = re.compile(r"[.!?]\s+()\w")
NUMBER_STOP = re.compile(r"\d{1,3}(\.\d{3})+\.|\d{3,}\.")  # "5.000." ends a sentence, "3." is an ordinal
RELATIVE_STARTS = {"welche", "welcher", "welches", "wo", "was", "dessen", "deren"}
NEGATIONS = {"nicht", "nie", "kein", "keine"}
# nouns whose genitive is the speaker and whose content follows after a comma ("das Eingeständnis der
# Ministerin, …", "die Forderung des Verbands, … zu …")
NOMINAL_NOUNS = set(SPEECH_NOUNS) | set(CONTENT_NOUNS) | {"eingeständnis", "aussage", "behauptung", "ankündigung",
                                                          "erklärung", "vorwurf", "einschätzung", "angebot"}
CUE_WORDS = set(SPEECH_NOUNS) | set(CONTENT_NOUNS) | OPINION_NOUNS | OPINION_ADJECTIVES  # (lower case)
NOMINAL_WORDS = frozenset(NOMINAL_NOUNS)  # (the loop below needs one of them as a token)
NOMINAL_RE = re.compile(r"\b(?:%s) (?:des|der) " % "|".join(sorted(n.capitalize() for n in NOMINAL_NOUNS)))


VERBAL_POS_IDS = {VERB, AUX}  # (the POS column's ids of "VERB" and "AUX")


@lru_cache(maxsize=1)
def _cue_forms() -> frozenset[str]:
    """The lower-case forms `_may_cue` accepts by form alone: cue words and listed speech-verb forms."""
    return frozenset(CUE_WORDS).union(lexicon.speech_verbs())


class IndirectSpeech(SourceFrames, ClauseFrames):
    """Mixed into the statement finder: needs speaker_at, subject, speech_verb, add."""

    _cue_tokens: list[int] | None = None  # (the document's, see _has_cue)

    def indirect(self, sent: Span) -> None:
        for part in self._real_sentences(sent):
            self._indirect_sentence(part)

    def _real_sentences(self, sent: Span) -> list[Span]:
        """The sentence cut at full stops the sentence splitter missed ("… nur 5.000. Mexikos
        Innenminister gestand ein, …"), quotations left whole."""
        doc = self.doc
        text = doc_text(doc)
        cuts = []
        for m in FULL_STOP.finditer(text, sent.start_char, sent.end_char):  # ("nur 5.000. Mexikos …")
            k = self.token_at_char(m.end(1))
            if sent.start + 2 <= k < sent.end - 1 and doc[k].idx == m.end(1) and doc[k].text[:1].isupper() and \
                    doc[k].is_alpha and (doc[k - 1].text in (".", "!", "?") or NUMBER_STOP.fullmatch(doc[k - 1].text)) \
                    and not self.in_quote(k):
                cuts.append(k)
        if not cuts:
            return [sent]  # (most sentences)
        bounds = [sent.start, *cuts, sent.end]
        return [doc[a:b] for a, b in zip(bounds, bounds[1:])]

    def _indirect_sentence(self, sent: Span) -> None:
        if self._mostly_quoted(sent.start_char, sent.end_char):
            return
        if self._announced_after(sent) or self._according_to_it(sent):
            return
        found = self.source_frame(sent)
        if found is not None and self._own_speech_verb(sent, found[1]) and (
                (own := self.subject(sent, sent.end)) is not None and not own[0].group):
            found = None  # "Laut BBC sagte der Minister, dass …": the minister speaks
        if found is not None:
            sp, cue_i, (qs, qe) = found
            self._add_indirect(sp, qs, qe, cue_i, "report", "indirect_source")
        elif not (self._after_clause(sent) or self._reported(sent, cue := self._has_cue(sent))
                  or cue and self._subordinate_reported(sent) or self._nominal(sent)):
            # (without a cue the subordinate clauses have no speech verb: nothing to find or register)
            self._impersonal(sent) or self._continuation(sent)

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

    # -- "X sagte, …" and speech nouns ------------------------------------------------------------
    def _reported(self, sent: Span, cue: bool) -> bool:
        """"X sagte, dass …", "X warnte …", "X gab eine Warnung aus und versprach, … zu …"; `cue`:
        does the sentence have a token `_may_cue` accepts?"""
        doc = self.doc
        toks = self.toks
        if not cue:
            # (most sentences: no speech cue, so no speaker; the subject search runs only for the
            # names, roles and last person its phrases register, which later sentences read)
            self.register_subject(sent, sent.end)
            return False
        found = self.subject(sent, sent.end)
        if found is None or self.passive(found[1], sent.end):
            return False
        sp, v = found
        if not any(self._may_cue(t) for t in doc[min(sp.end, v):sent.end]):
            return False  # (the cue is before the subject: someone else's)
        cues = []  # (token index, type, kind)
        content = False  # past a verb cue and the comma or colon that opens its content
        subordinate = False  # in a relative or subordinate clause after the verb: its own subject speaks
        for t in doc[min(sp.end, v):sent.end]:
            low = t.lower_
            if cues and (cues[-1][2] == "verb" and t.text == "," or t.text == ":"):
                content = True  # (a colon opens the content of a noun cue too: "schloss sich der Kritik an: …")
            if t.text == "," and t.i > v:
                subordinate = self._subordinate_opener(t.i + 1, sent.end) is not None
            if any(toks[k].lower_ in NEGATIONS for k in range(max(sp.end, t.i - 3), t.i)):  # (no Span per token)
                continue
            verb = self.speech_verb(t.i, sent.end) if t.i >= v else None
            if verb and subordinate and not content:
                content = True  # "…, der betonte, er gehöre …": not the main subject's statement
                continue
            if verb and content and (not self.is_finite_verb(t.i) or self.is_subjunctive(t)
                                     or toks[t.i - 1].lower_ not in ("und", "sowie", "aber", ",")):
                continue  # "sagte, er wolle den Rücktritt bekannt geben": a speech verb of the content
            if verb:
                cues.append((t.i, verb[1], "verb"))
            elif content:
                continue  # "sagte, die Besorgnis resultiere …": a speech noun in the content is content
            elif low in CONTENT_NOUNS and t.text[:1].isupper() and self._noun_content(t.i, sent.end) is not None \
                    and not any(c[1] == "deny" for c in cues):  # ("lehnte den Vorschlag ab": someone else's)
                cues.append((t.i, CONTENT_NOUNS[low], "noun"))
            elif low in SPEECH_NOUNS and t.text[:1].isupper() and not any(c[1] == "deny" for c in cues):
                k = t.i - 1
                while k > sp.end and toks[k].pos_ in ("DET", "ADJ"):
                    k -= 1
                if toks[k].pos_ == "ADP":
                    continue  # "reagierte auf die Kritik", "trotz der Warnung": someone else's
                cues.append((t.i, SPEECH_NOUNS[low], "noun"))
            elif (low in OPINION_NOUNS and t.text[:1].isupper() or low in OPINION_ADJECTIVES) and t.i > v:
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
                body = self._noun_content(i, seg_end)
                if body is not None:  # "erteilte den Befehl, … zu …", "machte die Vorgabe, dass …"
                    if body < seg_end:  # (a text cut off after "dass" has no content)
                        made |= self._add_indirect(sp, toks[body].idx, toks[seg_end - 1].idx + len(toks[seg_end - 1].text),
                                                   i, typ, "indirect_verb", self._sentence_targets(sent))
                    pending = None
                    continue
                colon = next((k for k in range(i + 1, seg_end) if toks[k].text == ":"), None)
                if colon is not None and any(self.is_subjunctive(t) for t in doc[colon + 1:sent.end]):
                    # "schloss sich der Kritik an: Die Mittel seien …": the content follows the colon
                    made |= self._add_indirect(sp, toks[colon + 1].idx, sent.end_char, i, typ, "indirect_verb",
                                               self._sentence_targets(sent))
                    pending = None
                    continue
                qs = self._phrase_start(i, sp.end)
                made |= self._add_indirect(sp, toks[qs].idx, toks[i].idx + len(toks[i].text), i, typ, "reported_noun",
                                           self._sentence_targets(sent))
                pending = None
                continue
            body = self._content_start(i, seg_end)
            if typ is not None and (body is None or typ in ("warn", "threaten")) and i - sp.end > 2 and \
                    toks[sp.end].lower_ in {"hat", "haben", "hatte", "hatten"}:
                # "hat vor … gewarnt, sollten …", "hat den Abzug angekündigt": what precedes the verb
                # (unless content follows it: "hat dazu aufgerufen, … zu …", "hat bestätigt: „…“")
                body, seg_end = sp.end + 1, sent.end
            if body is None or body >= seg_end:
                # "bestätigte die Aussage nicht", "lehnte den Plan ab": a speech act, no content; a text
                # cut off after "sagte …, dass" has none either
                continue
            cue_i, cue_t = (pending[0], pending[1]) if pending else (i, typ)
            made |= self._add_indirect(sp, toks[body].idx, toks[seg_end - 1].idx + len(toks[seg_end - 1].text), cue_i,
                                       cue_t, "indirect_verb", self._context_targets(sent))
            pending = None
        return made

    def _has_cue(self, sent: Span) -> bool:
        """Is any token of the sentence one `_may_cue` accepts? Answered from the document's cue
        tokens, found once for all its tokens (a test per token of every sentence cost more than the
        subject searches it spares)."""
        cues = self._cue_tokens
        if cues is None:
            cues = self._cue_tokens = self._find_cue_tokens()
        k = bisect_left(cues, sent.start)
        return k < len(cues) and cues[k] < sent.end

    def _find_cue_tokens(self) -> list[int]:
        """The indices of the tokens `_may_cue` accepts, in order: cue words and speech-verb forms
        from the document's word index, a lemma only for a verb or auxiliary."""
        doc = self.doc
        forms = _cue_forms()
        out = self.words_in(forms, 0, len(doc))
        if isinstance(doc, DocView):
            lowers, lemmas, verbal = doc.lowers, doc.lemmas, positions(doc.pos_ids, VERBAL_POS_IDS)
        else:
            lowers, lemmas = [t.lower_ for t in doc], [t.lemma_ for t in doc]
            verbal = [t.i for t in doc if t.pos_ in ("VERB", "AUX")]
        heads = self.lemma_heads
        more = [i for i in verbal if lemmas[i].lower() in heads and lowers[i] not in forms]
        return sorted(out + more) if more else out

    def _may_cue(self, t) -> bool:
        """Could token t be one of the cues `_reported` looks for (a speech verb or a speech,
        content or opinion word)? A cheap look at its form and lemma, no context."""
        low = t.lower_
        return low in CUE_WORDS or low in self.verbs or (
            t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.lemma_heads)

    def _nominal(self, sent: Span) -> bool:
        """"Das Eingeständnis der Ministerin X, ihre Entscheidung sei falsch gewesen, führte zu …": a
        speech noun with its speaker in the genitive and its content in the clause after the comma."""
        doc = self.doc
        if not self.words_in(NOMINAL_WORDS, sent.start, sent.end) or \
                not NOMINAL_RE.search(doc_text(doc), sent.start_char, sent.end_char):
            return False  # (most sentences name none: a look at the text is cheaper than at every token)
        for t in sent:
            if not (t.text[:1].isupper() and t.lower_ in NOMINAL_NOUNS and t.i + 2 < sent.end
                    and doc[t.i + 1].lower_ in ("des", "der")):
                continue
            sp = self.speaker_at(t.i + 2, sent.end)
            if sp is None or sp.end >= sent.end or doc[sp.end].text != ",":
                continue
            body = self._content_start(sp.end - 1, sent.end)
            if body is None or doc[body - 1].text not in (",", "dass", "ob"):
                continue
            return self._add_indirect(sp, *self.inserted_content(body, sent), t.i, SPEECH_NOUNS.get(t.lower_),
                                      "reported_noun")
        return False

    def _noun_content(self, i: int, end: int) -> int | None:
        """The content a speech noun introduces after its comma ("den Befehl, … zu helfen", "die
        Vorgabe, dass …"), when nobody else's it is ("den Vorschlag des Ministers", "die Forderungen
        von X") and the clause does not reject it ("lehnte … ab")."""
        doc = self.doc
        if i + 2 >= end or doc[i + 1].lower_ in SOURCE_LINKS:
            return None
        verb = next((k for k in range(i + 1, end) if doc[k].text in CLAUSE_MARKS), end)
        if verb < end and doc[verb].text == "," and any(
                (self.speech_verb(k, end) or (None, None))[1] == "deny" for k in range(i + 1, verb)):
            return None
        j = i + 1
        while j < end and j - i < 4 and doc[j].text not in CLAUSE_MARKS:
            j += 1  # a verb or particle may close the clause first ("die Vorgabe gemacht, dass …")
        if j >= end or doc[j].text != "," or j + 1 >= end:
            return None
        if doc[j + 1].lower_ in CONTENT_OPENERS:
            return j + 2
        if any(self._zu_infinitive(k) for k in range(j + 1, end)):
            return j + 1
        return None

    def _segment_end(self, i: int, nxt: int, end: int) -> int:
        doc = self.doc
        j = nxt
        # stop before "und <next cue>"
        if j < end and j - 1 > i and doc[j - 1].lower_ == "und":
            j -= 1
        # ", denn …" gives the reporter's reason in a clause of its own
        j = next((k for k in range(i + 2, j) if doc[k].lower_ == "denn" and doc[k - 1].text == ","), j)
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
            if self.is_finite_verb(j) and doc[j].lower_ not in PARTICLES and not self._zu_infinitive(j) and \
                    doc[j - 1].lower_ != "zu" and not (
                    "Past" in doc[j].morph.get("Tense") and not doc[j].morph.get("Mood") and j + 1 < end
                    and doc[j + 1].text == ","):
                return None  # another clause (not the participle of "hatte den Standpunkt vertreten, …")
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
        if j < end and doc[j].lower_ in CONDITIONALS:
            return None  # "hat sein Veto angekündigt, falls …": a condition, not what was said
        if j + 1 < end and (doc[j].lower_ in RELATIVE_STARTS or doc[j].pos_ == "ADP" and doc[j + 1].lower_ in
                            RELATIVE_PRONOUNS and doc[j + 1].pos_ == "PRON"):
            return None  # "forderte das Verbot nach einer Erklärung, in der …": a relative clause
        if j < end and doc[j].pos_ == "PRON" and "Rel" in doc[j].morph.get("PronType") and \
                any(doc[k].pos_ == "NOUN" for k in range(i + 1, j - 1)):
            return None  # "kündigte einen Vorschlag an, der … untergraben werde": about the object, not what was said
        clause = doc[j:end]
        if any(self.is_subjunctive(t) or self.is_konjunktiv1(t) for t in clause) or any(
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
        if not any(self.is_konjunktiv1(t) for t in sent) or (
                self._own_speech_verb(sent, sent.start - 2) and self.subject(sent, sent.end) is not None):
            return False  # (a sentence with a speech verb and a speaker of its own names another speaker)
        m = last.speaker_mention
        sp = Speaker(last.speaker_id, (m.start, m.end), 0, last.role, last.affiliation_id)
        made = self._add_indirect(sp, sent.start_char, sent.end_char, None, None, "indirect_inherit", last.target_ids)
        if made:
            self.guessed.append(self.statements[-1])
        return made

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
