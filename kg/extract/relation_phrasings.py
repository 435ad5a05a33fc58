"""Country relations: phrasings of international news added in the fifth round (mixed into
relations.RelationFinder, which supplies doc, cue_of, _subject, _candidates and the acts of the sentence's
cue nouns): demands phrased as an obligation in headlines, speech and quotations, criticism aimed at
another state's act, states acting on each other, what is negotiated, joint units after a compound
adjective, meetings with their partner, targets and genitives of a cue, exercises at a state's border,
conquest of land and blame; and (seventh round) which states listed together are pairwise partners,
votes for a state, acts in a state's favour, and relations that are only rumoured. Word classes come from data/relation_syntax.tsv."""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Token

from kg.extract.lexicon import RelationCue, speech_verbs
from kg.extract.relation_mentions import AGENT, CORE, PLACE, Mention
from kg.extract.relation_reading import Reading
from kg.extract.relation_words import QUOTES, noun_of, syntax, zu_infinitive

# a state stood by "auf der Seite", "hinter" (relation_syntax.tsv class side) is supported diplomatically
FAVOUR_SIDE = "diplomatic_support"


class RelationPhrasings:
    def demands(self, reading: Reading) -> list[tuple[int, str, str]]:
        """A state's demand on another phrased as an obligation: a headline "X: Y muss ..." (the state
        before a colon opening the sentence speaks) or "X erklärte, Y müsse ..." (a state subject of a speech
        verb in the clause before). (modal token, demanding state, state demanded of): criticism."""
        doc, fine, sent = self.doc, reading.fine, reading.sent
        states = [m for m in reading.mentions if not m.nonstate or m.headline]
        out = []
        for k in range(sent.start, sent.end):
            cls = syntax(doc[k].text)
            if "must" not in cls and not ("must_not" in cls and any(
                    fine[t.i] == fine[k] and t.lower_ in ("nicht", "kein", "keine", "keinen") for t in doc[k + 1: sent.end])):
                continue
            own = [m for m in states if fine[m.start] == fine[k] and m.end < k and m.role == CORE]
            if not own or any(t.pos_ in ("VERB", "AUX") for t in doc[own[0].end + 1: k]):
                continue  # the state is the modal's subject: nothing but its words before the modal
            mark = min(t.i for t in sent if fine[t.i] == fine[k])  # the colon or comma opening the clause
            quoted = self._quote_speaker(reading, k, states)  # "„Russland muss ...“, sagte Scholz."
            if quoted:
                out += [(k, a.iso, m.iso) for a in quoted for m in own if m.group == own[0].group and a.iso != m.iso]
                continue
            head = [m for m in states if m.end < mark and m.role == CORE]
            if not head or mark == sent.start:
                continue
            colon = doc[mark].text == ":" and all(
                reading.is_mention(t.i) or t.text in QUOTES for t in doc[sent.start: mark])
            prev = [t for t in sent if fine[t.i] == fine[mark - 1]]
            speech = doc[mark].text == "," and k - mark <= 6 and any(
                t.lower_ in speech_verbs() and t.pos_ in ("VERB", "AUX") for t in prev)
            if colon or speech and fine[head[0].start] == fine[mark - 1]:
                actors = [m for m in head if m.group == head[0].group]
                out += [(k, a.iso, m.iso) for a in actors for m in own if m.group == own[0].group and a.iso != m.iso]
        return out

    def _accused(self, reading: Reading, i: int) -> tuple[list[Mention], list[Mention]]:
        """A cue in a "zu" clause after an accusation (class `accuse` of relation_syntax.tsv) between two states:
        "Venezuela wirft den USA vor, einen Angriff auf seine Ölanlagen vorzubereiten". (The accused state, the
        state the act aims at: the clause's own other state, else the accuser), or ([], [])."""
        fine = reading.fine
        own = [t for t in reading.sent if fine[t.i] == fine[i]]
        if not any(t.lower_ == "zu" and t.pos_ == "PART" or t.pos_ == "VERB" and zu_infinitive(t.lower_) for t in own):
            return [], []
        prev = [t for t in reading.sent if fine[t.i] == fine[i] - 1]
        if not any("accuse" in syntax(t.text) for t in prev):
            return [], []
        states = [m for m in reading.mentions if fine[m.start] == fine[i] - 1 and m.role == CORE and not m.nonstate]
        groups = list(dict.fromkeys(m.group for m in states))
        if len(groups) != 2:
            return [], []
        accuser = [m for m in states if m.group == groups[0]]
        accused = [m for m in states if m.group == groups[1]]
        taken = {m.iso for m in accused}
        aimed = [m for m in reading.mentions if fine[m.start] == fine[i] and not m.nonstate and m.iso not in taken]
        return accused, aimed or accuser

    def _trailing_speaker(self, reading: Reading, i: int) -> list[Mention]:
        """The state speaking the clause of token i when a comma and a speech verb follow that clause and a
        state stands in the speech clause: "Es gebe keine Spannungen mit Kasachstan, **betonte ein Sprecher des
        Kremls**", "Einen Krieg mit China werde es nicht geben, versicherte der philippinische Präsident" (its
        group, or [])."""
        doc, sent, fine = self.doc, reading.sent, reading.fine
        comma = next((j for j in range(i + 1, sent.end) if fine[j] != fine[i]), None)
        if comma is None or doc[comma].text != "," or comma + 1 >= sent.end or \
                doc[comma + 1].lower_ not in speech_verbs() or doc[comma + 1].pos_ not in ("VERB", "AUX"):
            return []
        stop = next((j for j in range(comma + 2, sent.end) if doc[j].text in (",", ";", ":")), sent.end)
        # "..., hieß es aus dem Weißen Haus", "verlautete aus Moskau", "hieß es in Peking": with an impersonal
        # "es" the source phrase names the speaking state
        impersonal = comma + 2 < sent.end and doc[comma + 2].lower_ in ("es", "aus")
        after = [m for m in reading.mentions if comma + 1 < m.start < stop and not m.nonstate and (
            m.role == CORE or impersonal and m.prep in ("aus", "in"))]
        return [m for m in after if m.group == after[0].group] if after else []

    def _quote_speaker(self, reading: Reading, k: int, states: list[Mention]) -> list[Mention]:
        """The state speaking a quotation that holds token k: "„…“, sagte Bundeskanzler Scholz" — the
        closing quotation mark, a comma and a speech verb, then a state (its group) in that clause."""
        doc, sent = self.doc, reading.sent
        if not any(t.text in QUOTES for t in doc[sent.start: k]):
            return []
        close = next((j for j in range(k + 1, sent.end) if doc[j].text in QUOTES), None)
        if close is None or close + 2 >= sent.end or doc[close + 1].text != "," or \
                doc[close + 2].lower_ not in speech_verbs():
            return []
        after = [m for m in states if m.start > close + 2 and m.role == CORE and
                 not any(t.text in (",", ";") for t in doc[close + 3: m.start])]
        return [m for m in after if m.group == after[0].group] if after else []

    def _act_criticised(self, reading: Reading, i: int, cue: RelationCue,
                        claimed: set[int]) -> tuple[list[tuple[str, str, str]], list[Mention]]:
        """Criticism or a threat aimed at another state's act named by a cue noun of the clause: the
        clause's subject criticises the act's actor ("Deutschland kritisierte die russischen Angriffe auf
        die Ukraine", "China reagierte verärgert auf die US-Waffenlieferungen an Taiwan"), in the passive its
        "von" agent."""
        fine = reading.fine
        actors = [iso for j, isos in self.acts.items() if fine[j] == fine[i] and j > i for iso in isos]
        if not actors:
            # in the passive the act comes first and the critic is the "von" agent: "Die Angriffe Israels auf den
            # Libanon wurden von Frankreich verurteilt"
            agents = [m for m in self._candidates(reading, i, claimed) if m.role == AGENT and fine[m.start] == fine[i]]
            actors = [iso for j, isos in self.acts.items() if fine[j] == fine[i] and j < i for iso in isos]
            if not (agents and actors and self._passive(reading, i, participle=True)):
                return [], []
            agents = [m for m in agents if m.group == agents[0].group]
            return [(m.iso, a, cue.type) for m in agents for a in dict.fromkeys(actors) if m.iso != a], agents
        subject = self._subject(reading, i, [m for m in self._candidates(reading, i, claimed) if m.start < i], [])
        return [(m.iso, a, cue.type) for m in subject for a in dict.fromkeys(actors) if m.iso != a], subject

    def _reciprocal(self, reading: Reading, i: int) -> bool:
        """The states of the clause act on each other: "gegenseitig", "einander", or "sich" right after a
        verb before the cue ("X und Y lieferten sich Gefechte"; not "weigerten sich, ... zu") or right after
        the cue verb itself ("X und Y beschossen sich", "griffen sich an")."""
        doc, fine = self.doc, reading.fine
        clause = [t for t in reading.sent if fine[t.i] == fine[i]]
        if any(t.lower_ in ("gegenseitig", "einander", "untereinander") for t in clause):
            return True
        if i + 1 < reading.sent.end and doc[i + 1].lower_ == "sich" and doc[i].pos_ in ("VERB", "AUX"):
            return True
        return any(t.lower_ == "sich" and t.i < i and doc[t.i - 1].pos_ in ("VERB", "AUX") and
                   not any(u.text == "," for u in doc[t.i: i]) for t in clause if t.i > reading.sent.start)

    def _waged(self, reading: Reading, i: int) -> bool:
        """A hostile noun is the object of a verb of waging (class `wage`: "führten Krieg", "haben einen Konflikt
        ausgetragen") in its clause after the states, and no word of acting together ("gemeinsam") stands there:
        the states of the clause fight each other."""
        clause = [t for t in reading.sent if reading.fine[t.i] == reading.fine[i]]
        return any("wage" in syntax(t.text) for t in clause) and not any(
            "together" in syntax(t.text) for t in clause)

    def _pairwise(self, reading: Reading, i: int, group: list[Mention], cue: RelationCue) -> list[tuple[str, str]]:
        """The pairs of states that act together as one side of a clause ("X und Y trafen sich": X with Y;
        "X, Y und Z präsentierten gemeinsame Pläne", "schlossen ein Bündnis": each with each). More than two
        states listed as the side of a meeting, of talks, of taking part or of signing (cue type negotiation
        or agreement, frame part) only take part in something ("X, Y, Z und W nahmen an der Konferenz teil",
        "trafen sich in Genf", "unterzeichneten das Postabkommen"): a reader takes no relation between each
        two of them from the list, unless the clause says they act on one another ("miteinander",
        "untereinander": class mutual; not a bare reflexive "sich") or names them "zwischen" (elsewhere). States
        coordinated after the verb in an object case are no side of it at all."""
        isos = sorted({m.iso for m in group})
        if cue.verbal and group and all(m.start > i for m in group) and self._other_subject(reading, i):
            return []  # "Der Papst empfing den spanischen Botschafter und den Gesandten Polens": objects, no side
        if len(isos) > 2 and (cue.frame == "part" or cue.type in ("negotiation", "agreement")):
            if not any("mutual" in syntax(self.doc[j].text) for j in reading.window(i)):
                return []
        return list(combinations(isos, 2))

    def favours(self, reading: Reading) -> list[tuple[int, str, str]]:
        """A state acting in another's favour: "Frankreich verzichtete zugunsten Spaniens auf seinen Anspruch",
        "X setzte sich zu Gunsten Ys ein" — the state in the genitive after "zugunsten" is supported by the
        subject of the clause (a state). Words of class favour of relation_syntax.tsv. (token of the favour word, actor,
        supported state): diplomatic support."""
        doc, sent = self.doc, reading.sent
        out = []
        for k in range(sent.start, sent.end):
            if "favour" not in syntax(doc[k].text):  # "zugunsten", "zu Gunsten" (relation_syntax.tsv)
                continue
            j = k + 1
            while j < sent.end and doc[j].pos_ in ("DET", "ADJ"):
                j += 1  # "zugunsten des Deutschen Reiches"
            favoured = [m for m in reading.mentions if m.start <= j <= m.end and not m.nonstate and m.role == CORE]
            if not favoured:
                continue
            targets = [m for m in reading.mentions if m.group == favoured[0].group]
            ms = [m for m in self._candidates(reading, k, set()) if m not in targets and m.role == CORE
                  and not m.genitive and m.start < k]
            subject = self._subject(reading, k, ms, targets)
            # the state itself is the subject, not an attribute of another noun ("die Einführung nordkoreanischer
            # Truppen könnte die Waage zugunsten Moskaus kippen": an event tips the balance, no state acts)
            opener = min(t for t in reading.fine if reading.fine[t] == reading.fine[k])
            if subject and any(t.pos_ in ("NOUN", "PROPN", "VERB", "AUX") and not reading.is_mention(t.i)
                               for t in doc[opener: subject[0].start]):
                continue
            out += [(k, m.iso, t.iso) for m in subject for t in targets if t.iso != m.iso]
        return out

    def sides(self, reading: Reading) -> list[tuple[int, Mention, str]]:
        """States a clause's state stands beside or behind (class `side` of relation_syntax.tsv): "kämpfen an der
        **Seite** Russlands", "stellte sich **auf die Seite** Kiews", "stellt sich **hinter** Guyana" (a `stand` verb
        in the clause), "steht fest **hinter** Israel". (token of the side word, the state stood by, the type:
        support, made military by fighting or military words anywhere in the clause; diplomatic support behind a state.)
        The state stood by is no party of the clause's other cues ("kämpfen an der Seite Russlands" is no war
        with Russia)."""
        doc, sent = self.doc, reading.sent
        out = []
        for k in range(sent.start + 2, sent.end - 1):
            tok = doc[k]
            if "side" not in syntax(tok.text):
                continue
            if tok.lower_ == "seite":
                if doc[k - 2].lower_ not in ("an", "auf") or doc[k - 1].pos_ not in ("DET", "PRON"):
                    continue  # ("Seite an Seite mit X", "auf beiden Seiten")
                typ = "support" if doc[k - 2].lower_ == "an" else FAVOUR_SIDE
                if typ == "support" and any(reading.fine[t.i] == reading.fine[k] and (c := self.cue_of(t, sent)) is not None
                                            and c.type in ("armed_conflict", "attack") for t in sent):
                    typ = "military_support"  # "kämpft an der Seite Syriens"
            elif any(reading.fine[t.i] == reading.fine[k] and "stand" in syntax(t.text) for t in sent):
                typ = FAVOUR_SIDE  # "stellt sich hinter Guyana"
            else:
                continue
            j = k + 1
            while j < sent.end and doc[j].pos_ in ("DET", "ADJ"):
                j += 1
            stood = [m for m in reading.mentions if m.start <= j <= m.end and not m.nonstate and (
                m.role == CORE or m.prep == tok.lower_)]
            if stood:
                out += [(k, m, typ) for m in reading.mentions if m.group == stood[0].group]
        return out

    def _vote_for(self, reading: Reading, i: int) -> bool:
        """A vote cue (frame vote) is support only for a state: "für" in the verb's clause with a state in
        its phrase ("beschlossen, für den Eintritt Deutschlands zu stimmen", "stimmte für die Aufnahme
        Finnlands"); a verb with a separated particle is another verb ("stimmte dem Vertrag zu", "stimmten
        über die Aufnahme ab")."""
        doc, fine, sent = self.doc, reading.fine, reading.sent
        clause = [t for t in sent if fine[t.i] == fine[i] and not t.is_punct]
        if clause and clause[-1].i != i and "particle" in syntax(clause[-1].text):
            return False
        for t in clause:
            if t.lower_ != "für":
                continue
            for u in doc[t.i + 1: min(t.i + 6, sent.end)]:
                if u.pos_ in ("VERB", "AUX") or fine[u.i] != fine[i]:
                    break
                if reading.is_mention(u.i):
                    return True
        return False

    def _giver(self, reading: Reading, i: int) -> bool:
        """A receiving cue (frame receive) holds only with the state that gives: a "von"/"durch"/"seitens" agent
        in the verb's clause ("Israel erhält von Deutschland U-Boote"; not "falls Deutschland einen Sitz
        erhalte", where no state gives)."""
        fine = reading.fine
        return any(m.role == AGENT and fine[m.start] == fine[i] and not m.nonstate for m in reading.mentions)

    def _hearsay(self, reading: Reading, i: int) -> bool:
        """The relation is only talked about: an impersonal "man" next to a verb of saying or hearing (class
        hearsay) in the cue's clause ("Außerdem spricht man von einem Veto Xs gegen Y", "man sagt, ...") or
        in an aside of the sentence opened by "wie" ("Wie man hört, hat X gegen Y protestiert"): a rumour; so
        is a relation in a clause with a word of class rumour ("nach allgemeinem Dafürhalten", "Gerüchten zufolge")."""
        doc, fine, sent = self.doc, reading.fine, reading.sent
        win = set(reading.window(i)) | set(reading.governing(i))  # ("Es verlautet, daß X ...": the clause it depends on)
        if any("rumour" in syntax(doc[j].text) and not self._sourced(reading, j) for j in win):
            return True  # "nach allgemeinem Dafürhalten", "Gerüchten zufolge"
        for t in sent:
            if t.lower_ != "man":
                continue
            opener = min(u.i for u in sent if fine[u.i] == fine[t.i])
            if t.i not in win and doc[opener].lower_ != "wie":
                continue
            if any("hearsay" in syntax(doc[j].text) for j in (t.i - 1, t.i + 1) if sent.start <= j < sent.end):
                return True
        return False

    def _sourced(self, reading: Reading, j: int) -> bool:
        """A verb of rumour with its source in an "aus" phrase of its clause reports what that source said ("wie
        aus Regierungskreisen in N'Djamena verlautete"): reported speech that states a fact, no rumour ("wie
        verlautet" names none)."""
        doc, fine = self.doc, reading.fine
        return doc[j].pos_ in ("VERB", "AUX") and any(
            t.lower_ == "aus" and fine[t.i] == fine[j] for t in reading.sent)

    def _other_subject(self, reading: Reading, i: int) -> bool:
        """Before the verb of token i its clause has a subject that is no state: a noun in the nominative
        that names no country ("Der Papst empfing ...")."""
        fine, doc = reading.fine, self.doc
        return any(fine[t.i] == fine[i] and t.pos_ in ("NOUN", "PROPN") and t.morph.get("Case") == ["Nom"]
                   and not reading.is_mention(t.i) for t in doc[reading.sent.start: i])

    def _negotiated(self, reading: Reading, i: int, clause: list[Token]) -> bool:
        """The cue noun is the topic of a negotiation of its clause: "über" (articles and adjectives
        between) before it and a negotiation cue before that ("verhandeln in Istanbul über eine Waffenruhe",
        "Gespräche über ein Abkommen")."""
        doc, j = self.doc, i - 1
        while j >= reading.sent.start and doc[j].pos_ in ("DET", "ADJ", "NUM"):
            j -= 1
        if j < reading.sent.start or doc[j].lower_ != "über":
            return False
        return any(t.i < j and (c := self.cue_of(t, reading.sent)) is not None and c.type == "negotiation"
                   for t in clause)

    def _compound_before(self, reading: Reading, i: int) -> bool:
        """A joint product or unit of two states: the noun follows a compound adjective of two states
        ("die deutsch-französische Brigade", "das deutsch-französische Kampfflugzeug"), other adjectives
        between allowed ("die deutsch-französische schnelle Eingreiftruppe")."""
        doc = self.doc
        j = i - 1
        while j >= reading.sent.start and doc[j].pos_ == "ADJ" and not reading.is_mention(j):
            j -= 1
        # (one compound: one token, or a spaced "deutsch - französische")
        at = [m for m in reading.mentions if m.end == j and m.kind == "adj"]
        return len({m.iso for m in at}) >= 2 and len({m.start for m in at}) == 1

    def _with_partner(self, reading: Reading, i: int) -> bool:
        """A meeting noun names a meeting of states only with its partner ("Treffen mit dem russischen
        Präsidenten", "Telefonat zwischen X und Y") or states before it ("das deutsch-russische Treffen"),
        not as the attribute of another noun ("Gastgeber des Treffens, des Präsidenten X und ...")."""
        doc = self.doc
        if i + 1 < reading.sent.end and doc[i + 1].lower_ in ("mit", "zwischen"):
            return True
        j = i - 1
        while j >= reading.sent.start and doc[j].pos_ == "ADJ" and not reading.is_mention(j):
            j -= 1
        return j >= reading.sent.start and reading.is_mention(j)

    def _owed_to_state(self, reading: Reading, i: int, cue) -> bool:
        """A debt noun is a debt between states only with the state it is owed to right after it
        ("die italienische Schuld an England", "Schulden bei Russland") or as the dative object before it;
        "die Schuld an dem Anschlag" is blame, no relation."""
        doc, end = self.doc, reading.sent.end
        j = i + 1
        while j < end and doc[j].text in QUOTES:
            j += 1  # (a quotation mark closing the noun: "die „Schuld“ an England", OCR's "Schuld« an England")
        if j >= end or doc[j].lower_ not in cue.to:
            # or the state it goes to is the dative object before it: "X hat der bulgarischen Regierung eine Note
            # überreicht", "X gewährte Oesterreich eine Anleihe" (seventh round)
            return bool(self._light_verb(reading, i, [m for m in reading.mentions if not m.nonstate])[0])
        j += 1
        while j < end and j - i <= 4 and doc[j].pos_ in ("DET", "ADJ") and not reading.is_mention(j):
            j += 1
        return j < end and reading.is_mention(j)

    def _target_place(self, reading: Reading, m: Mention) -> bool:
        """"griff Ziele im Iran an", "Luftangriffe auf Stützpunkte in Syrien", "den Flughafen von Damaskus", "Ziele bei Damaskus":
        the place right after what an attack hits (class target) is the state attacked; not after an owner
        ("Stellungen der Huthi im Jemen")."""
        j = m.prep_i - 1
        if not (m.role == PLACE and m.prep in ("in", "von", "bei") and not m.nonstate and j >= reading.sent.start
                and self.doc[j].pos_ == "NOUN"):
            return False
        # (recall round: also the place right after an attack noun with its actor's adjective before it, "türkische
        # Offensive in Nordsyrien", "israelische Luftangriffe im Libanon": where another state attacks is the state
        # attacked)
        return noun_of("target", self.doc[j].lower_) or m.prep == "in" and (
            (c := self.cue_of(self.doc[j], reading.sent)) is not None and c.type == "attack") and \
            self._actor_adjective(reading, j)

    def _actor_adjective(self, reading: Reading, j: int) -> bool:
        """A state's adjective stands right before noun j, over other adjectives ("russische schwere Angriffe")."""
        k = j - 1
        while k >= reading.sent.start and self.doc[k].pos_ == "ADJ" and not reading.is_mention(k):
            k -= 1
        return k >= reading.sent.start and any(x.kind == "adj" and x.start <= k <= x.end for x in reading.mentions)

    def _cue_genitive(self, m: Mention, i: int) -> bool:
        """m is the genitive right after cue noun i, and its preposition is the cue's own ("beim
        Zusammenstoß chinesischer Soldaten", "beim Überfall Deutschlands"): only articles and adjectives
        between the preposition and the cue and between the cue and m."""
        doc = self.doc
        return m.role == PLACE and 0 <= m.prep_i < i < m.start and all(
            t.pos_ in ("DET", "ADJ", "NUM") for t in doc[m.prep_i + 1: i]) and all(
            t.pos_ in ("DET", "ADJ", "NUM", "CCONJ") for t in doc[i + 1: m.start])  # ("chinesischer und indischer")

    def _at_border(self, reading: Reading, i: int, ms: list[Mention]) -> list[Mention]:
        """States whose surroundings a military exercise of the clause is held in: "rund um Taiwan", "an
        der Grenze zur Ukraine", "vor der Küste Nordkoreas" (a `border` noun of relation_syntax.tsv right
        before the state or before its "zu")."""
        doc, fine = self.doc, reading.fine
        out = []
        for m in ms:
            if fine[m.start] != fine[i]:
                continue
            j = m.start - 1
            while j >= reading.sent.start and (doc[j].pos_ in ("DET", "ADJ") or doc[j].lower_ in ("zu", "zur", "zum")):
                j -= 1
            if m.prep == "um" or j >= reading.sent.start and doc[j].pos_ == "NOUN" and noun_of("border", doc[j].lower_):
                out.append(m)
        return out

    @staticmethod
    def _noun_in_clause(reading: Reading, i: int, cls: str) -> bool:
        """A noun of class `cls` of relation_syntax.tsv in the verb's clause: frame seize needs a `seized` noun
        ("Die holländische Kolonie wurde von England übernommen"), frame respect an `aspiration` ("Frankreich
        achtet die Souveränität der Türkei"; "achtet auf die Kosten" is none)."""
        fine = reading.fine
        return any(fine[t.i] == fine[i] and t.pos_ == "NOUN" and noun_of(cls, t.lower_) for t in reading.sent)

    def _strike(self, reading: Reading, tok, cue: RelationCue | None) -> RelationCue | None:
        """"Russische Raketen trafen das Stromnetz in der Westukraine", "wurde von einer iranischen Drohne
        getroffen": a verb of meeting (frame meet) with no counterpart and a `projectile` noun of
        relation_syntax.tsv in its clause is a strike, an attack; the place it hits is the state attacked."""
        if cue is None or cue.frame != "meet" or self._counterpart(reading, tok.i) or \
                not self._noun_in_clause(reading, tok.i, "projectile"):
            return cue
        return RelationCue(cue.cue, cue.pos, "attack", cue.particle, frozenset({"in", "auf"}), "against")

    def _made(self, reading: Reading, i: int) -> bool:
        """"macht Islamabad für den Anschlag verantwortlich": a form of "machen" in the clause (not "ist
        für die Sicherheit verantwortlich")."""
        fine = reading.fine
        return any(fine[t.i] == fine[i] and (t.lemma_ == "machen" or t.lower_.startswith(("mach", "gemacht")))
                   for t in reading.sent)
