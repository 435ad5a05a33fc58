"""One build: inputs -> articles -> docs -> records -> graphs -> output files."""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph

from kg import nlp as kg_nlp
from kg.extract import extract
from kg.extract.records import DocumentResult, Entity, Relation
from kg.extract.relations import relation_confidence
from kg.ingest import DEFAULT_MAX_BYTES, Article, Problem, iter_articles
from kg.rdf import mapping

BATCH = 32


@dataclass
class BuildReport:
    outdir: str
    built: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    statements: int = 0
    relations: int = 0
    entities: int = 0
    triples: int = 0
    words: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "outdir": self.outdir, "built": self.built,
            "problems": [{"path": p.path, "problem": p.problem} for p in self.problems],
            "statements": self.statements, "relations": self.relations, "entities": self.entities,
            "triples": self.triples, "words": self.words,
        }


def extract_text(text: str, doc_id: str = "doc", nlp=None) -> DocumentResult:
    """Extraction on one text (no file, no boilerplate removal): for tests and evaluations."""
    nlp = nlp or kg_nlp.load()
    return extract(nlp(text), doc_id)


def merge_relations(results: Iterable[DocumentResult]) -> list[Relation]:
    """The same pair and type across documents is one relation with all its evidence."""
    merged: dict[tuple[str, str, str], Relation] = {}
    for res in results:
        for rel in res.relations:
            cur = merged.get(rel.key)
            if cur is None:
                merged[rel.key] = Relation(rel.source_id, rel.target_id, rel.type, rel.polarity, rel.directed,
                                           rel.negated, rel.hedged, list(rel.evidence))
            else:
                cur.evidence.extend(e for e in rel.evidence if e not in cur.evidence)
                cur.negated = cur.negated and rel.negated
                cur.hedged = cur.hedged and rel.hedged
    for rel in merged.values():
        rel.confidence = relation_confidence(rel)
    return [merged[k] for k in sorted(merged)]


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def process(articles: list[Article], nlp) -> list[DocumentResult]:
    docs = nlp.pipe((a.body for a in articles), batch_size=BATCH)
    return [extract(doc, a.doc_id) for a, doc in zip(articles, docs)]


def build(paths: list[str | os.PathLike], outdir: str | os.PathLike = "output", *, model: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, on_article: Callable[[Article | Problem], None] | None = None) -> BuildReport:
    """Build the graph of every article under `paths` and write the outputs to `outdir`."""
    start = time.perf_counter()
    out = Path(outdir)
    report = BuildReport(str(out))
    nlp = kg_nlp.load(model)
    graphs: list[Graph] = []
    results: list[DocumentResult] = []
    batch: list[Article] = []

    def flush() -> None:
        for article, res in zip(batch, process(batch, nlp)):
            graphs.append(mapping.article_graph(article, res))
            results.append(res)
            report.built.append(article.doc_id)
            report.words += len(article.body.split())
            if on_article:
                on_article(article)
        batch.clear()

    for item in iter_articles(paths, max_bytes=max_bytes):
        if isinstance(item, Problem):
            report.problems.append(item)
            if on_article:
                on_article(item)
            continue
        if not item.body.strip():
            report.problems.append(Problem(item.path, "no article text left after removing page furniture"))
            continue
        batch.append(item)
        if len(batch) >= BATCH:
            flush()
    flush()

    relations = merge_relations(results)
    entities: dict[str, Entity] = {}
    for res in results:
        entities.update(res.entities)
    report.statements = sum(len(r.statements) for r in results)
    report.relations = len(relations)
    report.entities = len(entities)
    if report.built:
        write_outputs(out, graphs, relations, report)
    report.seconds = time.perf_counter() - start
    return report


def write_outputs(out: Path, graphs: list[Graph], relations: list[Relation], report: BuildReport) -> None:
    from kg import network

    graphs = graphs + [mapping.summary_graph(relations), mapping.vocabulary_graph()]
    ds = mapping.dataset(graphs)
    merged = Graph()
    mapping.bind(merged)
    for g in graphs:
        for t in g:
            merged.add(t)
    report.triples = len(merged)
    write_atomic(out / "graph.ttl", merged.serialize(format="turtle"))
    write_atomic(out / "graph.trig", ds.serialize(format="trig"))
    write_atomic(out / "alliances.html", network.html(merged))
    write_atomic(out / "report.json", json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
