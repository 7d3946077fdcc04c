"""Structured profiles (YAML or JSON) read with positions, and what their readers share.

Both structured formats, skillgap's own profile (:mod:`.skillgap_profile`) and JSON
Resume (:mod:`.json_resume`), arrive as YAML or JSON; :func:`parse_structured` parses
either keeping the line of every value (:class:`Located`), so evidence can cite a line.

JSON is read leniently: a JSON profile with comments or trailing commas (as some JSON
Resume exports have) is read as JSON5 with a warning, and without line numbers (see
:mod:`skillgap.io.json_source`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import ProfileError
from ..io.json_source import LenientRead, load_json
from ..io.yaml_source import SourceMap, parse_yaml
from ..limits import Limits
from .dates import parse_date

PathKey = tuple[str | int, ...]
DateValue = str | int | dt.date | None


# --------------------------------------------------------------------------- models


# --------------------------------------------------------------------------- parsing


class Located:
    """Data plus line lookup, whatever the syntax (YAML or JSON)."""

    def __init__(
        self,
        data: Any,
        lines: dict[PathKey, int] | None = None,
        source_map: SourceMap | None = None,
        warnings: tuple[str, ...] = (),
    ) -> None:
        self.data = data
        self._lines = lines or {}
        self.source_map = source_map or SourceMap()
        #: What the profile's report should warn about how the file was read.
        self.warnings = warnings

    def line(self, loc: PathKey) -> int | None:
        if loc in self._lines:
            return self._lines[loc]
        mark = self.source_map.values.get(loc)
        return mark.line if mark else None


def parse_structured(text: str, *, path: Path, display: str, limits: Limits) -> Located:
    """Parse YAML or JSON (by extension, else by first character) keeping lines.

    JSON with comments or trailing commas is read as JSON5, with a warning and no lines.
    """
    if path.suffix.lower() == ".json" or (
        path.suffix.lower() not in (".yaml", ".yml")
        and text.lstrip().startswith(("{", "[", "//", "/*"))
    ):
        document = load_json(text, path=display, limits=limits, lenient=True)
        warnings = (lenient_warning(document.lenient),) if document.lenient else ()
        return Located(document.data, lines=document.lines, warnings=warnings)
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
    return Located(yaml_doc.data, source_map=yaml_doc.source_map)


def lenient_warning(read: LenientRead) -> str:
    """The report's warning for a JSON file read as JSON5 (comments, trailing commas).

    >>> lenient_warning(LenientRead("a comment", 3, 5)).split(":")[0]
    'not strict JSON (a comment at line 3, column 5)'
    """
    return (
        f"not strict JSON ({read.what} at line {read.line}, column {read.column}): read as "
        "JSON with comments and trailing commas (JSON5); evidence from it has no line numbers"
    )


def date_value(value: Any, *, end: bool) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        return parse_date(str(value), end=end)
    if isinstance(value, str):
        return parse_date(value, end=end)
    return None


def path_text(loc: PathKey) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def not_a_profile_reason(data: Any) -> str | None:
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


# --------------------------------------------------------------------------- JSON Resume
