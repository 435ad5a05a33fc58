"""Statement frames of kg.extract.statements / indirect / quotes on invented German sentences."""

from kg.extract.quotes import find_quotes

from .sentences import indirect, one, said, statements


def test_quote_mark_styles_are_paired():
    text = "»Eins zwei« und „drei vier” und “fünf sechs” und \"sieben acht\""
    assert [text[o + 1:c] for o, c in find_quotes(text)] == ["Eins zwei", "drei vier", "fünf sechs", "sieben acht"]


def test_quoted_word_inside_the_speakers_sentence():
    st = one("Die Gewerkschafterin Clara Vogt bezeichnete den Tarifvertrag als „unzumutbar“.")
    assert st.direct and st.quote == "unzumutbar" and st.speaker_mention.text == "Clara Vogt"


def test_inverted_subject_after_an_adverbial():
    st = one("Unterdessen verteidigte der Bürgermeister Jonas Kessler den Haushalt als „solide und gerecht“.")
    assert st.speaker_id == "person/jonas-kessler" and st.quote == "solide und gerecht"


def test_role_with_apposition_name_before_a_colon():
    st = one("Der Verkehrsminister, Tobias Lindner, sagte: „Die Brücke wird im Mai wieder geöffnet.“")
    assert st.speaker_id == "person/tobias-lindner" and st.speaker_mention.text == "Tobias Lindner"


def test_attribution_after_the_last_of_two_quotes_covers_both():
    sts = statements("Die „müden Beamten“ hätten „alle Fristen verschlafen“, so der Richter Paul Brandt.")
    assert [(s.quote, s.speaker_id) for s in sts if s.direct] == [
        ("müden Beamten", "person/paul-brandt"), ("alle Fristen verschlafen", "person/paul-brandt")]


def test_quote_continues_the_statement_before():
    text = "„Wir haben gewonnen“, sagte die Trainerin Eva Roth. „Die Mannschaft hat hart gearbeitet.“"
    assert [s.speaker_id for s in statements(text) if s.direct] == ["person/eva-roth"] * 2


def test_plain_noun_phrase_speaker_needs_a_speech_verb():
    st = one("Mehrere Ökonomen warnten am Montag: „Die Inflation wird weiter steigen.“")
    assert st.speaker_id.startswith("group/") and st.speaker_mention.text == "Mehrere Ökonomen"
    assert statements("Mehrere Ökonomen kauften am Montag „billige Aktien“.") == []


def test_names_and_terms_in_quotes_are_no_statements():
    assert statements("Der Fernsehsender „Kanal Sieben“ zeigte den Film am Abend.") == []
    assert statements("Die Partei Maria Huber will die so genannte „Reichensteuer“ abschaffen.") == []


def test_nach_angaben_names_the_source_inside_the_phrase():
    st = one("Nach Angaben der Feuerwehr wurden bei dem Brand drei Menschen verletzt.")
    assert not st.direct and st.speaker_mention.text == "Feuerwehr"
    assert st.quote == "wurden bei dem Brand drei Menschen verletzt"


def test_wie_x_mitteilte_opens_the_sentence():
    st = one("Wie der Sprecher Lars Petersen mitteilte, bleibt die Schule bis Freitag geschlossen.")
    assert st.speaker_id == "person/lars-petersen" and st.quote == "bleibt die Schule bis Freitag geschlossen"


def test_reported_clause_before_so_x():
    st = one("Die Gespräche seien gescheitert, so die Sprecherin Nina Albrecht.")
    assert not st.direct and st.speaker_id == "person/nina-albrecht" and st.quote == "Die Gespräche seien gescheitert"


def test_separable_speech_verb_with_content_after_the_comma():
    st = one("Die Stadtwerke teilten am Dienstag mit, die Preise würden im Herbst steigen.")
    assert not st.direct and st.quote == "die Preise würden im Herbst steigen"
    assert st.speaker_mention.text == "Die Stadtwerke"


def test_konjunktiv_sentence_continues_the_speaker():
    sts = statements("Die Ministerin Sophie Lang sagte, die Reform sei notwendig. Sie koste aber viel Geld.")
    assert [(s.speaker_id, s.direct) for s in sts] == [("person/sophie-lang", False)] * 2
    assert sts[1].quote == "Sie koste aber viel Geld"


def test_document_source_for_heisst_es():
    assert said("In einer Erklärung des Verbandes hieß es, die Mitglieder seien empört.", direct=False) == ("Verbandes", "die Mitglieder seien empört")  # the author, not the document


def test_a_speech_act_without_content_is_no_statement():
    assert statements("Der Konzern bestätigte die Zahlen der Gewerkschaft nicht.") == []


def test_confidence_follows_the_frame():
    direct = one("„Das Projekt ist gescheitert“, sagte der Bauleiter Felix Mohr.")
    inherited = statements("Der Arzt Ben Kraus sagte, die Lage sei ernst. Viele Patienten müssten warten.")
    assert direct.confidence > inherited[-1].confidence > 0


