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


def test_init_tok2vec_loads_only_with_the_pretraining_block(tmp_path):
    """spaCy's Language.initialize skips `init_tok2vec` when [pretraining] is empty (as in training/config.cfg):
    training.train adds the block (with_pretraining) whenever --paths.init_tok2vec is given."""
    import numpy
    from thinc.api import Config

    from training.pretrain import with_pretraining

    tok2vec = {"factory": "tok2vec", "model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 8, "attrs": ["NORM"], "rows": [50],
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 8, "depth": 1, "window_size": 1,
                   "maxout_pieces": 2}}}
    base = Config({"nlp": {"lang": "de", "pipeline": ["tok2vec"]}, "components": {"tok2vec": tok2vec},
                   "pretraining": {}, "initialize": {"init_tok2vec": str(tmp_path / "w.bin")}})
    source = spacy.util.load_model_from_config(base, auto_fill=True)
    source.initialize()
    weights = source.get_pipe("tok2vec").model
    for node in weights.walk():  # "pretrained": unlike any fresh initialization
        for p in node.param_names:
            if node.has_param(p):
                node.set_param(p, node.get_param(p) + 1.0)
    (tmp_path / "w.bin").write_bytes(weights.to_bytes())

    def loads(cfg):
        nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
        nlp.initialize()
        params = [(n.get_param(p), m.get_param(p)) for n, m in zip(nlp.get_pipe("tok2vec").model.walk(), weights.walk())
                  for p in n.param_names if n.has_param(p)]
        return all(numpy.array_equal(a, b) for a, b in params)

    assert not loads(base.copy())
    assert loads(with_pretraining(base.copy()))
