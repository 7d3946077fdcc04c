"""Scoring one input into one row (skillgap.batch.scorer): every good file scored, every bad
one explained, and the time limit that stops a slow input without touching the caller's
alarm handler or timer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from skillgap.batch.inputs import collect_inputs
from skillgap.batch.pool import run_batch
from skillgap.rubric.model import Rubric
from tests.helpers.batch import BAD, GOOD, OPTIONS, rows_by_name


def test_mixed_batch_scores_every_good_file_and_explains_every_bad_one(
    rubric: Rubric, mixed: Path
) -> None:
    rows = rows_by_name(rubric, mixed)
    assert {n for n, r in rows.items() if r.ok} == GOOD
    failed = {n: r.error for n, r in rows.items() if not r.ok}
    reasons = {n: error for n, error in failed.items() if error is not None}
    assert set(reasons) == set(failed) == BAD
    assert "file is empty" in reasons["empty.txt"]
    assert "is not a PDF" in reasons["random.pdf"]
    assert "encrypted" in reasons["locked.pdf"]
    assert "scanned? run OCR first" in reasons["scan.pdf"]
    assert "not a zip archive" in reasons["notzip.docx"]
    assert "no word/document.xml" in reasons["nodoc.docx"]
    assert "is a JSON Schema, not a resume" in reasons["schema.json"]
    for name, message in reasons.items():
        assert message.startswith(str(mixed)) and name in message and "\n" not in message


def test_same_content_gives_same_id_and_score(rubric: Rubric, mixed: Path) -> None:
    rows = rows_by_name(rubric, mixed)
    a, b = rows["grace.txt"], rows["grace-copy.txt"]
    assert a.id == b.id and a.score == b.score


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_input_over_the_time_limit_is_an_error_row_and_the_rest_are_scored(
    rubric: Rubric, slow: Path, jobs: int
) -> None:
    options = dataclasses.replace(OPTIONS, timeout=1.5)
    rows = {
        Path(r.path).name: r
        for r in run_batch(collect_inputs([str(slow)]), rubric, options, jobs=jobs)
    }
    assert rows["grace.txt"].ok and rows["tim.md"].ok
    huge = rows["huge.txt"]
    assert not huge.ok
    assert huge.error == (
        f"{slow / 'huge.txt'}: took longer than 1.5 s to read and score, "
        "so it was stopped; raise the limit with --timeout if the file is "
        "genuine"
    )


def test_the_time_limit_restores_the_alarm_handler_and_can_be_turned_off(
    rubric: Rubric, slow: Path
) -> None:
    import signal

    def mine(signum: int, frame: object) -> None:
        raise AssertionError("the batch's alarm reached the caller's handler")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        limited = list(
            run_batch(
                collect_inputs([str(slow)]), rubric, dataclasses.replace(OPTIONS, timeout=1.5)
            )
        )
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert sum(not r.ok for r in limited) == 1
        items = [i for i in collect_inputs([str(slow)]) if i.display.endswith("huge.txt")]
        unlimited = list(run_batch(items, rubric, dataclasses.replace(OPTIONS, timeout=None)))
        assert unlimited[0].ok
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_callers_own_timer_is_left_alone(rubric: Rubric, slow: Path) -> None:
    import signal

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 30.0)
    try:
        items = [i for i in collect_inputs([str(slow)]) if not i.display.endswith("huge.txt")]
        rows = list(run_batch(items, rubric, dataclasses.replace(OPTIONS, timeout=0.01)))
        assert all(r.ok for r in rows)  # no limit applied: the caller's timer is running
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 30.0 and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
