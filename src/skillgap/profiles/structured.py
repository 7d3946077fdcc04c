"""Structured profiles: skillgap's own profile format and JSON Resume.

Both arrive as YAML or JSON; both are parsed with positions so evidence can cite a
line. The skillgap format is strict (pydantic, unknown keys rejected with a "did you
mean"), because people write it by hand for skillgap. JSON Resume is someone else's
format, so we read it leniently (missing sections are fine, old and new ``location``
forms both work) but still refuse wrong types with the field's path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from ..dates import is_present, parse_date
from ..errors import ProfileError
from ..io.json_source import load_json
from ..io.validation import pydantic_problems
from ..io.yaml_source import SourceMap, parse_yaml
from ..limits import Limits
from ..profile import (
    DeclaredSkill,
    Education,
    Identity,
    Job,
    Profile,
    SelfAssessed,
    StatedYears,
    TextSegment,
)
from ..text import prepare_text
from .resume_text import _degree_level

PathKey = tuple[str | int, ...]
DateValue = str | int | dt.date | None


def _number_as_text(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}"
    return value


#: A level may be written as a word ("advanced") or a number (3, or "3/4").
LevelValue = Annotated[str, BeforeValidator(_number_as_text)]


# --------------------------------------------------------------------------- models


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True
    )


class ProfileSkill(_Model):
    """A skill the candidate declares."""

    name: str = Field(description="The skill, e.g. 'PyTorch'.")
    level: LevelValue | None = Field(
        default=None,
        description="Level on the rubric's scale "
        "(e.g. 'advanced') or a common word (beginner ... expert).",
    )
    years: float | None = Field(default=None, ge=0, le=70, description="Years using it.")


class ProfileJob(_Model):
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


class ProfileEducation(_Model):
    """One degree."""

    degree: str = Field(description="Degree as written, e.g. 'PhD', 'MSc', 'Bachelor of Science'.")
    field: str = Field(default="", description="Field of study, e.g. 'Computer Science'.")
    institution: str = Field(default="", description="School or university (not scored).")
    year: int | None = Field(default=None, description="Year completed.")


class ProfileProject(_Model):
    """A project, open-source work or side project."""

    name: str = Field(description="Project name.")
    description: str = Field(default="", description="What it is and what you did.")
    highlights: tuple[str, ...] = Field(default=(), description="Achievements.")
    skills: tuple[str, ...] = Field(default=(), description="Technologies used.")
    url: str | None = Field(default=None, description="Link (not scored).")


class SkillgapProfile(_Model):
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


# --------------------------------------------------------------------------- parsing


class _Located:
    """Data plus line lookup, whatever the syntax (YAML or JSON)."""

    def __init__(
        self,
        data: Any,
        lines: dict[PathKey, int] | None = None,
        source_map: SourceMap | None = None,
    ) -> None:
        self.data = data
        self._lines = lines or {}
        self.source_map = source_map or SourceMap()

    def line(self, loc: PathKey) -> int | None:
        if loc in self._lines:
            return self._lines[loc]
        mark = self.source_map.values.get(loc)
        return mark.line if mark else None


def parse_structured(text: str, *, path: Path, display: str, limits: Limits) -> _Located:
    """Parse YAML or JSON (by extension, else by first character) keeping lines."""
    if path.suffix.lower() == ".json" or (
        path.suffix.lower() not in (".yaml", ".yml") and text.lstrip().startswith(("{", "["))
    ):
        document = load_json(text, path=display, limits=limits)
        return _Located(document.data, lines=document.lines)
    yaml_doc, problems = parse_yaml(text, path=display, limits=limits)
    errors = [p for p in problems if p.level.value == "error"]
    if yaml_doc is None or errors:
        first = errors[0] if errors else problems[0]
        raise ProfileError(
            first.message.replace(
                "a rubric needs at least id, title, version and areas",
                "a profile needs skills, experience or a summary",
            ),
            path=display,
            line=first.line,
            column=first.column,
        )
    return _Located(yaml_doc.data, source_map=yaml_doc.source_map)


def _date(value: Any, *, end: bool) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        return parse_date(str(value), end=end)
    if isinstance(value, str):
        return parse_date(value, end=end)
    return None


def _checked_date(
    value: DateValue, loc: PathKey, located: _Located, display: str, *, end: bool
) -> dt.date | None:
    """A profile date, or a clear error: a date we cannot read must not silently become
    'ongoing' or drop a position from the years of experience."""
    if value is None:
        return None
    parsed = _date(value, end=end)
    if parsed is None:
        hint = " or 'present'" if end else ""
        raise ProfileError(
            f"'{_path_text(loc)}' is {value!r}, not a date; write it like "
            f"2019, 2019-03, 2019-03-01 or 'Mar 2019'{hint}",
            path=display,
            line=located.line(loc),
        )
    return parsed


def _path_text(loc: PathKey) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _not_a_profile_reason(data: Any) -> str | None:
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else type(data).__name__
        return f"is {kind}, not a profile (expected a mapping of keys to values)"
    if (
        "$schema" in data
        and "properties" in data
        and ("json-schema.org" in str(data.get("$schema")) or "definitions" in data)
    ):
        return (
            "is a JSON Schema, not a resume; give a JSON Resume (with 'basics', 'work', "
            "...) or a skillgap profile"
        )
    if "areas" in data and ("id" in data or "title" in data):
        return "is a rubric, not a profile; pass it with --rubric"
    return None


def looks_like_json_resume(data: Any) -> bool:
    """True for a mapping with JSON Resume's sections (or its $schema)."""
    if not isinstance(data, dict):
        return False
    if "jsonresume" in str(data.get("$schema", "")) or "basics" in data:
        return True
    work = data.get("work")
    return isinstance(work, list) and any(isinstance(w, dict) and "position" in w for w in work)


