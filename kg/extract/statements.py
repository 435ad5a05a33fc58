"""Statements: direct quotations with their attribution; indirect and reported speech come from
kg.extract.indirect, speakers from kg.extract.attribution."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract import lexicon
from kg.extract.attribution import CLAUSE_MARKS, AUXILIARIES, RELATIVES, Attribution
from kg.extract.speakers import Speaker
from kg.extract.entities import DocEntities
from kg.extract.labels import role_label
from kg.extract.indirect import NOMINAL_NOUNS, IndirectSpeech
from kg.extract.quotes import find_quotes, names_something
from kg.extract.records import Mention, Statement
from kg.extract.doctext import doc_text

# "zitiert dazu X", "äußerte sich darüber X": tagged as pronouns, they are adverbs
PRONOMINAL_ADVERBS = {"dazu", "darüber", "darauf", "dabei", "damit", "davon", "dagegen", "dafür", "hierzu"}
RELATIVE_DATIVES = {"der", "dem", "denen", "welcher", "welchem", "welchen"}  # "…, in denen es heißt"
# "Diese Worte des Ministers …": nouns for what was said, naming its speaker in the next sentence
SAID_NOUNS = NOMINAL_NOUNS | {"worte", "äußerung", "äußerungen", "zitat", "aussagen", "sätze", "satz"}
INHERIT_WINDOW = 600  # characters: a quotation this close after a statement may continue it


class StatementFinder(Attribution, IndirectSpeech):
    """All statements of one document, sentence by sentence (earlier ones are antecedents)."""

    def __init__(self, doc: Doc, ents: DocEntities):
        super().__init__(doc, ents)
        self.conf = lexicon.frame_confidence()
        self.quoted: list[tuple[int, int]] = []  # character spans of attributed quotations
        self.guessed: list[Statement] = []  # statements that inherit the speaker before (a later attribution wins)

    def run(self) -> list[Statement]:
        quotes = find_quotes(doc_text(self.doc))
        for sent in self.doc.sents:
            here = [q for q in quotes if sent.start_char <= q[0] < sent.end_char]
            for n, (qo, qc) in enumerate(here):
                self.direct_quote(qo, qc, sent, here[n + 1:])
            self.indirect(sent)
        return self.statements

    def classify(self, text: str, cue_type: str | None, default: str = "report") -> str:
        if cue_type:
            return cue_type
        low = text.lower()
        scores: dict[str, int] = {}
        for prefix, typ, weight in lexicon.statement_keywords():
            n = len(re.findall(r"\b" + re.escape(prefix), low))
            if n:
                scores[typ] = scores.get(typ, 0) + weight * n
        if not scores:
            return default
        return max(sorted(scores), key=lambda t: scores[t])

    def targets(self, start: int, end: int, speaker: Speaker | None, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
        found: list[str] = []
        for s, e, eid, _label in self.ents.refs_in(start, end):
            self.ents.mention(eid, s, e) if eid in self.ents.entities else None
            if eid not in found:
                found.append(eid)
        for eid in extra:
            if eid not in found:
                found.append(eid)
        own = {speaker.entity_id} if speaker else set()
        found = [f for f in found if f not in own]
        if speaker:
            ent = self.ents.entities.get(speaker.entity_id)
            mine = {speaker.affiliation, f"country/{ent.country}" if ent and ent.country else None}
            if any(f not in mine for f in found):
                found = [f for f in found if f not in mine]
        return tuple(found)

    def add(self, speaker: Speaker, qs: int, qe: int, direct: bool, cue: tuple[int, int] | None,
            cue_type: str | None, confidence: float, inherit: tuple[str, ...] = ()) -> Statement:
        text = doc_text(self.doc)
        if speaker.group:  # a plain noun-phrase speaker becomes an entity only when it speaks
            self.ents.group(speaker.generic, speaker.entity_id)
        self.ents.mention(speaker.entity_id, *speaker.mention)
        while qs < qe and text[qs].isspace():
            qs += 1
        while qe > qs and (text[qe - 1].isspace() or (not direct and text[qe - 1] in ".,;:")):
            qe -= 1
        quote = text[qs:qe]
        targets = self.targets(qs, qe, speaker)
        if not targets and inherit:
            targets = self.targets(0, 0, speaker, inherit)
        mention = Mention(self.ents.doc_id, speaker.mention[0], speaker.mention[1],
                          text[speaker.mention[0]:speaker.mention[1]], speaker.entity_id)
        st = Statement(
            id=f"{self.ents.doc_id}-s{len(self.statements) + 1}", doc_id=self.ents.doc_id,
            speaker_id=speaker.entity_id, speaker_mention=mention, quote=quote, quote_start=qs,
            quote_end=qe, direct=direct, type=self.classify(quote, cue_type),
            cue=text[cue[0]:cue[1]] if cue else None, cue_start=cue[0] if cue else None,
            cue_end=cue[1] if cue else None, role=role_label(speaker.role), affiliation_id=speaker.affiliation,
            target_ids=targets, confidence=confidence,
        )
        self.statements.append(st)
        return st

    # -- direct quotations ------------------------------------------------------------------------
    def direct_quote(self, qo: int, qc: int, sent: Span, later: list[tuple[int, int]]) -> None:
        doc = self.doc
        open_i, close_i = self.token_at_char(qo), self.token_at_char(qc)
        if close_i <= open_i + 1 or (names_something(doc, open_i, close_i) and not self._worded(open_i)):
            return
        found = self._after_quote(close_i, sent, self._worded(open_i)) or self._before_quote(open_i, sent, close_i)
        if found is not None and found[2] == "quote_subject" and found[1] is not None and \
                self.speaks(found[1], sent.end) is None:
            found = self._source_between(found[1], open_i, sent) or found  # "Er ist laut der Zeitung ein „…“"
        for _lo, lc in later:  # "Die „…“ hätten „…“, so X": the attribution after the last one
            found = found or self._after_quote(self.token_at_char(lc), sent)
        found = found or self._source_of(sent) or self._named_after(sent) or self._inherited(qo, qc, sent)
        if found is None:
            return
        speaker, cue_i, frame = found
        cue = (doc[cue_i].idx, doc[cue_i].idx + len(doc[cue_i].text)) if cue_i is not None else None
        verb = self.speech_verb(cue_i, sent.end) if cue_i is not None else None
        inherit = ()
        if frame == "quote_inherit" and self.statements:
            inherit = self.statements[-1].target_ids
        st = self.add(speaker, qo + 1, qc, True, cue, verb[1] if verb else None, self.conf[frame], inherit)
        self.quoted.append((qo, qc + 1))
        if frame == "quote_inherit":
            self.guessed.append(st)

    def _worded(self, open_i: int) -> bool:
        """"mit den Worten „…“" / "mit folgenden Worten: „…“": the quotation is announced as words."""
        doc = self.doc
        j = open_i - 1
        if j > 0 and doc[j].text == ":":
            j -= 1
        return j >= 2 and doc[j].lower_ == "worten" and "mit" in (doc[j - 1].lower_, doc[j - 2].lower_)

    def _after_quote(self, close_i: int, sent: Span, worded: bool = False) -> tuple[Speaker, int | None, str] | None:
        """„…“, sagte X / „…“, so X / „…“, hatte X … erklärt / „…“, X sagte / „…“, teilte X mit; after
        "mit den Worten „…“" any verb ("…, richtete er den Blick auf …")."""
        doc = self.doc
        k = close_i + 1
        if not (k + 1 < sent.end and doc[k].text == ","):
            return None
        k += 1
        if doc[k].lower_ == "so":
            sp = self.speaker_at(k + 1, sent.end, generic=True)
            if sp is None and k + 1 < sent.end and self.speech_verb(k + 1, sent.end) and not self._names_it(k + 1):
                k += 1  # "„…“, so charakterisierte ihn X"
                sp = self._speaker_after_verb(k + 1, sent.end)
            return (sp, k, "quote_after") if sp else None
        if doc[k].lower_ in ("hieß", "heißt") and k + 1 < sent.end and doc[k + 1].lower_ == "es":
            sp = self._document_source(sent, k, sent.end)  # "„…“, hieß es aus dem Ministerium"
            return (sp, k, "quote_after") if sp else (self.impersonal_speaker(k + 1), k, "quote_impersonal")
        if self.speech_verb(k, sent.end) or (worded and self.is_finite_verb(k)):
            sp = self._speaker_after_verb(k + 1, sent.end)
            return (sp, k, "quote_after") if sp else None
        if doc[k].lower_ in AUXILIARIES:
            sp = self._speaker_after_verb(k + 1, sent.end)
            verb_i = self._verb_in_clause(sp.end, sent.end) if sp is not None else None
            return (sp, verb_i, "quote_after") if verb_i is not None else None
        sp = self.speaker_at(k, sent.end, generic=True)
        if sp is not None and sp.end < sent.end and self.speech_verb(sp.end, sent.end):
            return sp, sp.end, "quote_after"
        return None

    def _names_it(self, v: int) -> bool:
        """"„…“, so heißt das Projekt": "heißen" without "es" gives a name, not a statement."""
        doc = self.doc
        return doc[v].lemma_.lower() == "heißen" and not (v + 1 < len(doc) and doc[v + 1].lower_ == "es")

    def _speaker_after_verb(self, j: int, end: int) -> Speaker | None:
        """The speaker after an inverted verb, past adverbs ("sagte gestern der Minister")."""
        doc = self.doc
        start = j
        while j < end and j - start < 3 and doc[j].lower_ != "so" and (
                doc[j].pos_ == "ADV" or (doc[j].pos_ == "PRON" and not self._nominative(j))):
            j += 1  # "sagte gestern der Minister", "charakterisierte ihn der Sprecher"
        return self.speaker_at(j, end, generic=True) or (self.speaker_at(start, end, generic=True) if j != start else None)

    def _verb_in_clause(self, i: int, end: int) -> int | None:
        """The speech verb closing the clause that starts at i ("… in einem Interview erklärt")."""
        j = i
        while j < end and j - i < 8 and self.doc[j].text not in CLAUSE_MARKS:
            if self.speech_verb(j, end):
                return j
            j += 1
        return None

    def _before_quote(self, open_i: int, sent: Span, close_i: int | None = None) -> tuple[Speaker, int | None, str] | None:
        """The subject of the sentence the quotation stands in: "X sagte: „…“", "X nannte das
        „…“", "Unterdessen verteidigte X den Begriff „…“"."""
        doc = self.doc
        start = self.clause_start(sent, open_i)
        if open_i <= start:
            return None
        j = open_i - 1
        while j > start and doc[j].is_space:
            j -= 1
        colon = doc[j].text == ":"
        if colon and j > start:
            sp = self.speaker_at(start, j)  # "Anna Roth: „…“" (interviews, lists of voices)
            if sp is not None and sp.end == j and sp.entity_id.startswith("person/"):
                return sp, None, "quote_colon"
        relative = self._relative_document(start, open_i) or (
            self._relative_clause_speaker(start, open_i, close_i, sent.end) if close_i is not None else None)
        if relative is not None:
            return relative[0], relative[1], "quote_subject"
        found = self.subject(doc[start:sent.end], open_i)
        if found is not None:
            sp, v = found
            cue = self.speaks(v, sent.end)
            if cue == v and doc[v].lemma_.lower() == "zitieren" and self._worded(open_i):
                sp = self._quoted_person(v, open_i) or sp  # "Die Zeitung zitiert X mit den Worten: „…“"
            # a subject whose verb is Konjunktiv reports what someone else said ("Sie seien „…“")
            if colon or cue is not None or not self.is_subjunctive(doc[v]):
                return sp, v if cue is None else cue, "quote_colon" if colon else "quote_subject"
        found = self.passive_agent(start, open_i, sent.end) or self.passive_source(start, open_i, sent.end) or \
            self.clause_subject(doc[start:sent.end], open_i)
        if found is not None:
            return found[0], found[1], "quote_colon" if colon else "quote_subject"
        return None

    def _relative_document(self, start: int, open_i: int) -> tuple[Speaker, int] | None:
        """"Er griff den Tenor chinesischer Medien auf, in denen es heißt, … „…“": the noun phrase a
        relative "in der/dem/denen es heißt" clause hangs on is the source (not the sentence's subject)."""
        doc = self.doc
        for k in range(open_i - 1, max(start + 4, open_i - 25) - 1, -1):
            if doc[k].lower_ not in ("heißt", "hieß"):
                continue
            j = k - 1
            while j > start and doc[j].text not in CLAUSE_MARKS:
                j -= 1
            if doc[j].text != "," or doc[j + 1].lower_ != "in" or doc[j + 2].lower_ not in RELATIVE_DATIVES or \
                    all(t.lower_ != "es" for t in doc[j + 3:k + 2]):
                return None
            m = j - 1
            while m > start and j - m <= 2 and doc[m].pos_ not in ("NOUN", "PROPN"):
                m -= 1  # past a verb particle ("griff den Tenor … auf, in denen …")
            if doc[m].pos_ not in ("NOUN", "PROPN"):
                return None
            s = m
            while s > start and doc[s - 1].pos_ == "ADJ" and doc[s - 1].text[:1].islower():
                s -= 1
            sp = self.speaker_at(s, m + 1, generic=True)
            if sp is None or sp.end != m + 1:
                sp = self.group_speaker(doc[s].idx, doc[m].idx + len(doc[m].text), m + 1)
            return sp, k
        return None

    def _relative_clause_speaker(self, start: int, open_i: int, close_i: int, end: int) -> tuple[Speaker, int] | None:
        """"Anna Roth lobte die Studenten, die „…“ forderten": a quotation in a relative clause whose
        pronoun is its subject and whose verb is a speech verb is said by what the pronoun refers to
        (the noun phrase before the comma; for a thing, its genitive: "die Rhetorik der Veteranen")."""
        doc = self.doc
        k = open_i - 1
        while k > start and doc[k].text not in CLAUSE_MARKS:
            k -= 1
        if k <= start + 1 or doc[k].text != "," or k + 1 >= open_i or doc[k + 1].lower_ not in RELATIVES or \
                doc[k + 1].pos_ != "PRON" or not self._nominative(k + 1):
            return None
        stop = next((j for j in range(close_i + 1, min(end, close_i + 12)) if doc[j].text in CLAUSE_MARKS), end)
        verb = next((j for j in range(close_i + 1, stop) if self.speech_verb(j, stop)), None)
        if verb is None:
            return None
        m = k - 1
        if doc[m].pos_ not in ("NOUN", "PROPN"):
            return None
        s = m  # back over the noun phrase: articles, adjectives, a role before a name, genitives
        while s - 1 > start:
            p, cur = doc[s - 1], doc[s]
            if (p.pos_ in ("DET", "NUM") or (p.pos_ == "ADJ" and p.text[:1].islower())) and cur.pos_ in ("NOUN", "PROPN", "ADJ"):
                s -= 1
            elif p.pos_ in ("NOUN", "PROPN") and (cur.pos_ in ("NOUN", "PROPN") or cur.lower_ in ("des", "der")):
                s -= 1
            else:
                break
        sp = self.speaker_at(s, k, generic=True)
        if sp is not None and sp.end == k and (not sp.group or sp.named):
            return sp, verb
        gen = next((j for j in range(s + 1, m) if doc[j].lower_ in ("des", "der") and doc[j - 1].pos_ == "NOUN"), None)
        sp = self.speaker_at(gen if gen is not None else s, k, generic=True)
        return (sp, verb) if sp is not None and sp.end == k else None

    def _quoted_person(self, v: int, limit: int) -> Speaker | None:
        """The object of an active "zitiert": whom the source quotes."""
        doc = self.doc
        j = v + 1
        while j < limit and j - v <= 3 and (doc[j].pos_ in ("ADV", "PART") or doc[j].lower_ in PRONOMINAL_ADVERBS):
            j += 1
        sp = self.speaker_at(j, limit, generic=True)
        return sp if sp is not None and sp.end < limit and doc[sp.end].lower_ == "mit" else None

    def _source_between(self, v: int, open_i: int, sent: Span) -> tuple[Speaker, int | None, str] | None:
        """A source phrase between a subject's verb that does not speak and the quotation ("weil er sich
        nach Auffassung eines Gerichts des „…“ schuldig gemacht hat"): the source's words, not the subject's."""
        found = self.source_frame(sent)
        if found is None or not v < found[1] < open_i:
            return None
        return found[0], None, "quote_source"

    def _source_of(self, sent: Span) -> tuple[Speaker, int | None, str] | None:
        """"Das Buch ist laut einer Jurorin eine „…“": the source named in the sentence."""
        found = self.source_frame(sent)
        if found is None:
            return None
        sp, cue_i, _span = found
        return sp, None, "quote_source"

    def _named_after(self, sent: Span) -> tuple[Speaker, int | None, str] | None:
        """"… sollte „…“ schaffen. Von diesem Versprechen des Präsidenten X ist wenig geblieben.": the
        next sentence opens with a demonstrative noun for what was said and its speaker in the genitive."""
        doc = self.doc
        if sent.end >= len(doc) or "\n\n" in doc_text(doc)[sent.end_char:doc[sent.end].idx + 1]:
            return None
        nxt = doc[sent.end].sent
        for k in range(nxt.start, min(nxt.end - 3, nxt.start + 3)):
            if doc[k].lower_.startswith("dies") and doc[k + 1].lower_ in SAID_NOUNS and \
                    doc[k + 2].lower_ in ("des", "der", "von"):
                sp = self.speaker_at(k + 3, nxt.end)
                return (sp, k + 1, "quote_next") if sp is not None else None
        return None

    def _inherited(self, qo: int, qc: int, sent: Span) -> tuple[Speaker, int | None, str] | None:
        """A quotation without a speaker of its own continues the statement made in its sentence
        or the sentence before; a sentence that is all quotation may also be said by the subject
        of the sentence before ("Die Partei will … festhalten. „Wir wollen …“")."""
        text = doc_text(self.doc)
        prev = [s for s in self.doc.sents if s.end <= sent.start][-1:]
        adjacent = bool(prev) and "\n\n" not in text[prev[0].end_char:sent.start_char]
        lo = prev[0].start_char if adjacent else sent.start_char
        last = self.statements[-1] if self.statements else None
        quoted = (qc - qo) * 2 >= len(sent.text.strip())
        if last is not None and last.quote_end <= qo and (last.quote_end > sent.start_char or (
                quoted or self._subjunctive_outside(sent, qo, qc) or self._pronoun_opens(sent))
                and max(last.quote_start, last.speaker_mention.start) >= lo):
            m = last.speaker_mention
            return Speaker(last.speaker_id, (m.start, m.end), 0, last.role, last.affiliation_id), None, \
                "quote_inherit"
        if adjacent and quoted:
            found = self.subject(prev[0], prev[0].end)
            if found is not None and (not found[0].group or found[0].named):
                return found[0], None, "quote_inherit"
        return None

    def _pronoun_opens(self, sent: Span) -> bool:
        """"Sie stellten lediglich eine „Klarstellung“ dar.": a sentence whose subject is a personal
        pronoun goes on about the speaker before (who "sie" are the resolver cannot tell)."""
        first = next((t for t in sent if not t.is_space), None)
        return first is not None and first.text in ("Sie", "Er") and first.i + 1 < sent.end and \
            self.is_finite_verb(first.i + 1)

    def _subjunctive_outside(self, sent: Span, qo: int, qc: int) -> bool:
        return any(self.is_konjunktiv1(t) or t.lower_ in ("würde", "würden") for t in sent if not qo <= t.idx <= qc)

    # -- records ----------------------------------------------------------------------------------


def extract_statements(doc: Doc, ents: DocEntities) -> list[Statement]:
    finder = StatementFinder(doc, ents)
    statements = finder.run()
    statements.sort(key=lambda s: (s.quote_start, s.quote_end, not s.direct))
    for n, st in enumerate(statements, 1):
        st.id = f"{ents.doc_id}-s{n}"
    return statements
