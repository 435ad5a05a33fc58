"""Recall round (issue #4): construction classes of modern news the relation rules missed, on invented
German sentences (none of them an evaluation sentence)."""

from kg.build import extract_text


def relations(text):
    return {(r.source_id[8:], r.target_id[8:], r.type): r for r in extract_text(text, "t").relations}


def flags(rel):
    return rel.negated, rel.hedged


# -- a stop verb denies the cooperative or neutral relation it governs (class `halt`) -----------------------


def test_trade_stopped_is_denied_and_an_embargo():
    rels = relations("Kolumbien hat den Handel mit Venezuela im Mai eingestellt.")
    assert flags(rels[("COL", "VEN", "trade")]) == (True, False)
    assert flags(rels[("COL", "VEN", "sanctions")]) == (False, False)


def test_frozen_aid_is_denied():
    rels = relations("Schweden fror seine Entwicklungshilfe für Mali ein.")
    assert flags(rels[("SWE", "MLI", "aid")]) == (True, False)


def test_suspended_cooperation_with_separable_particle():
    rels = relations("Polen setzte die militärische Zusammenarbeit mit Ungarn vorerst aus.")
    assert all(r.negated for r in rels.values()) and rels


def test_talks_broken_off_are_denied():
    rels = relations("Kenia hat die Verhandlungen mit Somalia abgebrochen.")
    assert flags(rels[("KEN", "SOM", "negotiation")]) == (True, False)
    # a hostile act stopped is still reported
    rels = relations("Aserbaidschan stellte die Angriffe auf Armenien am Abend ein.")
    assert flags(rels[("AZE", "ARM", "attack")]) == (False, False)


# -- a war waged by coordinated states is between them (class `wage`) ----------------------------------------


def test_war_waged_by_two_states_is_between_them():
    rels = relations("Eritrea und Äthiopien haben zwei Jahre lang Krieg um die Grenzstadt Badme geführt.")
    assert ("ERI", "ETH", "armed_conflict") in rels


def test_conflict_fought_out_by_two_states():
    rels = relations("Indien und China haben den Konflikt im Himalaya bisher ohne Schusswaffen ausgetragen.")
    assert ("CHN", "IND", "armed_conflict") in rels or ("CHN", "IND", "tension") in rels
    # a war waged together is no fight between them
    rels = relations("Frankreich und Großbritannien haben gemeinsam Krieg gegen die Aufständischen geführt.")
    assert not any(r.polarity == "hostile" for r in rels.values())


# -- the speaker of an impersonal report after the clause ("hieß es aus X", "verlautete aus X") -------------


def test_speaker_state_of_an_impersonal_report():
    rels = relations("Gespräche mit Venezuela werde es vorerst nicht geben, hieß es aus dem Kreml.")
    assert flags(rels[("RUS", "VEN", "negotiation")]) == (True, False)


def test_speaker_state_after_verlautete_aus():
    rels = relations("Neue Sanktionen gegen Südkorea seien nicht vorgesehen, verlautete aus Peking.")
    assert ("CHN", "KOR", "sanctions") in rels


def test_possibility_hedges():
    rels = relations("Eine engere Zusammenarbeit mit Marokko sei denkbar, hieß es in Madrid.")
    assert flags(rels[("ESP", "MAR", "cooperation")]) == (False, True)


# -- goods and money moved between states ------------------------------------------------------------------


def test_goods_shipped_into_a_state_are_trade():
    assert ("ECU", "ESP", "trade") in relations("Ecuador verschifft jedes Jahr Tausende Tonnen Bananen nach Spanien.") or \
        ("ESP", "ECU", "trade") in relations("Ecuador verschifft jedes Jahr Tausende Tonnen Bananen nach Spanien.")


def test_imports_of_a_state_coming_from_another():
    rels = relations("Ein Drittel der Gasimporte Ungarns kam im vergangenen Jahr aus Russland.")
    assert ("HUN", "RUS", "trade") in rels


def test_money_transferred_is_aid():
    rels = relations("Kuwait hat Jordanien zwei Milliarden Dollar überwiesen.")
    assert ("KWT", "JOR", "aid") in rels
    rels = relations("Norwegen spendete Bangladesch 30 Millionen Euro für die Flüchtlingslager.")
    assert ("NOR", "BGD", "aid") in rels


def test_ramming_a_ship_is_an_attack():
    rels = relations("Ein chinesisches Patrouillenboot rammte ein vietnamesisches Fischerboot.")
    assert ("CHN", "VNM", "attack") in rels


# -- regions of a state by compass prefix; a strike by missiles or drones ----------------------------------


