"""Experiment (issue #3, sixth stage-1 series; not shipped): an ensemble of already-trained stage-1 NER models.

    python -m training.ensemble --split dev                      # every member alone + ensembles of 3 and 5, row (a)
    python -m training.ensemble --split dev --rows b --members M1,M2,M3 --vote span --threshold 2
    python -m training.ensemble --split test --rows a,b --members ... --vote ... # the held-out split, once
    python -m training.ensemble --speed --members ...            # words/s, load time, size of the members

Every member reads the SAME tokens (kg's pipeline's tokenizer; the members' tokenizers and Brown-cluster
NORM tables are byte-identical, so a member's tok2vec + NER runs on the base pipeline's vocab) and its
entities are combined by a vote:
  span   a labelled span is kept if >= threshold members predict exactly it (per_threshold for PER);
  token  each token's BIO tag (B-X / I-X / O) is the one >= threshold members give it, else O; a stray
         I-X starts an entity.
Row (a) is scored exactly as training/evaluate.py's row (a) (kg.nlp.load(rules=False), texts through the
pipeline's tokenizer, aligned to the gold tokens by character offsets); row (b) puts the ensemble in the
place of the full kg.nlp.load()'s "ner", so kg's whole-word re-read (kg/nlp/unsplit.py) and entity rules
read the ensemble's entities too.
Member names: "shipped" = kg/nlp/model's own NER, anything else = training/runs/NAME/model-best (or a path).
"""
from __future__ import annotations

import argparse
import itertools
import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from training.common import LABELS, MODEL_DIR, TRAINING
from training.evaluate import dev_golds, load_gold, ner_scores

RUNS = TRAINING / "runs"
MEMBERS = ("shipped", "ref_s0_today", "inv_s0", "inv_s1", "inv_sk2_s0", "inv_sk2_s1", "invpt_sk2_s0")
BASE_PARTS = ("tok2vec", "ner")  # all a member needs: its embedding and its NER

Ent = tuple[int, int, str]  # token start, token end, label


@dataclass(frozen=True)
class Vote:
    kind: str = "span"  # "span" or "token"
    threshold: int = 2  # votes an entity (span) or a tag (token) needs
    per_threshold: int | None = None  # span vote only: votes a PER span needs (None = threshold)

    def __str__(self) -> str:
        per = f", PER>={self.per_threshold}" if self.per_threshold not in (None, self.threshold) else ""
        return f"{self.kind}>={self.threshold}{per}"


def vote_spans(members: list[list[Ent]], threshold: int, per_threshold: int | None = None) -> list[Ent]:
    """Spans predicted exactly (same tokens, same label) by >= threshold members. With threshold > half the
    members no two kept spans overlap (one member never predicts two overlapping spans); with a lower PER
    threshold they may, and the span with more votes wins, then the longer, then the earlier."""
    counts = Counter(e for ents in members for e in set(ents))
    need = {lab: threshold for lab in {e[2] for e in counts}}
    if per_threshold is not None:
        need["PER"] = per_threshold
    kept = [e for e, n in counts.items() if n >= need[e[2]]]
    kept.sort(key=lambda e: (-counts[e], -(e[1] - e[0]), e[0], e[2]))
    taken: set[int] = set()
    out = []
    for s, e, lab in kept:
        if not taken.intersection(range(s, e)):
            out.append((s, e, lab))
            taken.update(range(s, e))
    return sorted(out)


def bio(ents: list[Ent], n: int) -> list[str]:
    tags = ["O"] * n
    for s, e, lab in ents:
        tags[s] = f"B-{lab}"
        for i in range(s + 1, e):
            tags[i] = f"I-{lab}"
    return tags


