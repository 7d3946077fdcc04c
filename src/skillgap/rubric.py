"""Rubric models, loading with positions, and the bundled rubric registry.

A rubric describes a role: areas, each with weighted requirements, each satisfied by
skills (with aliases and matching guards), years of experience and/or a degree. The
format is documented in ``docs/rubric-format.md``; the models below are its source of
truth (``skillgap schema rubric`` exports them as JSON Schema).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from .errors import Problem, RubricError, UnknownRubricError
from .inheritance import RubricSource, combined_sha256, mark_file, resolve_extends
from .limits import DEFAULT_LIMITS, Limits
from .textio import decode_text, read_bytes, sha256_hex
from .yamlsource import SourceMap, YamlDocument, parse_yaml

DEFAULT_RUBRIC_ID = "principal-ml-engineer"

DegreeLevel = Literal["associate", "bachelor", "master", "phd"]
DEGREE_ORDER: dict[str, int] = {"associate": 1, "bachelor": 2, "master": 3, "phd": 4}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LevelDef(_Model):
    """One step of the rubric's proficiency scale, lowest first."""

    id: str = Field(description="Short id used by requirements and profiles, e.g. 'advanced'.")
    name: str = Field(description="Human-readable name shown in reports.")
    description: str = Field(default="", description="What this level looks like in practice.")
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Other words a resume or profile may use for this level "
        "(e.g. 'proficient' for 'advanced'); matched case-insensitively.",
    )


DEFAULT_LEVELS: tuple[LevelDef, ...] = (
    LevelDef(id="basic", name="Basic", description="Has used it with guidance.",
             aliases=("beginner", "novice", "elementary", "familiar", "basic knowledge",
                      "awareness", "learning")),
    LevelDef(id="working", name="Working", description="Uses it independently.",
             aliases=("intermediate", "competent", "good", "working knowledge", "moderate")),
    LevelDef(id="advanced", name="Advanced", description="Deep, production experience.",
             aliases=("proficient", "strong", "senior", "very good", "fluent", "skilled")),
    LevelDef(id="expert", name="Expert", description="Sets direction; teaches others.",
             aliases=("master", "mastery", "authority", "guru", "excellent", "native")),
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
        default=12, ge=1, le=200,
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
        description="Fields that count as related (e.g. 'physics'); they earn "
        "'related_credit'.",
    )
    related_credit: float = Field(
        default=0.75, ge=0, le=1,
        description="Credit for the right level in a related field.",
    )


class Requirement(_Model):
    """One thing the role asks for, and what satisfies it."""

    id: str = Field(description="Unique slug within the rubric, e.g. 'ml-frameworks'.")
    name: str = Field(description="Short human-readable name.")
    description: str = Field(default="", description="What the requirement means, for reports.")
    weight: float = Field(default=1.0, gt=0, description="Relative weight within its area.")
    must_have: bool = Field(
        default=False,
        description="If true, not meeting it is a blocking gap whatever the total score.",
    )
    skills: tuple[Skill, ...] = Field(
        default=(), description="Skills that provide evidence for this requirement.",
    )
    min_skills: int = Field(
        default=1, ge=1,
        description="How many of the skills must be evidenced for full credit.",
    )
    level: str | None = Field(
        default=None,
        description="Level (an id from the rubric's 'levels') expected of declared skills; "
        "a lower declared level earns proportionally less.",
    )
    years: float | None = Field(
        default=None, gt=0,
        description="Years of professional experience expected (from work history "
        "or a stated total).",
    )
    degree: Degree | None = Field(default=None, description="Degree that satisfies this.")
    next_steps: tuple[str, ...] = Field(
        default=(), description="What a candidate can do to close this gap.",
    )
    resources: tuple[Resource, ...] = Field(
        default=(), description="Learning resources for this gap.",
    )
    effort: str | None = Field(
        default=None,
        description="Rough effort to close the gap from nothing, e.g. '3-6 months'.",
    )


class Area(_Model):
    """A requirement area of the role, e.g. technical proficiency or leadership."""

    id: str = Field(description="Unique slug within the rubric.")
    name: str = Field(description="Human-readable name shown in reports.")
    weight: float = Field(gt=0, description="Relative weight of the area in the overall score.")
    description: str = Field(default="", description="What the area covers.")
    requirements: tuple[Requirement, ...] = Field(description="The area's requirements.")


class Scoring(_Model):
    """How evidence is turned into scores (defaults documented in docs/scoring.md)."""

    text_credit: float = Field(
        default=0.75, ge=0, le=1,
        description="Credit for a skill found in running text (not declared with a level).",
    )
    declared_credit: float = Field(
        default=0.85, ge=0, le=1,
        description="Credit for a skill declared without a level where a level is expected.",
    )
    met_threshold: float = Field(
        default=0.7, gt=0, le=1,
        description="A requirement scoring at least this is 'met'; above 0 it is 'partial'.",
    )


