"""Country relations, checklist round (invented sentences, none taken from the challenge set): short
naming forms of states, cue words of judicial help, import stops and receptions, the kind of a joint
project (military, economic, relief goods), a trade agreement as agreement and economic cooperation, a
threat with a measure, and the reach of modal verbs (hedges) and of refusals ("will keine")."""

import pytest

from tests.extract.sentences import flagged, pairs


def unordered(text):
    """(unordered pair, type, negated, hedged) of the relations of `text`."""
    return {(frozenset((a, b)), t, n, h) for a, b, t, n, h in flagged(text)}


def test_short_and_common_state_names():
    assert (frozenset(("ARE", "SDN")), "aid") in pairs("Die VAE schicken Hilfsgüter in den Sudan.")
    assert (frozenset(("VAT", "ARG")), "support") in pairs("Der Vatikan hat Argentinien seine Unterstützung zugesagt.")
    assert (frozenset(("CIV", "GHA")), "agreement") in pairs("Die Elfenbeinküste und Ghana unterzeichneten ein Abkommen.")
    assert (frozenset(("KGZ", "UZB")), "agreement") in pairs("Kirgistan und Usbekistan haben einen Grenzvertrag geschlossen.")
    # the Democratic Republic, not the Republic of the Congo
    assert (frozenset(("FRA", "COD")), "support") in pairs("Frankreich unterstützt die DR Kongo.")


def test_receiving_a_head_of_government_in_the_present():
    assert (frozenset(("AUT", "POL")), "diplomatic_relations") in pairs(
        "Österreichs Kanzler empfängt den polnischen Regierungschef.")


def test_judicial_help_is_cooperation_not_aid():
    assert (frozenset(("AUT", "DEU")), "cooperation") in pairs("Österreich leistet Deutschland Amtshilfe bei den Ermittlungen.")
    assert (frozenset(("ITA", "ALB")), "cooperation") in pairs("Italien gewährt Albanien Rechtshilfe.")
    assert (frozenset(("ITA", "ALB")), "aid") not in pairs("Italien gewährt Albanien Rechtshilfe.")


def test_an_import_stop_is_a_sanction():
    assert ("KOR", "JPN", "sanctions", False, False) in flagged("Südkorea verhängt einen Einfuhrstopp für japanischen Fisch.")


def test_the_kind_of_a_joint_project():
    # manoeuvres and warships make it military, energy links and railways economic; no generic cooperation beside
    assert pairs("Norwegen und Dänemark bauen gemeinsam Fregatten.") == {(frozenset(("NOR", "DNK")), "military_cooperation")}
    assert pairs("Spanien und Marokko wollen ein gemeinsames Manöver abhalten.") == {
        (frozenset(("ESP", "MAR")), "military_cooperation")}
    assert pairs("Griechenland und Zypern verlegen gemeinsam ein Stromkabel.") == {
        (frozenset(("GRC", "CYP")), "economic_cooperation")}
    assert (frozenset(("ESP", "PRT")), "economic_cooperation") in pairs("Spanien und Portugal planen eine gemeinsame Bahnstrecke.")


def test_relief_goods_supplied_are_aid():
    assert (frozenset(("JPN", "PHL")), "aid") in pairs("Japan hat den Philippinen Medikamente geliefert.")


def test_a_trade_agreement_is_agreement_and_economic_cooperation():
    found = pairs("Kenia und Großbritannien schlossen ein Handelsabkommen.")
    assert {(frozenset(("KEN", "GBR")), "agreement"), (frozenset(("KEN", "GBR")), "economic_cooperation")} <= found
    # "handelten ein Abkommen aus" negotiates an agreement, it names no trade
    assert pairs("Japan und Australien handelten ein Abkommen aus.") == {(frozenset(("JPN", "AUS")), "agreement")}


def test_a_threat_with_a_measure_is_a_threat_and_the_measure_hedged():
    found = flagged("Ankara drohte Athen mit Sanktionen.")
    assert {("TUR", "GRC", "threat", False, False), ("TUR", "GRC", "sanctions", False, True)} <= found
    assert ("CHN", "PHL", "threat", False, False) in flagged("Peking droht Manila mit Vergeltung.")
    # an impending conflict is no state's threat
    assert not any(t == "threat" for _p, t in pairs("Zwischen China und Japan droht ein Handelskrieg."))


