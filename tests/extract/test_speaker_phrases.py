"""Speaker phrases (kg.extract.speakers) and subjects (kg.extract.attribution) on invented sentences."""

from kg.build import extract_text


def statements(text):
    return extract_text(text, "t").statements


def direct(text):
    sts = [s for s in statements(text) if s.direct]
    assert len(sts) == 1, [(s.speaker_mention.text, s.quote) for s in sts]
    return sts[0]


def test_name_before_a_hyphenated_role():
    st = direct("Nordlicht Energy-Sprecher Malte Brenner erklärte: „Die Anlage läuft wieder.“")
    assert st.speaker_mention.text == "Malte Brenner" and st.role == "Sprecher"


def test_hyphenated_adjective_and_number_before_the_head():
    st = direct("„Wir bleiben hier“, sagte die 63-jährige Anwohnerin.")
    assert st.speaker_mention.text == "die 63-jährige Anwohnerin"


def test_object_first_then_the_named_speaker():
    st = direct("Der örtlichen Zeitung sagte Karl Simonsen: „Ich habe nichts gesehen.“")
    assert st.speaker_id == "person/karl-simonsen"


def test_apposition_with_quoted_name_between_subject_and_verb():
    st = direct("Ida Falk, eine Vertreterin des Vereins „Grüne Wiese“ (GW), kommentierte den Plan so: "
                "„Das ist ein schlechter Tag für die Stadt.“")
    assert st.speaker_id == "person/ida-falk"


def test_role_with_genitive_before_the_name():
    st = direct("Der Sprecher des Hilfswerks, Tomas Berg, sagte: „Wir brauchen mehr Lastwagen.“")
    assert st.speaker_id == "person/tomas-berg"


def test_reflexive_before_an_inverted_subject():
    st = direct("Ähnlich äußerte sich der Bürgermeister Jan Olsen: „Die Stadt ist vorbereitet.“")
    assert st.speaker_id == "person/jan-olsen"


def test_particle_name_at_the_start_of_a_sentence():
    text = ("Die Ministerin Anna von der Heide besuchte die Schule. "
            "Von der Heide sagte: „Wir werden die Schule sanieren.“")
    st = direct(text)
    assert st.speaker_id == "person/anna-von-der-heide" and st.speaker_mention.text == "Von der Heide"
