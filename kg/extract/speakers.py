"""Speaker phrases: names, roles, organisations, pronouns with their antecedents, unnamed groups."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract import lexicon
from kg.extract.antecedents import Antecedents
from kg.extract.docview import DocView
from kg.extract.doctext import doc_text
from kg.extract.entities import FUNCTION_WORDS, NAME_PARTICLES, PRONOUNS, DocEntities, is_role_word, place_nouns
from kg.extract.labels import phrase_label, role_gender, role_label
from kg.nlp import gazetteer

DETERMINERS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
               "einen", "einige", "mehrere", "viele", "zahlreiche"}
GENITIVE_LINKS = {"der", "des", "von", "vom", "am", "im", "beim", "bei", "an", "in"}
OBLIQUE_ARTICLES = {"den", "dem", "einem", "einen", "des", "eines"}
NAME_ARTICLES = {"The", "Le", "La", "Les", "El", "Il", "De", "Het"}  # articles that open a foreign name
INDEFINITE_ARTICLES = {"ein", "eine", "einer", "eines", "einem", "einen"}
SINGULAR_DETERMINERS = {"ein", "eine", "einer", "eines", "einem", "einen", "der", "des", "dem", "den"}
# nouns that, after a country adjective, make the country the speaker ("die spanische Regierung")
# a noun without article right before a name that ends so is a first name, no role ("Mayra Veliz"):
# German role nouns end in -e, -er, -in, -ent, … but hardly in these vowels
FIRST_NAME_ENDINGS = ("a", "i", "o", "u", "y")
GOVERNMENT_NOUNS = {"Regierung", "Staatsführung", "Führung", "Staaten", "Länder", "Land"}
NO_GROUP_HEADS = FUNCTION_WORDS - GOVERNMENT_NOUNS  # (made once: asked for every phrase)
_AGED = re.compile(r"\d+-[a-zäöü]+")  # "63-jährige" (compiled once: asked for every word of a phrase)
_AGED_NOUN = re.compile(r"(\d+-)?Jährige[rn]?")  # "der 39-Jährige" ("39" "-" "Jährige"): a person known by age


def positions(seq: list, values) -> list[int]:
    """The indices of the items of `seq` equal to one of `values`, in order: `list.index` scans in C,
    and a document holds few of the values a rule looks for."""
    out: list[int] = []
    for value in values:
        k = -1
        try:
            while True:
                k = seq.index(value, k + 1)
                out.append(k)
        except ValueError:
            pass
    out.sort()
    return out


def kind_of(low: str, nouns: tuple[str, ...]) -> bool:
    """Does the lower-case word end with one of `nouns`, also in the genitive ("nachrichtensenders")?"""
    return any(w.endswith(nouns) for w in (low, low.removesuffix("s"), low.removesuffix("es")))


@dataclass
class Speaker:
    entity_id: str
    mention: tuple[int, int]
    end: int  # token index after the speaker phrase
    role: str | None = None
    affiliation: str | None = None
    generic: str | None = None  # label of a plain noun-phrase speaker ("Analysten"), made a group when used
    named: bool = False  # the noun phrase is an organisation the NER found ("Die Grünen"): it may speak without a speech verb

    @property
    def group(self) -> bool:
        """A plain noun-phrase speaker (it has a generic label)."""
        return bool(self.generic)


class _GroupSpeaker(Speaker):
    """A group speaker whose label and id are made at their first read: most subject phrases are read
    and dropped (~95%: the sentence has no speech cue), and the label in the nominative is the dearest
    part of them (~25 µs). A label is never empty (a phrase has a word), so `group` needs none."""

    group = True

    def __init__(self, make, mention: tuple[int, int], end: int):  # (not the dataclass __init__)
        self._make, self._made = make, None
        self.mention, self.end, self.role, self.affiliation, self.named = mention, end, None, None, False

    def _label_and_id(self) -> tuple[str, str]:
        if self._made is None:
            self._made = self._make()
        return self._made

    @property
    def generic(self) -> str:
        return self._label_and_id()[0]

    @property
    def entity_id(self) -> str:
        return self._label_and_id()[1]


class SpeakerPhrases(Antecedents):
    """Speaker phrases of one document; `statements` (filled by the subclass) serve as antecedents."""

    def __init__(self, doc: Doc, ents: DocEntities):
        self.doc = doc
        self.toks = getattr(doc, "tokens", doc)  # the view's token list: toks[i] is doc[i] in C, for the hottest rules
        self.ents = ents
        self.verbs = lexicon.speech_verbs()
        self.tagged = doc.has_annotation("POS")
        self.last_person: str | None = None
        self.statements: list = []
        self._word_index: dict[frozenset[str], list[int]] = {}  # see words_in
        self._ends: tuple[int, dict[tuple[str, ...], str]] | None = None  # see _name_ends

    def words_in(self, words: frozenset[str], start: int, end: int) -> list[int]:
        """The indices of the tokens in [start, end) whose lower-case form is in `words`. The rules
        that look for a few words in every sentence ("laut", "hieß", a comma) read them from one
        index of the document per word set (sets and maps in C) instead of testing every token."""
        index = self._word_index.get(words)
        if index is None:
            lowers = self.doc.lowers if isinstance(self.doc, DocView) else [t.lower_ for t in self.doc]
            index = self._word_index[words] = positions(lowers, words.intersection(lowers))
        if not index:
            return index
        return index[bisect_left(index, start):bisect_left(index, end)]

    # -- speakers -------------------------------------------------------------------------------
    def ref_at(self, i: int) -> tuple[int, int, str, str] | None:
        toks = self.toks
        return self.ents.ref_starting_at(toks[i].idx)

    def token_at_char(self, char: int) -> int:
        bounds = self._char_span_bounds(char, char + 1)
        return bounds[0] if bounds is not None else 0

    def _char_span_bounds(self, s: int, e: int) -> tuple[int, int] | None:
        """(start, end) of the tokens that chars s to e touch (the view's bisection; spaCy makes a Span)."""
        if isinstance(self.doc, DocView):
            return self.doc.char_span_bounds(s, e)
        span = self.doc.char_span(s, e, alignment_mode="expand")
        return (span.start, span.end) if span is not None else None

    def _token_after_char(self, end_char: int, start: int) -> int:
        toks = self.toks
        j = start
        while j < len(self.doc) and toks[j].idx < end_char:
            j += 1
        return j

    def speaker_at(self, i: int, limit: int | None = None, generic: bool = False) -> Speaker | None:
        """The speaker phrase starting at token i: pronoun, gazetteer entity, named person
        (with titles and roles), or an unnamed role ("ein Sprecher des Kremls"); with `generic`
        also an organisation the NER found or a plain noun phrase ("Analysten", "die Veranstalter")."""
        doc, ents = self.doc, self.ents
        toks = self.toks
        limit = len(doc) if limit is None else limit
        if i >= limit:
            return None
        tok = toks[i]
        if tok.text in PRONOUNS:
            if tok.lower_ == "sie" and self._plural_verb_near(i):
                return None  # "sie sagten": a group, not the person named last
            antecedent = self.antecedent(tok.idx) or self.last_person or self._role_antecedent(i)
            if antecedent:
                return self._known(antecedent, (tok.idx, tok.idx + len(tok.text)), i + 1)
            return None
        particle = self._particle_name(i, limit)
        if particle is not None:  # "Von der Leyen" opening a sentence
            return self._known(particle[1], (particle[0].start_char, particle[0].end_char), particle[0].end)
        start, role, country_hint, det = i, None, None, None
        while i < limit and (nxt := self._modifier_end(i, start, limit)) is not None:
            if toks[i].lower_ in DETERMINERS and det is None:
                det = toks[i].lower_
            ref = self.ref_at(i)
            if ref and ref[2].startswith(("country/", "org/")):
                country_hint = ref[2]
                i = self._token_after_char(ref[1], i)
                continue
            i = nxt
            if i - start > 6:
                return None
        if i >= limit:
            return None
        ref = self.ref_at(i)
        if ref and ref[3] in ("COUNTRY", "ORG") and not self._role_end(i):
            ents.mention(ref[2], ref[0], ref[1])
            return Speaker(ref[2], (ref[0], ref[1]), self._token_after_char(ref[1], i))
        role_end = self._role_end(i)
        role_tok = None  # (the role's last token: its gender gives the role's label)
        genitive_owner: tuple[Span, int] | None = None  # (name, its index) of a role in the genitive
        if role_end:
            role = doc[i:role_end].text
            if role not in gazetteer.roles() and i - 2 >= start and toks[i - 1].text == "-" and \
                    not toks[i - 2].whitespace_ and not toks[i - 1].whitespace_ and toks[i - 2].text[:1].isupper() and \
                    ((ref := self.ref_at(i - 2)) is None or ref[3] == "PER") and (i - 2 == start or toks[i - 3].pos_ != "PROPN"):
                # "UNMISS-Vertreter": an unlisted role keeps the one unknown name glued to it, as the
                # whole compound is the role of a noun before a name ("SWR-Intendant")
                role = f"{toks[i - 2].text}-{role}"
            role_tok = role_end - 1
            i = role_end
        role_end_i = i - 1  # (the role's last token; after it an unnamed speaker's genitive)
        truncated = i - 2 >= start and toks[i - 2].text.endswith("-") and toks[i - 1].lower_ in ("und", "oder")
        # (the head of "Bau- und Verkehrsministerium" is a compound noun, whatever the tagger calls it)
        name = ents.name_at(i) if i < limit and not truncated else None
        if name is not None and role is None and name.start > i and is_role_word(toks[name.start - 1].text):
            role = toks[name.start - 1].text  # "Laut Justizsprecher Joachim Banke" (the tagger's proper noun)
            role_tok = name.start - 1
        if name is None and role is not None:  # "der Sprecher des Kremls, Dmitri Peskow, …"
            aff, j = self._genitive(i, limit)
            if j == i:
                j = self._genitive_phrase(i, limit)  # "der Sprecher des Welternährungsprogramms, X"
            k = j
            while k < limit and k - j < 4 and j > i and (toks[k].pos_ == "PROPN" or toks[k].text == "-" or (
                    toks[k - 1].text == "-" and toks[k].text[:1].isupper())):
                k += 1  # "der Gouverneur des Bundesstaates Oaxaca, X", "der Korrespondent in Mexiko-Stadt, X"
            j = k if k < limit and toks[k].text == "," else j
            if j + 1 < limit and toks[j].text == ",":
                name = ents.name_at(j + 1)
                country_hint = aff or country_hint
            elif j > i and j < limit and (full := ents.name_at(j)) is not None and len(full) >= 2 and \
                    full.start == j and self._role_end(j - 1):
                # "Ein Sprecher der EU-Kommissarin Viviane Reding": the name is the genitive role's, the
                # spokesman is hers (the owner: his affiliation)
                genitive_owner = (full, j)
            elif j > i and j < limit and (full := ents.name_at(j)) is not None and len(full) >= 2 and \
                    full.start == j:  # "die Sprecherin des Senats Ina Wolf" (a one-word name may be a place)
                name, country_hint = full, aff or country_hint
            else:  # "ein Sprecher der Klinik in Hamburg, Hans Weber, …"
                name = self._named_apposition(i, limit)
                country_hint = aff or country_hint
        owner_end, owner = None, None
        if genitive_owner is not None:
            full = genitive_owner[0]
            owner = ents.person(full.text, toks[genitive_owner[1] - 1].text).id
            ents.mention(owner, full.start_char, full.end_char)
            owner_end = full.end
        if name is not None and role is not None and name.start == i and (
                self._genitive_person(name) or (owner := self.ents.genitive_owner(name, det in INDEFINITE_ARTICLES)) is not None):
            # "Die Verteidiger Strauss-Kahns argumentierten": his lawyers speak; "Ein Sprecher Merkels":
            # her spokesman, whom she employs (the affiliation)
            owner = owner or self.ents.genitive_of(name.text)
            owner = self.ents.person(owner).id if owner else None
            if owner:
                ents.mention(owner, name.start_char, name.end_char)
            owner_end, name = name.end, None
        if (name is not None and det in OBLIQUE_ARTICLES and role is None and len(name) == 1 and name.start == i
                and not self._known_person(name)):
            name = None  # "mit den Worten", "in einem Interview": an oblique noun phrase is no speaker
        if name is not None and role is None and len(name) == 1 and toks[name.start].is_sent_start and \
                toks[name.start].ent_type_ != "PER" and not self._known_person(name):
            name = None  # "Offenbar entschied sich …": a capitalised first word the NER calls no person
        if name is not None and name.end <= limit and (all(t.ent_type_ == "ORG" for t in name) and (
                len(name) != 2 or toks[name.start].lower_.endswith(("er", "en", "es"))) or self._genitive_thing(name)
                or self._organisation_word(name)):
            # "Fox News Channel", "die Grünen", "des Roten Kreuzes", "Schweriner Umweltministerium": the
            # NER's organisation is a named group; of two words the first must look like an adjective
            # (a first and last name the NER calls an organisation, "Binali Yildirim", stays a person)
            sp = self.group_speaker(name.start_char, name.end_char, name.end)
            sp.named = True
            return sp
        if name is not None and name.end <= limit and (first := ents.shared_surname(name)) is not None:
            return self._couple(name, first, limit)
        if name is not None and name.end <= limit:
            affiliation = country_hint
            end = name.end
            appo = self._apposition(end, limit)
            if appo:
                role, role_tok = appo[0], None
                affiliation = appo[1] or affiliation
                end = appo[2]
            elif affiliation is None:
                affiliation = self._named_org_after(end, limit)  # "John Sifton von Human Rights Watch"
            country = ents.country_of(affiliation)
            role = role_label(role, role_gender(toks[role_tok])) if role_tok is not None else role
            person = ents.person(name.text, role, country)
            ents.mention(person.id, name.start_char, name.end_char)
            self.last_person = person.id
            if role is None and affiliation is None:
                return self._known(person.id, (name.start_char, name.end_char), end)
            return Speaker(person.id, (name.start_char, name.end_char), end, role, affiliation)
        if role is None and generic and country_hint and country_hint.startswith("country/") and i < limit and \
                toks[i].pos_ == "NOUN" and toks[i].text in GOVERNMENT_NOUNS:
            mention = (toks[start].idx, toks[i].idx + len(toks[i].text))  # "die spanische Regierung" speaks for Spain
            ents.mention(country_hint, *mention)
            return Speaker(country_hint, mention, i + 1, toks[i].text)
        if role is None:
            return self._generic_speaker(start, i, limit) if generic else None
        # an unnamed speaker known by role: "ein Sprecher des Kremls", "Internationale Beobachter"
        affiliation, end = self._genitive(i, limit) if genitive_owner is None else (owner, owner_end)
        if end == i:
            end = owner_end or self._genitive_phrase(i, limit)  # "ein Sprecher des Finanzministeriums"
        affiliation = affiliation or country_hint or owner
        mention = (toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text))
        base = gazetteer.roles()[role].base if role in gazetteer.roles() else role
        definite = det in ("der", "die", "des", "dem", "den")
        feminine = role.endswith(("in", "innen")) and not base.endswith("in")
        named = self._named_by_role(base, toks[start].idx, feminine) if definite and affiliation is None else None
        if named is not None:  # "Der GdP-Vorsitzende" after "der GdP-Vorsitzende Konrad Freiberg"
            ents.mention(named, *mention)
            return self._known(named, mention, end)
        singular = det in SINGULAR_DETERMINERS and not role.endswith("innen") and det != "die"
        if singular or (det in ("die", None) and role.endswith("in")):  # ("einer Armeesprecherin", "Polizeisprecherin X")
            aff_label = ents.entity(affiliation).label if affiliation else None
            written = role_label(role)  # (the label keeps the gender: "Ministerin (ohne Namen)"; the id the base)
            label = f"{written} ({aff_label})" if aff_label else f"{written} (ohne Namen)"
            if aff_label is None and end > role_end_i + 1:  # "Sekretär des Weltkongresses der Uiguren (ohne Namen)"
                label = f"{written} {doc_text(doc)[toks[role_end_i + 1].idx:mention[1]]} (ohne Namen)"
            ent = ents.unnamed(base, affiliation, label)
        else:
            ent = ents.group(phrase_label(doc, start, end))
        ents.mention(ent.id, *mention)
        return Speaker(ent.id, mention, end, role_label(role), affiliation)

    def _couple(self, name: Span, first: str, limit: int) -> Speaker:
        """"Sonia und Willy Bogner teilten mit": both speak, a named group of the two persons; each is a
        person node with the surname ("Sonia Bogner", "Willy Bogner")."""
        other = self.ents.name_at(name.end + 1)
        for full, span in ((first, name), (other.text, other)):
            person = self.ents.person(full)
            self.ents.found.add(person.id)  # (a node of its own, although the group speaks)
            self.ents.mention(person.id, span.start_char, span.end_char)
        sp = self.group_speaker(name.start_char, other.end_char, other.end)
        sp.named = True
        return sp

    def _named_by_role(self, base: str, before: int, feminine: bool | None = None) -> str | None:
        """The person named earlier in the document with this role or a compound of it (the most
        recent one): "die Ministerin" after "Außenministerin Anna Lenz", "der Sprecher" after
        "Regierungssprecher Paul Kern"; a feminine role form only for a feminine one and back."""
        roles = gazetteer.roles()
        best: tuple[int, str] | None = None
        for eid, ent in self.ents.entities.items():
            if ent.type != "Person" or not ent.role or ent.label.startswith(ent.role):  # (not an unnamed one)
                continue
            own = ent.role.split("-")[-1]  # "GdP-Vorsitzende"
            own_base = roles[own].base if own in roles else own
            if own_base != base and not own_base.lower().endswith(base.lower()):
                continue
            if feminine is not None and own.endswith(("in", "innen")) and not own_base.endswith("in") and not feminine:
                continue  # "der Minister" is not "Außenministerin X"
            if feminine and not own.endswith(("in", "innen")):
                continue
            seen = [m.start for m in ent.mentions if m.start < before]
            if seen and (best is None or max(seen) > best[0]):
                best = (max(seen), eid)
        return best[1] if best else None

    def _modifier_end(self, i: int, start: int, limit: int) -> int | None:
        """The token after a word that may come before the head of a speaker phrase: an article, a
        lower-case adjective or number ("die 56-jährige", "der englisch-sprachigen"), a country or
        organisation prefix ("US-", "EADS-"), a capitalised adjective before a role or opening the
        phrase ("Amerikanische Außenminister", "Weiße Farmer"); a name before a hyphenated role
        ("Human Rights Watch-Sprecher") is skipped whole."""
        toks = self.toks
        tok = toks[i]
        low = tok.lower_
        if low in DETERMINERS or tok.text == "-" or self._is_country_prefix(i):
            return i + 1
        if len(tok.text) > 1 and tok.text.endswith("-") and i + 2 < limit and toks[i + 1].lower_ in ("und", "oder"):
            return i + 2  # a truncated compound: "Das Bau- und Verkehrsministerium", "Kongress- und Militärkreise"
        # an adverb before an adjective ("offenbar friedensbewegten": the current UD conventions tag
        # adverbially used adjectives ADV) belongs to the phrase as well
        if (tok.text[:1].islower() and tok.text.replace("-", "").isalpha() and low not in self.verbs
                and (not self.tagged or tok.pos_ in ("ADJ", "DET", "NUM")
                     or tok.pos_ == "ADV" and i + 1 < limit and toks[i + 1].pos_ == "ADJ")):
            return i + 1
        if tok.text[:1].isdigit() and ((tok.text.isdigit() and i + 1 < limit and toks[i + 1].text == "-")
                                       or _AGED.fullmatch(tok.text)):
            return i + 1  # "58-Jährige", "die 63-jährige"
        adjective = tok.text[:1].isupper() and low.endswith(("e", "en", "er", "es"))
        if adjective and self._role_end(i + 1) and not self._role_end(i):
            return i + 1
        if (adjective and i == start and tok.pos_ in ("ADJ", "PROPN") and tok.ent_type_ != "PER"
                and i + 1 < limit and toks[i + 1].pos_ == "NOUN" and not self._role_end(i)):
            return i + 1
        if tok.pos_ == "PROPN" and low.endswith("s") and self._role_end(i + 1) and not self._role_end(i):
            return i + 1  # "Mannheims Bürgermeister"
        j = i
        while j < limit and j - i < 4 and toks[j].text[:1].isupper() and toks[j].pos_ in ("PROPN", "X", "NOUN"):
            j += 1
        if j > i and j + 1 < limit and toks[j].text == "-" and self._role_end(j + 1):
            return j + 1
        return None

    def _particle_name(self, i: int, limit: int) -> tuple[Span, str] | None:
        """"Von der Leyen" (a particle capitalised at the start of a sentence) as the end of a person's
        full name seen in the document."""
        toks = self.toks
        doc = self.doc
        if toks[i].lower_ not in NAME_PARTICLES or not toks[i].text[:1].isupper():
            return None
        ends = self._name_ends()
        for n in (3, 2):
            if i + n <= limit and toks[i + n - 1].text[:1].isupper():
                eid = ends.get(tuple(t.lower_ for t in doc[i:i + n]))
                if eid is not None:
                    return doc[i:i + n], eid
        return None

    def _name_ends(self) -> dict[tuple[str, ...], str]:
        """The last two and the last three words (lower case) of the persons' names that are longer ->
        the first such person of `ents.persons`: "Der" opens many sentences and is a name particle, and
        a scan of all persons per such sentence cost ~10 us."""
        persons = self.ents.persons
        if self._ends is None or self._ends[0] != len(persons):
            ends: dict[tuple[str, ...], str] = {}
            for _span, eid in persons:
                label = self.ents.entities[eid].label.lower().split()
                for n in (3, 2):
                    if len(label) > n:
                        ends.setdefault(tuple(label[-n:]), eid)
            self._ends = (len(persons), ends)
        return self._ends[1]

    def _organisation_word(self, name: Span) -> bool:
        """"Bundespolizei", "Landesapothekerverband Baden-Württemberg": a word of the name is a kind of
        organisation (extract/data/organisation_nouns.tsv; a compound, not the bare noun) the NER does
        not call a person: the name is the organisation's."""
        nouns = lexicon.organisation_nouns()
        return any(t.ent_type_ != "PER" and t.text[:1].isupper() and kind_of(t.lower_, nouns) and
                   not any(t.lower_ == n for n in nouns) for t in name)

    def _genitive_thing(self, name: Span) -> bool:
        """"des Belgrader Staatsfernsehens": proper nouns right after a genitive article, the last with
        the genitive -s, none a person to the NER, are an organisation or a thing (a person's name in
        the genitive takes no article: "Peter Müllers")."""
        doc = self.doc
        return name.start > 0 and doc[name.start - 1].lower_ in ("des", "eines") and \
            doc[name.end - 1].lower_.endswith("s") and not any(t.ent_type_ == "PER" for t in name) and \
            not self._known_person(name)

    def _genitive_person(self, name: Span) -> bool:
        """"Strauss-Kahns" after "Strauss-Kahn": the genitive of a person named before (whose role or
        people the noun before it names), not a person of its own."""
        owner = self.ents.genitive_of(name.text) if len(name) <= 3 else None
        return owner is not None and owner != name.text

    def _plain_name(self, name: Span) -> bool:
        """A name the NER missed that may stand before a person it found: no word of it inflected like
        an adjective or noun ("der Nationalen Umwelt Behörde", "dem Christdemokraten Balkenende") and
        not the short name of a person already known."""
        return not any(t.lower_.endswith(("e", "en", "er", "es", "em")) for t in name[:-1]) and \
            self.ents.resolve_name(name[-1].text) is None

    def _known_person(self, name: Span) -> bool:
        return any(s <= name.start_char < e for s, e, _eid, label in self.ents.refs if label == "PER") or \
            self.ents.resolve_name(name.text) is not None

    def _known(self, eid: str, mention: tuple[int, int], end: int) -> Speaker:
        ent = self.ents.entities[eid]
        return Speaker(eid, mention, end, ent.role, f"country/{ent.country}" if ent.country else None)

    def _is_country_prefix(self, i: int) -> bool:
        """A country adjective or a country/organisation before a hyphen ("US-Außenminister",
        "EADS-Chef"): the speaker's affiliation, not the speaker."""
        ref = self.ref_at(i)
        return bool(ref and ref[2].startswith("country/") and ref[3] == "COUNTRY_ADJ") or bool(
            ref and ref[2].startswith(("country/", "org/")) and self._token_after_char(ref[1], i) < len(self.doc)
            and self.doc[self._token_after_char(ref[1], i)].text == "-")

    def _plural_verb_near(self, i: int) -> bool:
        doc = self.doc
        for k in (i + 1, i - 1):
            if 0 <= k < len(doc) and doc[k].pos_ in ("VERB", "AUX"):
                return "Plur" in doc[k].morph.get("Number")
        return False

    def _genitive(self, i: int, limit: int) -> tuple[str | None, int]:
        doc = self.doc
        ref = self.ref_at(i) if i < limit and doc[i].text.endswith("s") else None
        if ref and ref[3] in ("COUNTRY", "ORG") and doc[self._token_after_char(ref[1], i) - 1].text.endswith("s"):
            self.ents.mention(ref[2], ref[0], ref[1])  # "der Innenminister Frankreichs": a bare genitive
            return ref[2], self._token_after_char(ref[1], i)
        if i < limit and doc[i].lower_ in GENITIVE_LINKS:
            j = i + 1
            while j < limit and j - i <= 3:
                ref = self.ref_at(j)
                if ref and ref[3] in ("COUNTRY", "ORG"):
                    self.ents.mention(ref[2], ref[0], ref[1])
                    end = self._token_after_char(ref[1], j)
                    while end + 1 < limit and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
                        end += 2  # "der US-Streitkräfte": the phrase ends after the compound, not inside it
                    return ref[2], end
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
        close = self._inserted_clause_end(i + 1, limit)
        role = role_label(rspan.text, role_gender(doc[rspan.end - 1]))
        if close is not None and close >= end:  # the apposition ends at its comma
            return role, aff, close
        return role, aff, max(end, rspan.end)

    def _inserted_clause_end(self, i: int, limit: int) -> int | None:
        """The comma closing an apposition or relative clause that starts at i (", ein Vertreter der
        Organisation „…“ (Inca), …"); quotations and parentheses inside it are skipped whole."""
        doc = self.doc
        k, depth = i, 0
        while k < limit and k - i < 30:
            text = doc[k].text
            if text in ("„", "(", "»"):
                depth += 1
            elif text in ("“", ")", "«") and depth:
                depth -= 1
            elif not depth and text in {".", ":", ";"}:
                return None
            elif not depth and text == ",":
                return k
            k += 1
        return None



    def _generic_speaker(self, start: int, i: int, limit: int) -> Speaker | None:
        """An organisation the NER found ("Die CCE") or a plain noun phrase, with its genitive
        ("Die Autoren der Studie", "Vertreter der Bauwirtschaftsverbände"): a group speaker."""
        doc = self.doc
        toks = self.toks
        if i >= limit or not toks[i].text[:1].isupper() or toks[i].text in NO_GROUP_HEADS \
                or toks[i].pos_ not in ("NOUN", "PROPN") or toks[i].lower_ in self.verbs:
            return None
        if _AGED_NOUN.fullmatch(toks[i].text) and toks[start].lower_ in ("der", "die") and toks[i - 1].text in ("-", toks[i].text):
            return self._aged_person(start, i)
        if start == i and (first := self.ents.shared_surname(doc[i:i + 1])) is not None:
            return self._couple(doc[i:i + 1], first, limit)  # "Hanna und Lukas Bremer" (the tagger's noun "Hanna")
        full = self.ents.resolve_name(toks[i].text) if start == i and toks[i].pos_ in ("PROPN", "NOUN") else None
        if full is not None and (toks[i].pos_ == "PROPN" or full.split()[-1] == toks[i].text):  # (a noun: the surname)  # "Lorenzen" after "Dirk Lorenzen": the person, not a group
            person = self.ents.person(full)
            self.ents.mention(person.id, toks[i].idx, toks[i].idx + len(toks[i].text))
            return self._known(person.id, (toks[i].idx, toks[i].idx + len(toks[i].text)), i + 1)
        end = i + 1
        while end + 1 < limit and toks[end].text == "-" and toks[end + 1].pos_ == "NOUN":
            end += 2  # "Eine DNA-Analyse" split at the hyphen
        if toks[i].ent_type_ in ("ORG", "PER", "LOC"):
            while end < limit and toks[end].ent_iob_ == "I":
                end += 1
        elif toks[i].ent_type_ == "" and toks[i].pos_ == "PROPN" and start == i and not lexicon.source_compound(toks[i].lower_):
            return None  # a lone unknown proper noun is more often a place or a thing ("aus Unternehmenskreisen" speaks)
        if end < limit and (toks[end].pos_ in ("PROPN", "NOUN", "X") or toks[end].ent_iob_ == "B") and \
                toks[end].text[:1].isupper() and kind_of(toks[end - 1].lower_, lexicon.organisation_nouns()):
            # "die Nachrichtenagentur Bernama", "der Zeitung The Times", "des Senders France Info"
            return self._organisation_name(end, limit)
        name = self.ents.name_at(end)  # (asked first: most phrases have none, then the kind is not looked at)
        if name is not None and end < limit and kind_of(toks[end - 1].lower_, place_nouns() + lexicon.time_nouns()):
            return None  # "der Bundesstaat Chiapas", "Ende April": a place or a date, nobody who speaks
        if name is not None:  # an unlisted role before a name: "die Gewerkschafterin Clara Vogt"
            if self._genitive_person(name):  # "Die Verteidiger Strauss-Kahns": people of his, a group
                return self.group_speaker(toks[start].idx, name.end_char, name.end)
            # the whole compound is the role ("SWR-Intendant Peter Boudgoust", not "SWR")
            role = role_label(doc_text(doc)[toks[i].idx:toks[end - 1].idx + len(toks[end - 1].text)],
                              role_gender(toks[end - 1]))
            if start == i == end - 1 and toks[i].lower_.endswith(FIRST_NAME_ENDINGS):
                name, role = doc[i:name.end], None  # "Mayra Veliz": a first name the tagger calls a noun
            person = self.ents.person(name.text, role)
            self.ents.mention(person.id, name.start_char, name.end_char)
            return Speaker(person.id, (name.start_char, name.end_char), name.end, role_label(role))
        end = self._genitive_phrase(end, limit)
        if toks[i].pos_ == "NOUN" and toks[i].ent_type_ == "" and (person := self._named_apposition(end, limit)):
            # "die Mitarbeiterin seines Büros in New Rochelle, Arminda Thomas, …": the person speaks
            role = toks[i].text
            ent = self.ents.person(person.text, role)
            self.ents.mention(ent.id, person.start_char, person.end_char)
            self.last_person = ent.id
            return Speaker(ent.id, (person.start_char, person.end_char), person.end, role, ent.country and f"country/{ent.country}")
        s, e = toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text)
        sp = self.group_speaker(s, e, end)
        sp.named = toks[i].ent_type_ == "ORG"
        return sp

    def _aged_person(self, start: int, i: int) -> Speaker:
        """"Der 39-Jährige": the person named in the sentence before or in this one, else an unnamed
        person of this article (never a group, never one node for every 39-year-old of the corpus)."""
        doc = self.doc
        prev = [s for s in doc.sents if s.start < start][-2:]
        lo = prev[0].start_char if prev else 0
        mention = (doc[start].idx, doc[i].idx + len(doc[i].text))
        aged = doc_text(doc)[doc[start + 1].idx:mention[1]]  # "39-Jährige"
        near = [r for r in self.ents.refs if r[3] == "PER" and lo <= r[0] < mention[0]]
        if near:
            eid = max(near)[2]
            self.ents.mention(eid, *mention)
            return self._known(eid, mention, i + 1)
        noun = aged if aged.endswith("r") or doc[start].lower_ == "die" else aged + "r"
        ent = self.ents.unnamed(noun, None, f"{noun} (ohne Namen)")
        self.ents.mention(ent.id, *mention)
        return Speaker(ent.id, mention, i + 1, None)

    def _named_apposition(self, end: int, limit: int) -> Span | None:
        """A person's name set off by commas after a noun and its attributes (", Arminda Thomas,")."""
        toks = self.toks
        k = end
        while k < limit and k - end < 8 and (toks[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM", "X") or (
                toks[k].text == "-" and not toks[k].whitespace_ and not toks[k - 1].whitespace_)) \
                and toks[k].lower_ not in self.verbs:
            k += 1  # "seines Büros in New Rochelle", "der US-Streitkräfte im Irak"
        if k + 1 >= limit or toks[k].text != ",":
            return None
        name = self.ents.name_at(k + 1)
        if name is None or name.end >= limit or not (len(name) >= 2 or self._known_person(name)):
            return None
        if toks[name.end].text != "," and not (
                name.start > k + 1 and len(name) >= 2 and toks[name.end].pos_ not in ("PROPN", "NOUN", "X")):
            # the closing comma may be missing after a title and a full name (", General George Casey
            # heute anlässlich …"), not after a bare name, which may begin a clause of its own
            return None
        return name

    def _organisation_name(self, i: int, limit: int) -> Speaker:
        """The name after a kind of organisation ("Gewerkschaft Nahrung-Genuss-Gaststätten", "Zeitung
        The Jakarta Post"): a named group, hyphenated parts kept together. A place after the kind is no
        name of its own: "der Landesbauernverband Rheinland-Pfalz", "die Polizei Hamburg" are the
        association or police of that place, named by both words."""
        toks = self.toks
        ref = self.ref_at(i)
        kind = toks[i - 1]
        place = toks[i].ent_type_ == "LOC" or bool(ref and ref[3] == "COUNTRY")
        if place:
            end = self._token_after_char(ref[1], i) if ref else i + 1
            while end < limit and (toks[end].ent_iob_ == "I" or toks[end].text == "-" or toks[end - 1].text == "-"):
                end += 1
            sp = self.group_speaker(kind.idx, toks[end - 1].idx + len(toks[end - 1].text), end)
            sp.named = True
            return sp
        if ref and ref[3] == "ORG":  # a listed organisation ("die Nachrichtenagentur Associated Press")
            self.ents.mention(ref[2], ref[0], ref[1])
            return Speaker(ref[2], (ref[0], ref[1]), self._token_after_char(ref[1], i))
        end = i + 1
        while end < limit and end - i < 8 and (toks[end].ent_iob_ == "I" or
                (toks[end].text == "-" and end + 1 < limit and toks[end + 1].text[:1].isupper() and not toks[end - 1].whitespace_)
                or (toks[end - 1].text == "-" and toks[end].text[:1].isupper())
                or (toks[end].pos_ in ("PROPN", "X") and toks[end].text[:1].isupper() and toks[end].ent_iob_ != "B")
                or (toks[end - 1].text in NAME_ARTICLES and toks[end].text[:1].isupper())):
            end += 1  # ("The" "Jakarta" "Post": a name's article opens it, whatever the NER makes of the rest)
        sp = self.group_speaker(toks[i].idx, toks[end - 1].idx + len(toks[end - 1].text), end)
        sp.named = True
        return sp

    def _named_org_after(self, i: int, limit: int) -> str | None:
        """"von Human Rights Watch" after a name: the organisation the NER found, as a named group."""
        doc = self.doc
        if not (i + 1 < limit and doc[i].lower_ in ("von", "vom") and doc[i + 1].ent_type_ == "ORG"
                and doc[i + 1].ent_iob_ == "B" and self.ref_at(i + 1) is None):
            return None
        end = i + 2
        while end < limit and doc[end].ent_iob_ == "I":
            end += 1
        label = doc_text(self.doc)[doc[i + 1].idx:doc[end - 1].idx + len(doc[end - 1].text)]
        ent = self.ents.group(label, self.ents.group_id(label, True))
        self.ents.mention(ent.id, doc[i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
        return ent.id

    def _role_end(self, i: int) -> int | None:
        """End of the role noun at i: a listed role or a compound ending in a role word
        ("Justizminister", "Polizeisprecherin")."""
        toks = self.toks
        if i in self.ents.roles:
            return self.ents.roles[i].end
        if i < len(self.doc) and toks[i].pos_ == "NOUN" and is_role_word(toks[i].text):
            return i + 1
        return None

    def _genitive_phrase(self, end: int, limit: int) -> int:
        """The end of genitive attributes after a noun ("der deutschen Bauwirtschaftsverbände")."""
        toks = self.toks
        while end + 1 < limit and toks[end].lower_ in ("der", "des") and not self._is_name_head(end - 1):
            # (a name takes no genitive of its own: "einer Pressemitteilung des BMI | der Verbesserung …")
            j = end + 1
            while j < limit and toks[j].is_alpha and toks[j].lower_ not in self.verbs and (
                    toks[j].text[:1].islower() or toks[j].pos_ == "ADJ"):
                j += 1
            if j < limit and toks[j].pos_ in ("NOUN", "PROPN") and toks[j].text[:1].isupper():
                end = self._name_end(end + 1, j + 1, limit)
            else:
                break
            if kind_of(toks[end - 1].lower_, lexicon.organisation_nouns()):
                k = end  # "ein Reporter des Senders Sky News": the organisation's name after its kind
                while k < limit and k - end < 4 and toks[k].text[:1].isupper() and (
                        toks[k].pos_ in ("PROPN", "X") or toks[k].ent_type_ in ("ORG", "MISC")):
                    k += 1
                if k > end:
                    return k
        return end

    def _name_end(self, start: int, end: int, limit: int) -> int:
        """The end of a phrase doc[start:end] not cut inside a multi-word name: a listed entity or
        the NER's name that starts in it runs to its end ("der Vereinten | Nationen")."""
        doc = self.doc
        for k in range(start, end):
            ref = self.ref_at(k)
            if ref is not None:
                end = max(end, min(limit, self._token_after_char(ref[1], k)))
        while end < limit and doc[end].ent_iob_ == "I" and doc[end - 1].ent_type_:
            end += 1
        return end

    def _is_name_head(self, k: int) -> bool:
        """A proper noun or an acronym ends the phrase at k: a name takes no genitive attribute."""
        tok = self.doc[k]
        return tok.pos_ == "PROPN" or (len(tok.text) > 1 and tok.text.isupper())

    def group_speaker(self, s: int, e: int, end: int, label: str | None = None) -> Speaker:
        return _GroupSpeaker(lambda: self._group_label_and_id(s, e, label), (s, e), end)

    def _group_label_and_id(self, s: int, e: int, label: str | None) -> tuple[str, str]:
        span = self._char_span_bounds(s, e)
        # the label in the nominative ("Medienberichte" for "nach Medienberichten"); the mention stays as written
        label = label or (phrase_label(self.doc, *span) if span is not None else doc_text(self.doc)[s:e])
        # (the tokens read through the view: spaCy's Span makes a Token and looks strings up per read)
        named = span is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PER", "LOC")
                                         for t in self.doc[span[0]:span[1]])
        return label, self.ents.group_id(label, named)
