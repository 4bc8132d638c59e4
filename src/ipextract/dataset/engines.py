"""Who runs :func:`work.run`: this process, a local process pool, or a Dask cluster.

Every engine takes the same items and yields their results **in input order**, which the parent
writes: the tables come out identical whichever engine ran. At most ``WINDOW_PER_WORKER`` tasks
per worker are in flight (a pool task is a chunk of items), so memory stays flat however long
the batch (items carry their bytes).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import SchedulerError
from . import require
from .work import WorkItem, WorkOptions, WorkResult, run

WINDOW_PER_WORKER = 4  # enough queued work to keep a worker busy while the parent writes
# Items travel to pool workers in chunks: sending one task costs about as much as extracting a
# short report, so one item per task left the second core idle (1.28× on two cores).
CHUNK_ITEMS = 16
CHUNK_BYTES = 1 << 20


def _chunks(items: Iterable[WorkItem]) -> Iterator[list[WorkItem]]:
    chunk: list[WorkItem] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.data)
        if len(chunk) >= CHUNK_ITEMS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run_chunk(chunk: list[WorkItem], options: WorkOptions) -> list[WorkResult]:
    return [run(item, options) for item in chunk]


def _in_order(submit: Callable[[Any], Any], items: Iterable[Any], window: int,
              result_of: Callable[[Any], Any]) -> Iterator[Any]:
    pending: deque[Any] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield result_of(pending.popleft())
    while pending:
        yield result_of(pending.popleft())


def run_serial(items: Iterable[WorkItem], options: WorkOptions) -> Iterator[WorkResult]:
    for item in items:
        yield run(item, options)


def _one_pdf_reader() -> None:
    """A pool worker reads a PDF in one process: the pool already keeps the cores busy."""
    from ..ingest.pdf import PROCESSES_SETTING

    os.environ[PROCESSES_SETTING] = "1"


def run_pool(items: Iterable[WorkItem], options: WorkOptions, jobs: int) -> Iterator[WorkResult]:
    """A local process pool; each worker runs one task at a time on its main thread, so the
    per-document time limit can use a signal there."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver, not fork: a forked worker starts as a copy of the parent (its database
    # connection, the batch's bytes read so far), which its resident memory counts and a
    # copy-on-write touch duplicates; a worker from the server starts clean
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                   initializer=_one_pdf_reader)
    try:
        for results in _in_order(lambda chunk: executor.submit(run_chunk, chunk, options),
                                 _chunks(items), jobs * WINDOW_PER_WORKER,
                                 lambda future: future.result()):
            yield from results
    finally:  # on Ctrl-C or an error in the writer: drop what is queued, do not wait for it
        executor.shutdown(wait=False, cancel_futures=True)


def run_dask(items: Iterable[WorkItem], options: WorkOptions,
             scheduler: str) -> Iterator[WorkResult]:
    """An existing Dask distributed cluster (``dask scheduler`` + ``dask worker``); its workers
    need ipextract installed, not the files."""
    distributed = require("distributed", "ingest --engine dask")
    try:
        client = distributed.Client(scheduler, timeout=5, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise SchedulerError(scheduler, f"cannot reach the Dask scheduler ({exc})") from exc
    try:
        workers = max(sum(client.nthreads().values()), 1)
        yield from _in_order(
            lambda item: client.submit(run, item, options, pure=False),
            items, workers * WINDOW_PER_WORKER, lambda future: future.result())
    finally:
        client.close()


def engine(name: str, *, jobs: int, scheduler: str | None,
           ) -> Callable[[Iterable[WorkItem], WorkOptions], Iterator[WorkResult]]:
    """The engine a command line asks for: ``dask`` with a scheduler, else serial for one job
    and a process pool for more."""
    if name == "dask":
        if not scheduler:
            from ..errors import UsageError

            raise UsageError("--engine dask", "needs --scheduler ADDRESS (tcp://host:8786)")
        return lambda items, options: run_dask(items, options, scheduler)
    if jobs <= 1:
        return run_serial
    return lambda items, options: run_pool(items, options, jobs)
