"""Indirect and reported speech: "laut X", "X zufolge", "nach Angaben von X", "wie X mitteilte",
"X sagte, (dass) …", "…, so X", reported speech acts ("X forderte, … zu …"), speech nouns
("X äußerte Bedenken") and Konjunktiv-I sentences that continue a statement."""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract import lexicon
from kg.extract.doctext import doc_text
from kg.extract.quotes import find_quotes, names_something
from kg.extract.attribution import (APPOSITION_OPENERS, AUXILIARIES, CLAUSE_MARKS, OPINION_ADJECTIVES, OPINION_NOUNS,
                                    CONTENT_NOUNS, RELATIVES as RELATIVE_PRONOUNS, SPEECH_NOUNS)
from kg.extract.speakers import DETERMINERS, OBLIQUE_ARTICLES, Speaker

SOURCE_PREPS = {"laut", "gemäß"}
SOURCE_LINKS = {"von", "vom", "des", "der", "eines", "einer", "aus"}
CONTENT_OPENERS = {"dass", "ob"}
CONDITIONALS = {"falls", "wenn", "sofern", "soweit"}
RELATIVE_STARTS = {"welche", "welcher", "welches", "wo", "was", "dessen", "deren"}
PARTICLES = {"an", "hinzu", "mit", "zurück", "ein", "klar", "auf", "fest", "bekannt", "vor", "aus"}
NEGATIONS = {"nicht", "nie", "kein", "keine"}
# "Dies gab X bekannt.": pronouns that make a sentence the source of the one before it
ANNOUNCING_PRONOUNS = {"dies", "das", "dieses"}


