"""Statement and relation patterns on invented German sentences (rule-only pipeline is enough)."""

import pytest

from kg.build import extract_text

from .sentences import statements


def relations(text):
    return extract_text(text, "t").relations


def test_colon_introduction_names_the_speaker():
    (st,) = statements("Der Flughafenmanager Vedat Muftuoglu sagte: „Wir haben alles getan, was möglich war.“")
    assert st.direct and st.speaker_id == "person/vedat-muftuoglu"
    assert st.quote == "Wir haben alles getan, was möglich war."


def test_so_x_after_the_quote():
    (st,) = statements("„Wir werden keine weiteren Karten mehr anbieten“, so Vereinschef Corny Littmann.")
    assert st.speaker_id == "person/corny-littmann" and st.speaker_mention.text == "Corny Littmann"


def test_pronoun_resolves_to_the_person_named_before():
    text = "Peter Müller leitet die Firma. „Das ist eine lange Geschichte für uns alle“, sagte er."
    (st,) = statements(text)
    assert st.speaker_mention.text == "er"  # the mention stays the pronoun
    assert st.speaker_id == "person/peter-muller"  # the speaker is the entity


def test_oblique_noun_is_no_speaker():
    # "mit den Worten" is not a person; without an antecedent there is no speaker at all
    assert statements("Sie wird mit den Worten zitiert: „Ich will diesem Wechsel nicht im Wege stehen.“") == []


def test_laut_and_zufolge_attribute_reported_speech():
    laut = statements("Laut Außenminister Hans Weber ist die Lage an der Grenze sehr ernst.")
    assert [s.speaker_id for s in laut] == ["person/hans-weber"] and not laut[0].direct
    zuf = statements("Dem Außenminister Hans Weber zufolge ist die Lage an der Grenze sehr ernst.")
    assert [s.speaker_id for s in zuf] == ["person/hans-weber"]


def test_indirect_speech_after_speech_verb_with_konjunktiv():
    sts = statements("Der Minister Hans Weber sagte, die Lage sei ernst. Er betonte, man habe alles versucht.")
    assert [(s.speaker_id, s.quote, s.direct) for s in sts] == [
        ("person/hans-weber", "die Lage sei ernst", False),
        ("person/hans-weber", "man habe alles versucht", False),
    ]
    assert sts[1].speaker_mention.text == "Er"


def test_every_statement_has_a_confidence():
    sts = statements("„Wir sind bereit zu helfen“, sagte Außenministerin Anna Berger.")
    assert sts and all(0 < s.confidence <= 1 for s in sts)


def test_sports_gegen_is_no_relation():
    assert relations("Deutschland gewann die Partie gegen Frankreich mit 2:1.") == []


def test_negated_relation_is_marked():
    rels = relations("Deutschland unterstützt Russland nicht.")
    assert rels and all(r.negated for r in rels)


def test_hedged_relation_is_marked():
    rels = relations("Frankreich und Deutschland planen eine Zusammenarbeit mit Italien, die Gespräche seien geplant.")
    assert rels and all(r.hedged for r in rels if r.type == "cooperation")


def test_compound_cue_is_found():
    rels = relations("Der Gasstreit zwischen Russland und der Ukraine dauert an.")
    assert [(r.source_id, r.target_id, r.polarity) for r in rels] == [("country/RUS", "country/UKR", "hostile")]


@pytest.mark.parametrize("text", ["Die Beziehungen zwischen Deutschland und Israel sind vierzig Jahre alt."])
def test_relations_alone_are_neutral(text):
    assert {r.polarity for r in relations(text)} == {"neutral"}
