"""Country relations: common phrasings of international news that the earlier cue lists did not name
(fifth round) — joint units of two states, prisoner exchanges and releases, demands phrased as an
obligation, states acting on each other, meetings, arms sales, occupation (invented sentences)."""

from .sentences import flagged, pairs, relations


def test_joint_unit_after_a_compound_adjective_of_two_states():
    assert (frozenset(("DEU", "FRA")), "military_cooperation") in pairs("Die deutsch-französische Brigade wurde 1989 gegründet.")
    assert (frozenset(("DEU", "POL")), "cooperation") in pairs("Die deutsch-polnische Kommission tagte in Warschau.")
    # without the compound adjective the noun is no cue, and a border is no joint product
    assert not pairs("Die französische Brigade und deutsche Panzer standen in Litauen.")
    assert not pairs("Die deutsch-französische Grenze ist offen.")


def test_prisoner_exchange_and_release_are_deals():
    assert (frozenset(("RUS", "UKR")), "agreement") in pairs("Russland und die Ukraine tauschten Gefangene aus.")
    assert ("RUS", "USA", "agreement") in {(a, b, t) for a, b, t in relations("Russland ließ den US-Journalisten frei.")} | \
        {(b, a, t) for a, b, t in relations("Russland ließ den US-Journalisten frei.")}


def test_headline_and_reported_obligation_are_demands():
    assert ("USA", "TUR", "criticism") in relations("USA: Türkei muss Angriffe auf Kurden stoppen")
    assert ("RUS", "UKR", "criticism") in relations("Russland erklärte, die Ukraine müsse ihre Truppen abziehen.")
    # an obligation with no demanding state is none
    assert not relations("Die Ukraine muss nach Ansicht von Experten mehr Waffen aus Deutschland bekommen.")


def test_demands_with_verlangen_and_fordern_von():
    assert ("USA", "CHN", "criticism") in relations("Die USA verlangen von China mehr Transparenz.")
    assert ("TUR", "DEU", "criticism") in relations("Die Türkei fordert von Deutschland die Auslieferung mutmaßlicher Putschisten.")


def test_states_acting_on_each_other():
    assert (frozenset(("IND", "PAK")), "armed_conflict") in pairs("Indien und Pakistan lieferten sich an der Grenze Gefechte.")
    rels = relations("China und die USA beschuldigen sich gegenseitig.")
    assert {("CHN", "USA", "criticism"), ("USA", "CHN", "criticism")} <= rels
    # a hostile noun of a coordinated subject without "sich"/"gegenseitig" joins no sides
    assert not any(t == "military_cooperation" for _, t in pairs("Armenien und Aserbaidschan warfen einander Angriffe vor."))


def test_meetings_and_calls_need_their_partner():
    assert (frozenset(("CHN", "RUS")), "negotiation") in pairs(
        "Bei einem Treffen mit seinem russischen Amtskollegen lobte der chinesische Außenminister die Zusammenarbeit.")
    assert not any(t == "negotiation" for _, t in pairs(
        "Die Ansichten des Gastgebers des Treffens, des venezolanischen Präsidenten, und dessen brasilianischen Amtskollegen gingen auseinander."))


def test_state_visit_to_a_state():
    assert (frozenset(("FRA", "CHN")), "diplomatic_relations") in pairs(
        "Der französische Präsident reiste zu einem Staatsbesuch nach China.")


def test_arms_sales_and_their_stop():
    assert ("USA", "TWN", "military_support") in relations("Die USA verkaufen Taiwan Kampfflugzeuge.")
    assert ("DEU", "SAU", "sanctions") in relations("Deutschland stoppte die Rüstungsexporte nach Saudi-Arabien.")


def test_occupation_defeat_and_missiles_striking():
    assert ("RUS", "UKR", "attack") in relations("Die russische Okkupation der Ukraine dauert an.")
    assert (frozenset(("JPN", "RUS")), "armed_conflict") in pairs("Japan besiegte Russland 1905.")
    assert ("RUS", "UKR", "attack") in relations("Russische Raketen schlugen in Kiew ein.")
    assert ("RUS", "GEO", "attack") in relations("Russische Truppen drangen 2008 nach Georgien vor.")