def vote_tokens(members: list[list[Ent]], n: int, threshold: int) -> list[Ent]:
    """Token-level BIO vote: each token gets the tag >= threshold members give it (ties: the tag seen first
    in member order), else O; then decoded left to right, a stray I-X (after O or another label) opening
    an entity."""
    columns = list(zip(*(bio(ents, n) for ents in members))) if members else []
    tags = []
    for col in columns:
        tag, votes = Counter(col).most_common(1)[0]
        tags.append(tag if votes >= threshold else "O")
    out, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        kind, lab = (tag.split("-", 1) + [None])[:2] if tag != "O" else ("O", None)
        if start is not None and (kind != "I" or lab != label):
            out.append((start, i, label))
            start = label = None
        if kind in ("B", "I") and start is None:
            start, label = i, lab
    return out


def combine(members: list[list[Ent]], n: int, vote: Vote) -> list[Ent]:
    if vote.kind == "token":
        return vote_tokens(members, n, vote.threshold)
    return vote_spans(members, vote.threshold, vote.per_threshold)


# ---------------------------------------------------------------- members on the base pipeline's tokens
def member_path(name: str) -> Path:
    if name == "shipped":
        return MODEL_DIR
    path = Path(name)
    return path if (path / "config.cfg").exists() else RUNS / name / "model-best"


def load_member(name: str, nlp: Language) -> Language:
    """A member's tok2vec + NER on the base pipeline's vocab (the members' vocab tables are identical)."""
    path = member_path(name)
    config = spacy.util.load_config(path / "config.cfg")
    drop = [p for p in config["nlp"]["pipeline"] if p not in BASE_PARTS]
    member = spacy.load(path, vocab=nlp.vocab, exclude=drop + ["vocab"])
    from kg.nlp import fast

    fast.use_numpy_blas(member)
    return member


def fresh(doc: Doc) -> Doc:
    """The doc's tokens (and sentence starts, which the NER respects) without entities or tensor."""
    kw = {}
    if doc.has_annotation("SENT_START"):
        kw["sent_starts"] = [bool(t.is_sent_start) for t in doc]
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], **kw)


def ents_of(doc: Doc) -> list[Ent]:
    return [(e.start, e.end, e.label_) for e in doc.ents]


class EnsembleNer:
    """In place of the pipeline's "ner": the base NER on the doc itself (its tok2vec has run), every other
    member's tok2vec + NER on a fresh copy of the doc's tokens; the entities are combined by `vote`."""

    def __init__(self, base, members: list[tuple[str, Language | None]], vote: Vote):
        self.name = "ner"
        self.base = base  # the pipeline's own NER component
        self.members = members  # (name, member pipeline); None = the base NER
        self.vote = vote

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def readings(self, docs: list[Doc]) -> list[list[list[Ent]]]:
        """Per doc, per member: the member's entities (token offsets of the doc)."""
        per_member = []
        for _, member in self.members:
            if member is None:
                copies = [fresh(d) for d in docs]
                for c, d in zip(copies, docs):
                    c.tensor = d.tensor  # the base tok2vec's output, read by the base NER's listener
                got = list(self.base.pipe(copies))
            else:
                got = list(member.pipe([fresh(d) for d in docs]))
            per_member.append([ents_of(g) for g in got])
        return [list(x) for x in zip(*per_member)]

    def pipe(self, docs, batch_size: int = 64):
        docs = iter(docs)
        while batch := list(itertools.islice(docs, batch_size)):
            for doc, readings in zip(batch, self.readings(batch)):
                doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in combine(readings, len(doc), self.vote)]
            yield from batch


def use_ensemble(nlp: Language, names: list[str], vote: Vote) -> Language:
    """Replace nlp's "ner" by an EnsembleNer of `names` (kg.nlp.load(...) pipelines, rules or not)."""
    members = [(n, None if n == "shipped" else load_member(n, nlp)) for n in names]
    ens = EnsembleNer(nlp.get_pipe("ner"), members, vote)
    i = nlp.component_names.index("ner")  # _components also holds disabled ones
    # Language has no public way to put a plain object in a named slot: swap the (name, component) pair
    nlp._components[i] = ("ner", ens)
    return nlp


