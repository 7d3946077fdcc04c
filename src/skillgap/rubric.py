"""Rubric models, loading with positions, and the bundled rubric registry.

A rubric describes a role: areas, each with weighted requirements, each satisfied by
skills (with aliases and matching guards), years of experience and/or a degree. The
format is documented in ``docs/rubric-format.md``; the models below are its source of
truth (``skillgap schema rubric`` exports them as JSON Schema).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError
from pydantic.config import JsonDict
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from .errors import Problem, RubricError, UnknownRubricError
from .inheritance import RubricSource, combined_sha256, mark_file, resolve_extends
from .limits import DEFAULT_LIMITS, Limits
from .textio import decode_text, read_bytes, sha256_hex
from .yamlsource import PathKey, SourceMap, YamlDocument, parse_yaml

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


def _model_for(loc: PathKey, root: type[BaseModel]) -> type[BaseModel]:
    """The model class that owns the mapping at ``loc`` (for 'did you mean')."""
    model: type[BaseModel] = root
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = _field(model, part)
        if field_info is None:
            return model
        inner = _inner_model(field_info.annotation)
        if inner is None:
            return model
        model = inner
    return model


def _field(model: type[BaseModel], key: str) -> FieldInfo | None:
    """The field of ``model`` written as ``key`` (its name or its alias)."""
    found = model.model_fields.get(key)
    if found is not None:
        return found
    for info in model.model_fields.values():
        if info.alias == key:
            return info
    return None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _union_members(annotation: Any) -> tuple[Any, ...]:
    """The non-None members of a union annotation (one member for anything else)."""
    if get_origin(annotation) in (Union, types.UnionType):
        return tuple(a for a in get_args(annotation) if a is not type(None))
    return (annotation,)


def _element(annotation: Any) -> Any:
    """The item type of a tuple[X, ...] or list[X] annotation (None if not a sequence)."""
    if get_origin(annotation) in (tuple, list):
        args = get_args(annotation)
        return args[0] if args else None
    return None


@dataclass(frozen=True)
class ErrorLocation:
    """Where a pydantic error points, with union-member tags taken out.

    pydantic puts the name of the union member it tried into the error location
    (``skills.0.ProfileSkill.name``, ``start.constrained-str``); those are not keys in
    the file. ``loc`` is the location in the document, ``branch`` the member tried (if
    any) and ``branch_at`` how many parts of ``loc`` lead to the union.
    """

    loc: PathKey
    branch: str | None = None
    branch_at: int = 0


def error_location(raw: tuple[int | str, ...], root: type[BaseModel]) -> ErrorLocation:
    """Split a pydantic error location into document path and union-member tag."""
    clean: list[str | int] = []
    annotation: Any = root
    branch: str | None = None
    branch_at = 0
    for part in raw:
        members = _union_members(annotation) if annotation is not None else ()
        if isinstance(part, int):
            clean.append(part)
            annotation = _element(members[0]) if len(members) == 1 else None
            continue
        if len(members) > 1 and branch is None:
            # A union: this part names the member pydantic tried, not a key.
            branch, branch_at = part, len(clean)
            annotation = next((m for m in members if getattr(m, "__name__", None) == part), None)
            continue
        clean.append(part)
        model = members[0] if len(members) == 1 else None
        if isinstance(model, type) and issubclass(model, BaseModel):
            info = _field(model, part)
            annotation = info.annotation if info is not None else None
        else:
            annotation = None
    return ErrorLocation(tuple(clean), branch, branch_at)


def _loc_text(loc: PathKey) -> str:
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
    "date_type": "a date",
    "date_parsing": "a date",
    "date_from_datetime_parsing": "a date",
}

#: Words for the union members pydantic names in error locations.
_BRANCH_WORDS = {
    "str": "text",
    "constrained-str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "date": "a date",
    "datetime": "a date and time",
}

_RANGE_WORDS = {
    "greater_than": ("gt", "greater than"),
    "greater_than_equal": ("ge", "at least"),
    "less_than": ("lt", "less than"),
    "less_than_equal": ("le", "at most"),
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


def _key_words(key: str) -> str:
    """A key reduced for comparison: case and -, space or _ between words ignored."""
    return key.lower().replace("-", "_").replace(" ", "_")


def _suggest_key(name: str, allowed: list[str], *, prefer: list[str]) -> str | None:
    """The allowed key that ``name`` most likely meant (misspelt, wrong case, hyphens)."""
    reduced = {_key_words(key): key for key in allowed}
    if _key_words(name) in reduced:
        return reduced[_key_words(name)]
    for pool in (prefer, allowed):
        close = difflib.get_close_matches(
            _key_words(name), [_key_words(k) for k in pool], n=1, cutoff=0.6
        )
        if close:
            return reduced[close[0]]
    return None


def _range_hint(loc: PathKey, value: Any) -> str:
    if loc and loc[-1] == "weight":
        return (
            "; weights are relative, so any positive number works (e.g. 1, 2, 0.5); "
            "to take something out of the score, delete it"
        )
    if loc and loc[-1] == "years" and isinstance(value, (int, float)) and value <= 0:
        return "; leave 'years' out if no minimum is asked"
    return ""


@dataclass
class _Pending:
    """A problem being built, before positions are looked up."""

    loc: PathKey
    message: str
    rule: str
    key: bool = False
    #: For an unknown key: the key it probably meant.
    suggestion: str | None = None
    #: For a missing key: its name.
    missing: str | None = None


@dataclass(frozen=True)
class _Error:
    """A pydantic error with its location split into path and union member."""

    details: ErrorDetails
    where: ErrorLocation

    @property
    def kind(self) -> str:
        return self.details["type"]

    @property
    def loc(self) -> PathKey:
        return self.where.loc

    @property
    def base(self) -> PathKey:
        """The path up to the union whose member this error is about (or the whole path)."""
        return self.loc[: self.where.branch_at] if self.where.branch else self.loc

    @property
    def rest(self) -> PathKey:
        """The path inside the union member."""
        return self.loc[self.where.branch_at :] if self.where.branch else ()


def _pending_for(error: _Error, root: type[BaseModel], source_map: SourceMap) -> _Pending:
    details, loc, kind = error.details, error.loc, error.kind
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    where = f"in {_loc_text(loc[:-1])}" if len(loc) > 1 else "at the top level"
    value = details.get("input")
    ctx: dict[str, Any] = dict(details.get("ctx") or {})
    if kind == "extra_forbidden":
        owner = _model_for(loc[:-1], root)
        allowed = sorted(info.alias or key for key, info in owner.model_fields.items())
        missing = [
            k
            for k in allowed
            if owner.model_fields.get(k) is not None
            and owner.model_fields[k].is_required()
            and (*loc[:-1], k) not in source_map.keys
        ]
        unused = [k for k in allowed if (*loc[:-1], k) not in source_map.keys]
        close = _suggest_key(name, allowed, prefer=missing or unused)
        hint = f"did you mean '{close}'?" if close else f"allowed keys: {', '.join(allowed)}"
        return _Pending(
            loc, f"unknown key '{name}' {where}; {hint}", "unknown-key", key=True, suggestion=close
        )
    if kind == "missing":
        return _Pending(
            loc[:-1], f"missing required key '{name}' {where}", "missing-key", missing=name
        )
    if kind == "finite_number":
        return _Pending(
            loc,
            f"'{_loc_text(loc)}' must be a finite number, got {_describe(value)}",
            "out-of-range",
        )
    if kind in _RANGE_WORDS:
        ctx_key, words = _RANGE_WORDS[kind]
        return _Pending(
            loc,
            f"'{_loc_text(loc)}' must be {words} {ctx.get(ctx_key):g}, got "
            f"{_describe(value)}{_range_hint(loc, value)}",
            "out-of-range",
        )
    if kind in ("too_short", "too_long"):
        if kind == "too_short" and loc == ("areas",):
            return _Pending(loc, "'areas' is empty; a rubric needs at least one area", "empty")
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        words = "at least" if kind == "too_short" else "at most"
        return _Pending(
            loc,
            f"'{_loc_text(loc)}' must have {words} {bound} item(s), got {ctx.get('actual_length')}",
            "out-of-range",
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        allowed = re.findall(r"'([^']*)'", expected)
        message = f"'{_loc_text(loc)}' is {_describe(value)}; allowed values: {expected}"
        if isinstance(value, str):
            close_values = difflib.get_close_matches(
                value.strip().lower(), allowed, n=1, cutoff=0.5
            )
            if close_values:
                message += f"; did you mean '{close_values[0]}'?"
        return _Pending(loc, message, "bad-value")
    if kind in _TYPE_WORDS:
        message = f"'{_loc_text(loc)}' must be {_TYPE_WORDS[kind]}, got {_describe(value)}"
        if kind == "string_type" and isinstance(value, (int, float, bool, dt.date)):
            message += '; quote it, e.g. "1.0"'
        elif kind == "string_type" and isinstance(value, dict):
            message += "; if the text contains ': ', put the whole text in quotes"
        elif kind == "model_type" and isinstance(value, str):
            required = [
                k for k, info in _model_for(loc, root).model_fields.items() if info.is_required()
            ]
            if required:
                message += f"; write it as '{required[0]}: {value}' under a '-'"
        return _Pending(loc, message, "wrong-type")
    text = details["msg"]
    message = f"'{_loc_text(loc)}': {text[:1].lower()}{text[1:]}"
    if "input" in details and not isinstance(value, (dict, list)):
        message += f", got {_describe(value)}"
    return _Pending(loc, message, "schema")


def _union_summary(loc: PathKey, errors: list[_Error]) -> _Pending:
    """One problem for a value that matched none of a union's members."""
    words: list[str] = []
    for error in errors:
        branch = error.where.branch or ""
        word = _BRANCH_WORDS.get(branch, "a mapping" if branch[:1].isupper() else branch)
        if word not in words:
            words.append(word)
    expected = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    value = next((e.details.get("input") for e in errors if e.rest == ()), None)
    return _Pending(
        loc, f"'{_loc_text(loc)}' must be {expected}, got {_describe(value)}", "wrong-type"
    )


