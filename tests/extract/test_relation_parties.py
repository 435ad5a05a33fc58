"""Country relations: how the parties of a cue are named — states agreeing together, a "zwischen" list
later in the clause, compound adjectives with combining forms (invented sentences)."""

from kg.build import extract_text


def relations(text):
    return {(r.source_id[8:], r.target_id[8:], r.type) for r in extract_text(text, "t").relations}


def test_coordinated_states_agree_together():
    assert ("CHL", "PER", "agreement") in relations("Chile und Peru stimmten nach langen Gesprächen zu.")
    assert ("ESP", "PRT", "agreement") in relations("Spanien und Portugal verständigten sich auf neue Fangquoten.")


def test_agreeing_alone_to_an_object_is_no_agreement_with_it():
    rels = relations("Schweden stimmte dem Plan Norwegens zu.")
    assert not any(typ == "agreement" for _, _, typ in rels)


def test_zwischen_list_later_in_the_clause_names_all_parties():
    rels = relations("Das Fischereiabkommen wurde 1978 zwischen Island, Norwegen und Dänemark geschlossen.")
    assert {("DNK", "ISL", "agreement"), ("DNK", "NOR", "agreement"), ("ISL", "NOR", "agreement")} <= rels


def test_zwischen_after_a_place_noun_is_a_place():
    assert not relations("Der Vertrag wurde in der Grenzregion zwischen Chile und Peru vorgestellt.")


def test_combining_form_in_a_compound_adjective():
    assert ("FRA", "MCO", "agreement") in relations("Der franco-monegassische Vertrag regelt die Zollunion.")
    assert ("CHN", "JPN", "armed_conflict") in relations("Der sino-japanische Krieg begann 1937.")


def test_forces_stationed_in_a_state_support_it():
    rels = relations("Die Niederlande haben zwei Kampfjets in der Slowakei stationiert.")
    assert ("NLD", "SVK", "military_support") in rels


def test_demanded_sanctions_are_hedged_and_criticise_the_target():
    rels = {(r.source_id[8:], r.target_id[8:], r.type): r for r in extract_text(
        "Schweden hat am Montag ein Waffen - Embargo gegen Eritrea gefordert .", "t").relations}
    assert rels[("SWE", "ERI", "sanctions")].hedged
    assert not rels[("SWE", "ERI", "criticism")].hedged


def test_cue_in_a_phrase_of_the_demanded_thing_is_not_demanded():
    rels = {(r.source_id[8:], r.target_id[8:], r.type): r for r in extract_text(
        "Die Opposition fordert Konsequenzen aus dem Grenzstreit zwischen Chile und Peru.", "t").relations}
    assert not rels[("CHL", "PER", "tension")].hedged


def test_a_word_starting_like_a_sports_word_is_no_match_report():
    # "Tornado" is no "Tor", "Elfenbeinküste" no "Elf"
    assert ("GBR", "CYP", "military_support") in relations("Großbritannien will Tornado-Jets in Zypern stationieren.")


def test_manufacturer_of_a_country_is_no_state():
    assert not relations("Japan kritisiert die Übernahme durch einen schwedischen Lastwagenbauer.")
