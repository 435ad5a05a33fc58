"""Evaluate statement extraction against the German news quotation attribution dev set.

The dataset (Petersen-Frey & Biemann 2024, CC BY-NC-SA 4.0) lives in the shared data folder and is
used to **measure** only. Each article runs through the normal build path (``kg.build.process`` on
``Article`` records, exactly what ``kg build`` does) and the statements are scored:

* a statement **matches** a gold quotation when the quote spans overlap by at least half of *both*
  spans (a gold quotation with several spans is compared by the cover from its first to its last
  span) and the speaker mention overlaps a gold speaker span;
* it is **quote-only** when the quote matches but the speaker does not;
* Direct gold is matched by direct statements, Indirect gold by indirect ones; statements that
  match Reported / FreeIndirect / IndirectFreeIndirect gold count neither way (these types are
  not targets but not errors either);
* **all**: precision of every statement against all gold quotations (any type, speaker right).

Run ``kg eval quotes [PATH]`` or ``python -m kg.eval.quotes [PATH]``; the default PATH is
``<shared>/quotation_attribution_de/dev.jsonl.gz`` (shared = ``KG_SHARED_DATA`` or
``<repo>/../shared/data``). When it is absent the evaluation prints why and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from kg.eval.relations import Score, default_shared_dir

DATASET = Path("quotation_attribution_de") / "dev.jsonl.gz"
SCORED = ("Direct", "Indirect")
NEUTRAL = ("Reported", "FreeIndirect", "IndirectFreeIndirect")


@dataclass(frozen=True)
class Quote:
    """A gold or predicted quotation reduced to what the scorer compares."""

    doc_id: str
    start: int
    end: int
    speaker: tuple[tuple[int, int], ...]
    type: str  # gold: Direct/Indirect/...; predicted: Direct/Indirect
    text: str = ""


@dataclass
class Counts(Score):
    quote_only: int = 0  # quote right, speaker wrong
    no_speaker: int = 0  # gold quotations without a gold speaker: no statement can match them (in fn)
    misses: list = field(default_factory=list)
    false: list = field(default_factory=list)


def default_path() -> Path:
    return default_shared_dir() / DATASET


def load_gold(path: str | Path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_quotes(doc: dict) -> list[Quote]:
    out = []
    for q in doc.get("quotations", []):
        if not q.get("quote"):
            continue
        start = min(s for s, _ in q["quote"])
        end = max(e for _, e in q["quote"])
        out.append(Quote(str(doc["id"]), start, end, tuple(tuple(s) for s in q.get("speaker") or ()),
                         q["type"], q.get("quote_text", "")))
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def quote_match(pred: Quote, gold: Quote) -> bool:
    """Overlap of at least half of both spans."""
    ov = overlap((pred.start, pred.end), (gold.start, gold.end))
    return ov * 2 >= (pred.end - pred.start) and ov * 2 >= (gold.end - gold.start) and ov > 0


def speaker_match(pred: Quote, gold: Quote) -> bool:
    return any(overlap(p, g) > 0 for p in pred.speaker for g in gold.speaker)


def score(pairs: Iterable[tuple[list[Quote], list[Quote]]]) -> dict[str, Counts]:
    """pairs: (gold, predicted) quotations per document. Returns Counts for Direct, Indirect, all."""
    res = {"Direct": Counts(), "Indirect": Counts(), "all": Counts()}
    for gold, pred in pairs:
        used: set[int] = set()
        for p in pred:
            c = res[p.type]
            full = [k for k, g in enumerate(gold) if quote_match(p, g) and speaker_match(p, g)]
            quote = [k for k, g in enumerate(gold) if quote_match(p, g)]
            same = [k for k in full if gold[k].type == p.type and k not in used]
            if full:
                res["all"].tp += 1
            else:
                res["all"].fp += 1
                res["all"].false.append(p)
            if same:
                c.tp += 1
                used.add(same[0])
            elif any(gold[k].type in NEUTRAL for k in quote):
                continue  # matches a quotation type that is not scored
            elif any(gold[k].type in SCORED and gold[k].type != p.type for k in full):
                continue  # right quotation and speaker, other directness: counted on recall only
            else:
                c.fp += 1
                c.false.append(p)
                if any(gold[k].type == p.type for k in quote):
                    c.quote_only += 1
        for k, g in enumerate(gold):
            if g.type in SCORED and not g.speaker:
                res[g.type].no_speaker += 1
            if g.type in SCORED and k not in used:
                res[g.type].fn += 1
                res[g.type].misses.append(g)
    return res


def predicted_quotes(doc_id: str, result) -> list[Quote]:
    return [Quote(doc_id, st.quote_start, st.quote_end,
                  ((st.speaker_mention.start, st.speaker_mention.end),),
                  "Direct" if st.direct else "Indirect", st.quote) for st in result.statements]


def articles(docs: list[dict], path: str | Path) -> list:
    """The dataset's documents as kg articles, the whole text as body (the build path's input)."""
    from kg import ingest

    return [ingest.Article(doc_id=f"qa-{d['id']}", source=Path(path).name, path=str(path), text=d["text"],
                           body_end=len(d["text"]), title=d.get("title")) for d in docs]


def run(path: str | Path) -> tuple[dict[str, Counts], list[dict]]:
    """Run the build path on the dataset's articles and score them."""
    from kg import nlp as kg_nlp
    from kg.build import process

    docs = load_gold(path)
    results = process(articles(docs, path), kg_nlp.load())
    pairs = [(gold_quotes(d), predicted_quotes(str(d["id"]), r)) for d, r in zip(docs, results)]
    return score(pairs), docs


