"""A whole batch (skillgap.batch.run): the outputs are the same whatever the number of
workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.batch.files import meta_path
from skillgap.rubric.model import Rubric
from tests.helpers.batch import _run


@pytest.mark.parametrize("suffix", [".csv", ".json", ".md", ".jsonl"])
def test_outputs_are_identical_whatever_the_worker_count(
    rubric: Rubric, mixed: Path, tmp_path: Path, suffix: str
) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "four").mkdir()
    one, four = tmp_path / "one" / f"out{suffix}", tmp_path / "four" / f"out{suffix}"
    _run(rubric, mixed, one, jobs=1)
    _run(rubric, mixed, four, jobs=4)
    if suffix == ".jsonl":  # completion order; the content per input is identical
        assert sorted(one.read_text().splitlines()) == sorted(four.read_text().splitlines())
    else:
        assert one.read_bytes() == four.read_bytes()
    if suffix in (".csv", ".jsonl"):
        assert json.loads(meta_path(one).read_text()) == json.loads(meta_path(four).read_text())
