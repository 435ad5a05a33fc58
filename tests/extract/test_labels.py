"""Speaker labels in the nominative (kg.extract.labels) on invented German phrases."""

import kg.nlp
from kg.extract.labels import phrase_label


def label(text, start, end):
    doc = kg.nlp.load()(text)
    return phrase_label(doc, start, end)


def test_dative_plural_loses_its_case_ending():
    assert label("Laut Beobachtern ist die Lage ruhig.", 1, 2) == "Beobachter"
    assert label("Nach Medienberichten ist die Lage ruhig.", 1, 2) == "Medienberichte"


def test_plural_that_always_ends_in_n_stays():
    assert label("Nach Angaben ist die Lage ruhig.", 1, 2) == "Angaben"
    assert label("Nach Untersuchungen ist die Lage ruhig.", 1, 2) == "Untersuchungen"


def test_article_dropped_and_adjective_made_strong():
    assert label("Die Polizei sagte das.", 0, 2) == "Polizei"
    assert label("Das Urteil der zuständigen Behörde ist hart.", 2, 5) == "zuständige Behörde"
    assert label("Es wurde von den deutschen Behörden bestätigt.", 3, 6) == "deutsche Behörden"
    assert label("Die Tür des Gerichtes blieb zu.", 2, 4) == "Gericht"
    assert label("Er las es einem Mitglied des Vorstands vor.", 3, 7) == "Mitglied des Vorstands"


def test_quotation_marks_around_a_name_dropped():
    assert label("Laut „Nordkurier“ ist die Lage ruhig.", 1, 4) == "Nordkurier"


def test_genitive_name_in_the_nominative():
    assert label("Nach Angaben des Roten Kreuzes ist die Lage ernst.", 3, 5) == "Rotes Kreuz"
    assert label("Das meldete ein Reporter des Kölner Stadtfernsehens am Abend.", 5, 7) == "Kölner Stadtfernsehen"


def test_genitive_name_that_is_no_genitive_stays():
    assert label("Ein Reporter des Los Angeles Times schrieb das.", 3, 6) == "Los Angeles Times"
    assert label("Ein Reporter des Senders Fox News meldete es.", 2, 4) == "Sender"
