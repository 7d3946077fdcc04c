"""What runs inside a Dask worker (:mod:`.cluster`): the plugin that holds the batch's
rubrics and options, and the task that scores a chunk of inputs.

This module imports ``distributed`` at the top, so only :mod:`.cluster` imports it, and
only for ``--cluster``. The plugin travels to each worker once (when it is registered,
and to every worker that joins later): the rubrics are prepared there once, in
:meth:`ScorerPlugin.setup`, never once per task. Tasks carry inputs (paths and URLs,
not bytes) and return rows.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from typing import Any

from distributed import WorkerPlugin, get_worker

from ..analysis import prepared_for
from ..matching.shared import group_for
from ..rubric.model import Rubric
from .inputs import BatchInput
from .rows import BatchOptions, BatchRow
from .scorer import Scorer, Watchdog


class ScorerPlugin(WorkerPlugin):
    """A batch's rubrics and options on a worker, and one scorer per worker thread."""

    def __init__(self, rubrics: Sequence[Rubric], options: BatchOptions) -> None:
        self.rubrics = tuple(rubrics)
        self.options = options
        self._local = threading.local()

    def __getstate__(self) -> dict[str, Any]:
        return {"rubrics": self.rubrics, "options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.rubrics = state["rubrics"]
        self.options = state["options"]
        self._local = threading.local()

    def setup(self, worker: Any) -> None:
        """Prepare every rubric (skill indexes) once in this worker process, and their
        shared reading; then move it all out of the garbage collector's sight, as a pool
        worker does (it lives as long as the worker)."""
        prepared = [prepared_for(rubric) for rubric in self.rubrics]
        if len(prepared) > 1:
            group_for([p.index for p in prepared])
        gc.collect()
        gc.freeze()

    def scorer(self) -> Scorer:
        """This thread's scorer (a scorer, and its watchdog, serve one thread at a time)."""
        scorer: Scorer | None = getattr(self._local, "scorer", None)
        if scorer is None:
            # Tasks run in worker threads, where the Python time limit (SIGALRM) cannot
            # fire: the watchdog is what stops an input stuck past --timeout (it ends the
            # worker; the scheduler retries the task, then the inputs one by one).
            watchdog = Watchdog() if self.options.timeout else None
            scorer = Scorer(self.rubrics, self.options, watchdog=watchdog)
            self._local.scorer = scorer
        return scorer


def score_chunk(plugin: str, items: Sequence[BatchInput]) -> list[BatchRow]:
    """The task: the rows of a chunk of inputs, scored by the worker's plugin ``plugin``."""
    worker_plugin = get_worker().plugins[plugin]
    assert isinstance(worker_plugin, ScorerPlugin), plugin
    scorer = worker_plugin.scorer()
    return [row for item in items for row in scorer.score_all(item)]


__all__ = ["ScorerPlugin", "score_chunk"]
