"""Extraction alone, this tree's `kg.extract` against another revision's, in one process.

    python benchmarks/extract_bench.py [--base main] [--articles 1000] [--passes 3] [--chunk 25]

Writes the `build_bench.py` corpus of that many articles, parses it once, then runs `kg.extract.extract`
of the base revision (its `kg/extract` taken with `git archive` into a temp dir and imported under another
name) and of this tree over the same parsed docs, alternating in chunks (the order flips every chunk), so
that the load of a shared machine falls on both alike. Prints how many articles' results differ (`repr`,
must be 0 when a change is meant to keep the records) and ms per article (`time.process_time`) per pass.
Extraction of 1,000 articles takes a few seconds a pass; parsing them ~30 s.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import REPO, sentences, write_corpus  # noqa: E402  (also puts the repo first on sys.path)

BASE_NAME = "kg_base_extract"


def import_base(rev: str, tmp: Path):
    """`kg/extract` of revision `rev` as the package BASE_NAME (its absolute imports of kg.extract renamed)."""
    archive = tmp / "base.tar"
    subprocess.run(["git", "-C", str(REPO), "archive", "-o", str(archive), rev, "kg/extract"], check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(tmp, filter="data")
    pkg = (tmp / "kg" / "extract").rename(tmp / BASE_NAME)
    for py in pkg.glob("*.py"):
        py.write_text(re.sub(r"\bkg\.extract\b", BASE_NAME, py.read_text("utf-8")), "utf-8")
    sys.path.insert(0, str(tmp))
    return importlib.import_module(BASE_NAME)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="main", help="the revision to compare with")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=25)
    args = ap.parse_args()
    import kg.extract as new
    import kg.nlp
    from kg.ingest import iter_articles

    with tempfile.TemporaryDirectory(prefix="kg-extract-bench-") as d:
        tmp = Path(d)
        old = import_base(args.base, tmp)
        write_corpus(tmp / "articles.jsonl", args.articles, 300, sentences())
        arts = [a for a in iter_articles([str(tmp / "articles.jsonl")]) if hasattr(a, "body")]
        nlp = kg.nlp.load()
        docs = list(nlp.pipe((a.body for a in arts), batch_size=32))
        ids = [a.doc_id for a in arts]
        differ = sum(repr(old.extract(doc, i)) != repr(new.extract(doc, i)) for doc, i in zip(docs, ids))
        print(f"{len(docs)} articles; results differing (repr): {differ}", flush=True)
        gc.set_threshold(20_000, *gc.get_threshold()[1:])  # (as kg build sets it)
        total = {"base": 0.0, "this": 0.0}
        for p in range(args.passes):
            t = {"base": 0.0, "this": 0.0}
            for n, k in enumerate(range(0, len(docs), args.chunk)):
                pair = [("base", old), ("this", new)]
                for name, mod in pair if (n + p) % 2 == 0 else pair[::-1]:
                    t0 = time.process_time()
                    for doc, i in zip(docs[k:k + args.chunk], ids[k:k + args.chunk]):
                        mod.extract(doc, i)
                    t[name] += time.process_time() - t0
            print(f"pass {p + 1}: {args.base} {t['base'] / len(docs) * 1000:.3f}, this {t['this'] / len(docs) * 1000:.3f} "
                  f"ms/article ({(t['this'] / t['base'] - 1) * 100:+.1f}%)", flush=True)
            for name in t:
                total[name] += t[name]
        print(f"all passes: {args.base} {total['base'] / len(docs) / args.passes * 1000:.3f}, this "
              f"{total['this'] / len(docs) / args.passes * 1000:.3f} ms/article ({(total['this'] / total['base'] - 1) * 100:+.1f}%)")


if __name__ == "__main__":
    main()
