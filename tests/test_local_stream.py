"""`run_local` (and each worker process) reads its batches through one `nlp.pipe` stream (kg.build.BatchStream):
the pipeline sees the same batches as a pipe per batch would give it, and a batch in which the pipeline or
the extraction fails is handled as `process_batch` handles it (the failing article reported, the others built)."""
from __future__ import annotations

from itertools import islice

import pytest

import kg.build
from kg.build import ArticleRecord, run_local
from kg.extract.records import DocumentResult
from kg.ingest import Article


class FakePipeline:
    """Lazy like spaCy's: reads `batch_size` texts when the first doc of a batch is asked for; fails a
    batch that holds a text with "Panne"."""

    def __init__(self, ahead: int = 0):
        self.batches: list[list[str]] = []
        self.pipes = 0
        self.ahead = ahead  # texts read past each batch (spaCy reads none)

    def pipe(self, texts, batch_size):
        self.pipes += 1
        texts = iter(texts)
        while batch := list(islice(texts, batch_size + self.ahead)):
            self.batches.append(batch)
            if any("Panne" in t for t in batch):
                raise RuntimeError("Pipeline kaputt")
            yield from batch  # (the "doc" is the text)


def _articles(texts: list[str]) -> list[Article]:
    return [Article(f"a{i}", "in.jsonl", "in.jsonl", t, len(t), line=i + 1) for i, t in enumerate(texts)]


def _run(monkeypatch, texts: list[str], batch: int = 2, ahead: int = 0):
    nlp = FakePipeline(ahead)
    monkeypatch.setattr(kg.build.kg_nlp, "load", lambda model=None: nlp)
    monkeypatch.setattr(kg.build, "BATCH", batch)

    def extract(doc, doc_id):
        if "Fehler" in doc:
            raise ValueError("Regel kaputt")
        return DocumentResult(doc_id, {}, [], [])

    monkeypatch.setattr(kg.build, "extract", extract)
    arts = _articles(texts)
    batches = [arts[i:i + batch] for i in range(0, len(arts), batch)]
    out = list(run_local(iter(batches), None))
    got = [[r.doc_id if isinstance(r, ArticleRecord) else f"problem {r.path}" for r in res] for res in out]
    return got, nlp


def test_one_stream_with_the_batches_of_a_pipe_per_batch(monkeypatch):
    texts = ["Der Minister sagte das.", "Sie kam.", "Er ging.", "Es regnete.", "Die Ministerin lachte."]
    got, nlp = _run(monkeypatch, texts)
    assert got == [["a0", "a1"], ["a2", "a3"], ["a4"]]
    assert nlp.batches == [texts[0:2], texts[2:4], texts[4:]]
    assert nlp.pipes == 2  # the stream, and a pipe for the last batch (a shorter batch would not fill the stream's)


def test_a_failed_extraction_reports_its_article_and_keeps_the_stream(monkeypatch):
    texts = ["Eins kam.", "Ein Fehler hier.", "Drei kam.", "Vier kam.", "Fünf kam."]
    got, nlp = _run(monkeypatch, texts)
    assert got == [["a0", "problem in.jsonl:2"], ["a2", "a3"], ["a4"]]
    assert nlp.pipes == 1 + 3 + 1  # the stream, the failed batch again and each of its articles alone, the last batch


def test_a_failed_pipeline_batch_is_retried_article_by_article_and_a_new_stream_goes_on(monkeypatch):
    texts = ["Eins kam.", "Zwei kam.", "Eine Panne.", "Vier kam.", "Fünf kam.", "Sechs kam."]
    got, nlp = _run(monkeypatch, texts)
    assert got == [["a0", "a1"], ["problem in.jsonl:3", "a3"], ["a4", "a5"]]
    assert nlp.batches[-1] == texts[4:6]  # the batches after the failure are whole again


def test_a_pipeline_that_reads_past_its_batch_gets_the_batches_one_by_one(monkeypatch):
    texts = ["Eins kam.", "Zwei kam.", "Drei kam.", "Vier kam."]
    got, nlp = _run(monkeypatch, texts, ahead=1)
    assert got == [["a0", "a1"], ["a2", "a3"]]


def test_nothing_to_process_loads_no_pipeline(monkeypatch):
    monkeypatch.setattr(kg.build.kg_nlp, "load", lambda model=None: pytest.fail("model loaded"))
    assert list(run_local(iter([]), None)) == []


def test_an_input_error_is_raised_not_taken_for_a_pipeline_failure(monkeypatch):
    nlp = FakePipeline()
    monkeypatch.setattr(kg.build.kg_nlp, "load", lambda model=None: nlp)
    monkeypatch.setattr(kg.build, "BATCH", 2)
    monkeypatch.setattr(kg.build, "extract", lambda doc, doc_id: DocumentResult(doc_id, {}, [], []))

    def batches():
        yield _articles(["Eins kam.", "Zwei kam."])
        raise OSError("Datei weg")

    out = run_local(batches(), None)
    assert [r.doc_id for r in next(out)] == ["a0", "a1"]
    with pytest.raises(OSError, match="Datei weg"):
        next(out)  # (not taken for a failure of the pipeline)


def test_the_stream_is_dropped_when_the_build_is_done(monkeypatch):
    import gc
    import weakref

    texts = ["Eins kam.", "Zwei kam."]
    nlp = FakePipeline()
    monkeypatch.setattr(kg.build.kg_nlp, "load", lambda model=None: nlp)
    monkeypatch.setattr(kg.build, "BATCH", 2)
    monkeypatch.setattr(kg.build, "extract", lambda doc, doc_id: DocumentResult(doc_id, {}, [], []))
    gc.disable()
    try:
        out = run_local(iter([_articles(texts)]), None)
        next(out)
        stream = out.gi_frame.f_locals["stream"]
        alive = weakref.ref(stream.docs)
        del stream
        list(out)
        assert alive() is None  # freed at once, not left to the cyclic collector
    finally:
        gc.enable()
