"""Many resumes against many roles as one plain function: :func:`score_many`.

It runs in the calling process, one input after another, with nothing to start or stop,
so the same code scores a batch inside any engine that calls Python on part of the
data: a Spark ``mapInPandas`` function, a Dask or Ray task, a queue worker
(docs/scale.md has a Spark recipe). Each input is read and loaded into a profile once
and scored against every rubric; the rubrics are prepared once per process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..analysis import PreparedRubric
from ..limits import DEFAULT_LIMITS, Limits
from ..rubric.model import Rubric
from .inputs import BatchInput, collect_inputs
from .rows import BatchOptions, BatchRow
from .rubrics import check_distinct, load_rubrics
from .scorer import Scorer, ScoreStats

#: An input of :func:`score_many`: a path or URL (a folder or glob stands for the files
#: it holds), or a name and the bytes already read (Spark's ``binaryFile`` rows).
ManyInput = str | Path | tuple[str, bytes]

#: A rubric of :func:`score_many`: loaded, prepared, or a bundled id or file to load.
ManyRubric = Rubric | PreparedRubric | str | Path


def score_many(
    inputs: Iterable[ManyInput],
    rubrics: ManyRubric | Sequence[ManyRubric],
    *,
    as_of: dt.date | None = None,
    lean: bool = False,
    reports: bool = True,
    blind: bool = False,
    keep_filenames: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    timeout: float | None = None,
    stats: ScoreStats | None = None,
) -> Iterator[BatchRow]:
    """Score every input against every rubric, in this process: one
    :class:`~.rows.BatchRow` per input and rubric, the rows of each input together, in
    the order the inputs and rubrics come. Each input is read and loaded once.

    Nothing an input holds raises: an unreadable one gives error rows with the reason,
    as in ``skillgap batch``. Every row names its rubric (``row.rubric``, the id); the
    rubrics must have distinct ids. ``as_of`` is the date ongoing positions run to
    (default today: give one date to every part of a distributed job). ``reports``
    keeps each row's report as one line of JSON (``row.json_line()``), ``lean`` without
    quoted evidence; ``reports=False`` gives the numbers only, faster. ``stats``, if
    given, counts the inputs read, the profiles loaded and the rows made.

    >>> rows = list(score_many(
    ...     ["examples/plain-text-resume.txt", ("cv.txt", b"Python and SQL, 5 years")],
    ...     ["ml-engineer-entry", "ml-engineer-senior"], as_of=dt.date(2026, 1, 1)))
    >>> [(row.file, row.rubric, row.status) for row in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('examples/plain-text-resume.txt', 'ml-engineer-entry', 'ok'),
     ('examples/plain-text-resume.txt', 'ml-engineer-senior', 'ok'),
     ('cv.txt', 'ml-engineer-entry', 'ok'), ('cv.txt', 'ml-engineer-senior', 'ok')]
    """
    options = BatchOptions(
        blind=blind,
        keep_filenames=keep_filenames,
        as_of=as_of or dt.date.today(),
        limits=limits,
        report_json=reports,
        lean=lean,
        timeout=timeout,
    )
    scorer = Scorer(_prepared(rubrics), options, tag=True)
    if stats is not None:
        scorer.stats = stats
    for given in inputs:
        for item in _items(given):
            yield from scorer.score_all(item)


def _prepared(rubrics: ManyRubric | Sequence[ManyRubric]) -> list[Rubric | PreparedRubric]:
    """The rubrics, loaded where named, with distinct ids."""
    given = [rubrics] if isinstance(rubrics, (Rubric, PreparedRubric, str, Path)) else rubrics
    loaded: list[Rubric | PreparedRubric] = []
    for rubric in given:
        if isinstance(rubric, (str, Path)):
            loaded += load_rubrics([rubric])
        else:
            loaded.append(rubric)
    check_distinct([r.rubric if isinstance(r, PreparedRubric) else r for r in loaded])
    return loaded


def _items(given: ManyInput) -> list[BatchInput]:
    if isinstance(given, tuple):
        name, data = given
        return [BatchInput(display=name, path=name, data=bytes(data))]
    return collect_inputs([str(given)])


__all__ = ["ManyInput", "ManyRubric", "ScoreStats", "score_many"]
