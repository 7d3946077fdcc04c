"""Years and degrees (skillgap.scoring.history): overlapping jobs counted once, ongoing
jobs run to the as-of date, a stated total trusted, and a degree's level and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.rubric.model import Rubric
from skillgap.scoring.history import experience_years
from tests.helpers.scoring import AS_OF, load_profile_text, requirement, score


def test_overlapping_jobs_are_not_counted_twice() -> None:
    profile = load_profile_text(
        "experience:\n"
        "  - {title: A, start: 2010-01, end: 2015-01}\n"
        "  - {title: B, start: 2012-01, end: 2016-01}\n"
    )
    found = experience_years(profile, as_of=AS_OF)
    # Jan 2010 to the end of Jan 2016: six years and a month, not 5 + 4 = 9 years.
    assert found.years == pytest.approx(6.1, abs=0.05)
    assert "overlaps merged" in found.basis


def test_ongoing_jobs_run_to_the_as_of_date() -> None:
    profile = load_profile_text("experience:\n  - {title: A, start: 2020-11}\n")
    assert experience_years(profile, as_of=AS_OF).years == pytest.approx(6.0, abs=0.05)


def test_a_stated_total_wins_when_it_is_larger(tmp_path: Path, mini: Rubric) -> None:
    report = score(
        tmp_path, mini, "years_experience: 12\nexperience:\n  - {title: A, start: 2020-01}\n"
    )
    years = requirement(report, "years")
    assert years.score == 1.0
    assert years.years is not None and years.years.found == 12


def test_a_stated_total_is_trusted_over_an_ongoing_position(tmp_path: Path, mini: Rubric) -> None:
    """An old resume's 'Present' would otherwise run to today: the statement wins."""
    report = score(
        tmp_path,
        mini,
        "Sales lead with 6 years of experience.\n\nEXPERIENCE\n"
        "Head of Sales, Acme      Jul 2015 - Present\n",
        name="old.txt",
    )
    years = requirement(report, "years").years
    assert years is not None and years.found == 6.0
    assert years.basis.startswith("stated")


def test_degree_level_and_field(tmp_path: Path, mini: Rubric) -> None:
    """A master's in a required field is full credit; related field and lower level less."""
    full = score(tmp_path, mini, "education:\n  - {degree: MSc, field: Computer Science}\n")
    related = score(tmp_path, mini, "education:\n  - {degree: MSc, field: Physics}\n")
    lower = score(tmp_path, mini, "education:\n  - {degree: BSc, field: Computer Science}\n")
    assert requirement(full, "degree").score == 1.0
    assert requirement(related, "degree").score == 0.75
    assert requirement(lower, "degree").score == 0.5
