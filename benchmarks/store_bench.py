"""kg's query engine (Oxigraph under rdflib, kg.query) vs rdflib's default in-memory store.

    python benchmarks/store_bench.py [--triples 1000000] [--timeout 300] [--keep FILE]

Generates a graph in kg's own shape (synthetic articles, entities, statements and relations mapped
by kg.rdf.mapping, plus the summary and vocabulary graphs), then measures, each engine in its own
subprocess (peak memory = resource.getrusage maxrss of that subprocess):
  - load: parse the Turtle file into the engine;
  - every shipped query (queries/*.rq) on the loaded graph;
  - round trip (separate subprocess): Turtle parse + Turtle serialise.
A query slower than --timeout seconds is stopped and shown as ">T".
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

ISO = ["DEU", "FRA", "USA", "RUS", "UKR", "CHN", "PRK", "KOR", "JPN", "GBR", "POL", "ITA", "ESP", "TUR", "IRN",
       "ISR", "IND", "BRA", "CAN", "AUS"]
STATEMENT_TYPES = ["concern", "warn", "pledge_support", "report", "demand", "criticize"]
RELATION_TYPES = [("alliance", "cooperative"), ("cooperation", "cooperative"), ("sanctions", "hostile"),
                  ("armed_conflict", "hostile"), ("support", "cooperative")]


def synthetic_article(i: int, rnd: random.Random):
    """One article's records: ~12 entities, 6 statements, 2 relations (about 190 triples)."""
    from kg.extract.records import COUNTRY, PERSON, DocumentResult, Entity, Evidence, Mention, Relation, Statement
    from kg.ingest import Article

    doc = f"{i:07d}_bench"
    text = "x" * 4000
    art = Article(doc, f"{doc}.txt", f"/bench/{doc}.txt", text, len(text), title=f"Schlagzeile {i}",
                  date="2024-11-05", url=f"https://example.org/{i}", publisher="Bench")
    entities, pos = {}, 0

    def mention(eid, label):
        nonlocal pos
        pos += 17
        m = Mention(doc, pos, pos + len(label), label, eid)
        entities[eid].mentions.append(m)
        return m

    countries = rnd.sample(ISO, 4)
    for iso in countries:
        entities[f"country/{iso}"] = Entity(f"country/{iso}", f"Land {iso}", COUNTRY, iso3=iso)
        mention(f"country/{iso}", f"Land {iso}")
    people = []
    for k in range(8):
        pid = f"person/p{rnd.randrange(20000)}"
        entities.setdefault(pid, Entity(pid, f"Person {pid[8:]}", PERSON, country=rnd.choice(countries)))
        people.append(pid)
    statements = []
    for k in range(6):
        sp = rnd.choice(people)
        m = mention(sp, entities[sp].label)
        statements.append(Statement(f"{doc}-s{k}", doc, sp, m, f"Zitat {k} aus Artikel {i}", 100 * k, 100 * k + 40,
                                    bool(k % 2), rnd.choice(STATEMENT_TYPES), cue="sagte",
                                    target_ids=(f"country/{rnd.choice(countries)}",), confidence=0.8))
    relations = []
    for k in range(2):
        a, b = rnd.sample(countries, 2)
        rtype, pol = rnd.choice(RELATION_TYPES)
        relations.append(Relation(f"country/{a}", f"country/{b}", rtype, pol,
                                  evidence=[Evidence(doc, 1000 + 50 * k, 1040 + 50 * k, f"Beleg {k}", "unterstützt")]))
    return art, DocumentResult(doc, entities, statements, relations)


