"""Persons the statistical NER missed or mislabelled, found from the words around a name.

Run by kg's entity merge (kg/nlp/components.py) after the checks of kg/nlp/persons.py. Each rule needs
evidence outside the name itself, because the NER has already seen the name and said no:
* a role or title right before unlabelled proper nouns ("Facebook-Gründer Zuckerberg", "Superstar
  Madonna", "Tante Cilli"): the role word ends in a `role_suffix` of `person_evidence.tsv`, is one of
  kg's role nouns (roles.tsv) or a title (`title` in person_context.tsv);
* a proper noun with the genitive -s before a noun ("Holroyds Stimme");
* a short organisation or place span of proper nouns listed next to a full person name ("Channing Tatum,
  Mila Kunis und Sean Bean");
* a person span that ends in a known given name (`ner_given_names.tsv`, from the NER training data) goes
  on over a name particle and a proper noun ("Joseph Victor" + "von Scheffel"); it takes in academic
  titles right before it ("Dr. Stefan Sommer", as SmartData annotates names).
A known given name before an unlabelled proper noun as a person, and a short organisation/place span
starting with one relabelled PER, changed no figure on SmartData v3 dev nor on the GermEval training
sentences (the NER labels such names itself), so they are not rules here.
A proper noun here is a capitalised word the tagger calls PROPN, that is no function word, no role word
and in no other entity or gazetteer span."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.nlp.gazetteer import roles
from kg.nlp.persons import FUNCTION_POS, context, given_names, head_kind, kinds, known_organisation

MAX_NAME = 3  # proper nouns taken after a role or given name ("Praise Mary Ella" stays short)
PARTICLES = {"von", "van", "zu", "de", "di", "da", "del", "du"}  # that start a family name after a given name
ARTICLES = {"der", "dem", "den"}  # "von der Leyen"
LIST_WORDS = {",", "und", "oder", "sowie", "&"}
APPOSITION_GAP = {",", "("}  # between a person's name and a role word that describes them


def _table() -> dict[str, tuple[str, ...]]:
    return kinds("person_evidence.tsv")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Titles before a person's name; not a saint's ("Sankt Gallus" is a church or place)."""
    return frozenset(context().get("title", ())) - set(context().get("loc_first", ())) - {"St"}


@lru_cache(maxsize=16384)
def is_role(word: str) -> bool:
    """A role noun or title before a name ("Bundesinnenminister", "YouTube-Star", "Herr")."""
    if not word[:1].isupper() or word.isupper():
        return False
    if word in _titles() or word in roles():
        return True
    low = word.lower()
    return low.endswith(_table()["role_suffix"]) and low not in _table().get("not_role", ())


def _proper(tok, free: set[int]) -> bool:
    text = tok.text
    return (tok.i in free and tok.pos_ == "PROPN" and text[:1].isupper() and text.isalpha()
            and not text.isupper() and tok.pos_ not in FUNCTION_POS and not is_role(text)
            and text not in _table().get("not_name", ()) and text not in context().get("org_tail", ()))


def _run(doc: Doc, i: int, free: set[int]) -> int:
    """End of the proper nouns from token i on (i itself when there are none), with hyphen-joined
    parts inside one word ("Weiler-Kiderlen")."""
    end, n = i, 0
    while end < len(doc) and n < MAX_NAME and _proper(doc[end], free):
        end, n = end + 1, n + 1
        while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
               and not doc[end].whitespace_ and doc[end + 1].i in free and doc[end + 1].text[:1].isupper()):
            end += 2
    return end


def _apposition(doc: Doc, i: int, person_ends: frozenset[int], chained: bool = False) -> bool:
    """The role word at i describes the person named right before it ("Helima Croft, Leiterin
    Rohstoffanalyse", "Claudio Senn (stv. Leiter Rheinunternehmen)"), also as the second of two roles
    ("..., Leiter Vertrieb und Leiter Marketing"): what follows is the field or body the person leads, not a
    second person (10 of the 12 role additions on the SmartData training documents that were no person)."""
    k = i - 1
    while k >= 0:
        if doc[k].text in APPOSITION_GAP or doc[k].is_space:
            k -= 1
        elif doc[k].text.endswith(".") and doc[k].text[:1].islower():  # "stv."
            k -= 1
        elif doc[k].text == "." and k > 0 and doc[k - 1].text.isalpha() and doc[k - 1].text.islower():
            k -= 2  # "stv", "."
        else:
            break
    if k >= 0 and k + 1 < i and k + 1 in person_ends:
        return True
    if chained or k < 0 or doc[k].lower_ not in ("und", "sowie"):
        return False
    return any(is_role(doc[j].text) and _apposition(doc, j, person_ends, True)
               for j in range(k - 2, max(k - 1 - MAX_NAME, -1), -1))


