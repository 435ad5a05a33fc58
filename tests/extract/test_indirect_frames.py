"""Indirect speech frames of kg.extract.indirect, .sources and .clauses on invented German sentences (attribution after
the reported clause, in the next sentence, in a "wie"-clause with inserted phrases)."""

import pytest

from kg.build import extract_text

from .sentences import indirect, one, said, statements


def test_sentence_after_names_the_source():
    st = one("Die neue Fähre legt am Freitag zum ersten Mal ab. Dies gab die Reederei in Kiel bekannt.")
    assert not st.direct and st.speaker_mention.text == "die Reederei"
    assert st.quote == "Die neue Fähre legt am Freitag zum ersten Mal ab"


def test_sentence_after_in_konjunktiv_names_no_source():
    # "Dies begründe …" reports a reason itself; its object is not a speaker
    assert [s.speaker_mention.text for s in indirect(
        "Dem Angeklagten drohe eine lange Haft. Dies begründe die Gefahr einer Flucht.")] != ["die Gefahr"]


def test_sentence_after_needs_a_speech_verb():
    assert indirect("Die neue Fähre legt am Freitag ab. Das freut die Bewohner der Insel.") == []


def test_auxiliary_and_participle_after_the_clause():
    assert said("Es drohe ein neuer Handelskrieg, hatte Mira Lenz bei ihrem Besuch in der Hauptstadt gewarnt.") == ("Mira Lenz", "Es drohe ein neuer Handelskrieg")


def test_institution_after_an_indicative_main_clause():
    st = one("Der Sturm erreichte eine Geschwindigkeit von 140 Kilometern pro Stunde, teilte der Wetterdienst mit.")
    assert st.speaker_mention.text == "der Wetterdienst"
    assert st.quote == "Der Sturm erreichte eine Geschwindigkeit von 140 Kilometern pro Stunde"


def test_subject_with_relative_clause_is_no_attribution():
    assert indirect("Die Anwältin, die vor allem Mieter vertritt und oft vor Gericht steht, "
                    "nennt das Urteil einen Skandal.") == []


def test_so_x_with_a_relative_clause_after_the_speaker():
    sts = indirect("Oft habe der Vermieter nicht geantwortet, so Jana Kurz, die auch angab, dass sie Briefe geschrieben habe.")
    assert ("Jana Kurz", "Oft habe der Vermieter nicht geantwortet") in [(s.speaker_mention.text, s.quote) for s in sts]


def test_wie_clause_with_apposition_and_parenthesis():
    assert said("Wie der Leiter des Bauamts, Otto Brandt, mitteilte, bleibt die Brücke gesperrt.") == ("Otto Brandt", "bleibt die Brücke gesperrt")
    st = one("Wie die Mitarbeiterin seines Verlags, Ina Rose, mitteilte, erscheint das Buch im Mai.")
    assert (st.speaker_mention.text, st.role) == ("Ina Rose", "Mitarbeiterin") and st.quote == "erscheint das Buch im Mai"
    assert said("Wie die Beobachtermission in Mali (MINUMA) weiterhin mitteilte, ist die Lage ruhig.") == ("die Beobachtermission", "ist die Lage ruhig")


def test_role_with_genitive_place_and_name():
    assert said("Der Bürgermeister der Kreisstadt Hameln, Ulf Berger, sagte, die Schäden seien gering.") == ("Ulf Berger", "die Schäden seien gering")


def test_inverted_plain_noun_phrase_after_an_adverb():
    assert said("Nun melden britische Zeitungen, dass der Hafen geschlossen werde.") == ("britische Zeitungen", "der Hafen geschlossen werde")


def test_missed_full_stop_after_a_number_starts_a_new_sentence():
    sts = indirect("Die Ärztin Lea Sommer klagte, es fehle an Betten. Früher seien es 1.200 gewesen, heute nur 800. "
                   "Der Landrat Tim Vogel räumte ein, dass die Klinik zu klein sei.")
    assert ("Tim Vogel", "die Klinik zu klein sei") in [(s.speaker_mention.text, s.quote) for s in sts]


def test_speech_noun_inside_the_content_is_content():
    st = one("Die Forscherin Eva Brandt sagte, die Sorge der Anwohner rühre vom Lärm der Baustelle her.")
    assert st.quote == "die Sorge der Anwohner rühre vom Lärm der Baustelle her"


