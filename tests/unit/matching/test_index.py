"""The skill index (skillgap.matching.index): what it finds and why.

The labelled matching suite (tests/fixtures/matching_cases.yaml: one-line resume snippets
with skills that must and must not be found; adding a case is adding five lines there),
the evidence and rejections the matcher records, declared skills, and the shortcuts that
skip work (matching without contexts, memos of words) checked to change nothing.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import yaml

from skillgap.matching import forms
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from skillgap.profiles.model import DeclaredSkill, TextSegment
from skillgap.rubric.model import Rubric
from tests.conftest import FIXTURES, ROOT
from tests.helpers.bundled import INDEX, RUBRIC

# --------------------------------------------------------------------------- labelled suite

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "matching_cases.yaml").read_text("utf-8"))


def test_suite_is_big_enough_and_well_formed(rubric: Rubric) -> None:
    """At least 80 cases, unique ids, and every name is a canonical skill in the rubric."""
    assert len(CASES) >= 80
    assert len({c["id"] for c in CASES}) == len(CASES)
    names = {s.name for _, r in rubric.iter_requirements() for s in r.skills}
    for case in CASES:
        unknown = set(case.get("found", [])) | set(case.get("not_found", []))
        assert unknown <= names, f"{case['id']}: not canonical names: {unknown - names}"
        assert case.get("found") or case.get("not_found"), case["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_matching_case(case: dict[str, Any], index: SkillIndex) -> None:
    found = {e.skill for e in index.match_text(case["text"])}
    missing = set(case.get("found", [])) - found
    wrong = set(case.get("not_found", [])) & found
    assert not missing and not wrong, (
        f"text: {case['text']!r}\n  must find but missed: {sorted(missing)}\n"
        f"  must not find but found: {sorted(wrong)}\n  found: {sorted(found)}"
    )


# --------------------------------------------------------------------------- evidence


def test_evidence_records_text_context_source_line_method_and_similarity(index: SkillIndex) -> None:
    evidence, _ = index.match_segment(
        TextSegment("experience", "Intro\n- Built sklearn models with Pyhton", 10)
    )
    by_skill = {e.skill: e for e in evidence}
    sklearn = by_skill["scikit-learn"]
    assert (sklearn.text, sklearn.source, sklearn.line, sklearn.method, sklearn.similarity) == (
        "sklearn",
        "experience",
        11,
        "alias",
        1.0,
    )
    assert sklearn.context == "Built sklearn models with Pyhton"
    python = by_skill["Python"]
    assert python.method == "fuzzy" and python.text == "Pyhton"
    assert 0.8 <= python.similarity < 1.0


def test_rejected_mentions_say_why(index: SkillIndex) -> None:
    _, rejected = index.match_segment(
        TextSegment("summary", "No experience with Spark; drove go-to-market at Acme R&D", 1)
    )
    reasons = {(r.skill, r.reason) for r in rejected}
    assert ("Spark", "negated") in reasons or ("Spark", "ambiguous without context") in reasons
    assert any(skill == "Go" for skill, _ in reasons)


def test_a_declared_short_name_counts_without_context(index: SkillIndex) -> None:
    """A skills-list entry 'R' is R; in running text R needs context."""
    declared = index.match_declared(DeclaredSkill("R", "skills", 3))
    assert [(e.skill, e.method) for e in declared] == [("R", "declared")]
    assert index.match_text("Grade R") == []


def test_an_ambiguous_list_entry_counts_when_its_list_vouches_for_it(index: SkillIndex) -> None:
    """'Spark' among design tools is Spark AR; among data tools, or in a list not known, Spark."""

    def skills(name: str, neighbours: str | None) -> list[str]:
        return [
            e.skill
            for e in index.match_declared(DeclaredSkill(name, "skills", 1, None, None, neighbours))
        ]

    assert skills("Spark", "Photoshop, Figma, Spark, After Effects") == []
    assert skills("Spark", "Python, Spark, Airflow") == ["Spark"]
    assert skills("Spark", "Spark, big data tooling") == ["Spark"]  # a phrase of the list
    assert skills("Spark", None) == ["Spark"]
    # one or two letters in a list can only be the abbreviation
    assert skills("R", "Excel, Tableau, R") == ["R"]
    assert skills("Go", "Figma, Go") == ["Go"]


def test_the_verdict_on_a_list_is_the_same_each_time(index: SkillIndex) -> None:
    design = DeclaredSkill("Spark", "skills", 1, neighbours="Photoshop, Spark")
    data = DeclaredSkill("Spark", "skills", 2, neighbours="Kafka, Spark")
    for _ in range(3):
        assert index.match_declared(design) == []
        assert [e.line for e in index.match_declared(data)] == [2]


def test_declared_phrases_are_matched_like_text(index: SkillIndex) -> None:
    found = index.match_declared(DeclaredSkill("Machine Learning & Deep Learning", "skills[0]"))
    assert {e.skill for e in found} >= {"Machine learning", "Deep learning"}
    assert all(e.method == "declared" for e in found)


def test_a_changed_last_letter_is_a_different_word(index: SkillIndex) -> None:
    assert index.match_text("Filed the court docket") == []


# --------------------------------------------------------------------------- skipping work


def test_matching_without_contexts_finds_the_same_evidence() -> None:
    profile = load_profile(ROOT / "examples" / "senior-ml-engineer.md")
    with_context = INDEX.match_profile(profile)
    without = INDEX.match_profile(profile, contexts=False)
    assert with_context.evidence.keys() == without.evidence.keys()
    # A declared item's context is the item itself, kept either way; evidence implied by
    # a declared item keeps it too.
    declared = {
        (e.source, e.line)
        for items in with_context.evidence.values()
        for e in items
        if e.method == "declared"
    }
    for skill, items in with_context.evidence.items():
        stripped = tuple(
            e.__class__(
                **{
                    **{f.name: getattr(e, f.name) for f in dataclasses.fields(e)},
                    "context": e.context
                    if e.method == "declared"
                    or (e.method == "implied" and (e.source, e.line) in declared)
                    else "",
                }
            )
            for e in items
        )
        assert without.evidence[skill] == stripped
    assert all(e.context for items in with_context.evidence.values() for e in items)


def test_a_declared_item_gives_the_same_evidence_each_time() -> None:
    from skillgap.profiles.model import DeclaredSkill

    first = DeclaredSkill(name="Deep learning (PyTorch, JAX)", source="skills", line=3)
    second = DeclaredSkill(
        name="Deep learning (PyTorch, JAX)", source="skills", line=9, level="expert"
    )
    one, two = INDEX.match_declared(first), INDEX.match_declared(second)
    assert [e.skill for e in one] == [e.skill for e in two] and one
    assert {e.line for e in two} == {9} and {e.level for e in two} == {"expert"}


def test_word_memos_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forms, "MEMO_LIMIT", 50)
    index = SkillIndex(RUBRIC)
    index.match_text(" ".join(f"word{n}" for n in range(500)) + " using Kubernetes")
    assert len(index._starts) == len(index._fuzzy_keys) == 50
    assert [e.skill for e in index.match_text("Kubernetes and kubernets")] == [
        "Kubernetes",
        "Kubernetes",
    ]


# --------------------------------------------------------------------------- implications


def test_tools_imply_what_they_are_used_from() -> None:
    """PySpark on Databricks and PyTorch models: Spark and Python are evidenced though the
    resume never names Python; the implied evidence quotes the line and names its source."""
    profile_text = "EXPERIENCE\nBuilt fraud models in PyTorch and pipelines on Databricks\n"
    from skillgap.profiles.model import Profile

    profile = Profile(
        source="r.txt",
        format="text",
        sha256="",
        segments=(TextSegment("experience", profile_text, 1),),
    )
    evidence = INDEX.match_profile(profile).evidence
    python = evidence["Python"]
    assert [(e.method, e.form, e.text) for e in python] == [("implied", "PyTorch", "PyTorch")]
    assert [(e.method, e.form) for e in evidence["Spark"]] == [("implied", "Databricks")]
    assert "Deep learning" in evidence
    # one step only: nothing implies what is itself only implied
    assert all(e.method != "implied" or e.form in {"PyTorch", "Databricks"} for e in python)


def test_an_explicit_mention_outranks_the_implied_one_on_the_same_line() -> None:
    from skillgap.profiles.model import Profile

    profile = Profile(
        source="r.txt",
        format="text",
        sha256="",
        segments=(TextSegment("experience", "Python and PyTorch for ranking models", 1),),
    )
    python = INDEX.match_profile(profile).evidence["Python"]
    assert [(e.method, e.text) for e in python] == [("exact", "Python")]
