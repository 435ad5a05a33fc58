"""Statements: direct quotations with their attribution, indirect and reported speech."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract import lexicon
from kg.extract.entities import PRONOUNS, DocEntities
from kg.extract.records import GROUP, PERSON, Mention, Statement
from kg.nlp import gazetteer

QUOTE_PAIRS = {"„": "“", "»": "«", "«": "»", "“": "”", '"': '"'}
DETERMINERS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
               "einen", "einige", "mehrere", "viele", "zahlreiche"}
GENITIVE_LINKS = {"der", "des", "von", "vom", "am", "im", "beim", "bei", "an", "in"}
SPEECH_NOUNS = {"warnung": "warn", "bedenken": "concern", "sorge": "concern", "besorgnis": "concern",
                "forderung": "demand", "kritik": "accuse", "drohung": "threaten", "zusage": "pledge_support",
                "versprechen": "pledge_support", "dementi": "deny"}
LAUT = {"laut", "zufolge"}
OBLIQUE_ARTICLES = {"den", "dem", "einem", "einen", "des", "eines"}
AUXILIARIES = {"hat", "hatte", "haben", "hatten", "habe", "wird", "wurde", "werden", "würde", "soll", "sollte", "ließ"}
MIN_QUOTE_TOKENS = 4


@dataclass
class Speaker:
    entity_id: str
    mention: tuple[int, int]
    end: int  # token index after the speaker phrase
    role: str | None = None
    affiliation: str | None = None


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(open, close) character positions of paired quotation marks within one paragraph."""
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        close = QUOTE_PAIRS.get(ch)
        if close and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            j = text.find(close, i + 1)
            nl = text.find("\n", i + 1)
            if j != -1 and (nl == -1 or j < nl) and j > i + 1:
                out.append((i, j))
                i = j + 1
                continue
        i += 1
    return out


