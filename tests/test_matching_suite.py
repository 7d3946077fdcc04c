"""The labelled matching suite: one-line resume snippets with skills that must and must
not be found (tests/data/matching_cases.yaml). Adding a case is adding five lines there."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from skillgap.matching.index import SkillIndex
from skillgap.rubric.model import Rubric

from .conftest import DATA

CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "matching_cases.yaml").read_text("utf-8"))


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
