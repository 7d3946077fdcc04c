"""Rubric models, loading with positions, and the bundled rubric registry.

A rubric describes a role: areas, each with weighted requirements, each satisfied by
skills (with aliases and matching guards), years of experience and/or a degree. The
format is documented in ``docs/rubric-format.md``; the models below are its source of
truth (``skillgap schema rubric`` exports them as JSON Schema).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError
from pydantic.config import JsonDict

from .errors import Problem, RubricError, UnknownRubricError
from .inheritance import RubricSource, combined_sha256, resolve_extends
from .io.read import decode_text, read_bytes, sha256_hex
from .io.validation import pydantic_problems
from .io.yaml_source import SourceMap, YamlDocument, parse_yaml
from .limits import DEFAULT_LIMITS, Limits

DEFAULT_RUBRIC_ID = "principal-ml-engineer"

DegreeLevel = Literal["associate", "bachelor", "master", "phd"]
DEGREE_ORDER: dict[str, int] = {"associate": 1, "bachelor": 2, "master": 3, "phd": 4}
WeightsMode = Literal["relative", "percent"]

#: What an id must look like: lowercase letters and digits, words joined by single hyphens.
#: Loading accepts any id; ``skillgap validate`` (rule ``id-not-slug``) and the exported
#: JSON Schema (so editors flag it as you type) hold ids to this.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG: JsonDict = {"pattern": SLUG_PATTERN}


class _Model(BaseModel):
    # allow_inf_nan=False: a weight or credit of .inf or .nan would turn every score into nan.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


class LevelDef(_Model):
    """One step of the rubric's proficiency scale, lowest first."""

    id: str = Field(
        description="Short id used by requirements and profiles, e.g. 'advanced'.",
        json_schema_extra=_SLUG,
    )
    name: str = Field(description="Human-readable name shown in reports.")
    description: str = Field(default="", description="What this level looks like in practice.")
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Other words a resume or profile may use for this level "
        "(e.g. 'proficient' for 'advanced'); matched case-insensitively.",
    )


DEFAULT_LEVELS: tuple[LevelDef, ...] = (
    LevelDef(
        id="basic",
        name="Basic",
        description="Has used it with guidance.",
        aliases=(
            "beginner",
            "novice",
            "elementary",
            "familiar",
            "basic knowledge",
            "awareness",
            "learning",
        ),
    ),
    LevelDef(
        id="working",
        name="Working",
        description="Uses it independently.",
        aliases=("intermediate", "competent", "good", "working knowledge", "moderate"),
    ),
    LevelDef(
        id="advanced",
        name="Advanced",
        description="Deep, production experience.",
        aliases=("proficient", "strong", "senior", "very good", "fluent", "skilled"),
    ),
    LevelDef(
        id="expert",
        name="Expert",
        description="Sets direction; teaches others.",
        aliases=("master", "mastery", "authority", "guru", "excellent", "native"),
    ),
)


class Resource(_Model):
    """A learning resource shown next to a gap."""

    title: str = Field(description="What the resource is, e.g. a course or book title.")
    url: str | None = Field(default=None, description="Where to find it (http or https URL).")


class Skill(_Model):
    """A skill the matcher looks for, with everything it needs to match it carefully."""

    name: str = Field(description="Canonical name, used in reports (e.g. 'scikit-learn').")
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Other names that mean this skill (e.g. 'sklearn'); each counts on its own.",
    )
    ambiguous: tuple[str, ...] = Field(
        default=(),
        description="Forms (the name or other words) that also have an everyday meaning, "
        "e.g. 'R' or 'Go'. They count only with one of the 'context' words nearby.",
    )
    context: tuple[str, ...] = Field(
        default=(),
        description="Words or phrases, any one of which must appear within "
        "'context_window' words of an ambiguous form for it to count.",
    )
    context_window: int = Field(
        default=12,
        ge=1,
        le=200,
        description="How many words either side of an ambiguous form are searched for context.",
    )
    exclude: tuple[str, ...] = Field(
        default=(),
        description="Phrases that contain a form of this skill but are not it, "
        "e.g. 'go-to-market' for Go or 'R&D' for R.",
    )
    case_sensitive: bool = Field(
        default=False,
        description="Ambiguous forms count only when written with the same capitals "
        "(or all in capitals): 'Go' but not 'go'.",
    )
    exact: bool = Field(
        default=False,
        description="Never match this skill fuzzily (typos are not forgiven).",
    )
    inflect: bool = Field(
        default=False,
        description="Match word forms too (lead/led/leading, mentor/mentored/mentoring); "
        "meant for phrases describing practices and soft skills.",
    )

    def forms(self) -> tuple[str, ...]:
        """Every written form of the skill: name, aliases and ambiguous forms, de-duplicated."""
        seen: dict[str, None] = {}
        for form in (self.name, *self.aliases, *self.ambiguous):
            seen.setdefault(form, None)
        return tuple(seen)