def test_speech_verb_inside_the_content_is_content():
    st = one("Der Bürgermeister Kai Lorenz sagte, er wolle seinen Rücktritt am Freitag bekannt geben und eine Neuwahl vorschlagen.")
    assert st.quote == "er wolle seinen Rücktritt am Freitag bekannt geben und eine Neuwahl vorschlagen"


def test_denn_clause_ends_the_content():
    st = one("Die Bäuerin Rita Haas hofft, dass der Regen bald kommt, denn die Felder sind trocken.")
    assert st.quote == "der Regen bald kommt"


def test_speech_noun_with_colon_content():
    assert said("Die Sprecherin des Verbands, Nora Fink, schloss sich der Kritik an: Die Gebühren seien zu hoch.") == ("Nora Fink", "Die Gebühren seien zu hoch")


def test_relative_clause_in_the_subject():
    assert said("Ein hoher Beamter, den die Zeitung zitiert, kommentierte, die Reform sei gescheitert.") == ("Ein hoher Beamter", "die Reform sei gescheitert")


def test_opinion_words_let_a_plain_noun_phrase_speak():
    assert said("Die zentrale Prüfstelle hatte den Standpunkt vertreten, der Antrag sei verspätet.") == ("Die zentrale Prüfstelle", "der Antrag sei verspätet")
    st = one("Die Trainerin ist zuversichtlich, das Finale gewinnen zu können.")
    assert st.quote == "das Finale gewinnen zu können"
    assert indirect("Die Aktionäre kauften ein Haus, das der Bank gehört.") == []


def test_subject_with_parenthesis_and_relative_clause_after_its_attribute():
    assert said("Ida Wolf von der Landesbehörde für Umwelt (LfU, Augsburg) sagte, die Belastung resultiere aus dem Verkehr.") == ("Ida Wolf", "die Belastung resultiere aus dem Verkehr")
    assert said("Ole Brink vom Wetterdienst, der die Warnung zunächst ausgegeben hatte, sagte, dass der Sturm abflaue.") == ("Ole Brink", "der Sturm abflaue")


def test_role_at_a_hyphenated_place_with_name():
    assert said("Der Korrespondent in Panama-Stadt, Jan Bauer, berichtete, dass die Straßen überflutet seien.") == ("Jan Bauer", "die Straßen überflutet seien")


def test_speech_verb_closing_a_subordinate_clause():
    st = one("Nachdem die Sprecherin der Klinik dem Sender mitgeteilt hatte, dass die Station schließe, "
             "begannen die Proteste.")
    assert st.speaker_mention.text == "die Sprecherin der Klinik" and st.quote == "die Station schließe"
    assert said("Gesucht wird ein Mann, von dem die Polizei glaubt, er sei für den Brand verantwortlich.") == ("die Polizei", "er sei für den Brand verantwortlich")


def test_relative_pronoun_speaks_for_the_name_before_it():
    st = one("Neuer Kommandant wird ein Oberst, Major Lukas Gerber, der vor dem Ausschuss betonte, er sei parteilos.")
    assert st.speaker_id == "person/lukas-gerber" and st.speaker_mention.text == "der"
    assert st.quote == "er sei parteilos"


def test_subordinate_passive_and_reasons_are_no_statements():
    assert all(s.speaker_mention.text != "der Partei" for s in indirect(
        "Die Wahlkommission nannte eine Erklärung, in der der Partei vorgeworfen wird, sie habe betrogen."))
    assert all(s.speaker_mention.text != "die Eltern" for s in indirect(
        "Das Kind weigerte sich, nachdem die Eltern es gewarnt hatten, weil die Milch belastet sei."))


def test_rules_and_texts_after_laut_or_gemaess_do_not_speak():
    assert indirect("Laut Verfassung darf der Präsident nur zweimal gewählt werden.") == []
    assert indirect("Die Regeln wurden gemäß dem Abkommen schrittweise geändert.") == []
    st = one("Laut dem Innenminister Paul Kern ist die Lage ernst.")
    assert st.speaker_mention.text == "Paul Kern"


def test_speech_noun_after_a_preposition_is_someone_elses():
    assert indirect("Der Minister Paul Kern reagierte damit auf die Kritik der Opposition.") == []
    assert one("Der Minister Paul Kern übte scharfe Kritik an der Opposition.").speaker_mention.text == "Paul Kern"