def generate(path: Path, triples: int, seed: int = 7) -> int:
    """Write the graph as `kg build` writes graph.ttl (its streamed writer: sorted, one block per
    subject, kg's prefixes), so both engines parse the file shape kg users query."""
    from kg.build import _prefix_block, _turtle_blocks, merge_relations, ntriples
    from kg.rdf import mapping

    rnd = random.Random(seed)
    lines: set[str] = set()
    results, i = [], 0
    while len(lines) < triples:
        art, res = synthetic_article(i, rnd)
        lines.update(ntriples(mapping.article_graph(art, res)))
        results.append(res)
        i += 1
    lines.update(ntriples(mapping.summary_graph(merge_relations(results))))
    lines.update(ntriples(mapping.vocabulary_graph()))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(_prefix_block())
        fh.writelines(_turtle_blocks(sorted(lines)))
    return len(lines)


# --- measurements (run in subprocesses) ----------------------------------------------------------

class Timeout(Exception):
    pass


def _alarm(_sig, _frame):
    raise Timeout()


class Clock:
    """Wall time, and CPU time of the whole process (all threads): on a shared machine the CPU time
    shows the work done when other jobs stretch the wall time."""

    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self, out: dict, name: str) -> None:
        out[name] = time.perf_counter() - self.wall
        out[name + ":cpu"] = time.process_time() - self.cpu


def measure_queries(engine: str, path: str, timeout: int) -> dict:
    """What `kg query NAME -g graph.ttl -f csv` does, per engine: load the file once, then per query
    evaluate it and write every row as W3C CSV (kg's writer, or rdflib's own CSV serializer)."""
    from rdflib import Graph

    from kg import query as q

    out = {}
    clock = Clock()
    if engine == "kg":
        g = q.load_graph(path)
    else:
        g = Graph()  # rdflib's default: Memory store, rdflib's Turtle parser
        g.parse(path, format="turtle")
    clock.stop(out, "load")
    signal.signal(signal.SIGALRM, _alarm)
    for name, text in q.shipped_queries().items():
        clock = Clock()
        signal.alarm(timeout)
        try:
            if engine == "kg":
                text_out = q.format_result(q.run(text, g), "csv")
            else:
                text_out = g.query(text).serialize(format="csv").decode("utf-8")  # rdflib's SPARQL engine
            clock.stop(out, name)
        except Timeout:
            out[name] = None  # shown as >T; the CPU time spent until then is a lower bound
            out[name + ":cpu_spent"] = time.process_time() - clock.cpu
            continue
        finally:
            signal.alarm(0)
        out[name + ":rows"] = sum(1 for _ in csv.reader(io.StringIO(text_out))) - 1  # not timed
    return out


