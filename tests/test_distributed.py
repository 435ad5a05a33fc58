"""Extraction on a Dask LocalCluster and in worker processes gives the same outputs as a local build."""
from __future__ import annotations


import pytest

from kg.build import build
from kg.errors import KgError

from test_incremental import outputs

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] not installed (pip install kg[distributed])")


def test_local_cluster_build_equals_local_build(tmp_path, local, monkeypatch):
    import kg.build

    src, ref, files = local
    monkeypatch.setattr(kg.build, "BATCH", 1)  # several batches, finished in any order
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        report = build([src], tmp_path / "out", scheduler=cluster.scheduler_address)
    assert sorted(report.processed) == sorted(ref.processed) and report.built == ref.built
    assert outputs(tmp_path / "out") == files


def test_worker_processes_build_equals_local_build(tmp_path, local, monkeypatch):
    import kg.build

    src, ref, files = local
    monkeypatch.setattr(kg.build, "BATCH", 1)
    report = build([src], tmp_path / "out", workers=2)
    assert sorted(report.processed) == sorted(ref.processed)
    assert outputs(tmp_path / "out") == files


def test_unreachable_scheduler_is_a_clear_error(tmp_path, local, monkeypatch):
    monkeypatch.setenv("KG_DASK_TIMEOUT", "2s")
    with pytest.raises(KgError, match="Dask scheduler"):
        build([local[0]], tmp_path / "out", scheduler="tcp://127.0.0.1:9")
