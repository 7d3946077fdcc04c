"""Progress over time: what changed between two JSON gap reports.

:func:`load_report` reads a report written by ``skillgap analyze --format json`` (schema
1.x). :func:`diff_reports` compares two of them: the overall and per-area change, the
requirements newly met and no longer met (and every other change of status or score),
the skills newly evidenced and no longer evidenced, the must-haves that stopped or
started blocking, and the ladder placement when both reports carry one.

Two reports are only comparable when they were scored against the same rubric: the same
id, version and sha256 (the fingerprint covers every rubric a rubric extends). Otherwise
:func:`diff_reports` raises :class:`IncomparableReportsError` (exit code 2) naming what
differs, unless ``force=True``; a forced diff matches areas and requirements by id and
says in ``warnings`` that the rubrics differ. Everything here is pure and deterministic.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import Field, ValidationError

from ..errors import InputError, ReportError
from ..io.json_source import load_json
from ..io.read import decode_text, read_bytes
from ..limits import DEFAULT_LIMITS, Limits
from .build import build
from .model import GapReport, OutputModel, RubricInfo, Status

#: Report schema major version this module reads.
SUPPORTED_MAJOR = "1"
#: Format version of the diff's own JSON.
DIFF_SCHEMA_VERSION = "1.0"


class IncomparableReportsError(ReportError):
    """The two reports were scored against different rubrics (use --any-rubric to compare)."""

    exit_code = 2


class DiffSide(OutputModel):
    """One of the two reports, in brief."""

    file: str = Field(description="The report file as given.")
    candidate: str = Field(description="Candidate name, or the candidate id when blind.")
    as_of: str = Field(description="The report's as-of date.")
    rubric: RubricInfo = Field(description="The rubric it was scored against.")
    score: float = Field(description="Overall score, 0-100.")
    verdict: str = Field(description="Overall verdict.")
    placed: str | None = Field(default=None, description="Ladder placement, if any.")


class AreaChange(OutputModel):
    """One area's score before and after (0-100; null where the area is absent)."""

    id: str = Field(description="Area id.")
    name: str = Field(description="Area name.")
    old: float | None = Field(description="Old score, 0-100.")
    new: float | None = Field(description="New score, 0-100.")
    change: float = Field(description="new - old (a missing side counts as 0).")


class RequirementChange(OutputModel):
    """A requirement whose status or score changed."""

    id: str = Field(description="Requirement id.")
    name: str = Field(description="Requirement name.")
    area: str = Field(description="Area id.")
    must_have: bool = Field(description="True if it is a must-have (in the new report).")
    old_status: Status | None = Field(description="Old status (null if absent).")
    new_status: Status | None = Field(description="New status (null if absent).")
    old_score: float | None = Field(description="Old score, 0-100.")
    new_score: float | None = Field(description="New score, 0-100.")


class SkillChange(OutputModel):
    """A skill that started or stopped being evidenced."""

    skill: str = Field(description="The rubric's canonical skill name.")
    requirement: str = Field(description="Requirement id.")
    requirement_name: str = Field(description="Requirement name.")


class ReportDiff(OutputModel):
    """What changed from an old report to a new one."""

    schema_version: str = Field(description="Version of this diff format.")
    old: DiffSide = Field(description="The earlier report.")
    new: DiffSide = Field(description="The later report.")
    same_rubric: bool = Field(
        description="False when reports for different rubrics were compared with --any-rubric."
    )
    overall_change: float = Field(description="New overall score minus old.")
    areas: tuple[AreaChange, ...] = Field(
        description="Every area, in the new report's order (then areas only the old one has)."
    )
    newly_met: tuple[str, ...] = Field(description="Requirement ids met now, not before.")
    no_longer_met: tuple[str, ...] = Field(description="Requirement ids met before, not now.")
    requirements: tuple[RequirementChange, ...] = Field(
        description="Every requirement whose status or score changed."
    )
    skills_gained: tuple[SkillChange, ...] = Field(description="Skills evidenced now, not before.")
    skills_lost: tuple[SkillChange, ...] = Field(description="Skills evidenced before, not now.")
    blocking_resolved: tuple[str, ...] = Field(description="Must-haves that no longer block.")
    blocking_new: tuple[str, ...] = Field(description="Must-haves that block now, not before.")
    warnings: tuple[str, ...] = Field(default=(), description="Caveats about the comparison.")

    def to_json(self) -> str:
        """The diff as deterministic, indented JSON."""
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- loading


