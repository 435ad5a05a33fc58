"""tok2vec pretraining (training/pretrain.py): its text is the training DocBin's, once each; its config
pretrains exactly stage 1's tok2vec with the Brown-cluster NORM in place."""
from __future__ import annotations

import json

import spacy
from spacy.tokens import Doc, DocBin

from training.pretrain import pretrain_config, write_texts


def test_texts_are_the_training_docs_deduplicated(tmp_path):
    vocab = spacy.blank("de").vocab
    db = DocBin()
    for words in (["Anna", "Berg", "lacht", "."], ["Anna", "Berg", "lacht", "."], ["Der", "Zug", "kam", "."]):
        db.add(Doc(vocab, words=words))
    db.to_disk(tmp_path / "train.spacy")
    counts = write_texts(tmp_path / "texts.jsonl", tmp_path / "train.spacy")
    lines = [json.loads(line) for line in (tmp_path / "texts.jsonl").read_text("utf-8").splitlines()]
    assert lines == [{"text": "Anna Berg lacht . "}, {"text": "Der Zug kam . "}]
    assert counts == {"docs": 2, "tokens": 8}


def test_config_pretrains_the_stage1_tok2vec_with_cluster_norms(tmp_path):
    cfg = pretrain_config(tmp_path / "texts.jsonl")
    stage1 = spacy.util.load_config("training/config.cfg", interpolate=False)
    assert cfg["components"]["tok2vec"] == stage1["components"]["tok2vec"]
    assert cfg["pretraining"]["component"] == "tok2vec"
    assert cfg["pretraining"]["objective"]["@architectures"] == "spacy.PretrainCharacters.v1"
    assert cfg["nlp"]["after_creation"]["@callbacks"] == "kg.add_cluster_norms.v1"
    resolved = cfg.interpolate()
    assert resolved["corpora"]["pretrain"]["path"] == str(tmp_path / "texts.jsonl")
    assert resolved["corpora"]["train"]["path"] == stage1.interpolate()["paths"]["train"]
