"""Can a pair classifier trained on invented sentences add recall to kg's relation rules?

5-fold cross-validation grouped by sentence (folds drawn per source file with a fixed seed) over the
invented pools ia, ib, ic and the relation checklist; every fold is scored with kg.eval.relations'
own `score`. Variants: the rules alone; the classifier alone; the rules plus the classifier's
relations for pairs the rules left empty (probability >= t); the rules with the classifier vetoing
rule relations whose polarity it gives a probability below v; both; the rules with their negated/hedged
flags overridden where the classifier is sure of the other value.

    PYTHONPATH=$PWD /work/venv/bin/python -m training.relclf.crossval [--folds 5] [--seed 13] [--json FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from collections import defaultdict
from dataclasses import replace

from kg.eval import relations as ev
from training.relclf.pairs import SOURCES, Sentence, build, ceiling

ADD_AT = (0.5, 0.7, 0.9)  # thresholds for adding classifier relations to pairs the rules left empty
VETO_BELOW = (0.05, 0.1)  # a rule relation whose polarity the classifier gives less than this is dropped
CLF_AT = 0.5  # threshold of the classifier alone
SURE = 0.8  # the classifier overrides a rule relation's negated/hedged flag when this sure of the other value


def folds_of(sentences: list[Sentence], k: int, seed: int) -> dict[str, int]:
    """Sentence id -> fold: shuffled per source, dealt round robin, so every fold has each source's share."""
    rng = random.Random(seed)
    out: dict[str, int] = {}
    for source in SOURCES:
        ids = sorted(s.sid for s in sentences if s.source == source)
        rng.shuffle(ids)
        out.update({sid: n % k for n, sid in enumerate(ids)})
    return out


def variants(s: Sentence, probs: dict[tuple[str, str], dict[str, float]], clf) -> dict[str, list[ev.RelTuple]]:
    """The predicted relations of one sentence under every variant."""
    pairs = {(p.a, p.b): p for p in s.pairs}

    def clf_rels(at: float, only_empty: bool) -> list[ev.RelTuple]:
        out = []
        for key, pair in pairs.items():
            if only_empty and pair.rules:
                continue
            out += [clf.relation(pair, pol) for pol, pr in probs[key].items() if pr >= at]
        return out

    def vetoed(below: float) -> list[ev.RelTuple]:
        return [r for r in s.rules if r.pair not in probs or probs[r.pair][r.polarity] >= below]

    def reflagged() -> list[ev.RelTuple]:
        out = []
        for r in s.rules:
            if r.pair in pairs:
                neg, hedge = clf.flags(pairs[r.pair], r.polarity)
                r = replace(r, negated=_sure(r.negated, neg), hedged=_sure(r.hedged, hedge))
            out.append(r)
        return out

    out = {"rules": list(s.rules), f"classifier (p>={CLF_AT})": clf_rels(CLF_AT, False)}
    for t in ADD_AT:
        out[f"rules + clf on empty pairs p>={t}"] = s.rules + clf_rels(t, True)
    for v in VETO_BELOW:
        out[f"rules, clf veto p<{v}"] = vetoed(v)
    # (this combination was picked after seeing the single variants: read it as slightly optimistic)
    out[f"rules + clf p>={ADD_AT[0]}, veto p<{VETO_BELOW[1]}"] = vetoed(VETO_BELOW[1]) + clf_rels(ADD_AT[0], True)
    out[f"rules, flags overridden at {SURE}"] = reflagged()
    return out


def _sure(flag: bool, p: float) -> bool:
    return (p >= SURE) if not flag else not (p <= 1 - SURE)