def pydantic_problems(
    exc: ValidationError, *, path: str, source_map: SourceMap, root: type[BaseModel] = Rubric
) -> list[Problem]:
    """Turn pydantic errors into positioned, human problems, one per mistake.

    Each problem points at the key or value in the file that caused it and has a rule id:
    ``unknown-key`` (with "did you mean"), ``missing-key``, ``wrong-type``, ``bad-value``
    (with the allowed values), ``out-of-range``, ``empty`` or ``schema``. Noise is removed:
    a misspelt required key is one problem, not "unknown key" plus "missing key"; a value
    that fits no member of a union is one problem listing what would fit; "list too short"
    is not repeated for a list whose items already have errors.
    """
    errors = [
        _Error(details, error_location(tuple(details["loc"]), root))
        for details in exc.errors(include_url=False)
    ]
    pending: list[_Pending] = []
    # Union errors: when the value is a mapping, the errors of the mapping member are
    # the real ones; otherwise say once what the value may be.
    unions: dict[PathKey, list[_Error]] = {}
    for error in errors:
        if error.where.branch is not None:
            unions.setdefault(error.base, []).append(error)
    chosen: list[_Error] = []
    for base, members in unions.items():
        deep = [e for e in members if (e.where.branch or "")[:1].isupper() and e.rest != ()]
        if deep:
            chosen.extend(e for e in members if e.where.branch == deep[0].where.branch)
        else:
            pending.append(_union_summary(base, members))
    plain = [e for e in errors if e.where.branch is None] + chosen
    with_errors_inside = {e.loc[:n] for e in plain for n in range(len(e.loc))}
    for error in plain:
        if error.kind == "too_short" and error.loc in with_errors_inside:
            continue  # "at least 1 item after validation": its items failed, already said
        pending.append(_pending_for(error, root, source_map))

    # A misspelt required key: say it once, at the misspelling.
    missing = {(p.loc, p.missing): p for p in pending if p.missing}
    for problem in pending:
        twin = (
            missing.pop((problem.loc[:-1], problem.suggestion), None)
            if problem.suggestion
            else None
        )
        if twin is not None:
            problem.message += f" ('{problem.suggestion}' is required and missing)"
            pending.remove(twin)

    problems = []
    for item in pending:
        mark = source_map.locate(item.loc, prefer_key=item.key)
        problems.append(
            Problem(
                mark_file(mark, path),
                mark.line if mark else None,
                mark.column if mark else None,
                item.message,
                rule=item.rule,
            )
        )
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.rule, p.message))


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
