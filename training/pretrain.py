"""tok2vec pretraining (`spacy pretrain`, characters objective) on the unlabelled text of stage 1's own training data.

    python -m training.pretrain --name pt [--minutes 30] [--pretraining.max_epochs N ...]
    KG_PREPARE=... python -m training.train --name NAME --no-install --stage1-only \
        --paths.init_tok2vec training/runs/pt/model-last.bin          # (or modelN.bin)

Text: every doc of training/corpus/train.spacy (run training.prepare first), i.e. exactly the licensed
training sources — GSD train copy, GSD dev, PUD[:800], SmartData v1 training docs (minus v3 dev/test ids),
GermEval training 4/5, the Europeana training subsample — deduplicated (germeval_xN repeats, silver labels
add no text). Never dev.spacy (SmartData v3 dev = selection data) or any held-out set, never
quotation_attribution_de.

The tok2vec block is the one of training/config.cfg (so `init_tok2vec` fits it). Pretraining does not run
[initialize], so the Brown-cluster NORM table is put into the vocab by an `after_creation` callback here;
otherwise the NORM embedding would be pretrained on lower-cased words and meet cluster ids in training.
--minutes stops the run after that wall-clock time (spaCy saves model<epoch>.bin after each epoch; the
last complete epoch is copied to model-last.bin).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from thinc.api import Config

from training.common import CORPUS, REPO, TRAINING

PRETRAIN_DEFAULTS = Path(spacy.__file__).parent / "default_config_pretraining.cfg"


def write_texts(out: Path, train: Path = CORPUS / "train.spacy") -> dict:
    """One JSON line {"text": ...} per distinct training doc; returns counts."""
    nlp = spacy.blank("de")
    seen, words = set(), 0
    with out.open("w", encoding="utf-8") as f:
        for doc in DocBin().from_disk(train).get_docs(nlp.vocab):
            if doc.text in seen:
                continue
            seen.add(doc.text)
            words += len(doc)
            f.write(json.dumps({"text": doc.text}, ensure_ascii=False) + "\n")
    return {"docs": len(seen), "tokens": words}


def with_pretraining(cfg: Config) -> Config:
    """The config with spaCy's default [pretraining] block. Training needs it too: spaCy's
    Language.initialize loads `[initialize] init_tok2vec` only when [pretraining] is non-empty (its
    `component`/`layer` name the layer), and training/config.cfg's block is empty, so without this an
    init_tok2vec override is silently ignored."""
    return cfg.merge(Config().from_disk(PRETRAIN_DEFAULTS, interpolate=False))


def pretrain_config(texts: Path, config: Path = TRAINING / "config.cfg") -> Config:
    """training/config.cfg + spaCy's pretraining defaults, the texts as corpus, cluster norms at creation."""
    cfg = with_pretraining(Config().from_disk(config, interpolate=False))
    cfg["paths"]["raw_text"] = str(texts)
    cfg["nlp"]["after_creation"] = {"@callbacks": "kg.add_cluster_norms.v1", "path": "${paths.clusters}"}
    return cfg


def main(argv: list[str]) -> None:
    name, minutes, overrides, it = "pt", 30.0, [], iter(argv)
    for arg in it:
        if arg == "--name":
            name = next(it)
        elif arg == "--minutes":
            minutes = float(next(it))
        else:
            overrides.append(arg)
    out = TRAINING / "runs" / name
    out.mkdir(parents=True, exist_ok=True)
    counts = write_texts(out / "texts.jsonl")
    print(f"pretraining text: {counts}", flush=True)
    pretrain_config(out / "texts.jsonl").to_disk(out / "config_pretrain.cfg")
    env = dict(os.environ, OMP_NUM_THREADS="2", OPENBLAS_NUM_THREADS="2", MKL_NUM_THREADS="2")
    cmd = [sys.executable, "-m", "spacy", "pretrain", str(out / "config_pretrain.cfg"), str(out / "weights"),
           "--code", str(TRAINING / "functions.py"), *overrides]
    print("+", " ".join(cmd), flush=True)
    start = time.time()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env)
    try:
        proc.wait(timeout=minutes * 60)
    except subprocess.TimeoutExpired:
        proc.terminate()
        proc.wait()
    elapsed = time.time() - start
    saved = sorted((out / "weights").glob("model[0-9]*.bin"), key=lambda p: int(p.stem[5:].split(".")[0]))
    saved = [p for p in saved if ".temp" not in p.name]
    if not saved:
        sys.exit("no epoch finished")
    shutil.copy(saved[-1], out / "model-last.bin")
    info = {**counts, "epochs": int(saved[-1].stem[5:]) + 1, "seconds": round(elapsed), "weights": saved[-1].name}
    (out / "pretrain.json").write_text(json.dumps(info, indent=1))
    print(info)


if __name__ == "__main__":
    main(sys.argv[1:])
