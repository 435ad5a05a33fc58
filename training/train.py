"""ONE reproducible command that builds kg's German pipeline into kg/nlp/model/:

    python -m training.train            # ~25 min on 2 CPU cores; KG_SHARED_DATA overrides ../shared/data

Steps: training.prepare (DocBins) -> stage 1 `spacy train training/config.cfg` (2 threads) -> stage 2
(training/stage2.py: the tagger retrained on stage 1's frozen tok2vec with the convention-mapped tagging
data, a few minutes) -> copy stage 2's model-best to kg/nlp/model/ with meta + LICENSE/ATTRIBUTION.
Extra args are passed to stage 1's `spacy train` as config overrides, e.g.
`python -m training.train --training.max_steps 1000`; `--stage1-only` skips stage 2.

Experiments: `KG_PREPARE=convention python -m training.train --name conv --no-install` trains into
training/runs/conv/ (with a copy of the train/dev DocBins it used, so the next prepare cannot change a
running job's data) and leaves kg/nlp/model/ alone; KG_PREPARE options are in training/prepare.py.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import spacy
from thinc.api import Config

from training.common import CORPUS, MODEL_DIR, REPO, TRAINING
from training import prepare, stage2
from training.pretrain import with_pretraining

ATTRIBUTION = """kg German spaCy pipeline (kg/nlp/model) — licence and attribution
=====================================================================

The statistical weights in this folder were trained on the following data; the model is distributed under
CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/) because it is derived from CC BY-SA data (share-alike):

* UD German-GSD (McDonald et al. 2013, Universal Dependency Treebank v2.0; converted and maintained by the
  UD German-GSD contributors), CC BY-SA 4.0, https://github.com/UniversalDependencies/UD_German-GSD
  -- tagger (UPOS) and morphologizer. (UPOS-only train copy via UKPLab/linspector; dev split.)
* UD German-PUD treebank (Google / Universal Dependencies contributors), CC BY-SA 3.0,
  https://github.com/UniversalDependencies/UD_German-PUD -- tagger and morphologizer.
* GermEval 2014 NER data by D. Benikova, C. Biemann, M. Kisselew, S. Padó (TU Darmstadt / Univ. Stuttgart),
  CC BY 4.0 (Benikova, Biemann, Reznicek: "NoSta-D Named Entity Annotation for German", LREC 2014) -- ner.
* DFKI SmartData Corpus, CC BY 4.0 (Schiersch, Mironova, Schmitt, Thomas, Gabryszak, Hennig: "A German Corpus for
  Fine-Grained Named Entity Recognition and Relation Extraction of Traffic and Industry Events", LREC 2018),
  https://github.com/DFKI-NLP/smartdata-corpus -- ner.
* Europeana Newspapers NER corpora, https://github.com/EuropeanaNewspapers/ner-corpora/, Europeana Newspapers
  Project, 2012-2015, CC0 1.0 (Neudecker, LREC 2016) -- ner (subsample).
* spacy-lookups-data (MIT licence, https://github.com/explosion/spacy-lookups-data): German lemma lookup table
  (lemmatizer/lookups) and German Brown clusters (de_lexeme_cluster; top 300k words stored as vocab
  `lexeme_norm`, i.e. token.norm_ holds a cluster id such as "⟨c40⟩" for known words).

Changes: data converted to spaCy format, labels mapped (GermEval OTH->MISC, *deriv/*part->O; SmartData
person/organization*/location* -> PER/ORG/LOC, other types dropped; Europeana malformed tags cleaned).
No non-commercial data (e.g. the quotation attribution corpus) was used for training.
"""


def parse_args(argv: list[str]) -> tuple[str, bool, bool, list[str]]:
    """(run name, install?, stage 2?, spacy overrides) from
    `[--name NAME] [--no-install] [--stage1-only] [--section.key value ...]`."""
    name, do_install, do_stage2, rest = "final", True, True, []
    it = iter(argv)
    for arg in it:
        if arg in ("-h", "--help"):  # before anything runs: prepare would rewrite training/corpus/
            print(__doc__)
            raise SystemExit(0)
        if arg == "--name":
            name = next(it)
        elif arg == "--no-install":
            do_install = False
        elif arg == "--stage1-only":
            do_stage2 = False
        else:
            rest.append(arg)
    return name, do_install, do_stage2, rest


def main(argv: list[str]) -> None:
    name, do_install, do_stage2, overrides = parse_args(argv)
    prepare.main()
    out = TRAINING / "runs" / name
    data = out / "corpus"
    data.mkdir(parents=True, exist_ok=True)
    for f in ("train.spacy", "dev.spacy", "train_tags.spacy", "dev_tags.spacy", "stats.json"):
        shutil.copy(CORPUS / f, data / f)
    config = TRAINING / "config.cfg"
    if any(o.startswith("--paths.init_tok2vec") for o in overrides):  # pretrained tok2vec (training/pretrain.py)
        config = out / "config_init_tok2vec.cfg"  # with the [pretraining] block spaCy needs to load the weights
        with_pretraining(Config().from_disk(TRAINING / "config.cfg", interpolate=False)).to_disk(config)
    env = dict(os.environ, OMP_NUM_THREADS="2", OPENBLAS_NUM_THREADS="2", MKL_NUM_THREADS="2")
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--code",
           str(TRAINING / "functions.py"), "--output", str(out), "--paths.train", str(data / "train.spacy"),
           "--paths.dev", str(data / "dev.spacy"), *overrides]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=REPO, env=env)
    best = out / "model-best"
    if do_stage2:
        best = stage2.run(best, out / "stage2", corpus=data)
    if do_install:
        install(best, data / "stats.json")


def install(best, stats=CORPUS / "stats.json") -> None:
    nlp = spacy.load(best)
    nlp.meta.update({
        "name": "kg_de_news", "version": "1.1.0", "license": "CC BY-SA 4.0",
        "description": "kg's German news pipeline: tok2vec (hash embeddings incl. Brown-cluster NORM), tagger (UPOS, "
                       "current UD conventions; retrained on the frozen tok2vec in stage 2), attribute_ruler, "
                       "morphologizer, lookup lemmatizer, ner (PER/ORG/LOC/MISC).",
        "author": "kg project", "sources": [
            {"name": "UD German-GSD", "license": "CC BY-SA 4.0"}, {"name": "UD German-PUD", "license": "CC BY-SA 3.0"},
            {"name": "GermEval 2014 NER (dev split, 80%)", "license": "CC BY 4.0"},
            {"name": "DFKI SmartData Corpus", "license": "CC BY 4.0"},
            {"name": "Europeana Newspapers NER", "license": "CC0 1.0"},
            {"name": "spacy-lookups-data (de lemma lookup, de lexeme clusters)", "license": "MIT"}],
    })
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    nlp.to_disk(MODEL_DIR)
    # the [initialize] block references a training-only callback; spacy.load never resolves it, but keep
    # the shipped config free of it (loadable/inspectable without training/functions.py)
    cfg = spacy.util.load_config(MODEL_DIR / "config.cfg", interpolate=False)
    cfg["initialize"]["before_init"] = None
    cfg.to_disk(MODEL_DIR / "config.cfg")
    (MODEL_DIR / "LICENSE").write_text(ATTRIBUTION, encoding="utf-8")
    if stats.exists():
        (MODEL_DIR / "training_data_stats.json").write_text(stats.read_text())
    print(f"installed {best} -> {MODEL_DIR}")


if __name__ == "__main__":
    main(sys.argv[1:])
