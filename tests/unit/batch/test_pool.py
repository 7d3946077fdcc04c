"""Running many inputs (skillgap.batch.pool): a pool of workers gives the rows one process gives."""

from __future__ import annotations

from pathlib import Path

from skillgap.rubric.model import Rubric
from tests.helpers.batch import rows_by_name


def test_worker_pool_gives_the_same_rows_as_one_process(rubric: Rubric, mixed: Path) -> None:
    one = rows_by_name(rubric, mixed, jobs=1)
    four = rows_by_name(rubric, mixed, jobs=4)
    assert one == four
