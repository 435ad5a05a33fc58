"""One build: inputs -> articles -> docs -> records -> graphs -> output files.

Articles flow through in batches; each article's extraction and named graph (N-Triples) is cached in
OUTDIR/.kg-cache/ (kg.cache), so a rebuild only processes new or changed articles. The merged
graph.ttl and graph.trig are written by streaming sorted N-Triples (an external merge sort over
runs on disk), so memory does not grow with the number of triples."""

from __future__ import annotations

import contextlib
import gc
import heapq
import itertools
import json
import os
import re
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Literal
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg import nlp as kg_nlp
from kg.cache import ArticleRecord, Cache, article_key, nlp_version, pipeline_key
from kg.extract import extract
from kg.extract.records import DocumentResult, Relation
from kg.extract.relations import relation_confidence
from kg.ingest import DEFAULT_MAX_BYTES, JSONL_SUFFIXES, SUFFIXES, Article, Problem, iter_articles
from kg.merge import Persons, Rewriter
from kg.rdf import mapping

BATCH = 32
# allocations between young-generation collections during a build (Python's default is 700)
GC_YOUNG = 20_000
# N-Triples lines held in memory before a sorted run goes to disk (about 40 MB of strings).
RUN_LINES = 200_000
# `workers=0` (the CLI's default) starts worker processes only when at least this many articles need
# processing: measured on a 2-core machine, 2 workers were as fast at 30 articles and faster from ~100
# on (100: 3.6 vs 4.2 s; 1,000: 14 vs 23 s; 10,000: 112 vs 213 s), while each worker loads the model
AUTO_MIN_ARTICLES = 64
# Subjects the alliance map never reads: the bulk of the graph, left out of its in-memory graph.
NETWORK_SKIP = (str(mapping.iri("mention/")), str(mapping.iri("statement/")))


@dataclass
class BuildReport:
    outdir: str
    built: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    statements: int = 0
    relations: int = 0
    entities: int = 0
    merged_persons: int = 0  # one-word person nodes merged into a full name of another article (kg.merge)
    triples: int = 0
    words: int = 0
    seconds: float = 0.0
    processed: list[str] = field(default_factory=list)  # extracted in this run
    cached: list[str] = field(default_factory=list)  # taken from OUTDIR/.kg-cache
    notes: list[str] = field(default_factory=list)  # built, but worth a look (e.g. a legacy encoding)

    def as_dict(self) -> dict:
        return {
            "outdir": self.outdir, "built": self.built,
            "problems": [{"path": p.path, "problem": p.problem} for p in self.problems],
            "statements": self.statements, "relations": self.relations, "entities": self.entities,
            "merged_persons": self.merged_persons, "triples": self.triples, "words": self.words,
            "processed": len(self.processed), "cached": len(self.cached), "notes": self.notes,
        }


def extract_text(text: str, doc_id: str = "doc", nlp=None) -> DocumentResult:
    """Extraction on one text (no file, no boilerplate removal): for tests and evaluations."""
    nlp = nlp or kg_nlp.load()
    return extract(nlp(text), doc_id)


def merge_relations(results: Iterable[DocumentResult]) -> list[Relation]:
    """The same pair and type across documents is one relation with all its evidence."""
    merged: dict[tuple[str, str, str], Relation] = {}
    seen: dict[tuple[str, str, str], set] = {}  # a set beside each list: a frequent pair has thousands
    for res in results:
        for rel in res.relations:
            cur = merged.get(rel.key)
            if cur is None:
                merged[rel.key] = Relation(rel.source_id, rel.target_id, rel.type, rel.polarity, rel.directed,
                                           rel.negated, rel.hedged, list(dict.fromkeys(rel.evidence)))
                seen[rel.key] = set(merged[rel.key].evidence)
            else:
                new = [e for e in dict.fromkeys(rel.evidence) if e not in seen[rel.key]]
                cur.evidence.extend(new)
                seen[rel.key].update(new)
                cur.negated = cur.negated and rel.negated
                cur.hedged = cur.hedged and rel.hedged
    for rel in merged.values():
        rel.confidence = relation_confidence(rel)
    return [merged[k] for k in sorted(merged)]


