"""Counterfactual tests of a rubric (skillgap.fairness.run): real files, real analysis,
every change found and classified."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from skillgap.analysis import PreparedRubric, analyze
from skillgap.errors import ProfileError, UsageError
from skillgap.fairness import audit_rubric, bundled_profiles, read_profile
from skillgap.fairness.model import IDENTITY, YEARS
from skillgap.fairness.run import ProfileSource, compare
from skillgap.fairness.signals import FAMILIES_BY_ID, Variant
from skillgap.profiles import load_profile
from skillgap.report.model import GapReport
from skillgap.rubric.bundled import bundled_rubric_ids
from skillgap.rubric.parse import load_rubric
from tests.conftest import EXAMPLES, FIXTURES

AS_OF = dt.date(2025, 6, 1)
PROXY = FIXTURES / "fairness" / "proxy-rubric.yaml"


@pytest.mark.parametrize("rubric_id", bundled_rubric_ids())
def test_no_bundled_rubric_scores_identity(rubric_id: str) -> None:
    """Acceptance: every bundled rubric (the ladder's levels included) gives the same
    scores to the bundled profiles whatever their names, pronouns, colleges, ages,
    leave, citizenship, languages, addresses, photos and birth dates."""
    audit = audit_rubric(load_rubric(rubric_id), bundled_profiles(), as_of=AS_OF)
    assert audit.variants > 150
    assert [c for c in audit.changes if c.kind == IDENTITY] == []
    assert audit.passed


def test_a_rubric_rewarding_a_native_speaker_or_a_fraternity_is_caught() -> None:
    audit = audit_rubric(
        load_rubric(PROXY), bundled_profiles(), as_of=AS_OF, families=["gendered-words", "language"]
    )
    assert not audit.passed
    moved = {(c.family, c.variant, m.id) for c in audit.changes for m in c.requirements}
    assert ("gendered-words", "masculine", "network") in moved
    assert ("language", "native-english-speaker", "communication") in moved
    change = next(c for c in audit.changes if c.variant == "masculine")
    (move,) = change.requirements
    assert move.kind == IDENTITY and move.new_score > move.old_score
    assert [(e.change, e.skill, e.text) for e in move.evidence] == [
        ("added", "Sigma Chi", "Sigma Chi")
    ]


def test_the_json_is_deterministic() -> None:
    def run() -> str:
        return audit_rubric(
            load_rubric(PROXY), bundled_profiles()[:2], as_of=AS_OF, families=["language"]
        ).to_json()

    assert run() == run()
    assert '"passed": false' in run()


RESUME = """Sam Example

SUMMARY
Machine learning engineer.

EXPERIENCE
ML Engineer, Acme             Jan 2015 - Dec 2024
- Built PyTorch models in Python.
"""
YEARS_RUBRIC = """id: years
title: Years
version: "1.0"
areas:
  - id: experience
    name: Experience
    weight: 1
    requirements:
      - id: years
        name: Ten years
        years: 10
"""


def _report(tmp_path: Path, name: str, text: str, rubric: PreparedRubric) -> GapReport:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return analyze(load_profile(path), rubric, as_of=AS_OF)


def test_fewer_years_from_dated_history_are_legitimate_only_for_history_signals(
    tmp_path: Path,
) -> None:
    (tmp_path / "r.yaml").write_text(YEARS_RUBRIC, "utf-8")
    prepared = PreparedRubric.of(load_rubric(tmp_path / "r.yaml"))
    before = _report(tmp_path, "a.txt", RESUME, prepared)
    after = _report(tmp_path, "b.txt", RESUME.replace("Jan 2015", "Jan 2019"), prepared)
    variant = Variant("gap", "a gap", "")
    leave = compare(
        before, after, family=FAMILIES_BY_ID["parental-leave"], profile="p", variant=variant
    )
    assert leave is not None and leave.kind == YEARS
    (move,) = leave.requirements
    assert (move.old_years, move.new_years, move.kind) == (10.0, 6.0, YEARS)
    named = compare(before, after, family=FAMILIES_BY_ID["name"], profile="p", variant=variant)
    assert named is not None and named.kind == IDENTITY


def test_the_same_report_twice_is_no_change(tmp_path: Path) -> None:
    prepared = PreparedRubric.of(load_rubric("ml-engineer-entry"))
    report = _report(tmp_path, "a.txt", RESUME, prepared)
    variant = Variant("x", "x", "")
    assert (
        compare(report, report, family=FAMILIES_BY_ID["name"], profile="p", variant=variant) is None
    )


def test_profiles_are_read_as_resume_text(tmp_path: Path) -> None:
    source = read_profile(EXAMPLES / "senior-ml-engineer.md")
    assert source.markdown and source.text.startswith("# Jonas")
    with pytest.raises(ProfileError, match="varies the text of a resume"):
        read_profile(EXAMPLES / "junior-ml-engineer-profile.yaml")


def test_a_docx_resume_is_varied_as_its_text(tmp_path: Path) -> None:
    from tests.helpers.docx_files import docx_bytes

    path = tmp_path / "cv.docx"
    path.write_bytes(docx_bytes(RESUME.splitlines()))
    source = read_profile(path)
    audit = audit_rubric(
        load_rubric("ml-engineer-entry"), [source], as_of=AS_OF, families=["photo"]
    )
    assert audit.variants == 1 and audit.passed


def test_unknown_families_and_no_profiles_are_usage_errors() -> None:
    rubric = load_rubric("ml-engineer-entry")
    with pytest.raises(UsageError, match="unknown family 'nope'"):
        audit_rubric(rubric, bundled_profiles(), families=["nope"])
    with pytest.raises(UsageError):
        audit_rubric(rubric, [])


def test_bundled_profiles_are_package_data_of_several_kinds() -> None:
    profiles = bundled_profiles()
    assert 3 <= len(profiles) <= 5
    assert {p.markdown for p in profiles} == {True, False}
    assert all(isinstance(p, ProfileSource) and p.text.strip() for p in profiles)
