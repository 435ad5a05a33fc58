"""Entities of one document: gazetteer ids, persons found by NER or by role nouns, short names and
pronouns resolved to the full entity, all with their mentions."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract import lexicon
from kg.extract.labels import role_gender, role_label
from kg.extract.records import COUNTRY, GROUP, ORGANIZATION, PERSON, Entity, Mention
from kg.nlp import gazetteer
from kg.extract.doctext import doc_text

TITLES = {"Dr.", "Prof.", "Dr", "Prof", "Sir", "Lord", "Frau", "Herr", "Mr.", "Mrs.", "Ms."}
NAME_PARTICLES = {"von", "van", "de", "der", "al", "bin", "da", "di", "zu", "ibn", "el"}
FUNCTION_WORDS = {
    "Der", "Die", "Das", "Des", "Dem", "Den", "Ein", "Eine", "Einer", "Eines", "Einem", "Einen",
    "Er", "Sie", "Es", "Wir", "Ich", "Ihr", "Laut", "Nach", "Wie", "So", "Auch", "Doch", "Aber",
    "Und", "Oder", "In", "Im", "Am", "Auf", "Bei", "Mit", "Für", "Von", "Zu", "Zum", "Zur", "Als",
    "Während", "Dies", "Diese", "Dieser", "Dieses", "Jedoch", "Zudem", "Dabei", "Hier", "Dort",
    "Bereits", "Heute", "Gestern", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
    "Samstag", "Sonntag", "Berichten", "Angaben", "Regierung", "Staaten", "Länder", "Land",
    "Darin", "Damit", "Dazu", "Daher", "Deshalb", "Trotzdem", "Inzwischen", "Nun", "Jetzt", "Man",
    "Dem", "Demnach", "Außerdem", "Allerdings", "Später", "Zuvor", "Danach", "Weiter", "Ihm", "Ihr",
}
PRONOUNS = {"er", "sie", "Er", "Sie"}
APOSTROPHES = {"’", "'", "ʼ"}
INITIAL = re.compile(r"[A-ZÄÖÜ]\.")
HYPHENATED_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]*-[a-zäöü]+")


@lru_cache(maxsize=16384)  # asked for the same words over and over
def is_role_word(text: str) -> bool:
    """A noun that names a function by its last compound part ("Vereinschef", "Flughafenmanager");
    suffixes in extract/data/role_suffixes.tsv."""
    low = text.lower()
    return text[:1].isupper() and low.endswith(lexicon.role_suffixes())


@lru_cache(maxsize=1)
def place_nouns() -> tuple[str, ...]:
    return tuple(r[0] for r in lexicon.rows("place_nouns.tsv"))


@lru_cache(maxsize=16384)
def slug(text: str) -> str:
    text = text.replace("ß", "ss")
    if not text.isascii():  # (ASCII has nothing to decompose: most labels are asked once, so no cache helps)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_SLUG.sub("-", text.lower()).strip("-") or "x"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def country_id(iso: str) -> str:
    return f"country/{iso}"


class DocEntities:
    """Entities of one document with their mentions; ids are stable across documents."""

    def __init__(self, doc: Doc, doc_id: str):
        self.doc = doc
        self.toks = getattr(doc, "tokens", doc)  # the view's token list: toks[i] is doc[i] in C, for the hottest rules
        self.doc_id = doc_id
        self.entities: dict[str, Entity] = {}
        self.refs: list[tuple[int, int, str, str]] = []  # (start_char, end_char, entity id, label)
        self.roles: dict[int, Span] = {}  # token index -> ROLE span
        self.persons: list[tuple[Span, str]] = []  # (name span, entity id)
        # persons the NER or a role before a name found: the speaker rules add others while they
        # search, and those count only when a statement uses them (kg.extract.extract)
        self.found: set[str] = set()
        self.tagged = doc.has_annotation("POS")
        self._names: dict[int, Span | None] = {}  # name_at's answers, valid for _names_key
        self._name_tokens: dict[int, bool] = {}  # is_name_token's, the same
        self._ref_chars: set[int] | None = None  # see _known_ref, the same
        self._names_key: tuple[int, int] = (-1, -1)
        self._ref_starts: tuple[int, dict[int, tuple], list[int]] | None = None  # see _ref_index
        # (most texts have no apostrophe: then no token needs the test in _apostrophe_at)
        self._apostrophes = any(a in doc_text(doc) for a in APOSTROPHES)
        self._collect()

    # -- registration -------------------------------------------------------------------------
    def entity(self, eid: str) -> Entity:
        if eid in self.entities:
            return self.entities[eid]
        kind, _, key = eid.partition("/")
        if kind == "country":
            info = gazetteer.countries()[key]
            ent = Entity(eid, info["label"], COUNTRY, iso3=key, country=key)
        elif kind == "org":
            org = gazetteer.organisations()[key]
            ent = Entity(eid, org.label, ORGANIZATION, country=org.country)
        else:
            raise KeyError(eid)
        self.entities[eid] = ent
        return ent

    def mention(self, eid: str, start: int, end: int) -> Mention:
        m = Mention(self.doc_id, start, end, doc_text(self.doc)[start:end], eid)
        ent = self.entities[eid]
        if m not in ent.mentions:
            ent.mentions.append(m)
        return m

    def person(self, name: str, role: str | None = None, country: str | None = None) -> Entity:
        # (a listed surname alone or a genitive, "Merkel", "Merkels", "Barack Obamas", is the listed
        # person in every article: their statements meet on one node)
        full = self.resolve_name(name) or self.genitive_of(name) or lexicon.full_name(name) or name
        eid = f"person/{slug(full)}"
        ent = self.entities.get(eid)
        if ent is None:
            ent = self.entities[eid] = Entity(eid, full, PERSON)
        if role and not ent.role:
            ent.role = role_label(role)
        if country and not ent.country:
            ent.country = country
        return ent

    def unnamed(self, role: str, affiliation: str | None, label: str) -> Entity:
        """A speaker known only by role ("ein Sprecher des Kremls")."""
        key = slug(f"{role} {affiliation or ''}")
        # with no affiliation nothing ties "der Staatsanwalt" of one article to another's
        eid = f"person/{key}" if affiliation else f"person/{self.doc_id}/{key}"
        ent = self.entities.get(eid)
        if ent is None:
            country = self.country_of(affiliation) if affiliation else None
            ent = self.entities[eid] = Entity(eid, label, PERSON, role=role, country=country)
        return ent

    def group_id(self, label: str, named: bool = False) -> str:
        """A named group ("EADS", "Die CCE") is one node across documents; a plain noun phrase ("die
        Polizei", "Experten", "nach ersten Angaben") means other people in every article, so its id
        is scoped to the document (else Iraqi and German police would share one node)."""
        return f"group/{slug(label)}" if named else f"group/{self.doc_id}/{slug(label)}"

    def group(self, label: str, eid: str | None = None) -> Entity:
        eid = eid or self.group_id(label)
        ent = self.entities.get(eid)
        if ent is None:
            ent = self.entities[eid] = Entity(eid, label, GROUP)
        return ent

    def country_of(self, eid: str | None) -> str | None:
        if not eid:
            return None
        ent = self.entities.get(eid)
        if ent is None:
            try:
                ent = self.entity(eid)
            except KeyError:
                return None
        return ent.iso3 or ent.country

    # -- discovery ----------------------------------------------------------------------------
    def _collect(self) -> None:
        doc = self.doc
        for span in doc.spans.get("kg", []):
            if span.label_ == "ROLE":
                for i in range(span.start, span.end):
                    self.roles[i] = span
            elif span.id_:
                self.entity(span.id_)
                self.refs.append((span.start_char, span.end_char, span.id_, span.label_))
        found = [(name, self._role_in_name(ent, name), None) for ent in doc.ents if ent.label_ == "PER" and not ent.id_
                 and not self._after_place_noun(ent.start) for name in (self._clean_name(ent),)
                 if name is None or not self._after_role_genitive(name)]
        for i in sorted(self.roles):
            span = self.roles[i]
            if i != span.end - 1:
                continue
            name = self.name_at(span.end)
            if name is not None and doc[span.start].ent_type_ == "ORG" and doc[name.start].ent_iob_ == "I":
                continue  # "General Dynamics": the role word opens an organisation's name
            if name is not None and not self._after_role_genitive(name):  # (not "ein Sprecher Merkels")
                adj = self.country_adjective_before(span.start)
                found.append((name, role_label(span.text, role_gender(doc[span.end - 1])), self.country_of(adj)))
        # full names first: a one-word mention ("Lis", the genitive of "Li") then resolves to the full
        # name wherever in the article that stands
        for name, role, country in sorted((f for f in found if f[0] is not None), key=lambda f: len(f[0]) == 1):
            self._add_person(name, role, country)
        self.refs.sort()
        self._ref_starts = None  # (sorted now)

    def _add_person(self, name: Span, role: str | None = None, country: str | None = None) -> None:
        if any(s.start_char == name.start_char for s, _ in self.persons):
            if role or country:  # the NER found the name, the role before it says who it is
                self.person(name.text, role, country)
            return
        ent = self.person(self.shared_surname(name) or name.text, role, country)
        self.found.add(ent.id)
        self.persons.append((name, ent.id))
        self.mention(ent.id, name.start_char, name.end_char)
        self.refs.append((name.start_char, name.end_char, ent.id, "PER"))

    def _clean_name(self, span: Span) -> Span | None:
        # (the tokens read through the view when there is one: spaCy makes a Token per read of a Span)
        toks = [t for t in self.doc[span.start:span.end] if t.text not in TITLES and t.i not in self.roles]
        while len(toks) > 2 and is_role_word(toks[0].text) and toks[0].ent_iob_ == "B":
            toks = toks[1:]  # "Justizsprecher Joachim Banke": the NER took the role into the name
        while len(toks) > 2 and is_role_word(toks[-1].text):
            toks = toks[:-1]  # "… und Peter Jonas Professor": the role after the name is no part of it
        while toks and toks[-1].text in APOSTROPHES:
            toks = toks[:-1]  # "Michael O’" + "Leary": joined again below
        if any(t.text in APOSTROPHES for t in toks):
            toks = toks[:next(k for k, t in enumerate(toks) if t.text in APOSTROPHES)]
        if not toks or not all(t.text[:1].isupper() or t.text in NAME_PARTICLES or "-" in t.text for t in toks):
            return None
        tagged = self.doc.has_annotation("TAG") or self.doc.has_annotation("POS")
        # a lone capitalised word is a name only when the tagger calls it a proper noun: German
        # capitalises every noun, and "Truppen" or "Ankunft" at a sentence start are no persons
        if tagged and not all(t.pos_ == "PROPN" or t.text in NAME_PARTICLES or t.text == "-" and 0 < k < len(toks) - 1
                              for k, t in enumerate(toks)):  # ("Strauss" "-" "Kahn": a double name split)
            return None
        if len(toks) == 1 and (not tagged or toks[0].is_sent_start or toks[0].text in FUNCTION_WORDS):
            return None
        end = toks[-1].i + 1
        while (self._compound_part(end, end) or self._apostrophe_at(end)) and self.doc[end + 1].text[:1].isupper() \
                and not is_role_word(self.doc[end + 1].text) and \
                (self.doc[end + 1].pos_ != "NOUN" or self.doc[end + 1].ent_type_ == "PER"):
            # (not "UNMISS" "-" "Vertreter" nor "Rice" "-" "Äußerungen": a compound noun of a name)
            end += 2  # "Heidemarie Wieczorek" "-" "Zeul", "Michael O" "’" "Leary": the NER stopped inside a name
        if self._compound_part(toks[0].i, end):
            return None  # "Coca" of "Coca-cola": part of a word
        if toks[-1].text in NAME_PARTICLES:  # "Ursula von der" + "Leyen" when the NER stopped short
            if end < len(self.doc) and self.doc[end].text[:1].isupper() and self.doc[end].is_alpha:
                end += 1
            else:
                while end > toks[0].i + 1 and self.doc[end - 1].text in NAME_PARTICLES:
                    end -= 1
        return self.doc[toks[0].i: end]

    def _after_place_noun(self, i: int) -> bool:
        """"der Dörfer Coca": a name right after a kind of place is the place (extract/data/place_nouns.tsv)."""
        prev = self.doc[i - 1] if i > 0 else None
        return prev is not None and prev.pos_ == "NOUN" and prev.lower_.endswith(place_nouns())

    def _role_in_name(self, ent: Span, name: Span | None) -> str | None:
        """The role compound the NER took into a person's name ("Justizsprecher" of "Justizsprecher
        Joachim Banke"): the person's role, as a role before the name is."""
        if name is None or name.start == ent.start:
            return None
        words = [t.text for t in self.doc[ent.start:name.start] if is_role_word(t.text)]
        return words[-1] if words else None

    def _compound_part(self, start: int, end: int) -> bool:
        """Is doc[start:end] glued by a hyphen to the word before or after it?"""
        doc = self.doc
        toks = self.toks
        after = 0 < end < len(doc) - 1 and toks[end].text == "-" and not toks[end - 1].whitespace_ \
            and not toks[end].whitespace_ and toks[end + 1].is_alpha
        before = start > 1 and toks[start - 1].text == "-" and not toks[start - 1].whitespace_ \
            and not toks[start - 2].whitespace_ and toks[start - 2].is_alpha
        return after or before

    def _apostrophe_at(self, k: int) -> bool:
        """An apostrophe inside a name the tokenizer split ("O" "’" "Leary", "D" "’" "Alema")."""
        doc = self.doc
        toks = self.toks
        return self._apostrophes and 0 < k < len(doc) - 1 and toks[k].text in APOSTROPHES and not toks[k - 1].whitespace_ \
            and not toks[k].whitespace_ and toks[k + 1].text[:1].isupper() and toks[k + 1].is_alpha

    def _initial_end(self, k: int) -> int | None:
        """After a middle initial inside a name ("W." or "W" "." before "Bush"), where the name goes on."""
        doc = self.doc
        toks = self.toks
        n = k + 1 if INITIAL.fullmatch(toks[k].text) else (
            k + 2 if k + 1 < len(doc) and len(toks[k].text) == 1 and toks[k].text.isupper() and toks[k + 1].text == "."
            and not toks[k].whitespace_ else None)
        return n if n is not None and n < len(doc) and self.is_name_token(toks[n]) else None

    def is_name_token(self, tok: Token) -> bool:
        if not tok.text[:1].isupper():
            return False  # (_is_name_token's answer for most tokens, without the memo)
        memo = self._name_memo()[1]  # (read for the same tokens by every name search around them)
        known = memo.get(tok.i)
        if known is None:
            known = memo[tok.i] = self._is_name_token(tok)
        return known

    def _name_memo(self) -> tuple[dict[int, Span | None], dict[int, bool]]:
        """name_at's and is_name_token's answers: they depend only on the doc, the roles and the
        non-person refs, so they are kept until those change (the speaker rules ask for the same
        tokens again and again; a pronoun's antecedent search alone reads up to 80 tokens back)."""
        key = (len(self.refs), len(self.roles))
        if key != self._names_key:
            self._names, self._name_tokens, self._names_key = {}, {}, key
            self._ref_chars = None
        return self._names, self._name_tokens

    def _is_name_token(self, tok: Token) -> bool:
        text = tok.text
        if tok.i in self.roles or text in FUNCTION_WORDS or text in TITLES:
            return False
        if not text[:1].isupper() or not any(map(str.islower, text[1:] or "x")):
            return bool(HYPHENATED_NAME.fullmatch(text))  # "Jae-in"
        if self._apostrophe_at(tok.i + 1):
            return True  # "O" of "O’Leary": whatever the tagger calls the letter
        if self.tagged and tok.pos_ not in ("PROPN", "X") and not tok.ent_type_ == "PER":
            return False  # German capitalises every noun: with a tagger, names must be proper nouns
        if tok.ent_type_ != "PER" and lexicon.source_compound(tok.lower_):
            return False  # "aus Unternehmenskreisen" (the tagger's proper noun): a source, no name
        return text.isalpha() or "-" in text or "'" in text

    def name_at(self, i: int) -> Span | None:
        """The person name that starts at token i (after titles), if any: 1-4 name tokens."""
        names = self._name_memo()[0]
        if i in names:
            return names[i]
        found = names[i] = self._find_name_at(i)
        return found

    def may_start_name(self, i: int) -> bool:
        """False when name_at(i) is None for certain: token i is no name token and nothing
        name_at skips before a name (a title, a role, a role compound, a hyphen)."""
        if i >= len(self.doc):
            return False
        tok = self.doc[i]
        return tok.text in TITLES or i in self.roles or tok.text == "-" or is_role_word(tok.text) or \
            self.is_name_token(tok)

    def _find_name_at(self, i: int) -> Span | None:
        doc = self.doc
        toks = self.toks
        if i >= len(doc) or (not toks[i].text[:1].isupper() and toks[i].text != "-" and i not in self.roles):
            return None  # (most tokens: titles, role words and name tokens are capitalised)
        while i < len(doc) and (toks[i].text in TITLES or i in self.roles):
            i += 1
        # an unlisted role compound before the name ("Flughafenmanager Vedat Muftuoglu",
        # "Vereinschef Corny Littmann") is a role, not part of the name
        while (i + 2 < len(doc) and is_role_word(toks[i].text) and self.is_name_token(toks[i + 1])
               and self.is_name_token(toks[i + 2])) or (i + 1 < len(doc) and toks[i].text == "-"):
            i += 1
        j = i
        while j < len(doc) and j - i < 4:
            tok = toks[j]
            if self.is_name_token(tok) and not self._known_ref(tok):
                j += 1
            elif tok.text in NAME_PARTICLES and j > i and (n := self._after_particles(j)) is not None:
                j = n + 1  # "Ursula von der Leyen" (not "John Sifton von Human Rights Watch")
            elif j > i and self._apostrophe_at(j) and self.is_name_token(toks[j + 1]):
                j += 2  # "O" "’" "Leary"
            elif j > i and (n := self._initial_end(j)) is not None:
                j = n  # "George W. Bush": a middle initial
            elif tok.text == "-" and j > i and j + 1 < len(doc) and toks[j + 1].text[:1].islower():
                j += 2  # "Jae" "-" "in" if the tokenizer split it
            elif (tok.text == "-" and j > i and j + 1 < len(doc) and toks[j - 1].whitespace_ == "" and tok.whitespace_ == ""
                  and (toks[j + 1].pos_ == "PROPN" and self.is_name_token(toks[j + 1])
                       or toks[j - 1].ent_type_ == "PER" and toks[j + 1].text[:1].isupper() and toks[j + 1].is_alpha)):
                j += 2  # a double name split at its hyphen: "Müller" "-" "Lüdenscheidt", "Wieczorek" "-" "Zeul"
            else:
                break
        if j == i or self._compound_part(i, j):
            return None  # (a name glued to a word by a hyphen is part of that word: "Nordrhein-Westfale")
        return doc[i:j]

    def _after_particles(self, j: int) -> int | None:
        """The name token after the particles at j ("von der Leyen"), unless an organisation or place follows."""
        doc = self.doc
        k = j + 1
        if k < len(doc) and self.is_name_token(doc[k]) and doc[k].ent_type_ not in ("ORG", "LOC"):
            return k  # "Richard von Weizsäcker"
        # two particles only inside the NER's person ("Ursula von der Leyen": the tagger calls "Leyen" a
        # noun), not "Patrick Kamanda von der Nationalen Umweltbehörde"
        k += 1
        if k < len(doc) and doc[k - 1].text in NAME_PARTICLES and doc[j].ent_type_ == "PER" == doc[k - 1].ent_type_ \
                and doc[k].text[:1].isupper() and doc[k].is_alpha and doc[k].text not in FUNCTION_WORDS \
                and doc[k].ent_type_ not in ("ORG", "LOC") and not (k + 1 < len(doc) and doc[k + 1].text[:1].isupper()):
            return k
        return None

    def _known_ref(self, tok: Token) -> bool:
        self._name_memo()
        if self._ref_chars is None:  # offsets inside a ref other than a person's (a set: asked per token)
            self._ref_chars = {c for s, e, _, label in self.refs if label != "PER" for c in range(s, e)}
        return tok.idx in self._ref_chars

    def resolve_name(self, name: str) -> str | None:
        """A short name ("Moon") resolved to a full name already seen ("Moon Jae-in")."""
        parts = name.split()
        for span, eid in self.persons:
            full = self.entities[eid].label
            if full == name:
                return full
            words = full.split()
            if len(parts) < len(words) and all(p in words for p in parts):
                return full
        return None

    def genitive_of(self, name: str) -> str | None:
        """"Lis", "Strauss-Kahns": the genitive of a person seen before ("die Ausführungen Lis")."""
        if len(name) > 2 and name.endswith("s") and " " not in name:
            return self.resolve_name(name[:-1])
        return None

    def shared_surname(self, name: Span) -> str | None:
        """"Sonia Bogner" for "Sonia" of "Sonia und Willy Bogner": a lone first name coordinated with a
        first and last name shares the surname; None when the word is known as a surname itself."""
        doc, k = self.doc, name.end
        if len(name) != 1 or k + 2 >= len(doc) or doc[k].lower_ != "und" or (name.text,) in gazetteer.leaders():
            return None  # ("Obama und Joe Biden": a surname alone)
        other = self.name_at(k + 1)
        if other is None or len(other) != 2 or other.start != k + 1 or \
                any(e.label_ == "PER" and len(e) >= 2 and e[-1].text == name.text for e in doc.ents):
            return None
        full = f"{name.text} {other[-1].text}"
        return full if self.resolve_name(name.text) in (None, full) else None

    def _after_role_genitive(self, name: Span) -> bool:
        """Is the name right after a role noun the genitive of its owner ("ein Sprecher Merkels")?"""
        k = name.start - 1
        if k < 0 or not (k in self.roles or is_role_word(self.doc[k].text)):
            return False
        start = self.roles[k].start if k in self.roles else k
        det = self.doc[start - 1].lower_ if start > 0 else ""
        return self.genitive_owner(name, det in ("ein", "eine", "einer", "eines", "einem", "einen")) is not None

    def genitive_owner(self, name: Span, indefinite: bool = False) -> str | None:
        """The person whose genitive a one-word name after a role noun is ("Ein Sprecher Merkels",
        "Berater Obamas"): the surname of a person the NER found in the document, or a proper noun in
        -s the tagger reads as a genitive or that follows an indefinite role ("ein Sprecher Merkels":
        an indefinite role takes no name of its own without commas); None for a name of its own
        ("Regierungssprecher Seibert")."""
        if len(name) != 1 or not name.text.endswith("s") or name.text.endswith("ss"):
            return None
        stem = name.text[:-1]
        full = self.resolve_name(stem)
        if full is None and any(e.label_ == "PER" and e[-1].text == stem for e in self.doc.ents):
            full = next(e.text for e in self.doc.ents if e.label_ == "PER" and e[-1].text == stem)
        if full is None and ("Gen" in name[0].morph.get("Case") or indefinite) and name[0].pos_ == "PROPN":
            full = stem
        return full

    def refs_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        _first, starts = self._ref_index()
        if starts is None:
            return [r for r in self.refs if r[0] >= start and r[1] <= end]
        refs, out = self.refs, []
        for k in range(bisect_left(starts, start), len(refs)):  # (asked per sentence: no scan of all refs)
            r = refs[k]
            if r[0] > end:
                break
            if r[1] <= end:
                out.append(r)
        return out

    def ref_starting_at(self, char: int) -> tuple[int, int, str, str] | None:
        """The first ref (in `refs` order) that starts at offset `char`."""
        index = self._ref_starts  # (_ref_index inlined: asked ~70 times an article)
        if index is None or index[0] != len(self.refs):
            self._ref_index()
            index = self._ref_starts
        return index[1].get(char)

    def _ref_index(self) -> tuple[dict[int, tuple], list[int] | None]:
        """Refs by start offset (the first of each), and the start offsets in order when `refs` is
        sorted (it is after _collect); rebuilt when refs were added."""
        if self._ref_starts is None or self._ref_starts[0] != len(self.refs):
            first: dict[int, tuple] = {}
            for r in self.refs:
                first.setdefault(r[0], r)
            starts = [r[0] for r in self.refs]
            ordered = all(a <= b for a, b in zip(starts, starts[1:]))
            self._ref_starts = (len(self.refs), first, starts if ordered else None)
        return self._ref_starts[1], self._ref_starts[2]

    def country_adjective_before(self, i: int, window: int = 3) -> str | None:
        """ISO code of a country adjective/prefix right before token i ("südkoreanische Präsident",
        "US-Außenminister")."""
        lo = self.doc[max(0, i - window)].idx
        hi = self.doc[i].idx
        found = None
        for s, e, eid, label in self.refs:
            if s >= lo and e <= hi and eid.startswith("country/"):
                found = eid
        return found
