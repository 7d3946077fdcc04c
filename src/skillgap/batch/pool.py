"""Running many inputs: in this process, or in a pool of worker processes fed a few
chunks at a time, rows yielded as soon as they are done (completion order).

Each worker builds its :class:`~skillgap.batch.scorer.Scorer` (and with it the rubric's
skill index) once, in the pool's initializer; a worker that dies makes error rows of the
inputs it held, and the rest run in a fresh pool.
"""

from __future__ import annotations

import concurrent.futures as futures
import gc
from collections.abc import Iterator, Sequence

from ..rubric.model import Rubric
from .inputs import BatchInput
from .rows import BatchOptions, BatchRow, unread_row
from .scorer import Scorer

#: Chunks of work in flight per worker: enough to keep workers busy, few enough that
#: finished rows never pile up in memory.
_IN_FLIGHT_PER_WORKER = 3


_WORKER: Scorer | None = None


def _init_worker(rubric: Rubric, options: BatchOptions) -> None:
    """Process-pool initializer: build the skill index once per worker process."""
    global _WORKER
    _WORKER = Scorer(rubric, options)
    _settle_memory()


def _settle_memory() -> None:
    """Move everything a worker process has built (the rubric, the skill index) out of
    the garbage collector's sight: it lives as long as the worker, and scanning it again
    at every full collection was a few per cent of a batch's time."""
    gc.collect()
    gc.freeze()


def _score_chunk(items: list[BatchInput]) -> list[BatchRow]:
    assert _WORKER is not None, "worker not initialised"
    return [_WORKER.score(item) for item in items]


def _chunk_size(count: int, jobs: int) -> int:
    # Bigger chunks cost less in inter-process traffic; smaller ones balance the load
    # and keep results flowing. Aim for at least 16 chunks per worker.
    return max(1, min(32, count // (jobs * 16) or 1))


def run_batch(
    items: Sequence[BatchInput], rubric: Rubric, options: BatchOptions, *, jobs: int = 1
) -> Iterator[BatchRow]:
    """Score every input, yielding each row as soon as it is done (completion order).

    With ``jobs == 1`` the work runs in this process; otherwise in a pool of ``jobs``
    worker processes, each with its own skill index, fed a few chunks at a time.
    """
    if not items:
        return
    if jobs <= 1 or len(items) == 1:
        scorer = Scorer(rubric, options)  # (no gc.freeze here: this is the caller's process)
        for item in items:
            yield scorer.score(item)
        return
    size = _chunk_size(len(items), jobs)
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
    yield from _run_pool(chunks, rubric, options, jobs)


def _run_pool(
    chunks: list[list[BatchInput]], rubric: Rubric, options: BatchOptions, jobs: int
) -> Iterator[BatchRow]:
    from concurrent.futures.process import BrokenProcessPool

    pending = iter(chunks)
    executor = futures.ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(rubric, options)
    )
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
            broken = False
            for future in done:
                chunk = in_flight.pop(future)
                try:
                    rows = future.result()
                except BrokenProcessPool:
                    broken = True
                    rows = [_crashed(item, options) for item in chunk]
                yield from rows
            if broken:
                # A worker died (out of memory, a crash in a native library). Its inputs
                # are error rows; everything still queued runs in a fresh pool.
                for future, chunk in in_flight.items():
                    future.cancel()
                    yield from (_crashed(item, options) for item in chunk)
                in_flight.clear()
                executor.shutdown(wait=False, cancel_futures=True)
                executor = futures.ProcessPoolExecutor(
                    max_workers=jobs, initializer=_init_worker, initargs=(rubric, options)
                )
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _crashed(item: BatchInput, options: BatchOptions) -> BatchRow:
    return unread_row(
        item,
        options,
        "a worker process died while this file was being read "
        "(out of memory, or a crash in a PDF/DOCX library); it was not scored",
    )
