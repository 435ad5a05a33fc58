"""Speaker phrases (kg.extract.speakers) and subjects (kg.extract.attribution) on invented sentences."""

from kg.build import extract_text

from .sentences import one, said, statements


def direct(text):
    return one(text, direct=True)


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


def test_two_word_particle_name_at_the_start_of_a_sentence():
    text = ("Der Abgeordnete Lukas de Vries stellte den Antrag vor. "
            "De Vries sagte: „Wir brauchen mehr Geld für die Schulen.“")
    st = direct(text)
    assert st.speaker_id == "person/lukas-de-vries" and st.speaker_mention.text == "De Vries"


def test_inverted_subject_after_a_leading_subordinate_clause():
    st = direct("Nachdem er nach den Kosten gefragt wurde, entgegnete Otto Krämer empört: „Das ist nicht meine Sache.“")
    assert st.speaker_id == "person/otto-kramer"


def test_speaker_of_a_subordinate_clause_before_the_colon():
    st = direct("Der Streit eskalierte, als die Bürgermeisterin Lina Hoff erklärte: „So geht es nicht weiter.“")
    assert st.speaker_id == "person/lina-hoff"


def test_auxiliary_with_a_speech_participle():
    st = direct("Der 45-Jährige habe darin geschrieben, er wolle „ein neues Leben“ beginnen.")
    assert st.speaker_mention.text == "Der 45-Jährige" and st.cue == "geschrieben"


def test_pronoun_refers_to_an_unnamed_role():
    sts = statements("Der Einsatz wurde von einer Polizeisprecherin bestätigt. Sie sagte: „Niemand wurde verletzt.“")
    assert [(s.speaker_mention.text, s.speaker_id) for s in sts if s.direct] == [("Sie", "person/t/polizeisprecherin")]  # an unnamed person, not a group


def test_lower_case_phrase_of_capitalised_nouns_is_a_quotation_not_a_title():
    st = direct("Der Minister Paul Ritter sagte, Ziel sei es, „die Schulden der Stadt“ zu halbieren.")
    assert st.quote == "die Schulden der Stadt" and st.speaker_id == "person/paul-ritter"


def test_apposition_runs_to_its_comma():
    st = direct("Hanna Rieger, seines Zeichens Direktorin der Bürgerinitiative Nordufer Stadtmitte, warnte gestern: "
                "„Der Fluss wird weiter steigen.“")
    assert st.speaker_id == "person/hanna-rieger"


def test_a_colon_after_a_verbless_heading_starts_the_sentence():
    assert said("Verkehr: Die CDU will den Nahverkehr „für alle Menschen kostenlos“ machen.", direct=True) == ("Die CDU", "für alle Menschen kostenlos")


def test_a_capitalised_sentence_with_a_lower_case_verb_is_no_title():
    st = direct("Ähnlich äußerte sich die Ministerin Vera Holm: „Die Behörden haben die Lage im Griff.“")
    assert st.speaker_id == "person/vera-holm"


def test_a_heading_without_punctuation_is_not_the_subject():
    text = "Antrag an den Landtag Der Städtetag schlug dem Landtag vor, „Lärmschutz“ gesetzlich zu regeln."
    assert all(s.speaker_mention.text != "Antrag" for s in statements(text))


def test_role_with_genitive_and_name_without_commas():
    st = one("Die Sprecherin des Senats Ina Wolf erklärte, die Pläne seien kein Kurswechsel.")
    assert st.speaker_id == "person/ina-wolf" and st.speaker_mention.text == "Ina Wolf"


def test_plain_noun_phrase_groups_are_scoped_to_their_article():
    """"die Polizei" of one article is not the police of another: no false merge across documents."""
    from kg.build import extract_text

    text = "Die Polizei teilte mit, der Fahrer sei geflohen."
    a, b = (extract_text(text, doc).statements for doc in ("a", "b"))
    assert [s.speaker_id for s in a] == ["group/a/polizei"]
    assert [s.speaker_id for s in b] == ["group/b/polizei"]


