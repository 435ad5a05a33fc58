"""Country relations: cue words and their frames beyond the first rounds — taking part in a state's
operations, compound nouns, evaluative adjectives read like verbs, territorial claims (invented sentences)."""

from kg.build import extract_text


def relations(text):
    return {(r.source_id[8:], r.target_id[8:], r.type) for r in extract_text(text, "t").relations}


def pairs(text):
    return {(frozenset((s, t)), typ) for s, t, typ in relations(text)}


def test_taking_part_in_a_states_military_operations():
    assert (frozenset(("ARM", "RUS")), "military_cooperation") in pairs(
        "Armenien nimmt an russischen Militärübungen teil.")
    assert (frozenset(("DNK", "USA")), "military_cooperation") in pairs(
        "Dänemark beteiligt sich an amerikanischen Militäreinsätzen.")


def test_compound_noun_tails():
    assert (frozenset(("DNK", "SWE")), "armed_conflict") in pairs("Die Grenzkämpfe zwischen Dänemark und Schweden dauerten an.")
    assert (frozenset(("CHN", "IND")), "armed_conflict") in pairs(
        "Bei Zusammenstößen zwischen indischen und chinesischen Soldaten starben 20 Menschen.")
    assert (frozenset(("ETH", "ERI")), "negotiation") in pairs("Die Friedensgespräche zwischen Äthiopien und Eritrea begannen.")


def test_election_campaigns_are_no_fighting():
    assert not pairs("Die Wahlkämpfe in Polen und Ungarn wurden heftig geführt.")


def test_liberating_a_state_is_military_support():
    assert ("GBR", "NLD", "military_support") in relations("Britische Truppen befreiten 1944 die Niederlande.")


def test_evaluative_adjective_is_read_like_a_verb():
    rels = relations("Rumänien nannte das neue Gesetz in einem Brief an die bulgarische Regierung unannehmbar.")
    assert ("ROU", "BGR", "criticism") in rels


def test_territorial_claim_with_als_and_a_territory_noun():
    assert (frozenset(("MAR", "ESH")), "tension") in pairs("Marokko betrachtet die Westsahara als Teil seines Staatsgebiets.")
    assert (frozenset(("SRB", "XKX")), "tension") in pairs("Kosovo wird von Serbien noch immer als Provinz angesehen.")


def test_looking_at_a_state_is_no_claim():
    assert not pairs("Frankreich betrachtet die Wahl in Italien mit Sorge.")


def test_loans_tariffs_and_strikes():
    assert ("JPN", "IDN", "aid") in relations("Japan gewährt Indonesien einen Milliardenkredit.")
    assert ("USA", "CHN", "sanctions") in relations("Die USA erheben neue Zölle auf chinesische Waren.")
    assert ("ISR", "IRN", "attack") in relations("Israel kündigte einen Vergeltungsschlag gegen den Iran an.")


def test_cue_noun_as_object_of_a_light_verb():
    assert ("DEU", "USA", "armed_conflict") in relations("Im Dezember 1941 erklärte Deutschland den USA den Krieg.")
    # the state in the genitive is no object of the verb
    assert not relations("Der Präsident Kenias gewährte den Studenten Ugandas ein Stipendium.")


def test_armed_forces_act_for_their_state():
    assert ("DEU", "NOR", "attack") in relations("1940 marschierte die Wehrmacht in Norwegen ein.")


def test_preposition_waehrend_opens_no_clause_and_an_ally_never_acts_first():
    rels = pairs("Während des Krieges kämpfte Rumänien an der Seite Deutschlands gegen die Sowjetunion.")
    assert (frozenset(("DEU", "ROU")), "military_cooperation") in rels
    assert (frozenset(("ROU", "RUS")), "armed_conflict") in rels
    assert not any(p == frozenset(("DEU", "ROU")) and typ == "armed_conflict" for p, typ in rels)


def test_hyphenated_double_state_acts_as_one_side():
    rels = relations("Schweden-Norwegen erklärte Dänemark im Jahr 1864 den Krieg.") | relations(
        "Österreich-Ungarn erklärte Serbien im Juli 1914 den Krieg.")
    assert ("AUT", "SRB", "armed_conflict") in rels or ("SRB", "AUT", "armed_conflict") in rels
    assert not any({s, t} == {"AUT", "HUN"} for s, t, _ in rels)