class IndirectSpeech:
    """Mixed into the statement finder: needs speaker_at, subject, speech_verb, add."""

    def indirect(self, sent: Span) -> None:
        for part in self._real_sentences(sent):
            self._indirect_sentence(part)

    def _real_sentences(self, sent: Span) -> list[Span]:
        """The sentence cut at full stops the sentence splitter missed ("… nur 5.000. Mexikos
        Innenminister gestand ein, …"), quotations left whole."""
        doc = self.doc
        cuts = [k for k in range(sent.start + 2, sent.end - 1) if (doc[k - 1].text in (".", "!", "?") or re.fullmatch(
                r"\d{1,3}(\.\d{3})+\.|\d{3,}\.", doc[k - 1].text)) and doc[k].text[:1].isupper() and doc[k].is_alpha
                and not self.in_quote(k)]  # ("nur 5.000. Mexikos …"; "am 3. Oktober" is a date)
        bounds = [sent.start, *cuts, sent.end]
        return [doc[a:b] for a, b in zip(bounds, bounds[1:])]

    def _indirect_sentence(self, sent: Span) -> None:
        if self._mostly_quoted(sent.start_char, sent.end_char):
            return
        if self._announced_after(sent) or self._according_to_it(sent):
            return
        found = self.source_frame(sent)
        if found is not None and self._own_speech_verb(sent, found[1]) and (
                (own := self.subject(sent, sent.end)) is not None and not own[0].generic):
            found = None  # "Laut BBC sagte der Minister, dass …": the minister speaks
        if found is not None:
            sp, cue_i, (qs, qe) = found
            self._add_indirect(sp, qs, qe, cue_i, "report", "indirect_source")
        elif not (self._after_clause(sent) or self._reported(sent) or self._subordinate_reported(sent)):
            self._continuation(sent)

    def _announced_after(self, sent: Span) -> bool:
        """"… Dies gab die Bahn am Montag bekannt." / "Das meldet die Zeitung X.": a short sentence
        that names the source of the sentence before it."""
        doc = self.doc
        i = sent.start
        while i < sent.end and doc[i].is_space:
            i += 1
        if i + 2 >= sent.end or doc[i].lower_ not in ANNOUNCING_PRONOUNS or not self.speech_verb(i + 1, sent.end) \
                or not self.is_finite_verb(i + 1) or self.is_konjunktiv1(doc[i + 1]):
            return False  # ("Dies begründe die Fluchtgefahr": reported itself, no source)
        sp = self._speaker_after_verb(i + 2, sent.end)
        if sp is None or not self._clause_ends(sp.end, sent.end) or not self._nominative(sp.end - 1):
            return False
        prev = [s for s in self.doc.sents if s.end <= sent.start][-1:]
        if not prev or "\n\n" in doc_text(doc)[prev[0].end_char:sent.start_char]:
            return False
        ps, pe = prev[0].start_char, prev[0].end_char
        before = [st for st in self.statements if st.quote_start < pe and ps < st.quote_end]
        if any(all(st is not g for g in self.guessed) for st in before):
            return False  # the sentence before has its own speaker
        for st in before:  # a speaker only inherited from further back: this attribution is nearer
            self.statements.remove(st)
            self.quoted = [q for q in self.quoted if not (q[0] < st.quote_end and st.quote_start < q[1])]
        verb = self.speech_verb(i + 1, sent.end)
        cue = (doc[i + 1].idx, doc[i + 1].idx + len(doc[i + 1].text))
        for qo, qc in find_quotes(doc_text(doc)):  # its quotations are the source's words
            if ps <= qo < pe and not names_something(doc, self.token_at_char(qo), self.token_at_char(qc)):
                self.add(sp, qo + 1, qc, True, cue, verb[1] if verb else None, self.conf["quote_next"])
                self.quoted.append((qo, qc + 1))
        if self._mostly_quoted(ps, pe):
            return True
        return self._add_indirect(sp, ps, pe, i + 1, verb[1] if verb else None, "indirect_after")

    def _according_to_it(self, sent: Span) -> bool:
        """"… teilten die Vereinten Nationen mit. Demnach hätten …": "demnach" opening a sentence
        points back to the statement just made; its speaker vouches for this sentence too."""
        doc = self.doc
        i = sent.start
        while i < sent.end and doc[i].is_space:
            i += 1
        if i + 2 >= sent.end or doc[i].lower_ not in ("demnach", "demzufolge") or not self.statements:
            return False
        last = self.statements[-1]
        gap = doc_text(doc)[last.quote_end:sent.start_char]
        if last.quote_end > sent.start_char or len(gap) > 80 or "\n\n" in gap:
            return False
        sp = Speaker(last.speaker_id, (doc[i].idx, doc[i].idx + len(doc[i].text)), i + 1, last.role, last.affiliation_id)
        return self._add_indirect(sp, doc[i + 1].idx, sent.end_char, i, None, "indirect_inherit", last.target_ids)

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
            if (low in SOURCE_PREPS and not self._norm_at(t.i + 1, sent.end, low == "gemäß")) or (
                    low == "nach" and t.i + 1 < sent.end and self._source_noun_at(t.i + 1, sent.end)):
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

    def _norm_at(self, i: int, end: int, strict: bool = False) -> bool:
        """"laut Verfassung", "laut dem Vertrag": a rule or text, not a source that speaks; with
        `strict` ("gemäß") anything but a source noun or a person, role or organisation."""
        doc = self.doc
        if strict and (self._source_noun_at(i, end) is not None or self.speaker_at(i, end) is not None):
            return False  # "gemäß einem Augenzeugen", "gemäß Berichten"
        while i < end and doc[i].lower_ in DETERMINERS:
            i += 1
        return strict or (i < end and doc[i].pos_ == "NOUN" and doc[i].lower_.endswith(lexicon.norm_nouns()))

    def _source_noun_at(self, i: int, end: int) -> int | None:
        """Index of a source noun ("Angaben", "Polizeiberichten") within the next few tokens."""
        doc = self.doc
        j = i
        while j < end and j - i < 4 and doc[j].is_alpha and (doc[j].lower_ in DETERMINERS or doc[j].text[:1].islower()
                                                              and doc[j].pos_ in ("ADJ", "ADV", "DET", "NUM")):
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
        j, inserted = sp.end, False
        start = j
        while j < sent.end and j - start < 16:
            if doc[j].text == "(":  # "wie die Mission (UNMISS) mitteilte"
                j = next((k for k in range(j + 1, min(sent.end, j + 8)) if doc[k].text == ")"), sent.end) + 1
                continue
            if doc[j].text == "," and not inserted and doc[j - 1].text != ",":
                # ", Name," / ", die Sprecherin," after the speaker or its attributes ("wie die
                # Mitarbeiterin seines Büros, Anna Thomas, mitteilte")
                if self.speech_verb(j + 1, sent.end):  # "wie der Direktor, Paul Meier, mitteilte"
                    j += 1
                    continue
                close = self._inserted_clause_end(j + 1, sent.end)
                if close is None or close + 1 >= sent.end:
                    return None
                j, inserted = close + 1, True
                continue
            if doc[j].text in CLAUSE_MARKS:
                return None
            if self.speech_verb(j, sent.end) and (j + 1 >= sent.end or doc[j + 1].text in CLAUSE_MARKS):
                k = j + 1  # (the verb closes the clause)
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
        before = cue_start - 1 if cue_start - 1 > sent.start and doc[cue_start - 1].lower_ != "so" else cue_start - 2
        if cue_start <= lead or (doc[cue_start].lower_ in SOURCE_PREPS | {"nach"} and before > lead and (
                doc[before].lower_ in ("und", "aber", "doch") or doc[before].text == ";")):
            # opening the sentence, or a clause of its own ("… und laut Medienberichten …", "…; nach
            # Angaben der Behörde …"): what follows up to the end of that clause
            k = cue_end
            while k < sent.end and (doc[k].text == "," or doc[k].is_space):
                k += 1
            return (doc[k].idx if k < sent.end else sent.end_char), self._clause_end_char(k, sent)
        closing = all(t.is_punct or t.is_space for t in doc[cue_end:sent.end])
        if closing or (cue_start > sent.start and doc[cue_start - 1].text == ","):
            return sent.start_char, doc[cue_start].idx
        return doc[lead].idx, sent.end_char

    def _own_speech_verb(self, sent: Span, cue_i: int) -> bool:
        """Does the sentence have a finite indicative speech verb of its own besides the source phrase?"""
        return any(t.morph.get("Mood") == ["Ind"] and self._separated_speech_verb(t.i, sent.end)
                   and abs(t.i - cue_i) > 1 and not self._in_wie_clause(t.i, sent)
                   for t in sent if t.pos_ in ("VERB", "AUX"))

    def _separated_speech_verb(self, i: int, end: int) -> bool:
        """A speech verb; a listed form of a separable one ("warf" for "vorwerfen") only with its
        particle at the end of the clause ("warf ihm … vor", not "warf das Handtuch")."""
        doc = self.doc
        if not self.speech_verb(i, end):
            return False
        listed = self.verbs.get(doc[i].lower_)
        lemma = doc[i].lemma_.lower()
        if listed is None or listed[0] == lemma or not listed[0].endswith(lemma):
            return True
        particle = listed[0][:-len(lemma)]
        j = i + 1
        while j < end and doc[j].text not in CLAUSE_MARKS:
            j += 1
        return doc[j - 1].lower_ == particle

    def _in_wie_clause(self, i: int, sent: Span) -> bool:
        doc = self.doc
        for k in range(i - 1, sent.start - 1, -1):
            if doc[k].text in CLAUSE_MARKS:
                return False
            if doc[k].lower_ == "wie":
                return True
        return False

    def _clause_end_char(self, k: int, sent: Span) -> int:
        """Where the clause from k ends: at a semicolon or at a comma that opens a subordinate
        clause ("…, bevor die Polizei …"), else with the sentence."""
        doc = self.doc
        for j in range(k + 1, sent.end - 1):
            if self.in_quote(j):
                continue
            if doc[j].text == ";" or (doc[j].text == "," and doc[j + 1].pos_ == "SCONJ"
                                      and doc[j + 1].lower_ not in CONTENT_OPENERS):
                return doc[j].idx
        return sent.end_char

    # -- "…, sagte X." / "…, so X." ---------------------------------------------------------------
    def _after_clause(self, sent: Span) -> bool:
        doc = self.doc
        for c in range(sent.end - 2, sent.start + 3, -1):
            if doc[c].text != ",":
                continue
            k = c + 1
            cue = k
            if doc[k].lower_ == "so":
                sp = self.speaker_at(k + 1, sent.end, generic=True)
            elif self.speech_verb(k, sent.end) and self.is_finite_verb(k):
                sp = self._speaker_after_verb(k + 1, sent.end)
            elif doc[k].lower_ in AUXILIARIES and self.is_finite_verb(k):  # "…, hatte X am Montag gesagt."
                sp = self._speaker_after_verb(k + 1, sent.end)
                cue = self._closing_participle(sp.end if sp is not None else sent.end, sent.end)
                if cue is None:
                    continue
            else:
                continue
            if sp is None or not self._nominative(sp.end - 1) or not (
                    self._clause_ends(sp.end, sent.end) or cue != k or
                    doc[k].lower_ == "so" and self._relative_after(sp.end, sent.end)):
                continue
            if sp.generic and doc[k].lower_ != "so" and not any(self.is_subjunctive(t) for t in doc[sent.start:c]) \
                    and not self._main_clause_first(sent.start, c):
                continue  # "X, die …, nennt das Ereignis …": a relative clause, not reported speech
            verb = self.speech_verb(cue, sent.end)
            return self._add_indirect(sp, sent.start_char, doc[c].idx, cue, verb[1] if verb else None, "indirect_verb")
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

    # -- "X sagte, …" and speech nouns ------------------------------------------------------------
    def _reported(self, sent: Span) -> bool:
        """"X sagte, dass …", "X warnte …", "X gab eine Warnung aus und versprach, … zu …"."""
        doc = self.doc
        found = self.subject(sent, sent.end)
        if found is None or self.passive(found[1], sent.end):
            return False
        sp, v = found
        cues = []  # (token index, type, kind)
        content = False  # past a verb cue and the comma or colon that opens its content
        subordinate = False  # in a relative or subordinate clause after the verb: its own subject speaks
        for t in doc[min(sp.end, v):sent.end]:
            low = t.lower_
            if cues and (cues[-1][2] == "verb" and t.text == "," or t.text == ":"):
                content = True  # (a colon opens the content of a noun cue too: "schloss sich der Kritik an: …")
            if t.text == "," and t.i > v:
                subordinate = self._subordinate_opener(t.i + 1, sent.end) is not None
            if any(x.lower_ in NEGATIONS for x in doc[max(sp.end, t.i - 3):t.i]):
                continue
            verb = self.speech_verb(t.i, sent.end) if t.i >= v else None
            if verb and subordinate and not content:
                content = True  # "…, der betonte, er gehöre …": not the main subject's statement
                continue
            if verb and content and (not self.is_finite_verb(t.i) or self.is_subjunctive(t)
                                     or doc[t.i - 1].lower_ not in ("und", "sowie", "aber", ",")):
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
                while k > sp.end and doc[k].pos_ in ("DET", "ADJ"):
                    k -= 1
                if doc[k].pos_ == "ADP":
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
                    made |= self._add_indirect(sp, doc[body].idx, doc[seg_end - 1].idx + len(doc[seg_end - 1].text), i,
                                               typ, "indirect_verb", self._sentence_targets(sent))
                    pending = None
                    continue
                colon = next((k for k in range(i + 1, seg_end) if doc[k].text == ":"), None)
                if colon is not None and any(self.is_subjunctive(t) for t in doc[colon + 1:sent.end]):
                    # "schloss sich der Kritik an: Die Mittel seien …": the content follows the colon
                    made |= self._add_indirect(sp, doc[colon + 1].idx, sent.end_char, i, typ, "indirect_verb",
                                               self._sentence_targets(sent))
                    pending = None
                    continue
                qs = self._phrase_start(i, sp.end)
                made |= self._add_indirect(sp, doc[qs].idx, doc[i].idx + len(doc[i].text), i, typ, "reported_noun",
                                           self._sentence_targets(sent))
                pending = None
                continue
            body = self._content_start(i, seg_end)
            if typ is not None and (body is None or typ in ("warn", "threaten")) and i - sp.end > 2 and \
                    doc[sp.end].lower_ in {"hat", "haben", "hatte", "hatten"}:
                # "hat vor … gewarnt, sollten …", "hat den Abzug angekündigt": what precedes the verb
                # (unless content follows it: "hat dazu aufgerufen, … zu …", "hat bestätigt: „…“")
                body, seg_end = sp.end + 1, sent.end
            if body is None:
                continue  # "bestätigte die Aussage nicht", "lehnte den Plan ab": a speech act, no content
            cue_i, cue_t = (pending[0], pending[1]) if pending else (i, typ)
            made |= self._add_indirect(sp, doc[body].idx, doc[seg_end - 1].idx + len(doc[seg_end - 1].text), cue_i,
                                       cue_t, "indirect_verb", self._context_targets(sent))
            pending = None
        return made

    # -- "…, der betonte, …" / "…, von dem die Polizei glaubt, …" / "Nachdem X mitgeteilt hatte, …" -------
    def _subordinate_opener(self, k: int, end: int) -> int | None:
        """Where the subject of a relative or subordinate clause opening at k stands: the relative
        pronoun itself ("der betonte"), after "von dem" / "bei dem", after a conjunction ("nachdem")."""
        doc = self.doc
        if k >= end:
            return None
        if doc[k].lower_ in RELATIVE_PRONOUNS and doc[k].pos_ == "PRON":
            return k
        if doc[k].pos_ == "ADP" and k + 2 < end and doc[k + 1].lower_ in RELATIVE_PRONOUNS | {"denen"} and (
                doc[k + 1].pos_ == "PRON" or doc[k + 2].pos_ in ("DET", "PRON")):  # ("von dem die Polizei")
            return k + 2
        if doc[k].pos_ == "SCONJ" and doc[k].lower_ not in CONTENT_OPENERS | {"wie"}:
            return k + 1
        return None

    def _subordinate_reported(self, sent: Span) -> bool:
        """A speech verb closing a relative or subordinate clause, its content after the comma."""
        doc = self.doc
        for c in range(sent.start, sent.end - 2):
            if not (c == sent.start or doc[c].text == ","):
                continue
            k = c + 1 if doc[c].text == "," else c
            subj = self._subordinate_opener(k, sent.end)
            if subj is None:
                continue
            close = next((j for j in range(subj, min(sent.end, subj + 20)) if doc[j].text in CLAUSE_MARKS), None)
            if close is None or doc[close].text != ",":
                continue
            last = close - 1
            if doc[last].lower_ in AUXILIARIES and last - 1 > subj:
                if doc[last].lemma_.lower() == "werden":
                    continue  # "in der ihr vorgeworfen wird, …": passive, the subject does not speak
                last -= 1  # "mitgeteilt hatte"
            verb = self.speech_verb(last, close)
            if verb is None:
                continue
            if subj == k and subj == c + 1:  # the relative pronoun speaks for the phrase before the comma
                sp = self._relative_speaker(subj)
            else:
                sp = self.speaker_at(subj, last, generic=True)
                if sp is not None and sp.generic and doc[subj].lower_ in OBLIQUE_ARTICLES:
                    sp = None  # ("nachdem den Bürgern mitgeteilt worden war"; "die" may be either case)
            body = self._content_start(close - 1, sent.end) if sp is not None else None
            if body is None or (doc[body].pos_ == "SCONJ" and doc[body - 1].text == ","):
                continue  # ("nachdem die Eltern gewarnt hatten, weil …": a reason, not the warning)
            # the main clause resumes after the content: "…, dass X gesucht werde, hatte dieser …"
            resume = next((j for j in range(body, sent.end - 1) if doc[j].text == "," and self.is_finite_verb(j + 1)
                           and doc[j + 1].pos_ in ("VERB", "AUX")), sent.end)
            seg = self._segment_end(close, resume, sent.end)
            return self._add_indirect(sp, doc[body].idx, doc[seg - 1].idx + len(doc[seg - 1].text), last,
                                      verb[1], "indirect_verb")
        return False

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