def test_named_groups_stay_one_node_across_articles():
    from kg.extract.entities import DocEntities
    from kg.nlp import load

    ents = DocEntities(load()("Die CCE widersprach."), "a")
    assert ents.group_id("Die CCE", named=True) == "group/die-cce"
    assert ents.group_id("die Polizei") == "group/a/die-polizei"


def test_name_particle_before_an_organisation_is_no_name_part():
    st = one("Jonas Feld von Human Rights Watch sagte, dass die Lage ernst sei.")
    assert (st.speaker_mention.text, st.speaker_id, st.affiliation_id) == ("Jonas Feld", "person/jonas-feld", "group/human-rights-watch")
    assert one("Die Ministerin Ursula von der Leyen sagte, der Plan gelte.").speaker_mention.text == "Ursula von der Leyen"


def test_organisation_noun_before_a_name_names_the_organisation():
    st = one("Der Betrieb plant nach Angaben der Gewerkschaft Holz-Papier-Kunststoff den Abbau von 300 Stellen.")
    assert (st.speaker_mention.text, st.speaker_id) == ("Holz-Papier-Kunststoff", "group/holz-papier-kunststoff")
    st = one("Nach Meldungen der malaysischen Nachrichtenagentur Bernama richtete sich der Angriff gegen die Polizei.")
    assert st.speaker_id == "group/bernama"
    assert one("Die Nachrichtenagentur Associated Press spekuliert, dass Venezuela den Plan unterstütze.").speaker_id == "org/ap"
    assert one("Die Gewerkschafterin Clara Vogt sagte, der Streik gehe weiter.").speaker_id == "person/clara-vogt"


def test_truncated_compound_is_one_speaker_phrase():
    st = one("Das Bau- und Verkehrsministerium hat mitgeteilt, die Lizenz werde entzogen.")
    assert st.speaker_mention.text == "Das Bau- und Verkehrsministerium" and st.speaker_id.startswith("group/")
    assert one("Die Soldaten seien erschossen worden, so Kongress- und Militärkreise.").speaker_mention.text == "Kongress- und Militärkreise"


def test_definite_role_refers_to_the_person_named_with_it():
    sts = statements("Der GdP-Vorsitzende Konrad Freiberg wird mit den Worten zitiert: „Wir brauchen mehr Personal.“ "
                     "Der GdP-Vorsitzende verwies darauf, dass die Zahl der Stellen sinke.")
    assert [(s.speaker_mention.text, s.speaker_id) for s in sts] == [
        ("Konrad Freiberg", "person/konrad-freiberg"), ("Der GdP-Vorsitzende", "person/konrad-freiberg")]


def test_unnamed_role_without_affiliation_belongs_to_its_article():
    res = extract_text("Der Staatsanwalt sagte, der Mann sei geflohen.", "a1")
    (st,) = res.statements
    assert st.speaker_id == "person/a1/staatsanwalt" and res.entities[st.speaker_id].label == "Staatsanwalt (ohne Namen)"
    assert one("Ein Sprecher des Kremls sagte, der Plan gelte.").speaker_id == "person/sprecher-org-kremlin"


def test_surname_alone_is_the_person_named_before():
    sts = statements("So berichtete der Journalist Dirk Lorenzen dem Sender, dass die Agentur das Projekt stoppe. "
                     "Lorenzen spekuliert in seinen Aussagen, die Motivation sei politisch.")
    assert [s.speaker_id for s in sts] == ["person/dirk-lorenzen", "person/dirk-lorenzen"]


def test_name_ends_before_von_der_and_an_authority():
    assert one("Patrick Okello von der Nationalen Umwelt Behörde sagte, die Proben seien belastet.").speaker_mention.text == "Patrick Okello"


def _with_tags(text, tags):
    """Statements of `text` with some tokens' POS set by hand (the tags of the current UD conventions,
    whatever the installed tagger says for this sentence)."""
    import kg.nlp
    from kg.extract import extract

    doc = kg.nlp.load()(text)
    for tok in doc:
        tok.pos_ = tags.get(tok.text, tok.pos_)
    return [(s.speaker_mention.text, s.quote) for s in extract(doc, "t").statements]