_UMASK = os.umask(0)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_open(path: Path):
    """A text file written beside `path` and renamed into place only when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path` and rename it into place."""
    with atomic_open(path) as fh:
        fh.write(data.decode("utf-8") if isinstance(data, bytes) else data)


def remove_stale_staging(out: Path) -> None:
    """Delete the staging folders of builds that were killed (SIGKILL: no clean-up ran, the process is gone)."""
    import shutil

    for folder in out.glob(".kg-build-*"):
        m = re.match(r"\.kg-build-(\d+)-", folder.name)
        if not m:
            continue
        try:
            os.kill(int(m.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass  # the process exists (another user's): leave its folder alone


def publish(stage: Path, out: Path) -> None:
    """Rename every file of `stage` into `out` (same file system: each rename is atomic and instant)."""
    for src in sorted(stage.iterdir()):
        os.chmod(src, 0o644)  # mkstemp makes 0600 files; outputs are meant to be read by others
        os.replace(src, out / src.name)


# ---------------------------------------------------------------- extraction of a batch

@lru_cache(maxsize=16384)  # predicates, classes and entities repeat in every article
def _n3(term) -> str:
    return term.n3()


_LITERALS: dict[tuple, str] = {}  # (lexical form, language, datatype) -> N-Triples form


def _nt_literal(o: Literal) -> str:
    """`_quoteLiteral(o)`, kept for labels, numbers and flags, which repeat in every article. Keyed by
    what the line is made of, not by the Literal: rdflib calls "01" and "1" (xsd:integer) equal."""
    key = (str(o), o.language, o.datatype)
    line = _LITERALS.get(key)
    if line is None:
        if len(_LITERALS) >= 16384:
            _LITERALS.clear()
        line = _LITERALS[key] = _quoteLiteral(o)
    return line


def _nt_line(t: tuple) -> str:
    """`_nt_row(t)` without its line break, with the terms' N3 forms cached."""
    s, p, o = t
    return f"{_n3(s)} {_n3(p)} {_nt_literal(o) if isinstance(o, Literal) else _n3(o)} ."


def ntriples(triples: Iterable[tuple]) -> list[str]:
    """A graph (or any triples) as sorted unique N-Triples lines, each as rdflib's N-Triples serializer
    writes it (no blank nodes in kg's graphs, so this is canonical)."""
    lines = sorted({_nt_line(t) for t in triples})
    # rdflib's serializer encodes each line: a lone surrogate fails the article here, not the build
    "\n".join(lines).encode("utf-8")
    return lines


def _record(article: Article, result: DocumentResult) -> ArticleRecord:
    triples = mapping.article_triples(article, result)
    return ArticleRecord(article.doc_id, article_key(article), len(article.body.split()), result, ntriples(triples))


def encoding_note(article: Article) -> str:
    return f"{_where(article)}: not valid UTF-8, decoded as {article.encoding}"


def _where(article: Article) -> str:
    return f"{article.path}:{article.line}" if article.line else article.path


def process_batch(articles: list[Article], nlp) -> list[ArticleRecord | Problem]:
    """Extraction and named graph of each article; an article whose extraction fails becomes a Problem."""
    try:
        return [_record(a, result) for a, result in zip(articles, process(articles, nlp))]
    except Exception:
        if len(articles) == 1:
            raise
    out: list[ArticleRecord | Problem] = []
    for a in articles:  # isolate the failing article(s)
        try:
            out.extend(process_batch([a], nlp))
        except Exception as err:  # noqa: BLE001  (reported per article, the build goes on)
            out.append(Problem(_where(a), f"extraction failed ({type(err).__name__}: {err})"))
    return out


def process(articles: list[Article], nlp) -> list[DocumentResult]:
    """Extraction of each article, in one `nlp.pipe` (a failure raises)."""
    docs = nlp.pipe((a.body for a in articles), batch_size=BATCH)
    return [extract(doc, a.doc_id) for a, doc in zip(articles, docs)]


# ---------------------------------------------------------------- runners (in process, pool, dask)

_WORKER_STREAM: BatchStream | None = None


def _pool_init(model: str | None) -> None:
    global _WORKER_STREAM
    _WORKER_STREAM = BatchStream(kg_nlp.load(model))
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])  # (a worker process does nothing else: see _gc_for_build)