def load_report(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> GapReport:
    """Read a JSON report written by ``skillgap analyze --format json``.

    Raises :class:`ReportError` (or :class:`InputError` for an unreadable file) with one
    line naming the file.
    """
    path = Path(path)
    shown = str(path)
    data = read_bytes(path, limits=limits)
    text = decode_text(data, path=shown, detect=False)
    try:
        document = load_json(text, path=shown, limits=limits)
    except InputError as exc:
        raise ReportError(
            f"not a JSON report: {exc.message}", path=shown, line=exc.line, column=exc.column
        ) from exc
    raw = document.data
    if not isinstance(raw, dict) or "schema_version" not in raw or "overall" not in raw:
        raise ReportError(
            "not a skillgap JSON report (write one with 'skillgap analyze "
            "PROFILE --format json --output FILE')",
            path=shown,
        )
    version = str(raw.get("schema_version"))
    if version.split(".")[0] != SUPPORTED_MAJOR:
        raise ReportError(
            f"report schema version {version} is not supported (this skillgap "
            f"reads {SUPPORTED_MAJOR}.x); re-run 'skillgap analyze' to "
            "write a new report",
            path=shown,
        )
    try:
        return GapReport.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = tuple(p for p in error["loc"] if isinstance(p, (str, int)))
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
        where = where or "top level"
        line = None
        probe = loc
        while probe and line is None:
            line = document.lines.get(probe)
            probe = probe[:-1]
        raise ReportError(
            f"not a valid skillgap report: '{where}': {error['msg'].lower()} "
            "(was it edited by hand, or written by another tool?)",
            path=shown,
            line=line,
        ) from exc


# --------------------------------------------------------------------------- comparing


def incomparable_reasons(old: GapReport, new: GapReport) -> list[str]:
    """Why two reports cannot be compared (empty if they can)."""
    reasons = []
    if old.rubric.id != new.rubric.id:
        reasons.append(f"rubric '{old.rubric.id}' vs '{new.rubric.id}'")
    elif old.rubric.version != new.rubric.version:
        reasons.append(
            f"rubric {old.rubric.id} version {old.rubric.version} vs {new.rubric.version}"
        )
    elif old.rubric.sha256 != new.rubric.sha256:
        reasons.append(
            f"rubric {old.rubric.id} {old.rubric.version} with different content "
            f"(sha256 {old.rubric.sha256[:12]} vs {new.rubric.sha256[:12]})"
        )
    return reasons


def _side(report: GapReport, file: str) -> DiffSide:
    candidate = report.candidate.name or report.candidate.id
    placed = report.ladder.placed_name if report.ladder is not None else None
    return build(
        DiffSide,
        file=file,
        candidate=candidate,
        as_of=report.as_of,
        rubric=report.rubric,
        score=report.overall.score,
        verdict=report.overall.verdict,
        placed=placed,
    )


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def diff_reports(
    old: GapReport,
    new: GapReport,
    *,
    force: bool = False,
    old_name: str = "old",
    new_name: str = "new",
) -> ReportDiff:
    """Compare two reports for the same rubric.

    Raises :class:`IncomparableReportsError` if they were scored against different
    rubrics (id, version or content), unless ``force``.
    """
    reasons = incomparable_reasons(old, new)
    if reasons and not force:
        raise IncomparableReportsError(
            f"cannot compare {old_name} and {new_name}: they were scored against different "
            f"rubrics ({'; '.join(reasons)}); score both against the same rubric, or add "
            "--any-rubric to compare them by area and requirement id anyway"
        )
    warnings = (
        [
            (
                f"reports were scored against different rubrics ({'; '.join(reasons)}); "
                "areas and requirements are matched by id"
            )
        ]
        if reasons
        else []
    )
    old_areas = {a.id: a for a in old.areas}
    new_areas = {a.id: a for a in new.areas}
    area_ids = [a.id for a in new.areas] + [a.id for a in old.areas if a.id not in new_areas]
    areas = []
    for area_id in area_ids:
        old_area, new_area = old_areas.get(area_id), new_areas.get(area_id)
        shown = new_area or old_area
        assert shown is not None
        old_value = _pct(old_area.score) if old_area else None
        new_value = _pct(new_area.score) if new_area else None
        areas.append(
            build(
                AreaChange,
                id=area_id,
                name=shown.name,
                old=old_value,
                new=new_value,
                change=round((new_value or 0.0) - (old_value or 0.0), 1),
            )
        )
    old_reqs = {r.id: (a.id, r) for a in old.areas for r in a.requirements}
    new_reqs = {r.id: (a.id, r) for a in new.areas for r in a.requirements}
    requirement_ids = [r.id for a in new.areas for r in a.requirements] + [
        r.id for a in old.areas for r in a.requirements if r.id not in new_reqs
    ]
    changes: list[RequirementChange] = []
    newly_met: list[str] = []
    no_longer_met: list[str] = []
    gained: list[SkillChange] = []
    lost: list[SkillChange] = []
    for requirement_id in requirement_ids:
        area_before, before = old_reqs.get(requirement_id, (None, None))
        area_after, after = new_reqs.get(requirement_id, (None, None))
        current = after or before
        assert current is not None
        old_status = before.status if before else None
        new_status = after.status if after else None
        if new_status == "met" and old_status != "met":
            newly_met.append(requirement_id)
        if old_status == "met" and new_status != "met":
            no_longer_met.append(requirement_id)
        old_score = _pct(before.score) if before else None
        new_score = _pct(after.score) if after else None
        if old_status != new_status or old_score != new_score:
            changes.append(
                build(
                    RequirementChange,
                    id=requirement_id,
                    name=current.name,
                    area=area_after or area_before or "",
                    must_have=current.must_have,
                    old_status=old_status,
                    new_status=new_status,
                    old_score=old_score,
                    new_score=new_score,
                )
            )
        had = {s.name for s in before.skills if s.matched} if before else set()
        has = {s.name for s in after.skills if s.matched} if after else set()
        order = [s.name for s in (after.skills if after else ())]
        order += [s.name for s in (before.skills if before else ()) if s.name not in order]
        for skill in order:
            entry = build(
                SkillChange, skill=skill, requirement=requirement_id, requirement_name=current.name
            )
            if skill in has and skill not in had:
                gained.append(entry)
            elif skill in had and skill not in has:
                lost.append(entry)
    old_blocking, new_blocking = set(old.overall.blocking), set(new.overall.blocking)
    return build(
        ReportDiff,
        schema_version=DIFF_SCHEMA_VERSION,
        old=_side(old, old_name),
        new=_side(new, new_name),
        same_rubric=not reasons,
        overall_change=round(new.overall.score - old.overall.score, 1),
        areas=tuple(areas),
        newly_met=tuple(newly_met),
        no_longer_met=tuple(no_longer_met),
        requirements=tuple(changes),
        skills_gained=tuple(gained),
        skills_lost=tuple(lost),
        blocking_resolved=tuple(b for b in old.overall.blocking if b not in new_blocking),
        blocking_new=tuple(b for b in new.overall.blocking if b not in old_blocking),
        warnings=tuple(warnings),
    )


__all__ = [
    "DIFF_SCHEMA_VERSION",
    "AreaChange",
    "DiffSide",
    "IncomparableReportsError",
    "ReportDiff",
    "RequirementChange",
    "SkillChange",
    "diff_reports",
    "incomparable_reasons",
    "load_report",
]