def test_sentence_opened_by_als_has_its_subject_after_the_verb():
    text = "Als Grund gab die Sprachschule an, die Partei habe sich nicht zu erkennen gegeben."
    assert [s for s, _ in _with_tags(text, {"Als": "CCONJ"})] == ["die Sprachschule"]


def test_adverb_before_an_adjective_stays_in_the_speaker_phrase():
    import kg.nlp
    from kg.extract.entities import DocEntities
    from kg.extract.speakers import SpeakerPhrases

    doc = kg.nlp.load()("von einer offenbar friedensbewegten Frau")
    doc[2].pos_, doc[3].pos_ = "ADV", "ADJ"  # "offenbar" as the current UD conventions tag it
    phrases = SpeakerPhrases(doc, DocEntities(doc, "t"))
    assert phrases._modifier_end(2, 1, len(doc)) == 3
    doc[3].pos_ = "NOUN"  # an adverb before anything else ends the phrase
    assert phrases._modifier_end(2, 1, len(doc)) is None


def test_word_part_before_a_hyphen_is_no_person():
    # "Nordrhein" of "Nordrhein-Westfale" is no antecedent for "Er"
    from kg.build import extract_text

    res = extract_text("Ein 40-jähriger Nordrhein-Westfale aus Borchen zeigte einen Betrüger an. "
                       "Er bot ihm Karten an, da er angeblich noch Plätze habe.", "t")
    assert not any(e.label.startswith("Nordrhein") for e in res.entities.values() if e.type == "Person")


def test_double_name_the_ner_cut_at_the_hyphen_is_whole():
    from kg.build import extract_text

    res = extract_text("Die Ministerin Heidemarie Wieczorek-Zeul sagte: „Ich bleibe im Amt.“", "t")
    assert [res.entities[s.speaker_id].label for s in res.statements] == ["Heidemarie Wieczorek-Zeul"]


def test_genitive_of_a_name_is_the_person():
    from kg.build import extract_text

    res = extract_text("Die Rede Lis wurde gestört. Der Abgeordnete Li Fei nannte die Proteste illegal. "
                       "Er sagte, Hongkong halte die Gesetze ein.", "t")
    assert {e.label for e in res.entities.values() if e.type == "Person"} == {"Li Fei"}


def test_pronoun_after_an_unnamed_agent_noun():
    from kg.build import extract_text

    res = extract_text("Nach der Auktion meldete sich der Betrüger bei den Kunden. "
                       "Er bot Karten an, da er angeblich noch Plätze habe.", "t")
    assert [res.entities[s.speaker_id].label for s in res.statements] == ["Betrüger (ohne Namen)"]


def test_name_in_apposition_after_a_noun_phrase_is_the_speaker():
    # the person set off by commas speaks, with the noun as role, not the noun phrase as a group
    for text in ("Die Mitarbeiterin des Ministeriums, Arminda Thomas, sagte, die Lage sei ernst.",
                 "Wie die Mitarbeiterin seines Büros in New Rochelle, Arminda Thomas,  mitteilte, ist er tot.",
                 "Wie ein Sprecher der Klinik in Hamburg, Arminda Thomas, mitteilte, ist der Patient gestorben."):
        st = one(text)
        assert (st.speaker_id, st.speaker_mention.text) == ("person/arminda-thomas", "Arminda Thomas"), text
    # without a name: one unnamed employee of this article (a person known by role, as "ein Sprecher")
    assert one("Die Mitarbeiterin des Ministeriums sagte, die Lage sei ernst.").speaker_id == "person/t/mitarbeiterin"


def test_role_back_reference_to_a_compound_role_with_gender():
    from kg.build import extract_text

    res = extract_text("Außenministerin Anna Lenz und Innenminister Paul Kern reisten nach Paris. "
                       "Die Ministerin sagte, die Gespräche seien gut verlaufen. "
                       "Der Minister sagte, man sei zufrieden.", "t")
    assert [(s.speaker_mention.text, s.speaker_id, s.role) for s in res.statements] == [
        ("Die Ministerin", "person/anna-lenz", "Außenministerin"),
        ("Der Minister", "person/paul-kern", "Innenminister")]
    st = one("Regierungssprecher Paul Kern trat vor die Presse. Der Sprecher sagte, man sei zufrieden.")
    assert st.speaker_id == "person/paul-kern"