# --------------------------------------------------------------------------- skillgap


def load_skillgap_profile(located: _Located, *, display: str, sha256: str) -> Profile:
    """Build a Profile from data in skillgap's own profile format."""
    reason = _not_a_profile_reason(located.data)
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
                TextSegment(_path_text(source), prepare_text(text), located.line(source))
            )

    add(("headline",), doc.headline)
    add(("summary",), doc.summary)
    for i, item in enumerate(doc.skills):
        loc: PathKey = ("skills", i)
        if isinstance(item, str):
            declared.append(DeclaredSkill(item, _path_text(loc), located.line(loc)))
        else:
            declared.append(
                DeclaredSkill(
                    item.name, _path_text(loc), located.line((*loc, "name")), item.level, item.years
                )
            )
    for i, job in enumerate(doc.experience):
        loc = ("experience", i)
        start = _checked_date(job.start, (*loc, "start"), located, display, end=False)
        end = (
            None
            if job.end is None or (isinstance(job.end, str) and is_present(job.end))
            else _checked_date(job.end, (*loc, "end"), located, display, end=True)
        )
        jobs.append(
            Job(job.title, job.company, start, end, _path_text(loc), located.line((*loc, "title")))
        )
        add((*loc, "title"), job.title)
        add((*loc, "summary"), job.summary)
        for h, highlight in enumerate(job.highlights):
            add((*loc, "highlights", h), highlight)
        for s, skill in enumerate(job.skills):
            declared.append(
                DeclaredSkill(
                    skill, _path_text((*loc, "skills", s)), located.line((*loc, "skills", s))
                )
            )
    for i, degree in enumerate(doc.education):
        loc = ("education", i)
        text = " ".join(part for part in (degree.degree, degree.field) if part)
        level = _degree_level(degree.degree) or _degree_level(text)
        education.append(Education(level, text, _path_text(loc), located.line((*loc, "degree"))))
    for i, project in enumerate(doc.projects):
        loc = ("projects", i)
        add((*loc, "name"), project.name)
        add((*loc, "description"), project.description)
        for h, highlight in enumerate(project.highlights):
            add((*loc, "highlights", h), highlight)
        for s, skill in enumerate(project.skills):
            declared.append(
                DeclaredSkill(
                    skill, _path_text((*loc, "skills", s)), located.line((*loc, "skills", s))
                )
            )
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
    )


