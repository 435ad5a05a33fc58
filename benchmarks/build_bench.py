"""Scale of `kg build`: words/s, peak memory and overhead over the bare spaCy pipeline.

    python benchmarks/build_bench.py [--sizes 1000,10000] [--words 300] [--workers 1[,2]] [--keep DIR]
                                     [--corpus full|small] [--corpus-only] [--repeat R]

For each size N it writes N articles of ~300 words as JSONL into a temp dir: real German sentences
from $KG_SHARED_DATA (default <repo>/../shared/data: UD GSD + PUD, GermEval 2014, quotation dev
texts, SmartData news) recombined deterministically. Then, each in a fresh subprocess (so peak RSS is
that run's own): (1) the bare pipeline, kg.nlp.load() + nlp.pipe over the same texts; (2) a full
`kg.build.build` of the JSONL (no cache); (3) a rebuild of the unchanged folder (all from cache).
Prints words/s, peak RSS and the ratio build time / bare pipeline time. `--workers 1,2` builds once per
worker count (same corpus, same run), so the counts compare on equal terms on a busy machine. Targets (issue 6): ratio <= 1.3,
>= 8,000 words/s, peak RSS at the largest size <= 1.5x that at the smallest.

Corpus: `--corpus full` (default) takes all of SmartData (v1 train and test, v3 dev and test) and each
distinct sentence once; `--corpus small` is the earlier rounds' sentence list (SmartData v1 test only,
24,222 sentences), so their figures stay comparable. Each size prints its repetition factor (sentence
draws / distinct sentences drawn): spaCy's tokenizer caches every word it has seen, so the more a
corpus repeats itself, the cheaper the bare pipeline gets per article. Europeana's historic newspapers
are left out: OCR text (~22% of its tokens are not plain words or punctuation) without sentence
boundaries, and the few clean sentences are too few to matter.

`--repeat R` runs the bare pipeline and the one-worker build R times in turn for each size (fresh processes,
pipeline, build, pipeline, build, ...) and prints each pair's ratio and their median: the bare pipeline's own
time varies by ~5% between runs on these machines, which is the size of the margin the target is about.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from kg.eval.relations import _iter_concatenated_json  # noqa: E402  (SmartData's concatenated JSON)


def shared_data() -> Path:
    env = os.environ.get("KG_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")


def sentences(corpus: str = "full") -> list[str]:
    d, out = shared_data(), []
    for f in ("ud_german_gsd/de_gsd-ud-dev.conllu", "ud_german_gsd/de_gsd-ud-test.conllu", "ud_german_pud/de_pud-ud-test.conllu"):
        p = d / f
        if p.exists():
            out += [l[9:].strip() for l in p.open(encoding="utf-8") if l.startswith("# text = ")]
    p = d / "ud_german_gsd/de_gsd-ud-train.upos-only.linspector.txt"
    if p.exists():
        out += [" ".join(t.rsplit("##", 1)[0] for t in l.split()) for l in p.open(encoding="utf-8") if l.strip()]
    p = d / "germeval2014/NER-de-dev.tsv"
    if p.exists():
        toks: list[str] = []
        for l in p.open(encoding="utf-8"):
            if l.startswith("#"):
                continue
            if not l.strip():
                if toks:
                    out.append(" ".join(toks))
                toks = []
            else:
                toks.append(l.split("\t")[1])
    p = d / "quotation_attribution_de/dev.jsonl.gz"
    if p.exists():
        for l in gzip.open(p, "rt", encoding="utf-8"):
            out += SPLIT.split(json.loads(l).get("text", ""))
    # v3 dev/test are corrected copies of v1 documents: they add only the sentences the correction changed
    smartdata = SMARTDATA if corpus == "full" else SMARTDATA[:1]
    for f in smartdata:
        p = d / "smartdata_corpus" / f
        if p.exists():
            for obj in _iter_concatenated_json(gzip.open(p, "rt", encoding="utf-8").read()):
                out += SPLIT.split(obj["text"]["string"])
    out = [s.strip() for s in out if len(s.split()) >= 4]
    if not out:
        sys.exit(f"no German text found under {d} (set KG_SHARED_DATA)")
    # the small corpus keeps its 98 duplicate sentences so that its draws are those of the earlier rounds
    return list(dict.fromkeys(out)) if corpus == "full" else out


SMARTDATA = ("v1_20180119_test.json.gz", "v1_20180119_train.json.gz", "v3_20200302_dev.json.gz", "v3_20200302_test.json.gz")


def write_corpus(path: Path, n: int, words: int, sents: list[str]) -> tuple[int, int, int]:
    """Writes n articles; returns (words, sentence draws, distinct sentences drawn)."""
    rng, total, drawn = random.Random(n), 0, []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body, count = [], 0
            while count < words:
                s = sents[rng.randrange(len(sents))]
                body.append(s)
                count += len(s.split())
            total += count
            drawn += body
            # a paragraph break every 4 sentences, a title line like a news article's
            paras = ["\n".join([" ".join(body[j:j + 4]) for j in range(0, len(body), 4)])]
            text = f"Meldung {i}: {body[0][:80]}\n\n" + paras[0].replace("\n", "\n\n")
            fh.write(json.dumps({"id": i, "title": f"Meldung {i}", "text": text}, ensure_ascii=False) + "\n")
    return total, len(drawn), len(set(drawn))


CHILD = r"""
import json, resource, sys, time
mode, src, out, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
t0 = time.perf_counter()
if mode == "pipeline":
    import kg.nlp
    from kg.ingest import iter_articles
    nlp = kg.nlp.load()
    bodies = (a.body for a in iter_articles([src]) if hasattr(a, "body"))
    n = 0
    for doc in nlp.pipe(bodies, batch_size=32):
        n += 1
    words = None