def test_role_of_a_statement_is_nominative():
    from kg.extract.labels import role_label

    st = one("Die Rede des Präsidenten Paul Kern war kurz. Er sagte, man sei zufrieden.")
    assert (st.speaker_id, st.role) == ("person/paul-kern", "Präsident")
    assert role_label("Präsidenten") == "Präsident" and role_label("Ministerin") == "Ministerin"
    assert role_label("Abgeordneten") == "Abgeordnete" and role_label("US-Präsidenten") == "US-Präsident"


def test_organisation_names_are_no_persons():
    from kg.build import extract_text

    res = extract_text("Wie aus Unternehmenskreisen verlautete, will der Konzern das Werk schließen.", "t")
    assert [(res.entities[s.speaker_id].label, res.entities[s.speaker_id].type) for s in res.statements] == [
        ("Unternehmenskreise", "Group")]
    res = extract_text("Offenbar entschied sich der Leiter der Wartung dazu, das Tor zu schließen.", "t")
    assert not any(e.label == "Offenbar" for e in res.entities.values())
    for text in ("Nach Angaben des Roten Kreuzes wurden 800 Menschen obdachlos.",
                 "Laut Fox News Channel liegt der Kandidat vorn."):
        st = one(text)
        assert st.speaker_id.startswith("group/"), text  # the NER's organisation, not a person


def test_person_known_by_age_is_a_person():
    from kg.build import extract_text

    st = one("Der Bürgermeister Paul Kern eröffnete die Brücke. Der 58-Jährige sagte, er sei stolz.")
    assert st.speaker_id == "person/paul-kern"
    res = extract_text("Dem Nachbarn wurde vorgeworfen, die Frau zu bedrohen. "
                       "Der 39-Jährige gab jedoch an, es gehe ihm nur um die Kinder.", "t")
    ent = res.entities[res.statements[0].speaker_id]
    assert (ent.type, ent.label, ent.id) == ("Person", "39-Jähriger (ohne Namen)", "person/t/39-jahriger")


def test_role_compound_the_ner_took_into_a_name_is_dropped():
    st = one("„Wir sind zufrieden“, sagte Justizsprecher Joachim Banke am Montag.")
    assert (st.speaker_id, st.speaker_mention.text) == ("person/joachim-banke", "Joachim Banke")


def test_unnamed_role_is_a_person_labelled_with_its_genitive_and_gender():
    from kg.build import extract_text

    res = extract_text("Die Offensive wurde von einer Armeesprecherin bestätigt. Sie sagte, das Ziel sei erreicht.", "t")
    ent = res.entities[res.statements[0].speaker_id]
    assert (ent.type, ent.label) == ("Person", "Armeesprecherin (ohne Namen)")
    res = extract_text("Ein Sekretär des Weltkongresses der Uiguren sagte, es sei schwierig.", "t")
    assert res.entities[res.statements[0].speaker_id].label == "Sekretär des Weltkongresses der Uiguren (ohne Namen)"
    st = one("Die Ministerin sagte, es sei schwierig.")
    assert st.role == "Ministerin"


def test_genitive_runs_to_the_end_of_a_multi_word_name():
    st = one("Ein Vertreter der Vereinten Nationen erklärte, dass die Straße gesperrt sei.", direct=False)
    assert st.speaker_mention.text == "Ein Vertreter der Vereinten Nationen"


def test_no_genitive_after_an_acronym():
    text = ("Das Landesamt für Umwelt (LFU) prüft den Fall. Die Messstelle dient laut einer Mitteilung des LFU "
            "der Überwachung des Flusses.")
    st = one(text)
    assert st.speaker_mention.text == "LFU"


