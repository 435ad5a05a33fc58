"""Country relations, recall round 8 (invented sentences): a compound adjective whose hyphen a tokenised
corpus sets apart, a directed cue noun aimed at the state of its `to` phrase elsewhere in the clause, and
an act in a state's favour (word class `favour` of relation_syntax.tsv)."""

from tests.extract.sentences import flagged, pairs, relations


def test_spaced_compound_adjective_names_two_states():
    assert (frozenset(("DEU", "FRA")), "military_cooperation") in pairs(
        "Die deutsch - französische Brigade übte im Schwarzwald.")
    assert (frozenset(("DEU", "USA")), "military_cooperation") in pairs(
        "Die Technik wurde im deutsch - amerikanischen Kampfpanzer erprobt.")
    assert (frozenset(("ISR", "DEU")), "diplomatic_relations") in pairs(
        "Die deutsch - israelischen Beziehungen wurden 1965 aufgenommen.")


def test_a_dash_between_a_bare_adjective_and_a_country_adjective_is_no_compound():
    # an en dash sets an aside apart, not the parts of one word
    assert not pairs("Sie sprach deutsch – französische Brigaden übten im Schwarzwald.")
    assert not pairs("Die Brigade sprach deutsch - und französische Soldaten übten mit.")


def test_directed_cue_noun_aimed_at_the_state_of_its_to_phrase():
    assert (frozenset(("RUS", "GBR")), "tension") in pairs("In Großbritannien sind zahlreiche russische Geheimdienstmitarbeiter aktiv.")
    assert (frozenset(("RUS", "DEU")), "tension") in pairs("Nach Angaben der Polizei sind in Deutschland russische Geheimdienstler tätig.")
    assert ("RUS", "SYR", "military_support") in relations("In Syrien ist die Entsendung russischer Truppen umstritten.")


def test_a_place_is_no_partner_of_a_cue_without_its_preposition_or_of_trade():
    assert not pairs("In Deutschland stieg der Export russischer Waren.")
    assert not pairs("In Frankreich wurde die Kritik am russischen Präsidenten lauter.")


def test_favour_words_come_from_the_lexicon():
    assert ("FRA", "ESP", "diplomatic_support", False, False) in flagged(
        "Frankreich verzichtete zu Gunsten Spaniens auf die Insel.")
    assert not relations("Frankreich verzichtete zu Ungunsten Spaniens auf die Insel.")


def test_a_country_name_broken_by_ocr_is_found():
    assert (frozenset(("FRA", "DEU")), "armed_conflict") in pairs("Frank reich erklärte Deutsch land den Krieg.")
    assert ("AUT", "SRB", "attack") in relations("Die Truppen Oester reichs griffen Ser bien an.")


def test_two_words_are_no_broken_country_name():
    # a capitalised second part is a word of its own: the name of a person, not France
    assert not pairs("Der Journalist Frank Reich kritisierte Italien.")


def test_a_cue_word_broken_by_ocr_is_read_whole():
    assert (frozenset(("ITA", "AUT")), "negotiation") in pairs("Italien eröffnete Verhandlun gen mit Oesterreich.")
    assert (frozenset(("ITA", "AUT")), "agreement") in pairs("Italien schloss mit Oesterreich einen Ver trag.")


def test_two_words_are_no_broken_cue_word():
    # the cue must open the joined word ("Krankenhaus behandelt" holds no "Handel"), a function word is whole
    assert not pairs("Im Krankenhaus behandelt man Soldaten aus Polen und aus Italien.")
    assert not pairs("Ein führender Politiker aus Frankreich besuchte eine Messe in Italien.")


def test_forcing_a_state_to_an_act_is_a_demand_and_hedges_it():
    rels = flagged("Die Union will Serbien zur Anerkennung des Kosovos zwingen.")
    assert {(frozenset((a, b)), t, n, h) for a, b, t, n, h in rels} == {
        (frozenset(("SRB", "XKX")), "diplomatic_support", False, True)}
    # the past reports the act done: not hedged
    rels = flagged("Die Union zwang Serbien zur Anerkennung des Kosovos.")
    assert all(not h for _a, _b, _t, _n, h in rels)


def test_an_adjective_on_an_object_receives_no_support_named_by_its_giver_alone():
    # the men push back the French influence; Italy's support goes to no state named
    assert not pairs("Die Agenten suchten den französischen Einfluss zugunsten einer Unterstützung seitens Italiens zurückzudrängen.")
    # a subject's state still receives it ("Japan hofft auf Unterstützung der USA")
    assert (frozenset(("JPN", "USA")), "support") in pairs("Das japanische Volk hofft auf Unterstützung der USA.")


def test_a_joint_administration_of_two_states_is_cooperation():
    assert (frozenset(("FRA", "BEL")), "cooperation") in pairs("Die französisch-belgische Regie übernahm die Eisenbahnen.")
    assert (frozenset(("GBR", "EGY")), "cooperation") in pairs("Die britisch-ägyptische Verwaltung endete 1956.")


def test_an_administration_without_a_compound_adjective_is_no_cue():
    assert not pairs("Die Verwaltung in Frankreich und die Verwaltung in Belgien arbeiten langsam.")
    assert not pairs("Die französische Regie des Films lobte belgische Schauspieler.")


def test_a_cue_in_old_spelling_is_read_in_modern_spelling():
    assert (frozenset(("GRC", "TUR")), "armed_conflict") in pairs(
        "Es kam zu einem Conflicte zwischen den griechischen und den türkischen Truppen.")
    assert (frozenset(("AUT", "RUS")), "alliance") in pairs("Oesterreich schloß ein Bündniß mit Rußland.")
    assert ("FRA", "GBR", "agreement") in relations("Das Uebereinkommen zwischen Frankreich und England wurde unterzeichnet.") | {
        (b, a, t) for a, b, t in relations("Das Uebereinkommen zwischen Frankreich und England wurde unterzeichnet.")}