def crossval(sentences: list[Sentence], k: int, seed: int, share: float = 1.0,
             rule_features: bool = True) -> dict[str, dict[str, list]]:
    """variant -> source -> scoring items (sid, gold, predicted) over all folds. `share` < 1 trains on
    that share of each training fold's sentences (a learning-curve point)."""
    from training.relclf.model import PairClassifier

    fold = folds_of(sentences, k, seed)
    rng = random.Random(seed)
    items: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for f in range(k):
        train_sents = [s for s in sentences if fold[s.sid] != f]
        if share < 1.0:
            train_sents = rng.sample(train_sents, round(share * len(train_sents)))
        train = [p for s in train_sents for p in s.pairs]
        test = [s for s in sentences if fold[s.sid] == f]
        clf = PairClassifier(rule_features=rule_features).fit(train)
        print(f"fold {f}: C chosen " + ", ".join(f"{k}={m.chosen_c:g}" for k, m in clf.models().items()), file=sys.stderr)
        for s in test:
            probs = dict(zip([(p.a, p.b) for p in s.pairs], clf.probabilities(s.pairs)))
            for name, pred in variants(s, probs, clf).items():
                items[name][s.source].append((s.sid, s.gold, pred))
    return items


def miss_causes(sentences: list[Sentence]) -> dict[str, int]:
    """Why the rules miss gold relations (main key): the pair is no candidate, the rules gave the pair
    nothing, the rules gave it another polarity, or the right polarity with other flags."""
    out = {"no candidate": 0, "pair left empty": 0, "other polarity": 0, "other flags": 0}
    for s in sentences:
        cands = {(p.a, p.b) for p in s.pairs}
        pred = {ev.key_main(r) for r in s.rules}
        for g in ev._dedupe(s.gold, ev.key_main):
            if ev.key_main(g) in pred:
                continue
            same = [r for r in s.rules if r.pair == g.pair]
            out["no candidate" if g.pair not in cands else "pair left empty" if not same else
                "other flags" if any(r.polarity == g.polarity for r in same) else "other polarity"] += 1
    return out


def _prf(d: dict) -> str:
    return f"{d['precision']:.3f} {d['recall']:.3f} {d['f1']:.3f}"


def table(items: dict[str, dict[str, list]]) -> tuple[str, dict]:
    figures: dict[str, dict] = {}
    lines = [f"{'variant (pooled over folds)':<40} {'main P    R     F':<18} {'tp/fp/fn':<12}  lenient P R F",
             "-" * 92]
    for name, by_source in items.items():
        pooled = ev.score([x for src in by_source.values() for x in src])
        per = {src: ev.score(x) for src, x in by_source.items()}
        m, le = pooled["main"], pooled["ignore_flags"]
        lines.append(f"{name:<40} {_prf(m):<18} {m['tp']}/{m['fp']}/{m['fn']:<6}  {_prf(le)}")
        figures[name] = {"main": m, "ignore_flags": le, "strict_type": pooled["strict_type"],
                         "per_source_main": {src: sc["main"] for src, sc in per.items()}}
    sources = list(SOURCES)
    lines += ["", f"{'main key per source: P R F':<40} " + "  ".join(f"{s:<17}" for s in sources), "-" * 120]
    for name, fig in figures.items():
        lines.append(f"{name:<40} " + "  ".join(f"{_prf(fig['per_source_main'][s]):<17}" for s in sources))
    return "\n".join(lines), figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.relclf.crossval", description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", default=None, help="write the figures as JSON to this file")
    ap.add_argument("--train-share", type=float, default=1.0,
                    help="train on this share of each training fold's sentences (learning curve)")
    ap.add_argument("--no-rule-features", action="store_true",
                    help="leave the rules' answer out of the classifier's features")
    args = ap.parse_args(argv)
    if importlib.util.find_spec("sklearn") is None:
        print("scikit-learn is missing: pip install -e '.[relclf]'", file=sys.stderr)
        return 2
    sentences = build()
    npairs = sum(len(s.pairs) for s in sentences)
    print(f"{len(sentences)} sentences, {npairs} candidate pairs, "
          f"{sum(bool(p.gold) for s in sentences for p in s.pairs)} with a gold relation")
    ceil = ceiling(sentences)
    print("recognition ceiling (gold relations, main key, whose pair is no candidate): " + ", ".join(
        f"{src} {miss}/{n}" for src, (n, miss) in ceil.items())
        + f"; all {sum(m for _, m in ceil.values())}/{sum(n for n, _ in ceil.values())}")
    print("rules' misses (main key) by cause: " + ", ".join(f"{k} {v}" for k, v in miss_causes(sentences).items()))
    text, figures = table(crossval(sentences, args.folds, args.seed, args.train_share, not args.no_rule_features))
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"ceiling": ceil, "figures": figures}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