def _after_role(doc: Doc, free: set[int], person_ends: frozenset[int] = frozenset()) -> list[Span]:
    out = []
    for tok in doc[:-1]:
        if tok.i in free and is_role(tok.text) and not _apposition(doc, tok.i, person_ends):
            end = _run(doc, tok.i + 1, free)
            if end > tok.i + 1:
                out.append(Span(doc, tok.i + 1, end, label="PER"))
    return out


def _genitives(doc: Doc, free: set[int]) -> list[Span]:
    """A proper noun with the genitive -s before a noun phrase ("Wulffs Hochzeitsfeier", "Holroyds
    Stimme"): German puts only names there without an article (not at a sentence start, where
    capitalised adjectives and nouns stand too)."""
    out = []
    for tok in doc[1:-1]:
        nxt, prev = doc[tok.i + 1], doc[tok.i - 1]
        # not "-ss" ("Alkoholeinfluss") nor "-es" (adjectives the tagger calls PROPN: "Vergangenes Jahr")
        if (tok.text.endswith("s") and not tok.text.endswith(("ss", "es")) and len(tok.text) > 3
                and not tok.is_sent_start and _proper(tok, free) and nxt.i in free
                and nxt.pos_ in ("NOUN", "ADJ") and nxt.text[:1].isupper() == (nxt.pos_ == "NOUN")
                and prev.pos_ not in ("DET", "ADJ") and prev.lower_ not in _table().get("fused_article", ())
                # a proper noun before that the NER left out makes it a product's name ("Microsoft
                # Windows Plattform", "SK Plus Mitglieder"); a person's first name would be in its span
                and not (prev.i in free and prev.pos_ == "PROPN")
                and not known_organisation(doc[tok.i:tok.i + 1])
                and tok.text[:-1] not in context().get("title", ())):
            out.append(Span(doc, tok.i, tok.i + 1, label="PER"))
    return out


def _company(span: Span) -> bool:
    """The word before names a kind of company ("Verlag Paul Haupt") or the word after makes the name an
    organisation's ("Paul Haupt Stiftung"), as in kg/nlp/persons.py."""
    doc = span.doc
    return ((span.start > 0 and head_kind(doc[span.start - 1].text) is not None)
            or (span.end < len(doc) and doc[span.end].text in context().get("org_tail", ())))


def _listed(e: Span, ents: list[Span], k: int) -> Span:
    """A short organisation/place span of proper nouns listed next to a full person name ("Channing
    Tatum, Mila Kunis und Sean Bean") is a person: the NER reads names in a list alike."""
    if e.label_ == "PER" or not 2 <= len(e) <= MAX_NAME or known_organisation(e) or _company(e):
        return e
    ids = {t.i for t in e}
    if not all(_proper(t, ids) for t in e):
        return e
    doc = e.doc
    for n in (ents[k - 1] if k else None, ents[k + 1] if k + 1 < len(ents) else None):
        if n is None or n.label_ != "PER" or len(n) < 2:
            continue
        gap = doc[n.end:e.start] if n.start < e.start else doc[e.end:n.start]
        if len(gap) == 1 and gap[0].text in LIST_WORDS:
            return Span(doc, e.start, e.end, label="PER", span_id=e.id)
    return e


def _particle_end(e: Span, free: set[int]) -> int:
    """The end of a family name after a person span ending in a given name ("von Scheffel")."""
    doc, i = e.doc, e.end
    if e.label_ != "PER" or e[-1].text not in given_names() or i >= len(doc) or doc[i].text not in PARTICLES:
        return e.end
    i += 1
    if i < len(doc) and doc[i].text in ARTICLES:
        i += 1
    end = _run(doc, i, free)
    return end if end > i else e.end


def _title_start(e: Span, free: set[int]) -> int:
    """The start of a person span with the academic titles right before it ("Prof. Dr." + "Eva Lind")."""
    start = e.start
    while e.label_ == "PER" and start > 0 and start - 1 in free and e.doc[start - 1].text in context().get("academic", ()):
        start -= 1
    return start


def add(doc: Doc, ents: list[Span], known: list[Span]) -> list[Span]:
    """`ents` (the checked statistical entities) with persons added, relabelled or extended; `known`
    (gazetteer spans) stay untouched."""
    taken = {i for s in known for i in range(s.start, s.end)}
    free = set(range(len(doc))) - taken - {i for e in ents for i in range(e.start, e.end)}
    out = []
    for k, e in enumerate(ents):
        if any(i in taken for i in range(e.start, e.end)):
            out.append(e)
            continue
        e = _listed(e, ents, k)
        start, end = _title_start(e, free), _particle_end(e, free)
        if (start, end) != (e.start, e.end):
            free -= set(range(start, e.start)) | set(range(e.end, end))
            e = Span(doc, start, end, label="PER", span_id=e.id)
        out.append(e)
    person_ends = frozenset(e.end for e in out if e.label_ == "PER")
    for span in _after_role(doc, free, person_ends) + _genitives(doc, free):
        if all(i in free for i in range(span.start, span.end)) and not _company(span):
            free -= set(range(span.start, span.end))
            out.append(span)
    return sorted(out, key=lambda s: s.start)