def test_relation_noun_verhaeltnis():
    assert (frozenset(("DEU", "FRA")), "diplomatic_relations") in pairs("Das deutsch-französische Verhältnis gilt als eng.") or \
        (frozenset(("DEU", "FRA")), "cooperation") in pairs("Das deutsch-französische Verhältnis gilt als eng.")
    assert (frozenset(("RUS", "USA")), "tension") in pairs("Das Verhältnis zwischen Washington und Moskau ist angespannt.")


def test_a_states_report_is_no_party():
    # "nach Angaben eines venezolanischen Beamten": the source, not a party of the release
    assert not pairs("Ein Richter in Brasilien hat nach Angaben eines venezolanischen Beamten die Freilassung "
                     "von drei brasilianischen Goldsuchern angeordnet.")


def test_states_in_a_state_of_dispute_or_war():
    assert (frozenset(("FRA", "DZA")), "tension") in pairs("Frankreich und Algerien stehen im Streit um die Kolonialgeschichte.")
    assert (frozenset(("ARM", "AZE")), "armed_conflict") in pairs("Armenien und Aserbaidschan befinden sich seit Jahrzehnten im Konflikt.")


def test_german_federal_offices_stand_for_germany():
    assert ("DEU", "RUS", "sanctions") in relations(
        "Bundeswirtschaftsminister Meier hat einer Firma den Export von Maschinen nach Russland untersagt.")
    # in a sentence about Austria the "Bundeskanzler" is Austria's
    assert not any("DEU" in (s, t) for s, t, _ in relations("Der österreichische Bundeskanzler kritisierte Ungarn."))


def test_taking_back_migrants_and_receiving_from_a_state():
    assert ("GRC", "TUR", "cooperation", False, True) in flagged(
        "Die Türkei will Flüchtlinge ohne Bleiberecht aus Griechenland zurücknehmen.")
    assert ("DEU", "ISR", "support") in relations("Israel erhält von Deutschland neue Fregatten.") or \
        ("DEU", "ISR", "military_support") in relations("Israel erhält von Deutschland neue Fregatten.")


def test_taking_over_a_territory_is_a_conquest():
    assert ("GBR", "ESP", "attack") in relations("Die spanische Kolonie wurde 1763 von Großbritannien übernommen.")
    assert not relations("Frankreich übernahm von Deutschland die Präsidentschaft im Rat.")


def test_persuading_states_to_cooperate_is_a_hedged_cooperation():
    rels = flagged("Der Premier suchte die deutsche und die italienische Regierung zur Kooperation am Projekt zu bewegen.")
    assert ("DEU", "ITA", "cooperation", False, True) in rels


def test_targets_in_a_state_are_that_state_attacked():
    assert ("ISR", "IRN", "attack") in relations("Israel hat in der Nacht Ziele im Iran angegriffen.")
    assert ("ISR", "IRN", "attack") in relations("Israel flog Luftangriffe auf Stützpunkte im Iran.")
    # an owner between: the attack is on a group in the state, not on the state
    assert not relations("Die USA haben Stellungen der Huthi im Jemen bombardiert.")
    # a group firing from a state's territory does not make that state attack
    assert not relations("Die Miliz schoss vom Libanon aus 40 Raketen auf Ziele in Israel ab.")


def test_firing_at_a_state_and_expelling_diplomats():
    assert ("UKR", "RUS", "attack") in relations("Die Ukraine feuerte Drohnen auf Moskau ab.")
    assert ("RUS", "NOR", "sanctions") in relations("Russland hat zwei norwegische Diplomaten zu unerwünschten Personen erklärt.")


def test_trade_war_is_tension_not_fighting():
    assert (frozenset(("CHN", "USA")), "tension") in pairs("Im Handelskonflikt mit China erhöhen die USA die Zölle auf Stahl.")


def test_demand_in_a_quotation_of_a_state():
    assert ("DEU", "RUS", "criticism") in relations("„Russland muss diesen Krieg beenden“, sagte Bundeskanzler Meier.")
    assert ("FRA", "RUS", "criticism") in relations("Macron: Russland darf diesen Krieg nicht gewinnen")


