"""Who speaks: speech verbs, Konjunktiv, and the subject of a sentence or clause as the speaker of
what it reports (speaker phrases themselves are in kg.extract.speakers)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract import lexicon
from kg.extract.doctext import doc_text
from kg.extract.entities import PRONOUNS, DocEntities
from kg.extract.quotes import find_quotes, names_something
from kg.extract.speakers import DETERMINERS, OBLIQUE_ARTICLES, Speaker, SpeakerPhrases

AUXILIARIES = {"hat", "hatte", "haben", "hatten", "habe", "wird", "wurde", "werden", "würde", "soll", "sollte", "ließ"}
CLAUSE_MARKS = {",", ".", ";", ":", "„", "“", "»", "«", "!", "?", "(", ")", "–", '"'}
# what may open a sentence whose subject follows the verb ("Unterdessen sagte X", "In der Erklärung
# heißt es", "1900 bekam er", "Den Plan kritisierte X")
INVERSION_OPENERS = {"ADV", "ADP", "SCONJ", "NUM", "PART", "ADJ"}
# "Als Grund gab X an": "als" before a noun phrase is CCONJ under the current UD conventions (older
# taggers: ADP) and opens the sentence like a preposition
COMPARISON_OPENERS = {"als"}
RELATIVES = {"der", "die", "das", "den", "dem", "welche", "welcher", "dessen", "deren"}
CONTENT_CLAUSES = {"dass", "ob"}
QUOTE_MARKS = {"„", "“", "»", "«", '"'}
MARKS_BUT_PARENTHESES = CLAUSE_MARKS - {"(", ")"}
SENTENCE_ENDS = {".", "!", "?", ":"}  # (a colon only after a heading)
SENTENCE_END_TOKENS = frozenset(SENTENCE_ENDS)
# speech acts named by a noun ("X äußerte Bedenken", "erteilte den Befehl, … zu …") and the type they imply
SPEECH_NOUNS = {"warnung": "warn", "bedenken": "concern", "sorge": "concern", "besorgnis": "concern",
                "forderung": "demand", "kritik": "accuse", "drohung": "threaten", "zusage": "pledge_support",
                "versprechen": "pledge_support", "dementi": "deny"}
# speech acts named by a noun that count only with their content ("erteilte den Befehl, … zu …")
CONTENT_NOUNS = {"befehl": "demand", "vorgabe": "demand", "vorschlag": "demand", "appell": "demand",
                 "aufforderung": "demand", "empfehlung": "demand", "warnung": "warn", "forderung": "demand"}
# "X vertritt die Ansicht / ist der Meinung, (dass) …"
OPINION_NOUNS = {"ansicht", "auffassung", "meinung", "standpunkt", "überzeugung", "einschätzung"}
# "X ist zuversichtlich, … zu …" / "zeigte sich überzeugt, dass …"
OPINION_ADJECTIVES = {"zuversichtlich", "überzeugt", "optimistisch", "pessimistisch", "skeptisch"}
# words opening an apposition after a name (", ein Vertreter der …,", ", seines Zeichens Direktor …,")
APPOSITION_OPENERS = {"ein", "eine", "einer", "seines", "ihres", "seit", "selbst", "damals", "früher",
                      "zuvor", "bis", "heute", "inzwischen"}
# words before the subject that do not change who speaks ("Doch der Minister sagte …")
RELATIVES_OR_APPOSITIONS = RELATIVES | APPOSITION_OPENERS
LEAD_WORDS = {"doch", "auch", "zudem", "dabei", "und", "aber", "so", "nun", "jedoch", "allerdings", "indes",
              "außerdem", "ferner", "später", "zuvor", "danach", "dann", "gleichzeitig", "unterdessen"}


class Attribution(SpeakerPhrases):
    """Speech verbs and subjects of one document."""

    def __init__(self, doc: Doc, ents: DocEntities):
        super().__init__(doc, ents)
        self.lemmas = lexicon.speech_lemmas()
        self.lemma_heads = lexicon.speech_lemma_heads()
        self._quote_tokens: set[int] | None = None
        self._finite: dict[int, bool] = {}  # token index -> is_finite_verb: every scan of a clause asks again

    # -- speech verbs ---------------------------------------------------------------------------
    def speech_verb(self, i: int, end: int | None = None) -> tuple[str, str | None] | None:
        """(lemma, implied type) when token i is a speech verb: a listed form, or a listed lemma;
        a separable one needs its particle at the end of the clause ("teilte … mit")."""
        doc = self.doc
        toks = self.toks
        tok = toks[i]
        if tok.lower_ in self.verbs:
            return self.verbs[tok.lower_]
        if not self.tagged or tok.pos_ not in ("VERB", "AUX"):
            return None
        lemma = tok.lemma_.lower()
        if lemma not in self.lemma_heads:
            return None  # (most verbs: no need to look for a particle at the end of the clause)
        if (lemma, None) in self.lemmas:
            return lemma, self.lemmas[(lemma, None)]
        if i > 0 and (lemma, toks[i - 1].lower_) in self.lemmas:  # verb-final: "wie X heute bekannt gab"
            return toks[i - 1].lower_ + lemma, self.lemmas[(lemma, toks[i - 1].lower_)]
        end = len(doc) if end is None else end
        j = i + 1
        while j < end and j - i < 25 and toks[j].text not in CLAUSE_MARKS:
            part = toks[j].lower_
            if (lemma, part) in self.lemmas and (j + 1 >= end or toks[j + 1].text in CLAUSE_MARKS):
                return part + lemma, self.lemmas[(lemma, part)]
            j += 1
        return None

    def is_subjunctive(self, tok) -> bool:
        """Konjunktiv I (and "hätte"/"würde"-style II) forms that mark reported speech."""
        return tok.lower_ in lexicon.subjunctive_forms() or (
            "Sub" in tok.morph.get("Mood") and tok.pos_ in ("VERB", "AUX"))

    def is_konjunktiv1(self, tok) -> bool:
        """Konjunktiv I only ("sei", "habe", "werde"): the mark of reported speech; Konjunktiv II
        ("könnte", "würde") is as common in the reporter's own conditionals."""
        if tok.lower_ in ("hätte", "hätten"):
            return False
        lemma = tok.lemma_.lower()
        if (tok.pos_ in ("VERB", "AUX") and lemma.endswith("en") and tok.lower_ == lemma[:-2] + "e"
                and not any(0 <= k < len(self.doc) and self.doc[k].lower_ == "ich" for k in (tok.i - 1, tok.i + 1))):
            return True  # third person "koste", "gehe" (the same form after "ich" is indicative)
        return tok.lower_ in lexicon.subjunctive_forms() or (
            "Sub" in tok.morph.get("Mood") and "Pres" in tok.morph.get("Tense") and tok.pos_ in ("VERB", "AUX"))

    def is_finite_verb(self, i: int) -> bool:
        known = self._finite.get(i)
        if known is None:
            known = self._finite[i] = self._is_finite_verb(i)
        return known

    def _is_finite_verb(self, i: int) -> bool:
        toks = self.toks
        tok = toks[i]
        if not self.tagged:
            return tok.lower_ in self.verbs
        if tok.lower_ in self.verbs and tok.text[:1].islower():
            return True  # listed forms ("meinen", "sagen" after a plural subject) whatever the tagger says
        form = tok.morph.get("VerbForm")
        return tok.pos_ in ("VERB", "AUX") and (not form or "Fin" in form)

    def speaks(self, v: int, end: int) -> int | None:
        """The speech verb of the clause whose finite verb is v: v itself, or the participle or
        infinitive an auxiliary or modal governs ("hat … erklärt", "habe darin geschrieben",
        "wird … zitiert")."""
        if self.speech_verb(v, end):
            return v
        doc = self.doc
        if doc[v].pos_ != "AUX" and doc[v].lower_ not in AUXILIARIES:
            return None
        j = self._governed_speech_verb(v, end)
        return None if j is None or self.passive(v, end) else j

    def _governed_speech_verb(self, v: int, end: int) -> int | None:
        toks = self.toks
        j = v + 1
        while j < end and j - v < 15 and toks[j].text not in CLAUSE_MARKS and toks[j].pos_ != "CCONJ":
            if toks[j].pos_ in ("VERB", "AUX") and self.speech_verb(j, end):  # (the tagger often gives no VerbForm)
                return j
            j += 1
        return None

    def passive(self, v: int, end: int) -> bool:
        """"wurde vorgeworfen", "wird gefordert": the subject of a passive speech verb does not speak
        ("wird … mit den Worten zitiert" is the exception: the quoted person is the subject)."""
        doc = self.doc
        if doc[v].lemma_.lower() != "werden":
            return False
        j = self._governed_speech_verb(v, end)
        return j is not None and doc[j].lower_ != doc[j].lemma_.lower() and doc[j].lemma_.lower() != "zitieren"

    # -- subjects -------------------------------------------------------------------------------
    def clause_start(self, sent: Span, limit: int) -> int:
        """Where the sentence that `limit` is in really starts: after a full stop the sentence
        splitter missed or a heading ("Europapolitik: Die Partei will …"), quotations skipped."""
        toks = self.toks
        start = sent.start
        # (the tokens after a full stop or colon, from the document's index: most sentences have none before their last token)
        for k in self.words_in(SENTENCE_END_TOKENS, sent.start, limit - 1):
            text = toks[k + 1].text
            if not text[:1].isupper() or text in QUOTE_MARKS or self.in_quote(k + 1):
                continue
            # a colon ends a heading only after a verbless phrase (no finite verb since `start`)
            if toks[k].text != ":" or not any(self.is_finite_verb(m) for m in range(start, k + 1)):
                start = k + 1
        return start

    def in_quote(self, k: int) -> bool:
        """Is token k inside a pair of quotation marks?"""
        if self._quote_tokens is None:
            self._quote_tokens = set()
            for qo, qc in find_quotes(doc_text(self.doc)):
                span = self.doc.char_span(qo, qc + 1, alignment_mode="expand")
                if span is not None:
                    self._quote_tokens.update(range(span.start + 1, span.end - 1))
        return k in self._quote_tokens

    def clause_subject(self, sent: Span, limit: int) -> tuple[Speaker, int] | None:
        """The speaker of the nearest clause before `limit` that has a speech verb, when the
        sentence's subject is not it: "Auf die Frage, …, entgegnete X: „…“", "X schlug …, indem
        sie … aufforderte: „…“", "Den Versuch, …, bezeichnete er als „…“"."""
        doc = self.doc
        for k in range(limit - 1, sent.start, -1):
            if doc[k - 1].text != "," or self.in_quote(k):
                continue
            if doc[k].lower_ in CONTENT_CLAUSES:
                continue  # "sagte, dass die Lage „ernst“ sei": content, its subject does not speak
            if doc[k].pos_ == "SCONJ" or (doc[k].pos_ == "PRON" and doc[k].lower_ in RELATIVES | {"was"}):
                found = self._subordinate_subject(k, limit)
            else:
                found = self.subject(doc[k:sent.end], limit)
                if found is not None and self.speaks(found[1], sent.end) is None:
                    found = None
            if found is not None:
                return found
        return None

    def _subordinate_subject(self, k: int, limit: int) -> tuple[Speaker, int] | None:
        """"indem sie den Rat zum Handeln aufforderte", "was er auf die „…“ zurückführt": the subject
        after the conjunction or relative pronoun, with the verb at the end of the clause (a plain
        noun phrase needs a speech verb)."""
        doc = self.doc
        sp = self.speaker_at(k + 1, limit, generic=True)
        if sp is None or (sp.group and not self._nominative(k + 1)):
            return None
        j = sp.end
        while j < len(doc) and j - sp.end < 25 and (doc[j].text not in CLAUSE_MARKS or self.in_quote(j) or
                                                     doc[j].text in QUOTE_MARKS):
            j += 1
        v = next((m for m in range(j - 1, sp.end - 1, -1) if self.speech_verb(m, j)), None)
        if v is None and not sp.group and j > limit:  # the quotation stands inside the clause
            v = next((m for m in range(j - 1, sp.end - 1, -1) if self.is_finite_verb(m)), None)
        return (sp, v) if v is not None else None

    def subject(self, sent: Span, limit: int) -> tuple[Speaker, int] | None:
        """The speaker a sentence reports on, with the index of its verb: the subject before the
        finite verb ("Der Minister sagte …", "Er bezeichnete …") or right after it when something
        else comes first ("Unterdessen verteidigte der Minister …", "In der Erklärung heißt es …").
        Phrases that name no known kind of speaker need a speech verb."""
        return self._subject(sent, limit, True)

    def register_subject(self, sent: Span, limit: int) -> None:
        """The subject search of a sentence in which no token can be a speech cue (`_may_cue`), for
        what its speaker phrases register only: the names, roles, mentions and the last person that
        later sentences resolve pronouns and short names with. Its answer would be dropped, so what
        can only change the answer is skipped: the speech-verb and opinion tests (none can succeed
        here) and the verb after a plain noun phrase, which needs one of them to speak."""
        self._subject(sent, limit, False)

    def _subject(self, sent: Span, limit: int, cues: bool) -> tuple[Speaker, int] | None:
        toks = self.toks
        i = self.clause_start(sent, limit)
        while i < limit and (toks[i].is_space or toks[i].lower_ in LEAD_WORDS or toks[i].text in {"-", "–"}):
            i += 1
        if i >= limit:
            return None
        sp = self.speaker_at(i, limit, generic=True) if toks[i].lower_ not in OBLIQUE_ARTICLES else None
        if sp is not None and (not sp.group or self._nominative(i)) and (  # ("Den IWF forderte er auf": an object)
                cues or not sp.group or sp.named):  # (without a cue a plain noun phrase is no subject)
            v = self._verb_after(sp.end, limit)
            if cues and v is not None and sp.group and self.speaks(v, sent.end) is None:
                v = self._coordinated_speech(v, limit) or v  # "Demonstranten zogen … und skandierten „…“"
            if v is not None and (not sp.group or sp.named or cues and (
                    self.speaks(v, sent.end) is not None or self._holds_opinion(v, sent.end))):
                after = self.speaker_at(v + 1, limit) if sp.group else None
                if not cues:
                    return None  # (registered: the answer is not asked for)
                if after is not None and self.ents.entities.get(after.entity_id, None) is not None and \
                        after.entity_id.startswith("person/") and toks[v + 1].lower_ not in PRONOUNS:
                    return after, v  # "Der Zeitung sagte Anna Roth: …": the person after the verb speaks
                return sp, v
        v = next((k for k in range(i, limit) if toks[k].text[:1].islower() and self.is_finite_verb(k)), None)
        if v is None or any(toks[k].text in MARKS_BUT_PARENTHESES for k in range(i, v)):
            return None
        if i < v and toks[i].pos_ not in INVERSION_OPENERS and toks[i].lower_ not in COMPARISON_OPENERS \
                and self._nominative(i):
            return None  # the first phrase is the subject itself ("Diese Allianz hat Alarm ausgelöst")
        if toks[v].lemma_.lower() == "heißen" or toks[v].lower_ in ("hieß", "heißt"):
            source = self._document_source(sent, v, limit)
            return (source, v) if source is not None else None
        if toks[v].lower_.startswith("verlautet") and toks[i].lower_ == "aus":  # "Aus Militärkreisen verlautete, …"
            source = self.speaker_at(i + 1, v, generic=True)
            return (source, v) if source is not None else None
        if toks[v].lower_ in ("steht", "stand") and toks[i].lower_ == "darin":  # "Darin steht: „…“"
            source = self._document_before(sent)
            return (source, v) if source is not None else None
        j = v + 1
        while j < limit and j - v <= 3 and (toks[j].pos_ in ("ADV", "PART") or toks[j].lower_ == "sich") and \
                toks[j].lower_ not in PRONOUNS:
            j += 1  # "äußerte sich gestern der Minister"
        sp = self.speaker_at(j, limit, generic=True)
        if not cues:
            return None  # (registered)
        if sp is not None and sp.group and self.speaks(v, sent.end) is None:
            v = self._coordinated_speech(v, limit) or v
        if sp is not None and (not sp.group or self.speaks(v, sent.end) is not None) and self._nominative(j):
            return sp, v
        return None

    def _coordinated_speech(self, v: int, limit: int) -> int | None:
        """A finite speech verb joined by "und" to the verb at v, with no new subject between
        ("zogen vor das Rathaus und skandierten …")."""
        toks = self.toks
        for k in range(v + 1, min(limit, v + 15)):
            if toks[k].text in CLAUSE_MARKS:
                return None
            if toks[k].lower_ == "und" and k + 1 < limit and self.is_finite_verb(k + 1) and \
                    self.speech_verb(k + 1, limit) and not self.is_subjunctive(toks[k + 1]):
                return k + 1
        return None

    def _holds_opinion(self, v: int, end: int) -> bool:
        """"hatte den Standpunkt vertreten, …", "ist zuversichtlich, …": an opinion word in the verb's
        clause, right before the comma that opens its content."""
        doc = self.doc
        for j in range(v + 1, min(end, v + 8)):
            if doc[j].text in CLAUSE_MARKS:
                if doc[j].text != ",":
                    return False
                content = j + 1 < end and (doc[j + 1].lower_ == "dass" or any(
                    doc[k].lower_ == "zu" or "zu" in doc[k].lower_[2:-2] for k in range(j + 1, min(end, j + 15))))
                return any((doc[k].lower_ in OPINION_NOUNS and doc[k].text[:1].isupper())
                           or doc[k].lower_ in OPINION_ADJECTIVES
                           or (content and doc[k].lower_ in CONTENT_NOUNS and doc[k].text[:1].isupper())
                           for k in range(v + 1, j))
        return False

    def _document_before(self, sent: Span) -> Speaker | None:
        """The document the sentence before names ("gab eine Stellungnahme ab"), which "darin" refers to."""
        doc = self.doc
        prev = [s for s in doc.sents if s.end <= sent.start][-1:]
        for j in range(prev[0].end - 1, prev[0].start - 1, -1) if prev else ():
            if doc[j].pos_ == "NOUN" and doc[j].lower_.endswith(lexicon.document_nouns()):
                k = j
                while k > prev[0].start and (doc[k - 1].lower_ in DETERMINERS or doc[k - 1].pos_ == "ADJ"):
                    k -= 1
                return self.group_speaker(doc[k].idx, doc[j].idx + len(doc[j].text), j + 1)
        return None

    def passive_agent(self, start: int, limit: int, end: int) -> tuple[Speaker, int] | None:
        """"Der Plan wurde von der Ministerin als „…“ bezeichnet": the agent after "von" (before
        `limit`) in a passive speech clause (ending before `end`), with its speech verb."""
        doc = self.doc
        for v in range(start, limit):
            if doc[v].lemma_.lower() != "werden":
                continue
            # the participle closing the clause, past the quotation ("als „…“ bezeichnet")
            part = next((j for j in range(v + 1, min(end, v + 20)) if doc[j].text in {",", ".", ";", ":", "!", "?"}
                         and not self.in_quote(j)), end) - 1
            if part <= limit or not self.speech_verb(part, end) or doc[part].lower_ == doc[part].lemma_.lower():
                continue
            for k in range(v + 1, min(limit, v + 6)):
                if doc[k].text in CLAUSE_MARKS:
                    break
                if doc[k].lower_ == "von":
                    sp = self.speaker_at(k + 1, limit, generic=True)
                    if sp is not None and not (sp.group and doc[k + 1].lower_ not in DETERMINERS):
                        return sp, part
        return None

    def passive_source(self, start: int, limit: int, end: int) -> tuple[Speaker, int] | None:
        """"In den Medien war der Auftrag als „…“ bezeichnet worden": a passive speech clause (past the
        quotation at `limit`) opened by "in" and a document or the media (document_nouns.tsv)."""
        doc = self.doc
        i = start
        while i < limit and (doc[i].is_space or doc[i].lower_ in LEAD_WORDS):
            i += 1
        if i + 2 >= limit or doc[i].lower_ not in ("in", "im"):
            return None
        j = i + 1
        while j < limit and j - i <= 3 and (doc[j].lower_ in DETERMINERS or (
                doc[j].pos_ == "ADJ" and doc[j].text[:1].islower())):
            j += 1
        if j >= limit or doc[j].pos_ != "NOUN" or not doc[j].lower_.endswith(lexicon.document_nouns()):
            return None
        stop = next((k for k in range(limit, min(end, limit + 20)) if doc[k].text in SENTENCE_ENDS | {",", ";"}
                     and not self.in_quote(k)), end)
        part = stop - 1
        while part > limit and doc[part].lower_ in ("worden", "werden", "wurde", "wird"):
            part -= 1
        if part <= limit or not self.speech_verb(part, end) or doc[part].lower_ == doc[part].lemma_.lower() or \
                not any(doc[k].lemma_.lower() == "werden" or doc[k].lower_ == "worden" for k in range(j + 1, stop)):
            return None
        aff, _after = self._genitive(j + 1, limit)
        if aff is not None:  # "in einer Erklärung der Regierung"
            s, e = next((r[0], r[1]) for r in self.ents.refs if r[2] == aff and r[0] >= doc[j].idx)
            return Speaker(aff, (s, e), self._token_after_char(e, j)), part
        s = j
        while s > i + 1 and doc[s - 1].pos_ == "ADJ":
            s -= 1
        return self.group_speaker(doc[s].idx, doc[j].idx + len(doc[j].text), j + 1), part

    def _nominative(self, i: int) -> bool:
        """False when the tagger marks the article or pronoun at i as an object ("schlug dem
        Bundestag vor"); the case it gives a bare noun or an adjective without article is too
        often wrong to count ("vermelden chinesische Medien")."""
        tok = self.doc[i]
        case = tok.morph.get("Case")
        return tok.pos_ in ("NOUN", "PROPN", "ADJ") or not case or "Nom" in case

    def _verb_after(self, i: int, limit: int) -> int | None:
        """The finite verb after a subject, past "(SPD)", an apposition or relative clause set off by
        commas, and a short attribute ("Sascha Kempf vom Institut für Physik erläutert …")."""
        toks = self.toks
        i = self._skip_parenthesis(i, limit)
        if i < limit and toks[i - 1].text == "," and (toks[i].lower_ in RELATIVES_OR_APPOSITIONS or (
                toks[i].pos_ == "NOUN" and toks[i].text[:1].isupper())):
            k = self._inserted_clause_end(i, limit)
            if k is None:
                return None
            i = k + 1
        k, inserted = i, False
        while k < limit and k - i < 12 and not self.is_finite_verb(k):
            if k > i and toks[k].text == "(":  # "von der Umweltbehörde (NEMA) sagte"
                close = next((j for j in range(k + 1, min(limit, k + 10)) if toks[j].text == ")"), None)
                if close is not None:
                    k = close + 1
                    continue
            if k > i and not inserted and toks[k].text == "," and k + 1 < limit and \
                    toks[k + 1].lower_ in RELATIVES_OR_APPOSITIONS:  # "X von der Warte, die …, sagte"
                close = self._inserted_clause_end(k + 1, limit)
                if close is not None:
                    k, inserted = close + 1, True
                    continue
            # after the subject only an attribute ("vom Institut"), a second name ("und Willy
            # Bogner") or the rest of a name the tagger cut short may come before the verb
            if toks[k].text in CLAUSE_MARKS or (k == i and toks[k].pos_ not in ("ADP", "CCONJ", "PROPN")) or (
                    k > i and toks[k].pos_ == "DET" and toks[k].text[:1].isupper()):
                return None  # (a capitalised article starts a new sentence after a heading)
            k += 1
        return k if k < limit and self.is_finite_verb(k) else None

    def _skip_parenthesis(self, i: int, limit: int) -> int:
        """The token after "(SPD)", a quoted name ("der Sender „Kanal 5“") or ", die Sprecherin," that
        may follow a speaker phrase."""
        doc = self.doc
        if i < limit and doc[i].text in ("(", "„", "»") and not (doc[i].text != "(" and self.in_quote(i - 1)):
            close = {"(": (")",), "„": ("“", "”"), "»": ("«",)}[doc[i].text]
            j = i + 1
            while j < limit and j - i < 8 and doc[j].text not in close:
                j += 1
            if j >= limit or j - i >= 8 or (doc[i].text != "(" and not names_something(doc, i, j)):
                return i
            i = j + 1
        if i < limit and doc[i].text == ",":
            i += 1
        return i

    def _document_source(self, sent: Span, verb: int, limit: int) -> Speaker | None:
        """"In einer Erklärung des Ministeriums hieß es …": the author named in the document phrase,
        or the document itself."""
        doc = self.doc
        for k in range(sent.start, limit):
            if doc[k].lower_ == "aus" and k == verb + 2:  # "hieß es aus dem Ministerium / aus Regierungskreisen"
                sp = self.speaker_at(k + 1, limit, generic=True)
                if sp is not None:
                    return sp
            if doc[k].lower_ in ("darin", "dort") and (k < verb or k == verb + 2):
                sp = self._document_before(sent)  # "Er schrieb einen Brief. Darin heißt es: …"
                if sp is not None:
                    return sp
            if doc[k].lower_ in ("in", "im") and (k < verb or k == verb + 2):  # "hieß es in …", not "…, dass in …"
                j = k + 1
                while j < limit and (doc[j].lower_ in DETERMINERS or doc[j].text[:1].islower()) and doc[j].is_alpha:
                    j += 1
                if j < limit and doc[j].pos_ == "NOUN":
                    aff, _end = self._genitive(j + 1, limit)
                    if aff is None and j + 1 < limit and doc[j + 1].lower_ in ("des", "der", "von"):
                        # the author in the genitive: a person, or a body ("in einer Erklärung des
                        # Innenministeriums"), not a time ("im Bericht der vergangenen Woche")
                        sp = self.speaker_at(j + 2, limit, generic=True)
                        if sp is not None and not (sp.group and doc[sp.end - 1].lower_.endswith(lexicon.time_nouns())):
                            return sp
                    if aff is not None:
                        s, e = next((r[0], r[1]) for r in self.ents.refs if r[2] == aff and r[0] >= doc[j].idx)
                        return Speaker(aff, (s, e), self._token_after_char(e, j))
                    return self.group_speaker(doc[j].idx, doc[j].idx + len(doc[j].text), j + 1)
        return None
