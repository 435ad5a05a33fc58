"""Cues present but no pair formed (clauses round, invented sentences): a reaction clause ("..., was X
kritisierte", "ein Manöver, das X verurteilte") is the reacting state's criticism of the states that acted."""

from .sentences import flagged, pairs, relations


def test_a_was_clause_criticises_the_actors_of_the_clause_before():
    rels = relations("Frankreich hat Waffen an Armenien geliefert, was Aserbaidschan scharf kritisierte.")
    assert ("AZE", "FRA", "criticism") in rels
    assert ("FRA", "ARM", "military_support") in rels
    assert ("HRV", "SRB", "criticism") in relations(
        "Serbien hat Truppen an die Grenze verlegt, was Kroatien als Provokation verurteilte.")
    # the reacting state named by the seat of its government, the criticism a noun
    rels = relations("Polen und Litauen haben ein Abkommen geschlossen, was in Moskau auf scharfe Kritik stieß.")
    assert {("RUS", "POL", "criticism"), ("RUS", "LTU", "criticism")} <= rels


def test_an_object_relative_pronoun_takes_up_the_act_of_its_noun():
    rels = relations("Japan und Südkorea haben ein gemeinsames Seemanöver abgehalten, das China scharf verurteilte.")
    assert {("CHN", "JPN", "criticism"), ("CHN", "KOR", "criticism")} <= rels


def test_a_subject_relative_pronoun_or_a_genitive_is_no_reaction():
    # the resolution condemns; Russia's war is what it condemns, Russia no reacting state
    rels = relations("Indien enthielt sich bei der Resolution, die Russlands Krieg verurteilt.")
    assert ("RUS", "IND", "criticism") not in rels
    # "was" taking up a recognition, no criticism
    assert not relations("Rumänien hat die Region besetzt, was Russland nie anerkannt hat.")
    # an offending verb has the act as its subject: the state after "was" is offended, it does not react
    assert ("FRA", "ITA", "criticism") not in relations("Italien erhielt den Vorsitz der Konferenz, was Frankreich brüskierte.")


def test_calling_off_giving_up_or_leaving_a_joint_act_denies_it():
    assert ("LTU", "POL", "military_cooperation", True, False) in flagged(
        "Polen hat die gemeinsamen Militärübungen mit Litauen abgesagt.")
    assert ("CHL", "PER", "agreement", True, False) in flagged("Chile hat das Freihandelsabkommen mit Peru aufgegeben.")
    assert ("FRA", "GRC", "military_cooperation", True, False) in flagged(
        "Griechenland steigt aus dem Rüstungsprojekt mit Frankreich aus.")
    # leaving one state's project relates the subject to that state
    assert {(frozenset(("CHN", "PRT")), True)} == {(frozenset((a, b)), neg) for a, b, _t, neg, _h in flagged(
        "Portugal ist aus Chinas Seidenstraßen-Initiative ausgestiegen.")}


def test_a_genitive_inside_a_prepositional_phrase_is_no_object_of_the_verb():
    # what was given up is the construction, not the agreement it was given up under
    assert ("DEU", "FRA", "agreement", False, False) in flagged(
        "Der Bau wurde im Rahmen des Abkommens zwischen Deutschland und Frankreich aufgegeben.")


def test_forces_withdrawn_from_a_state_end_its_military_support():
    assert ("BEL", "MLI", "military_support", True, False) in flagged("Belgien zieht seine Soldaten aus Mali ab.")
    assert ("ITA", "IRQ", "military_support", True, False) in flagged("Italien hat die letzten Soldaten aus dem Irak abgezogen.")
    assert ("NLD", "AFG", "military_support", True, False) in flagged(
        "Die Regierung bestätigte den Abzug der niederländischen Truppen aus Afghanistan.")
    # not withdrawing keeps the presence
    assert ("DNK", "EST", "military_support", False, False) in flagged("Dänemark zieht seine Soldaten nicht aus Estland ab.")
    # after an occupation the withdrawal ends the attack
    assert ("SYR", "LBN", "attack", True, False) in flagged(
        "Nach langer Besatzung zog Syrien seine letzten Soldaten aus dem Libanon ab.")
    # a withdrawal that names no state it leaves relates nobody
    assert not relations("Der Abzug italienischer Truppen soll parallel zum Vorrücken der Armee in den Süden Libyens erfolgen.")


def test_an_envoy_withdrawn_from_the_host_state_is_a_sanction():
    assert ("ESP", "VEN", "sanctions") in relations("Spanien hat seinen Botschafter in Venezuela abgezogen.")


def test_goods_from_a_state_name_the_partner_of_a_trade_or_sanctions_cue():
    assert ("USA", "BRA", "sanctions") in relations("Die USA erheben Strafzölle auf Stahl aus Brasilien.")
    assert ("IND", "JPN", "sanctions") in relations("Indien erhebt Zölle von 20 Prozent auf Autos aus Japan.")
    assert ("RUS", "GEO", "sanctions") in relations("Russland verbietet die Einfuhr von Wein aus Georgien.")
    # a commodity in the genitive still counts for "bezieht ... aus"
    assert (frozenset(("IND", "RUS")), "trade") in {(frozenset((a, b)), t) for a, b, t in relations(
        "Indien bezieht ein Drittel seines Rohöls aus Russland.")}
    # a route "aus X nach Y" names the two sides, not the state paying for it
    rels = {frozenset((a, b)) for a, b, _t in relations("Kuwait bezahlt Gaslieferungen aus Katar nach Jordanien.")}
    assert rels == {frozenset(("QAT", "JOR"))}