def test_quoted_name_after_the_speaker_of_an_after_clause():
    assert said("Es fehle an Trinkwasser, sagte der Helfer Tom Lenz dem Sender „Radio Nord“.") == ("Tom Lenz", "Es fehle an Trinkwasser")


def test_content_after_the_participle_wins_over_the_object_before_it():
    sts = indirect("Die Minister Ulf Brandt und Eva Sommer haben dazu aufgerufen die Kontrollen zu verstärken "
                   "und angekündigt, man werde hart durchgreifen.")
    assert [s.quote for s in sts] == ["die Kontrollen zu verstärken", "man werde hart durchgreifen"]
    st = one("Der Präsident Ole Berg hat sein Veto gegen das Gesetz angekündigt, falls es nicht geändert werde.")
    assert st.quote.startswith("sein Veto gegen das Gesetz angekündigt")


def test_source_inside_a_clause_of_its_own_vouches_for_what_follows():
    sts = indirect("Der Mann soll die Tür aufgebrochen haben und laut Polizeiberichten auch Geld gestohlen haben.")
    assert [(s.speaker_mention.text, s.quote) for s in sts] == [("Polizeiberichten", "auch Geld gestohlen haben")]
    st = one("Laut Presseberichten ist sie heute 30 Jahre alt; demnach war sie damals 20.")
    assert st.quote == "ist sie heute 30 Jahre alt"


def test_source_phrase_yields_to_a_speaker_with_a_speech_verb():
    assert said("Laut dem Sender sagte der Minister Jan Ott, dass die Brücke gebaut werde.") == ("Jan Ott", "die Brücke gebaut werde")
    st = one("Laut Berichten der Agentur unterstreicht der Besuch die enge Bindung beider Länder.")
    assert st.speaker_mention.text.endswith("Agentur")


def test_continuation_stops_at_a_sentence_with_its_own_speaker():
    sts = indirect("Die Ärztin Lea Sommer sagte, die Lage sei ernst. Der Landrat Tim Vogel, der im Amt bleiben wolle, "
                   "erklärte dazu nichts.")
    assert [(s.speaker_mention.text, s.quote) for s in sts] == [("Lea Sommer", "die Lage sei ernst")]


def test_an_offer_reports_what_is_offered():
    sts = indirect("Der Landrat Tim Vogel bot indessen an, die Kosten zu übernehmen.")
    assert [(s.speaker_mention.text, s.quote) for s in sts] == [("Tim Vogel", "die Kosten zu übernehmen")]


def test_speech_noun_with_colon_after_an_apposition():
    st = one("Auch die Sprecherin der Grünen-Fraktion, Nora Fink, schloss sich der Kritik am Plan an: "
             "Die Gebühren seien ihrer Meinung nach zu hoch.")
    assert st.speaker_mention.text == "Nora Fink" and st.quote == "Die Gebühren seien ihrer Meinung nach zu hoch"


def test_object_first_sentence_has_no_object_speaker():
    assert all(s.speaker_mention.text != "Den Währungsfonds" for s in indirect(
        "Den Währungsfonds forderte er auf, die Zahlungen auszusetzen."))


def test_speech_act_noun_with_its_content():
    assert said("Die Präsidentin Mia Roth erteilte der Armee den Befehl, beim Räumen der Straßen zu helfen.") == ("Mia Roth", "beim Räumen der Straßen zu helfen")
    assert said("Eine Agentur des Sängers hatte die Vorgabe gemacht, dass nur Fotografen zugelassen würden.") == ("Eine Agentur des Sängers", "nur Fotografen zugelassen würden")


def test_someone_elses_or_rejected_proposal_is_not_the_subjects():
    # the minister rejects (deny), she does not propose (demand)
    sts = indirect("Die Ministerin Anna Roth lehnte den Vorschlag des Umweltministers ab, die Kontrolle zu bündeln.")
    assert [s.type for s in sts] == ["deny"]
    assert indirect("Bolivien möchte einen formalen Vorschlag einbringen.") == []


def test_document_sets_out_what_it_provides():
    st = one("Der Beschluss sieht vor, dass eine Versammlung über die Kandidaten entscheiden soll.")
    assert st.speaker_mention.text == "Der Beschluss"
    assert st.quote == "eine Versammlung über die Kandidaten entscheiden soll"


