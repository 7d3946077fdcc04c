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


SUBJECT = """\
id: subject
title: Subject
version: "1.0"
scoring:
  subject:
    requirements: [ml-practice]
    areas: [people]
areas:
  - id: tech
    name: Technical
    weight: 1
    requirements:
      - id: ml-practice
        name: ML practice
        min_skills: 2
        skills:
          - name: Machine learning
          - name: Deep learning
          - name: Statistical modeling
  - id: people
    name: People
    weight: 1
    requirements:
      - id: mentoring
        name: Mentoring
        skills:
          - name: Mentoring
            inflect: true
"""


def test_areas_tied_to_the_subject_count_as_far_as_the_subject_is_shown(
    tmp_path: Path,
) -> None:
    """Mentoring without ML counts at the share of the subject shown; with ML shown to
    the met threshold it counts in full; the gains still add up to 100 - overall."""
    rubric = load_rubric(write(tmp_path, "r.yaml", SUBJECT))
    off = score(tmp_path, rubric, "EXPERIENCE\nMentored four nurses.\n", "a.txt")
    on = score(
        tmp_path,
        rubric,
        "EXPERIENCE\nMentored four engineers.\nMachine learning and deep learning models.\n",
        "b.txt",
    )
    tech, people = off.areas
    assert (tech.score, tech.subject_factor) == (0.0, None)
    assert (people.score, people.subject_factor) == (0.0, 0.0)
    tech, people = on.areas
    assert requirement(on, "ml-practice").score == 0.75
    assert people.subject_factor == 1.0 and people.score == 0.75
    half = score(
        tmp_path, rubric, "EXPERIENCE\nMentored four engineers.\nMachine learning.\n", "c.txt"
    )
    _, people = half.areas
    assert people.subject_factor == pytest.approx(0.375 / 0.7, abs=1e-4)
    assert people.score == pytest.approx(0.75 * 0.375 / 0.7, abs=1e-4)
    for report in (off, on, half):
        total = sum(gap.gain for gap in report.gaps)
        assert report.overall.score + total == pytest.approx(100.0, abs=0.2)
    subject_gap = next(g for g in half.gaps if g.requirement == "ml-practice")
    assert subject_gap.unlocks == pytest.approx(0.75 * (1 - 0.375 / 0.7) * 50, abs=0.01)
    assert subject_gap.gain == pytest.approx((1 - 0.375) * 50 + subject_gap.unlocks, abs=0.01)


def test_reports_say_why_an_area_counts_in_part(tmp_path: Path) -> None:
    import html

    from skillgap.render import RenderOptions, render

    rubric = load_rubric(write(tmp_path, "r.yaml", SUBJECT))
    report = score(
        tmp_path, rubric, "EXPERIENCE\nMentored four engineers.\nMachine learning.\n", "a.txt"
    )
    note = "counted at 54%: it depends on the role's subject, which the profile shows at 54%"
    assert note in render(report, "terminal", RenderOptions(width=200, details=True))
    summary = render(report, "terminal", RenderOptions(width=200))
    assert "People: counted at 54%, as far as the profile shows the role's subject" in summary
    assert note.capitalize() in render(report, "markdown", RenderOptions())
    assert html.escape(note) in render(report, "html", RenderOptions())
