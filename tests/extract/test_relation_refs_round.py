"""Country relations, references round (invented sentences, none taken from the pools): states named without a
country word of the gazetteer — the adjective of a region ("ostukrainische"), the first conjunct of a truncated
coordination ("Nord- und Südkorea") and nouns that refer back to a state named before ("das Nachbarland", "das
Land", "das Königreich", "des Emirats") — and where such a noun is left alone."""

from kg.nlp import gazetteer, load
from kg.extract.entities import DocEntities
from kg.extract.relation_reading import Reading
from tests.extract.sentences import flagged, pairs, relations


def mentions(text):
    """(words, iso3, kind) of the country mentions the relation reader finds in `text`."""
    doc = load()(text)
    ents = DocEntities(doc, "t")
    return {(doc[m.start: m.end + 1].text, m.iso[8:], m.kind) for s in doc.sents for m in Reading(s, ents).mentions}


def test_the_adjective_of_a_region_names_its_state():
    assert (frozenset(("RUS", "UKR")), "attack") in pairs(
        "Bei einem russischen Raketenangriff auf die ostukrainische Stadt Charkiw wurden zwei Menschen getötet.")
    forms = gazetteer.countries()
    assert forms["SYR"]["forms"].get("nordsyrisch") == "compass_adj"
    assert "westindisch" not in forms["IND"]["forms"]  # the Indies, no part of India


def test_a_capitalised_region_adjective_is_a_name_of_its_own():
    # "im Südchinesischen Meer": a sea, no mention of China
    assert not any(iso == "CHN" and "Süd" in words for words, iso, _k in
                   mentions("Die Philippinen und Vietnam streiten mit China über Inseln im Südchinesischen Meer."))


def test_a_truncated_conjunct_names_a_state_of_its_own():
    assert ("Nord-", "PRK", "name") in mentions("Nord- und Südkorea trafen sich zu Gesprächen.")
    assert (frozenset(("KOR", "PRK")), "agreement") in pairs(
        "Nord- und Südkorea haben ein Abkommen über die Familienzusammenführung unterzeichnet.")


def test_the_neighbour_is_the_other_state():
    # ("nach armenischen Angaben" names the source: the neighbour is still Armenia)
    assert ("AZE", "ARM", "attack") in relations("Aserbaidschan hat nach armenischen Angaben Granaten auf das Nachbarland abgefeuert.")


def test_the_country_is_the_state_named_before_that_is_not_the_subject():
    assert ("NOR", "UKR", "aid", False, False) in flagged(
        "Norwegen liefert der Ukraine keine Panzer, unterstützt das Land aber mit humanitärer Hilfe.")


def test_a_kingdom_or_emirate_is_the_one_state_of_that_kind_named_before():
    assert (frozenset(("FRA", "SAU")), "aid") in pairs("Nach Gesprächen in Riad sagte Frankreich dem Königreich weitere Hilfe zu.")
    assert ("IRQ", "KWT", "criticism") in relations("Kuwait hat den Irak verklagt; Bagdad wies die Forderungen des Emirats zurück.")


def test_references_left_alone():
    # a name after the noun names the state itself
    assert not any(k == "anaphor" for _w, _i, k in mentions("Nigeria kappte die Stromlieferungen an das Nachbarland Niger."))
    # a "zu" clause's subject may be the object of the verb before: who wages war on whom is left open
    assert not any(k == "anaphor" for _w, _i, k in
                   mentions("Ecuador wirft Kolumbien vor, einen verdeckten Krieg gegen das Land zu führen."))
    # the part of a country where something happens
    assert not any(k == "anaphor" for _w, _i, k in mentions(
        "Japan schickt Helfer nach Indonesien, nachdem im Süden des Landes Kämpfe zwischen Armee und Rebellen ausgebrochen sind."))


def test_the_subject_after_its_verb_is_no_antecedent():
    # "ist Vietnam": the subject after the verb; the genitive "Chinas" is the one state left
    assert ("des Nachbarlandes", "CHN", "anaphor") in mentions(
        "Als Nachbar Chinas ist Vietnam von den Drohungen des Nachbarlandes betroffen.")


def test_the_taliban_government_is_afghanistan():
    assert ("CHN", "AFG", "diplomatic_support") in relations("China erkennt die Taliban-Regierung offiziell an.")


def test_a_capital_after_its_government_is_its_seat():
    # one party: the accused act of the "zu" clause is still read
    assert ("CHN", "USA", "attack", False, True) in flagged(
        "Die US-Regierung in Washington warf Peking vor, mit Cyberangriffen auf Washington die Souveränität der USA verletzt zu haben.")
    assert not any(w == "Kabul" for w, _i, _k in mentions("Die Taliban-Regierung in Kabul protestierte bei Pakistan."))


def test_a_list_of_states_does_not_end_the_clause_of_a_separated_particle():
    found = relations("Kanada rief seine Diplomaten aus Peking, Moskau und Teheran zurück.")
    assert {("CAN", "CHN", "sanctions"), ("CAN", "RUS", "sanctions"), ("CAN", "IRN", "sanctions")} <= found
    assert {frozenset(("AZE", "ARM")), frozenset(("TUR", "ARM"))} <= {p for p, t in pairs(
        "Im Herbst griffen Aserbaidschan, die Türkei und Pakistan gemeinsam Armenien an.") if t == "attack"}


def test_the_place_of_an_extended_attribute_is_not_the_adjectives():
    # "den in der Grenzregion stationierten russischen Soldaten": the soldiers are the accused, no place
    found = relations("Georgien warf den in der Grenzregion stationierten russischen Soldaten vor, nichts unternommen zu haben.")
    assert ("GEO", "RUS", "criticism") in found


def test_a_state_inside_a_phrase_before_the_subject_is_no_subject():
    # "Nach dem Eindringen belarussischer Hubschrauber": an attribute in a phrase of its own; Polen is the subject
    assert ("des Nachbarlandes", "BLR", "anaphor") in mentions(
        "Nach dem Eindringen belarussischer Hubschrauber hat Polen den Geschäftsträger des Nachbarlandes einbestellt.")


def test_a_noun_referring_back_is_its_clauses_subject_too():
    # "die Volksrepublik" leads its clause: "des Landes" is not China, and Peru leads the clause before
    found = mentions("Peru exportiert viel Kupfer nach China; die Volksrepublik ist der wichtigste Kunde des Landes.")
    assert ("die Volksrepublik", "CHN", "anaphor") in found
    assert not any(w == "des Landes" for w, _i, _k in found)


def test_training_forces_is_military_support():
    assert ("TUR", "SOM", "military_support") in relations("Die Türkei bildet seit Jahren somalische Soldaten aus.")
    assert ("CHN", "LAO", "military_support") in relations(
        "Chinesische Offiziere sind in Laos eingetroffen, um die Streitkräfte des Landes zu schulen.")


def test_a_relative_possessive_refers_back_like_a_noun():
    assert ("ESP", "MAR", "military_support") in relations(
        "Spanien unterhält enge Beziehungen zur Regierung in Marokko und bildet sogar deren Soldaten aus.")
    # in a relative clause the owner is the noun before the comma, here no state
    assert not any(k == "anaphor" for _w, _i, k in mentions(
        "Japan hat mit Indien ein Abkommen geschlossen, dessen Artikel 3 gemeinsame Manöver vorsieht."))
