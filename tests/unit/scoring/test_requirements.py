"""Scoring requirements and areas (skillgap.scoring.requirements): from evidence to
requirement, area and overall scores, gaps ranked by gain, blocking gaps, identity never
read, and the same report byte for byte every run."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric
from tests.helpers.files import write
from tests.helpers.scoring import AS_OF, requirement, score, scores


def test_min_skills_averages_the_best_skills(tmp_path: Path, mini: Rubric) -> None:
    """Frameworks needs two: one framework in text earns half of the text credit."""
    report = score(tmp_path, mini, "Trained models in PyTorch.\n", name="a.txt")
    result = requirement(report, "frameworks")
    assert result.score == pytest.approx(mini.scoring.text_credit / 2)
    assert result.status == "partial"


def test_missing_must_have_blocks_whatever_the_total(tmp_path: Path, mini: Rubric) -> None:
    report = score(
        tmp_path, mini, "skills:\n  - {name: Python, level: expert}\n  - PyTorch\n  - TensorFlow\n"
    )
    assert report.overall.blocked
    assert "years" in report.overall.blocking
    assert "blocked by 1 unmet must-have" in report.overall.verdict


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
