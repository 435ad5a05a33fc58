"""Labels of unnamed speakers: the noun phrase as a reader names it, in the nominative ("nach
Medienberichten" -> "Medienberichte", "laut Beobachtern" -> "Beobachter", "einem Jury-Mitglied" ->
"Jury-Mitglied"), so the same source reads the same wherever the article's grammar put it."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.extract import lexicon

ARTICLES = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"}
QUOTE_MARKS = "„“”\"»«"
GENITIVE_ARTICLES = {"des", "eines"}
# strong (article-less) nominative adjective endings by the head noun's gender and number
STRONG_ENDINGS = {"Masc": "er", "Fem": "e", "Neut": "es", "Plur": "e"}


def noun_nominative(tok: Token) -> str:
    """The noun in the nominative of its number: a dative plural loses the case's -n
    ("Berichten" -> "Berichte", "Beobachtern" -> "Beobachter") unless the plural always ends in -n
    ("Angaben", "Untersuchungen"); a genitive singular its -s/-es ("Ministeriums", "Gerichtes").
    Unknown compounds are their own lemma, so the endings decide, the lemma only where it is known."""
    text, lemma = tok.text, tok.lemma_
    case, number = tok.morph.get("Case"), tok.morph.get("Number")
    low = text.lower()
    if "Nom" in case:
        return text
    for dative, nominative in lexicon.dative_plurals() if "Plur" in number or "Dat" in case else ():
        if low.endswith(dative):  # (the nominative ending is a prefix of the dative one)
            return text[:len(text) - len(dative) + len(nominative)]
    if "Plur" in number and low.endswith("n") and not low.endswith(lexicon.weak_plurals()):
        stem = text[:-1]
        if stem.endswith(("er", "el")) or (stem.endswith("e") and lemma not in (text, stem) and not lemma.endswith("e")):
            return stem  # "Beobachtern", "Vorwürfen" (lemma "Vorwurf"); not "Angaben" (lemma "Angabe")
        return text
    if "Sing" in number and "Gen" in case and low.endswith("s") and not low.endswith(("nis", "us", "ss", "is", "as")):
        cut = 2 if low.endswith("es") and low[-3:-2] not in "aeiouäöü" else 1
        return text[:-cut]  # "Gerichtes", "Ministeriums", "Staatsfernsehens"
    if "Sing" in number and lemma != text and text.startswith(lemma) and lemma[:1].isupper():
        return lemma  # "dem Präsidenten"
    return text


def _adjective_nominative(tok: Token, head: Token, gender: str | None) -> str:
    """An inflected adjective before the head in its strong nominative ("jüngsten Untersuchungen"
    -> "jüngste", "politischer Beobachter" -> "politische"); unchanged when the head's gender is unknown."""
    text = tok.text
    key = "Plur" if "Plur" in head.morph.get("Number") else gender
    if key is None or not text[-1:].isalpha():
        return text
    for ending in ("en", "em", "er", "es", "e"):
        if text.endswith(ending) and len(text) > len(ending) + 2:
            return text[:-len(ending)] + STRONG_ENDINGS[key]
    return text


def phrase_label(doc: Doc, start: int, end: int) -> str:
    """The label of the noun phrase doc[start:end]: leading articles and quotation marks dropped,
    the head noun (the first noun; what follows it, a genitive or a name, is kept as written) and
    the lower-case adjectives before it in the nominative."""
    first = start
    while start < end - 1 and (doc[start].lower_ in ARTICLES or doc[start].text in QUOTE_MARKS):
        start += 1
    while end > start + 1 and doc[end - 1].text in QUOTE_MARKS:
        end -= 1
    # (a source compound the tagger calls a proper noun, "aus Unternehmenskreisen", is a noun here)
    head = next((k for k in range(start, end) if doc[k].pos_ == "NOUN" or lexicon.source_compound(doc[k].lower_)), None)
    if head in (None, end - 1) and start > 0 and doc[start - 1].lower_ in GENITIVE_ARTICLES:
        named = genitive_name(doc, start, end)
        if named is not None:
            return named
    # the article knows the gender better than the tagger's guess for an unknown compound
    gender = next(iter(doc[first].morph.get("Gender")), None) if first < start and doc[first].lower_ in ARTICLES else None
    if head is not None and gender is None:
        gender = next(iter(doc[head].morph.get("Gender")), None)
    words = []
    for k in range(start, end):
        tok = doc[k]
        if head is not None and k == head:
            word = noun_nominative(tok)
        elif head is not None and k < head and tok.pos_ == "ADJ" and tok.text[:1].islower():
            word = _adjective_nominative(tok, doc[head], gender)
        else:
            word = tok.text
        words.append(word + (tok.whitespace_ if k < end - 1 else ""))
    return "".join(words).strip()