def test_compass_region_names_the_state():
    rels = relations("Die Türkei hat in der Nacht erneut Ziele in Nordostsyrien bombardiert.")
    assert ("TUR", "SYR", "attack") in rels
    rels = relations("Ägypten unterstützt seit Jahren die Machthaber in Ostlibyen.")
    assert ("EGY", "LBY", "support") in rels or ("EGY", "LBY", "diplomatic_support") in rels
    # a compound that names a state of its own stays that state
    rels = relations("Südsudan und Sudan unterzeichneten in Juba ein Abkommen über die Ölförderung.")
    assert any({s, t} == {"SDN", "SSD"} for s, t, _ in rels)


def test_missiles_hitting_a_target_in_a_state_are_an_attack():
    rels = relations("Iranische Drohnen haben am Morgen eine Raffinerie in Nordirak getroffen.")
    assert ("IRN", "IRQ", "attack") in rels


def test_meeting_verb_without_projectile_stays_a_meeting():
    rels = relations("Der japanische Regierungschef traf in Delhi seinen indischen Amtskollegen.")
    assert ("IND", "JPN", "negotiation") in rels
    rels = relations("Eine russische Rakete traf ein Wohnhaus in der Südukraine.")
    assert ("RUS", "UKR", "attack") in rels


# -- standing by a state: "an der Seite", "auf die Seite", "hinter" (class `side`) -------------------------


def test_fighting_beside_a_state_is_military_support_not_war():
    rels = relations("Belarussische Einheiten kämpfen seit Monaten an der Seite Russlands.")
    assert ("BLR", "RUS", "military_support") in rels
    assert not any(r.polarity == "hostile" for r in rels.values())


def test_standing_behind_a_state_is_diplomatic_support():
    rels = relations("Die Bundesregierung stellte sich im Streit um die Ägäis demonstrativ hinter Griechenland.")
    assert ("DEU", "GRC", "diplomatic_support") in rels
    rels = relations("Ungarn schlug sich auf die Seite Serbiens.")
    assert ("HUN", "SRB", "diplomatic_support") in rels


# -- a cue before a head of promise ("Beistandsverpflichtung", "Hilfszusage"; class `commitment`) -----------


def test_compound_of_cue_and_commitment_head():
    rels = relations("Paris bekräftigte seine Beistandsgarantie gegenüber Estland.")
    assert ("FRA", "EST", "diplomatic_support") in rels
    rels = relations("Japan erneuerte seine Hilfszusagen für die Philippinen.")
    assert ("JPN", "PHL", "aid") in rels


# -- no parties: a mediator, an area that is no state ------------------------------------------------------


def test_mediator_is_no_party_of_the_agreement():
    rels = relations("Äthiopien und Somalia einigten sich unter Vermittlung der Türkei auf neue Gespräche.")
    assert ("ETH", "SOM", "agreement") in rels
    assert not any("TUR" in (s, t) for s, t, _ in rels)
    rels = relations("Armenien und Aserbaidschan verhandelten unter amerikanischer Vermittlung über einen Friedensvertrag.")
    assert not any("USA" in (s, t) for s, t, _ in rels)


def test_antarctica_is_no_state_between_two_disputing():
    rels = relations("Zwischen Großbritannien und Argentinien schwelt ein Streit um Gewässer vor der Antarktis.")
    assert ("ARG", "GBR", "tension") in rels


# -- more cue words of friction, coercion and reconciliation -----------------------------------------------


def test_incidents_and_escalation_between_states_are_tension():
    rels = relations("Vor der Küste kam es erneut zu Zwischenfällen zwischen Japan und China.")
    assert ("CHN", "JPN", "tension") in rels
    rels = relations("Beobachter warnen vor einer Eskalation zwischen Serbien und dem Kosovo.")
    assert ("SRB", "XKX", "tension") in rels


def test_coercion_words_are_sanctions():
    assert ("EGY", "QAT", "sanctions") in relations("Ägypten beteiligte sich an der Blockade gegen Katar.") or \
        ("EGY", "QAT", "sanctions") in relations("Ägypten verhängte eine Blockade gegen Katar.")
    rels = relations("Estland hat zwei russische Diplomaten des Landes verwiesen.")
    assert ("EST", "RUS", "sanctions") in rels


def test_reconciliation_is_cooperation():
    rels = relations("Polen und die Ukraine feierten die Versöhnung ihrer Völker.")
    assert ("POL", "UKR", "cooperation") in rels


# -- a modal hedges the prepositional object of its verb; "einigen" at the clause end is the verb ---------


def test_modal_hedges_an_agreement_on_a_prepositional_object():
    rels = relations("Serbien und das Kosovo könnten sich schon im Herbst auf ein Rahmenabkommen einigen.")
    assert flags(rels[("SRB", "XKX", "agreement")]) == (False, True)


def test_clause_final_einigen_is_the_verb():
    rels = relations("Äthiopien und Somalia wollen sich bis zum Jahresende einigen.")
    assert flags(rels[("ETH", "SOM", "agreement")]) == (False, True)