def test_old_spelling_rules_make_no_cue_of_other_words():
    # "Thema" read as "Tema", "Computer" as "Komputer": no cue either way
    assert not pairs("Das Thema des Computers aus Frankreich interessierte Kunden in Italien.")


def test_hostility_and_agitation_against_a_state_are_tension():
    assert (frozenset(("RUS", "UKR")), "tension") in pairs("Russland verhält sich feindselig gegenüber der Ukraine.")
    assert (frozenset(("RUS", "UKR")), "tension") in pairs("Die Hetze Russlands gegen die Ukraine nimmt zu.")


def test_agitation_against_people_in_a_state_is_no_relation():
    assert not pairs("Die Hetze gegen Flüchtlinge aus Syrien nahm in Polen zu.")


def test_a_governing_word_broken_by_ocr_is_read_whole():
    rels = flagged("Polen ist an der Besserung seiner Beziehungen zu Russland sehr inter essiert.")
    assert {(frozenset((a, b)), h) for a, b, _t, _n, h in rels} == {(frozenset(("POL", "RUS")), True)}


def test_a_broken_word_of_no_class_changes_nothing():
    rels = flagged("Polen hat die Besserung seiner Beziehungen zu Russland inter national gefeiert.")
    assert {(frozenset((a, b)), h) for a, b, _t, _n, h in rels} == {(frozenset(("POL", "RUS")), False)}


def test_a_verb_closing_its_conjunct_leaves_the_cue_noun_after_und_to_the_subject():
    assert ("ARG", "ITA", "cooperation") in relations(
        "Das Gericht Argentiniens hat den Antrag geprüft und so den Weg für die Auslieferung nach Italien frei gemacht.")


def test_two_verbs_of_one_object_keep_the_cue_noun_as_their_object():
    # the subject criticises and examines the deliveries; it delivers nothing itself
    assert not pairs("Polen kritisierte und prüfte die Lieferungen nach Russland.")


def test_supporting_the_independence_of_the_people_in_a_state_supports_that_state():
    assert ("USA", "XKX", "support") in relations(
        "Die Vereinigten Staaten unterstützen die Unabhängigkeitsbestrebungen der Mehrheit im Kosovo.")


def test_supporting_people_in_a_state_is_no_support_of_the_state():
    assert not pairs("Frankreich unterstützt die Bauern in der Ukraine.")
    assert not pairs("Frankreich unterstützt die Rebellen in Syrien.")


def test_a_quotation_mark_closing_a_cue_noun_keeps_its_partner():
    assert (frozenset(("ITA", "GBR")), "economic_cooperation") in pairs("Die italienische „Schuld“ an England wurde bezahlt.")
    assert ("RUS", "UKR", "attack") in relations("Die russischen „Angriffe“ auf die Ukraine gehen weiter.")


def test_a_quoted_debt_with_no_state_after_it_is_blame():
    assert not pairs("Die „Schuld“ an dem Anschlag gab Italien den Briten.")


def test_a_language_tag_in_brackets_is_no_state():
    assert not pairs("Die Firma unterzeichnet eine Vereinbarung für Taiwan (deutsch)")
    assert not pairs("Pressemitteilung: Vertrag mit Japan unterzeichnet (englisch).")


def test_a_state_named_in_brackets_still_counts():
    assert (frozenset(("FRA", "TWN")), "agreement") in pairs("Frankreich unterzeichnet ein Abkommen mit Taiwan (Republik China).")
    assert (frozenset(("FRA", "JPN")), "agreement") in pairs("Paris (Frankreich) unterzeichnet ein Abkommen mit japanischen Diplomaten.")


def test_a_country_adjective_before_a_company_name_names_no_state():
    assert not pairs("Eine Kooperation des französischen Crédit Agricole mit Italien wurde vereinbart.")


def test_a_country_adjective_before_a_states_armed_force_still_names_the_state():
    assert (frozenset(("DEU", "LTU")), "cooperation") in pairs("Die Zusammenarbeit der deutschen Bundeswehr mit Litauen wurde vertieft.")


def test_a_visit_in_a_state_is_a_visit_to_it():
    assert (frozenset(("TUR", "IRN")), "diplomatic_relations") in pairs(
        "Das sei rechtens, sagte Erdogan am Samstag während eines Staatsbesuchs im Iran.")


def test_a_visit_by_no_state_in_a_state_relates_no_states():
    assert not pairs("Beim Besuch des Papstes in Polen kritisierte Russland die Nato.")


def test_contradicting_a_state_is_criticism():
    assert ("CHN", "USA", "criticism") in relations("China widersprach den Vereinigten Staaten.")


def test_denying_a_fact_about_a_state_is_no_criticism_of_it():
    # "bestreiten" denies a proposition: the state named in it made no claim
    assert not pairs("Russland hat die Anwesenheit nordkoreanischer Truppen nicht bestritten.")
    assert not pairs("Der Sprecher widersprach, in Frankreich gewesen zu sein, und reiste nach Italien.")


def test_a_cue_noun_in_brackets_after_a_state_is_said_of_it():
    assert ("ISR", "SYR", "attack") in relations("Die Hilfe ging an Syrien (nach einem Angriff durch Israel).")


def test_a_bracketed_cue_after_no_state_takes_no_partner_from_outside():
    assert not pairs("Die Hilfe aus Frankreich ging an die Bauern (nach einem Angriff durch Israel).")
