"""Persons found from the words around a name (kg/nlp/evidence.py) on invented German sentences: tags
and statistical entities are set by hand, so each rule is tested on its own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.nlp import evidence


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("de")


def added(blank, text, pos, ents=(), known=()):
    """`pos`: one UPOS a word of `text` (whitespace-split); `ents`/`known`: (first word, last word, label)."""
    words = text.split()
    doc = Doc(blank.vocab, words=words, pos=pos.split())
    spans = [Span(doc, s, e + 1, label=label) for s, e, label in ents]
    gazetteer = [Span(doc, s, e + 1, label=label) for s, e, label in known]
    return [(e.text, e.label_) for e in evidence.add(doc, spans, gazetteer)]


def test_proper_nouns_after_a_role_compound_are_a_person(blank):
    text = "Der Bahn-Gründer Quessling sprach ."
    assert added(blank, text, "DET NOUN PROPN VERB PUNCT") == [("Quessling", "PER")]
    text = "Das überraschte Popstar Velina Marout sehr ."
    assert added(blank, text, "PRON VERB NOUN PROPN PROPN ADV PUNCT") == [("Velina Marout", "PER")]


def test_a_role_before_a_common_word_a_month_or_a_gazetteer_name_adds_nothing(blank):
    assert added(blank, "Der Trainer Ende Mai sagte ab .", "DET NOUN PROPN PROPN VERB ADP PUNCT") == []
    assert added(blank, "Der Trainer lobte das Team .", "DET NOUN VERB DET NOUN PUNCT") == []
    assert added(blank, "Der Botschafter Frankreichs reiste ab .", "DET NOUN PROPN VERB ADP PUNCT",
                 known=[(2, 2, "COUNTRY")]) == []


def test_the_word_start_is_no_role_and_star_alone_neither(blank):
    assert added(blank, "Ein Neustart Bravia folgt .", "DET NOUN PROPN VERB PUNCT") == []
    assert added(blank, "Das Spiel Star Galaxa erscheint .", "DET NOUN NOUN PROPN VERB PUNCT") == []


def test_a_name_listed_with_full_person_names_is_a_person(blank):
    text = "Es spielen Corvin Talbot , Mira Sandlin und Ove Brask ."
    pos = "PRON VERB PROPN PROPN PUNCT PROPN PROPN CCONJ PROPN PROPN PUNCT"
    ents = [(2, 3, "ORG"), (5, 6, "PER"), (8, 9, "PER")]
    assert added(blank, text, pos, ents) == [("Corvin Talbot", "PER"), ("Mira Sandlin", "PER"), ("Ove Brask", "PER")]


def test_a_person_ending_in_a_given_name_goes_on_over_a_particle(blank):
    text = "Er besuchte Karl Friedrich von Hallerstein oft ."
    pos = "PRON VERB PROPN PROPN ADP PROPN ADV PUNCT"
    assert added(blank, text, pos, [(2, 3, "PER")]) == [("Karl Friedrich von Hallerstein", "PER")]


def test_a_surname_before_a_particle_is_not_extended(blank):
    text = "Er lobte Anna Merklinger von Velotec ."
    pos = "PRON VERB PROPN PROPN ADP PROPN PUNCT"
    assert added(blank, text, pos, [(2, 3, "PER")]) == [("Anna Merklinger", "PER")]


def test_a_name_after_a_role_that_an_organisation_word_follows_is_no_person(blank):
    assert added(blank, "Die Politikerin Velina Stiftung hilft .", "DET NOUN PROPN NOUN VERB PUNCT") == []


def test_a_proper_noun_with_a_genitive_s_before_a_noun_is_a_person(blank):
    text = "Er stützte Quesslings Version ."
    assert added(blank, text, "PRON VERB PROPN NOUN PUNCT") == [("Quesslings", "PER")]


def test_no_genitive_person_at_a_sentence_start_or_for_ss_and_es_words(blank):
    assert added(blank, "Vergangenes Jahr kam er .", "PROPN NOUN VERB PRON PUNCT") == []
    assert added(blank, "Er fuhr unter Alkoholeinfluss Auto .", "PRON VERB ADP PROPN NOUN PUNCT") == []
    assert added(blank, "Er sah des Quesslings Haus .", "PRON VERB DET PROPN NOUN PUNCT") == []


def test_a_person_takes_in_the_academic_titles_before_it(blank):
    text = "Das sagte Prof. Dr. Eva Lindqvist gestern ."
    pos = "PRON VERB NOUN NOUN PROPN PROPN ADV PUNCT"
    assert added(blank, text, pos, [(4, 5, "PER")]) == [("Prof. Dr. Eva Lindqvist", "PER")]


def test_a_role_right_after_the_person_it_describes_is_followed_by_a_field_not_a_person(blank):
    text = "Laut Wenke Odal , Leiterin Bodenanalyse bei der Bank ."
    pos = "ADP PROPN PROPN PUNCT NOUN PROPN ADP DET NOUN PUNCT"
    assert added(blank, text, pos, ents=[(1, 2, "PER")]) == [("Wenke Odal", "PER")]
    text = "Es kamen Jarl Medin ( stv . Leiter Flussbau ) und andere ."
    pos = "PRON VERB PROPN PROPN PUNCT X PUNCT NOUN PROPN PUNCT CCONJ PRON PUNCT"
    assert added(blank, text, pos, ents=[(2, 3, "PER")]) == [("Jarl Medin", "PER")]
    text = "Laut Wenke Odal , Leiterin Vertrieb und Leiterin Bodenanalyse ."
    pos = "ADP PROPN PROPN PUNCT NOUN PROPN CCONJ NOUN PROPN PUNCT"
    assert added(blank, text, pos, ents=[(1, 2, "PER")]) == [("Wenke Odal", "PER")]
    # without the person before it the role still introduces one
    text = "Das sagte Leiterin Wenke Odal ."
    assert added(blank, text, "PRON VERB NOUN PROPN PROPN PUNCT") == [("Wenke Odal", "PER")]


def test_no_genitive_person_after_a_fused_article_or_an_unlabelled_proper_noun(blank):
    text = "Er rannte wie wild durchs Haus Fegen wollte er nicht ."
    assert added(blank, text, "PRON VERB ADP ADJ ADP PROPN NOUN VERB PRON PART PUNCT") == []
    text = "Wir bauen für die Velmosoft Windows Plattform ."
    assert added(blank, text, "PRON VERB ADP DET PROPN PROPN NOUN PUNCT") == []