# ---------------------------------------------------------------- scoring
def score(docs: list[Doc], golds: list[Doc], ents: list[list[Ent]]) -> dict:
    preds = []
    for d, es in zip(docs, ents):
        p = fresh(d)
        p.ents = [Span(p, s, e, label=lab) for s, e, lab in es]
        preds.append(p)
    return ner_scores([Example(p, g) for p, g in zip(preds, golds)])


def line(name: str, s: dict) -> str:
    per = "  ".join(f"{l} {s['per_type'][l]['p']:.3f}/{s['per_type'][l]['r']:.3f}/{s['per_type'][l]['f']:.3f}"
                    for l in LABELS if l != "MISC")
    return f"{name:58s} NER P {s['p']:.3f} R {s['r']:.3f} F {s['f']:.3f} | {per}"


def gold_sets(split: str, vocab) -> dict[str, list[Doc]]:
    if split == "dev":
        return {"dev": dev_golds(vocab)}
    ge, sd = load_gold("test_germeval", vocab), load_gold("test_smartdata", vocab)
    return {"all": ge + sd, "germeval": ge, "smartdata": sd}


def sweep(names: list[str], sizes: list[int], votes_for) -> None:
    """Row (a) on dev: each member's entities once, then every vote over every subset of the given sizes."""
    import kg.nlp as kgnlp

    nlp = kgnlp.load(str(MODEL_DIR), rules=False, fresh=True)
    golds = gold_sets("dev", nlp.vocab)["dev"]
    docs = list(nlp.pipe(g.text for g in golds))
    ens = EnsembleNer(nlp.get_pipe("ner"), [(n, None if n == "shipped" else load_member(n, nlp)) for n in names],
                      Vote())
    readings = ens.readings(docs)  # per doc, per member
    singles = {}
    for i, n in enumerate(names):
        singles[n] = score(docs, golds, [r[i] for r in readings])
        print(line(f"single {n}", singles[n]), flush=True)
    best = max(singles, key=lambda n: singles[n]["per_type"]["PER"]["f"])
    print(f"best single by PER F: {best} {singles[best]['per_type']['PER']['f']:.3f}; "
          f"best NER F: {max(s['f'] for s in singles.values()):.3f}")
    # the pre-stated subset of each size: the k best members alone by dev PER F (the other subsets show the spread)
    ranked = sorted(range(len(names)), key=lambda i: -singles[names[i]]["per_type"]["PER"]["f"])
    for k in sizes:
        top = tuple(sorted(ranked[:k]))
        print(f"== {k} members; top-{k} by single dev PER F: {'+'.join(names[i] for i in top)}", flush=True)
        for vote in votes_for(k):
            rows = {}
            for combo in itertools.combinations(range(len(names)), k):
                rows[combo] = score(docs, golds, [combine([r[i] for i in combo], len(d), vote)
                                                  for d, r in zip(docs, readings)])
            pf = [s["per_type"]["PER"]["f"] for s in rows.values()]
            nf = [s["f"] for s in rows.values()]
            best_combo = max(rows, key=lambda c: rows[c]["per_type"]["PER"]["f"])
            print(f"vote {str(vote):18s} {len(rows):2d} subsets: PER F mean {sum(pf) / len(pf):.3f} min {min(pf):.3f} "
                  f"max {max(pf):.3f}; NER F mean {sum(nf) / len(nf):.3f} min {min(nf):.3f} max {max(nf):.3f}", flush=True)
            print("   " + line("top-" + str(k), rows[top]))
            print("   " + line("best: " + "+".join(names[i] for i in best_combo), rows[best_combo]))