def test_a_modal_verb_hedges_a_noun_cue_far_from_it():
    assert ("SRB", "XKX", "negotiation", False, True) in flagged(
        "Serbien und Kosovo sollen nach dem Willen der EU bald Gespräche aufnehmen.")
    assert (frozenset(("CHN", "IND")), "diplomatic_relations", False, True) in unordered(
        "Indien und China könnten nach Einschätzung von Beobachtern schon im Herbst wieder diplomatische Beziehungen aufnehmen.")
    # not a genitive attribute: the commission exists, only the question is to be settled
    assert ("DEU", "POL", "cooperation", False, False) in flagged(
        "Dabei soll die Frage der deutsch-polnischen Kommission geklärt werden.")


def test_wanting_not_to_is_a_refusal_not_a_plan():
    assert ("POL", "BLR", "military_support", True, False) in flagged("Polen will keine Soldaten nach Belarus schicken.")
    assert ("POL", "LTU", "military_support", False, True) in flagged("Polen will Soldaten nach Litauen schicken.")


def test_an_alleged_spy_is_hedged():
    assert (frozenset(("RUS", "EST")), "tension", False, True) in unordered(
        "Ein mutmaßlicher russischer Spion wurde in Estland festgenommen.")


def test_a_government_named_by_its_state_in_the_genitive_receives_support():
    assert (frozenset(("FRA", "MLI")), "support") in pairs("Frankreich sicherte der Regierung Malis seine Unterstützung zu.")
    found = pairs("Die Schweiz und Österreich sicherten der Regierung Moldaus ihre Solidarität zu.")
    assert {(frozenset(("CHE", "MDA")), "diplomatic_support"), (frozenset(("AUT", "MDA")), "diplomatic_support")} <= found


def test_a_compound_split_at_its_hyphen_still_makes_a_project_military():
    assert pairs("Italien und Griechenland bauen gemeinsam U-Boote.") == {(frozenset(("ITA", "GRC")), "military_cooperation")}


def test_the_state_of_a_speaker_after_the_clause_is_its_actor():
    assert (frozenset(("CAN", "USA")), "tension", True, False) in unordered(
        "Einen Handelskrieg mit den USA werde es nicht geben, sagte der kanadische Premierminister.")
    assert (frozenset(("LTU", "POL")), "cooperation", False, False) in unordered(
        "Die Zusammenarbeit mit Polen sei hervorragend, sagte die litauische Außenministerin.")


def test_the_states_on_one_side_of_a_treaty_with_a_third_are_parties():
    found = pairs("Spanien und Portugal unterzeichnen ein Abkommen mit Marokko.")
    assert {(frozenset(("ESP", "MAR")), "agreement"), (frozenset(("PRT", "MAR")), "agreement"),
            (frozenset(("ESP", "PRT")), "agreement")} <= found


def test_taking_part_in_an_act_is_the_act():
    assert ("GBR", "SYR", "attack", False, False) in flagged("Großbritannien beteiligte sich an den Luftangriffen auf Syrien.")
    assert ("CAN", "LBY", "attack", True, False) in flagged("Kanada hat sich nicht an den Angriffen auf Libyen beteiligt.")
    assert pairs("Frankreich beteiligte sich an den Verhandlungen mit dem Iran.") == {(frozenset(("FRA", "IRN")), "negotiation")}


def test_support_of_a_peace_process_is_diplomatic():
    assert ("NOR", "COL", "diplomatic_support", False, False) in flagged(
        "Norwegen sicherte Kolumbien seine Unterstützung für die Friedensgespräche zu.")


def test_a_break_in_one_conjunct_is_no_qualifier_of_the_other():
    found = pairs("Panama brach die Beziehungen zu Taiwan ab und nahm Beziehungen zu China auf.")
    assert (frozenset(("PAN", "CHN")), "diplomatic_relations") in found
    assert (frozenset(("PAN", "CHN")), "tension") not in found
    assert (frozenset(("PAN", "TWN")), "tension") in found  # (the break itself, as before)


def test_fighting_at_the_border_between_two_states_is_between_them():
    assert (frozenset(("ARM", "AZE")), "armed_conflict") in pairs(
        "Bei Schusswechseln an der Grenze zwischen Armenien und Aserbaidschan starben zwei Soldaten.")
    # troops stationed at such a border are no party of either
    assert not pairs("Die Stationierung von UN-Truppen an der Grenze zwischen Israel und Libanon wurde verlängert.")


