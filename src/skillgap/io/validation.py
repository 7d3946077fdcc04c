"""Pydantic models of the files people write, and their validation errors as problems.

Rubrics, ladders and skillgap profiles are :class:`InputModel` subclasses: unknown keys
are refused, values are frozen, text is stripped and numbers must be finite (a weight of
``.inf`` would turn every score into ``nan``). When validation fails,
:func:`pydantic_problems` turns pydantic's errors into :class:`~skillgap.errors.Problem`
values that point at the key or value in the file (through the document's
:class:`~skillgap.io.yaml_source.SourceMap`), one per mistake, with a rule id and a
"did you mean" where one helps.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from ..errors import Problem
from .yaml_source import PathKey, SourceMap, mark_file


class InputModel(BaseModel):
    """Base of every model read from a file a person writes (rubric, ladder, profile)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        populate_by_name=True,
        allow_inf_nan=False,
    )


def model_for(loc: PathKey, root: type[BaseModel]) -> type[BaseModel]:
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


def suggest_key(name: str, allowed: list[str], *, prefer: list[str]) -> str | None:
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
        owner = model_for(loc[:-1], root)
        allowed = sorted(info.alias or key for key, info in owner.model_fields.items())
        missing = [
            k
            for k in allowed
            if owner.model_fields.get(k) is not None
            and owner.model_fields[k].is_required()
            and (*loc[:-1], k) not in source_map.keys
        ]
        unused = [k for k in allowed if (*loc[:-1], k) not in source_map.keys]
        close = suggest_key(name, allowed, prefer=missing or unused)
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
    if kind == "string_too_long":
        length = f"{len(value):,} characters" if isinstance(value, str) else "too"
        return _Pending(
            loc,
            f"'{_loc_text(loc)}' is {length} long; at most {ctx.get('max_length')} "
            "characters are allowed, so shorten it",
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
    if kind == "model_type" and re.search(r"\bskills\[\d+\]$", _loc_text(loc)):
        # A rubric skill may be its name alone or a mapping (rubric.model.SkillEntry).
        message = (
            f"'{_loc_text(loc)}' must be a skill: its name ('- Kubernetes') or a mapping "
            f"with its name and options ('- name: Go'), got {_describe(value)}"
        )
        return _Pending(loc, message, "wrong-type")
    if kind in _TYPE_WORDS:
        message = f"'{_loc_text(loc)}' must be {_TYPE_WORDS[kind]}, got {_describe(value)}"
        if kind == "string_type" and isinstance(value, (int, float, bool, dt.date)):
            message += '; quote it, e.g. "1.0"'
        elif kind == "string_type" and isinstance(value, dict):
            message += "; if the text contains ': ', put the whole text in quotes"
        elif kind == "model_type" and isinstance(value, str):
            required = [
                k for k, info in model_for(loc, root).model_fields.items() if info.is_required()
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
    exc: ValidationError, *, path: str, source_map: SourceMap, root: type[BaseModel]
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