def _line_for_message(located: _Located, exc: ValidationError) -> int | None:
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if isinstance(p, (str, int)))
        while loc:
            line = located.line(loc)
            if line is not None:
                return line
            loc = loc[:-1]
    return None


# --------------------------------------------------------------------------- JSON Resume


class _Reader:
    """Typed access to JSON Resume fields that names the path on a wrong type."""

    def __init__(self, located: _Located, display: str) -> None:
        self.located = located
        self.display = display

    def _fail(self, loc: PathKey, expected: str, value: Any) -> ProfileError:
        kind = {
            dict: "a mapping",
            list: "a list",
            str: "text",
            bool: "true/false",
            int: "a number",
            float: "a number",
        }.get(type(value), type(value).__name__)
        return ProfileError(
            f"'{_path_text(loc)}' must be {expected}, got {kind}; fix the "
            "JSON Resume or leave the field out",
            path=self.display,
            line=self.located.line(loc),
        )

    def get(self, parent: Any, loc: PathKey, key: str) -> Any:
        return parent.get(key) if isinstance(parent, dict) else None

    def text(self, parent: Any, loc: PathKey, key: str) -> str:
        value = self.get(parent, loc, key)
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, dt.date):  # unquoted dates in a JSON Resume written as YAML
            return value.isoformat()
        if not isinstance(value, str):
            raise self._fail((*loc, key), "text", value)
        return value

    def items(self, parent: Any, loc: PathKey, key: str) -> list[tuple[PathKey, Any]]:
        value = self.get(parent, loc, key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._fail((*loc, key), "a list", value)
        return [((*loc, key, i), item) for i, item in enumerate(value)]

    def mapping(self, parent: Any, loc: PathKey, key: str) -> dict[str, Any]:
        value = self.get(parent, loc, key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self._fail((*loc, key), "a mapping", value)
        return value

    def strings(self, parent: Any, loc: PathKey, key: str) -> list[tuple[PathKey, str]]:
        result = []
        for item_loc, item in self.items(parent, loc, key):
            if isinstance(item, str):
                result.append((item_loc, item))
            elif item is not None:
                raise self._fail(item_loc, "text", item)
        return result

    def entries(self, parent: Any, loc: PathKey, key: str) -> list[tuple[PathKey, dict[str, Any]]]:
        result = []
        for item_loc, item in self.items(parent, loc, key):
            if not isinstance(item, dict):
                raise self._fail(item_loc, "a mapping", item)
            result.append((item_loc, item))
        return result


def _location_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        parts = [str(value.get(k, "")) for k in ("city", "region", "countryCode", "country")]
        text = ", ".join(p for p in parts if p)
        return text or None
    return None


def load_json_resume(located: _Located, *, display: str, sha256: str) -> Profile:
    """Build a Profile from a JSON Resume (v0.x and v1.x forms)."""
    data = located.data
    reason = _not_a_profile_reason(data)
    if reason:
        raise ProfileError(reason, path=display)
    read = _Reader(located, display)
    segments: list[TextSegment] = []
    declared: list[DeclaredSkill] = []
    jobs: list[Job] = []
    education: list[Education] = []

    def add(loc: PathKey, text: str) -> None:
        if text.strip():
            segments.append(TextSegment(_path_text(loc), prepare_text(text), located.line(loc)))

    basics = read.mapping(data, (), "basics")
    root: PathKey = ("basics",)
    for key in ("label", "summary"):
        add((*root, key), read.text(basics, root, key))
    links = [read.text(basics, root, "url"), read.text(basics, root, "website")]
    for p_loc, profile in read.entries(basics, root, "profiles"):
        links.append(read.text(profile, p_loc, "url"))
    location = basics.get("location")
    if location is not None and not isinstance(location, (str, dict)):
        raise read._fail((*root, "location"), "text or a mapping", location)
    identity = Identity(
        name=read.text(basics, root, "name") or None,
        email=read.text(basics, root, "email") or None,
        phone=read.text(basics, root, "phone") or None,
        location=_location_text(location),
        links=tuple(link for link in links if link),
        photo=read.text(basics, root, "image") or read.text(basics, root, "picture") or None,
    )
    for section in ("work", "volunteer"):
        for loc, job in read.entries(data, (), section):
            title = read.text(job, loc, "position")
            organization = (
                read.text(job, loc, "name")
                or read.text(job, loc, "company")
                or read.text(job, loc, "organization")
            )
            start = _date(read.text(job, loc, "startDate"), end=False)
            end_text = read.text(job, loc, "endDate")
            end = _date(end_text, end=True) if end_text and not is_present(end_text) else None
            if section == "work":
                jobs.append(
                    Job(
                        title,
                        organization,
                        start,
                        end,
                        _path_text(loc),
                        located.line((*loc, "position")),
                    )
                )
            add((*loc, "position"), title)
            for key in ("summary", "description"):
                add((*loc, key), read.text(job, loc, key))
            for h_loc, highlight in read.strings(job, loc, "highlights"):
                add(h_loc, highlight)
    for loc, entry in read.entries(data, (), "education"):
        study = read.text(entry, loc, "studyType")
        area = read.text(entry, loc, "area")
        text = " ".join(p for p in (study, area) if p)
        level = _degree_level(study) or _degree_level(text) or _study_type_level(study)
        education.append(Education(level, text, _path_text(loc), located.line((*loc, "studyType"))))
        add((*loc, "area"), area)
        for c_loc, course in read.strings(entry, loc, "courses"):
            add(c_loc, course)
    for loc, skill in read.entries(data, (), "skills"):
        level = read.text(skill, loc, "level") or None
        name = read.text(skill, loc, "name")
        if name:
            declared.append(
                DeclaredSkill(name, _path_text((*loc, "name")), located.line((*loc, "name")), level)
            )
        for k_loc, keyword in read.strings(skill, loc, "keywords"):
            declared.append(DeclaredSkill(keyword, _path_text(k_loc), located.line(k_loc), level))
    for loc, project in read.entries(data, (), "projects"):
        for key in ("name", "description", "summary"):
            add((*loc, key), read.text(project, loc, key))
        for h_loc, highlight in read.strings(project, loc, "highlights"):
            add(h_loc, highlight)
        for k_loc, keyword in read.strings(project, loc, "keywords"):
            declared.append(DeclaredSkill(keyword, _path_text(k_loc), located.line(k_loc)))
        for r_loc, role in read.strings(project, loc, "roles"):
            add(r_loc, role)
    for section, fields in (
        ("publications", ("name", "publisher", "summary")),
        ("awards", ("title", "awarder", "summary")),
        ("certificates", ("name", "issuer")),
    ):
        for loc, entry in read.entries(data, (), section):
            for key in fields:
                add((*loc, key), read.text(entry, loc, key))
    if not (segments or declared or jobs or education):
        raise ProfileError(
            "is a JSON Resume with no usable content (no summary, work, "
            "education, skills or projects)",
            path=display,
        )
    return Profile(
        source=display,
        format="json-resume",
        sha256=sha256,
        identity=identity,
        declared_skills=tuple(declared),
        jobs=tuple(jobs),
        education=tuple(education),
        segments=tuple(segments),
    )


def _study_type_level(study: str) -> str | None:
    lowered = study.lower()
    for word, level in (
        ("doctor", "phd"),
        ("master", "master"),
        ("bachelor", "bachelor"),
        ("associate", "associate"),
    ):
        if word in lowered:
            return level
    return None
