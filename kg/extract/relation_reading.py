"""One sentence read for country relations without a parser: country mentions with the role their
preposition gives them, states acting together ("X und Y"), and clause windows.

Word classes come from data/relation_syntax.tsv; the relation cues themselves from relations.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from kg.extract import lexicon
from kg.extract.entities import DocEntities
from kg.nlp import gazetteer
from kg.extract.doctext import doc_text

DASHES = {"-", "–", "—", "--"}
GENITIVE_DET = {"des", "der", "eines", "einer"}
LOCATIVE = {"in", "im", "am", "bei", "beim", "innerhalb", "außerhalb"}
QUOTES = {"``", "''", '"', "„", "“", "”", "»", "«", "'"}
STRONG = {";", "!", "?"}
NOM_ACC_ARTICLES = {"das", "die", "eine", "ein"}  # (the article of a subject after a comma)
CONTRACTED = {"im": "in", "ins": "in", "zum": "zu", "zur": "zu", "beim": "bei"}
ADJ_ENDINGS = ("em", "en", "er", "es", "e", "")

CORE, AGENT, PARTNER, PLACE = "core", "agent", "partner", "place"
VERB_POS = ("VERB", "AUX", "ADJ")  # words a verb cue may be (participles are often tagged ADJ)


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


def _finite(tok) -> bool:
    """A finite verb: the morphologizer gives it a mood and a person ("griff", "könnten"), unlike
    infinitives and participles ("angreifen", "unterstützt von"); it may err on "anzugreifen"."""
    return tok.pos_ in ("VERB", "AUX") and bool(tok.morph.get("Mood")) and bool(tok.morph.get("Person")) and \
        not zu_infinitive(tok.lower_)


@lru_cache(maxsize=4096)
def zu_infinitive(low: str) -> bool:
    """"anzugreifen", "aufzuheben": a separable particle, "zu", the verb."""
    return any(low.startswith(p + "zu") and len(low) > len(p) + 4 and low.endswith("n") for p in _particles())


@lru_cache(maxsize=1)
def _particles() -> tuple[str, ...]:
    return tuple(w for w, classes in lexicon.relation_syntax().items() if "particle" in classes)


def _verb(tok) -> bool:
    """A verb that is no infinitive (the morphologizer may leave out the mood of "verhandelt")."""
    return tok.pos_ in ("VERB", "AUX") and "Inf" not in tok.morph.get("VerbForm")


def syntax(word: str) -> frozenset[str]:
    return lexicon.relation_syntax().get(word.lower(), frozenset())


def broken_word(tok, end: int) -> str | None:
    """OCR of old newspapers loses the hyphen of a word broken at a line end ("Kon dolenzschreiben", "inter
    essiert"): a fragment of at least OCR_PART letters that is no function word, a space and a lowercase
    fragment that is none either give the joined word (lowercase); None for anything else. Callers take it
    only when neither part means anything to them on its own."""
    j = tok.i + 1
    if j >= end or tok.whitespace_ != " " or tok.is_stop or not tok.is_alpha or len(tok) < gazetteer.OCR_PART:
        return None
    nxt = tok.doc[j]
    if not (nxt.is_alpha and nxt.text[:1].islower() and len(nxt) > 1) or nxt.is_stop:
        return None
    return tok.lower_ + nxt.lower_


def word_classes(tok, end: int) -> frozenset[str]:
    """syntax() of a word, or of the word OCR broke at it when neither fragment has a class ("inter essiert")."""
    found = syntax(tok.text)
    if found:
        return found
    joined = broken_word(tok, end)
    return syntax(joined) if joined and not syntax(tok.doc[tok.i + 1].text) else frozenset()


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, str], dict[str, str]]:
    """form -> kind, lowercase adjective stem -> iso (for "deutsch-israelische")."""
    kinds: dict[str, str] = {}
    adjs: dict[str, str] = {}
    for iso, entry in gazetteer.countries().items():
        for form, kind in entry["forms"].items():
            kinds.setdefault(form, kind)
            if kind == "adj" and " " not in form:
                adjs.setdefault(form.lower(), iso)
    return kinds, adjs


def _kind(text: str) -> str:
    kinds, adjs = _forms()
    for form in (text, text[:-1] if text.endswith("s") else text):
        kind = kinds.get(form)
        if kind:
            return kind
    low = text.lower()
    if any(low.endswith(e) and low[: len(low) - len(e)] in adjs for e in ADJ_ENDINGS if e):
        return "adj"  # "Britische Söldner" at the start of a sentence
    return "adj" if text[:1].islower() else "name"


def _compound_adjective(text: str) -> list[str]:
    """"deutsch-israelische" -> ["country/DEU", "country/ISR"]; [] for anything else."""
    _, adjs = _forms()
    parts = text.lower().split("-")
    if len(parts) < 2:
        return []
    out = []
    combining = lexicon.country_combining_forms()
    for k, part in enumerate(parts):
        iso = combining.get(part) if k < len(parts) - 1 else None  # "franco-", "anglo-"
        iso = iso or next((adjs[part[: len(part) - len(e)]] for e in ADJ_ENDINGS
                           if part.endswith(e) and part[: len(part) - len(e)] in adjs), None)
        if iso is None:
            return []
        out.append(f"country/{iso}")
    return out if len(set(out)) > 1 else []


class Reading:
    def __init__(self, sent: Span, ents: DocEntities):
        self.sent = sent
        self.doc = sent.doc
        self.mentions: list[Mention] = []
        self._collect(ents)
        self._segments()
        self._roles()
        self._groups()
        self._anaphors()
        self.mentions.sort(key=lambda m: (m.start, m.iso))

    # -- clauses --------------------------------------------------------------------------------
    def _segments(self) -> None:
        """seg: coarse clause id per token (a new one after "; – " and before a subordinate clause);
        rel: segment -> the segment a relative clause belongs to; fine: clause id between commas."""
        doc, sent = self.doc, self.sent
        self.seg: dict[int, int] = {}
        self.fine: dict[int, int] = {}
        self.rel: dict[int, int] = {}
        self.subordinate: set[int] = set()
        self.coordinate: dict[int, int] = {}  # clause -> the clause before, which holds its subject
        seg = fine = 0
        outer: list[int | None] = []  # None: a parenthesis listing states stays in its clause
        last = 0
        # "Während X ..., zählt Y ...": a clause opening the sentence ends at the comma before the verb
        # ("Während des Krieges kämpfte X": "während" tagged as a preposition opens no clause)
        opening = sent[0].pos_ == "SCONJ" or "subordinator" in syntax(sent[0].text) and sent[0].pos_ != "ADP" and \
            sent[0].lower_ not in ("als", "um", "da") \
            or self._infinitive_opener(sent.start)  # "Um ... zu vermeiden, wurden ..."
        in_opening = opening  # until the main clause begins (relative clauses inside it included)
        if opening:
            self.subordinate.add(0)
        for tok in sent:
            i = tok.i
            if tok.text == "(" and self._listing(i):
                # "Die Achsenmächte (Deutsches Reich, Italien und Japan) führten ...": the phrase's states
                outer.append(None)
                self.seg[i], self.fine[i] = seg, fine
                continue
            elif tok.text == ")" and outer and outer[-1] is None:
                outer.pop()
                self.seg[i], self.fine[i] = seg, fine
                continue
            elif tok.text == "(":
                outer.append(seg)
                last += 1
                seg = last
            elif tok.text == ")" and outer:
                self.seg[i] = seg
                seg = outer.pop()
                fine += 1
                self.fine[i] = fine
                continue
            elif tok.text in STRONG or (tok.text in DASHES and tok.whitespace_ and i > 0 and doc[i - 1].whitespace_
                                        and not (self._is_mention(i - 1) and self._is_mention(i + 1))
                                        and not self._spaced_compound(i)):
                last += 1
                seg = last
            elif tok.text == "," and i + 1 < sent.end:
                nxt = doc[i + 1]
                after = doc[i + 2] if i + 2 < sent.end else None
                if "relative" in syntax(nxt.text) and nxt.pos_ == "PRON" or (
                        nxt.pos_ == "ADP" and after is not None and after.pos_ == "PRON" and "relative" in syntax(after.text)):
                    last += 1
                    self.rel[last] = seg
                    seg = last
                elif nxt.pos_ == "SCONJ" or "subordinator" in syntax(nxt.text) and (
                        nxt.pos_ != "ADP" or "infinitive_opener" in syntax(nxt.text)) or (
                        nxt.pos_ in ("CCONJ", "ADV", "ADJ") and after is not None and after.pos_ == "SCONJ"
                        or nxt.pos_ == "CCONJ" and after is not None and "subordinator" in syntax(after.text)):
                    last += 1  # ", dass ...", ", und dass ...", ", kurz nachdem ...": a subordinate clause of its own
                    self.subordinate.add(last)
                    seg = last
                elif (in_opening or seg in self.subordinate and self.rel.get(seg) is None) and _finite(nxt):
                    # "Während X ..., zählt Y", "..., kurz nachdem X ... hatten, beschuldigte Y": the
                    # verb after a subordinate clause opens the main clause, its subject follows
                    last += 1
                    seg = last
                    in_opening = False
                elif in_opening and nxt.pos_ in ("VERB", "AUX"):
                    last += 1
                    seg = last
                    in_opening = False
                elif (kind := self._main_clause(i + 1)) is not None:
                    # "..., wurde dann von der EU sanktioniert" (its subject is the clause's before),
                    # "..., Russland protestierte dagegen" (a main clause with its own subject)
                    last += 1
                    if kind == "coordinate":
                        self.coordinate[last] = seg
                    seg = last
                elif seg in self.rel and doc[i - 1].pos_ in ("VERB", "AUX") and nxt.pos_ == "CCONJ":
                    # "die Souveränität der Staaten, in denen Kurden leben, und insbesondere die der Türkei": a
                    # relative clause ends with its verb; a conjunct after it continues the clause it
                    # describes a noun of
                    seg = self.rel[seg]
            elif tok.pos_ == "CCONJ" and i + 1 < sent.end and _finite(doc[i + 1]) and i > sent.start:
                last += 1  # "erkennt X an und kritisiert Y": a verb of its own, the subject before
                self.coordinate[last] = seg
                seg = last
            elif tok.pos_ == "CCONJ" and any(_verb(doc[k]) for k in self.seg if self.seg[k] == seg) and \
                    self._subject_and_verb(i + 1):
                last += 1  # "X verhandelt mit Y und Frankreich unterstützt Z": a main clause of its own
                seg = last
            if tok.text in {",", ":", ";", "(", ")"} or tok.text in DASHES and tok.whitespace_ and not self._spaced_compound(i):
                fine += 1
            self.seg[i] = seg
            self.fine[i] = fine

    def _spaced_compound(self, i: int) -> bool:
        """"Öl - Embargo", "Soltau - Lüneburg - Abkommen": tokenised corpora set the hyphen of a compound
        apart; a hyphen between two nouns joins them, a dash before an article or adverb starts an aside."""
        doc = self.doc
        if doc[i].text != "-" or i + 1 >= self.sent.end or i == self.sent.start:
            return False
        return doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ") and doc[i + 1].pos_ in ("NOUN", "PROPN") and \
            doc[i + 1].text[:1].isupper()

    def _listing(self, i: int) -> bool:
        """A parenthesis after a noun that holds nothing but countries joined by commas and "und"."""
        doc = self.doc
        if i == self.sent.start or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
            return False
        inside = set()
        for j in range(i + 1, self.sent.end):
            if doc[j].text == ")":
                return bool(inside)
            if self._is_mention(j):
                inside.add(j)
            elif doc[j].text not in (",", "-") and doc[j].lower_ not in ("und", "sowie") and doc[j].pos_ != "DET":
                return False
        return False

    def _main_clause(self, j: int) -> str | None:
        """After a comma: "coordinate" when a finite verb follows at once, "main" when a subject
        phrase (articles, adjectives, nouns, names) and then a finite verb follow; else None."""
        doc, end = self.doc, self.sent.end
        if j >= end:
            return None
        # after an apposition (", den USA und Brasilien, unterzeichneten Abkommen") the phrase goes on:
        # only a comma closing a clause with a verb of its own starts a new one
        k = j - 2
        while k >= self.sent.start and doc[k].text != ",":
            k -= 1
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[max(k, self.sent.start): j - 1]):
            return None
        if _finite(doc[j]):
            return "coordinate"
        return "main" if self._subject_and_verb(j) else None

    def _subject_and_verb(self, j: int) -> bool:
        """A subject phrase (articles, adjectives, nouns, names) and an indicative finite verb start
        at token j ("Russland protestierte"); Konjunktiv reports ("erklärte, die Welt könne ...")."""
        doc, end = self.doc, self.sent.end
        for k in range(j, min(end, j + 6)):
            tok = doc[k]
            if _finite(tok):
                # the subject is nominative ("zwischen Ägypten und Syrien wurde": a dative, no subject)
                # ("das niederländische Kontingent verwendete": after "das"/"die" nominative and accusative
                # look alike and the morphologizer's guess between them is no evidence)
                subject = doc[k - 1]
                return k > j and "Ind" in tok.morph.get("Mood") and subject.pos_ in ("NOUN", "PROPN") and (
                    subject.morph.get("Case") in ([], ["Nom"]) or
                    subject.morph.get("Case") == ["Acc"] and doc[j].lower_ in NOM_ACC_ARTICLES)
            if tok.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and tok.text not in DASHES:
                return False
        return False

    def window(self, i: int) -> list[int]:
        """Token indices of the clause of token i, with the clauses a relative clause hangs on."""
        segs = {self.seg[i]}
        s = self.seg[i]
        while s in self.rel or s in self.coordinate:
            # a relative clause describes a noun of the clause before; a coordinated verb shares its subject
            s = self.rel[s] if s in self.rel else self.coordinate[s]
            segs.add(s)
        segs |= {r for r, head in self.rel.items() if head in segs}
        return [t for t in range(self.sent.start, self.sent.end) if self.seg[t] in segs]

    def governing(self, i: int) -> list[int]:
        """The clause a subordinate ("dass", "ob") clause of token i depends on: the one before it."""
        s = self.seg[i]
        if s not in self.subordinate and s not in self.coordinate:
            return []
        before = [t for t in range(self.sent.start, i) if self.seg[t] != s]
        return [t for t in before if self.seg[t] == self.seg[before[-1]]] if before else []

    def complement(self, i: int) -> list[int]:
        """The subordinate clause right after the clause of token i ("äußerten Zweifel, ob ...")."""
        s = self.seg[i]
        after = [t for t in range(i + 1, self.sent.end) if self.seg[t] != s]
        if not after or self.seg[after[0]] not in self.subordinate:
            return []
        return [t for t in after if self.seg[t] == self.seg[after[0]]]

    def relative_subject(self, i: int) -> list[Mention] | None:
        """Token i stands in a relative clause whose pronoun is its subject ("Russland, das die Ukraine
        angegriffen hat": the morphologizer's nominative): the clause's actor is the noun it describes. The
        states of that noun phrase before the comma ("Russland", "die russische Regierung"), or after a
        verb (an extraposed clause: "ist ein Wettbewerb entstanden, der England bedroht") the state that is the
        last noun before it; [] when that noun is no state; None when the clause is no such relative clause."""
        doc, s = self.doc, self.seg[i]
        if s not in self.rel:
            return None
        first = min(t for t in self.seg if self.seg[t] == s)
        p = first + 1 if doc[first].text == "," else first
        if p >= self.sent.end or doc[p].pos_ != "PRON" or "relative" not in syntax(doc[p].text) or \
                doc[p].morph.get("Case") != ["Nom"] or p - 1 < self.sent.start or doc[p - 1].text != ",":
            return None
        j = p - 2
        while j >= self.sent.start and (doc[j].pos_ in ("VERB", "AUX", "ADV", "PART") and j == p - 2 or
                                        doc[j].pos_ in ("VERB", "AUX") and doc[j + 1].pos_ in ("VERB", "AUX")):
            j -= 1  # "... entstanden ist, der": over the verbs closing the clause before
        phrase = []  # the noun phrase back to its article ("einen Wettbewerb", "die russische Regierung")
        while j >= self.sent.start and (doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or doc[j].text == "-"
                                        or self._is_mention(j)):
            phrase.append(j)
            if doc[j].pos_ == "DET" and not self._is_mention(j):
                break
            j -= 1
        found = [m for m in self.mentions if m.start in phrase or m.end in phrase]
        if not found and doc[p].lower_ == "das" and any(
                m.role == CORE and not m.genitive and p < m.start <= p + 5 and self.seg[m.start] == s for m in self.mentions):
            # "ein Manöver, das die Regierung in Taipeh als Einschüchterung verurteilte": a neuter pronoun is also
            # accusative; after a noun that is no state, a state right after the pronoun is the clause's subject
            # ("Russland, das die Ukraine angegriffen hat": a state's pronoun stays the subject; "was" takes up a
            # whole clause: "hat Bessarabien besetzt, was Rußland nie anerkannt hat" stays as it was)
            return None
        return [m for m in found if m.group == found[0].group] if found else []

    # -- mentions -------------------------------------------------------------------------------
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
            elif tok.pos_ in ("NOUN", "PROPN") and not seen_det and not self._is_mention(j):
                if _time_noun(tok.lower_):
                    return None, -1  # "verurteilte am Montag Russland": the preposition is the date's

            elif tok.pos_ == "NOUN" and seen_det and (det is None or det in GENITIVE_DET):
                # a genitive: the noun it belongs to may itself stand in a place phrase
                # ("am Widerstand Russlands", "in der Hauptstadt Syriens")
                k = j - 1
                while k >= self.sent.start and doc[k].pos_ in ("DET", "ADJ", "NUM"):
                    k -= 1
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

    def _roles(self) -> None:
        doc = self.doc
        for m in self.mentions:
            prep, j = self._left(m)
            m.prep = CONTRACTED.get(prep, prep) if prep else None
            m.prep_i = j
            if prep is None:
                m.role = CORE
            else:
                classes = syntax(prep)
                before = doc[j - 1].lower_ if j - 1 >= self.sent.start else ""
                nxt = doc[m.end + 1] if m.end + 1 < self.sent.end else None
                after = doc[m.end + 2] if m.end + 2 < self.sent.end else None
                # "vom Libanon aus": a place, unlike "Palästinenser aus dem Gazastreifen" (also before a
                # number: "schoss vom Libanon aus 155 Raketen ab")
                from_place = m.prep in ("von", "vom") and nxt is not None and nxt.lower_ == "aus" and (
                    after is None or after.pos_ not in ("DET", "NOUN", "PROPN", "ADJ"))
                if m.prep == "in" and "gov_noun" in syntax(before) or m.prep == "aus" and noun_of("representative", before):
                    m.role, m.prep = CORE, None  # "Regierung in Harare", "Delegationen aus Serbien"
                    # the state takes the role of its noun's own phrase ("Druck auf die Regierung in Harare": a partner)
                    outer, k = self._left(Mention(j - 1, j - 1, m.iso, "name"))
                    outer_cls = syntax(outer) if outer else frozenset()
                    if "partner_prep" in outer_cls or "agent_prep" in outer_cls:
                        m.role = PARTNER if "partner_prep" in outer_cls else AGENT
                        m.prep, m.prep_i = CONTRACTED.get(outer, outer), k
                elif m.prep == "in" and "regard" in syntax(before):
                    # "Washington sieht in Tokio seinen wichtigsten Verbündeten": what one sees in a state is the state's
                    m.role, m.prep, m.regarded = CORE, None, True
                elif m.prep == "in" and doc[j + 1].lower_ == "richtung":
                    # "feuerte Raketen in Richtung Südkorea ab": a direction, the target of an attack cue only
                    # ("Truppen in Richtung der ukrainischen Frontlinien" are no party of "besorgt")
                    m.role, m.prep = PLACE, "richtung"
                elif "agent_prep" in classes and m.kind == "capital" and self._passive_agent(m, j):
                    m.role = AGENT  # "wurde von Moskau scharf kritisiert", "die von Washington verhängten Sanktionen"
                elif "agent_prep" in classes and (m.kind == "capital" or from_place or noun_of("target", before)):
                    m.role = PLACE  # "Vertrag von London", "vom Libanon aus", "den Flughafen von Damaskus"
                elif "agent_prep" in classes and m.kind == "adj" and self._thing_after(m):
                    # "Stürmung von türkischem Redaktionsgebäude": "von" and a thing stand for a genitive, the
                    # object of the act, no actor
                    m.role, m.prep = CORE, None
                    m.genitive = True
                elif "agent_prep" in classes:
                    m.role = AGENT
                elif "partner_prep" in classes:
                    m.role = PARTNER
                elif "place_prep" in classes:
                    m.role = PLACE
                else:  # "als Russlands Reaktion": a particle, not a preposition
                    m.role, m.prep = CORE, None
            if self._ally(m):
                m.role, m.prep, m.ally = CORE, None, True
            m.genitive = m.role == CORE and not m.ally and (m.genitive or self._genitive(m))
            if m.kind == "capital" and self._in_route(m):
                m.role = PLACE  # "Pipeline Baku-Tiflis-Ceyhan", "Strecke Brüssel-Lille"
            head = next((t for t in doc[m.end + 1: min(self.sent.end, m.end + 4)]
                         if t.pos_ in ("NOUN", "PROPN") and not self._is_mention(t.i)), None)
            if head is not None and (m.kind == "adj" or head.i == m.end + 2 and doc[m.end + 1].text == "-"):
                m.nonstate = _nonstate(head.lower_)  # "spanischer Konzern", "US-Konzern"
            if head is not None and m.kind == "adj" and self._organisation_name(head, m):
                m.nonstate = True  # "dem deutschen Germanischen Lloyd": a company named after the adjective
            if self._source_phrase(m) or self._mediator(m):
                m.nonstate = True
            if m.kind == "capital" and "body_seat" in syntax(doc[m.start: m.end + 1].text):
                m.nonstate = True  # "Luxemburg kritisiert Brüssel": the EU, not Belgium
        self._headline_speakers()

    def _passive_agent(self, m: Mention, j: int) -> bool:
        """A capital after "von" (token j) that is the agent of a participle right after it ("wurde von Moskau
        scharf kritisiert", "die von Washington verhängten Sanktionen"), not a place named with a noun ("der
        Vertrag von Paris wurde unterzeichnet": "von" after a noun)."""
        doc = self.doc
        if j <= self.sent.start or doc[j].lower_ != "von" or doc[j - 1].pos_ in ("NOUN", "PROPN"):
            return False
        k = m.end + 1
        while k < self.sent.end and doc[k].pos_ == "ADV":
            k += 1
        return k < self.sent.end and doc[k].pos_ in ("VERB", "ADJ")

    def _thing_after(self, m: Mention) -> bool:
        """The noun the adjective m belongs to names what an attack hits (class target: "Redaktionsgebäude",
        "Stützpunkte"), no actor."""
        doc = self.doc
        head = next((t for t in doc[m.end + 1: min(self.sent.end, m.end + 3)] if t.pos_ in ("NOUN", "PROPN")), None)
        return head is not None and noun_of("target", head.lower_)

    def _organisation_name(self, tok, m: Mention) -> bool:
        """A proper noun inside an organisation the NER found after the adjective ("dem deutschen Germanischen
        Lloyd"; not one that takes the adjective in, "des Spanisch-Amerikanischen Krieges") that kg's gazetteer
        does not list as a government body or armed force of a state ("Bundeswehr", kinds gov/forces)."""
        if tok.pos_ != "PROPN" or tok.ent_type_ != "ORG":
            return False
        ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None or ent.start <= m.end:
            return False
        orgs = gazetteer.organisations()
        return not any(s <= tok.idx < e and eid.startswith("org/") and getattr(orgs.get(eid[4:]), "kind", None) in ("gov", "forces")
                       for s, e, eid, _l in self._refs)

    def _headline_speakers(self) -> None:
        """"USA: Iran soll Drohnen geschickt haben", "Merkel: Russland muss ...": states that are all the
        sentence holds before a colon are the speaker the headline quotes, no party of its verbs — when a
        state after the colon is the subject (before any verb); in "Kanzleramt: Keine Zusammenarbeit mit
        syrischer Armee" the speaker is the one that does not cooperate."""
        doc, start = self.doc, self.sent.start
        colon = next((t.i for t in doc[start: min(self.sent.end, start + 6)] if t.text == ":"), None)
        if colon is None or colon == start or not all(self._is_mention(t.i) or t.text in QUOTES for t in doc[start: colon]):
            return
        verb = next((t.i for t in doc[colon + 1: self.sent.end] if t.pos_ in ("VERB", "AUX")), self.sent.end)
        if not any(m.start > colon and m.end < verb and m.role == CORE and not m.nonstate for m in self.mentions):
            return
        for m in self.mentions:
            if m.end < colon:
                m.nonstate = m.headline = True

    def _mediator(self, m: Mention) -> bool:
        """The state mediates, it is no party of what the others agree or discuss: "einigten sich **unter
        Vermittlung** der Vereinigten Arabischen Emirate", "**unter katarischer Vermittlung**", "durch Vermittlung
        Ägyptens" (a `mediation` noun of relation_syntax.tsv in a phrase opened by a preposition, the state its
        adjective or genitive)."""
        doc, start, end = self.doc, self.sent.start, self.sent.end
        if m.kind == "adj":
            k = m.end + 1
            j = m.start - 1
        else:
            j = m.start - 1
            while j >= start and doc[j].pos_ in ("DET", "ADJ", "NUM"):
                j -= 1
            k = j
            j -= 1
        if not (start <= k < end and doc[k].pos_ == "NOUN" and noun_of("mediation", doc[k].lower_)):
            return False
        if m.kind == "adj":
            j = k - 1
        while j >= start and doc[j].pos_ in ("DET", "ADJ", "NUM") and not self._is_mention(j):
            j -= 1
        return j >= start and doc[j].pos_ == "ADP"

    def _source_phrase(self, m: Mention) -> bool:
        """The state names whose report it is, not a party: "nach japanischen Angaben", "russischen
        Berichten zufolge", "nach Angaben eines venezolanischen Beamten" (source nouns of source_nouns.tsv)."""
        doc, start, end = self.doc, self.sent.start, self.sent.end

        def opener(j: int, k: int) -> bool:  # "nach"/"laut" before token j, or "zufolge" after token k
            while j >= start and doc[j].pos_ in ("DET", "ADJ", "NUM"):
                j -= 1
            return j >= start and doc[j].lower_ in ("nach", "laut") or k < end and doc[k].lower_ == "zufolge"

        k = m.end + 1
        while k < end and doc[k].pos_ in ("ADJ", "NUM"):
            k += 1
        if m.kind == "adj" and k < end and doc[k].lower_ in _source_nouns() and opener(m.start - 1, k + 1):
            return True
        j, det = m.start - 1, None
        while j >= start and doc[j].pos_ in ("DET", "ADJ", "NUM"):
            det = doc[j].lower_ if doc[j].pos_ == "DET" else det
            j -= 1
        # a genitive ("Angaben der Ukraine", "Angaben Russlands"), not the object after the phrase
        # ("tötete nach eigenen Angaben einen Palästinenser")
        # ("nach Angaben Kiews", "nach Angaben Putins": a capital or leader in the genitive names the source too)
        genitive = det in GENITIVE_DET if det else m.kind in ("name", "capital", "leader", "org") and doc[m.end].text.endswith("s")
        if genitive and j > start and doc[j].lower_ in _source_nouns() and opener(j - 1, end):
            return True
        # the state is the source itself: "laut Kiew", "laut der Ukraine", "Kiew zufolge", "der russischen Regierung
        # zufolge", "laut russischen Behörden"; or the subject of a "wie" clause of speech ("wie Kiew mitteilte")
        if j >= start and doc[j].lower_ == "laut":
            return True
        k = m.end + 1
        while k < end and doc[k].pos_ in ("ADJ", "NUM") or m.kind == "adj" and k < end and doc[k].pos_ == "NOUN" and k == m.end + 1:
            k += 1
        # (only a phrase of its own: "einem Notenwechsel zwischen X und dem österreichischen Ministerium zufolge" is
        # the note's report)
        if k < end and doc[k].lower_ == "zufolge" and (j < start or doc[j].pos_ not in ("CCONJ", "NOUN", "PROPN", "ADP")):
            return True
        return self._speech_as_clause(m, j)

    def _speech_as_clause(self, m: Mention, j: int) -> bool:
        """m is the subject of a "wie" clause of speech ("..., wie Kiew mitteilte", "wie die Ukraine berichtete,
        ..."): the clause names the report's source, no party; token j is the word before m's phrase."""
        doc, start, end = self.doc, self.sent.start, self.sent.end
        if j < start or doc[j].lower_ != "wie" or j > start and doc[j - 1].text not in (",", "(") and doc[j - 1].text not in QUOTES:
            return False
        for t in doc[m.end + 1: end]:
            if t.text in (",", ";", ":", ")") or t.is_sent_end or t.text == ".":
                return False
            if t.pos_ in ("VERB", "AUX") and (t.lower_ in lexicon.speech_verbs() or (t.lemma_, None) in lexicon.speech_lemmas()):
                return all(u.pos_ in ("ADV", "PART", "ADP", "DET", "NOUN", "ADJ", "NUM") or u.text in QUOTES for u in doc[m.end + 1: t.i])
        return False

    def _ally(self, m: Mention) -> bool:
        """"an der Seite Russlands", "an der Seite russischer Truppen", "auf Seiten der USA"."""
        doc, j = self.doc, m.start - 1
        while j > self.sent.start and doc[j].pos_ in ("DET", "ADJ", "NUM") and doc[j].lower_ not in ("seite", "seiten"):
            j -= 1
        if j <= self.sent.start or doc[j].lower_ not in ("seite", "seiten"):
            return False
        k = j - 1
        if doc[k].pos_ == "DET" and k > self.sent.start:
            k -= 1
        return doc[k].lower_ in ("an", "auf")

    def _genitive(self, m: Mention) -> bool:
        """A genitive attribute right after its noun: "Teile Syriens", "Teile des Irak"."""
        doc = self.doc
        j = m.start - 1
        det = None
        while j >= self.sent.start and doc[j].pos_ in ("DET", "ADJ"):
            det = det or doc[j].lower_
            j -= 1
        if j < self.sent.start or doc[j].pos_ != "NOUN" or self._is_mention(j):
            return False
        if det is not None:
            # "das Territorium der Westsahara", "Teile der Ukraine": "der" right before a state's name, right
            # after a noun, is the genitive of a feminine or plural name (a dative object rarely follows a noun)
            return det in ("des", "eines") or det == "der" and m.kind == "name" and j == m.start - 2
        text = doc[m.start: m.end + 1].text
        return text.endswith("s") and text[:-1] in _forms()[0]

    def _in_route(self, m: Mention) -> bool:
        doc = self.doc
        before = m.start - 1 >= self.sent.start and doc[m.start - 1].text == "-" and not doc[m.start - 2].whitespace_
        after = m.end + 1 < self.sent.end and doc[m.end + 1].text == "-" and not doc[m.end].whitespace_
        return before or after

    def _groups(self) -> None:
        """Mentions joined by "und", "sowie" or commas (no verb or other preposition between) form a
        group; a mention without its own preposition inherits the role of the group's first member."""
        gid = 0
        prev: Mention | None = None
        compound: dict[int, int] = {}
        self.alternatives: set[frozenset[str]] = set()
        for m in self.mentions:
            if m.group <= -2:  # the parts of "deutsch-israelische"
                if m.group not in compound:
                    gid += 1
                    compound[m.group] = gid
                m.group = compound[m.group]
                prev = m
                continue
            if prev is not None and self._joined(prev, m):
                if self._left(m)[0] is None:
                    m.prep, m.role, m.prep_i = prev.prep, prev.role, prev.prep_i
                m.group = prev.group
            else:
                gid += 1
                m.group = gid
            prev = m

    def _joined(self, prev: Mention, m: Mention) -> bool:
        if self.seg[prev.end] != self.seg[m.start] or prev.end >= m.start:
            return False
        gap = self.doc[prev.end + 1: m.start]
        if len(gap) == 1 and gap[0].text == "-" and not gap[0].whitespace_ and not self.doc[prev.end].whitespace_:
            return True  # "Österreich-Ungarn", "Israel-Libanon-Konflikt": one name, one side or the two parties
        words = {t.lower_ for t in gap}
        if not (words & {"und", "sowie", ",", "&", "oder"} or {"als", "auch"} <= words):
            return False
        if any(t.pos_ in ("VERB", "AUX", "SCONJ") for t in gap):
            return False
        if self._new_subject(prev, m):
            return False
        if any("alternative" in syntax(t.text) for t in gap):
            self.alternatives.add(frozenset((prev.iso, m.iso)))  # "Russlands oder Chinas"
            return False
        own, j = self._left(m)
        # the only preposition allowed between is m's own when it names the state
        # ("Russland und die Staatsführung in Damaskus") or repeats the first one ("mit X und mit Y")
        if any(t.pos_ == "ADP" and t.i != j for t in gap):
            return False
        return own is None or m.prep is None or CONTRACTED.get(own, own) == prev.prep

    def _new_subject(self, prev: Mention, m: Mention) -> bool:
        """m right before a verb after a clause that has its full finite verb already is the subject of a clause of
        its own ("Deutschland liefert Waffen an die Ukraine, Russland protestiert"), no conjunct of prev; after an
        auxiliary the verb closes the clause ("hat mit der Ukraine und Russland unterzeichnet")."""
        doc = self.doc
        if m.end + 1 >= self.sent.end or not _verb(doc[m.end + 1]):
            return False
        text = doc[m.start: m.end + 1].text
        if text.endswith("s") and text[:-1] in _forms()[0]:
            return False  # "Großbritanniens, Italiens und Frankreichs": a genitive is no subject
        return any(t.pos_ == "VERB" and t.morph.get("Mood") and "auxiliary" not in syntax(t.lemma_)
                   for t in doc[self.sent.start: prev.start])

    def _anaphors(self) -> None:
        """"beide Staaten", "der beiden Länder": the two states named last before them."""
        doc = self.doc
        for tok in self.sent:
            if not tok.lower_.startswith("beid"):
                continue
            nxt = next((t for t in doc[tok.i + 1: min(self.sent.end, tok.i + 3)] if t.pos_ == "NOUN"), None)
            if nxt is None or "anaphor" not in syntax(nxt.text):
                continue
            before: list[str] = []
            for m in sorted(self.mentions, key=lambda m: -m.start):
                if m.start < tok.i and m.iso not in before:
                    before.append(m.iso)
            if len(before) < 2:
                continue
            probe = Mention(tok.i, nxt.i, "", "anaphor")
            prep, j = self._left(probe)
            role = CORE if prep is None else (AGENT if "agent_prep" in syntax(prep) else
                                              PARTNER if "partner_prep" in syntax(prep) else PLACE)
            gid = max([m.group for m in self.mentions] + [0]) + 1
            for iso in before[:2]:
                self.mentions.append(Mention(tok.i, nxt.i, iso, "anaphor", CONTRACTED.get(prep, prep), j, role, gid))

    # -- helpers --------------------------------------------------------------------------------
    def own_place(self, m: Mention) -> bool:
        """m has its own place preposition ("Botschaft in Wien"), not one inherited from a list."""
        prep, _ = self._left(m)
        return prep is not None and m.role == PLACE

    def prenominal(self, m: Mention) -> bool:
        """m may stand before a noun as its attribute: an adjective ("russische Angriffe"), a part of a
        compound ("Israel-Libanon-Konflikt", "US-Sanktionen") or a genitive name without article
        ("Russlands Angriff"), or a prepositional phrase ("gegen Russland Krieg führen"); a name after an article
        or bare ("sagt der Ukraine weitere Hilfe zu", "sagt Kiew Hilfe zu") is an object of the verb, no attribute
        of the noun after it."""
        doc = self.doc
        if m.kind in ("adj", "anaphor") or m.end + 1 < self.sent.end and doc[m.end + 1].text in DASHES:
            return True
        if m.prep is not None:
            return True  # a phrase of its own that names the noun's partner ("gegen Russland Krieg zu führen")
        text = doc[m.start: m.end + 1].text
        if "-" in doc[m.end].text:
            return True  # a name inside a compound token
        before = doc[m.start - 1] if m.start > self.sent.start else None
        return text.endswith("s") and not (before is not None and before.pos_ == "DET")

    def object_case(self, m: Mention) -> bool:
        """m (a name, or the noun an adjective belongs to) stands in the accusative or dative."""
        doc = self.doc
        head = doc[m.end]
        if m.prep is None and m.prep_i > self.sent.start:
            head = doc[m.prep_i - 1]  # "die Regierung in Peking": the case of "Regierung"
        elif m.kind in ("name", "capital") and not (m.start > self.sent.start and doc[m.start - 1].pos_ in ("DET", "ADJ")):
            # a name without article shows no case: the morphologizer's guess ("hat Russland die Ukraine
            # angegriffen": Russland Acc) is no evidence against the subject-first order of German clauses
            return False
        elif m.kind == "adj":
            if doc[m.end].morph.get("Case") == ["Nom"]:
                return False  # "erschossen israelische Soldaten drei Palästinenser": the adjective's own case decides
            head = next((t for t in doc[m.end + 1: min(self.sent.end, m.end + 4)] if t.pos_ in ("NOUN", "PROPN")), head)
        return bool(set(head.morph.get("Case")) & {"Acc", "Dat"})

    def members(self, m: Mention) -> list[Mention]:
        return [x for x in self.mentions if x.group == m.group]

    def usable(self, m: Mention) -> bool:
        return m.role != PLACE and not m.nonstate

    def directional(self, m: Mention, preps: frozenset[str], bare_in: bool = True) -> bool:
        """m stands after one of a cue's own prepositions, "in" with an accusative ("in den Libanon").
        A name without article after "in" ("in Syrien") is a direction only where the cue asks for one
        (bare_in: "Einmarsch in Polen", "Staatsbesuch in Peking"); after most verbs it is the place
        ("liefern Daten für Luftangriffe in Syrien")."""
        if m.prep not in preps or m.nonstate:
            return False
        if m.prep != "in":
            return True
        # "in den Libanon", "in Nordsyrien" are directions; "im Irak", "in der Ukraine" places
        tok = self.doc[m.prep_i]
        after = self.doc[m.prep_i + 1].lower_
        if after in ("den", "die", "das"):
            return True
        return bare_in and tok.lower_ != "im" and after not in ("der", "dem")


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
    return len(named) > 1 or "-" in sent.text and any(
        "-" in t.text and _compound_adjective(t.text) or  # "deutsch-israelische", spaced "deutsch - israelische"
        t.text == "-" and t.i > sent.start and t.i + 1 < sent.end and
        _compound_adjective(t.doc[t.i - 1].lower_ + "-" + t.doc[t.i + 1].text) for t in sent)


@lru_cache(maxsize=1)
def _leader_starts() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word of a leader's name -> (name tokens, iso), longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, iso in sorted(gazetteer.leaders().items(), key=lambda kv: -len(kv[0])):
        out.setdefault(key[0], []).append((key, iso))
    return out


@lru_cache(maxsize=4096)
def _federal_office(low: str) -> bool:
    """"bundeskanzlerin", "bundesaußenministers": an office word of class federal_office at the end,
    an inflection ending (-s, -n, -en) allowed."""
    offices = _class_endings("federal_office")
    return any(low.endswith(o + e) for o in offices for e in ("", "s", "n", "en"))


@lru_cache(maxsize=1)
def _source_nouns() -> frozenset[str]:
    return frozenset(lexicon.source_nouns())


@lru_cache(maxsize=1)
def _nonstate_words() -> tuple[str, ...]:
    return tuple(w for w, classes in lexicon.relation_syntax().items() if "nonstate" in classes)


def _nonstate(low: str) -> bool:
    return low.endswith(_nonstate_words())


@lru_cache(maxsize=1)
def _place_nouns() -> tuple[str, ...]:
    return tuple(w for w, classes in lexicon.relation_syntax().items() if "place_noun" in classes)


def place_noun(low: str) -> bool:
    return low.endswith(_place_nouns())


@lru_cache(maxsize=4096)
def _time_noun(low: str) -> bool:
    """"Montag", "Dienstagabend", "Januar": a date, no appositive head of a country (short endings
    only as the whole word: "Vertrag" is no "Tag")."""
    return any(low == w or len(w) >= 4 and low.endswith(w) for w in lexicon.time_nouns())


@lru_cache(maxsize=16)
def _class_endings(cls: str) -> tuple[str, ...]:
    return tuple(w for w, classes in lexicon.relation_syntax().items() if cls in classes)


def noun_of(cls: str, low: str) -> bool:
    """The word ends in a word of class `cls` of relation_syntax.tsv ("Menschenrechtslage": conduct)."""
    return low.endswith(_class_endings(cls))
