"""Country relations on invented German sentences: cue types, who acts, places, flags."""

import pytest

from kg.build import extract_text


def relations(text):
    return {(r.source_id[8:], r.target_id[8:], r.type): r for r in extract_text(text, "t").relations}


def pairs(text):
    return {(frozenset((s, t)), r.polarity) for (s, t, _), r in relations(text).items()}


def test_separable_attack_verb_with_adjectives():
    rels = relations("Russische Truppen griffen am Montag ukrainische Stellungen an.")
    assert set(rels) == {("RUS", "UKR", "attack")}
    assert rels[("RUS", "UKR", "attack")].directed and rels[("RUS", "UKR", "attack")].polarity == "hostile"


def test_states_attacking_together_are_military_partners():
    rels = relations("Iran und Syrien bombardierten in der Nacht die Stellungen der Rebellen.")
    assert set(rels) == {("IRN", "SYR", "military_cooperation")}
    assert rels[("IRN", "SYR", "military_cooperation")].polarity == "cooperative"


def test_sanctions_by_the_subject_against_the_target():
    rels = relations("Kanada verhängte am Freitag neue Sanktionen gegen Belarus.")
    assert set(rels) == {("CAN", "BLR", "sanctions")}
    assert rels[("CAN", "BLR", "sanctions")].directed


def test_sanctions_announced_by_the_speakers_state():
    rels = relations("Der französische Präsident erklärte, dass Sanktionen gegen Syrien vorbereitet werden.")
    assert ("FRA", "SYR", "sanctions") in rels


def test_coordinated_states_sign_an_agreement():
    assert pairs("Ägypten und Jordanien unterzeichneten ein Abkommen über die Nutzung des Wassers.") == {
        (frozenset({"EGY", "JOR"}), "cooperative")}


def test_compound_adjective_names_both_states():
    assert pairs("Die deutsch-französische Freundschaft wurde in Aachen gefeiert.") == {
        (frozenset({"DEU", "FRA"}), "cooperative")}


@pytest.mark.parametrize("text,expected", [
    ("Moskau droht Kiew mit harten Konsequenzen.", ("RUS", "UKR", "threat")),
    ("Der Kreml kritisierte Washington scharf.", ("RUS", "USA", "criticism")),
])
def test_capitals_and_metonyms_stand_for_their_state(text, expected):
    assert expected in relations(text)


def test_no_weapons_is_a_negated_support():
    (rel,) = relations("Deutschland liefert keine Waffen an die Ukraine.").values()
    assert (rel.source_id, rel.target_id, rel.type) == ("country/DEU", "country/UKR", "military_support")
    assert rel.negated and not rel.hedged


def test_considered_sanctions_are_hedged():
    (rel,) = relations("Polen erwägt Sanktionen gegen Belarus.").values()
    assert rel.type == "sanctions" and rel.hedged and not rel.negated


def test_a_modal_far_from_the_verb_hedges_it():
    (rel,) = relations("Die Türkei könnte im Frühjahr weitere Soldaten nach Syrien entsenden.").values()
    assert rel.type == "military_support" and rel.hedged


@pytest.mark.parametrize("text", [
    "In Frankreich kritisierte der Minister die Lage in Mali.",  # both places
    "Französische Soldaten töteten in Mali zehn Kämpfer.",  # Mali only the place of the fight
    "Ein spanischer Konzern kritisiert die Übernahme durch eine deutsche Bank.",  # companies
    "Gefährlich sind Angriffe durch Staaten wie Russland oder China.",  # alternatives, no parties
    "Die Kooperation umfasst vor allem Flüge zwischen Deutschland und Österreich.",  # zwischen of another noun
])
def test_no_relation_without_two_state_parties(text):
    assert relations(text) == {}


def test_export_to_a_destination_is_trade():
    assert set(relations("Norwegen exportiert seit Jahren Gas nach Polen.")) == {("NOR", "POL", "trade")}