def default_votes(k: int) -> list[Vote]:
    """Majority span and token votes, then the span vote with every other PER threshold (1 = PER union,
    k = PER unanimity) and, for 2 members, the union of all labels with or without PER agreement."""
    major = k // 2 + 1
    votes = [Vote("span", major), Vote("token", major)]
    votes += [Vote("span", major, p) for p in range(1, k + 1) if p != major]
    if k == 2:
        votes += [Vote("span", 1), Vote("token", 1)]
    return votes


def rows_run(split: str, rows: list[str], names: list[str], vote: Vote) -> None:
    import kg.nlp as kgnlp

    for row in rows:
        nlp = kgnlp.load(str(MODEL_DIR), rules=(row == "b"), fresh=True)
        if names != ["shipped"]:
            use_ensemble(nlp, names, vote)
        for key, golds in gold_sets(split, nlp.vocab).items():
            ex = [Example(p, g) for p, g in zip(nlp.pipe((g.text for g in golds), batch_size=64), golds)]
            print(line(f"({row}) {split}:{key} {'+'.join(names)} {vote}", ner_scores(ex)), flush=True)


def speed(names: list[str], vote: Vote, repeat: int) -> None:
    """Load time and words/s of the full kg.nlp.load() with and without the ensemble, alternating runs in one
    process (benchmarks/nlp_speed.py's texts and word count), and the members' size on disk."""
    import sys

    sys.path.insert(0, str(TRAINING.parent / "benchmarks"))
    from nlp_speed import news_texts

    import kg.nlp as kgnlp

    texts, source = news_texts()
    t = time.perf_counter()
    single = kgnlp.load(str(MODEL_DIR), fresh=True)
    t_single = time.perf_counter() - t
    ens = kgnlp.load(str(MODEL_DIR), fresh=True)
    t = time.perf_counter()
    use_ensemble(ens, names, vote)
    t_members = time.perf_counter() - t
    print(f"texts: {source}; load: kg.nlp.load() {t_single:.2f} s, + the ensemble's members {t_members:.2f} s")
    for nlp in (single, ens):
        list(nlp.pipe(texts[:5]))
    rates: dict[str, list[float]] = {"single": [], "ensemble": []}
    for _ in range(repeat):
        for key, nlp in (("single", single), ("ensemble", ens)):
            words, c = 0, time.process_time()
            for doc in nlp.pipe(texts, batch_size=64):
                words += sum(1 for tok in doc if not (tok.is_space or tok.is_punct))
            rates[key].append(words / (time.process_time() - c))
    for key, r in rates.items():
        print(f"{key}: {sorted(r)[len(r) // 2]:,.0f} words per CPU-second (median of {len(r)}: "
              + ", ".join(f"{x:,.0f}" for x in r) + ")")
    print(f"load average {os.getloadavg()[0]:.2f}")
    for n in names:
        if n != "shipped":
            p = member_path(n)
            size = sum(f.stat().st_size for part in BASE_PARTS for f in (p / part).rglob("*") if f.is_file())
            print(f"member {n}: tok2vec + ner {size / 1e6:.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--members", default=",".join(MEMBERS))
    ap.add_argument("--sizes", default="2,3,5,7")
    ap.add_argument("--rows", default=None, help="a,b: score one ensemble (--members, --vote) as rows (a)/(b)")
    ap.add_argument("--vote", choices=("span", "token"), default="span")
    ap.add_argument("--threshold", type=int, default=None, help="default: a majority of the members")
    ap.add_argument("--per-threshold", type=int, default=None)
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    names = args.members.split(",")
    vote = Vote(args.vote, args.threshold or len(names) // 2 + 1, args.per_threshold)
    if args.speed:
        speed(names, vote, args.repeat)
    elif args.rows:
        rows_run(args.split, args.rows.split(","), names, vote)
    elif args.split == "dev":
        sweep(names, [int(k) for k in args.sizes.split(",")], default_votes)
    else:
        raise SystemExit("--split test only with --rows and one chosen ensemble (measured once)")


if __name__ == "__main__":
    main()