def test_relative_clause_after_the_comma_is_no_content():
    assert all(not s.quote.startswith("in der") for s in indirect(
        "Die Kommission forderte das Verbot nach einer Erklärung, in der der Partei vorgeworfen wird, sie habe betrogen."))


def test_source_noun_after_an_adverb():
    st = one("Nach bisher unbestätigten Berichten wurde der Firma Einsicht in die Akten gewährt.")
    assert st.speaker_mention.text == "bisher unbestätigten Berichten"


def test_demnach_points_back_to_the_statement_before():
    sts = indirect("Bei dem Sturm seien zwei Dächer abgedeckt worden, teilte die Feuerwehr mit. "
                   "Demnach hätten sich die Bewohner rechtzeitig in Sicherheit gebracht.")
    assert [(s.speaker_id, s.speaker_mention.text, s.quote) for s in sts][1] == (
        sts[0].speaker_id, "Demnach", "hätten sich die Bewohner rechtzeitig in Sicherheit gebracht")


def test_aus_kreisen_verlautete():
    assert said("Aus Regierungskreisen verlautete am Abend, dass der Gipfel verschoben werde.") == ("Regierungskreisen", "der Gipfel verschoben werde")


def test_speech_noun_with_genitive_speaker_and_content():
    assert said("Das Eingeständnis der Ministerin Rita Vos, ihre Entscheidung sei falsch gewesen, hatte Folgen.") == ("Rita Vos", "ihre Entscheidung sei falsch gewesen")
    assert said("Die Erklärung des Bürgermeisters Paul Kern, dass die Schule schließe, überraschte alle.") == ("Paul Kern", "die Schule schließe")
    assert indirect("Die Erklärung des Bürgermeisters Paul Kern, der gestern in Berlin war, überraschte alle.") == []


def test_cue_prefilter_passes_every_cue_of_reported_speech():
    # _reported skips sentences none of whose words may be a cue: every speech verb (listed form, lemma,
    # separable with its particle at the clause end) and every speech, content and opinion word must pass
    import kg.nlp
    from kg.extract.docview import view
    from kg.extract.entities import DocEntities
    from kg.extract.statements import StatementFinder

    text = ("Der Minister teilte am Montag mit, die Lage sei ernst. Die Ministerin gab den Plan bekannt. "
            "Die Partei äußerte Bedenken. Der Verband ist zuversichtlich, das Ziel zu erreichen. "
            "Sie vertritt die Ansicht, dass nichts geschehe. Er erteilte den Befehl, die Stadt zu räumen.")
    doc = view(kg.nlp.load()(text))
    finder = StatementFinder(doc, DocEntities(doc, "t"))
    cues = [t for t in doc if finder.speech_verb(t.i) or t.lower_ in ("bedenken", "zuversichtlich", "ansicht",
                                                                        "befehl")]
    assert len(cues) >= 6 and all(finder._may_cue(t) for t in cues)
    assert not finder._may_cue(doc[1])  # "Minister"
    assert len(indirect(text)) >= 4


def test_source_phrase_without_a_named_source_gets_a_nominative_label():
    st = one("In Proben aus dem See sind nach jüngsten Untersuchungen Chemikalien gefunden worden.")
    assert st.speaker_mention.text == "jüngsten Untersuchungen"  # the phrase stays the mention
    assert st.speaker_id.endswith("/untersuchungen")
    res = extract_text("Ein Skandal, der nach bisherigen Erkenntnissen 30 Hotels betrifft, ist bekannt geworden.", "t")
    assert [res.entities[s.speaker_id].label for s in res.statements] == ["Erkenntnisse"]


def speaker_labels(text):
    res = extract_text(text, "t")
    return [res.entities[s.speaker_id].label for s in res.statements]


def test_source_noun_labels_are_nominative():
    # the mention keeps the article's words; the label is what a reader calls the source
    assert speaker_labels("Medienberichten zufolge will der Bürgermeister der Stadt zurücktreten.") == ["Medienberichte"]
    assert speaker_labels("Nach Zeitungsberichten ist der Hafen seit Montag geschlossen.") == ["Zeitungsberichte"]
    assert speaker_labels("Aus Regierungskreisen verlautete am Abend, dass der Gipfel verschoben werde.") == ["Regierungskreise"]
    assert speaker_labels("Nach Angaben der Feuerwehr brannte die Scheune völlig nieder.") == ["Feuerwehr"]
    assert speaker_labels("Nach ersten Angaben brannte die Scheune völlig nieder.") == ["Angaben"]


