"""Tests for kg's trained German pipeline (kg/nlp/model), built by `python -m training.train`."""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MODEL_DIR = REPO / "kg" / "nlp" / "model"
SHARED = Path(os.environ.get("KG_SHARED_DATA", REPO.parent / "shared" / "data"))
TRAINED = ("tok2vec", "tagger", "attribute_ruler", "morphologizer", "lemmatizer", "ner")

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").exists(),
                                reason="kg/nlp/model not built (python -m training.train)")


@pytest.fixture(scope="module")
def nlp():
    import kg.nlp

    return kg.nlp.load()


def ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_model_loads_offline(monkeypatch):
    import spacy

    def no_network(*args, **kwargs):
        raise AssertionError("network access while loading the model")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    nlp = spacy.load(MODEL_DIR)
    assert nlp.lang == "de"
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}
    # lemma tables are serialized into the model: spacy-lookups-data not needed at runtime
    assert (MODEL_DIR / "lemmatizer" / "lookups" / "lookups.bin").exists()
    assert (MODEL_DIR / "LICENSE").exists()


def test_pipe_names(nlp):
    for name in TRAINED:
        assert name in nlp.pipe_names, nlp.pipe_names


def test_tagging_morph_lemma(nlp):
    doc = nlp("Die Ministerin sagte, sie habe die Häuser gestern besucht.")
    pos = {t.text: t.pos_ for t in doc}
    assert pos["Ministerin"] == "NOUN"
    assert pos["sagte"] == "VERB"
    assert pos["Die"] == "DET"
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["Häuser"] == "Haus"
    assert lemmas["sagte"] == "sagen"
    habe = next(t for t in doc if t.text == "habe")
    assert habe.morph.get("Mood") == ["Sub"], habe.morph  # Konjunktiv I of reported speech


def test_tags_follow_the_current_ud_conventions(nlp):
    # stage 2 of the training: determiners the old GSD train copy called PRON are DET, months are nouns
    pos = {t.text: t.pos_ for t in nlp("Diese Entscheidung fiel den beiden Ministern im Oktober leicht. "
                                          "Alle Länder stimmten zu.")}
    assert (pos["Diese"], pos["beiden"], pos["Alle"], pos["Oktober"]) == ("DET", "DET", "DET", "NOUN"), pos


def test_unknown_person(nlp):
    text = "Oleksandr Petrenko, der Verteidigungsminister der Ukraine, sagte am Montag, die Lage sei ernst."
    found = ents(nlp, text)
    assert ("Oleksandr Petrenko", "PER") in found, found
    assert ("Ukraine", "LOC") in found, found


def test_unknown_person_and_org(nlp):
    text = "Dr. Emily Carter, eine leitende Analystin am Brookings Institution, hält die Sanktionen für wirkungslos."
    doc = nlp(text)
    labels = {e.text: e.label_ for e in doc.ents}
    assert any("Emily Carter" in t and l == "PER" for t, l in labels.items()), labels
    assert any("Brookings" in t and l == "ORG" for t, l in labels.items()), labels


def test_invented_minister(nlp):
    text = ("Die neue Finanzministerin Marlene Quastberg-Uhlig kündigte in Hannover an, "
            "die Schuldenbremse bis 2027 einzuhalten.")
    found = ents(nlp, text)
    assert any(t.startswith("Marlene Quastberg") and l == "PER" for t, l in found), found
    assert ("Hannover", "LOC") in found, found


def test_invented_company(nlp):
    text = "Der Vorstand der Velmora Logistik AG teilte mit, dass Firmenchef Jens Albrechtsen zurücktritt."
    found = ents(nlp, text)
    assert any("Velmora" in t and l == "ORG" for t, l in found), found
    assert any("Albrechtsen" in t and l == "PER" for t, l in found), found


def test_hyphen_tokenization(nlp):
    doc = nlp("Der US-Außenminister sprach über den Russland-Ukraine-Krieg mit Moon Jae-in.")
    words = [t.text for t in doc]
    assert words[1:4] == ["US", "-", "Außenminister"]
    assert "Jae-in" in words


@pytest.mark.skipif(not (SHARED / "germeval2014").exists(), reason=f"shared data not found at {SHARED} (set KG_SHARED_DATA)")
def test_heldout_quality_floor():
    """Statistical NER on a slice of the held-out GermEval sentences stays above a floor (regression guard)."""
    import kg.nlp
    from spacy.scorer import Scorer
    from spacy.tokens import Doc
    from spacy.training import Example

    from training.common import fix_bio, germeval_split, read_germeval

    nlp = kg.nlp.load(rules=False)
    golds = [Doc(nlp.vocab, words=w, ents=fix_bio(t)) for i, (w, t) in
             enumerate(read_germeval(SHARED / "germeval2014" / "NER-de-dev.tsv")) if germeval_split(i) == "test"]
    examples = [Example(p, g) for p, g in zip(nlp.pipe(g.text for g in golds), golds)]
    f = Scorer.score_spans(examples, "ents")["ents_f"]
    assert f >= 0.55, f
