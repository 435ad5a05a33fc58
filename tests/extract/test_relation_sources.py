"""Country relations: words that name a country but no party (datelines, parts of other names), cue
words that name no relation between states, and cues that are someone else's act (invented sentences)."""

from kg.build import extract_text


def relations(text):
    return {(r.source_id[8:], r.target_id[8:], r.type) for r in extract_text(text, "t").relations}


def test_dateline_capital_is_no_party():
    assert not relations("Rom dpa Eine Zusammenarbeit mit der libyschen Küstenwache wird geprüft.")
    assert not relations("Madrid (AFP) Ein Abkommen mit der marokkanischen Küstenwache wird vorbereitet.")


def test_capital_as_subject_is_still_a_state():
    assert ("FRA", "LBY", "criticism") in relations("Paris kritisierte die libysche Regierung scharf.")


def test_civil_war_is_no_war_between_states():
    assert not relations("Im Libanesischen Bürgerkrieg kämpften auch palästinensische Einheiten.") & {
        ("LBN", "PSE", "armed_conflict"), ("PSE", "LBN", "armed_conflict")}
    assert not relations("Ein polnischer Arzt arbeitete im Syrischen Bürgerkrieg in einem Lazarett.")


def test_criticism_in_a_phrase_of_cause_is_not_the_subjects_act():
    rels = relations("Mexiko und Peru verließen die Sitzung wegen der harten Kritik an Kolumbien.")
    assert not any(t == "COL" and s in ("MEX", "PER") and typ == "criticism" for s, t, typ in rels)
    assert ("MEX", "COL", "criticism") in relations("Mexiko übte harte Kritik an Kolumbien.")


def test_country_word_inside_another_name_is_no_country():
    assert not relations("Im Krieg gerieten auch Wake und Jarvis Island unter japanische Angriffe.")


def test_groups_of_a_nationality_are_no_state():
    assert not relations("Die Zusammenarbeit französischer Gruppen mit belgischen Gruppen wuchs.")


def test_a_date_before_a_country_is_no_appositive_head():
    # "am Dienstag" dates the visit; it does not make Tunisia a place
    assert ("ITA", "TUN", "diplomatic_relations") in relations("Die italienische Ministerin besuchte am Dienstag Tunesien.") \
        or ("TUN", "ITA", "diplomatic_relations") in relations("Die italienische Ministerin besuchte am Dienstag Tunesien.")
    assert ("LVA", "RUS", "criticism") in relations("Lettland verurteilte am Montagabend Russland.")


def test_capital_of_a_smaller_state_is_its_government():
    assert ("CHN", "PHL", "criticism") in relations("Peking hat Manila vorgeworfen, Fischer festgenommen zu haben.")


def test_organisation_in_a_compound_names_the_actor():
    # the aid is the EU's: the clause's subject neither gives nor receives it
    assert not relations("Ungarn blockiert weiterhin die EU-Hilfen für die Ukraine.")
    assert ("RUS", "CUB", "sanctions") not in relations("Russland kritisiert die UN-Sanktionen gegen Kuba.")


def test_quarrel_and_reception_verbs():
    rels = relations("Griechenland und die Türkei streiten über Inseln in der Ägäis.")
    assert ("GRC", "TUR", "tension") in rels or ("TUR", "GRC", "tension") in rels
    rels = relations("Der Präsident Kenias empfing den äthiopischen Regierungschef in Nairobi.")
    assert {"KEN", "ETH"} in [{s, t} for s, t, typ in rels if typ == "diplomatic_relations"]