def test_time_after_a_source_noun_names_no_source():
    st = one("Nach Informationen vom späten Abend wurden 31 Personen verletzt.")
    assert st.speaker_mention.text == "Informationen" and st.quote == "wurden 31 Personen verletzt"
    assert one("Nach Angaben vom Montag wurden 31 Personen verletzt.").speaker_mention.text == "Angaben"


def test_genitive_without_article_after_a_source_noun():
    assert one("Die Stimmung soll nach Meinung politischer Beobachter die Wahl beeinflussen.").speaker_mention.text == "politischer Beobachter"
    assert statements("Das war nach Angaben ein Erfolg.") != [] and one("Das war nach Angaben ein Erfolg.").speaker_mention.text == "Angaben"


def test_own_statement_is_the_subjects():
    st = one("Der Bürgermeister Kurt Bauer hat eigenen Angaben zufolge Briefe von Anwohnern erhalten.")
    assert (st.speaker_id, st.speaker_mention.text) == ("person/kurt-bauer", "eigenen Angaben")
    assert one("Im Jahr 2004 war die Gruppe nach eigener Aussage am Ziel.").speaker_id.endswith("/gruppe")
    assert statements("Das war nach eigenen Angaben ein Erfolg.") == []  # no subject to speak


def test_possessive_source_is_the_person_named_before():
    sts = statements("Die Anwältin Eva Roth rief die Polizei. Nach ihren Informationen habe sich der Mann versteckt.")
    assert [(s.speaker_id, s.speaker_mention.text) for s in sts] == [("person/eva-roth", "ihren Informationen")]


def test_own_statement_takes_the_subject_of_its_own_clause():
    sts = statements("Die ersten Funde machten sie im Jahr 2000, im Jahr 2004 war die Gruppe nach eigener Aussage am Ziel.")
    assert [s.speaker_id.rsplit("/", 1)[1] for s in sts] == ["gruppe"]


def test_impersonal_hiess_es_is_no_earlier_speakers():
    text = "Der Minister Paul Kern sagte, die Lage sei ernst. Die Regierung werde bald handeln, hieß es."
    sts = statements(text)
    assert [s.speaker_id for s in sts] == ["person/paul-kern", "group/t/ungenannte-quelle"]
    assert sts[1].quote == "Die Regierung werde bald handeln" and sts[1].speaker_mention.text == "es"
    st = statements("Paul Kern sagte, die Lage sei ernst. Später hieß es, die Regierung werde bald handeln.")[1]
    assert (st.speaker_id, st.quote) == ("group/t/ungenannte-quelle", "die Regierung werde bald handeln")


def test_hiess_es_with_a_source_in_its_frame():
    sts = statements("Paul Kern sagte, die Lage sei ernst. Die Regierung werde bald handeln, "
                     "hieß es in einer Erklärung des Innenministeriums.")
    assert sts[1].speaker_mention.text == "Innenministeriums"
    assert sts[1].speaker_id == "group/t/innenministerium"
    assert said("In einer Erklärung des Innenministeriums hieß es, die Regierung werde bald handeln.")[0] == \
        "Innenministeriums"


def test_relative_clause_on_the_object_is_not_what_was_said():
    assert indirect("Der Staatschef kündigte einen neuen Vorschlag an, der das Abkommen untergraben werde.") == []
    assert said("Der Staatschef kündigte an, der Vorschlag werde das Abkommen ersetzen.")[1] == \
        "der Vorschlag werde das Abkommen ersetzen"


@pytest.mark.parametrize("text", [
    "Der Architekt, der nicht genannt werden wollte, sagte der Berliner Morgenpost, dass",
    "Die Ministerin machte am Montag die Vorgabe, dass",
])
def test_a_text_cut_off_after_dass_gives_no_statement_and_no_crash(text):
    # (recombined or truncated articles end there; the speech verb has no content)
    result = extract_text(text)
    assert all(s.quote and s.quote_start < s.quote_end <= len(text) for s in result.statements)