def _pool_batch(articles: list[Article]) -> list[ArticleRecord | Problem]:
    return _WORKER_STREAM.run(articles)


def _windowed(batches: Iterator[list[Article]], submit, wait_one, window: int):
    """Keep at most `window` batches in flight so that reading inputs never runs far ahead."""
    pending = []
    for batch in batches:
        pending.append(submit(batch))
        while len(pending) >= window:
            yield from wait_one(pending)
    while pending:
        yield from wait_one(pending)


class BatchStream:
    """Batches of articles -> their records, all through one `nlp.pipe` stream, as the bare pipeline
    runs: a new `nlp.pipe` per batch made glibc hand the pipeline's working memory back to the system
    after every batch and fault it in again (~17,000 page faults a batch of 32, ~1.5 s of system time
    per 1,000 articles). The stream is fed a batch at a time and spaCy reads a batch's texts only when
    its first doc is asked for, so it forms the same batches and the same docs as a pipe per batch. A
    shorter batch (the last one) and a batch in which anything fails go through process_batch as
    before; after a failure of the pipeline the next batch starts a new stream."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.feed: deque[str] = deque()
        self.docs: Iterator | None = None

    def _texts(self) -> Iterator[str]:
        while True:
            yield self.feed.popleft()  # (a pipe that read past its batch would fail here: handled as a failure)

    def run(self, articles: list[Article]) -> list[ArticleRecord | Problem]:
        if len(articles) != BATCH:
            return process_batch(articles, self.nlp)  # (its texts would not fill the stream's batch)
        if self.docs is None:
            self.docs = self.nlp.pipe(self._texts(), batch_size=BATCH)
        self.feed.extend(a.body for a in articles)
        try:  # the whole batch off the stream first, so a failing extraction cannot leave it misaligned
            docs = [next(self.docs) for _ in articles]
        except Exception:  # noqa: BLE001  (the pipeline failed: a new stream for the next batch)
            self.docs = None
            self.feed.clear()
            return process_batch(articles, self.nlp)
        try:
            return [_record(a, extract(doc, a.doc_id)) for a, doc in zip(articles, docs)]
        except Exception:  # noqa: BLE001  (process_batch isolates and reports the failing article)
            return process_batch(articles, self.nlp)

    def close(self) -> None:
        """Drop the stream: its generators hold the last batch, and they and this object refer to each
        other (only the cyclic collector would free them)."""
        self.docs = None
        self.feed.clear()


def run_local(batches, model: str | None):
    stream = None
    try:
        for batch in batches:
            stream = stream or BatchStream(kg_nlp.load(model))  # loaded at the first batch: none if all is cached
            yield stream.run(batch)
    finally:
        if stream is not None:
            stream.close()


@contextlib.contextmanager
def _gc_for_build():
    """The build allocates objects by the million (token views, records) that die young: scan the
    young generation less often (fewer collections also reach the full one, which walks the model's
    objects). The caller gets its threshold back."""
    threshold = gc.get_threshold()
    gc.set_threshold(GC_YOUNG, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def auto_workers() -> int:
    """Worker processes for `workers=0`: 2 where two cores are free to use (only 1 and 2 were measured)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every platform)
        cores = os.cpu_count() or 1
    return min(cores, 2)


