"""Direct quotations attributed by frames of kg.extract.statements / attribution on invented German
sentences: "hieß es aus X", passive agents, "Name: „…“", "Darin heißt es", attribution in the
sentence after."""

from .sentences import one, said, statements


def test_hiess_es_aus_names_the_source():
    st = one("„Die Gespräche sind gescheitert“, hieß es aus dem Rathaus.")
    assert st.direct and st.speaker_mention.text == "dem Rathaus" and st.quote == "Die Gespräche sind gescheitert"


def test_passive_speech_verb_with_von_agent():
    assert said("Der Entwurf wurde von der Senatorin Julia Hahn als „völlig überzogen“ bezeichnet.") == ("Julia Hahn", "völlig überzogen")
    assert statements("Das Haus wurde von der Firma als „Schnäppchen“ verkauft.") == []
    assert statements("Der Entwurf wurde von Anfang an als „überzogen“ bezeichnet.") == []


def test_name_and_colon_introduce_a_quotation():
    st = one("Ina Kraus: „Wir bleiben hier.“")
    assert st.speaker_id == "person/ina-kraus" and st.quote == "Wir bleiben hier."
    assert statements("Verkehrspolitik: „Wir bleiben hier.“") == []


def test_darin_refers_to_the_document_before():
    sts = statements("Die Behörde gab am Dienstag eine Stellungnahme ab. Darin heißt es: „Wir bedauern den Fehler.“")
    assert [(s.speaker_mention.text, s.quote) for s in sts if s.direct] == [("eine Stellungnahme", "Wir bedauern den Fehler.")]
    st = one("Der Verein schrieb einen Brief an die Stadt. Darin steht: „Der Platz gehört allen.“")
    assert st.speaker_mention.text == "einen Brief"
    assert statements("Im Mittelpunkt steht die „Reform der Rente“.") == []


def test_attribution_in_the_next_sentence_takes_the_quotation():
    st = one("„Wir geben nicht auf.“ Das sagte die Trainerin Petra Busch am Sonntag.")
    assert st.direct and st.speaker_mention.text == "Petra Busch" and st.quote == "Wir geben nicht auf."


def test_next_sentence_attribution_wins_over_an_inherited_speaker():
    sts = statements("Der Minister Karl Roth sagte, die Lage sei ernst. Die Kosten seien hoch. Das teilte der Verband am Montag mit.")
    assert [(s.speaker_mention.text, s.quote) for s in sts] == [
        ("Karl Roth", "die Lage sei ernst"), ("der Verband", "Die Kosten seien hoch")]


def test_quoted_phrase_in_a_sentence_attributed_after_it():
    sts = statements("Wer keine „ergänzende Police“ hat, muss bis Juli wechseln. Dies gab der Verband der Apotheker bekannt.")
    assert sorted((s.direct, s.quote) for s in sts) == [
        (False, "Wer keine „ergänzende Police“ hat, muss bis Juli wechseln"), (True, "ergänzende Police")]
    assert {s.speaker_mention.text for s in sts} == {"der Verband der Apotheker"}


def test_plain_noun_phrase_with_a_coordinated_speech_verb():
    st = one("Am Abend zogen Demonstranten vor das Rathaus und skandierten „Wir bleiben hier“.")
    assert st.speaker_mention.text == "Demonstranten" and st.quote == "Wir bleiben hier" and st.cue == "skandierten"
    assert statements("Am Abend zogen Touristen vor das Rathaus und kauften „billige Andenken“.") == []


def test_sentence_opened_by_a_pronoun_continues_the_speaker_before():
    sts = statements("Die Sprecherin des Senats Ina Wolf erklärte, die Pläne seien kein Kurswechsel. "
                     "Sie stellten lediglich eine „Klarstellung“ dar.")
    assert [(s.direct, s.speaker_id, s.quote) for s in sts if s.direct] == [(True, "person/ina-wolf", "Klarstellung")]


