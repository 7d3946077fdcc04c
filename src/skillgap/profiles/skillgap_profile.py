"""skillgap's own profile format (docs/profile-format.md): what a candidate says about
themselves, for skillgap.

The format is strict (pydantic, unknown keys rejected with a "did you mean"), because
people write it by hand for skillgap. A file that turns out to be a JSON Resume is read
as one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError

from ..errors import ProfileError
from ..io.read import sha256_hex
from ..io.validation import InputModel, pydantic_problems
from ..limits import Limits
from ..text import prepare_text
from .base import cap_text, decode_profile_text, require_text
from .dates import is_present
from .degrees import degree_level
from .json_resume import load_json_resume
from .model import (
    DeclaredSkill,
    Education,
    Identity,
    Job,
    Profile,
    SelfAssessed,
    StatedYears,
    TextSegment,
    in_one_list,
)
from .structured import (
    Located,
    PathKey,
    date_value,
    not_a_profile_reason,
    parse_structured,
    path_text,
)

DateValue = str | int | dt.date | None


def _number_as_text(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}"
    return value


#: A level may be written as a word ("advanced") or a number (3, or "3/4").
LevelValue = Annotated[str, BeforeValidator(_number_as_text)]


class ProfileSkill(InputModel):
    """A skill the candidate declares."""

    name: str = Field(description="The skill, e.g. 'PyTorch'.")
    level: LevelValue | None = Field(
        default=None,
        description="Level on the rubric's scale "
        "(e.g. 'advanced') or a common word (beginner ... expert).",
    )
    years: float | None = Field(default=None, ge=0, le=70, description="Years using it.")


class ProfileJob(InputModel):
    """One position."""

    title: str = Field(description="Job title.")
    company: str = Field(default="", description="Employer.")
    location: str = Field(default="", description="Where (not scored).")
    start: DateValue = Field(
        default=None, description="Start date: 2019, 2019-03, 2019-03-01 or 'Mar 2019'."
    )
    end: DateValue = Field(
        default=None, description="End date, or 'present'; omitted means present."
    )
    summary: str = Field(default="", description="What the role was.")
    highlights: tuple[str, ...] = Field(default=(), description="Achievements, one per item.")
    skills: tuple[str, ...] = Field(default=(), description="Technologies used in the role.")


class ProfileEducation(InputModel):
    """One degree."""

    degree: str = Field(description="Degree as written, e.g. 'PhD', 'MSc', 'Bachelor of Science'.")
    field: str = Field(default="", description="Field of study, e.g. 'Computer Science'.")
    institution: str = Field(default="", description="School or university (not scored).")
    year: int | None = Field(default=None, description="Year completed.")


class ProfileProject(InputModel):
    """A project, open-source work or side project."""

    name: str = Field(description="Project name.")
    description: str = Field(default="", description="What it is and what you did.")
    highlights: tuple[str, ...] = Field(default=(), description="Achievements.")
    skills: tuple[str, ...] = Field(default=(), description="Technologies used.")
    url: str | None = Field(default=None, description="Link (not scored).")


class SkillgapProfile(InputModel):
    """A skillgap profile: what a candidate says about themselves, for skillgap."""

    schema_ref: str | None = Field(
        default=None, alias="$schema", description="Optional JSON Schema reference for editors."
    )
    name: str | None = Field(default=None, description="Candidate's name (never scored).")
    email: str | None = Field(default=None, description="E-mail (never scored).")
    phone: str | None = Field(default=None, description="Phone (never scored).")
    location: str | None = Field(default=None, description="Location (never scored).")
    links: tuple[str, ...] = Field(default=(), description="Web links (never scored).")
    headline: str = Field(default="", description="One-line description, e.g. a title.")
    summary: str = Field(default="", description="A paragraph about your experience.")
    years_experience: float | None = Field(
        default=None,
        ge=0,
        le=70,
        description="Total years of professional experience, if you want to state it.",
    )
    skills: tuple[ProfileSkill | str, ...] = Field(
        default=(), description="Declared skills: a name, or name with level and years."
    )
    experience: tuple[ProfileJob, ...] = Field(default=(), description="Work history.")
    education: tuple[ProfileEducation, ...] = Field(default=(), description="Degrees.")
    projects: tuple[ProfileProject, ...] = Field(default=(), description="Projects.")
    publications: tuple[str, ...] = Field(default=(), description="Papers, one per item.")
    certifications: tuple[str, ...] = Field(default=(), description="Certifications.")
    achievements: tuple[str, ...] = Field(
        default=(), description="Talks, awards, community work: anything else worth evidence."
    )
    self_assessment: dict[str, str] = Field(
        default_factory=dict,
        description="Your own rating of rubric requirements, by requirement id: a level of "
        "the rubric's scale (e.g. 'advanced') or 'none'. Written by 'skillgap assess'; "
        "counts as declared evidence (docs/assess.md).",
    )


def _checked_date(
    value: DateValue, loc: PathKey, located: Located, display: str, *, end: bool
) -> dt.date | None:
    """A profile date, or a clear error: a date we cannot read must not silently become
    'ongoing' or drop a position from the years of experience."""
    if value is None:
        return None
    parsed = date_value(value, end=end)
    if parsed is None:
        hint = " or 'present'" if end else ""
        raise ProfileError(
            f"'{path_text(loc)}' is {value!r}, not a date; write it like "
            f"2019, 2019-03, 2019-03-01 or 'Mar 2019'{hint}",
            path=display,
            line=located.line(loc),
        )
    return parsed


def load_skillgap_profile(located: Located, *, display: str, sha256: str) -> Profile:
    """Build a Profile from data in skillgap's own profile format."""
    reason = not_a_profile_reason(located.data)
    if reason:
        raise ProfileError(reason, path=display)
    try:
        doc = SkillgapProfile.model_validate(located.data)
    except ValidationError as exc:
        problems = pydantic_problems(
            exc, path=display, source_map=located.source_map, root=SkillgapProfile
        )
        first = problems[0]
        more = len(problems) - 1
        tail = f" (and {more} more)" if more else ""
        line = first.line or _line_for_message(located, exc)
        raise ProfileError(
            first.message + tail,
            path=display,
            line=line,
            column=first.column if first.line else None,
        ) from exc
    segments: list[TextSegment] = []
    declared: list[DeclaredSkill] = []
    jobs: list[Job] = []
    education: list[Education] = []

    def add(source: PathKey, text: str) -> None:
        if text.strip():
            segments.append(
                TextSegment(path_text(source), prepare_text(text), located.line(source))
            )

    add(("headline",), doc.headline)
    add(("summary",), doc.summary)
    listed: list[DeclaredSkill] = []
    for i, item in enumerate(doc.skills):
        loc: PathKey = ("skills", i)
        if isinstance(item, str):
            listed.append(DeclaredSkill(item, path_text(loc), located.line(loc)))
        else:
            listed.append(
                DeclaredSkill(
                    item.name, path_text(loc), located.line((*loc, "name")), item.level, item.years
                )
            )
    declared.extend(in_one_list(listed))
    for i, job in enumerate(doc.experience):
        loc = ("experience", i)
        start = _checked_date(job.start, (*loc, "start"), located, display, end=False)
        end = (
            None
            if job.end is None or (isinstance(job.end, str) and is_present(job.end))
            else _checked_date(job.end, (*loc, "end"), located, display, end=True)
        )
        jobs.append(
            Job(job.title, job.company, start, end, path_text(loc), located.line((*loc, "title")))
        )
        add((*loc, "title"), job.title)
        add((*loc, "summary"), job.summary)
        for h, highlight in enumerate(job.highlights):
            add((*loc, "highlights", h), highlight)
        declared.extend(_skill_list(job.skills, loc, located))
    for i, degree in enumerate(doc.education):
        loc = ("education", i)
        text = " ".join(part for part in (degree.degree, degree.field) if part)
        level = degree_level(degree.degree) or degree_level(text)
        ends = "" if degree.year is None else str(degree.year)
        education.append(
            Education(level, text, path_text(loc), located.line((*loc, "degree")), ends)
        )
    for i, project in enumerate(doc.projects):
        loc = ("projects", i)
        add((*loc, "name"), project.name)
        add((*loc, "description"), project.description)
        for h, highlight in enumerate(project.highlights):
            add((*loc, "highlights", h), highlight)
        declared.extend(_skill_list(project.skills, loc, located))
    for key in ("publications", "certifications", "achievements"):
        for i, entry in enumerate(getattr(doc, key)):
            add((key, i), entry)
    stated: tuple[StatedYears, ...] = ()
    if doc.years_experience is not None:
        stated = (
            StatedYears(
                doc.years_experience,
                f"years_experience: {doc.years_experience:g}",
                "years_experience",
                located.line(("years_experience",)),
            ),
        )
    identity = Identity(
        name=doc.name, email=doc.email, phone=doc.phone, location=doc.location, links=doc.links
    )
    assessed = tuple(
        SelfAssessed(
            requirement,
            level,
            f"self_assessment.{requirement}",
            located.line(("self_assessment", requirement)),
        )
        for requirement, level in doc.self_assessment.items()
    )
    return Profile(
        source=display,
        format="skillgap",
        sha256=sha256,
        identity=identity,
        declared_skills=tuple(declared),
        jobs=tuple(jobs),
        education=tuple(education),
        stated_years=stated,
        segments=tuple(segments),
        self_assessed=assessed,
        warnings=located.warnings,
    )


