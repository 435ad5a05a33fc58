"""Evaluate kg's German pipeline on the FIXED held-out split (never trained on):

    python -m training.evaluate [--model PATH] [--baseline PATH] [--json OUT]
    python -m training.evaluate --split dev [--errors PER]   # rule development: SmartData v3 dev only
    python -m training.evaluate --split germeval-train [--errors PER]   # what the rules break on trained text
    python -m training.evaluate --split smartdata-train --only a,b --changed PER   # the same on SmartData v1 train

* NER P/R/F per label + overall on: GermEval 2014 dev sentences with index % 5 == 4 (440 sentences),
  SmartData v3 test (230 docs), and both pooled.
* POS (UPOS) accuracy and MORPH accuracy (+ Mood) on UD German-GSD test.
Ablation rows:
  (a) statistical model alone (kg tokenizer, no rules)          kg.nlp.load(rules=False)
  (b) + kg's gazetteer entity ruler = full kg.nlp.load()          (ruler COUNTRY -> LOC, ORG -> ORG, done in kg)
  (c) extra feature ablation: --baseline PATH evaluates a model trained WITHOUT the Brown-cluster NORM
      feature (training/config_nocluster.cfg) the same way as (a).
  (r) rules only: kg.nlp.load(statistical=False)
Texts are run through each pipeline's own tokenizer; spaCy's Example alignment maps predictions onto the
gold tokens (character offsets), so tokenization differences are scored fairly.
--split dev scores NER on SmartData v3 dev instead (228 docs, read from $KG_SHARED_DATA, on its own gold
tokens and trimmed exactly like the v3 test). It was used only for the model's selection, never trained on,
so the rule layers (kg/nlp/names.py, kg/nlp/data) are developed and their errors read (--errors LABEL) there.
Needs the prepared DocBins (python -m training.prepare) in training/corpus/.
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from training.common import CORPUS, LABELS, MODEL_DIR


LIMIT = 0


def load_gold(name, vocab):
    path = CORPUS / f"{name}.spacy"
    if not path.exists():
        sys.exit(f"{path} missing: run `python -m training.prepare` first")
    docs = list(DocBin().from_disk(path).get_docs(vocab))
    return docs[:LIMIT] if LIMIT else docs


def predict(nlp, golds):
    preds = list(nlp.pipe((g.text for g in golds), batch_size=64))
    return [Example(p, g) for p, g in zip(preds, golds)]


def ner_scores(examples):
    s = Scorer.score_spans(examples, "ents")
    per = {lab: {k: round(v, 4) for k, v in (s["ents_per_type"] or {}).get(lab, {"p": 0, "r": 0, "f": 0}).items()}
           for lab in LABELS}
    return {"p": round(s["ents_p"], 4), "r": round(s["ents_r"], 4), "f": round(s["ents_f"], 4), "per_type": per}


def pos_scores(examples):
    pos = Scorer.score_token_attr(examples, "pos")["pos_acc"]
    morph = Scorer.score_token_attr_per_feat(examples, "morph", getter=lambda t, a: t.morph.key)["morph_per_feat"] or {}
    macc = Scorer.score_token_attr(examples, "morph", getter=lambda t, a: t.morph.key)["morph_acc"]
    lem = Scorer.score_token_attr(examples, "lemma")["lemma_acc"]
    lem = round(lem, 4) if lem is not None else None
    return {"pos_acc": round(pos or 0, 4), "morph_acc": round(macc or 0, 4),
            "mood_f": round(morph.get("Mood", {}).get("f", 0), 4), "lemma_acc": lem}


def dev_golds(vocab):
    from training.common import read_avro_json, shared_data
    from training.prepare import v3_gold_doc

    path = shared_data() / "smartdata_corpus" / "v3_20200302_dev.json.gz"
    if not path.exists():
        sys.exit(f"{path} missing (set KG_SHARED_DATA)")
    docs = [v3_gold_doc(vocab, obj) for obj in read_avro_json(path)]
    return docs[:LIMIT] if LIMIT else docs


def germeval_train_golds(vocab):
    """The GermEval sentences of the NER training part (index % 5 != 4): the model has seen them, so they
    show what the rule layer adds or breaks on top of it ((b) against (a)), not the model's own quality."""
    from training.common import germeval_split, read_germeval, shared_data
    from training.prepare import bio_doc

    path = shared_data() / "germeval2014" / "NER-de-dev.tsv"
    docs = [bio_doc(vocab, w, t) for i, (w, t) in enumerate(read_germeval(path)) if germeval_split(i) == "train"]
    return docs[:LIMIT] if LIMIT else docs