def run_auto(batches, model: str | None):
    """In this process for a few articles, in worker processes for many (AUTO_MIN_ARTICLES): the batches
    are read ahead until that many need processing, so a rebuild that finds most articles in the cache
    starts no workers."""
    it = iter(batches)
    head, n = [], 0
    for batch in it:
        head.append(batch)
        n += len(batch)
        if n >= AUTO_MIN_ARTICLES:
            break
    workers = auto_workers() if n >= AUTO_MIN_ARTICLES else 1
    rest = itertools.chain(head, it)
    yield from run_pool(rest, model, workers) if workers > 1 else run_local(rest, model)


def run_pool(batches, model: str | None, workers: int):
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_pool_init, initargs=(model,)) as pool:
        def wait_one(pending):
            yield pending.pop(0).get()

        yield from _windowed(batches, lambda b: pool.apply_async(_pool_batch, (b,)), wait_one, 2 * workers)


# ---------------------------------------------------------------- the build

def count_articles(paths) -> int:
    """How many articles `paths` hold (JSONL lines counted), for a progress bar's total; cheap."""
    n = 0
    for given in paths:
        p = Path(given)
        files = [p] if p.is_file() else sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else []
        for f in files:
            suffix = f.suffix.lower()
            if suffix not in SUFFIXES or f.name.startswith("."):
                continue
            if suffix in JSONL_SUFFIXES:
                with contextlib.suppress(OSError), f.open("rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            else:
                n += 1
    return n


class _Sink:
    """Collects article records: relations and counts in memory, N-Triples as sorted runs on disk."""

    def __init__(self, tmpdir: Path):
        self.tmpdir = tmpdir
        self.relations: list[Relation] = []
        self.entity_ids: set[str] = set()
        self.persons = Persons()
        self.statements = 0
        self.keys: dict[str, str] = {}  # doc_id -> cache key (graph.trig reads the cache back)
        self.lines: list[str] = []
        self.runs: list[Path] = []

    def add(self, rec: ArticleRecord) -> None:
        self.relations.extend(rec.result.relations)
        self.entity_ids.update(rec.result.entities)
        self.persons.add(rec)
        self.statements += len(rec.result.statements)
        self.keys[rec.doc_id] = rec.key
        self.lines.extend(rec.ntriples)
        if len(self.lines) >= RUN_LINES:
            self._spill()

    def _spill(self) -> None:
        path = self.tmpdir / f"run-{len(self.runs):05d}.nt"
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            prev = None
            for line in sorted(self.lines):
                if line != prev:
                    fh.write(line + "\n")
                prev = line
        self.runs.append(path)
        self.lines = []

    def merged(self, extra: list[str], drop: set[str] = frozenset()) -> Iterator[str]:
        """Every N-Triples line of the build but those in `drop`, and those of `extra`: sorted, each once."""
        self.lines.sort()
        streams = [(l.rstrip("\n") for l in path.open(encoding="utf-8")) for path in self.runs]
        prev = None
        for line in heapq.merge(self.lines, sorted(extra), *streams):
            if line != prev and not (drop and line in drop):
                yield line
            prev = line


def build(paths: list[str | os.PathLike], outdir: str | os.PathLike = "output", *, model: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, on_article: Callable[[Article | Problem], None] | None = None,
          workers: int = 1, scheduler: str | None = None, incremental: bool = True,
          on_total: Callable[[int], None] | None = None) -> BuildReport:
    """Build the graph of every article under `paths` and write the outputs to `outdir`.

    Articles unchanged since an earlier build into `outdir` come from its cache (``incremental``);
    the others are extracted in this process, in ``workers`` processes (0: chosen by ``run_auto``), or on
    the Dask cluster at ``scheduler`` (tcp://host:port). The outputs are the same whichever way."""
    start = time.perf_counter()
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport(str(out))
    cache = Cache(out, pipeline_key(nlp_version(model)))
    if on_total:
        on_total(count_articles(paths))

    order: list[str] = []  # doc ids in input order
    articles: dict[str, Article] = {}  # articles in flight, by doc id

    def fresh() -> Iterator[list[Article]]:
        batch: list[Article] = []
        for item in iter_articles(paths, max_bytes=max_bytes):
            if isinstance(item, Problem):
                report.problems.append(item)
                if on_article:
                    on_article(item)
                continue
            if not item.body.strip():
                problem = Problem(item.path, "no article text left after removing page furniture")
                report.problems.append(problem)
                if on_article:
                    on_article(problem)
                continue
            if item.encoding != "utf-8":
                report.notes.append(encoding_note(item))
            order.append(item.doc_id)
            rec = cache.get(article_key(item)) if incremental else None
            if rec is not None:
                sink.add(rec)
                report.cached.append(item.doc_id)
                report.words += rec.words
                if on_article:
                    on_article(item)
                continue
            articles[item.doc_id] = item
            batch.append(item)
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    remove_stale_staging(out)
    with _gc_for_build(), tempfile.TemporaryDirectory(prefix=f".kg-build-{os.getpid()}-", dir=out) as tmp:
        sink = _Sink(Path(tmp))
        if scheduler:
            from kg.distributed import run_dask

            runner = run_dask(fresh(), scheduler, model)
        elif workers == 0:
            runner = run_auto(fresh(), model)
        elif workers > 1:
            runner = run_pool(fresh(), model, workers)
        else:
            runner = run_local(fresh(), model)
        for results in runner:
            for rec in results:
                if isinstance(rec, Problem):
                    report.problems.append(rec)
                    if on_article:
                        on_article(rec)
                    continue
                cache.put(rec)
                sink.add(rec)
                report.processed.append(rec.doc_id)
                report.words += rec.words
                if on_article:
                    on_article(articles.pop(rec.doc_id))
                else:
                    articles.pop(rec.doc_id, None)
        report.built = [d for d in order if d in sink.keys]

        relations = merge_relations([DocumentResult("", {}, [], sink.relations)])
        report.statements = sink.statements
        report.relations = len(relations)
        merges = sink.persons.merges()  # (of all records: never in a cache entry)
        report.entities = len(sink.entity_ids - merges.keys())
        report.merged_persons = len(merges)
        if report.built:
            # every output is written to a staging folder and only renamed into place at the end, so an
            # interrupted or failing build leaves the previous outputs byte-identical
            stage = Path(tmp) / "stage"
            write_outputs(stage, sink, cache, relations, report, merges)
            publish(stage, out)
        else:
            write_atomic(out / "report.json", json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
    cache.prune()
    report.seconds = time.perf_counter() - start
    return report


# ---------------------------------------------------------------- streaming Turtle / TriG

_PREFIXES = {**{p: str(ns) for p, ns in mapping.PREFIXES.items()},
             "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD)}
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_RDF_TYPE = f"<{RDF.type}>"


@lru_cache(maxsize=65536)  # predicates and types repeat on every line
def _short_iri(term: str) -> str:
    """<http://schema.org/name> -> schema:name where the local part is a plain name."""
    iri = term[1:-1]
    best = None
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]) and (best is None or len(ns) > len(best[1])):
            best = (prefix, ns)
    return f"{best[0]}:{iri[len(best[1]):]}" if best else term


# (memoised: types, flags, labels and offsets repeat in every article, ~60% of the lines, and graph.trig
# writes each line a second time)
@lru_cache(maxsize=32_768)
def _turtle_po(rest: str) -> str:
    """"predicate object ." of an N-Triples line (the part after its subject) -> "predicate object" in Turtle."""
    p, o = rest.split(" ", 1)  # (an N-Triples IRI has no space)
    o = o.rstrip()[:-1].rstrip()
    if o[:1] == "<":
        o = _short_iri(o)
    elif o[-1:] == ">":
        cut = o.rfind('"^^<')
        if cut > 0 and '"' not in o[cut + 1:]:
            o = o[:cut + 3] + _short_iri(o[cut + 3:])
    return f"{'a' if p == _RDF_TYPE else _short_iri(p)} {o}"


def _prefix_block() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(_PREFIXES.items())) + "\n"


