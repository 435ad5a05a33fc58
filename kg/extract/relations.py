"""Country relations: cue words (data/relation_cues.tsv) read against the countries of their clause
(relation_reading.Reading) — who acts, who is the partner, and whether the relation is denied or
only hedged. No parser: noun cues take the countries of their own noun phrase ("Krieg Russlands gegen
die Ukraine", "Gasstreit zwischen X und Y", "deutsch-israelische Beziehungen"), verb cues the first
country of the clause as actor and the nearest other as partner.

RelationFinder reads each sentence (run), flags each relation as denied or hedged, retypes it by its qualifiers
and stores it with its evidence; the mixins it composes find the cues (relation_cues.py), read noun and verb cues
(relation_nouns.py, relation_verbs.py) with the parties of a clause (relation_parties.py), and the frames,
phrasings, direction and scope of the rounds after them."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import lexicon
from kg.extract.entities import DocEntities
from kg.extract.lexicon import RelationCue
from kg.extract.records import Evidence, Relation
from kg.extract.relation_copula import RelationCopula
from kg.extract.relation_cues import RelationCues
from kg.extract.relation_denials import RelationDenials
from kg.extract.relation_direction import RelationDirection
from kg.extract.relation_flags import RelationFlags
from kg.extract.relation_frames import GOVERNORS, RelationFrames
from kg.extract.relation_goods import RelationGoods
from kg.extract.relation_joint import RelationJoint
from kg.extract.relation_mentions import AGENT, PARTNER, Mention, may_name_two_states
from kg.extract.relation_nouns import RelationNouns
from kg.extract.relation_parties import AT_PROPOSITION, RelationParties, _across, _distinct, _infinitive
from kg.extract.relation_participles import RelationParticiples
from kg.extract.relation_phrasings import RelationPhrasings
from kg.extract.relation_reactions import RelationReactions
from kg.extract.relation_reading import Reading
from kg.extract.relation_scope import RelationScope
from kg.extract.relation_verbs import RelationVerbs
from kg.extract.relation_withdrawal import WITHDRAW, RelationWithdrawal
from kg.extract.relation_words import QUOTES, syntax

# acting in a state's favour (class favour of relation_syntax.tsv): read like a verb cue of its clause (its
# modals and negation count) of this type
FAVOUR_TYPE = "diplomatic_support"
# cue frames that make a word a cue only with a noun of this relation_syntax.tsv class in its clause: "die Kolonie
# ... übernommen" (seize), "achtet die Souveränität" (respect), "bezieht Gas aus X" (goods), "macht den Weg frei" (way),
# "zog seinen Botschafter ab" (envoy), "Einheiten üben" (drill), "eröffnet eine Botschaft in X" (embassy)
NOUN_FRAMES = {"seize": "seized", "respect": "aspiration", "goods": "goods", "way": "way", "envoy": "envoy", "drill": "drill", "embassy": "embassy",
               "expel": "expelled_from", "forces": "forces", "shut": "border", "assets": "assets",
               "label": "pejorative", WITHDRAW: "forces"}
# hostile acts an accusation may name in its "zu" clause ("wirft X vor, Y angegriffen zu haben"): X's act, alleged
ALLEGED = ("attack", "threat", "sanctions", "armed_conflict")
# cue types of sending forces or help: sent to a state's border (a `border` noun) they threaten it
SENDING = ("support", "military_support")
NEAR = 4  # tokens around a cue in which negation, hedges and qualifiers count


class RelationFinder(RelationCues, RelationNouns, RelationVerbs, RelationParties, RelationFrames, RelationPhrasings,
                     RelationDirection, RelationScope, RelationFlags, RelationReactions, RelationJoint,
                     RelationWithdrawal, RelationGoods, RelationParticiples, RelationDenials, RelationCopula):
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
        self.alike: tuple[str, str] | None = None  # states of "Wie X hat auch Y ..." (relation_copula.likened)

    # -- sentences ------------------------------------------------------------------------------
    def run(self) -> list[Relation]:
        for sent in self.doc.sents:
            if not may_name_two_states(sent, self.ents):
                continue  # (the check below would skip it too, after the costly Reading)
            reading = self.reading = Reading(sent, self.ents)
            self.alike = self.likened(reading)  # "Wie Frankreich hat auch Großbritannien ...": both do it
            contrasted = self._set_apart(reading)  # "Anders als Ungarn hat die Slowakei ...": no party, denied below
            if len({m.iso for m in reading.mentions if not m.nonstate or m.headline}) < 2 or self.is_sports(sent):
                continue
            cues = [(tok.i, c) for tok in sent if (c := self._strike(reading, tok, self._withdrawal(reading, tok, self.cue_of(tok, sent)))) is not None and
                    (c.frame != "claim" or self._as_territory(reading, tok.i)) and
                    (c.frame not in NOUN_FRAMES or self._noun_in_clause(reading, tok.i, NOUN_FRAMES[c.frame])) and
                    (c.frame != "blame" or self._made(reading, tok.i)) and
                    (c.frame != "meet" or self._counterpart(reading, tok.i)) and
                    (c.frame != "vote" or self._vote_for(reading, tok.i)) and
                    (c.frame != "receive" or self._giver(reading, tok.i)) and
                    (c.frame != "pledge" or self._pledge(reading, tok, c)) and not self._settles(reading, tok.i, c) and
                    (c.frame != "leave" or self._left_state(reading, tok.i)) and
                    (c.frame != "forces" or c.particle is not None or not self._other_particle(reading, tok))]
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
                pairs, used = self._reaction(reading, i, cue)  # "..., was X kritisierte": X reacts to the act before
                if not pairs and cue.verbal:
                    pairs, used = self.verb_pairs(reading, i, cue, claimed)
                    if not pairs and cue.type in AT_PROPOSITION:  # "kritisierte die russischen Angriffe auf X"
                        pairs, used = self._act_criticised(reading, i, cue, claimed)
                    if not pairs:  # "drohte mit ..., falls Washington ...", "X hat Y angegriffen; Z verurteilte den Angriff"
                        pairs, used = self._aim_elsewhere(reading, i, cue)
                elif not pairs and cue.frame == WITHDRAW:  # "der Abzug der französischen Soldaten aus dem Tschad"
                    pairs, used = self._withdrawal_pairs(reading, i, cue, claimed)
                elif not pairs:
                    pairs, used = self.noun_pairs(reading, i, cue, claimed, i not in governed and any(
                        reading.fine[v] == reading.fine[i] and not self._closed_conjunct(reading, v, i) for v in verb_cues))
                pairs = self._host_pairs(pairs, used, cue)
                if cue.type == "attack" and pairs:
                    # "feuerte eine Rakete über Japan hinweg ab": a show of force over a state, no strike on it
                    over = {m.iso for m in used if m.prep == "über" and m.end + 1 < reading.sent.end and
                            self.doc[m.end + 1].lower_ == "hinweg"}
                    pairs = [(x, y, "threat" if y in over else t) for x, y, t in pairs]
                if self._withdrawn(i, cue):
                    pairs = self._withdrawn_from(pairs, used)
                if cue.type in SENDING and pairs:
                    # "verlegt Truppen an die Grenze zur Ukraine": forces sent to a state's border threaten it
                    border = {m.iso for m in self._at_border(reading, i, used)}
                    pairs = [(x, y, "threat" if y in border else t) for x, y, t in pairs]
                governor = None if i in self.rebutted else governed.get(i)
                if governor == "conclude":  # "beendete die Zusammenarbeit"; "beendeten eine Verhandlungsrunde" took place
                    governor = None if cue.type == "negotiation" or self._visit_ended(cue, governor) else "halt"
                if governor == "halt" and self.types[cue.type].polarity == "hostile" and cue.type != "tension":
                    governor = None  # "stellte die Angriffe ein": a hostile act stopped is still reported
                # (a dispute ended is settled, denied: "beenden ihren Streit", like "beigelegt")
                if not pairs and cue.type in ALLEGED:
                    # "Kiew wirft Moskau vor, Getreidelager beschossen zu haben": the accused act, only alleged
                    accused, aimed = self._alleged_parties(reading, i)
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
                    if governor == "halt" and self._halt(reading, i, cue, typ, x, y):
                        continue  # (relation_flags: what a stop denies and the embargo it asserts)
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
                    # (a relative clause's verb leaves its noun to that noun's own verb: "Die Türkei, die ... gekauft hat, verhandelt")
                    head = reading.rel.get(reading.seg[i]) if cue.verbal else None
                    claimed |= {id(m) for m in used if head is None or reading.seg[m.start] != head}
            self._drop_generic(generic)
            self._failed_agreement(reading)  # "Die Gespräche endeten ohne Einigung": the agreement denied
            self._contrast_denied(reading, contrasted)
            for k, x, y in self.demands(reading):  # "USA: Türkei muss ...", "X erklärte, Y müsse ..."
                self.add(reading, k, None, "criticism", x, y)
            for k, m, typ in stood_by:  # "X kämpft an der Seite Ys", "X stellt sich hinter Y"
                side = RelationCue(self.doc[k].lower_, "verb", typ, None, frozenset(), "pledge")
                actors = self._subject(reading, k, [x for x in self._candidates(reading, k, set()) if x.start < k], [m])
                for a in actors:
                    self.add(reading, k, side, typ, a.iso, m.iso)
            for k, cue, x, y in self.copula_pairs(reading, cues):  # "X ist für Y der wichtigste Lieferant"
                # (a rank among suppliers is a trade position, whatever the goods: not retyped by them)
                self._store(reading, k, cue, cue.type, x, y, None)
            for k, x, y in self.favours(reading):  # "X verzichtete zugunsten Ys"
                favour = RelationCue(self.doc[k].lower_, "verb", FAVOUR_TYPE, None, frozenset(), "-")
                self.add(reading, k, favour, FAVOUR_TYPE, x, y)
        return sorted(self.found.values(), key=lambda r: r.key)

    def _closed_conjunct(self, reading: Reading, v: int, i: int) -> bool:
        """Verb v closes a conjunct before cue noun i: "hat den Einspruch **abgelehnt und** so den Weg für seine
        Auslieferung nach Italien frei gemacht" — the noun stands in the next conjunct (which keeps the subject)
        and is no object of v."""
        doc = self.doc
        return v < i and v + 2 < i and doc[v].pos_ in ("VERB", "AUX") and doc[v + 1].lower_ in ("und", "sowie") and \
            doc[v + 2].pos_ not in ("VERB", "AUX") and not any(t.pos_ == "PUNCT" and t.text not in QUOTES for t in doc[v + 1: i])
        # ("kritisierte und prüfte die Lieferungen": two verbs of one object)

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
        negated = any(self._denial(reading, t, i, cue) and (t.lower_ != "ohne" or 0 < i - t.i <= 3) for t in near) or any(
            t.i > i and "outcome" in syntax(t.text) and self.modality.get(t.lower_) == "negate" for t in clause) or (
            not cue.verbal and self._predicate_denial(reading, i, clause)) or self._ended(reading, i, cue, clause)
        # "weder ... noch", a denied predicate of a noun in the prefield, also after an embedded relative clause
        negated = negated or self._clause_denial(reading, i, cue, clause + self._resumed(reading, i))
        # a modal verb (class `modal`) before a noun cue hedges it however far ("könnten nach Ansicht Washingtons
        # bald diplomatische Beziehungen aufnehmen"), unless the noun is a genitive attribute, a thing that exists
        # ("soll der Tag für die Konferenz der griechisch-türkischen Kommission bestimmt werden")
        far_modal = not self._genitive_attribute(reading, i)
        # nor a noun cue with a possessive: what the states have exists, only its change is planned ("London und
        # Paris wollen ihre Verteidigungsallianz erweitern", "wollen ihre Grenzstreitigkeiten klären")
        owned = not cue.verbal and self._possessive_before(reading, i) and not self._activity(cue)
        # nor a state of conflict the clause's states are in: "Taiwan könne im Streit mit Peking auf Japan zählen" (the
        # dispute exists; the modal is about what happens in it)
        owned = owned or not cue.verbal and i > sent.start and self.doc[i - 1].lower_ == "im" and \
            self.types[cue.type].polarity == "hostile" and not self.types[cue.type].directed
        hedges = [t for t in clause if self.modality.get(t.lower_) == "hedge" and not self._foreign_hedge(reading, t, i) and
                  not self._foreign_conjunct(reading, i, t) and not (
            owned and ("modal" in syntax(t.text) or "ability" in syntax(t.text))) and (
            t in near or far_modal and "modal" in syntax(t.text) and (t.i < i or self._modal_of_subject(reading, i, t.i)))]
        # wanting not to is refusing: "will keine Waffen an die Ukraine liefern" is denied, not planned
        hedged = any(not (negated and "volition" in syntax(t.text)) for t in hedges)
        # a demand or a condition in the clause before: "werden aufgefordert, Druck auszuüben",
        # "Wenn Trump Präsident wird, muss die Regierung mit ihm zusammenarbeiten"
        prev = [t for t in sent if fine[t.i] == fine[i] - 1 and not t.is_punct]
        if prev and ("demand" in syntax(prev[-1].text) or "conditional" in syntax(prev[0].text)):
            hedged = True
        if self._conditional(clause, prev):
            hedged = True  # "..., falls X Truppen stationiert", "für den Fall, dass X Raketen liefert"
        if not cue.verbal and not negated and any("exist" in syntax(t.text) for t in clause):
            # "Einen Krieg mit China werde es nicht geben": a negation anywhere in a clause of existence denies its noun
            negated = any(self._denial(reading, t, i, cue) and t.lower_ != "ohne" for t in clause)
        if any(self.modality.get(t.lower_) == "hedge" and t.i > reading.sent.start and
               "hedge_predicate" in syntax(self.doc[t.i - 1].text) for t in clause):
            hedged = True  # "Ein Angriff auf den Iran gilt als wahrscheinlich", "hält X für möglich": the clause's
        if self._unlikely(clause):
            negated, hedged = True, True  # "halten einen Krieg ... für unwahrscheinlich"
        if self._ruled_out(reading, clause):
            # "schließen Militärschläge nicht aus": possible, not denied; "schloss einen Krieg aus": denied
            negated, hedged = (False, True) if negated else (True, hedged)
        if self._hearsay(reading, i):
            hedged = True  # "spricht man von einem Veto", "wie man hört": a rumour
        if not cue.verbal and self._negotiated(reading, i, clause) or self._imminent(reading, i, cue) or \
                self._looming(reading, i, cue, clause) or self._hypothetical(reading, i, cue):
            hedged = True  # "verhandeln über eine Waffenruhe", "stehen kurz vor einem Abkommen", "es droht ein Krieg": not yet
        if prev and _infinitive(clause + [self.doc[i]]):
            # the verb a "zu" clause depends on: "wurde davon abgehalten, gegen Russland Krieg zu
            # führen" (denied), "erwägt, Sanktionen gegen Iran zu verhängen" (only considered)
            governor, denied = self._governing_clause(prev, clause, cue)
            negated = negated or denied or any("prevent" in syntax(t.text) or self.modality.get(t.lower_) == "negate"
                                     for t in governor)  # "bestreitet, Russland Drohnen geliefert zu haben"
            hedged = hedged or any(self.modality.get(t.lower_) == "hedge" for t in governor)
        if self._withdrawn(i, cue) or cue.frame == WITHDRAW:
            negated = not negated  # "zieht seine Soldaten ab", "Abzug ... aus X" end the support; "nicht abzuziehen" keeps it
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
        if self.alike is not None and (self.alike[0] in (x, y)) != (self.alike[1] in (x, y)):
            twin, one = self.alike if self.alike[0] in (x, y) else self.alike[::-1]
            x2, y2 = (one if x == twin else x), (one if y == twin else y)
            self.alike = None  # (once: the twin's relation is no new source of twins)
            self.add(reading, i, cue, typ, x2, y2, governor)
            self.alike = (twin, one)

    def _store(self, reading: Reading, i: int, cue: RelationCue | None, typ: str, x: str, y: str,
               governor: str | None) -> None:
        rtype = self.types[typ]
        # (a demand phrased as an obligation, cue None, is asserted: its "nicht" belongs to the demand)
        negated, hedged = self.flags(reading, i, cue) if cue is not None else (False, False)
        hedged = hedged or governor in ("demand", "announce", "wish", "threaten", "alleged")
        negated = (negated or governor in ("reject", "renounce", "shield", "halt")) and i not in self.rebutted
        negated = negated and not self._corrected(reading, i, x, y)  # "nicht aus X, sondern aus Y": Y's is asserted
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