def test_displeasure_low_points_and_sanction_lists():
    assert (frozenset(("ISR", "USA")), "tension") in pairs("Zwischen Israel und den USA wächst der Unmut.")
    assert (frozenset(("AUS", "CHN")), "tension") in pairs("Die Beziehungen zwischen Australien und China sind auf einem Tiefpunkt.")
    assert ("USA", "RUS", "sanctions") in relations("Die US-Regierung setzte mehrere russische Minister auf ihre Sanktionsliste.")


def test_in_richtung_is_a_direction():
    assert ("PRK", "KOR", "attack") in relations("Nordkorea hat erneut Raketen in Richtung Südkorea abgefeuert.")


def test_headline_speaker_is_no_party_of_the_verb_after_the_colon():
    rels = relations("USA: Iran soll Drohnen nach Venezuela geschickt haben")
    assert not any("USA" in (s, t) for s, t, _ in rels)  # "soll" reports, it demands nothing
    assert not relations("USA: Ukraine darf US-Waffen gegen Ziele in Weißrussland einsetzen")  # a permission


def test_hard_negatives_of_the_new_phrasings():
    assert not pairs("Im Verhältnis zu Frankreich ist Deutschland ein großes Land.")
    assert not pairs("Die deutsch-französische Schauspielerin lebt in Paris.")
    assert not pairs("Die deutsche Armee und die französische Armee sind unterschiedlich groß.")
    assert not pairs("Der französische Präsident traf sich in Berlin mit Vertretern der Wirtschaft.")


def test_criticism_of_another_states_act_aims_at_its_actor():
    assert ("DEU", "RUS", "criticism") in relations("Deutschland kritisierte die russischen Angriffe auf die Ukraine.")
    assert ("CHN", "USA", "criticism") in relations("China reagierte verärgert auf die US-Waffenlieferungen an Taiwan.")


def test_disappointment_distance_and_broken_relations():
    assert ("DEU", "USA", "criticism") in relations("Berlin zeigte sich enttäuscht über die Entscheidung Washingtons.")
    assert ("FRA", "RUS", "criticism") in relations("Frankreich distanzierte sich von Russland.")
    assert (frozenset(("ARG", "GBR")), "tension") in pairs("Argentinien brach die diplomatischen Beziehungen zu Großbritannien ab.")
    assert ("USA", "RUS", "sanctions") in relations("Die USA verhängten eine Einreisesperre gegen russische Oligarchen.")


def test_genitive_of_a_cue_inside_a_prepositional_phrase():
    assert (frozenset(("CHN", "IND")), "armed_conflict") in pairs(
        "Bei einem Zusammenstoß chinesischer und indischer Soldaten starben 20 Menschen.")
    assert ("DEU", "POL", "attack") in relations("Die polnische Armee verlor beim Überfall Deutschlands viele Flugzeuge.") or \
        (frozenset(("DEU", "POL")), "attack") in pairs("Die polnische Armee verlor beim Überfall Deutschlands viele Flugzeuge.")


def test_spies_in_a_state():
    assert (frozenset(("RUS", "GBR")), "tension") in pairs("Russische Geheimdienstmitarbeiter in Großbritannien wurden enttarnt.")


def test_blame_guest_and_purchases():
    assert ("IND", "PAK", "criticism") in relations("Neu-Delhi macht Islamabad für den Anschlag in Kaschmir verantwortlich.")
    assert not relations("Frankreich ist für die Sicherheit in Mali verantwortlich.")  # responsibility, no blame
    # a party's offshoot named by a country adjective is a group, no state
    assert not relations("Die Türkei macht die Partei und ihren syrischen Ableger für den Anschlag verantwortlich.")
    assert (frozenset(("CHN", "DEU")), "diplomatic_relations") in pairs("Der chinesische Regierungschef ist zu Gast in Berlin.")
    assert (frozenset(("TUR", "RUS")), "trade") in pairs("Die Türkei kauft große Mengen Öl aus Russland.")