def _turtle_blocks(lines: Iterable[str], indent: str = "") -> Iterator[str]:
    """Sorted N-Triples lines -> Turtle, one block per subject (lines of a subject are adjacent)."""
    cur = None
    out: list[str] = []  # (written in chunks of blocks: a write per piece cost more than making it)
    for line in lines:
        s, rest = line.split(" ", 1)
        po = _turtle_po(rest)
        if s != cur:
            if cur is not None:
                out.append(" .\n\n")
                if len(out) >= 1024:
                    yield "".join(out)
                    out = []
            cur = s
            out.append(f"{indent}{_short_iri(s)} {po}")
        else:
            out.append(f" ;\n{indent}    {po}")
    if cur is not None:
        out.append(" .\n")
    if out:
        yield "".join(out)


class _NetworkGraph:
    """The triples the alliance map reads, streamed into an in-memory Oxigraph store in chunks: parsing
    them with rdflib and running its SPARQL engine was most of the time spent writing the outputs, and
    the lines are not all held in memory at once."""

    CHUNK = 20_000

    def __init__(self):
        from kg.query import oxigraph_graph

        self.graph = oxigraph_graph()
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        if not line.startswith(NETWORK_SKIP, 1):
            self.lines.append(line)
            if len(self.lines) >= self.CHUNK:
                self.flush()

    def flush(self) -> None:
        import pyoxigraph as ox

        if self.lines:
            self.graph.store._inner.bulk_load(input="\n".join(self.lines) + "\n", format=ox.RdfFormat.N_TRIPLES)
            self.lines = []


