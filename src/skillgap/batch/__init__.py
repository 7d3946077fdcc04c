"""Many profiles against one rubric or several: parallel, streaming, resumable, one row
per input (and rubric).

The pieces, each usable on its own, one module each (the CLI's ``skillgap batch`` just
wires them up, and :func:`execute` in :mod:`.run` runs them all):

* :func:`collect_inputs` (:mod:`.inputs`) expands files, directories (recursively,
  hidden files skipped), globs and paths read from stdin into a sorted, de-duplicated
  list of inputs.
* :class:`Scorer` (:mod:`.scorer`) turns one file into one :class:`BatchRow`
  (:mod:`.rows`): scored, or an error row with the reason. Nothing a file contains can
  stop the batch.
* :func:`run_batch` (:mod:`.pool`) yields rows as they complete, from a process pool (the
  skill index is built once per worker, in its initializer) with a bounded number of
  chunks in flight, so memory stays flat however many inputs there are.
* :func:`load_resume_state` (:mod:`.resume`) reads an existing ``.jsonl`` output for
  ``--resume``: a truncated last line (from a killed run) is dropped, and inputs already
  there (same path and content sha256) are skipped.
* :class:`BatchTally` (:mod:`.tally`) keeps the counts, the top of the ranking and the
  audit list of inputs.
* :func:`open_sink` (:mod:`.sinks`) writes rows as they come: ``.jsonl`` appends one line
  per row in completion order (flushed, so a killed run loses at most the line being
  written); ``.csv``, ``.json`` and ``.md`` spool rows to a temporary file and, at the
  end, write them sorted by score (ties by path) into a file that replaces the output
  atomically. Only small sort keys are kept in memory. ``.parquet`` (:mod:`.parquet`,
  with pyarrow) is written the same way, in row groups, with typed columns.
* Several rubrics (:func:`load_rubrics`, :mod:`.rubrics`): each input is read and loaded
  once and scored against every rubric, one row per input and rubric, every output
  ranked rubric by rubric. :func:`score_many` (:mod:`.many`) does that as one plain
  function in the calling process, for any engine (a Spark ``mapInPandas`` function, a
  Dask or Ray task).
* Inputs and outputs may be URLs (``s3://``, ``gs://``, ``file://``, ``memory://``, ...):
  :mod:`.remote` lists, reads and writes them through fsspec, imported only then, and
  :mod:`.urls` strips the credentials a URL carries before it is shown or recorded.

Every output carries an audit header (``.json``, ``.md``) or a sidecar
``FILE.meta.json`` (``.csv``, ``.jsonl``; :mod:`.files`): the rubric id, version and
sha256, the tool version, the options, and every input's sha256. The batch core never
imports a renderer: the text of CSV, JSON and Markdown outputs comes from the
:class:`~.sinks.BatchLayout` a caller passes in.
"""

from __future__ import annotations

from ..limits import DEFAULT_TIMEOUT
from .files import BATCH_SCHEMA_VERSION, META_SUFFIX, OUTPUT_SUFFIXES, meta_path, output_kind
from .inputs import BatchInput, collect_inputs
from .many import score_many
from .pool import run_batch
from .resume import ResumeState, load_resume_state, remaining_inputs
from .rows import BatchOptions, BatchRow
from .rubrics import load_rubrics
from .run import BatchResult, execute
from .scorer import Scorer, ScoreStats
from .sinks import BatchLayout, Sink, build_meta, open_sink
from .tally import BatchTally

__all__ = [
    "BATCH_SCHEMA_VERSION",
    "DEFAULT_TIMEOUT",
    "META_SUFFIX",
    "OUTPUT_SUFFIXES",
    "BatchInput",
    "BatchLayout",
    "BatchOptions",
    "BatchResult",
    "BatchRow",
    "BatchTally",
    "ResumeState",
    "ScoreStats",
    "Scorer",
    "Sink",
    "build_meta",
    "collect_inputs",
    "execute",
    "load_resume_state",
    "load_rubrics",
    "meta_path",
    "open_sink",
    "output_kind",
    "remaining_inputs",
    "run_batch",
    "score_many",
]