class Rubric(_Model):
    """A role: its areas, their requirements and how evidence is scored."""

    id: str = Field(description="Short id, e.g. 'principal-ml-engineer' (a slug).")
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

def _model_for(loc: tuple[str | int, ...], root: type[BaseModel]) -> type[BaseModel]:
    """The model class that owns the mapping at ``loc`` (for 'did you mean')."""
    model: type[BaseModel] = root
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = model.model_fields.get(part)
        if field_info is None:
            return model
        inner = _inner_model(field_info.annotation)
        if inner is None:
            return model
        model = inner
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _loc_text(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "top level"


_TYPE_WORDS = {
    "string_type": "text",
    "float_parsing": "a number",
    "float_type": "a number",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "model_type": "a mapping of keys to values",
    "dict_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
}


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "nothing (null)"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def pydantic_problems(exc: ValidationError, *, path: str, source_map: SourceMap,
                      root: type[BaseModel] = Rubric) -> list[Problem]:
    """Turn pydantic errors into positioned, human problems."""
    problems: list[Problem] = []
    errors = _without_union_noise(exc.errors(include_url=False))
    # A misspelt key shows up twice: as unknown ('wieght') and as missing ('weight').
    # Report it once, as the unknown key with its "did you mean".
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    explained: set[tuple[object, ...]] = set()
    for error in errors:
        if error["type"] == "extra_forbidden" and error["loc"]:
            parent = tuple(error["loc"][:-1])
            owner = _model_for(tuple(p for p in parent if isinstance(p, (str, int))), root)
            names = [info.alias or key for key, info in owner.model_fields.items()]
            for guess in difflib.get_close_matches(str(error["loc"][-1]), names, n=1,
                                                   cutoff=0.6):
                if (*parent, guess) in missing:
                    explained.add((*parent, guess))
    for error in errors:
        if error["type"] == "missing" and tuple(error["loc"]) in explained:
            continue
        loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
        kind = error["type"]
        name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
        where = _loc_text(loc[:-1]) if loc else "top level"
        if kind == "extra_forbidden":
            owner = _model_for(loc[:-1], root)
            allowed = sorted(info.alias or key for key, info in owner.model_fields.items())
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
            message = f"unknown key '{name}' in {where}; {hint}"
            mark = source_map.locate(loc, prefer_key=True)
        elif kind == "missing":
            message = f"missing required key '{name}' in {where}"
            mark = source_map.locate(loc[:-1])
        elif kind in _TYPE_WORDS:
            expected = _TYPE_WORDS[kind]
            got = _describe(error.get("input"))
            message = f"'{_loc_text(loc)}' must be {expected}, got {got}"
            if kind == "string_type" and isinstance(error.get("input"), (int, float, bool)):
                message += "; quote it, e.g. \"1.0\""
            elif kind == "string_type" and isinstance(error.get("input"), dict):
                message += "; if the text contains ': ', put the whole text in quotes"
            mark = source_map.locate(loc)
        elif kind == "union_shape":
            message = f"'{_loc_text(loc)}' {error['msg']}, got {_describe(error.get('input'))}"
            mark = source_map.locate(loc)
        elif kind == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            message = (f"'{_loc_text(loc)}' is {_describe(error.get('input'))}; "
                       f"allowed values: {expected}")
            mark = source_map.locate(loc)
        else:
            message = f"'{_loc_text(loc)}': {error['msg'][0].lower()}{error['msg'][1:]}"
            if "input" in error and not isinstance(error["input"], (dict, list)):
                message += f", got {_describe(error['input'])}"
            mark = source_map.locate(loc)
        problems.append(Problem(mark_file(mark, path), mark.line if mark else None,
                                mark.column if mark else None, message, rule="schema"))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.message))


_UNION_TAG_RE = re.compile(r"^(?:str|int|float|bool|date|datetime|none|constrained-\w+|"
                           r"[A-Z]\w*|[\w-]+\[.*\])$")
_SHAPE_ERRORS = frozenset({"model_type", "dict_type", "model_attributes_type", "string_type",
                           "int_type", "int_parsing", "float_type", "float_parsing",
                           "bool_type", "bool_parsing", "date_type", "date_parsing",
                           "date_from_datetime_parsing", "none_required", "tuple_type",
                           "list_type"})


