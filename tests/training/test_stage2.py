"""Stage 2 of the pipeline training (training/stage2.py): only the tagger is trained, on the frozen tok2vec."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy import registry

from training.stage2 import stage2_config

SOURCE = Path("/models/stage1")


def test_everything_but_the_tagger_is_sourced_and_frozen_and_tok2vec_annotates():
    cfg = stage2_config(SOURCE)
    pipeline = cfg["nlp"]["pipeline"]
    assert "tagger" in pipeline and "ner" in pipeline
    for name in pipeline:
        if name == "tagger":
            assert "source" not in cfg["components"][name]
            assert cfg["components"][name]["model"]["tok2vec"]["@architectures"] == "spacy.Tok2VecListener.v1"
        else:
            assert cfg["components"][name] == {"source": str(SOURCE)}
    assert cfg["training"]["frozen_components"] == [n for n in pipeline if n != "tagger"]
    assert cfg["training"]["annotating_components"] == ["tok2vec"]
    assert cfg["paths"]["train"].endswith("train_tags.spacy")
    assert cfg.interpolate()["corpora"]["train"]["path"] == cfg["paths"]["train"]
    assert {k for k, v in cfg["training"]["score_weights"].items() if v} == {"tag_acc"}


def test_resumed_tagger_is_sourced_and_encoder_wraps_the_listener():
    assert stage2_config(SOURCE, fresh=False)["components"]["tagger"] == {"source": str(SOURCE)}
    tok2vec = stage2_config(SOURCE, encoder_depth=1)["components"]["tagger"]["model"]["tok2vec"]
    assert tok2vec["embed"]["@architectures"] == "spacy.Tok2VecListener.v1"
    assert tok2vec["encode"]["depth"] == 1 and tok2vec["encode"]["width"] == tok2vec["embed"]["width"]
    model = registry.resolve({"m": stage2_config(SOURCE, encoder_depth=1)["components"]["tagger"]["model"]})["m"]
    assert any(node.name.startswith("tok2vec-listener") for node in model.walk())


def test_unknown_component_is_refused():
    with pytest.raises(ValueError):
        stage2_config(SOURCE, retrain=("parser",))