def test_zitiert_x_mit_den_worten_gives_the_quoted_person():
    st = one("Die Lokalzeitung zitiert dazu den Förster Emil Hartwig mit folgenden Worten: „Der Wald braucht Regen.“")
    assert st.speaker_id == "person/emil-hartwig"


def test_mit_den_worten_before_the_quotation_any_verb_after_it():
    st = one("Die Ministerin Clara Lenz blieb ruhig: Mit den Worten „Wir lassen uns Zeit“, beendete sie die Sitzung.")
    assert st.speaker_id == "person/clara-lenz" and st.quote == "Wir lassen uns Zeit"


def test_sprechen_von_introduces_the_speakers_word():
    st = one("Mehrere Händler sprachen am Freitag von „Panikkäufen“.")
    assert st.direct and st.quote == "Panikkäufen" and st.speaker_mention.text == "Mehrere Händler"


def test_a_lone_quoted_proper_noun_is_a_name():
    assert [s for s in statements("Der Händler Jens Maier verkaufte den „Opel“ an einen Sammler.") if s.direct] == []


def test_organisation_subject_announces_the_quotation_after_it():
    sts = [s for s in statements("Bildung: Die CDU will mehr Lehrer einstellen. „Jede Schule braucht genug Personal.“")
           if s.direct]
    assert [s.speaker_mention.text for s in sts] == ["Die CDU"]


def test_government_of_a_country_speaks_for_it():
    sts = indirect("Die dänische Regierung hat angekündigt, die Grenzkontrollen im Mai zu beenden.")
    assert [(s.speaker_id, s.speaker_mention.text) for s in sts] == [("country/DNK", "Die dänische Regierung")]


def test_double_surname_split_at_the_hyphen():
    st = one("Die Ärztin Paula Berg-Hansen, eine Expertin für Tropenmedizin, erklärte, das Virus sei harmlos.")
    assert st.speaker_id == "person/paula-berg-hansen"


def test_inverted_subject_with_auxiliary_and_speech_participle():
    sts = indirect("Schon im März hatte die Gewerkschaft erklärt, dass die Mitglieder streiken würden.")
    assert [s.speaker_mention.text for s in sts] == ["die Gewerkschaft"]


def test_decision_verbs_report_their_content():
    sts = indirect("Der Stadtrat hat entschieden, das alte Hallenbad zu schließen.")
    assert [(s.speaker_mention.text, s.quote) for s in sts] == [("Der Stadtrat", "das alte Hallenbad zu schließen")]


def test_passive_speech_verb_does_not_make_the_subject_speak():
    assert indirect("Dem Kassierer Tom Ebert wurde vorgeworfen, die Kasse geplündert zu haben.") == []


def test_wie_clause_with_the_particle_before_the_verb():
    assert said("Wie das Ministerium heute bekannt gab, wird die Brücke im Juni gesperrt.") == ("das Ministerium", "wird die Brücke im Juni gesperrt")


def test_wie_aus_kreisen_verlautete():
    assert said("Wie aus Regierungskreisen verlautete, will der Minister noch heute zurücktreten.") == ("Regierungskreisen", "will der Minister noch heute zurücktreten")


def test_nach_einer_studie_names_the_source():
    assert said("Nach einer Studie der Universität lesen immer weniger Kinder Bücher.") == ("Universität", "lesen immer weniger Kinder Bücher")


def test_laut_a_quoted_source_name():
    st = one("Laut „Radio Nord“ wurde der Bahnhof am Morgen geräumt.")
    assert st.speaker_mention.text == "„Radio Nord“"


def test_opinion_noun_opens_the_content_like_a_verb():
    sts = indirect("Der Trainer Max Feld ist der Meinung, dass die Mannschaft den Aufstieg schafft.")
    assert [(s.speaker_id, s.quote) for s in sts] == [("person/max-feld", "die Mannschaft den Aufstieg schafft")]


def test_main_clause_after_the_comma_is_reported_content():
    sts = indirect("Beim Treffen in Wien sagte die Ministerin Ina Vogt, die Länder hielten sich an den Vertrag.")
    assert [(s.speaker_id, s.quote) for s in sts] == [("person/ina-vogt", "die Länder hielten sich an den Vertrag")]


def test_apposition_after_the_comma_is_no_content():
    assert indirect("Am Montag sagte Ina Vogt, die Ministerin der Stadt, nichts zu den Plänen.") == []


def test_infinitive_object_without_its_comma():
    sts = indirect("Der Bürgermeister Otto Lenz erklärte am Montag bei der Wahl erneut anzutreten.")
    assert len(sts) == 1 and sts[0].speaker_id == "person/otto-lenz"
    assert sts[0].quote.endswith("bei der Wahl erneut anzutreten")