def smartdata_train_golds(vocab):
    """SmartData v1 train+test documents the NER was trained on (minus the v3 dev/test ids, exactly as
    training/prepare.py), one doc per paragraph, entity ends trimmed like the v3 gold: like germeval-train
    they show what the rule layer adds or breaks on SmartData text, never the held-out split."""
    from training.common import read_avro_json, shared_data, smartdata_doc_parts, smartdata_training
    from training.prepare import kg_tokenizer_nlp, split_paragraphs

    sd = shared_data() / "smartdata_corpus"
    held = {o["id"] for f in ("v3_20200302_dev.json.gz", "v3_20200302_test.json.gz")
            for o in read_avro_json(sd / f)}
    tok = kg_tokenizer_nlp()
    docs = []
    for obj in smartdata_training(sd, held):
        for d, _ in split_paragraphs(tok, *smartdata_doc_parts(obj), trim=True):
            # re-made on the evaluated pipeline's vocab (the tokenizer-only pipeline has its own)
            docs.append(Doc(vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d],
                            ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "") for t in d]))
        if LIMIT and len(docs) >= LIMIT:
            return docs[:LIMIT]
    return docs


def changed(ex_a, ex_b, label):
    """Lines 'ADDED|REMOVED  TP|FP|BOUND|FN  span  context': the `label` spans row (b) predicts and row (a)
    does not (ADDED) and vice versa (REMOVED), each judged against gold (BOUND = overlaps a gold span)."""
    out = []
    for a, b in zip(ex_a, ex_b):
        pa = {(e.start_char, e.end_char) for e in a.predicted.ents if e.label_ == label}
        pb = {(e.start_char, e.end_char) for e in b.predicted.ents if e.label_ == label}
        gold = {(e.start_char, e.end_char): e.label_ for e in b.reference.ents}
        text = b.predicted.text
        for kind, mine in (("ADDED", pb - pa), ("REMOVED", pa - pb)):
            for s, e in sorted(mine):
                lab = gold.get((s, e))
                near = [g for g, l in gold.items() if g[0] < e and s < g[1] and l == label]
                tag = "TP" if lab == label else (f"GOLD-{lab}" if lab else ("BOUND" if near else "FP"))
                ctx = text[max(0, s - 40):e + 40].replace("\n", " ")
                out.append(f"{kind:7s} {tag:9s} {text[s:e]!r}   …{ctx}…")
    return out


def errors(examples, label):
    """Lines 'FP|FN|BOUND  predicted / gold  context' for one label (boundary = overlapping, not equal)."""
    out = []
    for ex in examples:
        pred = {(e.start_char, e.end_char) for e in ex.predicted.ents if e.label_ == label}
        gold = {(e.start_char, e.end_char) for e in ex.reference.ents if e.label_ == label}
        text = ex.predicted.text
        for kind, mine, other in (("FP", pred, gold), ("FN", gold, pred)):
            for s, e in sorted(mine - other):
                near = [o for o in other if o[0] < e and s < o[1]]
                if near and kind == "FN":
                    continue  # reported once, as the predicted side's boundary error
                tag = "BOUND" if near else kind
                vs = f" / {text[near[0][0]:near[0][1]]!r}" if near else ""
                ctx = text[max(0, s - 40):e + 40].replace("\n", " ")
                out.append(f"{tag:5s} {text[s:e]!r}{vs}   …{ctx}…")
    return out


def evaluate_dev(nlp, label=None, golds=dev_golds, keep=None):
    ex = predict(nlp, golds(nlp.vocab))
    if label:
        print("\n".join(errors(ex, label)))
    if keep is not None:
        keep.append(ex)  # for --changed
    return {"ner_dev": ner_scores(ex)}


