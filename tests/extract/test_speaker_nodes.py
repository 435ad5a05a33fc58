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


def test_an_unnamed_representative_speaks_for_the_organisation_in_the_genitive():
    st = one("„Die Lage ist dramatisch“, sagte ein Vertreter der Vereinten Nationen.")
    assert st.speaker_id == "person/vertreter-org-un" and st.affiliation_id == "org/un" and st.role == "Vertreter"


def test_an_unlisted_role_keeps_the_name_glued_to_it():
    st = one("Die Lage sei ernst, sagte KFOR-Vertreter Lars Winther der Zeitung.")
    assert st.speaker_id == "person/lars-winther" and st.role == "KFOR-Vertreter"
    assert "KFOR-Vertreter" not in persons("Die Lage sei ernst, sagte KFOR-Vertreter Lars Winther der Zeitung.")


def test_a_spokesman_of_a_person_in_the_genitive_is_the_spokesman_not_the_person():
    text = "Jana Kowalczyk reiste nach Prag. Ein Sprecher Kowalczyks sagte, die Ministerin sei zufrieden."
    st = one(text)
    assert st.speaker_id == "person/sprecher-person-jana-kowalczyk"
    assert st.affiliation_id == "person/jana-kowalczyk" and st.role == "Sprecher"
    roles = {e.label: e.role for e in extract_text(text, "t").entities.values()}
    assert roles["Jana Kowalczyk"] is None  # (she is no spokeswoman)


def test_a_spokesman_of_a_person_named_only_in_the_genitive():
    st = one("Ein Sprecher Lindqvists sagte, der Minister sei zufrieden.")
    assert st.affiliation_id == "person/lindqvist" and st.speaker_id == "person/sprecher-person-lindqvist"
    assert one("Ein Sprecher Obamas sagte, der Präsident sei zufrieden.").affiliation_id == "person/barack-obama"


def test_a_title_and_full_name_after_a_role_speak_without_a_closing_comma():
    st = one("„Die Lage ist ernst“, sagte der Oberkommandierende General der US-Streitkräfte im Irak, "
             "General Tom Fairley heute anlässlich einer Pressekonferenz.")
    assert st.speaker_id == "person/tom-fairley" and st.affiliation_id == "country/USA"


def test_a_couple_sharing_a_surname_speaks_as_a_group_of_two_persons():
    text = "„Wir sind sehr traurig“, sagten Hanna und Lukas Bremer."
    st = one(text)
    assert st.speaker_id == "group/hanna-und-lukas-bremer"
    assert {"Hanna Bremer", "Lukas Bremer"} <= persons(text)


def test_a_surname_coordinated_with_a_full_name_takes_no_other_surname():
    assert "Obama Biden" not in persons("Obama und Joe Biden sagten, sie seien zufrieden.")


def test_a_listed_surname_alone_is_the_same_node_in_every_article():
    a = one("Merkel sagte, die Regierung werde handeln.")
    b = one("Angela Merkel sagte, die Regierung werde handeln.")
    assert a.speaker_id == b.speaker_id == "person/angela-merkel"
    assert "Barack Obama" in persons("Barack Obamas Regierung sagte, sie werde handeln.")


def test_an_unlisted_surname_stays_as_written_father_and_son_are_not_listed():
    assert one("Bush sagte, die Regierung werde handeln.").speaker_id == "person/bush"


def test_a_name_glued_to_a_common_noun_is_no_person():
    text = "Die Sprecher beeilten sich zu erklären, die Lindqvist-Äußerungen stellten keinen Politikwechsel dar."
    assert not any("Äußerungen" in p for p in persons(text))


def test_a_role_after_a_name_is_no_part_of_it():
    assert "Peter Jonas" in persons("Drei werden Assistenten und Peter Jonas Professor.")


def test_a_working_group_is_no_person():
    assert persons("Der Arbeitskreis Zensurfreiheit hat am Donnerstag das Dokument veröffentlicht.") == set()


def test_a_name_after_a_role_in_the_genitive_is_that_roles_not_the_spokesmans():
    text = "„Wir prüfen das“, sagte ein Sprecher der EU-Medienkommissarin Hella Brandt."
    st = one(text)
    assert st.speaker_id == "person/sprecher-person-hella-brandt" and st.affiliation_id == "person/hella-brandt"
    roles = {e.label: e.role for e in extract_text(text, "t").entities.values()}
    assert roles["Hella Brandt"] == "Medienkommissarin"
    assert one("„Wir prüfen das“, sagte die Sprecherin des Senats Ina Wolf.").speaker_id == "person/ina-wolf"


def test_one_unnamed_employee_or_reporter_is_a_person_known_by_role():
    st = one("Viele Händler befänden sich unter den Opfern, so der UN-Mitarbeiter.")
    assert st.speaker_id == "person/mitarbeiter-org-un" and st.affiliation_id == "org/un"
    st = one("„Es war wie ein Güterzug“, beschreibt ein Reporter des Senders Radio Nord das Ereignis.")
    assert st.speaker_id == "person/t/reporter" and st.role == "Reporter"
    assert one("Die Mitarbeiter der Firma erklärten, sie seien überrascht.").speaker_id.startswith("group/t/")


def test_a_foreign_article_opens_the_name_after_a_kind_of_organisation():
    st = one("Nach einem Bericht der Zeitung The Jakarta Post gelang es ihm, auf das Dach zu steigen.")
    assert st.speaker_id == "group/the-jakarta-post"


def test_a_role_word_opening_an_organisations_name_makes_no_person():
    assert persons("Namentlich werden Northrop Grumman, General Dynamics, Lockheed Martin und Raytheon genannt.") == set()