def write_outputs(out: Path, sink: _Sink, cache: Cache, relations: list[Relation], report: BuildReport,
                  merges: dict[str, str] | None = None) -> None:
    from kg import network

    extra = ntriples(mapping.summary_graph(relations)) + ntriples(mapping.vocabulary_graph())
    # merged person nodes (kg.merge): the lines of the articles that name a merged one-word person are
    # rewritten; graph.ttl drops their old lines and takes the new ones, graph.trig the rewritten graphs
    # (only the changed lines stay in memory; graph.trig rewrites each such article again as it streams)
    drop: set[str] = set()
    touched: set[str] = set()
    rw = Rewriter(merges, sink.persons.labels) if merges else None
    if rw is not None:
        touched = {d for short in merges for d in sink.persons.docs[short]}
        for doc_id in sorted(touched):
            old, new, _ = rw.article(cache.get(sink.keys[doc_id]).ntriples)
            drop.update(old)
            extra.extend(new)
    net = _NetworkGraph()
    with atomic_open(out / "graph.ttl") as fh:
        fh.write(_prefix_block())
        n = 0

        def counted(stream):
            nonlocal n
            for line in stream:
                n += 1
                net.add(line)
                yield line

        fh.writelines(_turtle_blocks(counted(sink.merged(extra, drop))))
    report.triples = n
    net.flush()

    with atomic_open(out / "graph.trig") as fh:
        fh.write(_prefix_block())
        for doc_id in sorted(sink.keys):
            lines = cache.get(sink.keys[doc_id]).ntriples
            if doc_id in touched:
                lines = rw.article(lines)[2]
            fh.write(f"<{mapping.graph_iri(doc_id)}> {{\n")
            fh.writelines(_turtle_blocks(lines, indent="    "))
            fh.write("}\n\n")
        for g in (mapping.summary_graph(relations), mapping.vocabulary_graph()):
            fh.write(f"<{g.identifier}> {{\n")
            fh.writelines(_turtle_blocks(ntriples(g), indent="    "))
            fh.write("}\n\n")

    write_atomic(out / "alliances.html", network.html(net.graph))
    write_atomic(out / "report.json", json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
