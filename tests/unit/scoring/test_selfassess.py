"""Self-assessment as evidence (skillgap.scoring.selfassess): a rating scores its rank over
the expected rank, never lowers what evidence earns, and the ratings a rubric cannot use
are warned about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.profiles import load_profile
from skillgap.report.model import GapReport, RequirementResult
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric
from tests.helpers.files import profile_file

AS_OF = dt.date(2026, 1, 15)


def result(report: GapReport, requirement_id: str) -> RequirementResult:
    return next(r for a in report.areas for r in a.requirements if r.id == requirement_id)


def score(tmp_path: Path, body: str, rubric: Rubric) -> GapReport:
    return analyze(load_profile(profile_file(tmp_path, body)), rubric, as_of=AS_OF)


def test_rating_scores_rank_over_expected_rank(tmp_path: Path, rubric: Rubric) -> None:
    """programming-languages expects advanced (3 of 4): working (2) earns 2/3."""
    report = score(tmp_path, "self_assessment:\n  programming-languages: working\n", rubric)
    languages = result(report, "programming-languages")
    assert languages.score == pytest.approx(0.6667, abs=1e-4)
    assert "self-assessed working (advanced expected)" in languages.explanation


def test_rating_above_the_expected_level_is_capped_at_full_credit(
    tmp_path: Path, rubric: Rubric
) -> None:
    report = score(tmp_path, "self_assessment:\n  programming-languages: Expert\n", rubric)
    assert result(report, "programming-languages").score == 1.0


def test_rating_without_an_expected_level_earns_full_credit(tmp_path: Path, rubric: Rubric) -> None:
    report = score(tmp_path, "self_assessment:\n  team-leadership: basic\n", rubric)
    assert result(report, "team-leadership").status == "met"


@pytest.mark.parametrize("level", ["none", "0", "None"])
def test_rating_none_earns_nothing(tmp_path: Path, rubric: Rubric, level: str) -> None:
    report = score(tmp_path, f"self_assessment:\n  mlops: '{level}'\n", rubric)
    mlops = result(report, "mlops")
    assert mlops.score == 0.0 and "self-assessed: none" in mlops.explanation


def test_rating_off_the_scale_earns_nothing_and_says_why(tmp_path: Path, rubric: Rubric) -> None:
    report = score(tmp_path, "self_assessment:\n  mlops: ninja\n", rubric)
    assert (
        "self-assessed level 'ninja' is not on this rubric's scale"
        in result(report, "mlops").explanation
    )


def test_aliases_of_the_scale_count(tmp_path: Path, rubric: Rubric) -> None:
    """'proficient' is an alias of advanced in the default scale."""
    report = score(tmp_path, "self_assessment:\n  cloud-platforms: proficient\n", rubric)
    assert result(report, "cloud-platforms").score == 1.0


def test_rating_never_lowers_what_evidence_earns(tmp_path: Path, rubric: Rubric) -> None:
    skills = "skills:\n  - {name: Python, level: expert}\n"
    without = score(tmp_path, skills, rubric)
    with_low = score(
        tmp_path, skills + "self_assessment:\n  programming-languages: basic\n", rubric
    )
    assert (
        result(with_low, "programming-languages").score
        == result(without, "programming-languages").score
        == 1.0
    )


def test_rating_is_reported_as_declared_requirement_evidence(
    tmp_path: Path, rubric: Rubric
) -> None:
    report = score(tmp_path, "headline: ML engineer\nself_assessment:\n  mlops: working\n", rubric)
    evidence = result(report, "mlops").self_assessment
    assert evidence is not None
    assert (evidence.method, evidence.source, evidence.line, evidence.level) == (
        "declared",
        "self_assessment.mlops",
        3,
        "working",
    )
    assert all(not s.matched for s in result(report, "mlops").skills)
    assert result(report, "data-management").self_assessment is None


def test_ratings_the_rubric_cannot_use_are_warned_about(tmp_path: Path, rubric: Rubric) -> None:
    report = score(
        tmp_path,
        "self_assessment:\n  mlops: working\n  golf: expert\n  years-experience: expert\n",
        rubric,
    )
    assert report.warnings == (
        (
            "self_assessment rates requirements that rubric 'principal-ml-engineer' does not "
            "have (ignored): golf"
        ),
        (
            "self_assessment rates requirements judged only by years or degree (ignored; give "
            "years_experience and education instead): years-experience"
        ),
    )


def test_one_assessment_serves_every_level_of_the_ladder(tmp_path: Path) -> None:
    """Ladder rubrics share requirement ids, so 'advanced' meets entry and half-meets more."""
    body = "self_assessment:\n  deep-learning-statistical-modeling: working\n"
    entry = score(tmp_path, body, load_rubric("ml-engineer-entry"))
    principal = score(tmp_path, body, load_rubric("principal-ml-engineer"))
    assert result(entry, "deep-learning-statistical-modeling").score == 1.0
    assert result(principal, "deep-learning-statistical-modeling").score == pytest.approx(
        2 / 3, abs=1e-4
    )
