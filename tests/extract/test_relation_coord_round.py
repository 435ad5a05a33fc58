"""Country relations, coord round (invented sentences): clause structure — a role noun as the predicate of a
copula ("X ist für Y der größte Abnehmer"), with states ranked beside the subject ("nach X", "noch vor X")."""

from tests.extract.sentences import pairs


def test_copula_predicate_names_the_state_it_holds_for():
    found = pairs("Polen ist für Litauen der wichtigste Handelspartner.")
    assert (frozenset(("POL", "LTU")), "trade") in found
    found = pairs("Kanada bleibt für Mexiko ein wichtiger Abnehmer von Stahl.")
    assert (frozenset(("CAN", "MEX")), "trade") in found


def test_ranked_states_share_the_role():
    found = pairs("Spanien ist für Marokko nach Frankreich der zweitgrößte Lieferant von Maschinen.")
    assert (frozenset(("ESP", "MAR")), "trade") in found
    assert (frozenset(("FRA", "MAR")), "trade") in found
    found = pairs("Im vergangenen Jahr war Japan Australiens wichtigster Handelspartner, knapp vor Südkorea und Indien.")
    assert (frozenset(("AUS", "KOR")), "trade") in found
    assert (frozenset(("AUS", "IND")), "trade") in found


def test_no_ranking_without_a_copula():
    # a full verb: "vor" is a time or place, no rank among partners
    found = pairs("Polen hat vor Litauen mit Lettland über den Handel verhandelt.")
    assert (frozenset(("LTU", "LVA")), "trade") not in found


def test_a_group_pledging_for_a_work_in_a_state_gives_to_it():
    found = pairs("Norwegen und Dänemark haben für den Wiederaufbau in Syrien gemeinsam 300 Millionen Euro zugesagt.")
    assert (frozenset(("NOR", "SYR")), "support") in found
    assert (frozenset(("DNK", "SYR")), "support") in found


def test_a_state_likened_to_the_subject_does_the_same():
    found = pairs("Wie die Niederlande hat auch Belgien Sanktionen gegen Belarus verhängt.")
    assert (frozenset(("BEL", "BLR")), "sanctions") in found
    assert (frozenset(("NLD", "BLR")), "sanctions") in found
    assert not any(p == frozenset(("BEL", "NLD")) for p, _t in found)
    # a place likened is no state acting
    assert not pairs("Wie in Italien ist auch in Griechenland die Zahl der Touristen gestiegen.")
