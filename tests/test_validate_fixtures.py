"""Data-driven rubric validation cases: adding a case is adding files, nothing else.

``tests/fixtures/rubrics/valid/*.yaml`` must validate with no problems at all, with every
lint rule switched on (including the ones that are off by default).

Each ``tests/fixtures/rubrics/invalid/NAME.yaml`` sits beside ``NAME.expected``, which
holds every problem ``skillgap validate`` must report for it, one per line, in the order
it reports them (by line, then column)::

    LINE:COL LEVEL RULE MESSAGE
    7:5 error unknown-key unknown key 'wieght' in areas[0]; did you mean 'weight'? ...
    -:- error limits document expands to more than 200,000 nodes (an alias bomb?); ...

``LINE`` and ``COL`` are 1-based; ``-`` stands for a position the problem does not have
(an empty file, an alias bomb). ``LEVEL`` is ``error``, ``warning`` or ``info``. The
comparison is exact: a missing, extra or reworded problem fails the case and shows the
difference. Every rule has at least one invalid case (a test checks that too).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.errors import Problem
from skillgap.lint.registry import RULES
from skillgap.lint.validate import ValidateOptions, validate_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rubrics"
VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
EVERY_RULE = ValidateOptions(rules=frozenset(r.id for r in RULES.values() if r.configurable))
#: Rules no fixture can show: 'schema' is the catch-all for errors no other rule names.
NOT_DEMONSTRABLE = {"schema"}


def expected_line(problem: Problem) -> str:
    line = "-" if problem.line is None else str(problem.line)
    column = "-" if problem.column is None else str(problem.column)
    return f"{line}:{column} {problem.level.value} {problem.rule} {problem.message}"


def test_there_are_cases() -> None:
    assert len(VALID) >= 5
    assert len(INVALID) >= 30


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_rubric_has_no_problems(path: Path) -> None:
    problems = validate_file(path, display=path.name, options=EVERY_RULE)
    assert [expected_line(p) for p in problems] == []


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_rubric_reports_exactly_the_expected_problems(path: Path) -> None:
    expected_file = path.with_suffix(".expected")
    assert expected_file.exists(), f"add {expected_file.name} next to {path.name}"
    expected = expected_file.read_text("utf-8").splitlines()
    problems = validate_file(path, display=path.name, options=EVERY_RULE)
    assert [expected_line(p) for p in problems] == expected


def test_every_expected_file_has_its_rubric() -> None:
    orphans = [
        p.name
        for p in (FIXTURES / "invalid").glob("*.expected")
        if not p.with_suffix(".yaml").exists()
    ]
    assert orphans == []


def test_every_rule_has_an_invalid_case() -> None:
    """Each rule id appears in some .expected file (so each is tested end to end)."""
    shown = {
        line.split(" ")[2]
        for path in INVALID
        for line in path.with_suffix(".expected").read_text("utf-8").splitlines()
    }
    assert set(RULES) - NOT_DEMONSTRABLE - shown == set()
