"""The gap report models: the JSON contract other tools rely on.

``GapReport.model_dump(mode="json")`` is what ``--format json`` prints, and
``skillgap schema report`` exports these models as JSON Schema. Bump
:data:`SCHEMA_VERSION` on any change a consumer could notice. Reports are built with
:mod:`.build`, never field by field elsewhere.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..matching.evidence import Method

#: 1.0: the first contract. 1.1 (additive): ``ladder`` (career-ladder placement, null
#: unless asked for) and ``areas[].requirements[].self_assessment`` (null unless the
#: profile holds a self-assessment for that requirement). A 1.0 reader that ignores
#: unknown keys reads 1.1 reports unchanged.
SCHEMA_VERSION = "1.3"

#: Where a requirement stands: met (score at least the rubric's threshold), partial
#: (above 0) or missing.
Status = Literal["met", "partial", "missing"]


class OutputModel(BaseModel):
    """Base of every model skillgap writes (reports, diffs): frozen, no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ToolInfo(OutputModel):
    """The program that wrote the report."""

    name: str = Field(description="Always 'skillgap'.")
    version: str = Field(description="skillgap's version.")


class RubricInfo(OutputModel):
    """Which rubric the candidate was measured against."""

    id: str = Field(description="The rubric's id.")
    title: str = Field(description="The role's title.")
    version: str = Field(description="The rubric's own version.")
    sha256: str = Field(
        description="SHA-256 of the rubric file's bytes; for a rubric that "
        "extends others, the SHA-256 of its own and its ancestors' SHA-256s."
    )


class CandidateInfo(OutputModel):
    """Which profile was measured."""

    id: str = Field(description="Opaque id derived from the profile's content.")
    source: str | None = Field(
        description="Path of the profile (null in blind mode unless file names are kept)."
    )
    format: str = Field(description="Detected input format, e.g. 'text' or 'json-resume'.")
    sha256: str = Field(description="SHA-256 of the profile file's bytes.")
    name: str | None = Field(description="Candidate's name if found; null in blind mode.")
    reader: str | None = Field(
        default=None,
        description="The library that read a document's text, with its version (a PDF: "
        "'pypdfium2 ...', or 'pypdf ...' where PDFium could not open it); null for text "
        "formats.",
    )


class EvidenceItem(OutputModel):
    """One reason a skill counts as matched."""

    text: str = Field(description="The words in the profile that matched, as written.")
    context: str = Field(description="The line around the match.")
    source: str = Field(description="Where in the profile: a section or field path.")
    line: int | None = Field(description="1-based line in the profile file, where known.")
    method: Method = Field(
        description="declared (listed as a skill), exact (the skill's "
        "name), alias (another name for it), achievement (something the candidate did "
        "that shows it), implied (evidence for a skill that implies it; 'form' names that "
        "skill) or fuzzy (a near spelling)."
    )
    similarity: float = Field(
        ge=0, le=1, description="1.0 for exact and alias matches; below 1 for fuzzy ones."
    )
    form: str = Field(description="The rubric's name or alias that matched.")
    level: str | None = Field(default=None, description="Declared level, as written.")
    years: float | None = Field(default=None, description="Declared years with the skill.")
    origin: str | None = Field(
        default=None,
        description="Where 'form' came from when the rubric does not write it: the "
        "knowledge base (and the skill whose evidence implies this one); null for the "
        "rubric's own forms.",
    )


class IgnoredMention(OutputModel):
    """A mention that looked like the skill but was not counted, and why."""

    text: str = Field(description="The words as written.")
    context: str = Field(description="The line around them.")
    source: str = Field(description="Where in the profile.")
    line: int | None = Field(description="1-based line, where known.")
    reason: str = Field(description="Why it was not counted, e.g. 'negated'.")


class SkillResult(OutputModel):
    """How one skill of a requirement was evidenced."""

    name: str = Field(description="The rubric's canonical skill name.")
    matched: bool = Field(description="True if any evidence was found.")
    credit: float = Field(ge=0, le=1, description="Credit the evidence earns, 0 to 1.")
    basis: str = Field(description="How the credit was computed, in words.")
    evidence: tuple[EvidenceItem, ...] = Field(description="Every piece of evidence.")
    ignored: tuple[IgnoredMention, ...] = Field(
        default=(), description="Mentions not counted (negated, no context, ...)."
    )


