"""The NER's second, whole-word reading around words kg's tokenizer split at a hyphen
(kg/nlp/unsplit.py): invented sentences whose names the split reading misreads."""

from __future__ import annotations

import pytest

import kg.nlp


@pytest.fixture(scope="module")
def nlp():
    return kg.nlp.load()


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_hyphenated_name_is_found_and_tokens_stay_split(nlp):
    doc = nlp("Der ehemalige UN-Generalsekretär Butrus Butrus-Amali ist tot.")
    assert [t.text for t in doc][2:5] == ["UN", "-", "Generalsekretär"]  # the gazetteer still sees "UN"
    assert ("Butrus Butrus-Amali", "PER") in [(e.text, e.label_) for e in doc.ents]
    # the NER's split reading alone misses the person (kg_entities would find it after the role word)
    with nlp.select_pipes(disable=["kg_unsplit_ner", "kg_entities"]):
        assert not [e for e in nlp("Der ehemalige UN-Generalsekretär Butrus Butrus-Amali ist tot.").ents
                    if e.label_ == "PER"]


def test_compound_before_a_name_is_not_taken_into_it(nlp):
    found = ents(nlp, "Die beiden YouTube-Stars Kelly Morana und Jan Preston singen.")
    assert ("Kelly Morana", "PER") in found, found
    assert not [t for t, _ in found if "Stars" in t], found


def test_places_with_hyphens_and_organisations_in_compounds(nlp):
    found = ents(nlp, "Der Landrat Reinhard Frank traf in Sachsen-Anhalt die Lufthansa-Chefin Carla Meyer-Lindholm.")
    assert ("Sachsen-Anhalt", "LOC") in found, found
    assert ("Carla Meyer-Lindholm", "PER") in found, found
    assert ("Lufthansa", "ORG") in found, found  # the split reading's organisation stays