def test_forces_moved_to_a_state_support_it_and_to_its_border_threaten_it():
    assert ("GBR", "ROU", "military_support", False, False) in flagged("Großbritannien verlegt Kampfjets nach Rumänien.")
    assert flagged("Russland verlegt Panzer an die Grenze zu Finnland.") == {("RUS", "FIN", "threat", False, False)}
    assert ("RUS", "UKR", "military_support") not in {r[:3] for r in flagged("Russland entsendet Truppen an die Grenze zur Ukraine.")}


def test_blocking_a_hostile_measure_against_a_state_shields_it():
    assert flagged("Russland blockiert neue Sanktionen gegen den Iran.") == {("RUS", "IRN", "diplomatic_support", False, False)}
    assert ("RUS", "SYR", "diplomatic_support", False, False) in flagged(
        "Russland blockierte im Sicherheitsrat eine Resolution gegen Syrien.")
    # blocking cooperation denies it
    assert flagged("Ungarn blockiert die Zusammenarbeit mit der Ukraine.") == {("HUN", "UKR", "cooperation", True, False)}


def test_a_resolution_is_criticism_only_against_a_state():
    assert ("USA", "RUS", "criticism") in {r[:3] for r in flagged("Die USA brachten eine Resolution gegen Russland ein.")}
    assert not flagged("Frankreich stimmte in Genf für die Resolution, Italien dagegen.")


def test_a_pipeline_from_one_state_to_another_relates_both():
    assert (frozenset(("AZE", "ITA")), "economic_cooperation") in pairs("Die Pipeline von Aserbaidschan nach Italien ist fertig.")
    # also with its name in quotation marks between
    assert (frozenset(("RUS", "DEU")), "economic_cooperation") in pairs(
        "Die Pipeline „Nord Stream“ von Russland nach Deutschland wurde gesprengt.")


def test_obtaining_goods_from_a_state_is_trade():
    assert (frozenset(("IND", "RUS")), "trade", False, False) in unordered("Indien bezog im vergangenen Jahr Rohöl aus Russland.")
    assert not flagged("Deutschland bezog Stellung gegen Russland.")


def test_clearing_the_way_for_a_states_accession_supports_it():
    assert ("HRV", "MNE", "diplomatic_support", False, False) in flagged("Kroatien hat den Weg für Montenegros Beitritt freigemacht.")
    assert ("HUN", "UKR", "diplomatic_support", False, False) in flagged("Ungarn macht den Weg für den EU-Beitritt der Ukraine frei.")
    assert not flagged("Polen macht die Grenze zu Belarus frei.")


def test_a_hostile_act_named_in_an_accusation_is_the_accused_states_and_alleged():
    found = flagged("Kiew wirft Moskau vor, Getreidelager in Odessa beschossen zu haben.")
    assert {("RUS", "UKR", "attack", False, True), ("UKR", "RUS", "criticism", False, False)} <= found
    assert ("RUS", "MDA", "threat", False, True) in flagged("Die Ukraine beschuldigt Russland, Moldau zu bedrohen.")
    # supporting a non-state group is no act on the accuser
    assert flagged("Pakistan hat Indien vorgeworfen, Separatisten in Belutschistan zu unterstützen.") == {
        ("PAK", "IND", "criticism", False, False)}


def test_hackers_are_no_state():
    assert not flagged("Chinesische Hacker sollen das Netz des deutschen Außenministeriums angegriffen haben.")


def test_tanks_and_a_common_currency_name_the_kind_of_cooperation():
    assert pairs("Frankreich und Deutschland entwickeln gemeinsam einen neuen Kampfpanzer.") == {
        (frozenset(("FRA", "DEU")), "military_cooperation")}
    assert (frozenset(("BRA", "ARG")), "economic_cooperation", False, True) in unordered(
        "Brasilien und Argentinien wollen eine gemeinsame Währung einführen.")