# -- trade restricted and measured; forces increased in a host state; aims and readiness hedge ---------------


def test_export_controls_and_trade_barriers_are_sanctions():
    rels = relations("Japan verschärfte die Exportkontrollen für Halbleiter nach China.")
    assert ("JPN", "CHN", "sanctions") in rels
    rels = relations("Indonesien kündigte Einfuhrbeschränkungen für Stahl aus China an.")
    assert ("IDN", "CHN", "sanctions") in rels


def test_trade_deficit_between_two_states_is_trade():
    rels = relations("Das Handelsdefizit Deutschlands mit China hat einen Rekord erreicht.")
    assert ("CHN", "DEU", "trade") in rels or ("DEU", "CHN", "trade") in rels


def test_troops_increased_in_a_host_state():
    rels = relations("Kanada stockt sein Kontingent in Lettland deutlich auf.")
    assert ("CAN", "LVA", "military_support") in rels
    assert not relations("Italien stockt seinen Verteidigungshaushalt auf, Spanien ebenso.")


def test_aims_and_readiness_hedge():
    rels = relations("Armenien strebt eine Normalisierung der Beziehungen zur Türkei an.")
    assert flags(rels[("ARM", "TUR", "diplomatic_relations")]) == (False, True)
    rels = relations("Caracas signalisierte Bereitschaft zu Gesprächen mit Washington.")
    assert all(r.hedged for r in rels.values()) and rels


# -- leaders of recent news stand for their states ----------------------------------------------------------


def test_recent_leaders_stand_for_their_states():
    rels = relations("Merz sicherte Tusk Unterstützung beim Schutz der Ostgrenze zu.")
    assert ("DEU", "POL", "support") in rels or ("DEU", "POL", "diplomatic_support") in rels
    rels = relations("Vučić warf Kurti eine gezielte Provokation vor.")
    assert ("SRB", "XKX", "criticism") in rels


def test_leader_after_a_capital_as_place_is_the_counterpart():
    rels = relations("Sikorski traf in Kiew seinen Amtskollegen Sybiha.")
    assert ("POL", "UKR", "negotiation") in rels or ("UKR", "POL", "negotiation") in rels


# -- bundles of a relation ("Sanktionspaket", "Unterstützungspaket"); talks concluded took place ----------


def test_package_and_round_of_sanctions():
    rels = relations("Kanada verabschiedete ein weiteres Sanktionspaket gegen Belarus.")
    assert ("CAN", "BLR", "sanctions") in rels
    rels = relations("Australien kündigte ein Waffenpaket für die Ukraine an.")
    assert ("AUS", "UKR", "military_support") in rels


def test_concluded_round_of_talks_is_no_denial_but_ended_cooperation_is():
    rels = relations("Armenien und Aserbaidschan beendeten in Abu Dhabi eine weitere Verhandlungsrunde.")
    assert flags(rels[("ARM", "AZE", "negotiation")]) == (False, False)
    rels = relations("Niger beendete die militärische Zusammenarbeit mit Frankreich.")
    assert all(r.negated for r in rels.values()) and rels



# -- support of a state's plan or position is support of that state ----------------------------------------


def test_support_of_a_states_plan_goes_to_its_owner_not_its_topic():
    rels = relations("Spanien hat den Friedensvorschlag Ägyptens für den Gazastreifen ausdrücklich unterstützt.")
    assert ("ESP", "EGY", "diplomatic_support") in rels
    rels = relations("Der Autonomieplan Marokkos für die Westsahara wird inzwischen auch von Kenia unterstützt.")
    assert ("KEN", "MAR", "diplomatic_support") in rels
    assert not any("ESH" in (s, t) for s, t, _ in rels)


# -- the verb's object outside a phrase of cause --------------------------------------------------------------


def test_object_criticised_outside_a_cause_phrase():
    rels = relations("Peking hat Tschechien wegen des Besuchs einer taiwanischen Delegation in Prag heftig kritisiert.")
    assert ("CHN", "CZE", "criticism") in rels
    assert ("CHN", "TWN", "criticism") not in rels


# -- shutting borders and freezing assets ----------------------------------------------------------------------


def test_border_shut_to_a_state_is_sanctions():
    rels = relations("Estland schloss am Montag seine Grenze zu Russland.")
    assert ("EST", "RUS", "sanctions") in rels
    rels = relations("Litauen riegelte zwei Grenzübergänge nach Belarus ab.") or \
        relations("Litauen riegelte die Grenze zu Belarus ab.")
    assert ("LTU", "BLR", "sanctions") in rels


def test_assets_frozen_are_sanctions_but_a_treaty_closed_is_none():
    rels = relations("Die Schweiz fror die Guthaben russischer Geschäftsleute ein.")
    assert ("CHE", "RUS", "sanctions") in rels
    rels = relations("Georgien und Armenien schlossen einen Vertrag über die gemeinsame Grenze.")
    assert not any(r.type == "sanctions" for r in rels.values())


