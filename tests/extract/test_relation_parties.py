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
