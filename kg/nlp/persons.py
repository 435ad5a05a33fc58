"""Rule checks of the statistical PER spans, run by kg's entity merge (kg/nlp/components.py).

The NER mistakes companies and named things for persons when they look like names ("Halliburton",
"Conrad Caine", "Hurrikan Alex"), runs a name on into the next words ("Paul in Hochheim"), and names
a person in full once but misses the later short mentions ("Boutros Boutros-Ghali ... Boutros-Ghali
starb"). The lexicons are data files (kg/nlp/data/README.md): `person_context.tsv` (words around a
span) and `ner_organisations.tsv` (organisation names of the NER training data)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.nlp.gazetteer import _rows

# a word of a Brown cluster whose training words are inside a person name at most this often ends no
# name ("Anhänger" 0 of 227, "Frankfurt" 1 of 132; "Sommer" 4 of 88 and "Wasser" 11 of 617 may)
MAX_CLUSTER_PERSONS = 0.01
MIN_CLUSTER_WORDS = 50
MIN_CLUSTER_GIVEN = 0.3
MIN_SURNAME = 3  # shorter last parts ("Li", "Xi") are too ambiguous to propagate
FUNCTION_POS = {"ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ"}
SEPARATORS = {",", ";", ":", "(", ")", "/", "|", "»", "«", "„", "“", '"'}


@lru_cache(maxsize=4)
def kinds(name: str) -> dict[str, tuple[str, ...]]:
    """The forms of each kind of a two-column (kind, form) data file."""
    table: dict[str, list[str]] = {}
    for kind, form in _rows(name):
        table.setdefault(kind, []).append(form)
    return {k: tuple(v) for k, v in table.items()}


def context() -> dict[str, tuple[str, ...]]:
    return kinds("person_context.tsv")


@lru_cache(maxsize=1)
def organisations() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("ner_organisations.tsv"))


@lru_cache(maxsize=1)
def cluster_persons() -> dict[str, tuple[float, float]]:
    """Brown cluster -> shares of its training words inside a person name and first in one (clusters of
    enough words)."""
    return {c: (int(p) / int(n), int(g) / int(n)) for c, n, p, g in _rows("ner_cluster_persons.tsv")
            if int(n) >= MIN_CLUSTER_WORDS}


def _common(tok) -> bool:
    """A word of a cluster that names no persons ("Anhänger", "Frankfurt"); a word outside the model's
    cluster table (or a model without one) is not known to be common."""
    shares = cluster_persons().get(tok.norm_)
    return shares is not None and shares[0] <= MAX_CLUSTER_PERSONS


def _given(tok) -> bool:
    """A given name: of the training data's list, or of a cluster whose words often begin a person name
    ("Jonas": 53 % of its cluster's training words do; surnames' cluster "Merkel", "Erdogan": 6 %)."""
    shares = cluster_persons().get(tok.norm_)
    return tok.text in given_names() or (shares is not None and shares[1] >= MIN_CLUSTER_GIVEN)


def _common_end(span: Span) -> bool:
    """The last word of the span is a common word, not a surname: a noun, or a word of a common cluster
    after a name of two words already ("Peter Maushagen Frankfurt"); never after given names alone
    ("Wolfgang Schüssel", "Jonas Feld"), a particle ("Ursula von der Leyen") or an in-word hyphen."""
    last = span[-1]
    # the name's own words: an academic title or a double space is none ("Dr. Albert Fuß", "Peter  Hammer")
    before = [t for t in span[:-1] if not t.is_space and t.text not in context().get("academic", ())]
    if (not before or not _common(last) or span[-2].text == "-" or before[-1].lower_ in context()["particle"]
            or all(_given(t) for t in before)):
        return False
    return last.pos_ == "NOUN" or len(before) >= 2


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("ner_given_names.tsv"))


def _key(text: str) -> str:
    return " ".join(text.replace("-", " ").split())


def known_organisation(span: Span) -> bool:
    """The whole text is an organisation of the training data ("Wincor-Nixdorf", "Boeings")."""
    key = _key(span.text)
    orgs = organisations()
    return key in orgs or (key.endswith("s") and key[:-1] in orgs)


def _ends_name(tok) -> bool:
    """A word that cannot continue a person's name: lower-case (no particle, not after an in-word
    hyphen: "Jae", "-", "in"), a function word even when capitalised ("Olivia Nach dem ..."), or a
    separator ("Paul, Sankt Gallus")."""
    if tok.lower_ in context()["particle"]:  # also "Robert De Niro"
        return False
    if tok.is_space:  # a double space ("Peter  Hammer", the tagger may call it DET); a line break ends it
        return "\n" in tok.text
    if tok.text[:1].islower():
        return tok.doc[tok.i - 1].text != "-"
    return tok.pos_ in FUNCTION_POS or tok.text in SEPARATORS


def _cut(span: Span) -> Span | None:
    """The span up to its first word that cannot continue a name, and without the common words at its
    end ("Erdogan Anhänger", "Peter Maushagen Frankfurt")."""
    end = span.end
    while end - 1 > span.start and _common_end(span.doc[span.start:end]):
        end -= 1
    if end < span.end:
        span = Span(span.doc, span.start, end, label=span.label)
    for tok in span[1:]:
        if _ends_name(tok):
            end = tok.i
            while end > span.start and (span.doc[end - 1].text in context()["particle"] or span.doc[end - 1].is_punct):
                end -= 1
            return Span(span.doc, span.start, end, label=span.label) if end > span.start else None
    return span


def head_kind(word: str) -> str | None:
    """'ORG' or 'THING' when a capitalised word names a kind of company or of named thing."""
    if not word[:1].isupper():
        return None
    low, table = word.lower(), context()
    if low.endswith(table.get("org_head", ())):
        return "ORG"
    if low.endswith(table.get("thing_head", ())):
        return "THING"
    return None


def _head(span: Span) -> tuple[str | None, Span]:
    """The kind named by the word before the span ("Hurrikan #Joaquin") or by a word the NER took
    into it ("Mini-Hurrikan Danny"), and the span without that word."""
    doc = span.doc
    for k in range(span.end - 2, span.start - 1, -1):
        kind = head_kind(doc[k].text)
        if kind:
            return kind, Span(doc, k + 1, span.end, label=span.label)
    i = span.start - 1
    if i > 0 and doc[i].text == "#":
        i -= 1
    return (head_kind(doc[i].text) if i >= 0 else None), span


def check(span: Span) -> tuple[Span | None, str | None]:
    """A statistical PER span checked: cut, relabelled (ORG, LOC) or dropped (None); with the reason
    when its context decided ("ORG", "THING"), which then holds for the same name in the whole text."""
    span = _cut(span)
    if span is None:
        return None, None
    head, span = _head(span)
    if head == "THING":
        return span, head  # dropped by _one_sense
    if head == "ORG":
        return Span(span.doc, span.start, span.end, label="ORG"), head
    if span.end < len(span.doc) and span.doc[span.end].text in context().get("org_tail", ()):
        return Span(span.doc, span.start, span.end + 1, label="ORG"), None  # "Dave Matthews Band"
    if known_organisation(span):
        return Span(span.doc, span.start, span.end, label="ORG"), None
    if span[0].text in context()["loc_first"]:
        return Span(span.doc, span.start, span.end, label="LOC"), None
    return span, None


def _one_sense(checked: list[tuple[Span | None, str | None, Span]]) -> list[Span]:
    """A name that its context showed to be a company or a storm is one in the whole text, and so is a
    person name that begins a statistical organisation of the text ("Fanuc" beside "Fanuc Deutschland")."""
    senses = {e.text: reason for e, reason, _ in checked if reason}
    checked = [(None if reason == "THING" else e, reason, o) for e, reason, o in checked]
    orgs = [e for e, _, _ in checked if e is not None and e.label_ == "ORG"]
    # not the first part of a compound organisation name ("Merkel" of "Merkel - Regierung")
    heads = {tuple(t.text for t in e[:k]) for e in orgs for k in range(1, len(e) + 1)
             if k == len(e) or e[k].text != "-"}
    out = []
    for e, reason, original in checked:
        if e is None or original.label_ != "PER" or reason:
            out.extend([e] if e is not None else [])
            continue
        sense = senses.get(e.text)
        if sense == "THING":
            continue
        if sense == "ORG" or tuple(t.text for t in e) in heads:
            e = Span(e.doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def _surnames(ents: list[Span]) -> set[tuple[str, ...]]:
    """The tokens after the first of each full person name ("Boutros", "-", "Ghali")."""
    out = set()
    for e in ents:
        if e.label_ == "PER" and len(e) >= 2:
            rest = tuple(t.text for t in e[1:] if not t.is_punct or t.text == "-")
            if rest and rest[0] != "-" and len(rest[-1]) >= MIN_SURNAME and rest[0][:1].isupper():
                out.add(rest)
    return {s for s in out if not _key(" ".join(s)) in organisations()}


def propagate(doc: Doc, ents: list[Span]) -> list[Span]:
    """Later and earlier mentions of a full name's surname are the person too: the same words as a
    whole ORG/LOC/MISC entity or outside every entity become PER ("Tatum" after "Channing Tatum"),
    unless they are part of a compound ("Tatum-Film")."""
    names = _surnames(ents)
    if not names:
        return ents
    words = [t.text for t in doc]
    where: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        where.setdefault(w, []).append(i)
    taken = {i: e for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for name in sorted(names):
        n = len(name)
        for i in sorted(where.get(name[-1], []) + where.get(name[-1] + "s", [])):
            i -= n - 1
            if i < 0 or tuple(words[i:i + n - 1]) != name[:-1]:
                continue
            owner = {taken.get(k) for k in range(i, i + n)}
            if owner == {None} and (i == 0 or words[i - 1] != "-") and (i + n == len(words) or words[i + n] != "-"):
                out.append(Span(doc, i, i + n, label="PER"))
            elif len(owner) == 1 and None not in owner:
                e = owner.pop()
                if e.label_ != "PER" and (e.start, e.end) == (i, i + n):
                    out[out.index(e)] = Span(doc, i, i + n, label="PER")
    return sorted(out, key=lambda s: s.start)


def repair(doc: Doc, ents: list[Span]) -> list[Span]:
    """The statistical entities with every PER span checked and surnames propagated."""
    checked = [(*check(e), e) if e.label_ == "PER" else (e, None, e) for e in ents]
    return propagate(doc, _one_sense(checked))