def evaluate(nlp, vocab_for_gold=None):
    vocab = nlp.vocab
    out = {}
    t0 = time.time()
    ex_ge = predict(nlp, load_gold("test_germeval", vocab))
    ex_sd = predict(nlp, load_gold("test_smartdata", vocab))
    out["ner_germeval"] = ner_scores(ex_ge)
    out["ner_smartdata"] = ner_scores(ex_sd)
    out["ner_all"] = ner_scores(ex_ge + ex_sd)
    out["gsd_test"] = pos_scores(predict(nlp, load_gold("test_gsd", vocab)))
    out["seconds"] = round(time.time() - t0, 1)
    return out


def fmt(name, r):
    lines = [f"== {name}"]
    for key in ("ner_dev", "ner_all", "ner_germeval", "ner_smartdata"):
        if key not in r:
            continue
        s = r[key]
        per = "  ".join(f"{l} {s['per_type'][l]['p']:.3f}/{s['per_type'][l]['r']:.3f}/{s['per_type'][l]['f']:.3f}" for l in LABELS)
        lines.append(f"  {key:14s} P {s['p']:.3f} R {s['r']:.3f} F {s['f']:.3f} | per label P/R/F: {per}")
    if "gsd_test" not in r:
        return "\n".join(lines)
    g = r["gsd_test"]
    lem = f"  lemma acc {g['lemma_acc']:.4f}" if g.get("lemma_acc") is not None else ""
    lines.append(f"  GSD test: POS acc {g['pos_acc']:.4f}  MORPH acc {g['morph_acc']:.4f}  Mood F {g['mood_f']:.3f}{lem}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="model dir (default kg/nlp/model)")
    ap.add_argument("--baseline", default=None, help="model dir trained without the cluster feature (ablation c)")
    ap.add_argument("--json", default=None)
    ap.add_argument("--only", default=None, help="comma list of rows: a,b,c,r")
    ap.add_argument("--split", choices=("test", "dev", "germeval-train", "smartdata-train"), default="test",
                    help="dev: NER on SmartData v3 dev (rule development); germeval-train: the GermEval sentences "
                         "the NER was trained on (what the rules break); smartdata-train: the same for the SmartData v1 "
                         "training documents; test: the held-out split")
    ap.add_argument("--errors", default=None, help="with --split dev or germeval-train: print this label's errors")
    ap.add_argument("--changed", default=None, help="with a development split and rows a,b: list this label's "
                    "spans that (b) adds to or removes from (a), judged against gold")
    ap.add_argument("--limit", type=int, default=0, help="only the first N docs of each set (smoke test)")
    args = ap.parse_args()
    global LIMIT
    LIMIT = args.limit
    import kg.nlp as kgnlp

    model = args.model or (str(MODEL_DIR) if (MODEL_DIR / "config.cfg").exists() else None)
    rows = {
        "a": ("(a) statistical model alone", lambda: kgnlp.load(model, rules=False, fresh=True)),
        "b": ("(b) + kg gazetteer ruler = full kg.nlp.load()", lambda: kgnlp.load(model, fresh=True)),
        "r": ("(r) rules only (no statistical model)", lambda: kgnlp.load(statistical=False, fresh=True)),
    }
    if args.baseline:
        rows["c"] = ("(c-) model WITHOUT Brown-cluster NORM feature, alone", lambda: kgnlp.load(args.baseline, rules=False, fresh=True))
    wanted = args.only.split(",") if args.only else list(rows)
    results, kept = {}, {}
    golds = {"dev": dev_golds, "germeval-train": germeval_train_golds, "smartdata-train": smartdata_train_golds}
    for key in wanted:
        if key not in rows:
            continue
        name, make = rows[key]
        nlp = make()
        if args.split == "test":
            results[key] = evaluate(nlp)
        else:
            results[key] = evaluate_dev(nlp, args.errors, golds[args.split], kept.setdefault(key, []))
        results[key]["name"] = name
        results[key]["pipe_names"] = nlp.pipe_names
        print(fmt(name, results[key]), flush=True)
    if args.changed and {"a", "b"} <= set(kept):
        print("\n".join(changed(kept["a"][0], kept["b"][0], args.changed)))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