def _skill_list(skills: Sequence[str], loc: PathKey, located: Located) -> list[DeclaredSkill]:
    """The ``skills`` list of a job or project, as one list."""
    return in_one_list(
        [
            DeclaredSkill(skill, path_text((*loc, "skills", s)), located.line((*loc, "skills", s)))
            for s, skill in enumerate(skills)
        ]
    )


def _line_for_message(located: Located, exc: ValidationError) -> int | None:
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if isinstance(p, (str, int)))
        while loc:
            line = located.line(loc)
            if line is not None:
                return line
            loc = loc[:-1]
    return None


@dataclass(frozen=True)
class SkillgapProfileLoader:
    """skillgap's own YAML/JSON profile format (docs/profile-format.md)."""

    format: str = "skillgap"
    description: str = "skillgap profile (YAML or JSON; docs/profile-format.md)"

    def sniff(self, path: Path, head: bytes) -> int:
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            return 60
        if suffix == ".json" or head.lstrip().startswith(b"{"):
            return 40
        return 0

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        from .skillgap_profile import load_skillgap_profile
        from .structured import looks_like_json_resume

        text, _ = decode_profile_text(data, display, limits, cut=False)
        located = parse_structured(text, path=path, display=display, limits=limits)
        if looks_like_json_resume(located.data):
            profile = load_json_resume(located, display=display, sha256=sha256_hex(data))
        else:
            profile = load_skillgap_profile(located, display=display, sha256=sha256_hex(data))
        return require_text(cap_text(profile, limits), display)