class Degree(_Model):
    """A degree that satisfies a requirement."""

    level: DegreeLevel = Field(description="Lowest degree that counts fully.")
    fields: tuple[str, ...] = Field(
        default=(),
        description="Fields of study that count fully (e.g. 'computer science'); "
        "empty means any field.",
    )
    related_fields: tuple[str, ...] = Field(
        default=(),
        description="Fields that count as related (e.g. 'physics'); they earn 'related_credit'.",
    )
    related_credit: float = Field(
        default=0.75,
        ge=0,
        le=1,
        description="Credit for the right level in a related field.",
    )


class Requirement(_Model):
    """One thing the role asks for, and what satisfies it."""

    id: str = Field(
        description="Unique slug within the rubric, e.g. 'ml-frameworks'.", json_schema_extra=_SLUG
    )
    name: str = Field(description="Short human-readable name.")
    description: str = Field(default="", description="What the requirement means, for reports.")
    weight: float = Field(default=1.0, gt=0, description="Relative weight within its area.")
    must_have: bool = Field(
        default=False,
        description="If true, not meeting it is a blocking gap whatever the total score.",
    )
    skills: tuple[Skill, ...] = Field(
        default=(),
        description="Skills that provide evidence for this requirement.",
    )
    min_skills: int = Field(
        default=1,
        ge=1,
        description="How many of the skills must be evidenced for full credit.",
    )
    level: str | None = Field(
        default=None,
        description="Level (an id from the rubric's 'levels') expected of declared skills; "
        "a lower declared level earns proportionally less.",
    )
    years: float | None = Field(
        default=None,
        gt=0,
        description="Years of professional experience expected (from work history "
        "or a stated total).",
    )
    degree: Degree | None = Field(default=None, description="Degree that satisfies this.")
    next_steps: tuple[str, ...] = Field(
        default=(),
        description="What a candidate can do to close this gap.",
    )
    resources: tuple[Resource, ...] = Field(
        default=(),
        description="Learning resources for this gap.",
    )
    effort: str | None = Field(
        default=None,
        description="Rough effort to close the gap from nothing, e.g. '3-6 months'.",
    )


class Area(_Model):
    """A requirement area of the role, e.g. technical proficiency or leadership."""

    id: str = Field(description="Unique slug within the rubric.", json_schema_extra=_SLUG)
    name: str = Field(description="Human-readable name shown in reports.")
    weight: float = Field(gt=0, description="Relative weight of the area in the overall score.")
    description: str = Field(default="", description="What the area covers.")
    requirements: tuple[Requirement, ...] = Field(description="The area's requirements.")


class Scoring(_Model):
    """How evidence is turned into scores (defaults documented in docs/scoring.md)."""

    text_credit: float = Field(
        default=0.75,
        ge=0,
        le=1,
        description="Credit for a skill found in running text (not declared with a level).",
    )
    declared_credit: float = Field(
        default=0.85,
        ge=0,
        le=1,
        description="Credit for a skill declared without a level where a level is expected.",
    )
    met_threshold: float = Field(
        default=0.7,
        gt=0,
        le=1,
        description="A requirement scoring at least this is 'met'; above 0 it is 'partial'.",
    )


class Rubric(_Model):
    """A role: its areas, their requirements and how evidence is scored."""

    id: str = Field(
        description="Short id, e.g. 'principal-ml-engineer' (a slug).", json_schema_extra=_SLUG
    )
    title: str = Field(description="The role's title.")
    version: str = Field(description="Version of this rubric, quoted, e.g. '1.0.0'.")
    description: str = Field(default="", description="What the role is.")
    source: str = Field(default="", description="Where the requirements come from.")
    extends: str | None = Field(
        default=None,
        description="The rubric this one is built on: a bundled rubric id or a path "
        "(relative to this file) ending in .yaml; this file then gives only what differs "
        "(docs/ladder.md).",
    )
    levels: tuple[LevelDef, ...] = Field(
        default=DEFAULT_LEVELS,
        description="Proficiency scale, lowest first. Defaults to basic, working, advanced, "
        "expert.",
    )
    scoring: Scoring = Field(default_factory=Scoring, description="Scoring parameters.")
    weights: WeightsMode = Field(
        default="relative",
        description="How area and requirement weights are written: 'relative' (any positive "
        "numbers; only their ratios matter) or 'percent' (area weights, and the requirement "
        "weights within each area, must each add up to 100; 'skillgap validate' checks it). "
        "Scores are computed the same way either way.",
    )
    areas: tuple[Area, ...] = Field(min_length=1, description="The requirement areas.")

    _origin: RubricOrigin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> RubricOrigin | None:
        """Where the rubric was loaded from (path and sha256), if from a file."""
        return self._origin

    def level_value(self, level_id: str) -> int | None:
        """1-based rank of a level id on the scale, or None if unknown."""
        for index, level in enumerate(self.levels, start=1):
            if level.id == level_id:
                return index
        return None

    def iter_requirements(self) -> Iterator[tuple[Area, Requirement]]:
        """Every (area, requirement) pair in rubric order."""
        for area in self.areas:
            for requirement in area.requirements:
                yield area, requirement


