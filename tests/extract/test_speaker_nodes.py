"""The person and speaker nodes a reader sees (kg.extract.speakers, kg.extract.extract) on invented sentences."""

from kg.build import extract_text

from .sentences import one


def persons(text):
    return {e.label for e in extract_text(text, "t").entities.values() if e.type == "Person"}


def test_a_place_after_its_kind_is_no_person_node():
    assert persons("Der südliche Bundesstaat Quelparo ist ebenfalls von den Überschwemmungen betroffen.") == set()


def test_a_name_only_a_speaker_search_tried_is_no_node():
    assert persons("Auch der Fluss Tamberi ist über die Ufer getreten.") == set()


def test_a_date_is_no_person_node():
    assert persons("Ende Mai stehen in der Stadt Neuwahlen an. Die Partei erklärte, sie sei bereit.") == set()


def test_an_organisation_compound_is_a_group_not_a_person():
    assert one("Die Bundespolizei (BPol) erklärte, die Grenze bleibe geschlossen.").speaker_id == "group/bundespolizei"
    st = one("Der Landesapothekerverband Baden-Württemberg warnte, die Preise würden steigen.")
    assert st.speaker_id == "group/landesapothekerverband-baden-wurttemberg"


def test_an_organisation_of_a_place_is_named_by_both_words():
    st = one("„Die Preise werden steigen“, erklärte der Landesbauernverband Rheinland-Pfalz.")
    assert st.speaker_id == "group/landesbauernverband-rheinland-pfalz"


def test_a_broadcaster_in_the_genitive_is_a_group_without_role():
    st = one("Nach Angaben des Nachrichtensenders Radio Alpha wurden drei Menschen verletzt.")
    assert st.speaker_id == "group/radio-alpha" and st.role is None


def test_a_name_the_ner_missed_that_speaks_stays_a_person():
    st = one("Jutta Kremsbach, die neue Oberbürgermeisterin, zeigte sich erfreut: „Das ist ein großer Tag.“")
    assert st.speaker_id == "person/jutta-kremsbach"


def test_an_inflected_compound_role_is_labelled_in_the_nominative():
    st = one("Nach Einschätzung des Werft-Vorstandsvorsitzenden Arne Holmquist wurden die Bedingungen geändert.")
    assert st.speaker_id == "person/arne-holmquist" and st.role == "Werft-Vorstandsvorsitzender"


def test_a_role_inflected_like_an_adjective_takes_the_speakers_gender():
    assert one("Der Vorsitzende Bernd Kalthoff sagte: „Wir sind zufrieden.“").role == "Vorsitzender"
    assert one("Die Vorsitzende Hanna Kalthoff sagte: „Wir sind zufrieden.“").role == "Vorsitzende"
    assert one("Der Beamte Arvid Lunde sagte: „Wir sind zufrieden.“").role == "Beamter"
