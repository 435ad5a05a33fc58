"""Country relations, flags round (invented sentences): the scope German gives negation and hedge words — a
lifting verb with its separated particle, "kein" on its own noun, "nicht nur" and "wie nie zuvor", an
attributive hedge adjective on its own noun, "nicht" before the object phrase, a "zu" clause after a refusal or
a denied intention, "kündigt" without "an", an agreement "kurz vor" its conclusion, withdrawn forces."""

from tests.extract.sentences import flagged


def unordered(text):
    """(unordered pair, type, negated, hedged) of the relations of `text`."""
    return {(frozenset((a, b)), t, n, h) for a, b, t, n, h in flagged(text)}


def test_a_lifting_verb_with_its_particle_denies_the_sanctions():
    assert ("GBR", "IRN", "sanctions", True, False) in flagged("London hebt die Sanktionen gegen den Iran auf.")
    assert ("JPN", "KOR", "sanctions", True, False) in flagged(
        "Tokio hob die Exportbeschränkungen gegen Südkorea im Frühjahr auf.")
    # "hebt ... hervor" is no lifting
    assert ("FRA", "MLI", "sanctions", True, False) not in flagged(
        "Paris hebt die Sanktionen gegen Mali in seiner Erklärung besonders hervor.")


def test_kein_denies_only_its_own_noun():
    rels = unordered("Keine Annäherung im Fischereistreit zwischen Oslo und Moskau")
    assert (frozenset(("NOR", "RUS")), "tension", False, False) in rels


def test_comparisons_and_nicht_nur_are_no_denials():
    rels = unordered("Chile hat im ersten Quartal so viel Kupfer nach Japan verkauft wie nie zuvor.")
    assert not any(n for _p, _t, n, _h in rels)
    assert (frozenset(("CHL", "JPN")), "trade", False, False) in rels


def test_an_attributive_hedge_adjective_qualifies_only_its_noun():
    rels = unordered("Bagdad verurteilte die iranischen Angriffe auf angebliche Stützpunkte kurdischer Milizen scharf.")
    assert (frozenset(("IRQ", "IRN")), "criticism", False, False) in rels
    rels = unordered("Norwegen hat nach dem mutmaßlichen Sabotageakt den russischen Botschafter einbestellt.")
    assert (frozenset(("NOR", "RUS")), "criticism", False, False) in rels


def test_nicht_before_the_object_phrase_denies_it():
    rels = unordered("Kasachstan beteiligt sich nach Angaben aus Astana nicht mit eigenen regulären Truppen am Krieg gegen die Ukraine.")
    assert (frozenset(("KAZ", "UKR")), "armed_conflict", True, False) in rels


def test_a_zu_clause_after_a_refusal_or_a_denied_intention():
    rels = unordered("Rom verzichtete bei dem Gipfel ausdrücklich darauf, Tunesien öffentlich zu kritisieren.")
    assert (frozenset(("ITA", "TUN")), "criticism", True, False) in rels
    rels = unordered("Peking hat nach eigener Darstellung keine Absicht, Taiwan anzugreifen.")
    assert (frozenset(("CHN", "TWN")), "attack", True, False) in rels


def test_kuendigt_without_an_ends_what_it_governs():
    rels = unordered("Niger kündigt Militärabkommen mit den USA")
    assert (frozenset(("NER", "USA")), "agreement", True, False) in rels
    rels = unordered("Die USA kündigen Sanktionen gegen Venezuela an.")
    assert (frozenset(("USA", "VEN")), "sanctions", False, True) in rels


def test_an_agreement_shortly_before_its_conclusion_is_hedged():
    rels = unordered("Armenien und Aserbaidschan stehen laut Diplomaten kurz vor einem Friedensabkommen.")
    assert (frozenset(("ARM", "AZE")), "agreement", False, True) in rels
    rels = unordered("Indien und Großbritannien vor Freihandelsabkommen")
    assert any(p == frozenset(("IND", "GBR")) and t == "agreement" and h for p, t, _n, h in rels)


def test_withdrawn_forces_end_the_military_support():
    assert ("DEU", "MLI", "military_support", True, False) in flagged("Deutschland zieht seine letzten Soldaten aus Mali ab.")
    assert ("GBR", "AFG", "military_support", True, False) in flagged(
        "Großbritannien hat seine Truppen aus Afghanistan abgezogen.")
    # no "aus" state: nothing withdrawn from a state ("in den Süden des Landes")
    assert not flagged("Der Abzug russischer Truppen soll parallel zur Verlegung von Einheiten in den Süden Georgiens erfolgen.")


