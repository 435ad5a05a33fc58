"""Sentences without a speech cue (kg.extract.indirect `_has_cue`): the subject search runs only for what
its speaker phrases register (`Attribution.register_subject`), which must be what the full search
registers, since later sentences resolve pronouns and short names with it."""

import pytest

import kg.nlp
from kg.extract.docview import view
from kg.extract.entities import DocEntities
from kg.extract.statements import StatementFinder

from .sentences import one

CUE_FREE = [
    "Die Polizei nahm den Mann am Bahnhof fest.",
    "Tobias Kramer eröffnete am Montag die neue Bibliothek in Kassel.",
    "Am Montag eröffnete Bürgermeisterin Greta Lindqvist das neue Hallenbad.",
    "Der Sprecher des Ministeriums, Jonas Pfeiffer, war nicht zu erreichen.",
    "Jana Wolf wohnt in Kassel. Sie arbeitet seit Jahren in einem kleinen Laden.",
    "Die Grünen verloren bei der Wahl deutlich an Stimmen.",
    "In Hamburg regnete es den ganzen Tag.",
]


@pytest.fixture(scope="module")
def nlp():
    return kg.nlp.load()


def _finder(nlp, text, as_view=True):
    doc = view(nlp(text)) if as_view else nlp(text)
    return StatementFinder(doc, DocEntities(doc, "t"))


def _state(f):
    ents = f.ents
    return (f.last_person, sorted(ents.found), [(k, e.label, e.role, e.country, list(e.mentions))
                                                 for k, e in ents.entities.items()])


@pytest.mark.parametrize("text", CUE_FREE)
def test_registering_search_registers_what_the_full_search_does(nlp, text):
    full, reg = _finder(nlp, text), _finder(nlp, text)
    for a, b in zip(full.doc.sents, reg.doc.sents):  # (in order: a pronoun reads what came before)
        assert not full._has_cue(a)
        full.subject(a, a.end)
        reg.register_subject(b, b.end)
        assert _state(reg) == _state(full)


@pytest.mark.parametrize("text", CUE_FREE + [
    "Die Ministerin sagte, die Lage sei ernst.", "Der Verband äußerte Bedenken gegen den Plan.",
    "Sie hatte sich zuversichtlich gezeigt. Die Forderung wurde abgelehnt, teilte er mit."])
def test_cue_tokens_are_the_tokens_may_cue_accepts(nlp, text):
    for as_view in (True, False):  # (the view's columns, or a plain Doc's tokens)
        f = _finder(nlp, text, as_view)
        assert f._find_cue_tokens() == [t.i for t in f.doc if f._may_cue(t)]
        for sent in f.doc.sents:
            assert f._has_cue(sent) == any(f._may_cue(t) for t in sent)


def test_person_of_a_cue_free_sentence_speaks_as_er_later():
    st = one("Tobias Kramer eröffnete am Montag die neue Bibliothek in Kassel. "
             "Er sagte, das Haus solle ein Ort für alle Bürger sein.")
    assert st.speaker_id == "person/tobias-kramer" and st.speaker_mention.text == "Er"


@pytest.mark.parametrize("words", [frozenset({","}), frozenset({"laut", "nach", "wie", "zufolge"}),
                                   frozenset({"hieß", "heißt"}), frozenset({"nichtda"})])
def test_words_in_is_the_scan_of_the_tokens(nlp, words):
    text = ("Laut Polizei hieß es, der Zug sei nach Köln gefahren, wie ein Sprecher sagte. Dem Bericht zufolge "
            "heißt es weiter, nach dem Unfall, so die Bahn, fahre kein Zug.")
    for as_view in (True, False):
        f = _finder(nlp, text, as_view)
        for start in range(0, len(f.doc) + 2, 3):
            for end in (start - 1, start, start + 5, len(f.doc)):
                assert f.words_in(words, start, end) == [t.i for t in f.doc[max(0, start):max(0, end)]
                                                         if t.lower_ in words]