def test_recognition_with_strong_past_and_guarantees():
    assert ("TUR", "AZE", "diplomatic_support") in relations("Die Türkei erkannte Aserbaidschan als erster Staat an.")
    assert ("FRA", "BEL", "diplomatic_support") in relations("Frankreich garantierte die Neutralität Belgiens.")


def test_settling_a_dispute_together_and_ceding_territory():
    # (flags round: the guidelines since the second challenge set read a settled dispute as the dispute denied, no agreement)
    found = extract_text("Chile und Argentinien legten 1984 ihren Grenzstreit bei.", "t").relations
    assert [(r.source_id[8:], r.target_id[8:], r.type, r.negated) for r in found] == [("ARG", "CHL", "tension", True)]
    assert (frozenset(("DNK", "DEU")), "agreement") in pairs("Dänemark musste das Gebiet an Deutschland abtreten.")
    # the subject of a passive is what is ceded
    assert not pairs("Macau wurde Portugal überlassen.")


def test_recalling_an_ambassador_is_a_sanction():
    rels = relations("Schweden hat seinen Botschafter aus dem Iran zurückgerufen.")
    assert ("SWE", "IRN", "sanctions") in rels


def test_customs_union():
    assert (frozenset(("BEL", "NLD")), "economic_cooperation") in pairs("Belgien und die Niederlande bildeten eine Zollunion.")


def test_words_shared_with_sport_need_a_second_sports_word():
    assert (frozenset(("MEX", "USA")), "armed_conflict") in pairs(
        "Mexiko verlor im Krieg gegen die Vereinigten Staaten große Gebiete.")
    assert not pairs("Kroatien verlor das Spiel gegen Brasilien.")


def test_supplied_goods_are_trade():
    rels = relations("Norwegen lieferte Erdgas an Polen.")
    assert ("NOR", "POL", "trade") in rels or ("POL", "NOR", "trade") in rels


def test_allies_named_by_a_country_adjective_are_no_state():
    assert not pairs("Libysche Verbündete der Franzosen übergaben Waffen an eine Miliz.")


def flagged(text):
    return {(r.source_id[8:], r.target_id[8:], r.type): r for r in extract_text(text, "t").relations}


def test_rejected_relation_is_negated_and_no_criticism():
    rels = flagged("Finnland lehnt eine Zusammenarbeit mit Belarus bei der Grenzsicherung ab.")
    (coop,) = [r for (s, t, typ), r in rels.items() if typ == "cooperation" and {s, t} == {"FIN", "BLR"}]
    assert coop.negated
    assert not any(typ == "criticism" for _, _, typ in rels)


def test_accepted_relation_holds_with_the_subject():
    rels = relations("Das rumänische Parlament stimmte der Stationierung französischer Soldaten zu.")
    assert ("FRA", "ROU", "military_support") in rels


def test_goods_after_von_are_no_actor():
    rels = relations("Die Regierung in Ottawa hat den Export von Waffen an Saudi-Arabien gestoppt.")
    assert ("CAN", "SAU", "sanctions") in rels


def test_indignation_is_criticism():
    assert ("RUS", "FIN", "criticism") in relations("Der Kreml reagierte empört auf die Entscheidung Finnlands.")


def test_criticism_of_a_states_conduct_named_as_a_place():
    rels = relations("Schweden und Norwegen kritisierten gemeinsam die Menschenrechtslage in Belarus.")
    assert {("SWE", "BLR", "criticism"), ("NOR", "BLR", "criticism")} <= rels
    assert ("JPN", "MMR", "criticism") in relations("Japan zeigte sich besorgt über die Verhaftungen in Myanmar.")


def test_criticism_voiced_in_a_place_is_not_aimed_at_it():
    assert not any(typ == "criticism" for _, _, typ in relations(
        "Bei einem Besuch in Kenia kritisierte der japanische Minister die Geldpolitik."))


def test_meeting_a_counterpart_is_negotiation():
    rels = pairs("Der Außenminister Kenias traf seinen Amtskollegen aus Tansania in Arusha.")
    assert (frozenset(("KEN", "TZA")), "negotiation") in rels
    assert (frozenset(("EGY", "SDN")), "negotiation") in pairs("Ägypten und Sudan trafen sich zu Gesprächen über den Nil.")


def test_being_hit_is_no_meeting():
    assert not any(typ == "negotiation" for _, typ in pairs("Eine russische Rakete traf ein polnisches Dorf."))