def test_a_dispute_ended_is_denied():
    assert ("CHL", "PER", "tension", True, False) in flagged("Peru und Chile haben ihren Grenzstreit beendet.")


def test_a_settled_dispute_is_denied_and_no_agreement():
    rels = unordered("Chile und Bolivien haben ihren alten Streit um den Zugang zum Pazifik endgültig beigelegt.")
    assert (frozenset(("CHL", "BOL")), "tension", True, False) in rels
    assert not any(t == "agreement" for _p, t, _n, _h in rels)


def test_verbs_of_considering_hedge_their_object_however_far():
    rels = unordered("Paris erwägt nach Angaben mehrerer Zeitungen neue Strafzölle gegen chinesische Elektroautos.")
    assert (frozenset(("FRA", "CHN")), "sanctions", False, True) in rels


def test_a_hostile_relation_after_an_impersonal_droht_only_looms():
    rels = unordered("Beobachtern zufolge droht ein neuer Handelskrieg zwischen Peking und Brüssel.") | unordered(
        "Nach Einschätzung von Diplomaten droht ein offener Konflikt zwischen Serbien und dem Kosovo.")
    assert (frozenset(("SRB", "XKX")), "tension", False, True) in rels or \
        (frozenset(("SRB", "XKX")), "armed_conflict", False, True) in rels


def test_a_negation_of_an_end_leaves_the_relation_standing():
    rels = unordered("Ein Ende der Sanktionen gegen Russland stehe nicht zur Debatte, hieß es in Tokio.")
    assert any(p == frozenset(("JPN", "RUS")) and t == "sanctions" and not n for p, t, n, _h in rels)


def test_an_announcement_in_a_ticker_headline():
    rels = unordered("+++ Kenia und Uganda kündigen gemeinsame Grenzpatrouillen an +++")
    assert any(p == frozenset(("KEN", "UGA")) and h and not n for p, _t, n, h in rels)


def test_sanctions_eased_are_denied():
    assert ("USA", "CUB", "sanctions", True, False) in flagged("Washington hat die Sanktionen gegen Kuba gelockert.")


def test_aid_stopped_is_denied_and_a_sanction():
    found = flagged("Die Niederlande stellen ihre Entwicklungshilfe für Mali vorerst ein.")
    assert ("NLD", "MLI", "aid", True, False) in found
    assert ("NLD", "MLI", "sanctions", False, False) in found


def test_an_act_blamed_on_a_state_is_alleged():
    found = flagged("Litauen macht Belarus für einen Drohnenangriff auf ein Munitionslager verantwortlich.")
    assert ("LTU", "BLR", "criticism", False, False) in found
    assert ("BLR", "LTU", "attack", False, True) in found


def test_a_stop_in_the_next_conjunct_is_not_the_first_relations():
    rels = unordered("Panama hat diplomatische Beziehungen zu Peking aufgenommen und die zu Taiwan abgebrochen.")
    assert (frozenset(("PAN", "CHN")), "diplomatic_relations", False, False) in rels


def test_a_visit_ended_took_place():
    rels = unordered("Der spanische König hat seinen Staatsbesuch in Marokko mit einem Abstecher nach Tanger beendet.")
    assert (frozenset(("ESP", "MAR")), "diplomatic_relations", False, False) in rels


def test_the_end_of_a_hyphenated_measure():
    rels = unordered("Ein Ende des Öl-Embargos gegen Venezuela stehe nicht zur Debatte, hieß es in Washington.")
    assert any(p == frozenset(("USA", "VEN")) and t == "sanctions" and not n for p, t, n, _h in rels)


def test_talks_without_agreement_deny_it():
    rels = unordered("Serbien und Kroatien haben ihre Gespräche über die Grenze an der Donau ohne Einigung beendet.")
    assert (frozenset(("SRB", "HRV")), "agreement", True, False) in rels
    rels = unordered("Kein Durchbruch im Fischereistreit zwischen London und Paris")
    assert (frozenset(("GBR", "FRA")), "agreement", True, False) in rels


def test_a_stopped_flow_of_goods_is_only_the_embargo():
    found = flagged("Russland hat die Einfuhr von Obst aus Moldau gestoppt.")
    assert ("RUS", "MDA", "sanctions", False, False) in found
    assert not any(t == "trade" for _x, _y, t, _n, _h in found)
    # the trade relation itself stopped is also denied
    assert (frozenset(("BLR", "LTU")), "trade", True, False) in unordered("Litauen hat den Handel mit Belarus eingestellt.")