else:
    from kg.build import build
    r = build([src], out, workers=workers, incremental=(mode == "rebuild"))
    n, words = len(r.built), r.words
    if mode == "rebuild" and r.processed:  # kg's code or data changed between the runs
        print(f"warning: cached rebuild processed {len(r.processed)} articles", file=sys.stderr)
secs = time.perf_counter() - t0
print(json.dumps({"docs": n, "words": words, "seconds": secs,
                  "cpu_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) + sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def child(mode: str, src: Path, out: Path, workers: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    res = subprocess.run([sys.executable, "-c", CHILD, mode, str(src), str(out), str(workers)],
                         capture_output=True, text=True, env=env)
    if res.returncode:
        sys.exit(f"{mode} run failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def repeated(n: int, d: Path, times: int, first: tuple[dict, dict] | None) -> None:
    """Pipeline and one-worker build in turn, `times` pairs (the run above counts as the first when it built
    with one worker): each pair's wall and CPU ratio, and the medians."""
    pairs = []
    if first is not None:
        pipe, row = first
        pairs.append((pipe["seconds"], row["build_s"], pipe["cpu_s"], row["build_cpu"]))
    while len(pairs) < times:
        pipe = child("pipeline", d / "in", d / "out", 1)
        full = child("full", d / "in", d / "out", 1)
        pairs.append((pipe["seconds"], full["seconds"], pipe["cpu_s"], full["cpu_s"]))
    for k, (ps, bs, pc, bc) in enumerate(pairs, 1):
        print(f"N={n:>6} pair {k}: pipeline {ps:7.1f} s, build {bs:7.1f} s, ratio {bs / ps:.2f} (CPU {bc / pc:.2f})", flush=True)
    print(f"N={n:>6} median of {len(pairs)} pairs: ratio {statistics.median(b / p for p, b, _, _ in pairs):.2f} "
          f"(CPU {statistics.median(b / p for _, _, p, b in pairs):.2f})", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--workers", default="1", help="worker counts to build with, comma-separated")
    ap.add_argument("--keep", type=Path, help="write corpora and outputs here instead of a temp dir")
    ap.add_argument("--corpus", choices=("full", "small"), default="full",
                    help="full: all shared news text, each sentence once; small: the earlier rounds' sentence list")
    ap.add_argument("--corpus-only", action="store_true", help="write the corpora and print their repetition, run nothing")
    ap.add_argument("--repeat", type=int, default=1,
                    help="R > 1: also run pipeline and one-worker build R times in turn and print the median ratio")
    args = ap.parse_args()
    sents = sentences(args.corpus)
    workers = [int(w) for w in args.workers.split(",")]
    print(f"corpus {args.corpus}: {len(sents)} source sentences ({len(set(sents))} distinct, "
          f"{sum(len(s.split()) for s in sents)} words); workers={args.workers}; {os.cpu_count()} cores", flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        base = args.keep or Path(tmp)
        for n in (int(s) for s in args.sizes.split(",")):
            d = base / f"n{n}"
            (d / "in").mkdir(parents=True, exist_ok=True)
            words, draws, distinct = write_corpus(d / "in" / "articles.jsonl", n, args.words, sents)
            print(f"N={n:>6} corpus: {words} words, {draws} sentence draws, {distinct} distinct sentences, "
                  f"repetition {draws / distinct:.2f}", flush=True)
            if args.corpus_only:
                continue
            pipe = child("pipeline", d / "in", d / "out", 1)
            for w in workers:
                full = child("full", d / "in", d / "out", w)
                again = child("rebuild", d / "in", d / "out", w)
                row = dict(n=n, workers=w, words=full["words"], pipe_s=pipe["seconds"], build_s=full["seconds"],
                           rebuild_s=again["seconds"], ratio=full["seconds"] / pipe["seconds"],
                           wps=full["words"] / full["seconds"], pipe_wps=full["words"] / pipe["seconds"],
                           pipe_cpu=pipe["cpu_s"], build_cpu=full["cpu_s"], cpu_ratio=full["cpu_s"] / pipe["cpu_s"],
                           rss_pipe=pipe["peak_rss_mb"], rss_build=full["peak_rss_mb"], rss_rebuild=again["peak_rss_mb"])
                rows.append(row)
                worker_rss = f" + largest worker {full['worker_rss_mb']:.0f} MB" if w > 1 else ""
                print(f"N={n:>6} words={row['words']:>9}  pipeline {row['pipe_s']:7.1f} s ({row['pipe_wps']:6.0f} w/s, "
                      f"{row['rss_pipe']:5.0f} MB)  build (workers={w}) {row['build_s']:7.1f} s ({row['wps']:6.0f} w/s, "
                      f"{row['rss_build']:5.0f} MB{worker_rss})  ratio {row['ratio']:.2f}  cached rebuild {row['rebuild_s']:5.1f} s "
                      f"({row['rss_rebuild']:4.0f} MB)\n         CPU s: pipeline {row['pipe_cpu']:.1f}, build {row['build_cpu']:.1f}, "
                      f"ratio {row['cpu_ratio']:.2f} (CPU time is what a busy machine distorts least)", flush=True)
            if args.repeat > 1:
                repeated(n, d, args.repeat, first=(pipe, next(r for r in rows if r["n"] == n and r["workers"] == 1))
                         if 1 in workers else None)
    one = [r for r in rows if r["workers"] == workers[0]]
    if len(one) > 1:
        print(f"peak RSS of build at N={one[-1]['n']} / N={one[0]['n']}: {one[-1]['rss_build'] / one[0]['rss_build']:.2f}x")


if __name__ == "__main__":
    main()
