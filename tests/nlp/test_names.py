"""Statistical names survive kg's hyphen split, and gazetteer words inside a person's name give way."""

from __future__ import annotations

import pytest

import kg.nlp


@pytest.fixture(scope="module")
def nlp():
    return kg.nlp.load()


def ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, name", [
    ("Die Ministerin Anna Schulte-Brandt sagte am Montag in Berlin, man werde helfen.", "Anna Schulte-Brandt"),
    ("Finanzsenator Klaus-Peter Müller traf am Dienstag Vertreter der Gewerkschaften.", "Klaus-Peter Müller"),
])
def test_double_names_stay_whole(nlp, text, name):
    found = ents(nlp, text)
    assert (name, "PER") in found, found
    assert not [t for t, _ in found if t != name and t in name], found  # no cut-off part beside it


def test_gazetteer_word_inside_a_person_name_is_the_person(nlp):
    doc = nlp("Der Dirigent Wolfgang Wagner lobte das Orchester.")
    assert [(e.text, e.label_, e.id_) for e in doc.ents] == [("Wolfgang Wagner", "PER", "")]
    alone = nlp("Die Söldner der Gruppe Wagner zogen ab.")
    assert [e.id_ for e in alone.ents if e.text == "Wagner"] == ["org/wagner"]


def test_country_in_a_compound_still_splits_and_common_nouns_are_not_joined(nlp):
    doc = nlp("Der US-Außenminister reiste nach Kiew.")
    assert ("US", "LOC", "country/USA") in {(e.text, e.label_, e.id_) for e in doc.ents}
    assert not [e for e in nlp("Die Mario Party-Serie ist beliebt.").ents if e.text.endswith("Serie")]


def test_a_place_extends_over_a_place_name_part_but_not_over_a_common_noun():
    import spacy
    from spacy.tokens import Doc, Span

    from kg.nlp.names import whole_word

    doc = Doc(spacy.blank("de").vocab, words=["zwischen", "Plauen", "-", "Ost", "und", "US", "-", "Außenminister"],
              spaces=[True, False, False, True, True, False, False, False],
              pos=["ADP", "PROPN", "PUNCT", "NOUN", "CCONJ", "PROPN", "PUNCT", "NOUN"])
    assert whole_word(Span(doc, 1, 2, label="LOC")).text == "Plauen-Ost"
    assert whole_word(Span(doc, 1, 2, label="PER")).text == "Plauen"  # only places take place-name parts
    assert whole_word(Span(doc, 5, 6, label="LOC")).text == "US"
