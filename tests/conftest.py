"""Shared fixtures and paths.

The paths every folder of tests uses (the repository, its examples, the data-driven
fixtures in ``tests/fixtures``), the bundled rubric with its skill index, and two saved
reports of the same rubric with the diff between them (the junior then the senior
example profile), which the report, renderer and command tests of ``diff`` share.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from skillgap.report.diff import ReportDiff, diff_reports
from skillgap.report.model import GapReport
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: Data-driven cases and small input files (tests/fixtures/README.md has the layout).
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
#: The date the two example reports of ``before`` and ``after`` are scored on.
DIFF_AS_OF = dt.date(2026, 1, 15)


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    """The bundled principal-ml-engineer rubric."""
    return load_rubric("principal-ml-engineer")


@pytest.fixture(scope="session")
def index(rubric: Rubric) -> SkillIndex:
    """A skill index over the bundled rubric (built once per test session)."""
    return SkillIndex(rubric)


@pytest.fixture(scope="module")
def before(rubric: Rubric) -> GapReport:
    """The junior example profile's report against the bundled rubric."""
    return analyze(
        load_profile(EXAMPLES / "junior-ml-engineer-profile.yaml"), rubric, as_of=DIFF_AS_OF
    )


@pytest.fixture(scope="module")
def after(rubric: Rubric) -> GapReport:
    """The senior example profile's report against the bundled rubric."""
    return analyze(
        load_profile(EXAMPLES / "senior-ml-engineer-profile.yaml"), rubric, as_of=DIFF_AS_OF
    )


@pytest.fixture(scope="module")
def change(before: GapReport, after: GapReport) -> ReportDiff:
    """What changed from ``before`` to ``after``."""
    return diff_reports(before, after)