def test_both_states_refers_to_the_two_named_before():
    rels = relations("Nach dem Vorfall an der Grenze von Indien und China wachsen die Spannungen zwischen beiden Staaten.")
    assert set(rels) == {("CHN", "IND", "tension")}


def test_recalling_an_ambassador_is_a_sanction():
    assert set(relations("Die Niederlande beriefen ihren Botschafter aus der Türkei ab.")) == {("NLD", "TUR", "sanctions")}


def test_shooting_down_names_the_victim_by_genitive_and_the_actor_by_durch():
    rels = relations("Der Abschuss eines russischen Kampfjets durch die Türkei verschärfte die Lage.")
    assert set(rels) == {("TUR", "RUS", "attack")}


# ----------------------------------------------------------------------------- types of the vocabulary


@pytest.mark.parametrize("text,expected", [
    ("Polen wurde von Deutschland angegriffen.", ("DEU", "POL", "attack")),  # passive: "von" names the actor
    ("Die Armee Aserbaidschans eroberte mehrere Dörfer Armeniens.", ("AZE", "ARM", "attack")),
    ("Nordkorea drohte Südkorea mit einem Angriff.", ("PRK", "KOR", "threat")),
    ("Japan protestierte gegen die Manöver Chinas.", ("JPN", "CHN", "criticism")),
    ("Schweden leistet humanitäre Hilfe für die Ukraine.", ("SWE", "UKR", "aid")),
    ("Frankreich unterstützt Moldau diplomatisch.", ("FRA", "MDA", "diplomatic_support")),
    ("Norwegen und Dänemark vereinbarten eine engere Zusammenarbeit in der Energiewirtschaft.",
     ("DNK", "NOR", "economic_cooperation")),
])
def test_cue_families_give_the_vocabulary_types(text, expected):
    assert expected in relations(text), sorted(relations(text))


def test_the_longest_cue_in_a_compound_wins():
    # "Einfuhrsperre" contains "Einfuhr" (trade) but is a ban
    rels = relations("Russland verhängte eine Einfuhrsperre gegen Moldau.")
    assert ("RUS", "MDA", "sanctions") in rels and not any(t == "trade" for _, _, t in rels)


@pytest.mark.parametrize("text", [
    "Die Flüge wurden als Handels- und Reiseverbindungen zwischen Spanien und Portugal genutzt.",  # truncated compound
    "Die Miliz hatte große Teile Syriens und des Irak erobert.",  # genitive attributes are no attackers
    "Die Stationierung von UN-Truppen in der Grenzregion zwischen Israel und Libanon beginnt.",  # a place
    "Deutsche Flugzeuge liefern Daten für Luftangriffe in Syrien.",  # "in Syrien" after a verb: the place
    "Der Minister wurde von der britischen Regierung vorgeschlagen, lehnte aber ab.",  # a person rejects
])
def test_no_relation_in_places_routes_and_persons_acts(text):
    assert relations(text) == {}


def test_a_visit_in_a_capital_is_diplomatic_relations():
    rels = relations("Der italienische Außenminister traf bei einem Besuch in Bagdad ein.")
    assert ("IRQ", "ITA", "diplomatic_relations") in rels


def test_a_quantifying_determiner_ends_the_phrase_after_a_cue():
    # "den beiden" (DET under the current UD conventions) starts the agreement's own phrase: the USA and
    # Brazil are not targets inside the criticism's noun phrase
    rels = relations("Lula reagierte damit auf die Kritik Venezuelas an einem im letzten Monat von den beiden "
                     "größten Ethanolproduzenten, den USA und Brasilien, unterzeichneten Abkommen.")
    assert {("VEN", "USA", "criticism"), ("VEN", "BRA", "criticism")} <= set(rels), set(rels)


def test_a_comparison_particle_keeps_the_countries_in_the_cues_phrase():
    assert (frozenset(("RUS", "PRK")), "cooperative") in pairs(
        "Man müsse die sich bildenden Partnerschaften, wie zwischen Russland und Nordkorea, angehen.")
