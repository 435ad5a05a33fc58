"""Extraction on a Dask cluster: batches of articles go to the workers, records come back.

Each worker process loads kg's pipeline once: ``kg.nlp.load`` is memoised per process, so the first
batch a worker runs loads it and later batches reuse it."""

from __future__ import annotations

import os
from typing import Iterator

from kg.errors import KgError
from kg.ingest import Article


def extract_batch(articles: list[Article], model: str | None):
    """Runs on a Dask worker."""
    from kg import nlp as kg_nlp
    from kg.build import process_batch

    return process_batch(articles, kg_nlp.load(model))


def connect(scheduler):
    """A dask.distributed Client for a scheduler address (tcp://host:port) or a Client/cluster object."""
    try:
        from dask.distributed import Client
    except ImportError as err:
        raise KgError(f"--scheduler needs dask.distributed (expected `pip install kg[distributed]`; {err})")
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout=os.environ.get("KG_DASK_TIMEOUT", "20s")), True
    except (OSError, TimeoutError) as err:
        raise KgError(f"cannot reach the Dask scheduler at {scheduler!r} (expected tcp://HOST:PORT of a running "
                      f"`dask scheduler`; {err})")


def run_dask(batches: Iterator[list[Article]], scheduler, model: str | None, window: int | None = None):
    """Yields the records of each batch as the cluster finishes it; at most `window` batches in flight."""
    from dask.distributed import as_completed

    client, own = connect(scheduler)
    try:
        nworkers = max(1, len(client.scheduler_info().get("workers", {})))
        window = window or 2 * nworkers
        done = as_completed()
        inflight = 0
        for batch in batches:
            done.add(client.submit(extract_batch, batch, model, pure=False))
            inflight += 1
            while inflight >= window:
                fut = next(done)
                inflight -= 1
                yield fut.result()
                fut.release()
        for fut in done:
            yield fut.result()
            fut.release()
    finally:
        if own:
            client.close()