class YearsResult(OutputModel):
    """Years of experience against what the requirement asks."""

    required: float = Field(description="Years the requirement asks for.")
    found: float | None = Field(description="Years found, or null if none could be.")
    credit: float = Field(ge=0, le=1, description="found / required, capped at 1.")
    basis: str = Field(description="Where the years came from.")
    line: int | None = Field(default=None, description="Line of a stated total, if used.")


class DegreeResult(OutputModel):
    """Education against what the requirement asks."""

    required: str = Field(description="Lowest degree level that counts fully.")
    found: str | None = Field(description="Best degree level found, or null.")
    credit: float = Field(ge=0, le=1, description="Credit for level and field.")
    basis: str = Field(description="How the credit was computed.")
    text: str | None = Field(default=None, description="The education entry used.")
    source: str | None = Field(default=None, description="Where it was found.")
    line: int | None = Field(default=None, description="Its line, where known.")


class RequirementResult(OutputModel):
    """One requirement's score and the evidence behind it."""

    id: str = Field(description="The requirement's id.")
    name: str = Field(description="The requirement's name.")
    must_have: bool = Field(description="True if not meeting it blocks the candidate.")
    weight: float = Field(description="Weight within its area.")
    score: float = Field(ge=0, le=1, description="0 to 1.")
    status: Status = Field(
        description="met (score at least the rubric's threshold), partial (above 0) or missing."
    )
    explanation: str = Field(description="The score in one sentence.")
    min_skills: int = Field(description="Skills needed for full credit on the skills part.")
    level: str | None = Field(description="Level expected of declared skills, if any.")
    skills: tuple[SkillResult, ...] = Field(description="Each skill and its evidence.")
    years: YearsResult | None = Field(default=None, description="Years part, if asked.")
    degree: DegreeResult | None = Field(default=None, description="Degree part, if asked.")
    self_assessment: EvidenceItem | None = Field(
        default=None,
        description="The candidate's own rating of this requirement (method "
        "'declared', source 'self_assessment.<requirement id>'), if the profile has one. "
        "It counts for the skills part: the better of it and the skills' evidence.",
    )


class AreaResult(OutputModel):
    """One requirement area's score."""

    id: str = Field(description="The area's id.")
    name: str = Field(description="The area's name.")
    weight: float = Field(description="Weight in the overall score.")
    score: float = Field(
        ge=0,
        le=1,
        description="Weighted mean of its requirements, 0 to 1 (times subject_factor when "
        "the area depends on the role's subject): what the area adds to the overall score.",
    )
    subject_factor: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="How much the area counts, 0 to 1, when the rubric ties it to the role's "
        "subject (scoring.subject): the subject requirements' score against met_threshold. "
        "Null when the area does not depend on the subject.",
    )
    met: int = Field(description="Requirements met.")
    partial: int = Field(description="Requirements partially met.")
    missing: int = Field(description="Requirements with no evidence.")
    requirements: tuple[RequirementResult, ...] = Field(description="Its requirements.")


class ResourceLink(OutputModel):
    """A learning resource from the rubric."""

    title: str = Field(description="What it is.")
    url: str | None = Field(default=None, description="Where to find it.")


class Gap(OutputModel):
    """A requirement not fully met, with what closing it would add."""

    area: str = Field(description="Area id.")
    area_name: str = Field(description="Area name.")
    requirement: str = Field(description="Requirement id.")
    name: str = Field(description="Requirement name.")
    score: float = Field(ge=0, le=1, description="Current requirement score.")
    status: Status = Field(description="Current status.")
    gain: float = Field(ge=0, description="Points (0-100 scale) closing it would add overall.")
    unlocks: float = Field(
        default=0.0,
        ge=0,
        description="Of the gain, the points that come from areas tied to the role's "
        "subject (scoring.subject), which count in full once this requirement is shown.",
    )
    must_have: bool = Field(description="True if it is a must-have.")
    blocking: bool = Field(description="True if it is an unmet must-have.")
    missing_skills: tuple[str, ...] = Field(
        description="Skills of the requirement with no evidence."
    )
    next_steps: tuple[str, ...] = Field(description="What to do, from the rubric.")
    resources: tuple[ResourceLink, ...] = Field(description="Learning resources.")
    effort: str | None = Field(default=None, description="Rough effort, from the rubric.")