@dataclass(frozen=True)
class RubricOrigin:
    """Where a rubric came from."""

    path: str
    sha256: str
    bundled_id: str | None = None


# --------------------------------------------------------------------------- loading


def reference_problems(rubric: Rubric, *, path: str, source_map: SourceMap) -> list[Problem]:
    """Problems the schema cannot see, which also stop a rubric from loading.

    Duplicate ids, unknown level names, areas without requirements and requirements
    nothing could satisfy. The checks live with the other rubric rules in
    :mod:`skillgap.lint` (``reference_findings``); this turns them into problems.
    """
    from .lint import reference_findings

    return [
        finding.to_problem(path=path, locate=source_map.locate)
        for finding in reference_findings(rubric)
    ]


def parse_rubric_text(
    text: str,
    *,
    path: str,
    limits: Limits = DEFAULT_LIMITS,
    source: RubricSource | None = None,
) -> tuple[Rubric | None, YamlDocument | None, list[Problem]]:
    """Parse rubric YAML into a model, collecting every load-time problem.

    A rubric that ``extends`` another is merged with it first (``source`` says where
    relative paths start; by default the folder of ``path``), and the document returned
    is the merged one, whose positions point into each file involved.
    """
    document, problems = parse_yaml(text, path=path, limits=limits)
    if document is None:
        return None, None, problems
    if not isinstance(document.data, dict):
        mark = document.source_map.locate(())
        problems.append(
            Problem(
                path,
                mark.line if mark else 1,
                mark.column if mark else 1,
                "a rubric must be a mapping with id, title, version and areas",
                rule="wrong-type",
            )
        )
        return None, document, problems
    if source is None:
        source = (
            RubricSource.for_path(Path(path), path)
            if Path(path).is_file()
            else RubricSource(display=path, directory=Path(path).parent)
        )
    document, inherited = resolve_extends(document, source=source, limits=limits)
    problems.extend(inherited)
    if any(p.level.value == "error" for p in inherited):
        return None, document, problems
    try:
        rubric = Rubric.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(
            pydantic_problems(exc, path=path, source_map=document.source_map, root=Rubric)
        )
        return None, document, problems
    problems.extend(reference_problems(rubric, path=path, source_map=document.source_map))
    return rubric, document, problems


def load_rubric(ref: str | Path | None = None, *, limits: Limits = DEFAULT_LIMITS) -> Rubric:
    """Load a rubric by bundled id or file path.

    >>> load_rubric("principal-ml-engineer").title
    'Principal Machine Learning Engineer'

    Raises :class:`RubricError` (with every problem positioned) if the file is invalid,
    and :class:`UnknownRubricError` if ``ref`` is neither a bundled id nor a file.
    """
    ref = DEFAULT_RUBRIC_ID if ref is None else ref
    bundled_id: str | None = None
    if isinstance(ref, str) and ref in bundled_rubric_ids() and not Path(ref).exists():
        bundled_id = ref
        resource = resources.files("skillgap").joinpath("rubrics").joinpath(f"{ref}.yaml")
        data = resource.read_bytes()
        display = f"{ref}.yaml (bundled)"
        source = RubricSource.for_bundled(ref)
    else:
        path = Path(ref)
        if not path.exists():
            known = ", ".join(bundled_rubric_ids()) or "none"
            raise UnknownRubricError(
                f"no rubric file or bundled rubric called '{ref}'; bundled rubrics: {known} "
                "(see 'skillgap rubrics')",
            )
        data = read_bytes(path, limits=limits)
        display = str(path)
        source = RubricSource.for_path(path, display)
    text = decode_text(data, path=display, detect=False)
    rubric, document, problems = parse_rubric_text(text, path=display, limits=limits, source=source)
    errors = tuple(p for p in problems if p.level.value == "error")
    if rubric is None or errors:
        raise RubricError("invalid rubric", path=display, problems=errors or tuple(problems))
    rubric._origin = RubricOrigin(
        path=display, sha256=combined_sha256(sha256_hex(data), document), bundled_id=bundled_id
    )
    return rubric


def bundled_rubric_ids() -> list[str]:
    """Ids of the rubrics shipped with skillgap, sorted."""
    folder = resources.files("skillgap").joinpath("rubrics")
    return sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def bundled_rubric_summaries() -> list[tuple[str, str, str]]:
    """(id, title, version) of every bundled rubric; invalid ones say so in the title."""
    rows = []
    for rubric_id in bundled_rubric_ids():
        try:
            rubric = load_rubric(rubric_id)
        except RubricError as exc:
            rows.append((rubric_id, f"(invalid: {exc})", "?"))
            continue
        rows.append((rubric_id, rubric.title, rubric.version))
    return rows