def genitive_name(doc: Doc, start: int, end: int) -> str | None:
    """A name of proper nouns after "des"/"eines" in the nominative: the last word loses the
    genitive's -s ("Staatsfernsehens", "Umweltministeriums"; -es only after s, ß, x, z: "Kreuzes"),
    a capitalised weak adjective before it takes the strong ending of the noun's gender ("des Roten
    Kreuzes" -> "Rotes Kreuz"); a place adjective in -er stays ("Belgrader"). None when that is not
    safe: a foreign word, an ending that is no genitive, a gender the tagger is unsure of."""
    toks = [doc[k] for k in range(start, end)]
    last = toks[-1]
    text, low = last.text, last.lower_
    if (not text.isalpha() or not text[:1].isupper() or text.isupper() or len(text) < 4
            or any("Foreign=Yes" in str(t.morph) for t in toks)):
        return None
    if low.endswith("es") and low[-3] in "sßxz":
        stem = text[:-2]
    elif low.endswith("s") and not low.endswith(("es", "nis", "us", "ss", "is", "as", "os")):
        stem = text[:-1]
    else:
        return None
    if stem[-1] in "wy":  # "News", "Airways": English, no genitive
        return None
    listed = next((g for ending, g in noun_genders() if stem.lower().endswith(ending)), None)
    words = []
    for tok in toks[:-1]:
        word = tok.text
        if tok.text[:1].isupper() and tok.lower_.endswith("en") and tok.pos_ in ("ADJ", "PROPN"):
            genders = {listed} if listed else set(tok.morph.get("Gender")) | set(last.morph.get("Gender"))
            if len(genders) != 1 or not genders <= {"Masc", "Neut"}:
                return None  # (the tagger unsure: "Roten" Neut, "Kreuzes" Masc; the name stays as written)
            word = tok.text[:-2] + STRONG_ENDINGS[genders.pop()]
        words.append(word + tok.whitespace_)
    return "".join(words) + stem


@lru_cache(maxsize=1)
def noun_genders() -> tuple[tuple[str, str], ...]:
    """(ending, gender) of organisation nouns, longest ending first (extract/data/noun_genders.tsv)."""
    return tuple(sorted(((e, g) for e, g in lexicon.rows("noun_genders.tsv")), key=lambda r: -len(r[0])))


MASCULINE_ARTICLES = {"des", "dem", "den", "ein", "eines", "einem", "einen"}
FEMININE_ARTICLES = {"die", "eine"}


def role_gender(tok: Token) -> str | None:
    """"Masc" or "Fem" for a role noun by the article before it ("des Vorstandsvorsitzenden", "der
    Vorsitzende" in the nominative: Masc; "die Vorsitzende": Fem); None without an article. The article
    decides, not the tagger's gender and number for the noun, which are guesses for an adjectival
    noun ("Der ehemalige Beamte" comes out plural)."""
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and tok.i - k <= 4 and (doc[k].pos_ in ("ADJ", "ADV", "PROPN", "NUM") or doc[k].text == "-"
                                         or doc[k + 1].text == "-" and not doc[k].whitespace_):
        k -= 1  # "des Airbus-Vorstandsvorsitzenden", "der ehemalige Beamte"
    if k < 0 or doc[k].pos_ != "DET":
        return None
    art = doc[k].lower_
    if art in MASCULINE_ARTICLES:
        return "Masc"
    if art in FEMININE_ARTICLES:  # ("die Vorsitzenden": plural, no gender)
        return None if art == "die" and tok.lower_.endswith("en") else "Fem"
    if art == "der":  # nominative masculine, or genitive/dative feminine
        return "Masc" if "Nom" in doc[k].morph.get("Case") else "Fem"
    return None


def role_label(role: str | None, gender: str | None = None) -> str | None:
    """A role as written in the nominative singular: "des Präsidenten" -> "Präsident", "des
    Sprechers" -> "Sprecher", also as the last part of a compound ("Airbus-Vorstandsvorsitzenden" ->
    "Airbus-Vorstandsvorsitzender"). A feminine form ("Ministerin") stays as written; a noun inflected
    like an adjective ("Vorsitzende", "des Abgeordneten") takes the strong ending of its `gender`
    ("Vorsitzender" for a man, "Vorsitzende" for a woman or when the gender is unknown); a role the
    gazetteer does not know stays as well."""
    from kg.nlp import gazetteer

    if not role:
        return role
    prefix, _, own = role.rpartition("-")
    roles = gazetteer.roles()

    def listed(word: str):  # (the weak form of an adjectival noun, "Beamte", is no generated form)
        return roles.get(word) or (roles.get(word + "r") if word.endswith(("te", "de")) else None)

    head, entry = "", listed(own)
    for k in range(1, len(own) - 4) if entry is None else ():  # a compound of a listed role
        entry = listed(own[k:].capitalize())
        if entry is not None:
            head, own = own[:k], own[k:].capitalize()
            break
    if entry is None or own.endswith("in") or own.endswith("innen"):
        return role
    base = entry.base
    adjectival = base.endswith(("ter", "der"))  # "Vorsitzender", "Beamter", "Abgeordneter"
    if adjectival and own in (base[:-1], base[:-2] + "en"):  # "Vorsitzende", "Vorsitzenden"
        base = base if gender == "Masc" else base[:-1]
    elif own.endswith("e") or own == base:
        return role
    word = head + base.lower() if head else base
    return f"{prefix}-{word}" if prefix else word
