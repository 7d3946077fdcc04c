"""The result of a counterfactual test of a rubric (``skillgap audit-rubric``), as models.

Every change a variant made to a score is a :class:`VariantChange`: the overall and area
scores before and after, and each requirement that moved with the evidence that moved it
(:class:`RequirementMove`). A change is ``identity-driven`` unless it flows only from a
change in the dated work history (the years of experience found), which is legitimate
evidence and labelled ``changes evidence: years of experience``. The JSON (``to_json``)
is deterministic: the same rubric, profiles and date give the same bytes.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import Field

from ..report.diff import AreaChange
from ..report.model import OutputModel, RubricInfo, Status, ToolInfo

#: Format version of the audit's JSON.
AUDIT_SCHEMA_VERSION = "1.0"
IDENTITY = "identity-driven"
YEARS = "changes evidence: years of experience"
Kind = Literal["identity-driven", "changes evidence: years of experience"]


class EvidenceMove(OutputModel):
    """A piece of evidence found in one report and not in the other."""

    skill: str = Field(description="The rubric's canonical skill name.")
    change: Literal["added", "removed"] = Field(description="Found in the variant only, or lost.")
    text: str = Field(description="The words that matched, as written.")
    form: str = Field(description="The rubric's name or alias that matched.")
    method: str = Field(description="How it was found: declared, exact, alias, fuzzy, ...")
    source: str = Field(description="Where in the profile (a section).")


class RequirementMove(OutputModel):
    """A requirement whose score, status or evidence differs in a variant."""

    id: str = Field(description="Requirement id.")
    name: str = Field(description="Requirement name.")
    area: str = Field(description="Area id.")
    must_have: bool = Field(description="True if it is a must-have.")
    old_score: float = Field(description="Score against the reference, 0-100.")
    new_score: float = Field(description="Score against the variant, 0-100.")
    old_status: Status = Field(description="Status against the reference.")
    new_status: Status = Field(description="Status against the variant.")
    kind: Kind = Field(description="Identity-driven, or legitimate evidence (years).")
    evidence: tuple[EvidenceMove, ...] = Field(description="Evidence added or removed.")
    old_years: float | None = Field(default=None, description="Years found (reference).")
    new_years: float | None = Field(default=None, description="Years found (variant).")
    old_degree: str | None = Field(default=None, description="Degree found (reference).")
    new_degree: str | None = Field(default=None, description="Degree found (variant).")


class VariantChange(OutputModel):
    """What one variant of one profile changed."""

    profile: str = Field(description="The profile's id.")
    family: str = Field(description="The family of variants (the signal), e.g. 'name'.")
    variant: str = Field(description="The variant's id within its family.")
    description: str = Field(description="What the variant changed, in words.")
    kind: Kind = Field(description="Identity-driven if any part of the change is.")
    old_score: float = Field(description="Overall score of the reference, 0-100.")
    new_score: float = Field(description="Overall score of the variant, 0-100.")
    change: float = Field(description="new_score - old_score.")
    blocking_new: tuple[str, ...] = Field(description="Must-haves that block only the variant.")
    blocking_resolved: tuple[str, ...] = Field(
        description="Must-haves that block only the reference."
    )
    areas: tuple[AreaChange, ...] = Field(description="Areas whose score changed.")
    requirements: tuple[RequirementMove, ...] = Field(description="Requirements that moved.")


class FamilyRun(OutputModel):
    """One family of variants: what it varies and what it found."""

    id: str = Field(description="Family id, e.g. 'name'.")
    name: str = Field(description="Family name.")
    attribute: str = Field(description="The protected attribute the signal stands for.")
    changes_history: bool = Field(
        description="True when the signal changes the dated work history (years may move)."
    )
    variants: int = Field(description="Variants scored, over every profile.")
    identity_driven: int = Field(description="Variants with an identity-driven change.")
    legitimate: int = Field(description="Variants whose only change is legitimate evidence.")


class ProfileRun(OutputModel):
    """One profile the variants were built from."""

    id: str = Field(description="Profile id (the bundled profile's name, or the path).")
    format: str = Field(description="The format the variants were written in.")
    score: float = Field(description="Overall score of the profile as given, 0-100.")
    variants: int = Field(description="Variants scored.")
    skipped: tuple[str, ...] = Field(description="Families that do not apply to it, and why.")


class RubricAudit(OutputModel):
    """A counterfactual test of one rubric: every identity-driven and legitimate change."""

    schema_version: str = Field(description="Version of this format.")
    tool: ToolInfo = Field(description="The skillgap that ran it.")
    rubric: RubricInfo = Field(description="The rubric tested.")
    as_of: str = Field(description="The date 'present' means in work histories.")
    profiles: tuple[ProfileRun, ...] = Field(description="The profiles varied.")
    families: tuple[FamilyRun, ...] = Field(description="The families of variants.")
    variants: int = Field(description="Variants scored in all.")
    identity_driven: int = Field(description="Variants with an identity-driven change.")
    legitimate: int = Field(description="Variants whose only change is legitimate evidence.")
    changes: tuple[VariantChange, ...] = Field(description="Every variant that changed anything.")

    @property
    def passed(self) -> bool:
        """True when no variant made an identity-driven change."""
        return self.identity_driven == 0

    def to_json(self) -> str:
        """The audit as deterministic, indented JSON."""
        data = self.model_dump(mode="json")
        data["passed"] = self.passed
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "AUDIT_SCHEMA_VERSION",
    "IDENTITY",
    "YEARS",
    "EvidenceMove",
    "FamilyRun",
    "Kind",
    "ProfileRun",
    "RequirementMove",
    "RubricAudit",
    "VariantChange",
]
