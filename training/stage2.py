"""Stage 2 of kg's German pipeline: retrain the tagger on the frozen stage-1 tok2vec.

    python -m training.stage2 --source training/runs/final/model-best --name final   # called by training.train

Stage 1 (training/config.cfg) trains tok2vec, tagger, morphologizer and ner together; its tagger learns the
old UPOS-only GSD train copy's conventions ("diese", "keine", "alle" PRON, month names PROPN). Retraining
everything on the convention-mapped copy lifts UPOS but moves the shared tok2vec and with it the NER
(seed noise of 5-6 PER F points, training/README.md). Stage 2 therefore sources every component from the
stage-1 model, freezes all but the tagger (tok2vec is also *annotating*, so the tagger's listener reads
the frozen doc.tensor) and trains only the tagger on train_tags.spacy (convention-mapped), selecting on
PUD[800:] tag accuracy. The tok2vec and ner weights stay bit-identical to stage 1, so NER is unchanged.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from thinc.api import Config

from training.common import CORPUS, REPO, TRAINING

RETRAIN = ("tagger",)
MAX_STEPS = 2000
EVAL_FREQUENCY = 250


def stage2_config(source: Path, retrain=RETRAIN, fresh: bool = True, encoder_depth: int = 0,
                  corpus: Path = CORPUS) -> Config:
    """training/config.cfg turned into a stage-2 config: every component is sourced from `source` except
    the retrained ones, which are new (fresh=True: same architecture, initialized anew) or sourced and
    resumed (fresh=False); all others are frozen, tok2vec annotates for the listeners.
    encoder_depth > 0 gives a fresh tagger its own CNN layers (spaCy's MaxoutWindowEncoder) on top of the
    frozen shared vectors: built-in architectures only, so the model loads without kg code."""
    cfg = Config().from_disk(TRAINING / "config.cfg", interpolate=False)
    # relative to the repository (spacy train runs there): the shipped config names no local folders
    cfg["paths"]["train"] = os.path.relpath(corpus / "train_tags.spacy", REPO)
    cfg["paths"]["dev"] = os.path.relpath(corpus / "dev_tags.spacy", REPO)
    resolved = cfg.interpolate()
    pipeline = cfg["nlp"]["pipeline"]
    unknown = set(retrain) - set(pipeline)
    if unknown:
        raise ValueError(f"not in the pipeline: {sorted(unknown)}")
    for name in pipeline:
        if name not in retrain or not fresh:
            cfg["components"][name] = {"source": str(source)}
        else:  # its ${components.tok2vec...} width refers to a block replaced by `source`
            cfg["components"][name] = resolved["components"][name]
    if encoder_depth and fresh and "tagger" in retrain:
        tagger = cfg["components"]["tagger"]["model"]
        listener, width = tagger["tok2vec"], tagger["tok2vec"]["width"]
        tagger["tok2vec"] = {"@architectures": "spacy.Tok2Vec.v2", "embed": listener, "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": encoder_depth,
            "window_size": 1, "maxout_pieces": 2}}
    t = cfg["training"]
    t["frozen_components"] = [n for n in pipeline if n not in retrain]
    t["annotating_components"] = ["tok2vec"]
    t["max_steps"] = MAX_STEPS
    t["eval_frequency"] = EVAL_FREQUENCY
    # model selection on PUD[800:] tags only (the dev set has no entities; ner is frozen anyway)
    t["score_weights"] = {k: None for k in t["score_weights"]}
    t["score_weights"]["tag_acc"] = 1.0
    if "morphologizer" in retrain:
        t["score_weights"]["morph_acc"] = 0.2
    # the attribute_ruler is sourced with its patterns; nothing else to initialize
    cfg["initialize"]["components"] = {}
    return cfg


def parse_args(argv: list[str]) -> dict:
    opts = {"source": None, "name": "stage2", "retrain": RETRAIN, "fresh": True, "depth": 0, "overrides": []}
    it = iter(argv)
    for arg in it:
        if arg == "--source":
            opts["source"] = Path(next(it)).resolve()
        elif arg == "--name":
            opts["name"] = next(it)
        elif arg == "--retrain":
            opts["retrain"] = tuple(next(it).split(","))
        elif arg == "--encoder-depth":
            opts["depth"] = int(next(it))
        elif arg == "--resume":
            opts["fresh"] = False
        else:
            opts["overrides"].append(arg)
    if opts["source"] is None:
        sys.exit("--source MODEL_DIR (the stage-1 model) is required")
    return opts


def run(source: Path, out: Path, retrain=RETRAIN, fresh: bool = True, encoder_depth: int = 0, overrides=(),
        corpus: Path = CORPUS) -> Path:
    """Train stage 2 into `out` (config written there too); returns out/model-best."""
    out.mkdir(parents=True, exist_ok=True)
    cfg_path = out / "config_stage2.cfg"
    stage2_config(source, retrain, fresh, encoder_depth, corpus).to_disk(cfg_path)
    env = dict(os.environ, OMP_NUM_THREADS="2", OPENBLAS_NUM_THREADS="2", MKL_NUM_THREADS="2")
    cmd = [sys.executable, "-m", "spacy", "train", str(cfg_path), "--code", str(TRAINING / "functions.py"),
           "--output", str(out), *overrides]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=REPO, env=env)
    return out / "model-best"


def main(argv: list[str]) -> None:
    o = parse_args(argv)
    run(o["source"], TRAINING / "runs" / o["name"], o["retrain"], o["fresh"], o["depth"], o["overrides"])


if __name__ == "__main__":
    main(sys.argv[1:])