def measure_roundtrip(engine: str, path: str) -> dict:
    """Parse the Turtle file and write it again as Turtle (with kg's prefixes)."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg import query as q
    from kg.rdf.mapping import PREFIXES

    clock = Clock()
    if engine == "kg":
        g = q.load_graph(path)
        buf = tempfile.TemporaryFile()
        g.store._inner.dump(buf, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                            prefixes={p: str(ns) for p, ns in PREFIXES.items()})
        size = buf.tell()
    else:
        g = Graph()
        g.parse(path, format="turtle")
        for p, ns in PREFIXES.items():
            g.bind(p, ns)
        size = len(g.serialize(format="turtle", encoding="utf-8"))
    out = {"bytes": size}
    clock.stop(out, "roundtrip")
    return out


def child(args) -> None:
    if args.child == "generate":
        res = {"triples": generate(Path(args.file), args.count)}
    elif args.child == "roundtrip":
        res = measure_roundtrip(args.engine, args.file)
    else:
        res = measure_queries(args.engine, args.file, args.timeout)
    res["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(res))


def run_child(engine: str, what: str, path: Path, timeout: int, count: int = 0) -> dict:
    cmd = [sys.executable, __file__, "--child", what, "--engine", engine, "--file", str(path), "--timeout", str(timeout),
           "--count", str(count)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{engine} {what} failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fmt_s(v) -> str:
    return "    >T" if v is None else f"{v:8.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--timeout", type=int, default=300, help="seconds per query before it counts as >T")
    ap.add_argument("--keep", type=Path, help="write (or reuse) the generated Turtle here")
    ap.add_argument("--only-roundtrip", action="store_true", help="measure only the Turtle round trip (parse + write)")
    ap.add_argument("--child", choices=["generate", "queries", "roundtrip"], help=argparse.SUPPRESS)
    ap.add_argument("--engine", choices=["kg", "rdflib"], help=argparse.SUPPRESS)
    ap.add_argument("--file", help=argparse.SUPPRESS)
    ap.add_argument("--count", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)

    tmp = tempfile.TemporaryDirectory()
    path = args.keep or Path(tmp.name) / "bench.ttl"
    if not path.exists():
        # in a subprocess too: Linux keeps a process's peak RSS across fork+exec, so a big parent
        # would raise every child's maxrss
        t0 = time.perf_counter()
        n = run_child("kg", "generate", path, args.timeout, args.triples)["triples"]
        print(f"generated {n} triples ({path.stat().st_size / 1e6:.0f} MB Turtle) in {time.perf_counter() - t0:.0f} s")
    if args.only_roundtrip:
        rt = {engine: run_child(engine, "roundtrip", path, args.timeout) for engine in ("kg", "rdflib")}
        a, b = rt["kg"], rt["rdflib"]
        print(f"round trip (parse+write): kg {a['roundtrip']:.2f} s, rdflib {b['roundtrip']:.2f} s, "
              f"{b['roundtrip'] / a['roundtrip']:.1f}x wall; CPU {a['roundtrip:cpu']:.2f} s vs "
              f"{b['roundtrip:cpu']:.2f} s, {b['roundtrip:cpu'] / a['roundtrip:cpu']:.1f}x; "
              f"peak memory {a['maxrss_mb']:.0f} MB vs {b['maxrss_mb']:.0f} MB")
        return
    results = {}
    for engine in ("kg", "rdflib"):
        results[engine] = {**run_child(engine, "queries", path, args.timeout),
                           **{f"rt_{k}": v for k, v in run_child(engine, "roundtrip", path, args.timeout).items()}}
        print(f"{engine}: done", file=sys.stderr)
    kg, rl = results["kg"], results["rdflib"]
    queries = [k for k in kg if k not in ("load", "maxrss_mb") and ":" not in k and not k.startswith("rt_")]

    print(f"\n{'measure':28}{'kg (Oxigraph)':>14}{'rdflib Memory':>15}{'speed-up':>10}"
          f"{'CPU s: kg':>11}{'rdflib':>9}{'speed-up':>10}")
    for name in ["load", *queries, "rt_roundtrip"]:
        label = "round trip (parse+write)" if name == "rt_roundtrip" else name
        rows = f"  ({kg.get(name + ':rows')} rows)" if name + ":rows" in kg else ""
        cells = []
        for key, bound in ((name, args.timeout), (name + ":cpu", rl.get(name + ":cpu_spent"))):
            a, b = kg.get(key), rl.get(key)
            if b is None and bound is not None:
                cells.append((fmt_s(a), f">{bound:.0f}", f">{bound / a:.0f}x" if a else ""))
            else:
                cells.append((fmt_s(a), fmt_s(b), f"{b / a:.1f}x" if a and b is not None else ""))
        (aw, bw, rw), (ac, bc, rc) = cells
        print(f"{label:28}{aw:>14}{bw:>15}{rw:>10}{ac:>11}{bc:>9}{rc:>10}{rows}")
    for name in queries:
        if kg.get(name + ":rows") is not None and rl.get(name + ":rows") is not None:
            assert kg[name + ":rows"] == rl[name + ":rows"], f"{name}: row counts differ"
    print(f"{'peak memory, queries (MB)':28}{kg['maxrss_mb']:14.0f}{rl['maxrss_mb']:15.0f}")
    print(f"{'peak memory, round trip (MB)':28}{kg['rt_maxrss_mb']:14.0f}{rl['rt_maxrss_mb']:15.0f}")
    print(f"(seconds; >T = stopped after {args.timeout} s)")


if __name__ == "__main__":
    main()