class StatementFinder:
    def __init__(self, doc: Doc, ents: DocEntities):
        self.doc = doc
        self.ents = ents
        self.verbs = lexicon.speech_verbs()
        self.last_person: str | None = None
        self.statements: list[Statement] = []

    # -- speakers -----------------------------------------------------------------------------
    def ref_at(self, i: int) -> tuple[int, int, str, str] | None:
        idx = self.doc[i].idx
        for r in self.ents.refs:
            if r[0] == idx:
                return r
        return None

    def _token_after_char(self, end_char: int, start: int) -> int:
        j = start
        while j < len(self.doc) and self.doc[j].idx < end_char:
            j += 1
        return j

    def speaker_at(self, i: int, limit: int | None = None) -> Speaker | None:
        """The speaker phrase starting at token i: pronoun, gazetteer entity, named person
        (with titles and roles), or an unnamed role ("ein Sprecher des Kremls")."""
        doc, ents = self.doc, self.ents
        limit = len(doc) if limit is None else limit
        if i >= limit:
            return None
        tok = doc[i]
        if tok.text in PRONOUNS:
            antecedent = self.antecedent(tok.idx) or self.last_person
            if antecedent:
                return self._known(antecedent, (tok.idx, tok.idx + len(tok.text)), i + 1)
            return None
        start, role, country_hint, det = i, None, None, None
        while i < limit and ((i + 1 in ents.roles and i not in ents.roles and doc[i].text[:1].isupper() and doc[i].lower_.endswith(("e", "en", "er", "es"))) or doc[i].lower_ in DETERMINERS or (doc[i].text[:1].islower() and doc[i].is_alpha and doc[i].lower_ not in self.verbs) or doc[i].text == "-" or self._is_country_prefix(i)):
            if doc[i].lower_ in DETERMINERS and det is None:
                det = doc[i].lower_
            ref = self.ref_at(i)
            if ref and ref[2].startswith("country/"):
                country_hint = ref[2]
                i = self._token_after_char(ref[1], i)
                continue
            i += 1
            if i - start > 5:
                return None
        if i >= limit:
            return None
        ref = self.ref_at(i)
        if ref and ref[3] in ("COUNTRY", "ORG") and i not in ents.roles:
            ents.mention(ref[2], ref[0], ref[1])
            return Speaker(ref[2], (ref[0], ref[1]), self._token_after_char(ref[1], i))
        if i in ents.roles:
            rspan = ents.roles[i]
            role = rspan.text
            i = rspan.end
        name = ents.name_at(i) if i < limit else None
        if (name is not None and det in OBLIQUE_ARTICLES and role is None and len(name) == 1 and name.start == i
                and not self._known_person(name)):
            name = None  # "mit den Worten", "in einem Interview": an oblique noun phrase is no speaker
        if name is not None and name.end <= limit:
            affiliation = country_hint
            end = name.end
            appo = self._apposition(end, limit)
            if appo:
                role = appo[0]
                affiliation = appo[1] or affiliation
                end = appo[2]
            country = ents.country_of(affiliation)
            person = ents.person(name.text, role, country)
            ents.mention(person.id, name.start_char, name.end_char)
            self.last_person = person.id
            if role is None and affiliation is None:
                return self._known(person.id, (name.start_char, name.end_char), end)
            return Speaker(person.id, (name.start_char, name.end_char), end, role, affiliation)
        if role is None:
            return None
        # an unnamed speaker known by role: "ein Sprecher des Kremls", "Internationale Beobachter"
        affiliation, end = self._genitive(i, limit)
        affiliation = affiliation or country_hint
        mention = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        base = gazetteer.roles()[role].base if role in gazetteer.roles() else role
        if det in ("ein", "eine", "der", "die", "des", "dem", "den") and not role.endswith(("innen",)) and det != "die" or (det == "die" and role.endswith("in")):
            aff_label = ents.entity(affiliation).label if affiliation else None
            label = f"{base} ({aff_label})" if aff_label else base
            ent = ents.unnamed(base, affiliation, label)
        else:
            ent = ents.group(doc.text[mention[0]:mention[1]])
        ents.mention(ent.id, *mention)
        return Speaker(ent.id, mention, end, base, affiliation)

    def antecedent(self, char: int) -> str | None:
        """The person a pronoun at `char` refers to: the nearest person named before it
        (speakers of earlier statements included)."""
        best: tuple[int, str] | None = None
        for s, _e, eid, label in self.ents.refs:
            if label == "PER" and s < char and (best is None or s > best[0]):
                best = (s, eid)
        for st in self.statements:
            m = st.speaker_mention
            if st.speaker_id.startswith("person/") and m.start < char and (best is None or m.start > best[0]):
                best = (m.start, st.speaker_id)
        if best is None:
            best = self._unlisted_name_before(char)
        return best[1] if best else None

    def _unlisted_name_before(self, char: int) -> tuple[int, str] | None:
        """A two-or-more-word name in the three sentences before `char` that no rule listed yet
        ("Anna Berger gewann …"); registered as a person."""
        doc = self.doc
        end = self.token_at_char(char)
        lo = max(0, end - 80)
        for i in range(end - 2, lo - 1, -1):
            if i > 0 and self.ents.is_name_token(doc[i - 1]):
                continue
            name = self.ents.name_at(i)
            if (name is not None and len(name) >= 2 and name.end <= end
                    and not any(s < name.end_char and name.start_char < e for s, e, _x, _l in self.ents.refs)
                    and not (name.end < len(doc) and doc[name.end].text == "-")):
                person = self.ents.person(name.text)
                self.ents.mention(person.id, name.start_char, name.end_char)
                return name.start_char, person.id
        return None

    def _known_person(self, name: Span) -> bool:
        return any(s <= name.start_char < e for s, e, _eid, label in self.ents.refs if label == "PER") or \
            self.ents.resolve_name(name.text) is not None

    def _known(self, eid: str, mention: tuple[int, int], end: int) -> Speaker:
        ent = self.ents.entities[eid]
        return Speaker(eid, mention, end, ent.role, f"country/{ent.country}" if ent.country else None)

    def _is_country_prefix(self, i: int) -> bool:
        ref = self.ref_at(i)
        return bool(ref and ref[2].startswith("country/") and ref[3] == "COUNTRY_ADJ") or bool(
            ref and ref[2].startswith("country/") and i + 1 < len(self.doc) and self.doc[i + 1].text == "-")

    def _genitive(self, i: int, limit: int) -> tuple[str | None, int]:
        doc = self.doc
        if i < limit and doc[i].lower_ in GENITIVE_LINKS:
            j = i + 1
            while j < limit and j - i <= 3:
                ref = self.ref_at(j)
                if ref and ref[3] in ("COUNTRY", "ORG"):
                    self.ents.mention(ref[2], ref[0], ref[1])
                    return ref[2], self._token_after_char(ref[1], j)
                j += 1
        return None, i

    def _apposition(self, i: int, limit: int) -> tuple[str, str | None, int] | None:
        """", die Sprecherin der NATO" / ", eine leitende Analystin am Brookings Institution"."""
        doc = self.doc
        if i >= limit or doc[i].text != ",":
            return None
        j = i + 1
        while j < limit and j - i <= 5 and j not in self.ents.roles:
            if doc[j].text in {",", ".", "„", "“"}:
                return None
            j += 1
        if j >= limit or j not in self.ents.roles:
            return None
        rspan = self.ents.roles[j]
        aff, end = self._genitive(rspan.end, limit)
        if aff is None and rspan.start > 0:
            aff = self.ents.country_adjective_before(rspan.start)
        return rspan.text, aff, max(end, rspan.end)

    # -- statements ---------------------------------------------------------------------------
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
        text = self.doc.text
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
            cue_end=cue[1] if cue else None, role=speaker.role, affiliation_id=speaker.affiliation,
            target_ids=targets, confidence=confidence,
        )
        self.statements.append(st)
        return st

    def token_at_char(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def direct(self) -> list[tuple[int, int]]:
        """Attributed quotations; returns the character ranges they cover (quote + attribution)."""
        doc, text = self.doc, self.doc.text
        covered: list[tuple[int, int]] = []
        prev: tuple[Statement, int] | None = None  # last direct statement and where its attribution ended
        for qo, qc in find_quotes(text):
            open_i, close_i = self.token_at_char(qo), self.token_at_char(qc)
            if close_i - open_i - 1 < 2:
                continue
            sent = doc[open_i].sent
            speaker, cue, cue_type, conf = None, None, None, 0.9
            k = close_i + 1
            if k < len(doc) and doc[k].text == "," and k + 1 < len(doc):
                k += 1
                verb = self.verbs.get(doc[k].lower_)
                if verb or doc[k].lower_ == "so":
                    cue = (doc[k].idx, doc[k].idx + len(doc[k].text))
                    cue_type = verb[1] if verb else None
                    speaker = self.speaker_at(k + 1, sent.end)
                elif doc[k].lower_ in AUXILIARIES:
                    cand = self.speaker_at(k + 1, sent.end)
                    verb_i = self._verb_in_clause(cand.end, sent.end) if cand is not None else None
                    if verb_i is not None:
                        speaker, v = cand, doc[verb_i]
                        cue = (v.idx, v.idx + len(v.text))
                        cue_type = self.verbs[v.lower_][1]
                else:
                    cand = self.speaker_at(k, sent.end)
                    if cand is not None and cand.end < len(doc) and doc[cand.end].lower_ in self.verbs:
                        speaker = cand
                        v = doc[cand.end]
                        cue = (v.idx, v.idx + len(v.text))
                        cue_type = self.verbs[v.lower_][1]
            if speaker is None:
                speaker, cue, cue_type = self._colon_intro(open_i, sent)
            if speaker is None and prev is not None and close_i - open_i > MIN_QUOTE_TOKENS:
                last, attr_end = prev
                between = text[attr_end:qo]
                if len(between) < 200 and not any(c in between for c in "„»"):
                    speaker = Speaker(last.speaker_id, (last.speaker_mention.start, last.speaker_mention.end),
                                      0, last.role, last.affiliation_id)
                    conf = 0.75
                    st = self.add(speaker, qo + 1, qc, True, None, None, conf, inherit=last.target_ids)
                    covered.append((qo, qc + 1))
                    prev = (st, qc + 1)
                    continue
            if speaker is None:
                continue
            st = self.add(speaker, qo + 1, qc, True, cue, cue_type, conf)
            end_char = doc[speaker.end - 1].idx + len(doc[speaker.end - 1].text) if speaker.end else qc + 1
            covered.append((min(qo, speaker.mention[0]), max(qc + 1, end_char)))
            prev = (st, max(qc + 1, end_char))
        return covered

    def _verb_in_clause(self, i: int, end: int) -> int | None:
        """The speech verb closing the clause that starts at i ("… in einem Interview erklärt")."""
        j = i
        while j < end and j - i < 8 and self.doc[j].text not in {",", ".", ";", ":", "„", "»"}:
            if self.doc[j].lower_ in self.verbs:
                return j
            j += 1
        return None

    def _colon_intro(self, open_i: int, sent: Span):
        doc = self.doc
        j = open_i - 1
        while j >= sent.start and doc[j].is_space:
            j -= 1
        if j < sent.start or doc[j].text != ":":
            return None, None, None
        cue, cue_type = None, None
        for t in doc[sent.start:j]:
            if t.lower_ in self.verbs:
                cue, cue_type = (t.idx, t.idx + len(t.text)), self.verbs[t.lower_][1]
        for i in range(sent.start, j):
            # the speaker is the subject: first in the sentence or right after the verb
            if i > sent.start and doc[i - 1].lower_ not in self.verbs and doc[i - 1].text not in {",", "so", "So"}:
                continue
            sp = self.speaker_at(i, j)
            if sp is not None:
                return sp, cue, cue_type
        return None, None, None

    def indirect(self, covered: list[tuple[int, int]]) -> None:
        doc = self.doc
        for sent in doc.sents:
            if any(s < sent.end_char and sent.start_char < e for s, e in covered):
                continue
            self._laut(sent) or self._reported(sent)

    def _laut(self, sent: Span) -> bool:
        doc = self.doc
        toks = list(sent)
        for t in toks:
            low = t.lower_
            if low == "laut" or (low == "nach" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "angaben"):
                i = t.i + (2 if low == "nach" else 1)
                while i < sent.end and doc[i].lower_ in {"berichten", "angaben", "informationen", "von", "vom", "des", "der"}:
                    i += 1
                sp = self.speaker_at(i, sent.end)
                if sp is None:
                    continue
                if t.i == sent.start or (t.i > sent.start and doc[t.i - 1].text == ","):
                    qs = doc[sp.end].idx if sp.end < sent.end else sent.end_char
                    qe = sent.end_char
                else:
                    qs, qe = sent.start_char, t.idx
                cue = (t.idx, t.idx + len(t.text))
                self.add(sp, qs, qe, False, cue, "report", 0.8)
                return True
            if low == "zufolge" and t.i > sent.start:
                for i in range(max(sent.start, t.i - 5), t.i):
                    sp = self.speaker_at(i, t.i)
                    if sp is not None and sp.end == t.i:
                        qs = doc[t.i + 1].idx if t.i + 1 < sent.end else sent.end_char
                        self.add(sp, qs, sent.end_char, False, (t.idx, t.idx + len(t.text)), "report", 0.8)
                        return True
        return False

    def _reported(self, sent: Span) -> bool:
        """"X sagte, dass …", "X warnte …", "X gab eine Warnung aus und versprach, … zu …"."""
        doc = self.doc
        start = sent.start
        while start < sent.end and (doc[start].is_space or doc[start].lower_ in {"doch", "auch", "zudem", "dabei", "und"}):
            start += 1
        sp = self.speaker_at(start, sent.end)
        if sp is None:
            return False
        cues = []  # (token index, type, kind)
        for t in doc[sp.end:sent.end]:
            low = t.lower_
            if any(x.lower_ in {"nicht", "nie", "kein", "keine"} for x in doc[max(sp.end, t.i - 3):t.i]):
                continue
            if low in self.verbs:
                cues.append((t.i, self.verbs[low][1], "verb"))
            elif low in SPEECH_NOUNS and t.text[:1].isupper():
                cues.append((t.i, SPEECH_NOUNS[low], "noun"))
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
                self.add(sp, doc[qs].idx, doc[i].idx + len(doc[i].text), False,
                         (doc[i].idx, doc[i].idx + len(doc[i].text)), typ, 0.7,
                         inherit=self._sentence_targets(sent))
                pending, made = None, True
                continue
            body = self._content_start(i, seg_end)
            if typ is not None and i - sp.end > 2 and doc[sp.end].lower_ in {"hat", "haben", "hatte", "hatten"}:
                body, seg_end = sp.end + 1, sent.end  # "hat vor … gewarnt, sollten …"
            if body is None:
                if typ is not None:  # "hat vor ernsthaften Konsequenzen gewarnt, sollten …"
                    body = sp.end
                    seg_end = sent.end
                else:
                    continue
            cue_i, cue_t = (pending[0], pending[1]) if pending else (i, typ)
            self.add(sp, doc[body].idx, doc[seg_end - 1].idx + len(doc[seg_end - 1].text), False,
                     (doc[cue_i].idx, doc[cue_i].idx + len(doc[cue_i].text)), cue_t, 0.7,
                     inherit=self._context_targets(sent))
            pending, made = None, True
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
        doc = self.doc
        j = i + 1
        while j < end and doc[j].lower_ in {"an", "hinzu", "mit", "zurück", "ein", "klar", "auf"}:
            j += 1
        if j < end and doc[j].text == ",":
            j += 1
            return j + 1 if j < end and doc[j].lower_ == "dass" else j
        if j < end and doc[j].lower_ == "dass":
            return j + 1
        return None

    def _phrase_start(self, i: int, lo: int) -> int:
        j = i
        while j - 1 >= lo and (self.doc[j - 1].lower_ in DETERMINERS or self.doc[j - 1].text[:1].islower()) and self.doc[j - 1].is_alpha and i - j < 3 and self.doc[j - 1].lower_ not in self.verbs:
            j -= 1
        return j

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


def extract_statements(doc: Doc, ents: DocEntities) -> list[Statement]:
    finder = StatementFinder(doc, ents)
    covered = finder.direct()
    finder.indirect(covered)
    finder.statements.sort(key=lambda s: (s.quote_start, s.quote_end))
    for n, st in enumerate(finder.statements, 1):
        st.id = f"{ents.doc_id}-s{n}"
    return finder.statements