def test_a_preposition_with_article_opens_the_cue_phrase_after_a_phrase_of_cause():
    # "trotz des Krieges" is the cause phrase, "an seinen Beziehungen zu Moskau" a phrase of its own
    assert (frozenset(("SRB", "RUS")), "cooperation") in pairs("Serbien hält trotz des Krieges an seinen engen Beziehungen zu Moskau fest.")


def test_what_is_negotiated_is_not_yet_agreed():
    rels = flagged("Russland und die Ukraine verhandeln in Istanbul über eine Waffenruhe.")
    assert ("RUS", "UKR", "agreement", False, True) in rels
    assert ("RUS", "UKR", "negotiation", False, False) in rels
    assert ("ARM", "AZE", "agreement", False, False) in flagged("Armenien und Aserbaidschan vereinbarten eine Waffenruhe.") or \
        ("AZE", "ARM", "agreement", False, False) in flagged("Armenien und Aserbaidschan vereinbarten eine Waffenruhe.")


def test_exercises_and_troops_at_a_states_border_threaten_it():
    assert ("CHN", "TWN", "threat") in relations("China hat rund um Taiwan großangelegte Militärmanöver abgehalten.")
    rels = relations("Die USA und Südkorea halten Manöver vor der Küste Nordkoreas ab.")
    assert {("USA", "PRK", "threat"), ("KOR", "PRK", "threat")} <= rels
    assert ("RUS", "UKR", "threat") in relations("Russland hat an der Grenze zur Ukraine 100.000 Soldaten zusammengezogen.")
    # a joint exercise on a host's territory threatens no one
    assert not any(t == "threat" for _, _, t in relations("Deutschland und Frankreich hielten in Polen ein gemeinsames Manöver ab."))


def test_terminated_and_suspended_relations_are_denied():
    assert ("RUS", "USA", "agreement", True, False) in flagged("Die USA haben das Abrüstungsabkommen mit Russland aufgekündigt.")
    assert ("SRB", "XKX", "negotiation", True, False) in flagged("Die Gespräche zwischen Serbien und dem Kosovo wurden ausgesetzt.")


def test_intrusion_airports_and_training_forces():
    assert ("RUS", "UKR", "attack") in relations("Russische Truppen sind in die Ukraine eingedrungen.")
    assert ("ISR", "SYR", "attack") in relations("Israelische Kampfjets griffen den Flughafen von Damaskus an.")
    assert ("USA", "IRQ", "military_support") in relations("Die USA bilden irakische Soldaten aus.")
    assert not relations("Deutschland bildet Ärzte aus Syrien aus.")


def test_suppliers_restrictions_transit_and_debt_relief():
    assert (frozenset(("DEU", "NOR")), "trade") in pairs("Norwegen ist Deutschlands wichtigster Gaslieferant.")
    assert ("USA", "CHN", "sanctions") in relations("Die USA beschränken den Export von Hochleistungschips nach China.")
    assert ("UKR", "RUS", "sanctions") in relations("Die Ukraine hat den Gastransit für Russland gestoppt.")
    assert ("CHN", "ZMB", "aid") in relations("China gewährt Sambia einen Schuldenerlass.")
    assert not pairs("Ein spanischer Lieferant beliefert Kunden in Frankreich.")


def test_a_persons_two_nationalities_are_no_two_parties():
    assert not pairs("Die deutsch-amerikanische Journalistin wurde in Russland freigelassen.")


def test_a_number_before_an_article_ends_the_preposition_and_provision():
    assert ("ISR", "SYR", "attack") in relations("Israel hält seit 1967 die syrischen Golanhöhen besetzt.")
    assert ("USA", "UKR", "support") in relations("Die USA haben der Ukraine Patriot-Systeme zur Verfügung gestellt.")


def test_announced_acts_are_planned_and_announced_violence_a_threat():
    rels = flagged("Teheran kündigte Vergeltung für den israelischen Angriff an.")
    assert ("IRN", "ISR", "threat", False, False) in rels
    assert ("IRN", "ISR", "attack", False, True) in rels
    assert flagged("Die USA kündigten neue Militärhilfe für die Ukraine an.") == {("USA", "UKR", "military_support", False, True)}
