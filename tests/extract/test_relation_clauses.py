"""Country relations across clauses: coordinated verbs share their subject, a new main clause has its
own, "um ... zu" opens a clause, and a modal hedges only its own verb (invented sentences)."""

from kg.build import extract_text


def relations(text):
    return {(r.source_id[8:], r.target_id[8:], r.type): r for r in extract_text(text, "t").relations}


def test_coordinated_verb_keeps_the_subject_of_the_first():
    rels = relations("Algerien erkennt die Unabhängigkeit der Westsahara an und kritisiert Marokko.")
    assert ("DZA", "MAR", "criticism") in rels
    assert not any(s == "MAR" for s, _, _ in rels)


def test_main_clause_after_comma_has_its_own_subject():
    rels = relations("Die USA liefern Waffen an die Ukraine, Russland protestierte dagegen.")
    assert ("USA", "UKR", "military_support") in rels
    assert not any({"USA", "RUS"} == {s, t} for s, t, _ in rels)


def test_coordinated_passive_takes_no_object_from_the_next_verb():
    rels = relations("Im März 1945 wurde die Stadt von amerikanischen Truppen besetzt, wurde dann der "
                     "französischen Besatzungszone zugeschlagen.")
    assert not any({"USA", "FRA"} == {s, t} for s, t, _ in rels)


def test_purpose_clause_with_um_zu_is_supported_by_the_main_subject():
    rels = relations("Polen schickte Soldaten, um Litauen zu unterstützen.")
    assert any(s == "POL" and t == "LTU" for s, t, _ in rels)


def test_modal_of_the_second_verb_does_not_hedge_the_first():
    rels = relations("Syrische und iranische Einheiten rücken im Norden vor und könnten die Stadt einnehmen.")
    rel = rels[("IRN", "SYR", "military_cooperation")]
    assert not rel.hedged
