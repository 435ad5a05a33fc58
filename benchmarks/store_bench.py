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
import json
import os
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
    import pyoxigraph as ox

    from kg.build import merge_relations
    from kg.rdf import mapping

    rnd = random.Random(seed)
    store = ox.Store()
    results, i, added = [], 0, 0

    def put(g):
        store.bulk_extend(ox.Quad(*(ox.NamedNode(t) if not hasattr(t, "datatype") else _lit(t) for t in trip),
                                  ox.DefaultGraph()) for trip in g)

    while added < triples:  # counted per article graph: len(store) would rescan the store each time
        art, res = synthetic_article(i, rnd)
        g = mapping.article_graph(art, res)
        added += len(g)
        put(g)
        results.append(res)
        i += 1
    put(mapping.summary_graph(merge_relations(results)))
    put(mapping.vocabulary_graph())
    with open(path, "wb") as fh:
        store.dump(fh, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                   prefixes={p: str(ns) for p, ns in mapping.PREFIXES.items()})
    return len(store)


def _lit(t):
    import pyoxigraph as ox

    if t.language:
        return ox.Literal(str(t), language=t.language)
    return ox.Literal(str(t), datatype=ox.NamedNode(t.datatype) if t.datatype else None)


# --- measurements (run in subprocesses) ----------------------------------------------------------

class Timeout(Exception):
    pass


def _alarm(_sig, _frame):
    raise Timeout()


def measure_queries(engine: str, path: str, timeout: int) -> dict:
    from rdflib import Graph

    from kg import query as q

    out = {}
    t0 = time.perf_counter()
    if engine == "kg":
        g = q.load_graph(path)
    else:
        g = Graph()
        g.parse(path, format="turtle")
    out["load"] = time.perf_counter() - t0
    signal.signal(signal.SIGALRM, _alarm)
    for name, text in q.shipped_queries().items():
        t0 = time.perf_counter()
        signal.alarm(timeout)
        try:
            if engine == "kg":
                rows = len(q.run(text, g))
            else:
                rows = len(g.query(text))  # rdflib's own SPARQL engine over its Memory store
            out[name] = time.perf_counter() - t0
            out[name + ":rows"] = rows
        except Timeout:
            out[name] = None
        finally:
            signal.alarm(0)
    return out


def measure_roundtrip(engine: str, path: str) -> dict:
    t0 = time.perf_counter()
    if engine == "kg":
        from kg import query as q

        g = q._load_cached(path, 0.0)
        import pyoxigraph as ox

        buf = tempfile.TemporaryFile()
        g.store._inner.dump(buf, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
        size = buf.tell()
    else:
        from rdflib import Graph

        g = Graph()
        g.parse(path, format="turtle")
        size = len(g.serialize(format="turtle", encoding="utf-8"))
    return {"roundtrip": time.perf_counter() - t0, "bytes": size}


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
    results = {}
    for engine in ("kg", "rdflib"):
        results[engine] = {**run_child(engine, "queries", path, args.timeout),
                           **{f"rt_{k}": v for k, v in run_child(engine, "roundtrip", path, args.timeout).items()}}
        print(f"{engine}: done", file=sys.stderr)
    kg, rl = results["kg"], results["rdflib"]
    queries = [k for k in kg if k not in ("load", "maxrss_mb") and ":" not in k and not k.startswith("rt_")]

    print(f"\n{'measure':28}{'kg (Oxigraph)':>14}{'rdflib Memory':>15}{'speed-up':>10}")
    for name in ["load", *queries, "rt_roundtrip"]:
        a, b = kg.get(name), rl.get(name)
        ratio = "" if a in (None, 0) else (f">{args.timeout / a:7.0f}x" if b is None else f"{b / a:8.1f}x")
        rows = f"  ({kg.get(name + ':rows')} rows)" if name + ":rows" in kg else ""
        label = "round trip (parse+write)" if name == "rt_roundtrip" else name
        print(f"{label:28}{fmt_s(a):>14}{fmt_s(b):>15}{ratio:>10}{rows}")
    for name in queries:
        if kg.get(name + ":rows") is not None and rl.get(name + ":rows") is not None:
            assert kg[name + ":rows"] == rl[name + ":rows"], f"{name}: row counts differ"
    print(f"{'peak memory, queries (MB)':28}{kg['maxrss_mb']:14.0f}{rl['maxrss_mb']:15.0f}")
    print(f"{'peak memory, round trip (MB)':28}{kg['rt_maxrss_mb']:14.0f}{rl['rt_maxrss_mb']:15.0f}")
    print(f"(seconds; >T = stopped after {args.timeout} s)")


if __name__ == "__main__":
    main()
