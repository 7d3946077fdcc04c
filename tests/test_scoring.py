"""Scoring: from evidence to requirement, area and overall scores, gaps and blocking gaps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from skillgap.profiles.model import Profile
from skillgap.report.model import GapReport, RequirementResult
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric
from skillgap.scoring.bands import verdict_for
from skillgap.scoring.history import experience_years

from .conftest import DATA

AS_OF = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def mini() -> Rubric:
    return load_rubric(DATA / "mini-rubric.yaml")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def requirement(report: GapReport, requirement_id: str) -> RequirementResult:
    for area in report.areas:
        for result in area.requirements:
            if result.id == requirement_id:
                return result
    raise AssertionError(f"no requirement {requirement_id}")


def score(tmp_path: Path, rubric: Rubric, text: str, name: str = "p.yaml") -> GapReport:
    return analyze(load_profile(write(tmp_path, name, text)), rubric, as_of=AS_OF)


def test_declared_level_is_scored_against_the_expected_level(tmp_path: Path, mini: Rubric) -> None:
    """'working' where 'advanced' is expected earns 2/3; 'expert' is capped at 1."""
    working = score(tmp_path, mini, "skills:\n  - {name: Python, level: working}\n")
    expert = score(tmp_path, mini, "skills:\n  - {name: Python, level: expert}\n")
    assert requirement(working, "languages").score == pytest.approx(2 / 3, abs=1e-4)
    assert requirement(expert, "languages").score == 1.0


def test_level_words_and_numbers_map_onto_the_scale(tmp_path: Path, mini: Rubric) -> None:
    """Aliases such as 'proficient' and numbers such as '3/4' are understood."""
    proficient = score(tmp_path, mini, "skills:\n  - {name: Python, level: proficient}\n")
    numeric = score(tmp_path, mini, "skills:\n  - {name: Python, level: 3/4}\n")
    assert requirement(proficient, "languages").score == 1.0
    assert requirement(numeric, "languages").score == 1.0


def test_text_mentions_earn_the_documented_credit_plus_a_bonus_per_line(
    tmp_path: Path, mini: Rubric
) -> None:
    once = score(tmp_path, mini, "Built services in Python.\n", name="a.txt")
    thrice = score(tmp_path, mini, "Python services.\nPython tools.\nPython tests.\n", name="b.txt")
    assert requirement(once, "languages").skills[0].credit == mini.scoring.text_credit
    assert requirement(thrice, "languages").skills[0].credit == pytest.approx(
        mini.scoring.text_credit + 0.10
    )


def test_min_skills_averages_the_best_skills(tmp_path: Path, mini: Rubric) -> None:
    """Frameworks needs two: one framework in text earns half of the text credit."""
    report = score(tmp_path, mini, "Trained models in PyTorch.\n", name="a.txt")
    result = requirement(report, "frameworks")
    assert result.score == pytest.approx(mini.scoring.text_credit / 2)
    assert result.status == "partial"


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


def test_missing_must_have_blocks_whatever_the_total(tmp_path: Path, mini: Rubric) -> None:
    report = score(
        tmp_path, mini, "skills:\n  - {name: Python, level: expert}\n  - PyTorch\n  - TensorFlow\n"
    )
    assert report.overall.blocked
    assert "years" in report.overall.blocking
    assert "blocked by 1 unmet must-have" in report.overall.verdict


def test_degree_level_and_field(tmp_path: Path, mini: Rubric) -> None:
    """A master's in a required field is full credit; related field and lower level less."""
    full = score(tmp_path, mini, "education:\n  - {degree: MSc, field: Computer Science}\n")
    related = score(tmp_path, mini, "education:\n  - {degree: MSc, field: Physics}\n")
    lower = score(tmp_path, mini, "education:\n  - {degree: BSc, field: Computer Science}\n")
    assert requirement(full, "degree").score == 1.0
    assert requirement(related, "degree").score == 0.75
    assert requirement(lower, "degree").score == 0.5


def test_gaps_are_ranked_by_what_closing_them_adds(tmp_path: Path, mini: Rubric) -> None:
    report = score(tmp_path, mini, "skills:\n  - {name: Python, level: expert}\n")
    gains = [gap.gain for gap in report.gaps]
    assert gains == sorted(gains, reverse=True)
    total = sum(gap.gain for gap in report.gaps)
    assert report.overall.score + total == pytest.approx(100.0, abs=0.2)
    frameworks = next(g for g in report.gaps if g.requirement == "frameworks")
    assert frameworks.next_steps == ("Ship a model with a second framework.",)
    assert frameworks.effort == "1-2 months"
    assert set(frameworks.missing_skills) == {"PyTorch", "TensorFlow", "scikit-learn"}


def test_overall_is_the_weighted_mean_of_areas(tmp_path: Path, mini: Rubric) -> None:
    report = score(
        tmp_path,
        mini,
        "skills:\n  - {name: Python, level: expert}\nsummary: Mentored four engineers.\n",
    )
    tech, career = report.areas
    expected = (tech.score * 3 + career.score * 1) / 4 * 100
    assert report.overall.score == pytest.approx(expected, abs=0.05)


def test_identity_never_changes_a_score(tmp_path: Path, mini: Rubric) -> None:
    body = "skills: [Python, PyTorch]\nsummary: Mentored two engineers in Python.\n"
    plain = score(tmp_path, mini, body, name="a.yaml")
    named = score(
        tmp_path,
        mini,
        "name: Python Mentor\nemail: python@pytorch.example\n"
        "links: [https://pytorch.example/python]\n" + body,
        name="b.yaml",
    )
    assert plain.overall == named.overall
    assert scores(plain) == scores(named)


def test_blind_mode_keeps_scores_and_drops_identity(tmp_path: Path, mini: Rubric) -> None:
    path = write(
        tmp_path,
        "ada.txt",
        "Ada Example\nada@example.com | +44 20 7946 0958\n\n"
        "SUMMARY\nAda Example writes Python; contact ada@example.com.\n",
    )
    profile = load_profile(path)
    normal = analyze(profile, mini, as_of=AS_OF)
    blind = analyze(profile, mini, as_of=AS_OF, blind=True)
    assert blind.overall == normal.overall
    assert [a.score for a in blind.areas] == [a.score for a in normal.areas]
    assert blind.candidate.name is None and blind.candidate.source is None
    text = blind.to_json()
    assert "Ada" not in text and "ada@example.com" not in text and "7946" not in text


def test_reports_are_byte_identical_across_runs(
    tmp_path: Path, rubric: Rubric, index: SkillIndex
) -> None:
    path = write(
        tmp_path,
        "r.md",
        "# Sam\n\n## Experience\nLed a team of 6 building "
        "PyTorch models on Kubernetes, Jan 2015 - Present.\n",
    )
    first = analyze(load_profile(path), rubric, index=index, as_of=AS_OF).to_json()
    second = analyze(load_profile(path), load_rubric(), as_of=AS_OF).to_json()
    assert first == second


def test_verdict_bands() -> None:
    assert [verdict_for(s) for s in (95, 70, 50, 10)] == [
        "strong match",
        "good match",
        "partial match",
        "weak match",
    ]


def scores(report: GapReport) -> list[tuple[str, float, str]]:
    return [(r.id, r.score, r.status) for a in report.areas for r in a.requirements]


def load_profile_text(text: str) -> Profile:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(text, encoding="utf-8")
        return load_profile(path)
