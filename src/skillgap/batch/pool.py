"""Running many inputs: in this process, or in a pool of worker processes fed a few
chunks at a time, rows yielded as soon as they are done (completion order).

The rubric is prepared (its skill index built) once, in the batch's process, before the
pool starts: workers forked from it inherit it, so a worker, or its replacement after a
crash, starts scoring at once (with the ``spawn`` start method each worker prepares its
own). Each worker builds its :class:`~skillgap.batch.scorer.Scorer` in the pool's
initializer. A worker that dies breaks the whole pool
and nobody says which input it held: the inputs that were in flight are then read again
one at a time in a pool of their own, so only the input that kills a worker again is an
error row, and the rest go on in a fresh pool. Workers end when the process that started
them goes (even by SIGKILL), rather than living on.

There are never more workers than inputs or CPU cores. Inputs in fsspec's ``memory://``
filesystem, which only this process can see, are scored in this process.
"""

from __future__ import annotations

import concurrent.futures as futures
import gc
import os
import threading
import time
from collections.abc import Iterator, Sequence

from ..analysis import prepared_for
from ..matching.shared import group_for
from ..rubric.model import Rubric
from .inputs import BatchInput
from .rows import BatchOptions, BatchRow, unread_rows
from .rubrics import rubric_tags
from .scorer import Scorer, Watchdog, timed_out_rows
from .urls import in_process_only

#: Chunks of work in flight per worker: enough to keep workers busy, few enough that
#: finished rows never pile up in memory.
_IN_FLIGHT_PER_WORKER = 3


_WORKER: Scorer | None = None


#: How often a worker checks that the process that started it is still there (seconds).
_PARENT_CHECK_SECONDS = 1.0


def _init_worker(
    rubrics: tuple[Rubric, ...], options: BatchOptions, parent: int | None = None
) -> None:
    """Process-pool initializer: build the skill index once per worker process, and end
    the worker when ``parent`` (the batch's process) goes."""
    global _WORKER
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    _WORKER = Scorer(rubrics, options, watchdog=Watchdog() if options.timeout else None)
    _settle_memory()


def _exit_with(parent: int) -> None:
    """End this worker once its parent is gone: killed parents do not tell their pools."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


def _settle_memory() -> None:
    """Move everything a worker process has built (the rubric, the skill index) out of
    the garbage collector's sight: it lives as long as the worker, and scanning it again
    at every full collection was a few per cent of a batch's time."""
    gc.collect()
    gc.freeze()


def _score_chunk(items: list[BatchInput]) -> list[BatchRow]:
    assert _WORKER is not None, "worker not initialised"
    return [row for item in items for row in _WORKER.score_all(item)]