def test_government_bodies_and_seats_name_their_state():
    assert ("DEU", "RUS", "criticism") in {r[:3] for r in flagged("Das Auswärtige Amt bestellte den russischen Botschafter ein.")}
    assert ("CHE", "BLR", "sanctions") in {r[:3] for r in flagged("Der Bundesrat in Bern hat neue Sanktionen gegen Belarus beschlossen.")}
    assert ("JPN", "CHN", "criticism") in {r[:3] for r in flagged("Das Außenministerium in Tokio kritisiert China.")}
    assert ("USA", "CHN", "criticism") in {r[:3] for r in flagged("Das Weiße Haus kritisiert Peking.")}
    assert ("VAT", "NIC", "criticism") in {r[:3] for r in flagged("Der Heilige Stuhl kritisiert Nicaragua.")}
    assert ("ARM", "AZE", "criticism") in {r[:3] for r in flagged("Jerewan kritisiert Baku.")}


def test_brussels_is_the_eu_not_belgium():
    assert not flagged("Luxemburg kritisiert Brüssel.")
    assert ("BEL", "FRA", "criticism") in {r[:3] for r in flagged("Belgien kritisiert Frankreich.")}


def test_their_own_dispute_is_between_them_and_exists():
    # the possessive makes it theirs; the modal plans its settlement, not the dispute
    assert (frozenset(("GHA", "CIV")), "tension", False, False) in unordered(
        "Ghana und die Elfenbeinküste wollen ihre Grenzstreitigkeiten vor einem Schiedsgericht klären.")
    assert not flagged("Frankreich und Großbritannien verstärkten ihre Kämpfe gegen die Dschihadisten.")
    assert (frozenset(("GBR", "FRA")), "alliance", False, False) in unordered(
        "Paris und London wollen ihr Bündnis vertiefen.")


def test_weapons_promised_are_support():
    assert ("USA", "UKR", "military_support", False, False) in flagged(
        "Das Weiße Haus hat Kyjiw weitere Luftabwehrsysteme zugesagt.")
    assert not flagged("Frankreich sagte seine Teilnahme am Gipfel in Italien zu.")


def test_hard_negatives_of_the_new_cue_words():
    for text in ("Der italienische Autobauer verlegt seine Produktion nach Polen.",
                 "Frankreich bezieht sich in der Note auf die Lage in Mali.",
                 "Die Schweiz empfängt jedes Jahr Tausende Touristen aus China.",
                 "Die Lufthansa fliegt wieder von Frankfurt nach Tel Aviv."):
        assert not flagged(text), text


# (sentence, unordered pair, type, negated, hedged): the flags of negation and hedging forms
FLAG_CASES = [
    # leaving a treaty denies it
    ("Die USA sind aus dem Atomabkommen mit dem Iran ausgestiegen.", ("USA", "IRN"), "agreement", True, False),
    # help held out in prospect is not yet given
    ("Japan hat Vietnam Hilfe beim Ausbau seiner Küstenwache in Aussicht gestellt.", ("JPN", "VNM"), "aid", False, True),
    # a modal right after the cue phrase that opens the main clause hedges it ...
    ("Der Vertrag zwischen Georgien und der Türkei soll im Herbst unterzeichnet werden.", ("GEO", "TUR"), "agreement",
     False, True),
    # ... not the final modal of a relative clause: the friendship exists
    ("Der Turm war ein Bauwerk, das die Freundschaft zwischen Deutschland und Österreich symbolisieren sollte.",
     ("DEU", "AUT"), "cooperation", False, False),
    # a visit called off, talks failed: denied however far the predicate
    ("Der Besuch des chinesischen Außenministers in Berlin wurde abgesagt.", ("CHN", "DEU"), "diplomatic_relations",
     True, False),
    ("Die Gespräche zwischen Serbien und dem Kosovo sind gescheitert.", ("SRB", "XKX"), "negotiation", True, False),
]


@pytest.mark.parametrize("text,pair,typ,negated,hedged", FLAG_CASES)
def test_flags_of_negation_and_hedge_forms(text, pair, typ, negated, hedged):
    assert (frozenset(pair), typ, negated, hedged) in unordered(text)


def test_a_state_banning_what_comes_from_another_sanctions_it():
    assert ("IND", "CHN", "sanctions", False, False) in flagged("Indien verbietet chinesische Apps.")
    assert ("RUS", "POL", "sanctions", False, False) in flagged("Russland verbot die Einfuhr polnischer Äpfel.")
    # a state after "gegen" belongs to the noun it follows: no ban aimed at Israel
    assert not flagged("Frankreich verbietet Demonstrationen gegen Israel.")


def test_an_aid_convoy_of_a_state_reaching_another_is_aid():
    assert ("EGY", "SDN", "aid", False, False) in flagged("Ein ägyptischer Hilfskonvoi erreichte den Sudan.")
    assert not flagged("Ein Hilfskonvoi der UN erreichte Syrien.")


