"""Fuzz ingest + extraction + RDF mapping + the alliance page with generated and mutated articles.

    /work/venv/bin/python tests/fuzz/run_fuzz.py --n 2000 [--seed 1] [--crash-dir fuzz-crashes]

Articles are seed texts cut and mutated (quote marks, random Unicode, control characters, truncation,
huge tokens, broken line ends) and written as .txt, .jsonl and .html files, some as raw bytes
(Windows-1252, invalid UTF-8, binary). Every file goes through `kg.ingest.iter_articles`, every article
through the spaCy pipeline, `kg.extract`, `kg.rdf.mapping` (N-Triples round trip) and finally
`kg.network.html`. A crash is any exception, or an offset that does not point at its text; each
is printed with its input saved under --crash-dir. Exit status 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
QUOTES = ["„", "“", "”", '"', "'", "«", "»", "‹", "›", "‚", "‘", "’", "「", "」"]
ODD = ["\u200b", "\u200e", "\u202e", "\ufeff", "\u0301", "\u00ad", "\ufffd", "\u2028", "\u2029", "\x00", "\x07",
       "\x1b", "\x7f", "\r", "\t", "\x0c", "🙂", "𝔄", "ß", "ẞ", "İ", "ﬁ", "<script>", "</script>", "&lt;", "\\", "%2F",
       "../", "#", "?", "{", "}", "|", "^", "`", "@prefix", ">", "<"]
CUES = ["sagte", "erklärte", "betonte", "Deutschland", "Frankreich", "Russland", "Ukraine", "China", "NATO",
        "unterstützt", "Bündnis", "Sanktionen gegen", "nicht", "kein", "der Sprecher", "Präsident", "Minister"]


@dataclass
class FuzzResult:
    inputs: int = 0
    articles: int = 0
    problems: int = 0
    statements: int = 0
    relations: int = 0
    crashes: list[dict] = field(default_factory=list)
    slowest: list[tuple[float, str, list[str]]] = field(default_factory=list)  # (seconds, input, mutations)
    seconds: float = 0.0


def _random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.3:
            out.append(rng.choice(ODD))
        elif r < 0.6:
            out.append(chr(rng.randint(0x20, 0x2FFF)))
        else:
            cp = rng.randint(0, 0x10FFFF)
            out.append(chr(cp) if not 0xD800 <= cp <= 0xDFFF else "\ufffd")
    return "".join(out)


def mutate(text: str, rng: random.Random) -> tuple[str, list[str]]:
    """One mutated article and the names of the mutations applied."""
    done = []
    start = rng.randrange(len(text))
    text = text[start:start + rng.randint(40, 800)] if rng.random() < 0.95 else text
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["quotes", "unicode", "truncate", "huge_token", "cues", "newlines", "delete", "repeat",
                           "case", "no_space"])
        done.append(kind)
        pos = rng.randint(0, len(text))
        if kind == "quotes":
            for _ in range(rng.randint(1, 8)):
                pos = rng.randint(0, len(text))
                text = text[:pos] + rng.choice(QUOTES) + text[pos:]
        elif kind == "unicode":
            text = text[:pos] + _random_unicode(rng, rng.randint(1, 40)) + text[pos:]
        elif kind == "truncate":
            text = text[:pos]
        elif kind == "huge_token":
            ch = rng.choice("Aa-„.0ß§")
            # a punctuation run becomes one token per mark, and kg_sentences is quadratic in tokens
            # (see the final report), so those runs stay shorter than letter runs, which are one token
            size = rng.randint(1_000, 30_000) if ch.isalnum() else rng.randint(100, 3_000)
            text = text[:pos] + " " + ch * size + " " + text[pos:]
        elif kind == "cues":
            text = text[:pos] + " " + " ".join(rng.choices(CUES, k=rng.randint(1, 12))) + " " + text[pos:]
        elif kind == "newlines":
            text = text.replace("\n", rng.choice(["\r\n", "\r", "\n\n\n", " ", "\u2028"]))
        elif kind == "delete":
            end = rng.randint(pos, min(len(text), pos + 200))
            text = text[:pos] + text[end:]
        elif kind == "repeat":
            text = text[pos:pos + rng.randint(1, 60)] * rng.randint(2, 20) + text
        elif kind == "case":
            text = text.upper() if rng.random() < 0.5 else text.lower()
        elif kind == "no_space":
            text = text.replace(" ", "")
    return text, done


def generate(root: Path, n: int, rng: random.Random) -> dict[str, list[str]]:
    """n inputs under `root` (files and JSONL lines); file name -> mutations, for crash reports."""
    seeds = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    made: dict[str, list[str]] = {}
    jsonl: list[str] = []
    for i in range(n):
        text, kinds = mutate(rng.choice(seeds), rng)
        shape = rng.random()
        if shape < 0.55:
            name = f"f{i:05}.txt"
            (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        elif shape < 0.65:
            name, kinds = f"f{i:05}.txt", kinds + ["cp1252_bytes"]
            (root / name).write_bytes(text.encode("cp1252", errors="replace"))
        elif shape < 0.70:
            name, kinds = f"f{i:05}.txt", kinds + ["random_bytes"]
            raw = text.encode("utf-8", errors="replace")
            cut = rng.randint(0, len(raw))
            (root / name).write_bytes(raw[:cut] + rng.randbytes(rng.randint(1, 200)) + raw[cut:])
        elif shape < 0.75:
            name, kinds = f"f{i:05}.html", kinds + ["html"]
            body = "".join(f"<p>{p}</p>" for p in text.split("\n"))
            (root / name).write_text(f"<html><head><title>{text[:40]}</title></head><body><article>{body}"
                                     f"</article></body></html>"[: rng.choice([10**9, rng.randint(0, 3000)])],
                                     encoding="utf-8", errors="surrogatepass")
        else:
            name = f"feed.jsonl:{len(jsonl) + 1}"
            obj = {"id": rng.choice([i, f"x{i}", "../x", "dup", None, "<a>"]), "text": text,
                   "title": rng.choice([None, text[:30], 7, ["x"]]), "url": rng.choice([None, "http://x/ y", "<>"])}
            lone = rng.random() < 0.05  # JSON may escape a lone surrogate, which no UTF-8 text can hold
            if lone:
                pos = rng.randint(0, len(text))
                obj["text"], kinds = text[:pos] + "\ud800" + text[pos:], kinds + ["lone_surrogate"]
            line = json.dumps(obj, ensure_ascii=lone or rng.random() < 0.5)
            if rng.random() < 0.05:
                line = line[: rng.randint(0, len(line))]  # malformed line
            jsonl.append(line)
        made[name] = kinds
    (root / "feed.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    return made


def _check_offsets(text: str, res) -> None:
    for ent in res.entities.values():
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text, f"mention {m} of {ent.id}"
    for s in res.statements:
        assert text[s.quote_start:s.quote_end] == s.quote, f"quote of {s.id}"
        m = s.speaker_mention
        assert text[m.start:m.end] == m.text, f"speaker mention of {s.id}"
    for rel in res.relations:
        for ev in rel.evidence:
            assert text[ev.start:ev.end].strip() == ev.text, f"evidence {ev.start}-{ev.end}"


def run(n: int = 2000, seed: int = 1, crash_dir: Path | None = None, max_bytes: int = 2_000_000) -> FuzzResult:
    from rdflib import Graph

    from kg import network
    from kg import nlp as kg_nlp
    from kg.build import merge_relations
    from kg.extract import extract
    from kg.ingest import Article, Problem, iter_articles
    from kg.rdf import mapping

    rng = random.Random(seed)
    result = FuzzResult(inputs=n)
    start = time.perf_counter()
    nlp = kg_nlp.load()

    def crash(where: str, text: str | None, kinds, err: BaseException) -> None:
        entry = {"input": where, "mutations": kinds, "error": f"{type(err).__name__}: {err}",
                 "traceback": traceback.format_exc()}
        if crash_dir is not None:
            crash_dir.mkdir(parents=True, exist_ok=True)
            saved = crash_dir / f"crash{len(result.crashes):03}.txt"
            saved.write_text(text if text is not None else "", encoding="utf-8", errors="surrogatepass")
            entry["saved"] = str(saved)
        result.crashes.append(entry)

    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as tmp:
        root = Path(tmp)
        made = generate(root, n, rng)
        articles: list[Article] = []
        try:
            for item in iter_articles([root], max_bytes=max_bytes):
                if isinstance(item, Problem):
                    result.problems += 1
                    assert "\n" not in item.problem and item.path, f"problem not one line: {item}"
                else:
                    articles.append(item)
        except Exception as err:  # ingest must never raise
            crash("ingest", None, [], err)
        result.articles = len(articles)
        graphs, results = [], []
        docs = nlp.pipe((a.body for a in articles), batch_size=8)
        for article in articles:
            where = f"{Path(article.path).name}:{article.line}" if article.line else Path(article.path).name
            kinds = made.get(where, [])
            t0 = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                break
            except Exception as err:
                crash(where, article.body, kinds, err)
                docs = nlp.pipe((a.body for a in articles[articles.index(article) + 1:]), batch_size=32)
                continue
            try:
                res = extract(doc, article.doc_id)
                _check_offsets(article.body, res)
                g = mapping.article_graph(article, res)
                Graph().parse(data=g.serialize(format="nt"), format="nt")
                graphs.append(g)
                results.append(res)
                result.slowest = sorted(result.slowest + [(time.perf_counter() - t0, where, kinds)])[-3:]
                result.statements += len(res.statements)
                result.relations += len(res.relations)
            except Exception as err:
                crash(where, article.body, kinds, err)
        try:
            merged = Graph()
            for g in graphs + [mapping.summary_graph(merge_relations(results)), mapping.vocabulary_graph()]:
                for t in g:
                    merged.add(t)
            page = network.html(merged)
            # the payloads in ODD ("<script>", "</script>") reach the page only escaped inside the JSON data
            assert page.count("<script") == network.html(Graph()).count("<script"), "a script element was injected"
        except Exception as err:
            crash("network.html", None, [], err)
    result.seconds = time.perf_counter() - start
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="generated inputs (default 2000, about 2 minutes)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--crash-dir", type=Path, default=None, help="save each crashing input here")
    args = ap.parse_args(argv)
    res = run(args.n, args.seed, args.crash_dir)
    for c in res.crashes:
        print(f"CRASH {c['input']} {c['mutations']}: {c['error']}\n{c['traceback']}", file=sys.stderr)
    print(f"{res.inputs} inputs, {res.articles} articles, {res.problems} reported problems, {res.statements} "
          f"statements, {res.relations} relations, {len(res.crashes)} crashes in {res.seconds:.0f} s")
    print("slowest: " + "; ".join(f"{w} {k} {t:.1f} s" for t, w, k in reversed(res.slowest)))
    return 1 if res.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