def _without_union_noise(errors: list[Any]) -> list[Any]:
    """Collapse pydantic's per-branch errors for ``A | B`` fields into what a person needs.

    For a field such as ``skills: list[Skill | str]`` pydantic reports one error per
    branch (``skills.0.Skill.levle`` *and* ``skills.0.str``). If one branch got past the
    shape check (the value was a mapping, so the model branch found a misspelt key), only
    that branch's errors are kept; if every branch rejected the shape, one error says
    which shapes are accepted. Branch tags are removed from the locations either way.
    """
    plain: list[Any] = []
    groups: dict[tuple[Any, ...], list[tuple[str, Any, tuple[Any, ...]]]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        tag_at = next((i for i, part in enumerate(loc)
                       if isinstance(part, str) and _UNION_TAG_RE.match(part)), None)
        if tag_at is None:
            plain.append(error)
            continue
        groups.setdefault(loc[:tag_at], []).append((loc[tag_at], error, loc[tag_at + 1:]))
    for prefix, items in groups.items():
        specific = [(tag, e, rest) for tag, e, rest in items
                    if rest or e["type"] not in _SHAPE_ERRORS]
        if specific:
            plain.extend({**e, "loc": (*prefix, *rest)} for _, e, rest in specific)
            continue
        shapes = sorted({_TYPE_WORDS.get(e["type"], "") or tag for tag, e, _ in items})
        first = items[0][1]
        plain.append({**first, "type": "union_shape", "loc": prefix,
                      "msg": f"must be {' or '.join(shapes)}"})
    return plain


def reference_problems(rubric: Rubric, *, path: str, source_map: SourceMap) -> list[Problem]:
    """Problems the schema cannot see: duplicate ids and unknown level names."""
    problems: list[Problem] = []
    level_ids = [level.id for level in rubric.levels]

    def at(loc: tuple[str | int, ...], message: str, rule: str) -> None:
        mark = source_map.locate(loc)
        problems.append(Problem(mark_file(mark, path), mark.line if mark else None,
                                mark.column if mark else None, message, rule=rule))

    seen_levels: set[str] = set()
    for i, level in enumerate(rubric.levels):
        if level.id in seen_levels:
            at(("levels", i, "id"), f"level id '{level.id}' is defined twice", "duplicate-id")
        seen_levels.add(level.id)
    seen_areas: dict[str, int] = {}
    seen_requirements: dict[str, tuple[int, int]] = {}
    for a, area in enumerate(rubric.areas):
        if area.id in seen_areas:
            at(("areas", a, "id"), f"area id '{area.id}' is already used by areas"
               f"[{seen_areas[area.id]}]", "duplicate-id")
        seen_areas.setdefault(area.id, a)
        if not area.requirements:
            at(("areas", a, "requirements"), f"area '{area.id}' has no requirements",
               "empty")
        for r, requirement in enumerate(area.requirements):
            loc: tuple[str | int, ...] = ("areas", a, "requirements", r)
            if requirement.id in seen_requirements:
                other = seen_requirements[requirement.id]
                at((*loc, "id"), f"requirement id '{requirement.id}' is already used by "
                   f"areas[{other[0]}].requirements[{other[1]}]", "duplicate-id")
            seen_requirements.setdefault(requirement.id, (a, r))
            if requirement.level is not None and requirement.level not in level_ids:
                close = difflib.get_close_matches(requirement.level, level_ids, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"levels: {', '.join(level_ids)}"
                at((*loc, "level"), f"unknown level '{requirement.level}'; {hint}",
                   "unknown-level")
            if not requirement.skills and requirement.years is None and requirement.degree is None:
                at(loc, f"requirement '{requirement.id}' names no skills, years or degree, "
                   "so nothing could ever satisfy it", "unsatisfiable")
            if requirement.skills and requirement.min_skills > len(requirement.skills):
                at((*loc, "min_skills"), f"min_skills is {requirement.min_skills} but only "
                   f"{len(requirement.skills)} skill(s) are listed", "unsatisfiable")
    return problems


def parse_rubric_text(text: str, *, path: str, limits: Limits = DEFAULT_LIMITS,
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
        problems.append(Problem(path, mark.line if mark else 1, mark.column if mark else 1,
                                "a rubric must be a mapping with id, title, version and areas",
                                rule="schema"))
        return None, document, problems
    if source is None:
        source = RubricSource.for_path(Path(path), path) if Path(path).is_file() else \
            RubricSource(display=path, directory=Path(path).parent)
    document, inherited = resolve_extends(document, source=source, limits=limits)
    problems.extend(inherited)
    if any(p.level.value == "error" for p in inherited):
        return None, document, problems
    try:
        rubric = Rubric.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(pydantic_problems(exc, path=path, source_map=document.source_map))
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
    rubric, document, problems = parse_rubric_text(text, path=display, limits=limits,
                                                   source=source)
    errors = tuple(p for p in problems if p.level.value == "error")
    if rubric is None or errors:
        raise RubricError("invalid rubric", path=display, problems=errors or tuple(problems))
    rubric._origin = RubricOrigin(path=display, sha256=combined_sha256(sha256_hex(data), document),
                                  bundled_id=bundled_id)
    return rubric


def bundled_rubric_ids() -> list[str]:
    """Ids of the rubrics shipped with skillgap, sorted."""
    folder = resources.files("skillgap").joinpath("rubrics")
    return sorted(entry.name[:-5] for entry in folder.iterdir()
                  if entry.name.endswith(".yaml"))


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
