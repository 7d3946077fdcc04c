"""Building reports (skillgap.report.build): the trusted constructor builds what
``model_construct`` builds, reports built the fast way validate against the models, and
leaving out the details (quoted evidence) changes no score."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from skillgap.analysis import analyze
from skillgap.matching.evidence import Evidence
from skillgap.profiles import load_profile
from skillgap.report.build import build, evidence_item
from skillgap.report.model import (
    EvidenceItem,
    Gap,
    GapReport,
    RequirementResult,
    ResourceLink,
    SkillResult,
    ToolInfo,
)
from tests.conftest import ROOT
from tests.helpers.bundled import INDEX, RUBRIC

AS_OF = dt.date(2025, 6, 1)


@pytest.mark.parametrize("example", sorted(p.name for p in (ROOT / "examples").iterdir()))
def test_reports_without_details_have_the_same_scores(example: str) -> None:
    profile = load_profile(ROOT / "examples" / example)
    full = analyze(profile, RUBRIC, index=INDEX, as_of=AS_OF)
    lean = analyze(profile, RUBRIC, index=INDEX, as_of=AS_OF, details=False)
    assert lean.overall == full.overall
    assert [a.score for a in lean.areas] == [a.score for a in full.areas]
    assert lean.gaps == full.gaps
    for lean_area, full_area in zip(lean.areas, full.areas, strict=True):
        for lean_req, full_req in zip(lean_area.requirements, full_area.requirements, strict=True):
            assert lean_req.model_dump(exclude={"skills"}) == full_req.model_dump(
                exclude={"skills"}
            )
            for lean_skill, full_skill in zip(lean_req.skills, full_req.skills, strict=True):
                assert (lean_skill.matched, lean_skill.credit, lean_skill.basis) == (
                    full_skill.matched,
                    full_skill.credit,
                    full_skill.basis,
                )
                assert lean_skill.evidence == () and lean_skill.ignored == ()
    assert any(s.evidence for a in full.areas for r in a.requirements for s in r.skills)


def test_trusted_builds_what_model_construct_builds() -> None:
    values: dict[str, Any] = {
        "text": "Python",
        "context": "Python, SQL",
        "source": "skills",
        "line": 3,
        "method": "declared",
        "similarity": 1.0,
        "form": "Python",
    }
    fast, slow = build(EvidenceItem, **values), EvidenceItem.model_construct(**values)
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set == set(values)
    assert fast.level is None and fast.years is None  # defaults filled in
    shuffled = dict(reversed(list(values.items())))
    assert build(EvidenceItem, **shuffled).model_dump_json() == slow.model_dump_json()


def test_trusted_refuses_missing_and_unknown_fields() -> None:
    with pytest.raises(TypeError, match="missing required field 'version'"):
        build(ToolInfo, name="skillgap")
    with pytest.raises(TypeError, match="unknown fields"):
        build(ResourceLink, title="A course", url="https://example.com", price=3)
    assert build(ResourceLink, title="A course").url is None


def test_reports_built_fast_validate_against_the_models() -> None:
    profile = load_profile(ROOT / "examples" / "senior-ml-engineer.md")
    report = analyze(profile, RUBRIC, index=INDEX, as_of=AS_OF)
    checked = GapReport.model_validate_json(report.model_dump_json())
    assert checked == report
    assert isinstance(report.areas[0].requirements[0], RequirementResult)
    assert all(isinstance(g, Gap) for g in report.gaps)
    assert all(
        isinstance(s, SkillResult) for a in report.areas for r in a.requirements for s in r.skills
    )


def test_evidence_items_carry_every_field_of_evidence_but_the_skill() -> None:
    """The report's evidence and the matcher's are one concept: the same fields, in the
    same order, but the skill the report files it under."""
    assert [f.name for f in dataclasses.fields(Evidence)] == ["skill", *EvidenceItem.model_fields]


def test_an_evidence_item_is_what_validation_makes_of_the_evidence() -> None:
    evidence = Evidence(
        skill="Python",
        text="Pyhton",
        context="Built services in Pyhton",
        source="experience",
        line=12,
        method="fuzzy",
        similarity=0.83,
        form="Python",
        level="expert",
        years=4.0,
    )
    values = {name: getattr(evidence, name) for name in EvidenceItem.model_fields}
    item = evidence_item(evidence)
    assert item == EvidenceItem.model_validate(values)
    assert item.model_dump_json() == EvidenceItem.model_construct(**values).model_dump_json()
    assert item.model_fields_set == set(EvidenceItem.model_fields)
