"""The role of each country a sentence names for country relations (mixed into relation_reading.Reading, which
supplies sent, doc, mentions, seg, _refs, _left and _is_mention): core, agent, partner or place by its preposition;
allies, genitives, routes, states that only mediate, are a report's source or a headline's speaker, no state
("spanischer Konzern"); and groups of states acting together ("X und Y", "deutsch-israelisch", "beide Staaten")."""

from __future__ import annotations

from kg.extract import lexicon
from kg.extract.relation_mentions import AGENT, CORE, PARTNER, PLACE, Mention
from kg.extract.relation_words import (CONTRACTED, DASHES, GENITIVE_DET, QUOTES, _forms, _nonstate, _source_nouns, _verb,
                                       noun_of, syntax)
from kg.nlp import gazetteer

class ReadingRoles:
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
            commissioned = self._commissioned(m)
            if commissioned:  # "im Auftrag Moskaus", "auf Befehl Pekings": the state that orders the act acts
                m.role, m.prep, m.prep_i = CORE, None, -1
            m.genitive = m.role == CORE and not m.ally and not commissioned and (m.genitive or self._genitive(m))
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
            if j >= start and (doc[j].text == "," or doc[j].lower_ in ("und", "sowie")):
                # "unter Vermittlung Katars, Ägyptens und der USA": a later member of the mediators' list
                h = j
                while h >= start and (self._is_mention(h) or doc[h].text == "," or doc[h].lower_ in ("und", "sowie")
                                      or doc[h].pos_ == "DET"):
                    h -= 1
                head = next((x for x in self.mentions if x.start == h + 1 and x is not m), None)
                return head is not None and head.kind != "adj" and self._mediator(head)
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

    def _commissioned(self, m: Mention) -> bool:
        """m is the genitive of a noun of ordering (class `commission`) after "im", "in" or "auf" ("im Auftrag
        Moskaus", "auf Befehl der chinesischen Regierung"): the state orders the act, it acts."""
        doc, j = self.doc, m.start - 1
        while j >= self.sent.start and doc[j].pos_ in ("DET", "ADJ"):
            j -= 1
        return j > self.sent.start and "commission" in syntax(doc[j].text) and doc[j - 1].lower_ in ("im", "in", "auf")

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
        # (a verb of the clause before a semicolon or dash is another clause's: "feuert Raketen ab – Seoul und Tokio verurteilen")
        start = max((t.i + 1 for t in doc[self.sent.start: prev.start] if (t.text == ";" or t.text in DASHES and t.whitespace_)
                     and doc[t.i + 1].text[:1].isupper()), default=self.sent.start)
        return any(t.pos_ == "VERB" and t.morph.get("Mood") and "auxiliary" not in syntax(t.lemma_)
                   for t in doc[start: prev.start])

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