class Overall(OutputModel):
    """The headline."""

    score: float = Field(ge=0, le=100, description="Weighted mean of area scores, 0-100.")
    verdict: str = Field(description="A band for the score, noting blocking gaps.")
    blocked: bool = Field(description="True if any must-have is not met.")
    blocking: tuple[str, ...] = Field(description="Ids of unmet must-have requirements.")
    met: int = Field(description="Requirements met.")
    partial: int = Field(description="Requirements partially met.")
    missing: int = Field(description="Requirements with no evidence.")


class LadderLevel(OutputModel):
    """One level of a career ladder, and how the candidate measures against it."""

    rubric: RubricInfo = Field(description="The level's rubric.")
    name: str = Field(description="The level's name, e.g. 'Senior ML Engineer'.")
    summary: str = Field(description="What the level is about.")
    score: float = Field(ge=0, le=100, description="Overall score against this level.")
    blocking: tuple[str, ...] = Field(description="Ids of this level's unmet must-haves.")
    fully_met: bool = Field(
        description="True if no must-have is unmet and the score is "
        "at least the ladder's min_score."
    )
    met: bool = Field(
        description="True if this level or a higher one is fully met: a ladder is "
        "cumulative, and meeting a level means meeting every level below it."
    )
    short_by: float = Field(
        ge=0, description="Points the score is under min_score (0 when it is not)."
    )


class LadderPlacement(OutputModel):
    """Where the candidate stands on a career ladder and what the next level asks for."""

    id: str = Field(description="The ladder's id, e.g. 'ml-engineer'.")
    title: str = Field(description="The ladder's title.")
    min_score: float = Field(
        ge=0, le=100, description="Score a level needs to be fully met (with no blocking gap)."
    )
    rule: str = Field(description="The placement rule, in words.")
    levels: tuple[LadderLevel, ...] = Field(description="Every level, lowest first.")
    placed: str | None = Field(
        description="Rubric id of the highest level fully met; null if none is."
    )
    placed_name: str | None = Field(description="Its name.")
    next: str | None = Field(
        description="Rubric id of the level above the placement (the "
        "lowest level if none is met); null at the top."
    )
    next_name: str | None = Field(description="Its name.")
    gap_to_next: tuple[Gap, ...] = Field(
        description="What the next level asks for that "
        "the candidate does not yet show: its blocking "
        "gaps, then its biggest gains."
    )


class GapReport(OutputModel):
    """Everything skillgap found about one candidate against one rubric."""

    schema_version: str = Field(description="Version of this report format.")
    tool: ToolInfo = Field(description="The program that wrote it.")
    rubric: RubricInfo = Field(description="The rubric used.")
    candidate: CandidateInfo = Field(description="The profile measured.")
    as_of: str = Field(description="Date used for ongoing jobs ('present'), ISO format.")
    blind: bool = Field(description="True if identity was removed from the report.")
    overall: Overall = Field(description="The headline score.")
    areas: tuple[AreaResult, ...] = Field(description="Per-area scores and evidence.")
    gaps: tuple[Gap, ...] = Field(description="Requirements not fully met, biggest gain first.")
    warnings: tuple[str, ...] = Field(
        default=(), description="Things worth knowing about the input (e.g. text that was cut)."
    )
    ladder: LadderPlacement | None = Field(
        default=None, description="Career-ladder placement (analyze --ladder); null otherwise."
    )

    def to_json(self) -> str:
        """The report as deterministic, indented JSON (what ``--format json`` prints)."""
        return self.model_dump_json(indent=2) + "\n"


__all__ = [
    "SCHEMA_VERSION",
    "AreaResult",
    "CandidateInfo",
    "DegreeResult",
    "EvidenceItem",
    "Gap",
    "GapReport",
    "IgnoredMention",
    "LadderLevel",
    "LadderPlacement",
    "Method",
    "OutputModel",
    "Overall",
    "RequirementResult",
    "ResourceLink",
    "RubricInfo",
    "SkillResult",
    "Status",
    "ToolInfo",
    "YearsResult",
]
