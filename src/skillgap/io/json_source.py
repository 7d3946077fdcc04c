"""JSON loading that keeps the line of every string and refuses duplicate keys.

The standard library's decoder is used as is; we only wrap its string parser to record
where each string began, then walk the parsed document in the same order to attach
those lines to paths (``work[0].highlights[2]``). Errors keep the decoder's line and
column. Comments and trailing commas (which some JSON Resume exports contain) are
refused with a message saying exactly where they are and how to fix them.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import ProfileError
from ..limits import DEFAULT_LIMITS, Limits

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class JsonDocument:
    """Parsed JSON plus the 1-based line of each string value, keyed by path."""

    data: Any
    lines: dict[PathKey, int]


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str, object_start: int) -> None:
        super().__init__(key)
        self.key = key
        self.object_start = object_start


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _column_of(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1) + 1


def _hint(text: str, exc: json.JSONDecodeError) -> str:
    before = text[: exc.pos].rstrip()
    after = text[exc.pos : exc.pos + 2]
    if after.startswith(("//", "/*")) or before.endswith(("//", "/*")):
        return "JSON does not allow comments; remove them"
    if before.endswith(",") and after[:1] in ("}", "]"):
        return "JSON does not allow a trailing comma; remove the comma before it"
    if exc.msg.startswith("Expecting property name enclosed in double quotes") and before.endswith(
        ","
    ):
        return "JSON does not allow a trailing comma; remove the comma before it"
    if after[:1] == "'":
        return "JSON strings need double quotes"
    if exc.msg.startswith("Expecting value") and exc.pos >= len(text.rstrip()):
        return "the file ends early (truncated?)"
    if exc.msg.startswith("Unterminated string") and '"' not in text[exc.pos + 1 :]:
        return "the file ends early (truncated?)"
    if (
        exc.msg.startswith(("Expecting ',' delimiter", "Expecting ':' delimiter"))
        and exc.pos >= len(text.rstrip()) - 1
    ):
        return "the file ends early (truncated?)"
    return ""


def _json_internal(module: object, name: str) -> Any:
    return getattr(module, name)


def load_json(text: str, *, path: str, limits: Limits = DEFAULT_LIMITS) -> JsonDocument:
    """Parse JSON text, keeping string positions; raise :class:`ProfileError` on any problem."""
    if not text.strip():
        raise ProfileError("file is empty", path=path)
    offsets: list[int] = []

    # These are documented hooks of json.decoder and json.scanner, missing from the stubs.
    original_parse_string: Callable[[str, int, bool], tuple[str, int]] = _json_internal(
        json.decoder, "scanstring"
    )

    def parse_string(s: str, end: int, strict: bool = True) -> tuple[str, int]:
        offsets.append(end - 1)
        return original_parse_string(s, end, strict)

    object_starts: list[int] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise _DuplicateKeyError(key, object_starts[-1] if object_starts else 0)
            result[key] = value
        return result

    original_parse_object: Callable[..., Any] = _json_internal(json.decoder, "JSONObject")

    def parse_object(s_and_end: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
        object_starts.append(s_and_end[1])
        try:
            return original_parse_object(s_and_end, *args, **kwargs)
        finally:
            object_starts.pop()

    decoder = json.JSONDecoder(object_pairs_hook=pairs_hook)
    setattr(decoder, "parse_string", parse_string)  # noqa: B010 - not in the stubs
    setattr(decoder, "parse_object", parse_object)  # noqa: B010
    setattr(decoder, "scan_once", _json_internal(json.scanner, "py_make_scanner")(decoder))  # noqa: B010
    try:
        data, end = decoder.raw_decode(text, len(text) - len(text.lstrip()))
    except _DuplicateKeyError as exc:
        line, column = _find_key(text, exc.key, exc.object_start)
        raise ProfileError(
            f"duplicate key '{exc.key}'; JSON readers would keep only "
            "one of them silently — remove one",
            path=path,
            line=line,
            column=column,
        ) from exc
    except json.JSONDecodeError as exc:
        hint = _hint(text, exc)
        message = f"invalid JSON: {exc.msg}" + (f"; {hint}" if hint else "")
        raise ProfileError(message, path=path, line=exc.lineno, column=exc.colno) from exc
    except RecursionError as exc:
        raise ProfileError(
            f"JSON nesting is deeper than we can read (limit {limits.max_depth})", path=path
        ) from exc
    rest = text[end:].strip()
    if rest:
        offset = end + text[end:].find(rest[0])
        raise ProfileError(
            "invalid JSON: extra data after the document",
            path=path,
            line=_line_of(text, offset),
            column=_column_of(text, offset),
        )
    lines: dict[PathKey, int] = {}
    newlines = [m.start() for m in re.finditer("\n", text)]
    cursor = iter([bisect.bisect_left(newlines, offset) + 1 for offset in offsets])
    _assign(data, (), cursor, lines, depth=0, limits=limits, path=path)
    return JsonDocument(data, lines)


def _find_key(text: str, key: str, start: int) -> tuple[int | None, int | None]:
    pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
    matches = [m.start() for m in pattern.finditer(text, start)]
    if len(matches) >= 2:
        offset = matches[1]
        return _line_of(text, offset), _column_of(text, offset)
    return None, None


def _assign(
    value: Any,
    loc: PathKey,
    cursor: Iterator[int],
    lines: dict[PathKey, int],
    *,
    depth: int,
    limits: Limits,
    path: str,
) -> None:
    if depth > limits.max_depth:
        raise ProfileError(
            f"JSON nesting is deeper than the {limits.max_depth} levels allowed", path=path
        )
    if isinstance(value, dict):
        for key, child in value.items():  # keys are parsed by another path: not recorded
            _assign(child, (*loc, key), cursor, lines, depth=depth + 1, limits=limits, path=path)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _assign(child, (*loc, index), cursor, lines, depth=depth + 1, limits=limits, path=path)
    elif isinstance(value, str):
        line = next(cursor, None)
        if line is not None:
            lines[loc] = line
