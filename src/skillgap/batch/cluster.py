"""Scoring on a Dask distributed cluster (``skillgap batch --cluster ADDRESS``): the same
rows as the process pool (:mod:`.pool`), from workers anywhere.

``--cluster tcp://host:8786`` sends the work to a running scheduler; ``--cluster local``
starts a ``LocalCluster`` on this machine (``--jobs`` worker processes, one thread
each). Dask is optional (``pip install 'skillgap[dask]'``) and imported only here, only
then.

* The rubrics and options travel once per worker, in a worker plugin
  (:class:`.cluster_worker.ScorerPlugin`) that prepares them when the worker takes it,
  not once per task.
* Inputs travel as paths and URLs (local paths made absolute), never as bytes: the
  workers read them.
* Tasks are chunks of up to :data:`CHUNK_MAX` inputs, a few per worker in flight, so
  the scheduler's overhead stays small and memory flat; rows come back as each chunk
  completes, into the same sinks as a local run.
* A worker that dies has its tasks run again elsewhere by the scheduler, up to its
  ``allowed-failures`` (:data:`ALLOWED_FAILURES` for a local cluster); a chunk that
  keeps killing workers is then split and each of its inputs tried alone, so only the
  input that kills a worker again becomes an error row, saying so.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SkillgapError, UsageError
from ..rubric.model import Rubric
from .inputs import BatchInput
from .pool import workers_for
from .rows import BatchOptions, BatchRow, unread_rows
from .rubrics import rubric_tags
from .urls import in_process_only, redact_url

if TYPE_CHECKING:
    from distributed import Client

#: What to install for ``--cluster``.
INSTALL_HINT = "pip install 'skillgap[dask]'"

#: ``--cluster local``: a cluster of worker processes on this machine.
LOCAL = "local"

#: Most inputs in one task: enough that the scheduler's overhead per task (a few
#: milliseconds) is small beside the task's work, few enough to spread the load.
CHUNK_MAX = 100

#: Chunks in flight per worker: enough to keep each busy, few enough that finished rows
#: never pile up.
IN_FLIGHT_PER_WORKER = 3

#: How many times a local cluster's scheduler runs a task again after a worker died
#: running it (``distributed.scheduler.allowed-failures``); a remote scheduler uses its
#: own setting.
ALLOWED_FAILURES = 2

#: How often a task whose code raised is run again (the scorer itself never raises for
#: what an input holds: this is for the cluster's own failures).
RETRIES = 2

#: Why an input that kept killing the workers that read it is an error row.
KILLED = (
    "the worker processes reading this file died each time it was tried (out of "
    "memory, a crash in a PDF/DOCX library, or stuck past --timeout); it was not scored"
)


class ClusterError(SkillgapError):
    """The cluster could not be used: Dask is not installed, or the scheduler did not
    answer, or failed (exit code 3)."""


def require_distributed() -> Any:
    """The ``distributed`` module, or the one line that says what to install."""
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError(f"--cluster needs Dask distributed: {INSTALL_HINT}") from exc
    return distributed


def chunk_size(inputs: int, workers: int) -> int:
    """Inputs per task: at least :data:`IN_FLIGHT_PER_WORKER` tasks per worker, at most
    :data:`CHUNK_MAX` inputs each.

    >>> chunk_size(10_000, 2), chunk_size(10, 2), chunk_size(1, 8)
    (100, 2, 1)
    """
    per_worker = max(1, workers) * IN_FLIGHT_PER_WORKER
    return max(1, min(CHUNK_MAX, -(-inputs // per_worker)))


@contextmanager
def connect(address: str, *, workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a local cluster of ``workers``
    processes (one thread each) for ``local``; closed (the local cluster stopped) after."""
    distributed = require_distributed()
    import dask

    if address == LOCAL:
        config = {
            "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
            "distributed.admin.system-monitor.gil.enabled": False,
            # The workers' statistical profiler samples every thread's stack 100 times a
            # second, CPU taken from scoring; nobody reads its dashboard here.
            "distributed.worker.profile.enabled": False,
        }
        with dask.config.set(config):
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: 8787 may be taken
                # The scheduler runs in this process: its log lines (a task "marked as
                # failed because 3 workers died") would break the one-line-per-error rule.
                silence_logs=logging.CRITICAL,
            )
            try:
                client = distributed.Client(cluster, set_as_default=False)
            except BaseException:
                cluster.close()
                raise
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    try:
        # Waits as long as Dask's own setting says (distributed.comm.timeouts.connect).
        client = distributed.Client(address, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            redact_url(
                f"cannot reach the Dask scheduler at {address}: {exc}; start one "
                "('dask scheduler') or use --cluster local"
            )
        ) from exc
    try:
        yield client
    finally:
        client.close()