def test_an_envoy_withdrawn_is_a_sanction_troops_withdrawn_end_their_support():
    assert ("NLD", "TUR", "sanctions", False, False) in flagged("Die Niederlande zogen ihren Botschafter aus der Türkei ab.")
    # (flags and clauses rounds: the guidelines since the second challenge set have troops withdrawn end
    # military support, denied; no sanction)
    assert flagged("Russland hat seine Truppen aus Syrien abgezogen.") == {("RUS", "SYR", "military_support", True, False)}


def test_talks_between_a_state_and_a_group_relate_no_states():
    assert not flagged("Ägypten vermittelt in den Gesprächen zwischen Israel und der Hamas.")
    assert (frozenset(("ISR", "JOR")), "negotiation") in pairs("Ägypten beteiligt sich an den Gesprächen zwischen Israel und Jordanien.")


def test_a_state_right_after_a_neuter_relative_pronoun_of_a_thing_is_its_subject():
    found = flagged("Japan hielt ein Seemanöver ab, das die Regierung in Peking scharf verurteilte.")
    assert ("CHN", "JPN", "criticism", False, False) in found
    # a state's own pronoun stays the subject
    assert ("RUS", "UKR", "attack", False, False) in flagged("Russland, das die Ukraine angegriffen hat, wurde verurteilt.")


def test_investigators_and_officials_act_for_their_state():
    assert (frozenset(("AUT", "SVN")), "cooperation") in pairs(
        "Ermittler aus Österreich und Slowenien haben gemeinsam einen Schleuserring zerschlagen.")
    assert not flagged("Touristen aus Deutschland und Österreich reisten gemeinsam nach Italien.")


def test_armed_units_drilling_together_cooperate_militarily():
    assert pairs("Soldaten aus Polen und Litauen üben gemeinsam an der Grenze.") == {
        (frozenset(("POL", "LTU")), "military_cooperation")}
    assert (frozenset(("USA", "JPN")), "military_cooperation") in pairs("Die US-Marine und die japanische Marine üben im Pazifik.")
    # criticism voiced ("üben Kritik") is no drill
    assert not any(t == "military_cooperation" for _p, t in pairs("Frankreich und Deutschland üben Kritik an Ungarn."))


def test_a_missile_fired_over_a_state_threatens_it():
    assert flagged("Nordkorea feuerte eine Rakete über Japan hinweg ab.") == {("PRK", "JPN", "threat", False, False)}
    assert ("PRK", "KOR", "attack", False, False) in flagged("Nordkorea feuerte Raketen auf Südkorea ab.")


def test_opening_an_embassy_in_a_state_is_diplomatic_relations():
    assert (frozenset(("IDN", "PSE")), "diplomatic_relations") in pairs("Indonesien eröffnet eine Botschaft in Ramallah.")
    assert (frozenset(("SWE", "IRN")), "diplomatic_relations") in pairs("Schweden hat seine Botschaft in Teheran wieder geöffnet.")
    assert not flagged("Die Bank eröffnet eine Filiale in Polen.")
    assert not flagged("Deutschland eröffnet in Japan ein Goethe-Institut.")


# (sentence, unordered pair, type): cue words of trade, talks, money, investment and candidacies
CUE_CASES = [
    ("Das Handelsvolumen zwischen Russland und Indien hat sich verdreifacht.", ("RUS", "IND"), "trade"),
    ("Die Verhandlungsrunde zwischen Venezuela und Guyana endete ohne Ergebnis.", ("VEN", "GUY"), "negotiation"),
    ("Ägypten und die Emirate vereinbarten ein Investitionsabkommen über 35 Milliarden Dollar.", ("EGY", "ARE"),
     "economic_cooperation"),
    ("Deutschland stellt Moldau 50 Millionen Euro für die Energieversorgung bereit.", ("DEU", "MDA"), "support"),
    ("Frankreich unterstützt die Kandidatur Senegals für den Sicherheitsrat.", ("FRA", "SEN"), "diplomatic_support"),
]


@pytest.mark.parametrize("text,pair,typ", CUE_CASES)
def test_cue_words_of_trade_talks_money_and_candidacies(text, pair, typ):
    assert (frozenset(pair), typ) in pairs(text)
