"""Country relations: cue words (data/relation_cues.tsv) read against the countries of their clause
(relation_reading.Reading) — who acts, who is the partner, and whether the relation is denied or
only hedged. No parser: noun cues take the countries of their own noun phrase ("Krieg Russlands gegen
die Ukraine", "Gasstreit zwischen X und Y", "deutsch-israelische Beziehungen"), verb cues the first
country of the clause as actor and the nearest other as partner."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from kg.extract import lexicon
from kg.extract.entities import DocEntities
from kg.extract.lexicon import RelationCue
from kg.extract.records import Evidence, Relation
from kg.extract.relation_direction import RelationDirection
from kg.extract.relation_frames import GOVERNORS, NOUN_POS, RelationFrames
from kg.extract.relation_phrasings import RelationPhrasings
from kg.extract.relation_scope import RelationScope
from kg.extract.relation_mentions import AGENT, CORE, PARTNER, PLACE, Mention, may_name_two_states
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import QUOTES, VERB_POS, broken_word, place_noun, syntax, zu_infinitive

SCORE = re.compile(r"\b\d{1,2}:\d{1,2}\b")
NO_RELATION = "none"  # a cue type for words that contain a cue but name no relation between states
LOCAL_FRAMES = ("with", "compound", "owed")  # cue frames that hold only in the cue's own phrase
# acting in a state's favour (class favour of relation_syntax.tsv): read like a verb cue of its clause (its
# modals and negation count) of this type
FAVOUR_TYPE = "diplomatic_support"
# cue frames that make a word a cue only with a noun of this relation_syntax.tsv class in its clause: "die Kolonie
# ... übernommen" (seize), "achtet die Souveränität" (respect), "bezieht Gas aus X" (goods), "macht den Weg frei" (way),
# "zog seinen Botschafter ab" (envoy), "Einheiten üben" (drill), "eröffnet eine Botschaft in X" (embassy)
NOUN_FRAMES = {"seize": "seized", "respect": "aspiration", "goods": "goods", "way": "way", "envoy": "envoy", "drill": "drill", "embassy": "embassy",
               "expel": "expelled_from", "forces": "forces", "shut": "border", "assets": "assets",
               "label": "pejorative"}
# hostile acts an accusation may name in its "zu" clause ("wirft X vor, Y angegriffen zu haben"): X's act, alleged
ALLEGED = ("attack", "threat", "sanctions", "armed_conflict")
# cue types of sending forces or help: sent to a state's border (a `border` noun) they threaten it
SENDING = ("support", "military_support")
# articles only of an object ("den" is also dative plural): the noun after them is no subject
OBJECT_ARTICLES = frozenset({"den", "dem", "einen", "einem"})


@lru_cache(maxsize=200_000)
def _word_cues(low: str, pos: str) -> tuple[tuple[RelationCue, bool], ...]:
    """The cues a word (lower case, POS) may carry, each with whether it still needs its separated
    particle later in the clause. Cached: scanning every cue for every token was a quarter of extraction."""
    out = []
    for c in _cue_candidates(low):
        if c.pos in ("noun", "word"):
            if pos not in NOUN_POS:
                continue
            k = 0 if low.startswith(c.cue) else (low.rfind(c.cue) if c.pos == "noun" and len(c.cue) >= 4 else -1)
            # (a head of promise or bundle after a cue opening the word: "Beistands|verpflichtung", "Sanktions|paket")
            if k >= 0 and (len(low) - k - len(c.cue) <= 3 or k == 0 and _commitment_head(low[len(c.cue):])):
                out.append((c, False))
        elif c.pos in ("adj", "pred"):
            if pos in ("ADJ", "ADV", "VERB") and low.startswith(c.cue) and len(low) - len(c.cue) <= 3:
                out.append((c, False))
        elif pos in VERB_POS:
            if c.particle is None:
                if low.startswith(c.cue):
                    out.append((c, False))
            elif low.startswith((c.particle + c.cue, c.particle + "zu" + c.cue)):
                out.append((c, False))
            elif low.startswith(c.cue):
                out.append((c, True))
    return tuple(out)


@lru_cache(maxsize=1)
def _commitment_heads() -> tuple[str, ...]:
    return tuple(w for w, classes in lexicon.relation_syntax().items() if "commitment" in classes or "bundle" in classes)


def _commitment_head(rest: str) -> bool:
    """The rest of a word after a cue is a `commitment` or `bundle` head of relation_syntax.tsv, after a linking "s"
    or hyphen ("Beistands|verpflichtung", "Hilfs|zusage": the cue's relation promised; "Sanktions|paket",
    "Sanktions|runde", "Unterstützungs|paket": a bundle of it)."""
    rest = rest[1:] if rest[:1] in ("s", "-") else rest
    return any(rest.startswith(h) and len(rest) - len(h) <= 3 for h in _commitment_heads())


@lru_cache(maxsize=50_000)
def _old_spelling_cues(low: str, pos: str) -> tuple[tuple[RelationCue, bool], ...]:
    """The cues of a word in old spelling read in modern spelling ("Conflicte", "Bündniß", "Uebereinkommen";
    relation_spellings.tsv), none when it reads the same."""
    modern = lexicon.modern_spelling(low)
    return _word_cues(modern, pos) if modern != low else ()


def _cue_candidates(low: str) -> list[RelationCue]:
    """The cues (in lexicon order) that may match `low` in `_word_cues`: each test there needs the cue
    (or particle + cue) as a prefix of the word, or a noun cue ending in its last three letters; so
    only the cues keyed by such a substring are tested, not all of them (a miss of the cache above
    cost a test of every cue)."""
    index = _cue_index()
    n = len(low)
    found: set[int] = set()
    for b in range(1, n + 1):
        found.update(index.get(low[:b], ()))
    for e in range(max(1, n - 3), n + 1):
        for a in range(1, e):
            found.update(index.get(low[a:e], ()))
    cues = lexicon.relation_cues()
    return [cues[k] for k in sorted(found)]


@lru_cache(maxsize=1)
def _cue_index() -> dict[str, tuple[int, ...]]:
    """cue, particle + cue and particle + "zu" + cue -> positions of the cues in relation_cues()."""
    index: dict[str, list[int]] = {}
    for k, c in enumerate(lexicon.relation_cues()):
        keys = {c.cue} if c.particle is None else {c.cue, c.particle + c.cue, c.particle + "zu" + c.cue}
        for key in keys:
            index.setdefault(key, []).append(k)
    return {key: tuple(ks) for key, ks in index.items()}
RUN_STOP = ("VERB", "AUX", "SCONJ", "PRON", "ADV")


def _run_stop(tok: Token) -> bool:
    """A word that ends a cue's phrase: a verb, adverb, pronoun or pronoun-like determiner ("den beiden"),
    but no comparison particle ("Partnerschaften, wie zwischen X und Y")."""
    cls = syntax(tok.text)
    return "comparison" not in cls and (tok.pos_ in RUN_STOP or tok.pos_ == "DET" and "pronominal" in cls)
NEAR = 4  # tokens around a cue in which negation, hedges and qualifiers count
# criticism and threats may aim at a proposition rather than a named state ("äußerten Zweifel, ob die USA ...")
AT_PROPOSITION = ("criticism", "threat")
# support may aim at a state's own aim named with a place ("unterstützen die Unabhängigkeit der Mehrheit im Kosovo")
AT_ASPIRATION = ("support", "diplomatic_support")


def _infinitive(tokens: list[Token]) -> bool:
    """A "zu" infinitive clause: "gegen Russland Krieg zu führen", "die Ukraine anzugreifen"."""
    return any(t.lower_ == "zu" and t.pos_ == "PART" or t.pos_ == "VERB" and zu_infinitive(t.lower_) for t in tokens)


def _distinct(ms: list[Mention]) -> list[str]:
    return sorted({m.iso for m in ms})


def _within(ms: list[Mention]) -> list[tuple[str, str]]:
    return list(combinations(_distinct(ms), 2))


def _across(actors: list[Mention], targets: list[Mention]) -> list[tuple[str, str]]:
    return [(a, t) for a in dict.fromkeys(m.iso for m in actors) for t in dict.fromkeys(m.iso for m in targets) if a != t]


def _toward(reading: Reading, m: Mention, cue: RelationCue) -> bool:
    """m stands after one of the cue's own place prepositions as its partner: a direction ("Soldaten in
    den Libanon entsenden"), or for cues of frame `at` also the place itself ("Jets in der Türkei
    stationieren": the state hosting the forces)."""
    if cue.frame == "against" and m.prep == "richtung":
        return not m.nonstate  # "feuerte Raketen in Richtung Südkorea ab"
    if cue.frame in ("at", "embassy", "forces"):  # ("eröffnet eine Botschaft in Ramallah": the host state)
        return m.prep in cue.to and not m.nonstate
    return reading.directional(m, cue.to, bare_in=not cue.verbal or cue.frame == "against")