def run_on_cluster(
    items: Sequence[BatchInput],
    rubrics: Sequence[Rubric],
    options: BatchOptions,
    *,
    address: str,
    jobs: int = 1,
) -> Iterator[BatchRow]:
    """Score every input on the Dask cluster at ``address`` (``local``: a local cluster
    of ``jobs`` workers), yielding rows as their chunks complete (completion order)."""
    if not items:
        return
    if any(i.opener is not None and in_process_only(i.opener) for i in items):
        raise UsageError("memory:// inputs live in this process only: a cluster cannot read them")
    distributed = require_distributed()
    from .cluster_worker import ScorerPlugin, score_chunk

    tags = rubric_tags(rubrics)
    work = [_travelling(item) for item in items]
    # A local cluster, like the pool, has no more workers than inputs or CPU cores.
    with connect(address, workers=workers_for(jobs, len(items))) as client:
        name = f"skillgap-batch-{uuid.uuid4().hex}"
        client.register_plugin(ScorerPlugin(rubrics, options), name=name)
        try:
            workers = len(client.scheduler_info().get("workers", {})) or jobs
            size = chunk_size(len(work), workers)
            pending = iter([work[i : i + size] for i in range(0, len(work), size)])
            in_flight: dict[Any, list[BatchInput]] = {}

            def submit(chunk: list[BatchInput]) -> Any:
                future = client.submit(score_chunk, name, chunk, pure=False, retries=RETRIES)
                in_flight[future.key] = chunk
                return future

            first = [submit(c) for c in itertools.islice(pending, workers * IN_FLIGHT_PER_WORKER)]
            completed = distributed.as_completed(first, loop=client.loop)
            for future in completed:
                chunk = in_flight.pop(future.key)
                try:
                    rows: list[BatchRow] = future.result()
                except distributed.KilledWorker:
                    rows = []
                    if len(chunk) > 1:  # one of them kills workers: try each alone
                        for item in chunk:
                            completed.add(submit([item]))
                    else:
                        rows = unread_rows(chunk[0], options, KILLED, tags)
                except Exception as exc:
                    raise ClusterError(
                        f"the Dask cluster failed: {type(exc).__name__}: {exc}"
                    ) from exc
                finally:
                    future.release()
                next_chunk = next(pending, None)
                if next_chunk is not None:
                    completed.add(submit(next_chunk))
                yield from rows
        finally:
            try:
                client.unregister_worker_plugin(name)  # type: ignore[no-untyped-call]
            except Exception:  # the cluster may be gone: nothing to undo then
                logging.getLogger(__name__).debug("plugin %s not unregistered", name)


def _travelling(item: BatchInput) -> BatchInput:
    """The input as it travels to a worker: a local path made absolute (a worker may run
    in another folder), shown as before."""
    if item.opener is not None or item.problem is not None:
        return item
    return dataclasses.replace(item, path=str(Path(item.path).absolute()))


__all__ = [
    "ALLOWED_FAILURES",
    "CHUNK_MAX",
    "INSTALL_HINT",
    "LOCAL",
    "ClusterError",
    "chunk_size",
    "connect",
    "require_distributed",
    "run_on_cluster",
]