def test_wording_noun_object_quotes_the_subjects_words():
    assert said("Die Ministerin Anna Roth verteidigte die Bezeichnung „Chaoten“, mit der sie die Besetzer beschrieben hatte.") == ("Anna Roth", "Chaoten")
    assert said("Am Abend zogen Studenten vor das Rathaus und skandierten Parolen wie „Freie Wahlen jetzt“.") == ("Studenten", "Freie Wahlen jetzt")
    assert statements("Die Reform ist unter dem Begriff „Bürgergeld“ bekannt.") == []  # after a preposition: a name


def test_bare_genitive_country_after_a_role():
    st = one("Der Innenminister Frankreichs, Nicolas Sarkozy, verteidigte die Bezeichnung „Gesindel“.")
    assert (st.speaker_mention.text, st.affiliation_id) == ("Nicolas Sarkozy", "country/FRA")
    assert one("Der Außenminister Russlands sagte: „Wir warten ab.“").affiliation_id == "country/RUS"


def test_relative_es_heisst_clause_names_the_source():
    assert said("Er griff damit den Tenor staatlicher Medien auf, in denen es zu den Protesten auch heißt, dass die Opposition nur ein „Papiertiger“ sei.", True) == ("staatlicher Medien", "Papiertiger")
    assert said("Die Partei veröffentlichte eine Erklärung, in der es heißt: „Wir lehnen den Vertrag ab.“", True) == ("Erklärung", "Wir lehnen den Vertrag ab.")


def test_passive_characterisation_in_the_media():
    assert said("In den Medien war der Verkauf schon als „Geschäft des Jahrhunderts“ bezeichnet worden.") == ("Medien", "Geschäft des Jahrhunderts")
    assert statements("Im Parlament wurde der Plan als „Weg in die Zukunft“ bezeichnet.") == []  # no document, no source
    assert statements("Der Film lief als „Bester Film des Jahres“ in den Kinos.") == []  # "als" without a speech verb: a title


def test_next_sentence_names_the_speaker_by_a_said_noun():
    assert said("Das neue Gesetz sollte „mehr Wohlstand für alle“ bringen. Von diesem Versprechen des früheren Kanzlers Karl Roth ist wenig geblieben.") == ("Karl Roth", "mehr Wohlstand für alle")
    assert said("Die Brücke sollte „ein Symbol der Einheit“ werden. Diese Worte der Bürgermeisterin Anna Berg hallen nach.") == ("Anna Berg", "ein Symbol der Einheit")
    assert statements("Die Brücke sollte „ein Symbol der Einheit“ werden. Dieser Plan der Stadt scheiterte.") == []


def test_quotation_in_a_relative_clause_is_said_by_its_antecedent():
    assert said("Anna Roth lobte die Studenten, die „Freiheit für alle“ forderten.") == ("die Studenten", "Freiheit für alle")
    assert said("Der Präsident unterstützt die Rhetorik des Verbands der Veteranen, die die Gefahr einer „Invasion unseres Landes“ beschwören.") == (
        "des Verbands der Veteranen", "Invasion unseres Landes")
    # the pronoun is an object: the relative clause's own subject speaks
    assert said("Anna Roth lobte den Plan, den sie als „großen Wurf“ bezeichnete.")[1] == "großen Wurf"
    assert one("Anna Roth lobte den Plan, den sie als „großen Wurf“ bezeichnete.").speaker_id == "person/anna-roth"


def test_source_phrase_before_a_quoted_term_wins_over_a_subject_that_does_not_speak():
    st = one("Er sitzt im Gefängnis, weil er sich nach Auffassung eines Gerichtes des „Aufrufs zu Subversion“ schuldig gemacht hat.", True)
    assert (st.speaker_mention.text, st.quote) == ("Gerichtes", "Aufrufs zu Subversion")
    assert said("Der Minister ist laut der Zeitung ein „Versager auf ganzer Linie“.", True) == ("der Zeitung", "Versager auf ganzer Linie")
    assert said("Der Minister sagte laut der Zeitung: „Ich trete zurück.“", True) == ("Der Minister", "Ich trete zurück.")
    assert statements("Die Reporter des „Spiegel“ fanden das Dokument.") == []  # a title after "des"