def _chunk_size(count: int, jobs: int) -> int:
    # Bigger chunks cost less in inter-process traffic; smaller ones balance the load
    # and keep results flowing. Aim for at least 16 chunks per worker.
    return max(1, min(32, count // (jobs * 16) or 1))


def workers_for(jobs: int, inputs: int, cpus: int | None = None) -> int:
    """How many worker processes a batch starts: what was asked, but never more than the
    inputs or the CPU cores (each worker holds its own skill index: 256 of them for 7
    files took 4.6 GB).

    >>> workers_for(256, 7, cpus=4), workers_for(4, 1000, cpus=8), workers_for(8, 0, cpus=8)
    (4, 4, 1)
    """
    cpus = cpus if cpus is not None else os.cpu_count() or 1
    return max(1, min(jobs, inputs, cpus))


def as_rubrics(rubric: Rubric | Sequence[Rubric]) -> tuple[Rubric, ...]:
    """One rubric or several, as a tuple."""
    return (rubric,) if isinstance(rubric, Rubric) else tuple(rubric)


def run_batch(
    items: Sequence[BatchInput],
    rubric: Rubric | Sequence[Rubric],
    options: BatchOptions,
    *,
    jobs: int = 1,
) -> Iterator[BatchRow]:
    """Score every input, yielding each row as soon as it is done (completion order).

    With several rubrics, each input is read once and scored against each of them: one
    row per input and rubric, the rows of one input together. With ``jobs == 1`` the
    work runs in this process; otherwise in a pool of ``jobs`` worker processes, each
    with its own skill indexes, fed a few chunks at a time.
    """
    rubric = as_rubrics(rubric)
    if not items:
        return
    jobs = workers_for(jobs, len(items))
    # memory:// files exist only in this process: no worker could read them.
    here = any(i.opener is not None and in_process_only(i.opener) for i in items)
    if not here and (jobs <= 1 or len(items) == 1) and _needs_a_worker(items, options):
        _prepare(rubric)  # once here: every worker (a new one after each stuck PDF)
        # A PDF is read by native code, which only a worker's watchdog can stop in time.
        yield from _one_at_a_time(list(items), rubric, options, order=False)
        return
    if here or jobs <= 1 or len(items) == 1:
        scorer = Scorer(rubric, options)  # (no gc.freeze here: this is the caller's process)
        for item in items:
            yield from scorer.score_all(item)
        return
    _prepare(rubric)  # once here: forked workers inherit it (Scorer looks it up)
    size = _chunk_size(len(items), jobs)
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
    yield from _run_pool(chunks, rubric, options, jobs)


def _prepare(rubrics: tuple[Rubric, ...]) -> None:
    prepared = [prepared_for(rubric) for rubric in rubrics]
    if len(prepared) > 1:  # the shared reading of several rubrics (Scorer looks it up)
        group_for([p.index for p in prepared])


def _run_pool(
    chunks: list[list[BatchInput]], rubric: tuple[Rubric, ...], options: BatchOptions, jobs: int
) -> Iterator[BatchRow]:
    from concurrent.futures.process import BrokenProcessPool

    pending = iter(chunks)
    executor = _pool(rubric, options, jobs)
    in_flight: dict[futures.Future[list[BatchRow]], list[BatchInput]] = {}
    try:
        while True:
            while len(in_flight) < jobs * _IN_FLIGHT_PER_WORKER:
                chunk = next(pending, None)
                if chunk is None:
                    break
                in_flight[executor.submit(_score_chunk, chunk)] = chunk
            if not in_flight:
                break
            done, _ = futures.wait(in_flight, return_when=futures.FIRST_COMPLETED)
            suspects: list[BatchInput] = []
            for future in done:
                chunk = in_flight.pop(future)
                try:
                    rows = future.result()
                except BrokenProcessPool:
                    suspects.extend(chunk)
                    continue
                yield from rows
            if suspects:
                # A worker died (out of memory, a crash in a native library) holding one
                # of the inputs in flight, and the pool cannot say which: read each of
                # them again alone; everything still queued runs in a fresh pool.
                for future, chunk in in_flight.items():
                    future.cancel()
                    suspects.extend(chunk)
                in_flight.clear()
                executor.shutdown(wait=False, cancel_futures=True)
                yield from _one_at_a_time(suspects, rubric, options)
                executor = _pool(rubric, options, jobs)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _needs_a_worker(items: Sequence[BatchInput], options: BatchOptions) -> bool:
    """Must these inputs be read in a worker, even one at a time? When a time limit is set
    and one of them is a PDF (PDFium is native code: SIGALRM cannot stop it)."""
    return bool(options.timeout) and any(
        i.problem is None and i.path.lower().endswith(".pdf") for i in items
    )


def _pool(
    rubric: tuple[Rubric, ...], options: BatchOptions, jobs: int
) -> futures.ProcessPoolExecutor:
    return futures.ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(rubric, options, os.getpid())
    )


def _one_at_a_time(
    items: list[BatchInput],
    rubric: tuple[Rubric, ...],
    options: BatchOptions,
    *,
    order: bool = True,
) -> Iterator[BatchRow]:
    """Score each input alone in a one-worker pool: an input that kills the worker is the
    one to blame, and the next input gets a fresh worker. A worker that ended after the
    input's time limit was ended by its watchdog: the input timed out."""
    from concurrent.futures.process import BrokenProcessPool

    def alone(item: BatchInput) -> list[BatchRow] | None:
        try:
            return executor.submit(_score_chunk, [item]).result()
        except BrokenProcessPool:
            return None

    tags = rubric_tags(rubric)
    executor = _pool(rubric, options, 1)
    try:
        for item in sorted(items) if order else items:
            started = time.monotonic()
            rows = alone(item)
            if rows is None:
                timed_out = bool(options.timeout) and (
                    time.monotonic() - started >= (options.timeout or 0)
                )
                yield from (
                    timed_out_rows(item, options, tags)
                    if timed_out
                    else crashed_rows(item, options, tags)
                )
                executor.shutdown(wait=False, cancel_futures=True)
                executor = _pool(rubric, options, 1)
            else:
                yield from rows
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


#: Why an input whose worker died is an error row.
CRASHED = (
    "a worker process died while this file was being read "
    "(out of memory, or a crash in a PDF/DOCX library); it was not scored"
)


def crashed_rows(
    item: BatchInput, options: BatchOptions, tags: Sequence[str | None]
) -> list[BatchRow]:
    """The error rows of an input whose worker died reading it, one per rubric."""
    return unread_rows(item, options, CRASHED, tags)
