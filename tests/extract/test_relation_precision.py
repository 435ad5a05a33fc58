"""Country relations, precision round 9 (invented sentences): modern encyclopaedic text, where two
countries often share a sentence without a relation between them."""

from tests.extract.sentences import pairs, relations


def test_a_composite_state_with_a_spaced_hyphen_is_one_state():
    # tokenised corpora (UD GSD) set the hyphen apart: "Österreich - Ungarn" is still Austria-Hungary
    rels = pairs("Das Denkmal feierte die Freundschaft zwischen Deutschland und Österreich - Ungarn .")
    assert (frozenset(("DEU", "AUT")), "cooperation") in rels
    assert not any("HUN" in p for p, _ in rels)


def test_a_spaced_hyphen_between_two_states_not_listed_as_composite_names_two():
    rels = pairs("Im Streit zwischen Frankreich - Deutschland und Italien vermittelte niemand .")
    assert any("DEU" in p for p, _ in rels)


def test_migrant_workers_of_a_country_are_no_state():
    # a state that takes in workers from another receives people, not a delegation of that state
    assert not pairs("Italien hat viele rumänische Gastarbeiter empfangen .")
    assert not pairs("Kanada hat tausende indische Immigrantenarbeiter empfangen .")
    assert (frozenset(("ITA", "ROU")), "diplomatic_relations") in pairs("Italien hat den rumänischen Präsidenten empfangen .")


def test_a_state_set_against_the_act_is_no_partner_of_a_cooperative_verb():
    # taking part in a blockade against Spain is no cooperation with Spain
    assert not any("ESP" in p and t == "cooperation" for p, t in pairs(
        "Mit Schiffen Frankreichs beteiligte sich das Land an der Blockade gegen Spanien ."))
    assert not any(t.endswith("support") for p, t in pairs(
        "Frankreich unterstützte die Rebellen gegen Spanien ."))


def test_a_cooperative_verb_still_takes_its_partner():
    rels = pairs("Frankreich half Italien gegen Spanien .")
    assert (frozenset(("FRA", "ITA")), "support") in rels
    assert not any("ESP" in p for p, _ in rels)


def test_a_race_timed_to_tenths_of_a_second_is_sport():
    assert not pairs("Im Finallauf besiegten die Italiener das französische Boot um drei Zehntelsekunden .")
    assert not pairs("Im Rennen besiegte Italien Frankreich mit deutlichem Vorsprung .")


def test_a_round_of_fighting_alone_is_no_sport():
    assert (frozenset(("ITA", "FRA")), "armed_conflict") in pairs(
        "In der zweiten Runde der Kämpfe besiegte Italien Frankreich .")


def test_a_joint_network_or_society_of_citizens_is_no_state():
    assert not pairs("Weitere Partner sind das Museum , das deutsch - polnische Netzwerk und die Kirche .")
    assert not pairs("Partner der Stadt ist die Deutsch-Italienische Gesellschaft .")
    assert not pairs("Die französische Hochschule kooperiert mit einer spanischen Universität .")


def test_a_joint_state_body_still_names_two_states():
    assert (frozenset(("DEU", "POL")), "military_cooperation") in pairs("Die deutsch-polnische Brigade ist ein Partner .")


def test_an_assault_on_the_territory_of_a_state_attacks_it():
    assert ("MAR", "ESH", "attack") in relations(
        "Bald kam es zu Übergriffen der marokkanischen Armee auf das Territorium der Westsahara .")
    assert ("RUS", "UKR", "attack") in relations("Der Angriff der russischen Armee auf das Gebiet der Ukraine begann .")
    # the state whose territory is hit is no partner in arms of the attacker
    assert not any(t == "military_cooperation" for _, t in pairs(
        "Der Angriff der russischen Armee auf das Gebiet der Ukraine begann ."))


def test_respecting_a_states_sovereignty_is_diplomatic_support():
    assert ("FRA", "TUR", "diplomatic_support") in relations("Frankreich achtet die Souveränität der Türkei .")
    assert ("DEU", "UKR", "diplomatic_support") in relations(
        "Deutschland respektiert die territoriale Integrität der Ukraine .")


def test_respecting_anything_else_is_no_relation():
    assert not relations("Frankreich achtet auf die Kosten der Türkei .")
    assert not relations("Frankreich respektiert die Entscheidung der Türkei .")


def test_a_states_air_force_or_navy_acts_for_it():
    assert ("USA", "DEU", "attack") in relations("Die USAF bombardierte deutsche Städte .")
    assert ("GBR", "ARG", "attack") in relations("Die Royal Navy griff argentinische Schiffe an .")


def test_a_german_air_force_word_alone_names_no_second_state():
    assert not relations("Die Luftwaffe übte über deutschen Städten .")


def test_a_conjunct_after_a_relative_clause_continues_the_clause_before_it():
    assert ("FRA", "TUR", "diplomatic_support") in relations(
        "Frankreich achtet die Souveränität der Staaten , in denen Kurden leben , und vor allem die Souveränität der Türkei .")


def test_a_state_inside_the_relative_clause_stays_with_its_verb():
    assert not any(p == frozenset(("FRA", "RUS")) for p, _ in pairs(
        "Frankreich achtet die Souveränität der Staaten , die Russland beliefert , und vor allem die der Kurden ."))


def test_financing_a_states_project_is_aid():
    assert ("DEU", "UKR", "aid") in relations("Deutschland finanziert den Wiederaufbau der Ukraine .")
    assert ("FRA", "KHM", "aid") in relations(
        "Nach der Unabhängigkeit Kambodschas wurde ein von Frankreich finanzierter Hafen gebaut , um die Versorgung Kambodschas zu sichern .")


def test_financing_something_in_a_state_is_no_aid_to_it():
    assert not relations("Eine von Katar finanzierte Moschee in Deutschland wurde eröffnet .")
    assert not relations("Russland finanziert Medien in Frankreich .")


def test_states_firing_at_each_other_attack_each_other_and_are_no_allies():
    # "sich gegenseitig" / a bare "sich" after the attack verb: each is the other's target
    for text in ("Russland und die Ukraine beschossen sich gegenseitig .",
                 "Russland und die Ukraine beschossen sich am Montag an der Front ."):
        rels = relations(text)
        assert ("RUS", "UKR", "attack") in rels and ("UKR", "RUS", "attack") in rels, (text, rels)
        assert not any(t == "military_cooperation" for _, _, t in rels), (text, rels)


def test_states_attacking_a_third_together_stay_partners_in_arms():
    rels = pairs("Russland und Syrien griffen ihre Gegner an .")
    assert (frozenset(("RUS", "SYR")), "military_cooperation") in rels
    assert not any(t == "attack" for _, t in rels)