def test_a_colon_headline_sets_a_dispute_between_the_states_of_its_other_part():
    assert (frozenset(("SRB", "XKX")), "tension") in pairs("Serbien und Kosovo: Streit um Autokennzeichen eskaliert")
    assert (frozenset(("FRA", "GBR")), "tension") in pairs("Streit um Fischereirechte: London und Paris ringen um Quoten")
    # a crisis placed in a third state is that state's, not between the two
    assert not pairs("Frankreich und Italien: Die Krise in Libyen verschärft sich")


def test_a_relative_clause_after_the_subject_leaves_it_to_the_main_verb():
    assert ("POL", "UKR", "military_support", True, False) in flagged(
        "Polens Regierung, die sich seit Monaten als Vermittler inszeniert, verweigert der Ukraine jede Waffenhilfe.")
    assert ("POL", "UKR", "criticism") in relations(
        "Die polnische Regierung, die sich gern als Brückenbauer sieht, kritisiert die Ukraine.")
    # the relative clause's own act does not take the subject from the main verb
    rels = relations("Indien, das russische Panzer gekauft hat, verhandelt nun mit Frankreich über Kampfjets.")
    assert (frozenset(("IND", "FRA")), "negotiation") in {(frozenset((a, b)), t) for a, b, t in rels}


def test_an_attributive_participle_with_its_own_place_keeps_to_its_noun_phrase():
    rels = relations("Georgien warf den im Land stationierten russischen Soldaten Übergriffe vor.")
    assert ("GEO", "RUS", "criticism") in rels
    assert ("GEO", "RUS", "military_support") not in rels
    # the state in the participle's place phrase is the host
    assert ("USA", "POL", "military_support") in relations("Die in Polen stationierten amerikanischen Soldaten bleiben.")


def test_preventing_a_hostile_measure_against_a_state_shields_it():
    rels = relations("Russland und China verhinderten mit ihrem Veto neue UN-Sanktionen gegen Syrien.")
    assert {("RUS", "SYR", "diplomatic_support"), ("CHN", "SYR", "diplomatic_support")} <= rels
    # preventing anything else denies it
    rels = flagged("Die USA verhinderten ein Abkommen zwischen Israel und Saudi-Arabien.")
    assert (frozenset(("ISR", "SAU")), "agreement", True) in {(frozenset((a, b)), t, n) for a, b, t, n, _h in rels}


def test_units_from_states_act_for_them_and_a_border_crossing_is_a_border():
    assert (frozenset(("DEU", "FRA")), "military_cooperation") in pairs(
        "Einheiten aus Frankreich und Deutschland üben gemeinsam in Litauen.")
    assert ("FIN", "RUS", "sanctions") in relations("Finnland schließt alle Grenzübergänge zu Russland.")


def test_einigen_sich_is_a_verb_and_every_listed_mediator_mediates():
    assert (frozenset(("JPN", "KOR")), "agreement") in pairs("Japan und Südkorea einigen sich auf neue Fangquoten")
    rels = pairs("Armenien und Aserbaidschan einigen sich unter Vermittlung Russlands, Frankreichs und der USA auf Gespräche.")
    assert not {p for p, _t in rels if p & {"RUS", "FRA", "USA"}}
    assert ("CHN", "USA", "sanctions") in relations("China hält an einem Exportstopp für Gallium in die USA fest.")


def test_a_comma_inside_a_list_of_names_is_no_clause_boundary():
    assert ("USA", "IRN", "attack") in relations(
        "Die USA haben mit Tarnkappenbombern die iranischen Atomanlagen in Fordo, Natanz und Isfahan angegriffen.")


def test_a_genitive_is_no_subject_and_a_list_of_capitals_keeps_the_particle():
    rels = relations("Aus Protest gegen die Anerkennung Kosovos hat Serbien seinen Botschafter aus Tirana zurückgerufen.")
    assert ("SRB", "ALB", "sanctions") in rels
    assert not {r for r in rels if r[0] == "XKX"}
    assert {("NLD", "ESP", "sanctions"), ("NLD", "PRT", "sanctions")} <= relations(
        "Die Niederlande riefen ihre Botschafter aus Madrid, Lissabon und Rom zurück.")


def test_a_threat_aims_at_the_state_whose_act_its_condition_names():
    assert ("PRK", "KOR", "threat") in relations("Nordkorea droht mit neuen Atomtests, falls Südkorea die Manöver fortsetzt.")
    assert ("IRN", "GBR", "threat") in relations(
        "Teheran droht mit einer Blockade der Meerenge, durch die viel Öl fließt, sollte London weitere Schiffe entsenden.")
    # a thing of a state in the condition is no actor
    assert ("USA", "CHN", "threat") not in relations(
        "Washington drohte mit Maßnahmen, sollte der chinesische Einfluss nicht zurückgedrängt werden.")


def test_criticism_of_an_act_named_before_a_semicolon_or_dash_aims_at_its_actor():
    assert ("POL", "RUS", "criticism") in relations("Russland hat ein Wohnhaus in Charkiw bombardiert; Polen verurteilte den Angriff scharf.")
    rels = relations("+++ Iran testet erneut Raketen – Berlin und Paris verurteilen „Provokation“ +++")
    assert {("DEU", "IRN", "criticism"), ("FRA", "IRN", "criticism")} <= rels
    assert ("DEU", "FRA", "criticism") not in rels


def test_help_for_a_work_placed_in_a_state_goes_to_that_state():
    assert ("NOR", "SYR", "aid") in relations("Norwegen finanziert den Wiederaufbau in Syrien.")
    assert {("SWE", "UKR", "aid"), ("SWE", "UKR", "military_support")} & relations(
        "Schweden finanziert die Munitionsproduktion in der Ukraine.")
    assert not relations("Die USA kritisieren die Waffenproduktion in China.")
