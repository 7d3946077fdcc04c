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


def test_internships_are_not_years_of_experience() -> None:
    profile = load_profile_text(
        "experience:\n"
        "  - {title: Data Science Intern, start: 2016-06, end: 2016-09}\n"
        "  - {title: Internship Trainee, start: 2017-06, end: 2017-09}\n"
        "  - {title: Student Researcher, start: 2017-10, end: 2019-06}\n"
        "  - {title: Internal Tools Engineer, start: 2020-01, end: 2022-01}\n"
    )
    found = experience_years(profile, as_of=AS_OF)
    assert found.years == pytest.approx(2.1, abs=0.05)  # Jan 2020 to the end of Jan 2022
    assert "3 internships not counted" in found.basis


@pytest.mark.parametrize(
    ("entry", "credit"),
    [
        ("{degree: MSc, field: Computer Science, year: 2028}", 0.5),  # expected: a bachelor's
        ("{degree: MSc, field: Computer Science, year: 2024}", 1.0),
        ("{degree: PhD, field: Computer Science, year: 2030}", 1.0),  # a PhD student's master's
    ],
)
def test_a_degree_in_progress_counts_as_the_one_below(
    tmp_path: Path, mini: Rubric, entry: str, credit: float
) -> None:
    report = score(tmp_path, mini, f"education:\n  - {entry}\n")
    assert requirement(report, "degree").score == credit
    if "2028" in entry:
        assert "in progress (counted as bachelor)" in requirement(report, "degree").explanation


@pytest.mark.parametrize(
    ("text", "studying"),
    [
        ("MSc Computer Science, 2024-2026 (expected)", True),
        ("MSc Computer Science, expected May 2027", True),
        ("PhD in Physics, University of Somewhere, 2019 (expected)", False),  # date passed
        ("BSc Mathematics, 2018 - Present", True),
        ("PhD candidate in Statistics", True),
        ("Candidate of Sciences in Physics, 1998", False),
        ("Currently pursuing an MS in Data Science", True),
        ("M.Tech. in Computer Science, 2013", False),
        ("MBA, 2031", True),
    ],
)
def test_degree_in_progress_reads_the_entry(text: str, studying: bool) -> None:
    from skillgap.profiles.degrees import degree_in_progress

    assert degree_in_progress(text, 2026) is studying


def test_json_resume_present_end_date_is_a_degree_in_progress(tmp_path: Path) -> None:
    import json

    from skillgap.profiles import load_profile
    from skillgap.rubric.model import Degree
    from skillgap.scoring.history import degree_result

    path = tmp_path / "r.json"
    education = [
        {"institution": "U", "area": "Computer Science", "studyType": "Ph.D.",
         "startDate": "2021-09", "endDate": "Present"},
    ]  # fmt: skip
    path.write_text(json.dumps({"basics": {"name": "A"}, "education": education}), "utf-8")
    found = degree_result(
        load_profile(path), Degree(level="phd", fields=("computer science",)), as_of=AS_OF
    )
    assert found.credit == 0.5  # a master's, one level below the PhD asked for
    assert "phd in progress (counted as master)" in found.basis