# -- ruling out; a hedge as the clause's predicate; violence threatened is the threat -----------------------


def test_ruling_out_denies_and_not_ruling_out_hedges():
    rels = relations("Die Regierung in Seoul schloss Verhandlungen mit Nordkorea vorerst aus.")
    assert flags(rels[("KOR", "PRK", "negotiation")]) == (True, False)
    rels = relations("Frankreich schließt Luftschläge gegen Syrien nicht aus.")
    assert flags(rels[("FRA", "SYR", "attack")]) == (False, True)


def test_hedge_as_predicate_of_the_clause():
    rels = relations("Ein türkischer Einmarsch in Nordsyrien gilt in Ankara inzwischen als wahrscheinlich.")
    assert flags(rels[("TUR", "SYR", "attack")]) == (False, True)


def test_violence_threatened_is_only_the_threat():
    rels = relations("Teheran drohte Riad mit einem Militärschlag.")
    assert set(rels) == {("IRN", "SAU", "threat")}


# -- a deal; a state compounded to a plan is its theme; where another state's attack takes place --------------


def test_a_deal_between_states_is_an_agreement():
    rels = relations("Der Rohstoffdeal zwischen Washington und Kiew wurde am Freitag unterzeichnet.")
    assert ("UKR", "USA", "agreement") in rels or ("USA", "UKR", "agreement") in rels


def test_plans_about_a_state_are_no_cooperation_with_it():
    rels = relations("Kanada reagiert gelassen auf Trumps Grönland-Pläne.")
    assert not any(r.type == "cooperation" for r in rels.values())


def test_place_of_a_foreign_states_attack_is_the_state_attacked():
    rels = relations("Die israelischen Luftangriffe im Libanon gingen auch am Sonntag weiter.")
    assert ("ISR", "LBN", "attack") in rels


# -- leaders' names the tagger calls nouns; an embassy reopened ------------------------------------------------


def test_leader_tagged_as_noun_stands_for_the_state():
    rels = relations("Wadephul telefonierte am Abend mit Meloni.")
    assert ("DEU", "ITA", "negotiation") in rels or ("ITA", "DEU", "negotiation") in rels


def test_embassy_reopened_is_diplomatic_relations():
    rels = relations("Italien hat seine Botschaft in Damaskus wiedereröffnet.")
    assert ("ITA", "SYR", "diplomatic_relations") in rels or ("SYR", "ITA", "diplomatic_relations") in rels


# -- a state of conflict exists whatever the modal; sinking a ship ----------------------------------------------


def test_modal_does_not_hedge_a_conflict_the_states_are_in():
    rels = relations("Die Philippinen könnten im Streit mit China auf amerikanische Hilfe hoffen, sagte ein Diplomat.")
    assert flags(rels[("CHN", "PHL", "tension")]) == (False, False)


def test_sinking_a_ship_is_an_attack():
    rels = relations("Die ukrainische Marine versenkte ein russisches Landungsschiff.")
    assert ("UKR", "RUS", "attack") in rels


# -- what a state is seen as ("sieht in X einen Partner") ---------------------------------------------------------


def test_state_seen_as_partner_or_threat():
    rels = relations("Australien sieht in Japan seinen engsten Partner in der Region.")
    assert ("AUS", "JPN", "cooperation") in rels
    rels = relations("Litauen sieht in Russland eine wachsende Bedrohung.")
    assert ("RUS", "LTU", "threat") in rels


def test_war_alleged_in_an_accusation_is_hedged():
    rels = relations("Somalia wirft Äthiopien vor, einen verdeckten Krieg gegen das Land vorzubereiten.")
    assert flags(rels[("ETH", "SOM", "armed_conflict")]) == (False, True)


# -- calling a state names (frame label) ----------------------------------------------------------------------------


def test_calling_a_state_names_is_criticism():
    rels = relations("Der estnische Außenminister nannte Russland einen Schurkenstaat.")
    assert ("EST", "RUS", "criticism") in rels
    rels = relations("Teheran bezeichnete Israel als größte Gefahr für die Region.")
    assert ("IRN", "ISR", "criticism") in rels


def test_dispute_of_the_state_stood_by():
    rels = relations("Paris stellte sich im Streit mit der Türkei demonstrativ hinter Griechenland.")
    assert ("FRA", "GRC", "diplomatic_support") in rels
    assert ("GRC", "TUR", "tension") in rels and ("FRA", "TUR", "tension") not in rels


def test_dispute_conceded_is_between_the_cooperating_states():
    rels = relations("Griechenland und die Türkei vertiefen ihre Handelsbeziehungen trotz des Streits um die Ägäis.")
    assert ("GRC", "TUR", "tension") in rels
