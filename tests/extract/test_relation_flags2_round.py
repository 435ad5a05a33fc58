"""Country relations, flags round 2 (invented sentences): negations that reach a cue across its clause —
"weder ... noch", a denied predicate of a cue noun in the prefield (also after an embedded relative clause) —
and their limits (a negated end, a negation of another predicate)."""

from tests.extract.sentences import flagged


def unordered(text):
    """(unordered pair, type, negated, hedged) of the relations of `text`."""
    return {(frozenset((a, b)), t, n, h) for a, b, t, n, h in flagged(text)}


def test_weder_noch_denies_the_clause():
    rels = unordered("Weder Chile noch Peru haben sich bislang den Sanktionen gegen Venezuela angeschlossen.")
    assert (frozenset(("CHL", "VEN")), "sanctions", True, False) in rels


def test_a_prefield_object_is_denied_by_nicht_of_the_middle_field():
    rels = unordered("Einen Beistandspakt mit Peking strebe Hanoi nicht an, sagte der Minister.")
    assert any(p == frozenset(("CHN", "VNM")) and t == "alliance" and n for p, t, n, _h in rels)
    rels = unordered("Die Sanktionen gegen Russland hat Ungarn nicht mitgetragen.")
    assert (frozenset(("HUN", "RUS")), "sanctions", True, False) in rels


def test_a_prefield_noun_not_to_be_expected_is_denied():
    rels = unordered("Ein Handelsabkommen zwischen Chile und Peru ist in diesem Jahr nicht mehr zu erwarten.")
    assert (frozenset(("CHL", "PER")), "agreement", True, False) in rels


def test_the_clause_resumes_after_an_embedded_relative_clause():
    rels = unordered("Ein Friedensabkommen zwischen Armenien und Aserbaidschan ist nach Ansicht des Ministers, "
                     "der in Wien sprach, nicht mehr zu erwarten.")
    assert (frozenset(("ARM", "AZE")), "agreement", True, False) in rels


def test_a_negated_end_or_another_predicate_leaves_the_relation():
    rels = unordered("Der Krieg zwischen Armenien und Aserbaidschan ist noch nicht beendet.")
    assert (frozenset(("ARM", "AZE")), "armed_conflict", False, False) in rels
    rels = unordered("Die Gespräche zwischen Chile und Peru, die in Lima begannen, kommen nicht voran.")
    assert not any(n for _p, _t, n, _h in rels)


def test_a_report_with_its_source_is_no_rumour():
    rels = unordered("Chile hat Gespräche mit Peru aufgenommen, wie aus Regierungskreisen in Santiago verlautete.")
    assert (frozenset(("CHL", "PER")), "negotiation", False, False) in rels
    rels = unordered("Chile hat Gespräche mit Peru aufgenommen, wie verlautet.")
    assert (frozenset(("CHL", "PER")), "negotiation", False, True) in rels


def test_a_hedge_verb_of_another_conjunct_does_not_hedge_the_cue():
    rels = unordered("Russland hat Estland mit Gegenmaßnahmen gedroht und eine Verstärkung seiner Truppen angekündigt.")
    assert (frozenset(("EST", "RUS")), "threat", False, False) in rels
    # a modal before both conjuncts governs both
    rels = unordered("Polen will der Ukraine Panzer liefern und ukrainische Soldaten ausbilden.")
    assert all(h for _p, _t, _n, h in rels)


def test_a_condition_after_a_comma_hedges_its_clause():
    rels = flagged("Der Kreml warnt Schweden vor Gegenmaßnahmen, falls Stockholm US-Truppen auf seinem Territorium stationiert.")
    assert ("SWE", "USA", "military_support", False, True) in rels
    rels = unordered("Moskau droht Tokio für den Fall, dass Japan Raketen an Taiwan liefert, mit Vergeltung.")
    assert (frozenset(("JPN", "TWN")), "military_support", False, True) in rels
    assert (frozenset(("JPN", "RUS")), "threat", False, False) in rels


def test_kaum_noch_denies_and_sondern_asserts_the_correction():
    rels = unordered("Marokko bezieht inzwischen kaum noch Weizen aus Frankreich, sondern fast nur aus Russland.")
    assert (frozenset(("FRA", "MAR")), "trade", True, False) in rels
    assert (frozenset(("MAR", "RUS")), "trade", False, False) in rels
    rels = unordered("Chile kauft Kupfer nicht in Peru, sondern in Bolivien ein.")
    assert not any(n for p, _t, n, _h in rels if p == frozenset(("BOL", "CHL")))


def test_an_unlikely_predicate_negates_and_hedges():
    rels = unordered("Beobachter halten einen Krieg zwischen Armenien und Aserbaidschan für unwahrscheinlich.")
    assert (frozenset(("ARM", "AZE")), "armed_conflict", True, True) in rels


def test_agreeing_in_a_dispute_settles_it():
    rels = unordered("Chile und Peru haben sich im Fischereistreit geeinigt.")
    assert (frozenset(("CHL", "PER")), "tension", True, False) in rels
    # "Keine Einigung im ..." leaves the dispute standing
    rels = unordered("Keine Einigung im Fischereistreit zwischen Chile und Peru")
    assert (frozenset(("CHL", "PER")), "tension", False, False) in rels


def test_an_agreement_named_by_a_hyphen_compound_after_vor_is_not_yet_reached():
    rels = unordered("Chile und Peru vor Kupfer-Abkommen")
    assert (frozenset(("CHL", "PER")), "agreement", False, True) in rels
