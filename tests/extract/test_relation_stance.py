"""How firmly a relation is stated and what a vote means (seventh round): a relation wished for or only
rumoured is hedged; a vote for a state or an act in its favour supports it; what is renounced is denied
(invented sentences)."""

from .sentences import flagged, relations


def test_a_relation_wished_for_is_hedged():
    assert ("FRA", "ITA", "cooperation", False, True) in flagged("Italien ist an einer Annäherung an Frankreich interessiert.")
    rels = flagged("Schweden wünscht eine engere Zusammenarbeit mit Norwegen.")
    assert rels and all(hedged for *_rest, hedged in rels)
    # the relation itself, not wished, stays asserted
    rels = flagged("Italien verstärkte die Zusammenarbeit mit Frankreich.")
    assert rels and not any(hedged for *_rest, hedged in rels)


def test_a_relation_only_talked_about_is_hedged():
    assert ("GBR", "FRA", "criticism", False, True) in flagged("Außerdem spricht man von einem Protest Englands gegen Frankreich.")
    assert ("ITA", "FRA", "criticism", False, True) in flagged("Wie man hört, hat Italien gegen Frankreich protestiert.")
    assert ("ROU", "RUS", "agreement", False, True) in flagged(
        "Gerüchten zufolge hat Rumänien mit Russland ein Abkommen geschlossen.")
    # an impersonal "man" that does something else reports no rumour
    assert ("ITA", "FRA", "criticism", False, False) in flagged("Italien protestierte gegen Frankreich, wie man weiß.")


def test_voting_for_a_state_supports_it():
    rels = relations("Spanien und Brasilien beschlossen, für den Eintritt Deutschlands in den Völkerbund zu stimmen.")
    assert {("ESP", "DEU", "diplomatic_support"), ("BRA", "DEU", "diplomatic_support")} <= rels
    assert ("NOR", "FIN", "diplomatic_support") in relations("Norwegen stimmte für die Aufnahme Finnlands.")
    # a vote against, a vote held, a vote for a thing and "es stimmt" are no support of a state
    assert not relations("Norwegen stimmte gegen die Aufnahme Finnlands.")
    assert not relations("Die Staaten stimmten über die Aufnahme Finnlands ab.")
    assert not relations("Frankreich stimmte in Genf für die Resolution, Italien dagegen.")
    assert not relations("Es stimmt, dass Frankreich und Belgien sich kannten.")


def test_acting_in_a_states_favour_supports_it_and_what_is_renounced_is_denied():
    rels = flagged("Frankreich verzichtete zugunsten Spaniens auf seinen Anspruch.")
    assert ("FRA", "ESP", "diplomatic_support", False, False) in rels
    assert ("ITA", "AUT", "diplomatic_support", True, False) in flagged("Italien sprach sich nicht zugunsten Österreichs aus.")
    # a favour with no state acting supports no one
    assert not relations("Der Schiedsrichter entschied zugunsten Polens.")
    assert not relations("Die Grenze wurde zugunsten Polens verschoben.")
    assert ("ITA", "FRA", "sanctions", True, False) in flagged("Italien verzichtete auf Sanktionen gegen Frankreich.")
    # renouncing something else leaves the next verb asserted
    assert ("ITA", "FRA", "criticism", False, False) in flagged("Italien verzichtete auf die Teilnahme und kritisierte Frankreich.")


def test_a_demand_is_made_of_a_state_in_its_own_clause():
    assert ("POL", "LTU", "criticism") in relations("Polen verlangte von Litauen die Rückgabe der Stadt.")
    assert ("FRA", "DEU", "criticism") in relations(
        "Frankreich forderte Deutschland, das den Vertrag gebrochen hatte, zur Zahlung auf.")
    # a state in the clause after it is not the one asked
    assert ("DEU", "MAR", "criticism") not in relations(
        "Die Ministerin forderte die Bundesregierung auf, auch die Einstufung von Marokko zu prüfen.")


def test_a_protest_lodged_with_a_state_is_aimed_at_it():
    assert ("CHE", "ITA", "criticism") in relations(
        "Die Schweiz protestierte bei der italienischen Regierung gegen die Verhaftung eines Schweizers.")
    assert ("FRA", "GBR", "criticism") in relations("Frankreich beschwerte sich bei England über die Haltung der Presse.")


def test_a_countrys_name_is_no_qualifier_and_a_reported_rumour_is_hedged():
    # "England" begins like "eng" (close relations), but a note stays a note
    assert ("GBR", "GRC", "diplomatic_relations") in relations("England richtete eine Note an Griechenland.")
    assert ("FRA", "GRC", "diplomatic_relations", False, True) in flagged(
        "Es verlautet, daß Frankreich eine Note an Griechenland richten wird.")
    assert ("ITA", "FRA", "threat", False, True) in flagged("Man sagt, daß Italien Frankreich bedroht habe.")


def test_an_event_in_a_states_favour_is_no_states_act():
    assert not relations("Die Allianz beunruhigt, weil die Einführung nordkoreanischer Truppen die Waage zugunsten Moskaus kippen könnte.")
