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


def test_adjective_acts_and_the_genitive_undergoes():
    assert set(relations("Nach der sowjetischen Besetzung Estlands floh die Familie.")) == {("RUS", "EST", "attack")}
    assert set(relations("Die russische Invasion der Ukraine begann im Februar.")) == {("RUS", "UKR", "attack")}


def test_conjunct_shares_the_preposition_of_a_non_country():
    rels = relations("Die israelischen Luftangriffe auf Gaza und den Libanon gehen weiter.")
    assert set(rels) == {("ISR", "LBN", "attack")}


def test_main_clause_after_und_has_its_own_subject():
    rels = relations("Russland verhandelt mit den Rebellen und die Türkei unterstützt Syrien.")
    assert ("TUR", "SYR", "support") in rels
    assert not any("RUS" in (s, t) for s, t, _ in rels)


def test_prevented_action_is_negated_and_considered_one_hedged():
    (war,) = relations("Schweden wurde davon abgehalten, gegen Dänemark Krieg zu führen.").values()
    assert war.type == "armed_conflict" and war.negated and not war.hedged
    (attack,) = relations("Russland plant, Georgien anzugreifen.").values()
    assert (attack.source_id, attack.target_id) == ("country/RUS", "country/GEO") and attack.hedged
    (sanction,) = relations("Die USA erwägen, Sanktionen gegen Kuba zu verhängen.").values()
    assert sanction.type == "sanctions" and sanction.hedged


def test_qualifier_counts_a_country_name_as_one_word():
    # (recall round: relations broken off are also denied, class `halt`)
    rels = relations("Kanada hat die Beziehungen zu Saudi-Arabien abgebrochen.")
    assert set(rels) == {("CAN", "SAU", "tension"), ("CAN", "SAU", "diplomatic_relations")}
    assert rels[("CAN", "SAU", "diplomatic_relations")].negated and not rels[("CAN", "SAU", "tension")].negated


def test_parenthesis_listing_states_belongs_to_its_noun():
    rels = relations("Die Mächte (Frankreich, Belgien und Polen) führten Feldzüge gegen viele Staaten.")
    assert set(rels) == {("BEL", "FRA", "military_cooperation"), ("FRA", "POL", "military_cooperation"),
                         ("BEL", "POL", "military_cooperation")}


def test_historic_states_and_defeat():
    assert set(relations("Nach der Niederlage Polens gegen die Sowjetunion wurde das Gebiet geteilt.")) == {
        ("POL", "RUS", "armed_conflict")}
    (rel,) = relations("Das Osmanische Reich schloss ein Bündnis mit Deutschland.").values()
    assert {rel.source_id, rel.target_id} == {"country/TUR", "country/DEU"} and rel.type == "alliance"


def test_second_subordinate_clause_after_und_dass_is_its_own():
    rels = relations("Er sagte, dass sowohl Chile als auch Peru lange verwaltet worden waren, und dass der Vertrag "
                     "über die Grenze ungültig sei.")
    assert not any(t == "agreement" for _, _, t in rels)


def test_opening_um_zu_clause_ends_before_the_main_verb():
    rels = relations("Um ein Desaster wie das der Armee Polens zu vermeiden, wurden die finnischen Flugzeuge "
                     "in Wäldern stationiert.")
    assert not rels


def test_agent_of_another_clause_does_not_act_for_the_verb():
    rels = relations("Ebenfalls forderte der Minister die Bundesregierung auf, eine Einstufung von Marokko vorzunehmen.")
    assert not any(s == "MAR" for s, _, _ in rels)


def test_stationing_by_un_troops_names_no_state():
    rels = relations("Der Abzug israelischer Truppen soll parallel zur Stationierung von UN-Truppen und dem Einsatz "
                     "der libanesischen Armee erfolgen.")
    assert not any(t == "military_support" for _, _, t in rels)


def test_leader_name_stands_for_the_state():
    assert set(relations("Selenskyj kritisierte Moskau scharf.")) == {("UKR", "RUS", "criticism")}
    assert set(relations("Putin drohte der Ukraine mit Konsequenzen.")) == {("RUS", "UKR", "threat")}


def test_leader_after_his_own_state_is_not_a_second_actor():
    rels = relations("Laut dem US-Außenminister Antony Blinken sind nordkoreanische Truppen in Russland stationiert.")
    assert not any("USA" in (s, t) for s, t, _ in rels)


def test_fronted_zwischen_names_the_parties_of_its_clause():
    assert set(relations("Zwischen Eritrea und Äthiopien kam es erneut zu Gefechten.")) == {("ERI", "ETH", "armed_conflict")}


def test_fighting_at_a_states_side_makes_partners_in_arms():
    rels = relations("Kuba kämpfte an der Seite Angolas gegen Südafrika.")
    assert set(rels) == {("AGO", "CUB", "military_cooperation"), ("AGO", "ZAF", "armed_conflict"),
                         ("CUB", "ZAF", "armed_conflict")}


def test_states_at_war_with_a_third_are_not_at_war_with_each_other():
    rels = relations("Ägypten, Jordanien und Syrien führten Krieg gegen Israel.")
    assert ("EGY", "JOR", "military_cooperation") in rels
    assert not any(t == "armed_conflict" and "ISR" not in (s, o) for s, o, t in rels)


def test_denied_delivery_and_summoned_ambassador_and_warning():
    (rel,) = relations("Der Iran bestreitet, Russland Drohnen geliefert zu haben.").values()
    assert (rel.source_id, rel.target_id, rel.type, rel.negated) == ("country/IRN", "country/RUS", "military_support", True)
    assert set(relations("Die britische Regierung hat den russischen Botschafter einbestellt.")) == {("GBR", "RUS", "criticism")}
    assert set(relations("Moskau warnte Finnland vor einem Nato-Beitritt.")) == {("RUS", "FIN", "threat")}


def test_state_of_relations_said_at_the_end_of_the_clause():
    assert set(relations("Die Beziehungen zwischen Berlin und Warschau gelten als belastet.")) == {("DEU", "POL", "tension")}


def test_dass_clause_keeps_its_own_subject():
    rels = relations("Die Ukraine meldete, dass russische Truppen in der Nacht angriffen.")
    assert set(rels) == {("RUS", "UKR", "attack")}


def test_mercenaries_and_volunteers_are_no_state():
    assert not relations("Britische Söldner und französische Freiwillige kämpften gegen Portugal.")


def test_verb_after_a_subordinate_clause_opens_the_main_clause():
    # the subject of "kritisierte" follows it; it does not come from the "nachdem" clause
    rels = relations("Im Parlament, kurz nachdem polnische Soldaten die Grenze überquert hatten, kritisierte "
                     "der Abgeordnete sowohl Litauen als auch Lettland.")
    assert not any(s == "POL" for s, _, _ in rels)
    rels = relations("Als die Verhandlungen scheiterten, verhängte Kanada Sanktionen gegen Venezuela.")
    assert ("CAN", "VEN", "sanctions") in rels


def test_neuter_subject_after_comma_starts_a_main_clause():
    rels = relations("Die verbündeten Schweden stellten zwei Regimenter, das dänische Kontingent verwendete eigene Fahnen.")
    assert not rels


def test_spaced_hyphen_joins_a_compound():
    rels = relations("Die Regierung in Kiew hat ein Gas - Embargo gegen Russland beschlossen .")
    assert ("UKR", "RUS", "sanctions") in rels
