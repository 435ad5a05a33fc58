"""Country relations, second references round (invented sentences, none taken from the pools): a possessive
"sein/ihr Land" names the country of a person named before it ("Perus Außenminister ... seines Landes", "die
Sprecherin des chilenischen Ministeriums ... ihres Landes"), never a state on its own."""

from kg.nlp import load
from kg.extract.entities import DocEntities
from kg.extract.relation_reading import Reading
from tests.extract.sentences import flagged


def mentions(text):
    """(words, iso3) of the country mentions the relation reader finds in `text`."""
    doc = load()(text)
    ents = DocEntities(doc, "t")
    return {(doc[m.start: m.end + 1].text, m.iso[8:]) for s in doc.sents for m in Reading(s, ents).mentions}


def test_his_country_is_the_country_of_the_person_named_before():
    assert ("seines Landes", "PER") in mentions(
        "Nachdem Bolivien Truppen an die Grenze verlegt hatte, sprach Perus Außenminister von einer Gefahr für die "
        "Sicherheit seines Landes.")
    assert ("ihres Landes", "CHL") in mentions(
        "Die Sprecherin des chilenischen Außenministeriums sagte, Argentinien bereite einen Angriff auf den Süden ihres "
        "Landes vor.")


def test_his_country_is_no_state_speaking_of_itself():
    # a state does not call itself "sein Land"; without a person's state the possessive names none
    assert not any(words == "sein Land" for words, _iso in mentions(
        "Brasilien erklärte, sein Land werde Venezuela weiter mit Lebensmitteln beliefern."))
    # two persons of two states: no single owner
    assert not any(words == "seines Landes" for words, _iso in mentions(
        "Der kolumbianische Präsident und Ecuadors Außenminister sprachen über die Zukunft seines Landes."))


def test_a_plan_reported_in_the_subjunctive_is_hedged():
    found = flagged("Der Botschafter Algeriens warnte, Marokko plane im kommenden Frühjahr eine Offensive gegen sein Land.")
    assert {(frozenset((x, y)), neg, hedged) for x, y, _t, neg, hedged in found} == {(frozenset(("MAR", "DZA")), False, True)}


def test_the_state_that_commissions_an_act_acts():
    # "im Auftrag Teherans", "auf Befehl Pekings": the state orders the act; no place, no mere attribute
    assert ("IRN", "ISR", "attack", False, False) in flagged("Ein Agent hat im Auftrag Teherans Israel angegriffen.")
    assert ("CHN", "VNM", "attack", False, False) in flagged("Auf Befehl Pekings haben Schiffe Vietnam angegriffen.")


def test_the_north_is_north_korea_only_among_the_korean_states():
    assert ("KOR", "PRK", "criticism", False, False) in flagged("Seoul verurteilte den Norden am Sonntag scharf.")
    assert ("PRK", "KOR", "threat", False, False) in flagged("Pjöngjang drohte dem Süden erneut mit Vergeltung.")
    # a place, a part of a state, or a sentence naming another state: no half of Korea
    assert not any(iso == "PRK" for _w, iso in mentions("Südkorea meldet Überschwemmungen im Norden des Landes."))
    assert not any(iso == "PRK" for _w, iso in mentions("Japan und Südkorea beobachten den Norden genau."))
    assert not any(iso == "PRK" for _w, iso in mentions("Seoul schickt Helfer in den Norden."))


def test_people_of_two_origins_are_no_pair_of_states():
    assert flagged("Die Deutsch-Russen haben gemeinsam gegen den Krieg protestiert.") == set()
    # a compound that goes on names the states' conflict
    assert any({x, y} == {"ISR", "PSE"} for x, y, *_ in flagged("Der Israel-Palästinenser-Konflikt eskaliert erneut."))
