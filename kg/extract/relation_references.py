"""States a sentence names without a country word of the gazetteer, and seats that name none (mixed into relation_reading.Reading, which
supplies sent, doc, mentions, seg, coordinate, window, _left and _is_mention):

* a capital after a government of its state is the government's seat, no party of its own ("die Taliban-Regierung
  in Kabul");
* the first conjunct of a truncated coordination, "Nord- und Südkorea", "nord- und südkoreanische Soldaten": the
  truncated part completed with the rest of the second conjunct names a state of its own;
* a noun that refers back to a state named before it in the sentence (data/state_references.tsv): "unterstützt
  das Land", "feuerte Raketen auf das Nachbarland ab", "um das Königreich zu schützen". It stands for the nearest
  state before it that it may name (a kingdom for "Königreich"), never for the state its clause speaks of ("X
  drohte Y, die Lieferungen in das Nachbarland zu kappen": Y; a state does not call itself "das Land" in its
  own clause, it says "sich", "sein")."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from kg.extract import lexicon
from kg.extract.entities import is_role_word
from kg.extract.relation_mentions import AGENT, CORE, PARTNER, PLACE, Mention
from kg.extract.relation_words import CONTRACTED, GENITIVE_DET, QUOTES, _finite, syntax, zu_infinitive
from kg.nlp import gazetteer

COORDINATORS = ("und", "oder", "sowie", "bzw.")
BOUNDARIES = (",", ";", ":", "–", "—", "(")
# the parts of a country ("im Norden des Landes", "im Zentrum des Landes"): a place, no party
REGIONS = frozenset(p.lower() + "en" for p in gazetteer.COMPASS_PREFIXES if p != "Zentral") | {"zentrum", "landesinneren", "inneren"}
# articles and demonstratives of a noun that refers back ("das Land", "des Nachbarlandes", "dieses Landes")
# a possessive "sein/ihr Land" (the country of a person named before)
OWN_DET = frozenset({"sein", "seines", "seinem", "seinen", "ihr", "ihres", "ihrem", "ihren"})
OWN_LAND = frozenset({"land", "landes", "lande", "lands"})
DEFINITE = ("das", "des", "dem", "der", "die", "dieses", "diesem", "diese", "dieser")


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, str]:
    """Lowercase name or adjective stem -> iso3 (every form of the gazetteer)."""
    out: dict[str, str] = {}
    for iso, entry in sorted(gazetteer.countries().items()):
        for form in entry["forms"]:
            out.setdefault(form.lower(), iso)
    return out


def truncated_iso(doc: Doc, i: int, end: int) -> str | None:
    """The state the truncated first conjunct at token i names ("Nord-" of "Nord- und Südkorea" -> PRK): the
    conjunct's part before the hyphen replaces the first part of the word after the coordinator, a compass
    prefix ("Süd-korea", "süd-koreanische"), and the whole is a gazetteer form."""
    tok = doc[i]
    if not tok.text.endswith("-") or len(tok.text) < 4 or i + 2 >= end or doc[i + 1].lower_ not in COORDINATORS:
        return None
    head, word = tok.text[:-1].lower(), doc[i + 2].text
    forms = _country_forms()
    for prefix in sorted(gazetteer.COMPASS_PREFIXES, key=len, reverse=True):
        if not word.lower().startswith(prefix.lower()):
            continue
        rest = word[len(prefix):].lower()
        for ending in ("", *(e for e in gazetteer.ADJ_ENDINGS if e)):
            stem = rest[: len(rest) - len(ending)] if ending else rest
            if rest.endswith(ending) and (iso := forms.get(head + stem)) and forms.get(word.lower()[: len(word) - len(ending)]) != iso:
                return iso
        return None
    return None


class ReadingReferences:
    def _seats(self) -> None:
        """"Die US-Regierung in Washington", "die Taliban-Regierung in Kabul": the capital after a government of the
        same state is its seat, no second party (it would stand as the subject of a clause of its own)."""
        doc = self.doc
        orgs = {(m.end, m.iso) for m in self.mentions if m.kind == "org"}
        self.mentions = [m for m in self.mentions if not (
            m.kind == "capital" and m.start - 2 >= self.sent.start and doc[m.start - 1].lower_ == "in" and
            (m.start - 2, m.iso) in orgs)]

    def _truncated(self) -> None:
        """"Nord- und Südkorea befinden sich im Kriegszustand": the first conjunct is a state of the same kind
        as the second (name or adjective)."""
        for k in range(self.sent.start, self.sent.end - 2):
            if self._is_mention(k) or not self._is_mention(k + 2):
                continue
            iso = truncated_iso(self.doc, k, self.sent.end)
            second = next(m for m in self.mentions if m.start <= k + 2 <= m.end)
            if iso and f"country/{iso}" != second.iso:
                self.mentions.append(Mention(k, k, f"country/{iso}", second.kind))
        self.mentions.sort(key=lambda m: (m.start, m.iso))

    def _dual_origin(self) -> None:
        """"drei Deutsch-Russen", "zwei Deutsch-Türken": a demonym joined by a hyphen to another state's word names
        people of two origins, no state and no pair of states (a compound that goes on names the states' conflict:
        "Israel-Palästinenser-Konflikt")."""
        doc = self.doc
        for a in self.mentions:
            for b in self.mentions:
                if b.kind == "demonym" and b.start == a.end + 2 and a.iso != b.iso and doc[a.end + 1].text == "-" and \
                        not doc[a.end].whitespace_ and not doc[a.end + 1].whitespace_ and not (
                        b.end + 1 < self.sent.end and doc[b.end + 1].text == "-"):  # ("Israel-Palästinenser-Konflikt")
                    a.nonstate = b.nonstate = True

    def _references(self) -> None:
        """Nouns of state_references.tsv after a definite article that refer back to a state named before."""
        doc, refs = self.doc, lexicon.state_references()
        for tok in self.sent:
            ref = refs.get(tok.text)
            if ref is not None and ref.kind == "possessive":
                self._possessive(tok, ref)
                continue
            if ref is None or tok.pos_ not in ("NOUN", "PROPN") or self._is_mention(tok.i):
                continue
            if ref.kind == "half":
                self._half(tok.i, ref)
                continue
            if tok.i > self.sent.start and tok.lower_ in OWN_LAND and doc[tok.i - 1].lower_ in OWN_DET:
                self._own_land(tok.i - 1, tok.i)
                continue
            j = tok.i - 1
            while j >= self.sent.start and doc[j].pos_ == "ADJ" and doc[j].text[:1].islower():
                j -= 1  # "des westafrikanischen Landes" ("das Heilige Land" is a name of its own)
            if j < self.sent.start or doc[j].lower_ not in DEFINITE or doc[j].pos_ not in ("DET", "PRON"):
                continue
            if j > self.sent.start and (doc[j - 1].lower_ in REGIONS or doc[j - 1].lower_ == "auf" and doc[j].lower_ == "dem"):
                continue  # "im Norden des Landes": a part of the country, where something happens; "auf dem Land": rural
            nxt = doc[tok.i + 1] if tok.i + 1 < self.sent.end else None
            compound = nxt is not None and tok.i + 2 < self.sent.end and doc[tok.i + 2].text == "-" and not nxt.whitespace_
            if nxt is not None and (nxt.pos_ == "PROPN" or self._is_mention(nxt.i)) and not compound:
                continue  # "das Nachbarland Niger", "das Land Brandenburg": the name follows ("das Land US-Truppen")
            self._add_reference(j, tok.i, self._antecedent(tok.i, ref))
        self.mentions.sort(key=lambda m: (m.start, m.iso))

    def _half(self, i: int, ref: lexicon.StateReference) -> None:
        """"Nach Angaben aus Seoul hat der Norden erneut Ballons geschickt": in a sentence that names only the
        states of a divided country (kind `half` of state_references.tsv: North and South Korea), "der Norden"
        or "der Süden" with its article and no preposition before it, nor a genitive after it ("den Norden
        Mosambiks", "der Norden des Landes"), is the half it names."""
        doc, start = self.doc, self.sent.start
        halves = {f"country/{iso}" for r in lexicon.state_references().values() if r.kind == "half" for iso in r.isos}
        named = {m.iso for m in self.mentions if m.kind != "anaphor"}
        if i - 1 < start or doc[i - 1].lower_ not in (*DEFINITE, "den") or not named or not named <= halves:
            return
        if i - 2 >= start and (doc[i - 2].pos_ == "ADP" or doc[i - 2].lower_ in REGIONS):
            return  # "in den Norden", "im Süden": a place
        nxt = doc[i + 1] if i + 1 < self.sent.end else None
        if nxt is not None and (nxt.lower_ in GENITIVE_DET or nxt.pos_ == "PROPN" or self._is_mention(nxt.i)):
            return  # "der Norden des Landes", "den Norden Mosambiks": a part of a state
        (iso,) = ref.isos
        self._add_reference(i - 1, i, f"country/{iso}")

    def _own_land(self, j: int, i: int) -> None:
        """"Guyanas Präsident sprach von einer Bedrohung seines Landes", "der Leiter des ukrainischen Geheimdienstes
        sagte, Russland plane eine Offensive im Osten seines Landes": a possessive "sein/ihr Land" is the country of a
        person (a state does not call itself "sein Land"): the state named as the attribute of a function noun
        (entities.is_role_word: "-präsident", "-leiter", "-minister") before it; only when exactly one is named."""
        owners = {m.iso for m in self.mentions if m.end < j and not m.nonstate and m.kind != "anaphor" and self._of_role(m)}
        if len(owners) == 1:
            self._add_reference(j, i, owners.pop())

    def _of_role(self, m: Mention) -> bool:
        """m is the attribute of a function noun: an adjective or genitive name before it ("der ukrainische
        Außenminister", "Guyanas Präsident"), a genitive after it ("der Leiter des ukrainischen Geheimdienstes",
        "der Botschafter Algeriens")."""
        doc, start = self.doc, self.sent.start
        if m.end + 1 < self.sent.end and is_role_word(doc[m.end + 1].text) and (m.kind == "adj" or doc[m.end].text.endswith("s")):
            return True
        k = m.start - 1
        while k >= start and doc[k].pos_ in ("DET", "ADJ"):
            k -= 1
        if k == m.start - 1:  # "der Botschafter Algeriens": a genitive name right after it
            return k >= start and m.kind == "name" and doc[m.end].text.endswith("s") and is_role_word(doc[k].text)
        return k >= start and doc[k + 1].lower_ in GENITIVE_DET and is_role_word(doc[k].text)

    def _add_reference(self, j: int, i: int, iso: str | None) -> None:
        """A mention of state iso for the noun phrase from token j (its article) to the noun at i, with the role
        its preposition gives it."""
        doc = self.doc
        if iso is None:
            return
        probe = Mention(j, i, iso, "anaphor")
        # "für einen Beobachterstatus der Insel": a genitive right after its noun, the noun's attribute
        # (also "einer „Bedrohung“ seines Landes": a possessive genitive after the noun and its closing quote)
        n = j - 2 if j - 2 >= self.sent.start and doc[j - 1].text in QUOTES else j - 1
        attribute = n >= self.sent.start and doc[n].pos_ == "NOUN" and doc[j].lower_ in GENITIVE_DET | {"seines", "ihres"}
        prep, p = (None, -1) if attribute else self._left(probe)
        role = CORE if prep is None else (AGENT if "agent_prep" in syntax(prep) else
                                          PARTNER if "partner_prep" in syntax(prep) else PLACE)
        gid = max([m.group for m in self.mentions] + [0]) + 1
        m = Mention(j, i, iso, "anaphor", CONTRACTED.get(prep, prep) if prep else None, p, role, gid)
        m.genitive = role == CORE and (attribute or self._genitive(m))
        self.mentions.append(m)

    def _possessive(self, tok, ref: lexicon.StateReference) -> None:
        """"und bildet sogar deren Soldaten aus": a relative possessive before a noun refers back like "das Land"
        (the owner of the noun, a core party of the verb as a genitive would be)."""
        nxt = self.doc[tok.i + 1] if tok.i + 1 < self.sent.end else None
        if nxt is None or nxt.pos_ not in ("NOUN", "ADJ") or tok.pos_ not in ("DET", "PRON"):
            return
        doc, k = self.doc, tok.i - 1
        if k >= self.sent.start and doc[k].pos_ == "ADP":
            k -= 1
        if k >= self.sent.start and doc[k].text == ",":
            # a relative clause ("den Vertrag, dessen Artikel 5 ...", "ein Abkommen, in dessen Rahmen"): the owner
            # is the noun before the comma, a state only when a state is named there
            iso = next((m.iso for m in self.mentions if m.end == k - 1 and m.kind != "anaphor"), None)
        else:
            iso = self._antecedent(tok.i, lexicon.StateReference("any", ref.isos))
        if iso is not None:
            gid = max([m.group for m in self.mentions] + [0]) + 1
            m = Mention(tok.i, tok.i, iso, "anaphor", None, -1, CORE, gid)
            m.genitive = True
            self.mentions.append(m)

    def _antecedent(self, i: int, ref: lexicon.StateReference) -> str | None:
        """The state the noun at token i refers to, when exactly one state named before it fits: one the noun
        may name (a kingdom for "Königreich"); for "Land" and "Nachbarland" no subject of a clause before it
        (one that no finite verb precedes in its clause, or right after the verb: "Als Bruderstaat Nordkoreas ist
        Südkorea von den Drohungen des Nachbarstaates betroffen"), and none at all in a "zu" clause, whose
        subject may be the object of the verb before ("wirft Ruanda vor, einen Krieg gegen das Land zu führen")."""
        before = [m for m in self.mentions if m.end < i and m.kind != "anaphor"]
        own: set[str] = set()
        if ref.kind == "any":
            if self._in_infinitive(i):
                return None
            # (a noun referring back leads its clause too: "die Volksrepublik ist Handelspartner des Landes")
            own = {m.iso for m in self.mentions if m.end < i and m.role == CORE and not m.genitive and not m.nonstate and
                   (self._leads(m) or m.start > self.sent.start and _finite(self.doc[m.start - 1]))}
        fits = {m.iso for m in before if m.iso not in own and not (ref.kind == "listed" and m.iso[8:] not in ref.isos) and
                not (ref.kind == "unlisted" and m.iso[8:] in ref.isos)}
        return fits.pop() if len(fits) == 1 else None

    def _in_infinitive(self, i: int) -> bool:
        """Token i stands in a "zu" infinitive clause whose subject may be an object before ("..., einen Krieg gegen
        das Land zu führen"); not one opened by "um", "ohne", "statt", which has the subject of its main clause
        ("sind in Niger eingetroffen, um die Streitkräfte des Landes zu schulen")."""
        doc = self.doc
        k = i - 1
        while k >= self.sent.start and doc[k].text not in BOUNDARIES:
            k -= 1
        if k + 1 < i and "infinitive_opener" in syntax(doc[k + 1].text):
            return False
        for tok in doc[i + 1: self.sent.end]:
            if tok.text in BOUNDARIES or tok.text in (".", "!", "?"):
                return False
            if tok.lower_ == "zu" and tok.pos_ == "PART" or tok.pos_ == "VERB" and zu_infinitive(tok.lower_):
                return True
        return False

    def _leads(self, m: Mention) -> bool:
        """No finite verb stands between the start of m's clause (the sentence start or a comma, semicolon,
        colon or dash) and m, nor a preposition but one right before it: m is the clause's subject, no object
        after its verb and no attribute in a phrase before it."""
        doc = self.doc
        for k in range(m.start - 1, self.sent.start - 1, -1):
            if doc[k].text in BOUNDARIES:
                return True
            if _finite(doc[k]) or doc[k].pos_ == "ADP" and k < m.start - 1:
                return False  # (a phrase of its own: "Nach dem Eindringen belarussischer Hubschrauber hat Polen ...";
                # "die Regierung in Warschau" leads)
        return True
