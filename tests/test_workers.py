"""`workers=0` (the CLI's default) picks local extraction for a few articles and worker processes for many;
the outputs are the same either way."""
from __future__ import annotations

import kg.build
from kg.build import build

from test_incremental import outputs


def _spy(monkeypatch):
    used = []
    pool, here = kg.build.run_pool, kg.build.run_local

    def run_pool(batches, model, workers):
        used.append(("pool", workers))
        return pool(batches, model, workers)

    def run_local(batches, model):
        used.append(("local", 1))
        return here(batches, model)

    monkeypatch.setattr(kg.build, "run_pool", run_pool)
    monkeypatch.setattr(kg.build, "run_local", run_local)
    return used


def test_few_articles_are_extracted_in_this_process(tmp_path, local, monkeypatch):
    src, ref, files = local
    used = _spy(monkeypatch)
    report = build([src], tmp_path / "out", workers=0)
    assert used == [("local", 1)]
    assert report.processed == ref.processed and outputs(tmp_path / "out") == files


def test_many_articles_start_worker_processes_with_the_same_outputs(tmp_path, local, monkeypatch):
    src, ref, files = local
    monkeypatch.setattr(kg.build, "BATCH", 1)
    monkeypatch.setattr(kg.build, "AUTO_MIN_ARTICLES", 2)
    monkeypatch.setattr(kg.build, "auto_workers", lambda: 2)
    used = _spy(monkeypatch)
    report = build([src], tmp_path / "out", workers=0)
    assert used == [("pool", 2)]
    assert report.processed == ref.processed and outputs(tmp_path / "out") == files


def test_a_rebuild_from_the_cache_starts_no_workers(tmp_path, local, monkeypatch):
    src, ref, files = local
    build([src], tmp_path / "out")
    monkeypatch.setattr(kg.build, "AUTO_MIN_ARTICLES", 1)
    monkeypatch.setattr(kg.build, "auto_workers", lambda: 2)
    used = _spy(monkeypatch)
    report = build([src], tmp_path / "out", workers=0)
    assert report.processed == [] and sorted(report.cached) == sorted(ref.built)
    assert used == [("local", 1)] and outputs(tmp_path / "out") == files


def test_auto_workers_is_one_or_two():
    assert kg.build.auto_workers() in (1, 2)
