"""The countries a sentence names for country relations (mixed into relation_reading.Reading, which supplies
sent, doc and mentions): countries and state organisations the entities found, leaders' names, German federal
offices and compound adjectives, without datelines, parts of other names and language tags; the preposition
that governs each. Also the cheap test whether a sentence can name two states at all."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from kg.extract import lexicon
from kg.extract.doctext import doc_text
from kg.extract.entities import DocEntities
from kg.extract.relation_words import (DASHES, GENITIVE_DET, LOCATIVE, QUOTES, _compound_adjective, _federal_office,
                                       _finite, _forms, _kind, _leader_starts, _time_noun, _verb, syntax)
from kg.nlp import gazetteer

CORE, AGENT, PARTNER, PLACE = "core", "agent", "partner", "place"


@dataclass
class Mention:
    """A country named in the sentence ("Russland", "russische", "Moskau", "beide Staaten")."""

    start: int  # first token (doc index)
    end: int  # last token
    iso: str  # entity id "country/XXX"
    kind: str  # name | adj | capital | metonym | org | anaphor
    prep: str | None = None  # governing preposition, lowercase
    prep_i: int = -1  # its token index
    role: str = CORE  # core (subject, object, genitive) | agent | partner | place
    group: int = -1  # mentions of one group act together ("X und Y", "deutsch-israelisch")
    nonstate: bool = False  # "spanischer Konzern": a company, not the state
    genitive: bool = False  # attribute of a noun ("Teile Syriens", "der Abschuss des Jets"): never the subject
    ally: bool = False  # "an der Seite Russlands", "auf Seiten der USA": acts with the clause's subject
    headline: bool = False  # "USA: Iran soll ...": the state a headline quotes speaks, it is no party (nonstate)
    regarded: bool = False  # "sieht in China eine Bedrohung": what the state is seen as is its own (it threatens)


# endings of an attributive participle ("stationierten", "gelieferte", "kämpfenden")
PARTICIPLE_ENDINGS = ("te", "ten", "tem", "ter", "tes", "nde", "nden", "ndem", "nder", "ndes", "ene", "enen", "enem", "ener", "enes")


class ReadingMentions:
    def _collect(self, ents: DocEntities) -> None:
        doc = self.doc
        orgs = gazetteer.organisations()
        self._refs = ents.refs_in(self.sent.start_char, self.sent.end_char)
        for s, e, eid, _label in self._refs:
            if eid.startswith("org/"):
                org = orgs.get(eid[4:])
                if org is None or org.kind not in ("gov", "forces") or not org.country:
                    continue  # companies, media, militias are no state; a government and its armed forces are
                iso, kind = f"country/{org.country}", "org"
            elif eid.startswith("country/"):
                if eid in lexicon.stateless_areas():
                    continue  # "vor der Antarktis": a place, no state
                iso, kind = eid, _kind(doc_text(doc)[s:e])
            else:
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            self.mentions.append(Mention(span.start, span.end - 1, iso, kind))
        # "Berlin (dpa) -", "Jarvis Island": the place an agency writes from, a word of another name
        self.mentions = [m for m in self.mentions if not self._dateline(m) and not self._name_part(m) and
                         not self._language_tag(m)]
        self.mentions.sort(key=lambda m: (m.start, m.iso))
        self.mentions = [m for k, m in enumerate(self.mentions) if not (k and self._composite(self.mentions[k - 1], m))]
        taken = {i for m in self.mentions for i in range(m.start, m.end + 1)}
        self._leaders(taken)
        self._federal_offices(taken)
        composite = lexicon.composite_states()
        spaced = self._spaced_adjectives()
        for i in spaced:  # its parts are read as one compound below, not as a lone adjective
            self.mentions = [m for m in self.mentions if not i <= m.start <= i + 2]
            taken -= {i, i + 1, i + 2}
        for tok in self.sent:
            if tok.i in spaced:  # "deutsch - französische": the compound's three tokens
                isos, end = _compound_adjective(tok.text + "-" + doc[tok.i + 2].text), tok.i + 2
            elif tok.i not in taken and "-" in tok.text:
                isos, end = _compound_adjective(tok.text), tok.i
            else:
                continue
            if len(isos) == 2 and (isos[0][8:], isos[1][8:]) in composite:
                # "die österreichisch-ungarische Regierung": one historic state, coded as the first
                self.mentions.append(Mention(tok.i, end, isos[0], "adj"))
                continue
            for iso in isos:
                self.mentions.append(Mention(tok.i, end, iso, "adj", group=-2 - tok.i))
        self.mentions.sort(key=lambda m: (m.start, m.iso))

    def _spaced_adjectives(self) -> set[int]:
        """"die deutsch - französische Brigade": tokenised corpora (UD GSD) set the hyphen of a compound
        adjective apart; a bare adjective stem or combining form, a spaced hyphen and a country adjective
        are one compound of two states (the first token of each)."""
        doc = self.doc
        _, adjs = _forms()
        combining = lexicon.country_combining_forms()
        out = set()
        for k in range(self.sent.start, self.sent.end - 2):
            low = doc[k].lower_
            if doc[k + 1].text != "-" or not doc[k].whitespace_ or not doc[k + 1].whitespace_ or \
                    not (low in adjs or low in combining):
                continue
            if len(_compound_adjective(low + "-" + doc[k + 2].text)) == 2:
                out.add(k)
        return out

    def _composite(self, prev: Mention, m: Mention) -> bool:
        """"Oesterreich-Ungarn", "Schweden-Norwegen": two state names joined by a hyphen, the compound ending
        at the second, name one composite state; it is coded as the first, the continuing state (the second
        is dropped). A compound that goes on ("Israel-Libanon-Konflikt") names two parties."""
        doc = self.doc
        if prev.kind != "name" or m.kind != "name" or m.start != prev.end + 2 or doc[prev.end + 1].text != "-":
            return False
        if doc[prev.end].whitespace_ or doc[prev.end + 1].whitespace_:
            # tokenised corpora (UD GSD) set the hyphen apart, "Österreich - Ungarn": then only a pair of
            # composite_states.tsv is one state ("Frankreich - Deutschland 2:1" names two sides)
            if not (doc[prev.end].whitespace_ and doc[prev.end + 1].whitespace_) or \
                    (prev.iso[8:], m.iso[8:]) not in lexicon.composite_states():
                return False
        before = doc[prev.start - 1] if prev.start > self.sent.start else None
        after = doc[m.end + 1] if m.end + 1 < self.sent.end else None
        return not (before is not None and before.text == "-" or after is not None and after.text == "-"
                    and not doc[m.end].whitespace_)

    def _dateline(self, m: Mention) -> bool:
        """A place at the start of the sentence followed by a news agency ("Berlin dpa", "Washington
        (dpa) -", "BRÜSSEL (dpa-AFX)"): where the report was written, no party."""
        doc = self.doc
        if m.start != self.sent.start or m.kind not in ("capital", "name"):
            return False
        after = [t for t in doc[m.end + 1: min(self.sent.end, m.end + 3)] if t.text != "("]
        return bool(after) and "agency" in syntax(after[0].text.split("-")[0])

    def _language_tag(self, m: Mention) -> bool:
        """A bare adjective alone in brackets names a language, no state: "unterzeichnet Zusatzvereinbarung
        für Taiwan (deutsch)", "Pressemitteilung (englisch)"."""
        doc = self.doc
        return m.kind == "adj" and m.start == m.end and doc[m.start].text[:1].islower() and \
            m.start > self.sent.start and doc[m.start - 1].text == "(" and \
            m.end + 1 < self.sent.end and doc[m.end + 1].text == ")" and doc[m.start].lower_ in _forms()[1]

    def _name_part(self, m: Mention) -> bool:
        """"Jarvis Island", "Rhode Island": a country word after another name is part of that name."""
        doc = self.doc
        if m.start == m.end and "name_part" in syntax(doc[m.start].text) and m.start > self.sent.start:
            before = doc[m.start - 1]
            return before.pos_ == "PROPN" and before.text[:1].isupper() and not self._is_mention(before.i)
        return False

    def _federal_offices(self, taken: set[int]) -> None:
        """"Bundeskanzler Helmut Kohl", "Bundeswirtschaftsminister Sigmar Gabriel": a German federal office
        (class federal_office of relation_syntax.tsv after "Bundes") stands for Germany like the
        Bundesregierung; not in a sentence naming Austria or Switzerland (their "Bundeskanzler", "Bundesrat")
        nor next to a German mention ("der deutsche Bundeskanzler")."""
        if any(m.iso in ("country/AUT", "country/CHE") for m in self.mentions):
            return
        for tok in self.sent:
            low = tok.lower_
            if tok.i in taken or not low.startswith("bundes") or not _federal_office(low):
                continue
            if any(m.iso == "country/DEU" and tok.i - 3 <= m.end < tok.i for m in self.mentions):
                continue
            self.mentions.append(Mention(tok.i, tok.i, "country/DEU", "org"))
            taken.add(tok.i)

    def _leaders(self, taken: set[int]) -> None:
        """"Putin droht der Ukraine": a leader's name (kg/nlp/data/leaders.tsv) stands for the state."""
        doc, starts = self.doc, _leader_starts()
        i = self.sent.start
        while i < self.sent.end:
            names = starts.get(doc[i].text)
            hit = next(((len(key), iso) for key, iso in names or () if i + len(key) <= self.sent.end and
                        all(doc[i + k].text == w for k, w in enumerate(key))), None)
            # "US-Außenminister Antony Blinken", "der russische Präsident Putin": the state is named already
            # (not by a place: "traf in Peking seinen Amtskollegen Wang Yi")
            named = hit and any(m.iso == f"country/{hit[1]}" and i - 5 <= m.end < i and not (
                m.start > self.sent.start and "place_prep" in syntax(doc[m.start - 1].text)) for m in self.mentions)
            # (the tagger calls foreign names nouns: "Modi und Ishiba trafen sich", "telefonierte mit Meloni"; a name
            # that is also a German noun, class `homograph` of relation_syntax.tsv, "Modi", only as a proper noun)
            last = doc[i + hit[0] - 1] if hit else None
            proper = last is not None and (last.pos_ == "PROPN" or last.pos_ == "NOUN" and "homograph" not in syntax(last.text))
            if hit and not named and proper and not taken & set(range(i, i + hit[0])):
                self.mentions.append(Mention(i, i + hit[0] - 1, f"country/{hit[1]}", "leader"))
                taken |= set(range(i, i + hit[0]))
                i += hit[0]
            else:
                i += 1

    def _left(self, m: Mention) -> tuple[str | None, int]:
        """The preposition governing mention m and its index: skips articles, adjectives, numbers
        and an appositive head noun ("im Bürgerkriegsland Syrien", "durch das Nato-Mitglied Türkei")."""
        doc = self.doc
        j = m.start - 1
        # an appositive head noun stands before the plain name ("Atommacht Russland"); before a
        # genitive ("Kritik Venezuelas") the noun governs the country
        seen_det = doc[m.start: m.end + 1].text not in _forms()[0] and m.kind != "anaphor"
        det: str | None = None
        while j >= self.sent.start:
            tok = doc[j]
            number = tok.lower_ == "bis" and doc[j + 1].lower_ == "zu" or (
                j > self.sent.start and doc[j - 1].lower_ == "bis" and doc[j + 1].like_num)
            if tok.pos_ == "ADP" and not number:
                if self._infinitive_opener(j):
                    return None, -1  # ", um die Ukraine zu unterstützen": "um" opens a clause
                return tok.lower_, j  # "bis zu 12.000 nordkoreanische Soldaten" is a number, no phrase
            if tok.pos_ in ("DET", "ADJ", "NUM", "ADP") or tok.lower_ == "bis" or tok.text in DASHES and not tok.whitespace_ or tok.text in QUOTES:
                if tok.pos_ == "NUM" and det is not None and tok.like_num:
                    return None, -1  # "hält seit 1967 die syrischen Golanhöhen besetzt": the article opens a phrase
                if tok.pos_ == "DET":
                    seen_det, det = True, tok.lower_
            elif tok.pos_ == "NOUN" and j + 1 < m.start and doc[j + 1].pos_ == "ADJ" and \
                    doc[j + 1].lower_.endswith(PARTICIPLE_ENDINGS) and not self._is_mention(j):
                # "den in der Region stationierten russischen Friedenstruppen": the noun ends a participle's phrase;
                # neither an apposition (which the name follows directly: "Atommacht Russland") nor a genitive's head
                return None, -1
            elif tok.pos_ in ("NOUN", "PROPN") and not seen_det and not self._is_mention(j):
                if _time_noun(tok.lower_):
                    return None, -1  # "verurteilte am Montag Russland": the preposition is the date's

            elif tok.pos_ == "NOUN" and seen_det and (det is None or det in GENITIVE_DET):
                # a genitive: the noun it belongs to may itself stand in a place phrase
                # ("am Widerstand Russlands", "in der Hauptstadt Syriens")
                k = j - 1
                while k >= self.sent.start and doc[k].pos_ in ("DET", "ADJ", "NUM"):
                    k -= 1
                if k > self.sent.start and doc[k].pos_ == "ADP" and doc[k - 1].pos_ == "DET" and m.kind == "adj" and \
                        any(t.pos_ == "ADJ" and not self._is_mention(t.i) for t in doc[j + 1: m.start]):
                    # "den in der Region stationierten russischen Truppen": an article right before a preposition
                    # opens an extended attribute; the phrase of the participle is no place of the adjective's noun,
                    # the article's own preposition governs it ("mit den in Syrien kämpfenden kurdischen Milizen")
                    before = doc[k - 2] if k - 2 >= self.sent.start else None
                    return (before.lower_, k - 2) if before is not None and before.pos_ == "ADP" else (None, -1)
                if k >= self.sent.start and doc[k].lower_ in LOCATIVE:
                    return doc[k].lower_, k
                return None, -1
            elif tok.lower_ in ("und", "sowie", "oder"):
                return self._shared_preposition(m, j)
            else:
                return None, -1
            j -= 1
        return None, -1

    def _shared_preposition(self, m: Mention, j: int) -> tuple[str | None, int]:
        """"Angriffe auf Gaza und den Libanon": a conjunct after "und" shares the preposition of a
        conjunct that is no country (conjoined countries are grouped by _groups); not when the
        country starts a clause of its own ("mit den Rebellen und Frankreich unterstützt ...")."""
        doc = self.doc
        verb_before = any(_verb(t) for t in doc[self.sent.start: j])
        if verb_before and m.end + 1 < self.sent.end and _finite(doc[m.end + 1]):
            return None, -1
        k = j - 1
        while k >= self.sent.start and j - k <= 6 and not self._is_mention(k):
            tok = doc[k]
            if tok.pos_ == "ADP":
                return (None, -1) if self._infinitive_opener(k) else (tok.lower_, k)
            if tok.pos_ not in ("NOUN", "PROPN", "DET", "ADJ", "NUM"):
                break
            k -= 1
        return None, -1

    def _infinitive_opener(self, j: int) -> bool:
        """"um", "ohne", "statt" opening a "zu" infinitive clause (tagged as prepositions)."""
        doc = self.doc
        if "infinitive_opener" not in syntax(doc[j].text) or j > self.sent.start and doc[j - 1].text != ",":
            return False
        for tok in doc[j + 1: self.sent.end]:
            if tok.text in (",", ";", ":"):
                return False
            if tok.lower_ == "zu" and tok.pos_ == "PART":
                return True
        return False

    def _is_mention(self, i: int) -> bool:
        return any(m.start <= i <= m.end for m in self.mentions)

    def is_mention(self, i: int) -> bool:
        return self._is_mention(i)


def may_name_two_states(sent: Span, ents: DocEntities) -> bool:
    """Whether a Reading of `sent` can find two states, without building it: at most every country or
    organisation named in it, leaders' names, German federal offices and the countries of compound adjectives
    ("deutsch-israelische"), the mentions `Reading._collect` takes; anaphors only repeat them."""
    named = {eid for _s, _e, eid, _label in ents.refs_in(sent.start_char, sent.end_char)
             if eid.startswith(("country/", "org/"))}
    if len(named) > 1:
        return True
    leaders = _leader_starts()  # "Putin droht der Ukraine": a leader's name stands for the state
    named |= {t.text for t in sent if t.text in leaders  # (one pass over the tokens for both)
              or t.lower_.startswith("bundes") and _federal_office(t.lower_)}  # "Bundeskanzler"
    if "- " in sent.text:  # "Nord- und Südkorea": a truncated conjunct names a state of its own
        from kg.extract.relation_references import truncated_iso
        named |= {iso for t in sent if (iso := truncated_iso(sent.doc, t.i, sent.end))}
    refs = lexicon.state_references()  # "Seoul kritisierte den Norden": the half of a divided country
    named |= {t.text for t in sent if (r := refs.get(t.text)) is not None and r.kind == "half"}
    return len(named) > 1 or "-" in sent.text and any(
        "-" in t.text and _compound_adjective(t.text) or  # "deutsch-israelische", spaced "deutsch - israelische"
        t.text == "-" and t.i > sent.start and t.i + 1 < sent.end and
        _compound_adjective(t.doc[t.i - 1].lower_ + "-" + t.doc[t.i + 1].text) for t in sent)
