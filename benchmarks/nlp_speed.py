"""Speed of kg's full NLP pipeline: load time of kg.nlp.load() and words/s of nlp.pipe over real German news.

    python benchmarks/nlp_speed.py [--model PATH] [--repeat N] [--no-rules] [--components]

Texts: SmartData v1 news documents (newswire, not tweets) from $KG_SHARED_DATA (default <repo>/../shared/data);
if absent, GSD test sentences joined into ~20-sentence pseudo-articles; if that is absent too, the sample
articles in this file. Words = non-space, non-punctuation tokens of the output docs.
Single process; kg.nlp.load() limits numpy's BLAS to one thread (KG_BLAS_THREADS to change it).
--components also runs the components one after the other over all texts and prints each one's CPU time.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

FALLBACK = [
    "Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten Emmanuel Macron empfangen. "
    "„Wir stehen fest an der Seite der Ukraine“, sagte Scholz nach dem Treffen im Kanzleramt. "
    "Macron kündigte an, Frankreich werde weitere Waffen liefern. Die Nato beobachtet die Lage genau.",
    "Der Siemens-Konzern hat im vergangenen Quartal mehr Umsatz gemacht als erwartet. Wie das Unternehmen in "
    "München mitteilte, stieg der Gewinn um zwölf Prozent. Vorstandschef Roland Busch zeigte sich zufrieden.",
]


def shared_data() -> Path:
    env = os.environ.get("KG_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def news_texts(limit_words: int = 120_000) -> tuple[list[str], str]:
    sd = shared_data() / "smartdata_corpus" / "v1_20180119_test.json.gz"
    if sd.exists():
        s = gzip.open(sd, "rt", encoding="utf-8").read()
        dec, i, texts, n = json.JSONDecoder(), 0, [], 0
        while i < len(s) and n < limit_words:
            while i < len(s) and s[i].isspace():
                i += 1
            if i >= len(s):
                break
            obj, i = dec.raw_decode(s, i)
            src = ((obj.get("refids") or {}).get("map") or {}).get("source", "")
            if src != "news":
                continue
            t = obj["text"]["string"]
            texts.append(t)
            n += len(t.split())
        return texts, f"SmartData v1 test news docs ({len(texts)} docs)"
    gsd = shared_data() / "ud_german_gsd" / "de_gsd-ud-test.conllu"
    if gsd.exists():
        sents = [l[len("# text = "):].strip() for l in gsd.open(encoding="utf-8") if l.startswith("# text = ")]
        return [" ".join(sents[i:i + 20]) for i in range(0, len(sents), 20)], "GSD test sentences as articles"
    return FALLBACK * 200, "built-in sample articles"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-rules", action="store_true")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--components", action="store_true", help="CPU time per component")
    args = ap.parse_args()
    texts, source = news_texts()
    # wall-clock AND process CPU time: on a shared/overloaded machine the CPU-time figure is the
    # uncontended single-process estimate (check `uptime` load average when comparing runs)
    w0, c0 = time.perf_counter(), time.process_time()
    import spacy

    import kg.nlp

    w1, c1 = time.perf_counter(), time.process_time()
    nlp = kg.nlp.load(args.model, rules=not args.no_rules, fresh=True)
    w2, c2 = time.perf_counter(), time.process_time()
    model_dir = args.model or kg.nlp.MODEL_DIR
    spacy.load(model_dir)
    w3, c3 = time.perf_counter(), time.process_time()
    list(nlp.pipe(texts[:5]))  # warm-up
    words, chars = 0, 0
    t1, p1 = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for doc in nlp.pipe(texts, batch_size=args.batch_size):
            words += sum(1 for t in doc if not (t.is_space or t.is_punct))
            chars += len(doc.text)
    el, cpu = time.perf_counter() - t1, time.process_time() - p1
    print(f"pipeline: {nlp.pipe_names}")
    print(f"texts: {source}, {words:,} words, {chars:,} chars")
    print(f"load time: import spacy+kg.nlp {w1 - w0:.2f} s (cpu {c1 - c0:.2f}); kg.nlp.load() {w2 - w1:.2f} s "
          f"(cpu {c2 - c1:.2f}); spacy.load(model) alone {w3 - w2:.2f} s (cpu {c3 - c2:.2f})")
    print(f"speed: {words / el:,.0f} words/s wall ({chars / el:,.0f} chars/s, {el:.1f} s); "
          f"{words / cpu:,.0f} words per CPU-second")
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if args.components:
        per_component(nlp, texts, args.batch_size)


def per_component(nlp, texts: list[str], batch_size: int) -> None:
    """Each component over all texts in turn (the tokenizer cache is warm from the run before)."""
    times = {}
    c = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    times["tokenizer"] = time.process_time() - c
    for name, proc in nlp.pipeline:
        c = time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.process_time() - c
    total = sum(times.values())
    print("CPU s per component: " + ", ".join(f"{k} {v:.2f} ({100 * v / total:.0f}%)" for k, v in times.items()))


if __name__ == "__main__":
    main()
