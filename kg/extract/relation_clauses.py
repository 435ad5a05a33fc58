"""The clauses of a sentence read for country relations (mixed into relation_reading.Reading, which supplies
sent, doc, mentions, _is_mention and _infinitive_opener): coarse clause ids (a new one after "; – ", before a
subordinate clause, for a main clause after a comma), relative and coordinated clauses, clause ids between
commas; and the clause windows a cue reads: its own with those it hangs on, the governing clause, the
complement clause, a relative pronoun's noun."""

from __future__ import annotations

import re

from kg.extract.relation_mentions import CORE, Mention
from kg.extract.relation_words import DASHES, NOM_ACC_ARTICLES, STRONG, _finite, _verb, syntax

PARTICIPLE = re.compile(r"^\w*ge\w+(t|en)$|^\w+iert$")


def _closing_verb(tok) -> bool:
    """A verb closing its phrase: a verb, or a participle the tagger calls an adjective ("ausgesetzt": it keeps
    its tense, or has the uninflected form of a participle, "-ge-...-t/-en", "-iert")."""
    return tok.pos_ == "VERB" or tok.pos_ == "ADJ" and (bool(tok.morph.get("Tense")) or PARTICIPLE.match(tok.lower_) is not None)


class ReadingClauses:
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
                elif seg in self.rel and _finite(nxt) and doc[i - 1].pos_ in ("VERB", "AUX") and self._embedded(seg):
                    # "Polens Regierung, die sich als Vermittler inszeniert, verweigert der Ukraine ...": the relative
                    # clause closed with its verb, the clause it describes goes on (its subject stands before it),
                    # also as the clause between commas
                    seg = self.rel[seg]
                    fine = max(self.fine[t] for t in self.seg if self.seg[t] == seg) - 1
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
            elif tok.lower_ in ("und", "sowie") and self._verb_phrase_conjunct(i, seg):
                last += 1  # "hat Truppen verlegt und den Geschäftsträger einbestellt": a verb phrase, the subject before
                self.coordinate[last] = seg
                seg = last
            elif tok.pos_ == "CCONJ" and any(_verb(doc[k]) for k in self.seg if self.seg[k] == seg) and \
                    self._subject_and_verb(i + 1):
                last += 1  # "X verhandelt mit Y und Frankreich unterstützt Z": a main clause of its own
                seg = last
            if tok.text in {",", ":", ";", "(", ")"} and not self._enumeration_comma(i) or \
                    tok.text in DASHES and tok.whitespace_ and not self._spaced_compound(i):
                fine += 1
            self.seg[i] = seg
            self.fine[i] = fine

    def _verb_phrase_conjunct(self, i: int, seg: int) -> bool:
        """"und" at i joins two verb phrases of one subject: a participle or infinitive closes the phrase before
        (its finite auxiliary or modal earlier in the clause), and the phrase after has no subject and no finite
        verb of its own, and closes with its own participle or infinitive before the next boundary ("hat Truppen
        an die Grenze **verlegt und** den Geschäftsträger des Nachbarlandes **einbestellt**"); not a list of
        objects ("verlegt und Panzer"), not a clause of its own ("und Russland hat ... protestiert")."""
        doc, end = self.doc, self.sent.end
        head = [k for k in self.seg if self.seg[k] == seg and k < i and _finite(doc[k])]
        if i <= self.sent.start or not _closing_verb(doc[i - 1]) or _finite(doc[i - 1]) or not head:
            return False
        if any("modal" in syntax(doc[k].text) for k in head):
            return False  # "will Panzer liefern und Soldaten ausbilden": the modal governs both, one clause keeps its hedge
        k = i + 1
        while k < end and doc[k].text not in (",", ";", ":") and doc[k].text not in DASHES:
            if _finite(doc[k]) or doc[k].pos_ == "AUX" or doc[k].pos_ == "SCONJ":
                return False
            k += 1
        last = k - 1
        while last > i and (doc[last].is_punct or doc[last].pos_ == "PART"):
            last -= 1
        return last > i + 1 and _closing_verb(doc[last]) and not self._subject_and_verb(i + 1)

    def _embedded(self, rel: int) -> bool:
        """The relative clause `rel` follows the subject phrase its clause opens with, before that clause's verb:
        no verb stands in the head clause before it ("Polens Regierung, die ..., verweigert")."""
        head = self.rel[rel]
        before = [t for t in self.seg if self.seg[t] == head]
        return bool(before) and not any(self.doc[t].pos_ in ("VERB", "AUX") for t in before)

    def _enumeration_comma(self, i: int) -> bool:
        """A comma between names of a list that goes on to "und"/"oder" ("die Atomanlagen in Fordo, Natanz und
        Isfahan angegriffen"): no clause boundary, the verb after the list keeps the clause's subject."""
        doc, end = self.doc, self.sent.end
        if doc[i].text != "," or i == self.sent.start or i + 1 >= end or doc[i - 1].pos_ != "PROPN" or doc[i + 1].pos_ != "PROPN":
            return False
        for k in range(i + 1, min(end, i + 8)):
            if doc[k].lower_ in ("und", "oder", "sowie"):
                return k + 1 < end and doc[k + 1].pos_ == "PROPN"
            if doc[k].pos_ != "PROPN" and doc[k].text != ",":
                return False
        return False

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
