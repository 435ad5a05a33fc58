"""Noun cues (mixed into relations.RelationFinder, which supplies doc, types, bound, stood_by, rebutted,
cue_of, _no_relation_noun and the parties, frames, phrasings and direction of a cue): the countries of a cue
noun's own phrase — before it, after it up to the next verb or cue, a "zwischen" list — and who of them acts
and who is the partner; without them the clause's subject, a phrase its act is aimed at, or states acting on
each other."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import RelationCue
from kg.extract.relation_frames import NOUN_POS
from kg.extract.relation_goods import GOODS_TYPES
from kg.extract.relation_mentions import AGENT, CORE, PARTNER, PLACE, Mention
from kg.extract.relation_parties import AT_PROPOSITION, _across, _distinct, _toward, _within
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import QUOTES, place_noun, syntax

# articles only of an object ("den" is also dative plural): the noun after them is no subject
OBJECT_ARTICLES = frozenset({"den", "dem", "einen", "einem"})
RUN_STOP = ("VERB", "AUX", "SCONJ", "PRON", "ADV")


def _run_stop(tok: Token) -> bool:
    """A word that ends a cue's phrase: a verb, adverb, pronoun or pronoun-like determiner ("den beiden"),
    but no comparison particle ("Partnerschaften, wie zwischen X und Y")."""
    cls = syntax(tok.text)
    return "comparison" not in cls and (tok.pos_ in RUN_STOP or tok.pos_ == "DET" and "pronominal" in cls)


class RelationNouns:
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
                  cue.frame == "against" and self._target_place(reading, m) or self._cue_genitive(m, i) or
                  cue.type in GOODS_TYPES and self._goods_origin(reading, m, i)]  # ("Zölle auf Stahl aus Brasilien")
        typ = cue.type
        between = self._between(reading, i, ms, run) or (self._route(run) if typ == "trade" else [])
        if between:  # (also a trade route "aus X nach Y")
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
            if not group and cue.pos == "noun":  # "die gemeinsamen Übungen mit Litauen abgesagt", "aus Chinas Initiative ausgestiegen"
                pairs, group = self._joint_partner(reading, i, free, left, partners)
                out = [(x, y, typ) for x, y in pairs]
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
        if (self._nonstate_agent(reading, i) or self._org_compound(i)) and not (
                self.types[typ].polarity == "hostile" and self._governor(reading, i) == "shield"):
            # "Stationierung von UN-Truppen", "EU-Hilfen": the actor is named, no state (but who blocks "UN-Sanktionen
            # gegen Nordkorea" shields the state they aim at)
            return [], []
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
                                                 self._their(reading, i) or self._waged(reading, i) or
                                                 {m.iso for m in group} <= {m.iso for m in self._headline_sides(reading, i)}):
                # ("X und Y stehen im Streit", "befanden sich im Krieg": the state they are in is between them;
                # "X und Y wollen ihre Grenzstreitigkeiten klären": their own dispute; "X und Y haben Krieg
                # geführt", "trugen einen Konflikt aus": a war waged by both sides is between them; a colon headline's
                # other part, "Serbien und Kosovo: Streit um Autokennzeichen eskaliert")
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

