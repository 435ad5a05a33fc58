"""Sources that vouch for a sentence: "laut X", "X zufolge", "nach Angaben von X", "wie X mitteilte",
a short sentence after it ("Dies gab X bekannt."), "Demnach …" pointing back to the statement before."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract import lexicon
from kg.extract.attribution import CLAUSE_MARKS, CONTENT_CLAUSES, LEAD_WORDS
from kg.extract.doctext import doc_text
from kg.extract.labels import phrase_label
from kg.extract.quotes import find_quotes, names_something
from kg.extract.speakers import DETERMINERS, Speaker

SOURCE_PREPS = {"laut", "gemäß"}
SOURCE_WORDS = frozenset(SOURCE_PREPS | {"nach", "zufolge", "wie"})  # the words source_frame looks at
SOURCE_LINKS = {"von", "vom", "des", "der", "eines", "einer", "aus"}
# "Dies gab X bekannt.": pronouns that make a sentence the source of the one before it
ANNOUNCING_PRONOUNS = {"dies", "das", "dieses"}
IMPERSONAL_LABEL = "ungenannte Quelle"  # the source of "hieß es" when the sentence names none
IMPERSONAL_VERBS = frozenset({"hieß", "heißt"})


class SourceFrames:
    """Mixed into the statement finder: needs speaker_at, speech_verb, subject, add, _add_indirect."""

    def _announced_after(self, sent: Span) -> bool:
        """"… Dies gab die Bahn am Montag bekannt." / "Das meldet die Zeitung X.": a short sentence
        that names the source of the sentence before it."""
        toks = self.toks
        doc = self.doc
        i = sent.start
        while i < sent.end and toks[i].is_space:
            i += 1
        if i + 2 >= sent.end or toks[i].lower_ not in ANNOUNCING_PRONOUNS or not self.speech_verb(i + 1, sent.end) \
                or not self.is_finite_verb(i + 1) or self.is_konjunktiv1(toks[i + 1]):
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
        cue = (toks[i + 1].idx, toks[i + 1].idx + len(toks[i + 1].text))
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
        toks = self.toks
        doc = self.doc
        i = sent.start
        while i < sent.end and toks[i].is_space:
            i += 1
        if i + 2 >= sent.end or toks[i].lower_ not in ("demnach", "demzufolge") or not self.statements:
            return False
        last = self.statements[-1]
        gap = doc_text(doc)[last.quote_end:sent.start_char]
        if last.quote_end > sent.start_char or len(gap) > 80 or "\n\n" in gap:
            return False
        sp = Speaker(last.speaker_id, (toks[i].idx, toks[i].idx + len(toks[i].text)), i + 1, last.role, last.affiliation_id)
        return self._add_indirect(sp, toks[i + 1].idx, sent.end_char, i, None, "indirect_inherit", last.target_ids)

    def impersonal_speaker(self, es: int) -> Speaker:
        """The speaker of "hieß es" with no source in its frame: an unnamed source of this article
        (not the speaker of the sentence before: "…, hieß es" is what was said, nobody in particular)."""
        doc = self.doc
        return self.group_speaker(doc[es].idx, doc[es].idx + len(doc[es].text), es + 1, IMPERSONAL_LABEL)

    def impersonal_cue(self, sent: Span) -> int | None:
        """The "hieß"/"heißt" of "hieß es" in the sentence, outside quotations."""
        doc = self.doc
        return next((k for k in self.words_in(IMPERSONAL_VERBS, sent.start, sent.end) if k + 1 < sent.end
                     and doc[k + 1].lower_ == "es" and not self.in_quote(k)), None)

    def _impersonal(self, sent: Span) -> bool:
        """"Die Gespräche seien gescheitert, hieß es." / "Später hieß es, …": the source the frame
        names ("hieß es in einer Erklärung des Ministeriums", "aus Regierungskreisen"), else an
        unnamed one; what was said is the clause before the comma or after it."""
        doc = self.doc
        v = self.impersonal_cue(sent)
        if v is None:
            return False
        sp = self._document_source(sent, v, sent.end) or self.impersonal_speaker(v + 1)
        if v - 1 > sent.start and doc[v - 1].text == ",":
            return self._add_indirect(sp, sent.start_char, doc[v - 1].idx, v, None, "indirect_impersonal")
        comma = next((k for k in range(v + 2, sent.end) if doc[k].text in (",", ":")), None)
        if comma is None:
            return False
        return self._add_indirect(sp, doc[comma].idx + 1, self._clause_end_char(comma + 1, sent), v, None,
                                  "indirect_impersonal")

    def source_frame(self, sent: Span) -> tuple[Speaker, int, tuple[int, int]] | None:
        """The source a sentence names and the part of the sentence it vouches for."""
        doc = self.doc
        toks = self.toks
        for k in self.words_in(SOURCE_WORDS, sent.start, sent.end):  # (none of the tests below holds for other words)
            t = toks[k]
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
        after = noun + 1
        if j > noun + 1:
            sp = self.speaker_at(j, end, generic=True)
            if sp is not None and not doc[sp.end - 1].lower_.endswith(lexicon.time_nouns()):
                return sp, sp.end
            after = sp.end if sp is not None else after  # "Nach Informationen vom späten Abend": a time, no source
        elif j + 1 < end and doc[j].text[:1].islower() and doc[j].pos_ in ("ADJ", "DET") and doc[j].lower_.endswith("er") and \
                doc[j + 1].text[:1].isupper() and doc[j + 1].pos_ in ("NOUN", "PROPN"):
            sp = self.speaker_at(j, end, generic=True)  # a genitive without article: "nach Meinung politischer Beobachter"
            if sp is not None:
                return sp, sp.end
        s, e = doc[i].idx, doc[noun].idx + len(doc[noun].text)
        if any(doc[k].lower_.startswith("eigen") for k in range(i, noun)):
            own = self._own_source(i - 1 if i > 0 and doc[i - 1].lower_ in SOURCE_PREPS | {"nach"} else i)
            if own is None:
                return None, after  # "nach eigenen Angaben" with no subject found: no statement
            # the clause's subject speaks; the phrase stays the mention (as "er" does for a pronoun)
            return Speaker(own.entity_id, (s, e), after, own.role, own.affiliation, own.generic, own.named), after
        owner = self._possessor(i, noun)
        if owner is not None:  # "nach ihren Informationen": the person the possessive refers to
            return self._known(owner, (s, e), after), after
        # "nach jüngsten Untersuchungen", "Medienberichten zufolge": nobody named; the statement keeps
        # the phrase as its mention, the unnamed source the noun in the nominative ("Medienberichte") as label
        return self.group_speaker(s, e, after, phrase_label(doc, noun, noun + 1)), after

    def _own_source(self, limit: int) -> Speaker | None:
        """"Kurt Beck hat eigenen Angaben zufolge …", "war die Gruppe nach eigener Aussage …": the
        subject before the source phrase (before or right after the clause's finite verb)."""
        doc = self.doc
        start = self.clause_start(doc[limit].sent, limit)
        start = next((k + 1 for k in range(limit - 1, start, -1) if doc[k].text == ","), start)  # its own clause
        while start < limit and (doc[start].is_space or doc[start].lower_ in LEAD_WORDS):
            start += 1
        sp = self.speaker_at(start, limit, generic=True)
        if sp is not None and self._verb_after(sp.end, limit + 1) is not None:
            return sp
        v = next((k for k in range(start, limit) if self.is_finite_verb(k) and doc[k].text[:1].islower()), None)
        sp = self.speaker_at(v + 1, limit, generic=True) if v is not None else None
        return sp if sp is not None and sp.end == limit and self._nominative(v + 1) else None

    def _possessor(self, i: int, noun: int) -> str | None:
        """The person a possessive before the source noun refers to ("nach ihren Informationen")."""
        doc = self.doc
        for k in range(i, noun):
            if doc[k].lower_.startswith(("sein", "ihr")) and doc[k].pos_ == "DET":
                eid = self.antecedent(doc[k].idx)
                return eid if eid is not None and eid in self.ents.entities else None
        return None

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
                nxt = j + 1
                while nxt < sent.end and doc[nxt].is_space:
                    nxt += 1
                if self.speech_verb(nxt, sent.end):  # "wie der Direktor, Paul Meier, mitteilte"
                    j = nxt
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
                                      and doc[j + 1].lower_ not in CONTENT_CLAUSES):
                return doc[j].idx
        return sent.end_char