def test_police_withdrawn_from_a_mission():
    assert ("BEN", "HTI", "military_support", True, False) in flagged("Benin holt seine Polizisten aus Haiti zurück.")


def test_more_of_their_cooperation_is_planned():
    rels = unordered("Polen und Tschechien wollen ihre Zusammenarbeit bei der Energieversorgung deutlich vertiefen.")
    assert any(p == frozenset(("POL", "CZE")) and h for p, _t, _n, h in rels)
    # an alliance they have exists; only its change is planned
    rels = unordered("Rom und Madrid wollen ihr Verteidigungsbündnis um eine gemeinsame Marineeinheit erweitern.")
    assert (frozenset(("ITA", "ESP")), "alliance", False, False) in rels


def test_imports_suspended_are_an_embargo_of_the_state_that_suspends_them():
    found = flagged("Daraufhin setzte Südkorea die Einfuhr japanischer Fischprodukte aus.")
    assert ("KOR", "JPN", "sanctions", False, False) in found
    assert not any(t == "trade" for _x, _y, t, _n, _h in found)


def test_a_state_contrasted_does_not_do_what_the_other_does():
    found = flagged("Anders als Österreich hat Tschechien neue Sanktionen gegen Belarus verhängt.")
    assert ("AUT", "BLR", "sanctions", True, False) in found
    assert ("CZE", "BLR", "sanctions", False, False) in found
    rels = unordered("Im Gegensatz zu Dänemark unterhält Schweden weiterhin diplomatische Beziehungen zu Venezuela.")
    assert (frozenset(("DNK", "VEN")), "diplomatic_relations", True, False) in rels
    assert (frozenset(("SWE", "VEN")), "diplomatic_relations", False, False) in rels


def test_weapons_given_away_or_not():
    rels = unordered("Bulgarien will seine alten Kampfjets nicht an die Ukraine abgeben.")
    assert any(p == frozenset(("BGR", "UKR")) and n and not h for p, _t, n, h in rels)
    rels = unordered("Rumänien erwägt, seine Panzer an Moldau abzugeben.")
    assert any(p == frozenset(("ROU", "MDA")) and h and not n for p, _t, n, h in rels)


def test_forces_provided_or_refused():
    rels = unordered("Irland wird keine Soldaten für eine Schutztruppe in Georgien stellen.")
    assert any(p == frozenset(("IRL", "GEO")) and t == "military_support" and n for p, t, n, _h in rels)
    rels = unordered("Nepal stellt rund 800 Soldaten für die UN-Mission im Libanon.")
    assert any(p == frozenset(("NPL", "LBN")) and t == "military_support" and not n for p, t, n, _h in rels)
    # "stellen ... dar" is another verb
    assert not flagged("Die iranischen Soldaten in Syrien stellen laut Beobachtern ein großes Risiko dar.")


def test_leaving_a_states_initiative_ends_the_cooperation():
    rels = unordered("Estland ist aus Chinas Kooperationsformat für Osteuropa ausgestiegen.")
    assert any(p == frozenset(("EST", "CHN")) and n for p, _t, n, _h in rels)
    rels = unordered("Lettland steigt aus Russlands Energieprogramm aus")
    assert any(p == frozenset(("LVA", "RUS")) and n for p, _t, n, _h in rels)
    # a treaty named after a city is no state left
    assert not flagged("Auch Finnland will aus der Ottawa-Konvention gegen Landminen aussteigen.")


def test_a_dialogue_on_ice_is_denied():
    rels = unordered("Der Dialog zwischen Eriwan und Baku liegt seit dem Frühjahr auf Eis.")
    assert (frozenset(("ARM", "AZE")), "negotiation", True, False) in rels


def test_hedge_adjectives_in_every_inflection_and_a_supposed_case():
    rels = unordered("Die Bundesregierung hat einen möglichen militärischen Beistand für Litauen angedeutet.")
    assert any(p == frozenset(("DEU", "LTU")) and h for p, _t, _n, h in rels)
    rels = unordered("Im Falle eines russischen Angriffs auf Estland würde Finnland sofort helfen.") | unordered(
        "Estland bereitet sich auf den Fall eines russischen Angriffs vor.")
    assert not any(p == frozenset(("RUS", "EST")) and t == "attack" and not h for p, t, _n, h in rels)