def table(res: dict[str, Counts]) -> str:
    lines = [f"{'type':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'quote-only':>10}"]
    for name in ("Direct", "Indirect"):
        c = res[name]
        lines.append(f"{name:10} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5} {c.fp:5} {c.fn:5} "
                     f"{c.quote_only:10}")
    a = res["all"]
    lines.append(f"{'all':10} {a.precision:6.3f} {'':>6} {'':>6} {a.tp:5} {a.fp:5} {'':>5} {'':>10}")
    lines.append(f"gold quotations without a speaker (counted in fn, no statement can match them): "
                 f"Direct {res['Direct'].no_speaker}, Indirect {res['Indirect'].no_speaker}")
    return "\n".join(lines)


def in_context(text: str, q: Quote, margin: int = 60) -> str:
    """The quotation with its speaker marked up inside the surrounding text, for reading errors."""
    marks = sorted([(q.start, q.end, "Q")] + [(s, e, "S") for s, e in q.speaker if e <= q.start or s >= q.end])
    lo, hi = max(0, marks[0][0] - margin), min(len(text), max(e for _s, e, _k in marks) + margin)
    out, pos = [], lo
    for s, e, kind in marks:
        out.append(f"{text[pos:s]}[{kind}:{text[s:e]}]")
        pos = e
    out.append(text[pos:hi])
    return repr("".join(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.eval.quotes", description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="dataset JSONL(.gz); default: shared quotation_attribution_de dev")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses/false statements per type")
    args = ap.parse_args(argv)
    return evaluate_cli(args.path, args.errors)


def evaluate_cli(path: str | Path | None, errors: int = 0) -> int:
    path = Path(path) if path else default_path()
    if not path.exists():
        print(f"skipped: quotation dataset not found at {path} (set KG_SHARED_DATA or pass PATH)")
        return 0
    res, docs = run(path)
    texts = {str(d["id"]): d["text"] for d in docs}
    print(f"quotation attribution: {path} ({len(docs)} documents)")
    print(table(res))
    for name in ("Direct", "Indirect") if errors else ():
        c = res[name]
        print(f"\n-- {name} misses (gold [Q:quote] [S:speaker])")
        for g in c.misses[:errors]:
            print(f"  [{g.doc_id}]{'' if g.speaker else ' (no gold speaker)'} {in_context(texts[g.doc_id], g)}")
        print(f"-- {name} false (predicted [Q:quote] [S:speaker])")
        for p in c.false[:errors]:
            print(f"  [{p.doc_id}] {in_context(texts[p.doc_id], p)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