class RelationFinder(RelationFrames, RelationPhrasings, RelationDirection, RelationScope):
    def __init__(self, doc: Doc, ents: DocEntities):
        self.doc = doc
        self.ents = ents
        self.cues = lexicon.relation_cues()
        self.types = lexicon.relation_types()
        self.military = lexicon.military_words()
        self.modality = lexicon.modality_words()
        self.sports = lexicon.sports_words()
        self.qualifiers = lexicon.relation_qualifiers()
        self.found: dict[tuple[str, str, str], Relation] = {}
        self.reading: Reading | None = None  # the sentence being read (for cues of LOCAL_FRAMES)
        self.rebutted: set[int] = set()
        self.stood_by: list[tuple[int, Mention, str]] = []  # states the sentence's states stand by (sides())

    # -- cues -----------------------------------------------------------------------------------
    def cue_of(self, tok: Token, sent: Span) -> RelationCue | None:
        """The longest cue the word contains ("Einfuhrsperre" is a ban, not an import); none in a
        truncated compound ("Handels- und Aufenthaltsorte": its head is another word)."""
        if tok.text.endswith("-"):
            return None
        found = [c for c in self._cues_of(tok, sent) if c.frame not in LOCAL_FRAMES or self._local_frame(c, tok.i)]
        if found and "ratio" in syntax(tok.text) and tok.i > sent.start and self.doc[tok.i - 1].lower_ == "im":
            return None  # "im Verhältnis zu Frankreich": a comparison
        best = max(found, key=lambda c: len(c.cue)) if found else None
        return None if best is None or best.type == NO_RELATION else best  # "Bürgerkrieg": no cue

    def _local_frame(self, c: RelationCue, i: int) -> bool:
        """Cues that are cues only in their own phrase: a meeting noun with its partner, a joint unit
        after a compound adjective of two states (otherwise the word is no cue and ends no phrase)."""
        reading = self.reading
        if reading is None or not reading.sent.start <= i < reading.sent.end:
            return False
        if c.frame == "owed":
            return self._owed_to_state(reading, i, c)
        return self._with_partner(reading, i) if c.frame == "with" else self._compound_before(reading, i)

    def _no_relation_noun(self, tok: Token, sent: Span) -> bool:
        found = list(self._cues_of(tok, sent))
        return bool(found) and max(found, key=lambda c: len(c.cue)).type == NO_RELATION

    def _cues_of(self, tok: Token, sent: Span):
        pos = tok.pos_
        if pos == "DET" and (tok.i + 1 >= sent.end or self.doc[tok.i + 1].is_punct):
            pos = "VERB"  # "könnten sich bald einigen.": no determiner ends a clause (the tagger's "einigen")
        found = _word_cues(tok.lower_, pos) or self._broken_word_cues(tok, sent) or _old_spelling_cues(tok.lower_, tok.pos_)
        for c, particle_apart in found:
            if not particle_apart or self._particle_after(tok, sent, c.particle):
                yield c

    def _broken_word_cues(self, tok: Token, sent: Span) -> tuple[tuple[RelationCue, bool], ...]:
        """A cue word OCR broke at a line end ("Kon dolenzschreiben", "Verhandlun gen"; see broken_word): the
        cues of the joined word that open it and run across the break, when the second fragment carries no
        cue itself ("ein führender" stays two words: "ein" is a function word)."""
        joined = broken_word(tok, sent.end)
        if joined is None:
            return ()
        nxt = self.doc[tok.i + 1]
        if _word_cues(nxt.lower_, nxt.pos_):
            return ()
        for pos in dict.fromkeys((nxt.pos_, tok.pos_)):
            # the cue opens the joined word and runs across the break ("Krankenhaus behandelt" holds no "Handel")
            found = tuple((c, apart) for c, apart in _word_cues(joined, pos)
                          if joined.startswith(c.cue) and len(c.cue) > len(tok))
            if found:
                return found
        return ()

    def _particle_after(self, tok: Token, sent: Span, particle: str) -> bool:
        """A separated verb particle closes the clause: "griffen ... an.", "lehnt ... ab und"."""
        doc = self.doc
        for j in range(tok.i + 1, sent.end):
            t = doc[j]
            if t.text in {",", ";", ":"}:
                return False
            if t.lower_ == particle:
                nxt = doc[j + 1] if j + 1 < sent.end else None
                if nxt is None or nxt.is_punct or nxt.pos_ in ("CCONJ", "VERB", "AUX"):
                    return True
        return False

    def is_sports(self, sent: Span) -> bool:
        """Match reports: "gegen" and "siegen" there name an opponent in a game."""
        if SCORE.search(sent.text):
            return True
        hits = {strength: sum(t.lower_.startswith(prefixes) or t.lower_ in words for t in sent if t.is_alpha)
                for strength, (prefixes, words) in self.sports.items()}
        return hits["strong"] > 0 or hits["weak"] > 1  # ("verlor im Krieg", "gewann die Wahl": no match)

    # -- sentences ------------------------------------------------------------------------------
    def run(self) -> list[Relation]:
        for sent in self.doc.sents:
            if not may_name_two_states(sent, self.ents):
                continue  # (the check below would skip it too, after the costly Reading)
            reading = self.reading = Reading(sent, self.ents)
            if len({m.iso for m in reading.mentions if not m.nonstate or m.headline}) < 2 or self.is_sports(sent):
                continue
            cues = [(tok.i, c) for tok in sent if (c := self._strike(reading, tok, self.cue_of(tok, sent))) is not None and
                    (c.frame != "claim" or self._as_territory(reading, tok.i)) and
                    (c.frame not in NOUN_FRAMES or self._noun_in_clause(reading, tok.i, NOUN_FRAMES[c.frame])) and
                    (c.frame != "blame" or self._made(reading, tok.i)) and
                    (c.frame != "meet" or self._counterpart(reading, tok.i)) and
                    (c.frame != "vote" or self._vote_for(reading, tok.i)) and
                    (c.frame != "receive" or self._giver(reading, tok.i)) and
                    (c.frame != "pledge" or self._pledge(reading, tok, c))]
            verb_cues = [i for i, c in cues if c.verbal]
            # a cue noun that is the object of a demand, rejection or assent ("forderte Sanktionen gegen
            # X", "lehnt eine Zusammenarbeit mit X ab", "stimmte der Stationierung ... zu") is read with the
            # clause's subject; the governing verb is no relation of its own
            governed = {i: g for i, c in cues if not c.verbal and (g := self._governor(reading, i))}
            # (only when the noun names its states: "fordert von X die Auslieferung" is the verb's demand on X)
            taken: set[tuple[int, str]] = set()
            generic: list[tuple[str, str]] = []  # pairs "gemeinsam" made cooperation partners in this sentence
            # ("kämpfen an der Seite Russlands": the state stood by is no party of the clause's cues)
            stood_by = self.sides(reading)
            # (with a third state the ally joins the subject against it: "kämpft an der Seite Syriens gegen die Türkei")
            stood_by = self.stood_by = [(k, m, t) for k, m, t in stood_by
                                        if not m.ally or len(_distinct(self._candidates(reading, k, set()))) <= 2]
            # (...: there they are partners in arms, "military_cooperation", below)
            claimed: set[int] = {id(m) for _k, m, _t in stood_by}
            # noun phrases that name both sides themselves keep their countries from the others
            # ("Eskalation des Syrien-Konflikts nach dem Abschuss eines russischen Kampfjets durch die Türkei")
            self.bound = {}
            self.acts: dict[int, list[str]] = {}  # noun cue -> the states acting in it (directed types)
            self.rebutted: set[int] = set()  # cue nouns of a claim the clause's subject rejects (not denied by it)
            for i, cue in cues:
                if not cue.verbal:
                    left, run = self._attached(reading, i, [m for m in reading.mentions if not m.nonstate])
                    sides = {m.role == AGENT or m.role == PARTNER for m in left + run}
                    if len(sides) == 2 or len(_distinct(left + run)) >= 2 and len(sides) == 1 and False in sides:
                        self.bound[i] = {id(m) for m in left + run}
            # noun phrases first: a country they bind ("Sanktionen gegen Iran") is not also the
            # object of the clause's verb
            for i, cue in sorted(cues, key=lambda x: (x[1].verbal, x[0])):
                if cue.verbal and any((reading.fine[i], g) in taken for g in GOVERNORS & syntax(self.doc[i].text)):
                    continue
                if cue.verbal:
                    pairs, used = self.verb_pairs(reading, i, cue, claimed)
                    if not pairs and cue.type in AT_PROPOSITION:  # "kritisierte die russischen Angriffe auf X"
                        pairs, used = self._act_criticised(reading, i, cue, claimed)
                else:
                    pairs, used = self.noun_pairs(reading, i, cue, claimed, i not in governed and any(
                        reading.fine[v] == reading.fine[i] and not self._closed_conjunct(reading, v, i) for v in verb_cues))
                if cue.type == "attack" and pairs:
                    # "feuerte eine Rakete über Japan hinweg ab": a show of force over a state, no strike on it
                    over = {m.iso for m in used if m.prep == "über" and m.end + 1 < reading.sent.end and
                            self.doc[m.end + 1].lower_ == "hinweg"}
                    pairs = [(x, y, "threat" if y in over else t) for x, y, t in pairs]
                if cue.type in SENDING and pairs:
                    # "verlegt Truppen an die Grenze zur Ukraine": forces sent to a state's border threaten it
                    border = {m.iso for m in self._at_border(reading, i, used)}
                    pairs = [(x, y, "threat" if y in border else t) for x, y, t in pairs]
                governor = None if i in self.rebutted else governed.get(i)
                if governor == "conclude":  # "beendete die Zusammenarbeit"; "beendeten eine Verhandlungsrunde" took place
                    governor = None if cue.type == "negotiation" else "halt"
                if governor == "halt" and self.types[cue.type].polarity == "hostile":
                    governor = None  # "stellte die Angriffe ein": a hostile act stopped is still reported
                if not pairs and cue.type in ALLEGED:
                    # "Kiew wirft Moskau vor, Getreidelager beschossen zu haben": the accused act, only alleged
                    accused, aimed = self._accused(reading, i)
                    # (the states stay free for the accusation itself)
                    pairs, used = [(x, y, cue.type) for x, y in _across(accused, aimed)], []
                    governor = "alleged" if pairs else governor
                # (by the type the relation is written with: "die Lieferung amerikanischer Raketen" is military support)
                if not cue.verbal and pairs and any(self.types[self.retype(reading, i, t)].directed for _x, _y, t in pairs):
                    self.acts[i] = [x for x, _y, _t in pairs]
                if governor and pairs:
                    taken.add((reading.fine[i], governor))
                seen_as = {m.iso for m in used if m.regarded}
                for x, y, typ in pairs:
                    rtype = self.types[typ]
                    if y in seen_as and rtype.directed:
                        x, y = y, x  # "Die USA sehen in China eine Bedrohung": China threatens
                    if governor == "shield" and rtype.polarity == "hostile" and rtype.directed:
                        # "China blockierte eine Resolution gegen Myanmar": shielding the state it is aimed at
                        self.add(reading, i, cue, FAVOUR_TYPE, x, y)
                        continue
                    if cue.frame == "joint" and cue.pos == "adj" and typ == "cooperation":
                        a, b = sorted((x, y))
                        if (a, b, typ) not in self.found:
                            generic.append((a, b))
                    if governor == "threaten" and typ in ("attack", "armed_conflict"):
                        # "drohte Teheran mit einem Gegenschlag": violence threatened is the threat, nothing besides
                        self.add(reading, i, cue, "threat", x, y)
                        continue
                    if governor == "halt" and self.types[self.retype(reading, i, typ)].polarity != rtype.polarity:
                        # "stellte den Handel mit X ein": the trade denied, the embargo ("sanctions") asserted
                        # ("setzte die militärische Zusammenarbeit aus": a domain's type is denied itself)
                        self._store(reading, i, cue, typ, x, y, governor)
                        self.add(reading, i, cue, typ, x, y)
                        continue
                    self.add(reading, i, cue, typ, x, y, governor)
                    if governor == "demand" and rtype.polarity == "hostile" and rtype.directed and typ != "criticism":
                        # "forderte ein Embargo gegen Nigeria": demanding a hostile act is criticism
                        self.add(reading, i, cue, "criticism", x, y)
                    if governor == "threaten" and rtype.polarity == "hostile":
                        # "droht Bogotá mit Strafzöllen": the threat, and the measure threatened (hedged)
                        self.add(reading, i, cue, "threat", x, y)
                    if governor == "announce" and typ == "attack":
                        # "kündigte Vergeltung für den israelischen Angriff an": announced violence is a threat
                        # (announced sanctions are only planned)
                        self.add(reading, i, cue, "threat", x, y)
                if pairs and not (cue.frame == "joint" and cue.pos == "adj"):
                    # ("kritisierten gemeinsam ...": the adverb leaves its states to the clause's verb)
                    claimed |= {id(m) for m in used}
            self._drop_generic(generic)
            for k, x, y in self.demands(reading):  # "USA: Türkei muss ...", "X erklärte, Y müsse ..."
                self.add(reading, k, None, "criticism", x, y)
            for k, m, typ in stood_by:  # "X kämpft an der Seite Ys", "X stellt sich hinter Y"
                side = RelationCue(self.doc[k].lower_, "verb", typ, None, frozenset(), "pledge")
                actors = self._subject(reading, k, [x for x in self._candidates(reading, k, set()) if x.start < k], [m])
                for a in actors:
                    self.add(reading, k, side, typ, a.iso, m.iso)
            for k, x, y in self.favours(reading):  # "X verzichtete zugunsten Ys"
                favour = RelationCue(self.doc[k].lower_, "verb", FAVOUR_TYPE, None, frozenset(), "-")
                self.add(reading, k, favour, FAVOUR_TYPE, x, y)
        return sorted(self.found.values(), key=lambda r: r.key)

    def _bracketed(self, reading: Reading, i: int) -> list[Mention]:
        """A cue noun in brackets right after a state is said of that state: "befreiten Kuba (nach einer
        Besetzung durch die US-Armee)" — Cuba was occupied. The state's group, or []."""
        doc = self.doc
        k = i - 1
        while k > reading.sent.start and doc[k].text not in ("(", ")"):
            k -= 1
        if doc[k].text != "(" or k == reading.sent.start:
            return []
        before = next((m for m in reading.mentions if m.end == k - 1 and not m.nonstate), None)
        return [m for m in reading.mentions if before is not None and m.group == before.group]

    def _closed_conjunct(self, reading: Reading, v: int, i: int) -> bool:
        """Verb v closes a conjunct before cue noun i: "hat den Einspruch **abgelehnt und** so den Weg für seine
        Auslieferung nach Italien frei gemacht" — the noun stands in the next conjunct (which keeps the subject)
        and is no object of v."""
        doc = self.doc
        return v < i and v + 2 < i and doc[v].pos_ in ("VERB", "AUX") and doc[v + 1].lower_ in ("und", "sowie") and \
            doc[v + 2].pos_ not in ("VERB", "AUX") and not any(t.pos_ == "PUNCT" and t.text not in QUOTES for t in doc[v + 1: i])
        # ("kritisierte und prüfte die Lieferungen": two verbs of one object)

    def _candidates(self, reading: Reading, i: int, claimed: set[int]) -> list[Mention]:
        win = set(reading.window(i))
        return [m for m in reading.mentions if m.start in win and id(m) not in claimed and not m.nonstate]

    def _attached(self, reading: Reading, i: int, ms: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Countries of the cue's noun phrase: before it ("russische Angriffe", "Israel-Libanon-
        Konflikt", "deutsch-israelische Beziehungen") and after it up to the next verb or cue
        ("Krieg der Atommacht Russland gegen die Ukraine"; an apposition of countries between commas counts)."""
        doc, sent = self.doc, reading.sent
        left: list[Mention] = []
        j = i - 1
        while j >= sent.start:
            at = [m for m in ms if m.start <= j <= m.end]
            tok = doc[j]
            if at and not all(reading.prenominal(m) for m in at):
                break  # "sagt der Ukraine weitere Hilfe zu": a dative object before the noun, no attribute of it
            if at:
                left += at
                j = min(m.start for m in at) - 1
            elif tok.text in ("-", "--") or tok.text in QUOTES or tok.pos_ == "ADJ" and not left:
                j -= 1
            else:
                break
        right: list[Mention] = []
        own = self.cue_of(doc[i], sent)
        own_to = own.to if own is not None else frozenset()
        j = i + 1
        while j < sent.end and j - i <= 16:
            tok = doc[j]
            if j == i + 1 and tok.text in QUOTES:  # a quotation mark closing the cue: "die „Schuld“ an England"
                close = next((k for k in range(j + 1, min(j + 8, sent.end)) if doc[k].text in QUOTES), None)
                # or a quoted name after it: "die geplante Gaspipeline „Kraft Sibiriens 2“ von Russland nach China"
                j = close + 1 if close is not None and not any(t.is_punct and t.text not in QUOTES for t in doc[j + 1: close]) \
                    and not any(m.start > j and m.end < close for m in ms) and doc[j + 1].is_title else j + 1
                continue
            if tok.text == ",":
                nxt = [t for t in doc[j + 1: sent.end]]
                stop = next((k for k, t in enumerate(nxt) if t.text == "," or _run_stop(t)), len(nxt))
                inner = nxt[:stop]
                if not inner or not any(m.start == inner[0].i or m.start == inner[-1].i or
                                        inner[0].i <= m.start <= inner[-1].i for m in ms):
                    break
            elif _run_stop(tok) and not any(m.start == j for m in ms) or tok.is_punct and tok.text not in ("-", "--") or (
                    tok.pos_ in NOUN_POS and (self.cue_of(tok, sent) is not None or self._no_relation_noun(tok, sent))):
                break  # (also a noun that names an act of no state: "Anschluß Xs an Y und der Pressefeldzug gegen Z")
            elif tok.pos_ == "ADP" and any(m.role in (PARTNER, AGENT) and m.prep != "zwischen" for m in right) and not (
                    {"partner_prep", "agent_prep"} & syntax(tok.text)) and tok.lower_ not in own_to:
                break  # "Sanktionen gegen Iran | am Widerstand Russlands": an adverbial follows
                # (not the cue's own place preposition: "Pipeline von Russland **nach** China", a route)
            right += [m for m in ms if m.start == j]
            j += 1
        return left, right

    def _between(self, reading: Reading, i: int, ms: list[Mention], run: list[Mention]) -> list[Mention]:
        """"zwischen X und Y" after the cue ("Notenwechsel zwischen der Schweizer Botschaft in Wien
        und dem österreichischen Außenministerium"), or before it in the same phrase ("an der Grenze
        zwischen Pakistan und Indien einen Waffenstillstand")."""
        doc = self.doc
        if run:
            lo, hi = i, max(m.end for m in run)
        else:
            before = [m for m in ms if m.prep == "zwischen" and m.end < i]
            # "Zwischen Armenien und Aserbaidschan kam es zu Gefechten": a fronted "zwischen" phrase
            # names the parties of its clause, a later one only of the phrase it stands in
            fronted = bool(before) and self._clause_start(reading, before[0].prep_i)
            if not before:
                return self._between_later(reading, i, ms)
            if not fronted and any(t.pos_ in ("VERB", "AUX") for t in doc[before[-1].end + 1: i]):
                return []
            lo, hi = reading.sent.start, before[-1].end
        marks = [t.i for t in doc[lo: hi + 1] if t.lower_ == "zwischen"]
        if not marks:
            return []
        if run and marks[-1] - 1 > i and place_noun(doc[marks[-1] - 1].lower_) and not self._border_fighting(i, marks[-1] - 1):
            return []  # "Stationierung von UN-Truppen in der Grenzregion zwischen X und Y": a place
        inside = [m for m in ms if marks[-1] < m.start <= hi and not reading.own_place(m)]
        return inside if len(_distinct(inside)) >= 2 else []

    def _clause_start(self, reading: Reading, j: int) -> bool:
        """Token j opens its clause (sentence start or right after a comma, colon or semicolon)."""
        if j < 0:
            return False
        k = j - 1
        while k >= reading.sent.start and self.doc[k].text in QUOTES:
            k -= 1
        return k < reading.sent.start or self.doc[k].text in (",", ":", ";")

    def _subject(self, reading: Reading, i: int, ms: list[Mention], skip: list[Mention]) -> list[Mention]:
        """The clause's own state: its first country that is no partner or place (subjects lead in
        German clauses), with its group; for a "dass"/"um" clause the state of the clause it depends on."""
        isos = {m.iso for m in skip}
        core = [m for m in ms if m.role == CORE and m.iso not in isos and m not in skip]
        if not core:
            gov = set(reading.governing(i))
            core = [m for m in reading.mentions if m.start in gov and m.role == CORE and not m.nonstate and m.iso not in isos]
        if not core:
            return []
        seg = reading.seg[i]
        # a coordinated verb ("... und müssen ... abwägen") has the subject of the clause before
        home = reading.coordinate.get(seg, seg)
        own = [m for m in core if reading.seg[m.start] == home] or [m for m in core if reading.seg[m.start] == seg]
        pick = (own or core)[0]
        return [m for m in core if m.group == pick.group]

    def _complement_target(self, reading: Reading, i: int) -> list[Mention]:
        """Criticism of a proposition: "äußerten Zweifel, ob ... der Vereinigten Staaten ..."."""
        comp = set(reading.complement(i))
        # the proposition is about its states, wherever they stand ("ob im Rüstungsbereich der USA ...")
        return [m for m in reading.mentions if m.start in comp and not m.nonstate][:1]

    def noun_pairs(self, reading: Reading, i: int, cue: RelationCue, claimed: set[int],
                   verb_in_clause: bool) -> tuple[list[tuple[str, str, str]], list[Mention]]:
        ms = self._candidates(reading, i, claimed)
        # the phrases of other noun cues keep their countries ("Eskalation des Syrien-Konflikts nach
        # dem Abschuss eines russischen Kampfjets")
        others = {x for j, ids in self.bound.items() if j != i for x in ids}
        free = [m for m in ms if id(m) not in others]
        left, run = self._attached(reading, i, ms)
        # (a place whose preposition stands before the cue is the cue's: "beim Zusammenstoß chinesischer
        # und indischer Soldaten" — the genitive belongs to the clash, the clash to "bei")
        run_ok = [m for m in run if m.role in (CORE, AGENT, PARTNER) or _toward(reading, m, cue) or
                  cue.frame == "against" and self._target_place(reading, m) or self._cue_genitive(m, i)]
        typ = cue.type
        between = self._between(reading, i, ms, run)
        if between:
            return [(x, y, typ) for x, y in _within(between)], between
        if self._between_one_state(i, run):
            # "vermittelt in den Gesprächen zwischen Israel und der Hamas": the parties are named, one is no state
            return [], []
        agents = [m for m in run_ok if m.role == AGENT]
        genitives = [m for m in run_ok if self._cue_genitive(m, i)]
        # ("Vorwürfe aus Berlin", "Hilfe aus Deutschland": the state a directed act comes from acts)
        origins = [m for m in run if self._origin(m, i, cue)]
        run_ok += [m for m in origins if m not in run_ok]
        # ("Syrien-Einmarsch", "Iran-Sanktionen": a state's name as first part of a directed act is what it aims at)
        themes = [m for m in left if self._compound_theme(reading, m, i, cue)]
        partners = themes + [m for m in run_ok if m not in origins and (m.role == PARTNER or m.role != AGENT and m.prep in cue.to or
                             m.role == PLACE and m not in genitives or self._owner_of_aim(i, m))]  # (a place is what an attack hits: "Angriffe auf Ziele im Iran")
        core = [m for m in left if m not in themes] + [
            m for m in run_ok if (m.role == CORE or m in genitives or m in origins) and m not in partners]
        actors, targets = (agents, partners + core) if agents else (core, partners)
        undergoer = self._objective_genitive(reading, i, run_ok) if left and not agents else []
        if undergoer and self.types[typ].directed:
            # "die sowjetische Besetzung Litauens": the adjective acts, the genitive undergoes
            actors, targets = left, undergoer + [m for m in partners if m not in undergoer]
        attached = actors + targets
        if cue.frame == "compound":  # "die deutsch-französische Brigade": the two states of the adjective
            return [(x, y, typ) for x, y in _within(left)], left
        if cue.frame == "joint":
            group = actors if len(_distinct(actors)) >= 2 else self._clause_group(reading, i, free)
            out = [(x, y, typ) for x, y in (_within(group) if group is actors else self._pairwise(reading, i, group, cue))]
            if typ == "military_cooperation":  # "China hält Manöver rund um Taiwan ab": a show of force
                threatened = self._at_border(reading, i, free)
                side = group or self._subject(reading, i, [m for m in free if m not in threatened], threatened)
                out += [(x, y, "threat") for x, y in _across(side, threatened)]
                group = group + threatened
            return out, group
        if actors and targets:
            out = [(x, y, typ) for x, y in _across(actors, targets)]
            return out + self._in_arms(actors, cue), attached
        if actors and not targets and typ in AT_PROPOSITION and self._rebutted(reading, i):
            # "Washington wies die chinesischen Vorwürfe zurück": the claim was aimed at the subject, who rejects it
            subject = self._subject(reading, i, [m for m in free if m not in attached], actors)
            pairs = _across(actors, subject)
            if pairs:
                self.rebutted.add(i)
            return [(x, y, typ) for x, y in pairs] + [(y, x, "criticism") for x, y in pairs], actors + subject
        if len(_distinct(actors)) >= 2 and not targets:
            if cue.frame == "against":  # "russische und syrische Angriffe": allies
                return [(x, y, "military_cooperation") for x, y in _within(actors)], actors
            if not self.types[typ].directed:  # "deutsch-israelische Beziehungen"
                return [(x, y, typ) for x, y in self._pairwise(reading, i, actors, cue)], actors
        if self._nonstate_agent(reading, i) or self._org_compound(i):
            return [], []  # "Stationierung von UN-Truppen", "EU-Hilfen": the actor is named, no state
        if targets and not actors and not verb_in_clause and not self._cause(reading, i):  # "X befand sich im Krieg mit Y"
            subject = self._subject(reading, i, [m for m in free if m not in attached], targets)
            stood = [m for _k, m, _t in self.stood_by if reading.fine[m.start] == reading.fine[i]]
            if stood and i > reading.sent.start and self.doc[i - 1].lower_ == "im" and \
                    self.types[typ].polarity == "hostile" and not self.types[typ].directed:
                # "Washington stellt sich im Grenzstreit mit Venezuela hinter Guyana": the dispute is the state's stood by
                subject = stood
            if not subject and self._passive(reading, i):
                # "Der Angriff auf die Ukraine wurde von Russland befohlen": the passive's "von" agent
                agents = [m for m in free if m.role == AGENT and reading.fine[m.start] == reading.fine[i] and m not in attached]
                subject = [m for m in agents if m.group == agents[0].group] if agents else []
            if not subject:  # "Es gebe keine Spannungen mit Kasachstan, betonte ein Sprecher des Kremls"
                subject = [m for m in self._trailing_speaker(reading, i) if m.iso not in {t.iso for t in targets}]
            pairs = [(x, y, typ) for x, y in _across(subject, targets)]
            if pairs and self.types[typ].polarity == "cooperative" and not self.types[typ].directed:
                # "Finnland und Schweden schließen einen Verteidigungspakt mit Dänemark": the states on one side
                # of a pact or treaty with a third are its parties too (as with a verb cue)
                pairs += [(x, y, typ) for x, y in self._pairwise(reading, i, subject, cue)]
            return pairs + (self._in_arms(subject, cue) if pairs else []), targets
        if cue.frame == "condition" and not targets and len(_distinct(actors)) == 1:
            return [], actors  # "die Krise Italiens": a state's own condition, no relation to another state
        if actors and not targets and self._thing_opposed(i):
            return [], []  # "das schwedische Veto gegen eine Verwahrung der Sitze": aimed at a measure, no state
        if actors and not targets and not verb_in_clause:  # "Japan ... auf Unterstützung der USA hoffen"
            aimed = self._to_phrase(reading, i, cue, [m for m in free if m not in attached])
            if aimed:  # "In Großbritannien sind russische Geheimdienstmitarbeiter aktiv"
                return [(x, y, typ) for x, y in _across(actors, aimed)], actors + aimed
            if self._noun_attribute(reading, i):
                return [], actors  # "Als Reaktion auf den russischen Angriff verhängten die USA ...": not aimed at the USA
            # (the clause's subject, not an adjective on its object: "suchten den französisch-britischen Einfluss
            # zugunsten einer Unterstützung seitens Italiens zurückzudrängen" names no receiver of the support)
            partner = self._subject(reading, i, [m for m in free if m not in attached and not (
                m.kind == "adj" and m.start > reading.sent.start and self.doc[m.start - 1].lower_ in OBJECT_ARTICLES)],
                actors)
            if typ in AT_PROPOSITION and not partner:
                partner = self._complement_target(reading, i) or self._conduct_place(reading, i, actors)
            if not partner and self.types[typ].directed:
                partner = [m for m in self._bracketed(reading, i) if m.iso not in {a.iso for a in actors}]
            if self._possessive_before(reading, i):  # "ihre Unterstützung Russlands": Russia receives it
                return [(x, y, typ) for x, y in _across(partner, actors)], actors
            return [(x, y, typ) for x, y in _across(actors, partner)], actors
        if not attached and self._conceded(reading, i, typ):
            # "Japan und Südkorea wollen ihre Zusammenarbeit trotz des Streits ausbauen": what the states act despite is
            # between them (also when another cue of the clause took them)
            group = self._clause_group(reading, i, [m for m in reading.mentions if m.start in set(reading.window(i))
                                                    and not m.nonstate])
            return [(x, y, typ) for x, y in _within(group)] if len(_distinct(group)) == 2 else [], group
        if not attached:
            givers, receivers = self._thanked(reading, i, free)
            if givers:  # "X dankte Y für die Unterstützung": Y supported X
                return [(x, y, typ) for x, y in _across(givers, receivers)], givers + receivers
            group = self._clause_group(reading, i, free)
            if group and self._reciprocal(reading, i):
                # "X und Y lieferten sich Gefechte", "warfen einander Angriffe vor": they act on each other
                pairs = _within(group)
                return [(x, y, typ) for x, y in pairs] + [(y, x, typ) for x, y in pairs if self.types[typ].directed], group
            if cue.frame == "against" and group and not any(m.genitive for m in group):
                return [(x, y, "military_cooperation") for x, y in _within(group)], group
            rtype = self.types[typ]
            # "X und Y ... Waffenstillstand"; not for hostile words: states named together in a
            # crisis may well stand on one side ("die Kolonialmächte X und Y in der Sueskrise")
            if group and not rtype.directed and (rtype.polarity != "hostile" or self.doc[i - 1].lower_ == "im" or
                                                 self._their(reading, i) or self._waged(reading, i)):
                # ("X und Y stehen im Streit", "befanden sich im Krieg": the state they are in is between them;
                # "X und Y wollen ihre Grenzstreitigkeiten klären": their own dispute; "X und Y haben Krieg
                # geführt", "trugen einen Konflikt aus": a war waged by both sides is between them)
                return [(x, y, typ) for x, y in self._pairwise(reading, i, group, cue)], group
            if typ in AT_PROPOSITION:  # "X äußerte Zweifel, ob Y ...", "X zeigte sich besorgt über die Lage in Y"
                actor = self._subject(reading, i, free, [])
                target = self._complement_target(reading, i) or self._conduct_place(reading, i, actor)
                if target:
                    return [(x, y, typ) for x, y in _across(actor, target)], actor + target
            if not verb_in_clause:
                subject, obj = self._light_verb(reading, i, free)
                return [(x, y, typ) for x, y in _across(subject, obj)], subject + obj
        return [], []

    def _to_phrase(self, reading: Reading, i: int, cue: RelationCue, ms: list[Mention]) -> list[Mention]:
        """A cue noun with its own state before it ("russische Geheimdienstmitarbeiter") and a `to`
        preposition of its cue in its clause but away from it: with no verb cue in the clause, that
        phrase names where the act goes ("In Großbritannien sind russische Geheimdienstmitarbeiter aktiv"),
        the state it is aimed at; only a name of one state (its group)."""
        # (also goods moved: "Die Weizenimporte Ägyptens stammten aus Russland", "deutsche Exporte gingen in die USA")
        if not cue.to or not cue.type or not self.types[cue.type].directed and cue.type not in ("tension", "trade"):
            return []
        seg = reading.seg[i]
        found = [m for m in ms if m.prep in cue.to and m.role == PLACE and reading.seg[m.start] == seg
                 and not m.genitive]
        if cue.type == "trade":  # goods go where the phrase after them points ("In Deutschland stieg der Export
            # russischer Waren": where it rose, no partner)
            found = [m for m in found if m.start > i and reading.directional(m, cue.to, bare_in=False)]
        return found if len(_distinct(found)) == 1 else []

    def _objective_genitive(self, reading: Reading, i: int, run: list[Mention]) -> list[Mention]:
        """The state in the genitive right after the cue noun ("Besetzung Litauens", "Invasion der
        Ukraine", "Unterstützung des Irak") with its group."""
        doc, end = self.doc, reading.sent.end
        j, det = i + 1, None
        while j < end and doc[j].pos_ in ("DET", "ADJ") and j - i <= 3:
            det = det or doc[j].lower_
            j += 1
        first = next((m for m in run if m.start == j and m.role == CORE), None)
        if first is None:
            return []
        if det is None:
            genitive = "Gen" in doc[first.end].morph.get("Case") or doc[first.end].text.endswith("s")
        else:
            genitive = det in ("des", "der", "eines", "einer")
        return [m for m in run if m.group == first.group and m.role == CORE] if genitive else []

    def _nonstate_agent(self, reading: Reading, i: int) -> bool:
        """The cue noun's own "von"/"durch" phrase names an actor that is no country."""
        doc, end = self.doc, reading.sent.end
        if i + 1 >= end or "agent_prep" not in syntax(doc[i + 1].text):
            return False
        j = i + 2
        while j < end and (doc[j].pos_ in ("DET", "ADJ", "NUM") or j + 1 < end and doc[j + 1].text == "-"):
            j += 1  # articles, adjectives and the first parts of "UN-Truppen"
        if j < end and doc[j].text == "-":
            j += 1
        # a common noun that names actors ("von UN-Truppen", "durch Soldaten"), no goods ("Export von
        # Waffen": the subject exports); a name after "von" is often the place ("Schlacht von Marengo")
        return j < end and doc[j].pos_ == "NOUN" and not any(m.start <= j <= m.end for m in reading.mentions) and (
            self._org_compound(j) or "representative" in syntax(doc[j].text) or doc[j].lower_.endswith(("truppen", "soldaten")))

    def _owner_of_aim(self, i: int, m: Mention) -> bool:
        """A genitive state after the partner phrase of a cue noun owns what the act aims at, so it is
        the partner: "Kritik Frankreichs an der Politik Chinas", "Veto gegen den Eintritt Deutschlands"."""
        if not (m.role == CORE and m.genitive) or m.start <= i + 2:
            return False
        return any("partner_prep" in syntax(self.doc[k].text) and self.doc[k].lower_ != "zwischen"
                   for k in range(i + 1, m.start - 1))

    def _thing_opposed(self, i: int) -> bool:
        """The cue noun is followed by "gegen" and a phrase without a state: it names what is opposed,
        so no other state of the clause is its partner ("Protest Xs gegen das Urteil")."""
        return i + 1 < len(self.doc) and self.doc[i + 1].lower_ == "gegen"

    def _possessive_before(self, reading: Reading, i: int) -> bool:
        j = i - 1
        while j >= reading.sent.start and self.doc[j].pos_ == "ADJ":
            j -= 1
        return j >= reading.sent.start and self.doc[j].lower_.startswith(("sein", "ihr", "dessen", "deren"))

    def _clause_group(self, reading: Reading, i: int, ms: list[Mention]) -> list[Mention]:
        """States acting together as the clause's subject: its first states when they are a group
        ("Brasilien, Venezuela und Bolivien hatten ... präsentiert", "arbeiten beide Staaten")."""
        core = [m for m in ms if m.role in (CORE, AGENT)]
        own = [m for m in core if reading.seg[m.start] == reading.seg[i]] or core
        for m in own:
            group = [x for x in core if x.group == m.group]
            if len(_distinct(group)) >= 2:
                return group
            if m.kind != "anaphor":
                break
        anaphor = [m for m in core if m.kind == "anaphor"]
        return anaphor if len(_distinct(anaphor)) >= 2 else []

    def verb_pairs(self, reading: Reading, i: int, cue: RelationCue,
                   claimed: set[int]) -> tuple[list[tuple[str, str, str]], list[Mention]]:
        if not self.types[cue.type].directed:
            # states that sign or negotiate together may also be what a noun before bound
            # ("Kritik an einem von den USA und Brasilien unterzeichneten Abkommen")
            claimed = {c for c in claimed if not any(id(m) == c and len(_distinct(reading.members(m))) >= 2
                                                     for m in reading.mentions)}
        # a "zu" clause or a coordinated verb has no subject of its own ("..., um die Ukraine zu
        # unterstützen"): the state before acts; a "dass" clause has one, the state before is its
        # partner ("Thaçi geht davon aus, dass die USA die Unabhängigkeit anerkennen würden")
        own_clause = [self.doc[j] for j in reading.window(i) if reading.seg[j] == reading.seg[i]]
        dependent = reading.seg[i] in reading.coordinate or reading.seg[i] in reading.subordinate
        elided = reading.seg[i] in reading.coordinate or _infinitive(own_clause)
        if not any(reading.fine[m.start] == reading.fine[i] for m in reading.mentions if not m.nonstate) and \
                reading.seg[i] not in reading.subordinate:
            return [], []  # "..., lehnte aber ab": a verb of its own clause whose subject is no state
        ms = [m for m in self._candidates(reading, i, claimed)
              if m.role in (CORE, AGENT, PARTNER) or _toward(reading, m, cue) or
              cue.frame == "against" and self._target_place(reading, m)]
        referent = self._pronoun_subject(reading, i)
        if referent is not None:
            # "..., nachdem es die Ukraine angegriffen hatte": the pronoun is the subject, the clause's states objects
            objects = [m for m in ms if reading.fine[m.start] == reading.fine[i] and m.iso not in {r.iso for r in referent}]
            objects = [m for m in objects if m.group == objects[0].group] if objects else []
            return [(x, y, cue.type) for x, y in _across(referent, objects)], referent + objects
        speaker = self._inverted_speaker(reading, i)
        if speaker:  # "„…“, drohte der Führer des Irans": the state after the verb speaks of those before it
            said = [m for m in ms if m.end < i and m.iso not in {s.iso for s in speaker}]
            if said:
                nearest = max(said, key=lambda m: m.end)
                said = [m for m in said if m.group == nearest.group]
                return [(x, y, cue.type) for x, y in _across(speaker, said)], speaker + said
        subject: list[Mention] = []
        if reading.seg[i] in reading.coordinate or len(_distinct(ms)) == 1 and dependent:
            # "erkennt X an und kritisiert Y", "..., um die Ukraine zu unterstützen": the state
            # acting is the subject of the clause before (it may act again, though an earlier cue
            # claimed it); a coordinated verb's objects stand in its own clause
            gov = set(reading.governing(i))
            core = [m for m in reading.mentions if m.start in gov and m.role == CORE and not m.nonstate]
            subject = [m for m in core if m.group == core[0].group] if core else []
            if reading.seg[i] in reading.coordinate:
                ms = [m for m in ms if reading.seg[m.start] == reading.seg[i]]
            ms = subject + [m for m in ms if m not in subject]
            if not elided:
                subject = []
        if len(_distinct(ms)) < 2:
            if cue.type in AT_ASPIRATION and ms and not subject:
                # "Die USA unterstützen die Unabhängigkeitsbestrebungen der Mehrheit im Kosovo": the one state
                # of the clause supports the state whose aim it backs
                aimed = self._conduct_place(reading, i, ms, "aspiration")
                actors = [m for m in ms if m.group == ms[0].group]
                return [(x, y, cue.type) for x, y in _across(actors, aimed)], actors + aimed
            return [], []
        typ = cue.type
        if cue.frame == "joint":  # "X und Y stimmten zu": only states acting together, never an object
            group = self._clause_group(reading, i, ms)
            return [(x, y, typ) for x, y in self._pairwise(reading, i, group, cue)], group
        # a "von"/"durch" agent acts for a verb of its own clause only ("forderte X auf, eine
        # Einstufung von Marokko ...": Morocco does not demand)
        # ("verlangt von China": a "von" the cue lists as its partner's preposition names no agent)
        agents = [m for m in ms if m.role == AGENT and reading.fine[m.start] == reading.fine[i] and m.prep not in cue.to]
        # the verb's own agent stands nearest to it; another belongs to a noun ("Die Besetzung der Krim durch Russland
        # wird von der Ukraine nicht anerkannt": Ukraine does not recognise)
        agents.sort(key=lambda m: min(abs(m.start - i), abs(m.end - i)))
        # the subject leads; a state the morphologizer puts in the accusative or dative is rather an
        # object (its cases err, so such a state still acts when no other can)
        # (an ally, "an der Seite Deutschlands", joins the actor and is never the one acting first)
        core = sorted((m for m in ms if m.role == CORE and not m.ally), key=reading.object_case)
        own = [m for m in core if reading.seg[m.start] == reading.seg[i]]
        if not elided and self._reported(reading, i):
            # "Die Ukraine erklärte, Deutschland habe weitere Panzer zugesagt": the reported clause has its own subject
            # (a "zu" clause has none: "Der Iran bestreitet, Russland Drohnen geliefert zu haben")
            own = [m for m in own if reading.fine[m.start] == reading.fine[i]] or own
        if cue.frame == "cede" and not agents and self._passive(reading, i):
            return [], []  # "Hongkong wurde Britannien überlassen": the subject is what is ceded
        if not agents and self.types[typ].directed and self._passive(reading, i, participle=True) and \
                reading.relative_subject(i) is None:
            passive = self._agentless_passive(reading, i, ms, typ)
            if passive is not None:
                doers, undergoers = passive
                return [(x, y, typ) for x, y in _across(doers, undergoers)], doers + undergoers
        # "Russland, das die Ukraine angegriffen hat": a relative clause's subject pronoun acts for the noun it
        # describes; when that noun is no state ("ein Wettbewerb, der England bedroht") no state acts
        antecedent = None if agents else reading.relative_subject(i)
        if antecedent is not None:
            antecedent = [m for m in ms if m in antecedent]
            if not antecedent:
                return [], []
        first = agents[0] if agents else (antecedent or subject or own or core or [None])[0]
        if first is None:
            return [], []
        actors = [m for m in ms if m.group == first.group or m.ally and m.iso != first.iso]
        rest = [m for m in ms if m.iso not in {a.iso for a in actors}
                and not any(frozenset((a.iso, m.iso)) in reading.alternatives for a in actors)]
        # a state in a relative clause after the verb's clause belongs to that clause's own verb ("hat Bessarabien
        # besetzt, was Rußland nie anerkannt hat"; "unterstützt die Rebellen, die gegen X kämpfen")
        rest = [m for m in rest if reading.seg[m.start] == reading.seg[i] or reading.seg[m.start] not in reading.rel
                or m.start < i]
        if self.types[typ].polarity == "cooperative":
            # taking part "an der Blockade gegen X", helping "Y gegen X": a state a preposition of class
            # opposed sets against the act is never its partner in a cooperative relation
            rest = [m for m in rest if not (m.prep and "opposed" in syntax(m.prep))]
        else:  # "verbietet Demonstrationen gegen Israel": the state opposed belongs to the noun before it, no cue
            rest = [m for m in rest if not self._opposed_by_noun(reading, m)]
        # "unterstützt Marokkos Autonomieplan für die Westsahara": what a plan is for is no party of the verb
        rest = [m for m in rest if not self._proposal_topic(reading, m)] or rest
        # "hat Litauen wegen der Eröffnung einer taiwanischen Vertretung kritisiert": the object outside a phrase of
        # cause is the verb's, a state inside it belongs to that phrase
        rest = [m for m in rest if not self._in_cause_phrase(reading, m, i)] or rest
        targets: list[Mention] = []
        if "demand" in syntax(self.doc[i].text):
            # a demand is made of a state in its own clause ("verlangte von X", "forderte X auf"), not of one in
            # a relative clause after it ("verlangte einen Sitz, den X und Y unterstützten")
            rest = [m for m in rest if reading.fine[m.start] == reading.fine[i]]
        if rest:
            nearest = min(rest, key=lambda m: min(abs(m.start - i), abs(m.end - i)))
            targets = [m for m in rest if m.group == nearest.group]
        if not targets and typ in AT_PROPOSITION:
            targets = self._complement_target(reading, i) or self._conduct_place(reading, i, actors)
        if not targets and len(_distinct(actors)) >= 2:
            if cue.frame == "against" and self.types[typ].directed and self._reciprocal(reading, i):
                # "Russland und die Ukraine beschossen sich gegenseitig": each attacks the other, no allies
                return [(x, y, typ) for x, y in _within(actors)] + [(y, x, typ) for x, y in _within(actors)], actors
            if cue.frame == "against":  # "Russland und Syrien griffen ihre Gegner an"
                if any(m.genitive for m in actors):  # "Der IS hatte Teile Syriens und des Irak erobert"
                    return [], []
                return [(x, y, "military_cooperation") for x, y in _within(actors)], actors
            if len({m.start for m in actors}) == 1:
                return [], []  # "die deutsch-amerikanische Journalistin wurde freigelassen": one person's two states
            if not self.types[typ].directed or cue.frame == "joint":
                return [(x, y, typ) for x, y in self._pairwise(reading, i, actors, cue)], actors
            if self._reciprocal(reading, i):  # "X und Y beschuldigten sich gegenseitig": each the other
                return [(x, y, typ) for x, y in _within(actors)] + [(y, x, typ) for x, y in _within(actors)], actors
            return [], []
        out = [(x, y, typ) for x, y in _across(actors, targets)]
        rtype = self.types[typ]
        if targets:
            out += self._in_arms(actors, cue)
            if not rtype.directed and rtype.polarity != "hostile":
                out += [(x, y, typ) for x, y in self._pairwise(reading, i, actors, cue)]  # "X und Y unterzeichneten ... mit Z"
        return out, actors + targets

    @staticmethod
    def _in_arms(actors: list[Mention], cue: RelationCue) -> list[tuple[str, str, str]]:
        """States fighting or attacking a third together are partners in arms ("X kämpft an der Seite
        von Y gegen Z", "X und Y bombardierten Z", "X, Y und Z führten Krieg gegen W")."""
        if cue.frame != "against" and cue.type != "armed_conflict":
            return []
        return [(x, y, "military_cooperation") for x, y in _within(actors)]

    # -- records --------------------------------------------------------------------------------
    def flags(self, reading: Reading, i: int, cue: RelationCue) -> tuple[bool, bool]:
        sent, fine = reading.sent, reading.fine
        seg = reading.seg
        # the clause between commas, and of coordinated verbs only the cue's own ("rücken vor und
        # könnten ... sprengen": the modal hedges the second verb only)
        clause = [t for t in sent if fine[t.i] == fine[i] and seg[t.i] == seg[i] and t.i != i]
        # a verb's modal and negation stand anywhere in its clause ("könnte die Ukraine ... vordringen")
        near = [t for t in clause if abs(t.i - i) <= NEAR or cue.verbal]
        # ("Migranten ohne Asylanspruch zurücknehmen": "ohne" denies only the phrase it opens)
        negated = any(self.modality.get(t.lower_) == "negate" and (t.lower_ != "ohne" or 0 < i - t.i <= 3) for t in near) or any(
            t.i > i and "outcome" in syntax(t.text) and self.modality.get(t.lower_) == "negate" for t in clause)
        # a modal verb (class `modal`) before a noun cue hedges it however far ("könnten nach Ansicht Washingtons
        # bald diplomatische Beziehungen aufnehmen"), unless the noun is a genitive attribute, a thing that exists
        # ("soll der Tag für die Konferenz der griechisch-türkischen Kommission bestimmt werden")
        far_modal = not self._genitive_attribute(reading, i)
        # nor a noun cue with a possessive: what the states have exists, only its change is planned ("London und
        # Paris wollen ihre Verteidigungsallianz erweitern", "wollen ihre Grenzstreitigkeiten klären")
        owned = not cue.verbal and self._possessive_before(reading, i)
        # nor a state of conflict the clause's states are in: "Taiwan könne im Streit mit Peking auf Japan zählen" (the
        # dispute exists; the modal is about what happens in it)
        owned = owned or not cue.verbal and i > sent.start and self.doc[i - 1].lower_ == "im" and \
            self.types[cue.type].polarity == "hostile" and not self.types[cue.type].directed
        hedges = [t for t in clause if self.modality.get(t.lower_) == "hedge" and not (
            owned and ("modal" in syntax(t.text) or "ability" in syntax(t.text))) and (
            t in near or far_modal and "modal" in syntax(t.text) and (t.i < i or self._modal_of_subject(reading, i, t.i)))]
        # wanting not to is refusing: "will keine Waffen an die Ukraine liefern" is denied, not planned
        hedged = any(not (negated and "volition" in syntax(t.text)) for t in hedges)
        # a demand or a condition in the clause before: "werden aufgefordert, Druck auszuüben",
        # "Wenn Trump Präsident wird, muss die Regierung mit ihm zusammenarbeiten"
        prev = [t for t in sent if fine[t.i] == fine[i] - 1 and not t.is_punct]
        if prev and ("demand" in syntax(prev[-1].text) or "conditional" in syntax(prev[0].text)):
            hedged = True
        if clause and "conditional" in syntax(clause[0].text):
            hedged = True
        if not cue.verbal and not negated and any("exist" in syntax(t.text) for t in clause):
            # "Einen Krieg mit China werde es nicht geben": a negation anywhere in a clause of existence denies its noun
            negated = any(self.modality.get(t.lower_) == "negate" and t.lower_ != "ohne" for t in clause)
        if any(self.modality.get(t.lower_) == "hedge" and t.i > reading.sent.start and
               "hedge_predicate" in syntax(self.doc[t.i - 1].text) for t in clause):
            hedged = True  # "Ein Angriff auf den Iran gilt als wahrscheinlich", "hält X für möglich": the clause's
        if self._ruled_out(reading, clause):
            # "schließen Militärschläge nicht aus": possible, not denied; "schloss einen Krieg aus": denied
            negated, hedged = (False, True) if negated else (True, hedged)
        if self._hearsay(reading, i):
            hedged = True  # "spricht man von einem Veto", "wie man hört": a rumour
        if not cue.verbal and self._negotiated(reading, i, clause):
            hedged = True  # "verhandeln über eine Waffenruhe": what is negotiated is not yet agreed
        if prev and _infinitive(clause + [self.doc[i]]):
            # the verb a "zu" clause depends on: "wurde davon abgehalten, gegen Russland Krieg zu
            # führen" (denied), "erwägt, Sanktionen gegen Iran zu verhängen" (only considered)
            governor = [t for t in prev[-3:] if t.pos_ in ("VERB", "AUX", "ADJ")]
            negated = negated or any("prevent" in syntax(t.text) or self.modality.get(t.lower_) == "negate"
                                     for t in governor)  # "bestreitet, Russland Drohnen geliefert zu haben"
            hedged = hedged or any(self.modality.get(t.lower_) == "hedge" for t in governor)
        return negated, hedged

    def retype(self, reading: Reading, i: int, typ: str, wide: bool = False) -> str:
        window, clause = self._qualifier_words(reading, i)
        if wide:  # what is pledged may stand anywhere in the clause ("hat der Ukraine Systeme vom Typ X zugesagt")
            window = [t for t in clause if reading.fine[t.i] == reading.fine[i]]
        for scope, words in (("near", window), ("clause", clause)):
            new = next((q for t in words for base, p, q, s in self.qualifiers
                        if s == scope and base == typ and t.lower_.startswith(p)), None)
            if new:
                typ = new
                break
        military = any(w.startswith(self.military) for w in self._hyphen_words(window))
        if typ in ("cooperation", "support") and military:
            typ = "military_" + typ
        elif typ == "trade" and military:
            typ = "military_support"  # "verkauft Indien Kampfjets": weapons sold are weapons supplied
        return typ

    def _near(self, reading: Reading, i: int) -> list[Token]:
        """NEAR words either side of the cue; a country's name counts as one word ("Beziehungen zu
        Saudi-Arabien abgebrochen")."""
        inside = {j for m in reading.mentions for j in range(m.start + 1, m.end + 1)}
        out = [self.doc[i]]
        for step in (-1, 1):
            j, count = i + step, 0
            while reading.sent.start <= j < reading.sent.end and count < NEAR:
                out.append(self.doc[j])
                count += j not in inside
                j += step
        return sorted(out, key=lambda t: t.i)

    def add(self, reading: Reading, i: int, cue: RelationCue | None, typ: str, x: str, y: str,
            governor: str | None = None) -> None:
        if x == y or frozenset((x, y)) in reading.alternatives:  # "Russland oder China": no parties
            return
        wide = cue is not None and cue.frame == "pledge"
        for extra in self.also_types(reading, i, typ):
            self._store(reading, i, cue, extra, x, y, governor)
        self._store(reading, i, cue, self.retype(reading, i, typ, wide=wide), x, y, governor)

    def _store(self, reading: Reading, i: int, cue: RelationCue | None, typ: str, x: str, y: str,
               governor: str | None) -> None:
        rtype = self.types[typ]
        # (a demand phrased as an obligation, cue None, is asserted: its "nicht" belongs to the demand)
        negated, hedged = self.flags(reading, i, cue) if cue is not None else (False, False)
        hedged = hedged or governor in ("demand", "announce", "wish", "threaten", "alleged")
        negated = (negated or governor in ("reject", "renounce", "shield", "halt")) and i not in self.rebutted
        if not rtype.directed and y < x:
            x, y = y, x
        rel = self.found.get((x, y, typ))
        if rel is None:
            rel = self.found[(x, y, typ)] = Relation(x, y, typ, rtype.polarity, directed=rtype.directed,
                                                     negated=negated, hedged=hedged)
        else:
            rel.negated = rel.negated and negated
            rel.hedged = rel.hedged and hedged
        sent = reading.sent
        text = sent.text.strip()
        first = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        ev = Evidence(self.ents.doc_id, first, first + len(text), text, self.doc[i].text)
        if ev not in rel.evidence:
            rel.evidence.append(ev)
        for eid in (x, y):
            self.ents.entity(eid)


def extract_relations(doc: Doc, ents: DocEntities) -> list[Relation]:
    rels = RelationFinder(doc, ents).run()
    for rel in rels:
        rel.confidence = relation_confidence(rel)
    return rels


def relation_confidence(rel: Relation) -> float:
    """0.6 for one evidence sentence, +0.1 per further sentence up to 0.95; halved when hedged."""
    conf = min(0.95, 0.6 + 0.1 * (len(rel.evidence) - 1))
    return round(conf * (0.5 if rel.hedged else 1.0), 3)
