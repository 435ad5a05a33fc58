"""Country relations, coord round (invented sentences): clause structure — a role noun as the predicate of a
copula ("X ist für Y der größte Abnehmer"), with states ranked beside the subject ("nach X", "noch vor X")."""

from tests.extract.sentences import flagged, pairs


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


def test_coordinated_verb_phrases_share_the_subject_and_keep_their_objects():
    # "hat ... verlegt und ... einbestellt": the second phrase's state is no partner of the first verb
    found = set(flagged("Estland hat zusätzliche Soldaten an die Grenze verlegt und den Geschäftsträger Russlands einbestellt."))
    assert ("EST", "RUS", "criticism", False, False) in found
    assert not any(t == "military_support" for _x, _y, t, _n, _h in found)
    found = set(flagged("Die Türkei hat Drohnen an Äthiopien geliefert und Ägypten damit verärgert."))
    assert ("TUR", "ETH", "military_support", False, False) in found
    assert ("TUR", "EGY", "criticism", False, False) in found
    # the denial of the first phrase ("ausgesetzt") does not reach the second ("eingefroren": a sanction)
    found = set(flagged("Marokko hat das Fischereiabkommen mit Spanien ausgesetzt und den Handel mit dem Land weitgehend eingefroren."))
    assert ("MAR", "ESP", "sanctions", False, False) in found


def test_a_note_handed_over_is_criticism_no_support():
    found = pairs("Das Außenministerium in Prag hat dem russischen Botschafter eine Protestnote übergeben.")
    assert (frozenset(("CZE", "RUS")), "criticism") in found
    assert (frozenset(("CZE", "RUS")), "support") not in found


def test_a_participle_tagged_as_adjective_closes_its_phrase():
    found = set(flagged("Nach dem Grenzzwischenfall hat Armenien das Handelsabkommen mit Aserbaidschan ausgesetzt und "
                        "aserbaidschanische Diplomaten ausgewiesen."))
    assert ("ARM", "AZE", "sanctions", False, False) in found
    # (the tagger may call the participle a bare adjective: its form tells)
    found = set(flagged("Armenien hat das Abkommen ausgesetzt und aserbaidschanische Diplomaten ausgewiesen."))
    assert ("ARM", "AZE", "sanctions", False, False) in found
    assert not any(t == "agreement" for _x, _y, t, _n, _h in found)