def test_name_with_an_apostrophe_is_whole():
    sts = statements("Vorstandschef Sean O’Brien sagte, dass die Preise steigen würden. "
                     "O’Brien sagte: „Wir haben keine Wahl.“")
    assert [(s.speaker_mention.text, s.speaker_id) for s in sts] == [
        ("Sean O’Brien", "person/sean-o-brien"), ("O’Brien", "person/sean-o-brien")]


def test_name_with_a_middle_initial_is_whole():
    st = direct("Dazu äußerte sich der Gouverneur John F. Miller: „Wir sind vorbereitet.“")
    assert st.speaker_mention.text == "John F. Miller" and st.speaker_id == "person/john-f-miller"


def test_pronoun_prefers_a_nearer_name_the_ner_missed():
    # the NER calls the village a person and misses the guide: the guide is nearer to "Er"
    sts = statements("Die Felder des Dorfes Pacha sind trocken. Angeführt wurde die Gruppe von dem Einheimischen "
                     "Telesfor Mamani (54 Jahre). Er hofft, dass es bald regnet.")
    assert [s.speaker_id for s in sts] == ["person/telesfor-mamani"]


def test_pronoun_keeps_the_person_before_an_organisation_name():
    sts = statements("Jonas Weber vom Nationalen Umwelt Rat hält die Werte für bedenklich. "
                     "Er sagte, dass die Stoffe sich schnell verbreiteten.")
    assert [s.speaker_id for s in sts] == ["person/jonas-weber"]


def test_role_compound_before_a_name_is_the_statements_role():
    # (the NER takes "Justizsprecher" into the name, the tagger calls it a proper noun)
    sts = statements("Laut Justizsprecher Peter Hofbauer sei aus ungeklärter Ursache nichts passiert. "
                     "Die Akten seien unvollständig gewesen, so Peter Hofbauer.")
    assert [(s.speaker_id, s.role) for s in sts] == [("person/peter-hofbauer", "Justizsprecher")] * 2


def test_genitive_name_after_an_article_is_a_named_group():
    # (both words proper nouns to the tagger: a name, but none of a person)
    st = one("Die Parteien haben sich nach einer Meldung des Zagreber Staatsfernsehens darauf geeinigt, "
             "die Wahl zu verschieben.")
    assert st.speaker_id == "group/zagreber-staatsfernsehen"


def test_name_after_a_place_noun_is_no_antecedent():
    # the NER calls the village a person; no one in the text can be "Er"
    assert statements("Die Felder der Dörfer Pacha und Urqu sind trocken. Er sagte, es regne nicht.") == []


def test_genitive_country_compound_is_not_cut_at_its_hyphen():
    st = direct("„Die Lage ist ruhig“, sagte der Oberkommandierende General der US-Streitkräfte im Land.")
    assert st.speaker_mention.text == "der Oberkommandierende General der US-Streitkräfte"


def test_genitive_organisation_noun_keeps_the_name_after_it():
    st = direct("„Es klang wie ein Zug“, beschreibt ein Reporter des Senders Sky News aus Kent das Beben.")
    assert st.speaker_mention.text == "ein Reporter des Senders Sky News"


def test_organisation_and_role_compound_is_the_role():
    st = direct("NDR-Intendant Paul Ebert sagte: „Das Programm bleibt.“")
    assert st.speaker_id == "person/paul-ebert" and st.role == "NDR-Intendant"


def test_first_name_the_tagger_calls_a_noun_is_no_role():
    st = one("Mayra Veliz von der Staatsanwaltschaft sagte, die Zahlen seien falsch.")
    assert st.speaker_id == "person/mayra-veliz" and st.role is None


def test_people_of_a_person_named_in_the_genitive_speak():
    sts = statements("Der frühere Direktor Dominique Strauss-Kahn wurde festgenommen. Die Verteidiger "
                     "Strauss-Kahns argumentierten außerdem, Strauss-Kahn habe bei der Verhaftung kooperiert.")
    assert [(s.speaker_mention.text, s.speaker_id) for s in sts] == [
        ("Die Verteidiger Strauss-Kahns", "group/verteidiger-strauss-kahns")]
