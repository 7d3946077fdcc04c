"""Fixtures the library tests share across packages: the mini rubric, the bundled ML
engineer ladder, and the junior example's report placed on that ladder."""

from __future__ import annotations

import datetime as dt

import pytest

from skillgap.analysis import analyze, place, with_ladder
from skillgap.profiles import load_profile
from skillgap.report.model import GapReport
from skillgap.rubric.ladder import LoadedLadder, load_ladder
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric
from tests.conftest import EXAMPLES, FIXTURES


@pytest.fixture(scope="module")
def ml_ladder() -> LoadedLadder:
    """The bundled ml-engineer ladder (entry, mid, senior, principal)."""
    return load_ladder("ml-engineer")


@pytest.fixture(scope="module")
def mini() -> Rubric:
    """tests/fixtures/mini-rubric.yaml: two areas, every kind of requirement."""
    return load_rubric(FIXTURES / "mini-rubric.yaml")


@pytest.fixture(scope="module")
def junior() -> GapReport:
    """The junior example against the entry-level rubric, placed on the ml-engineer ladder
    (as of 2026-01-15)."""
    as_of = dt.date(2026, 1, 15)
    profile = load_profile(EXAMPLES / "junior-ml-engineer-profile.yaml")
    report = analyze(profile, load_rubric("ml-engineer-entry"), as_of=as_of)
    return with_ladder(report, place(profile, load_ladder("ml-engineer"), as_of=as_of))
