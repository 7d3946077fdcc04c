"""JSON loading that keeps the line of every string and refuses duplicate keys.

The standard library's decoder is used as is; we only wrap its string parser to record
where each string began, then walk the parsed document in the same order to attach
those lines to paths (``work[0].highlights[2]``). Errors keep the decoder's line and
column. Comments and trailing commas (which some JSON Resume exports contain) are
refused with a message saying exactly where they are and how to fix them — unless the
caller asks for ``lenient`` reading (profiles do; saved reports do not).

Lenient reading, only for a file that strict JSON refuses *because of* a comment or a
trailing comma: the file is read again with the json5 library (JSON5 is a superset of
JSON with ``//`` and ``/* */`` comments and trailing commas, so such a file then reads;
JSON5's other extensions, such as single-quoted strings, are accepted in it too). json5
gives values no positions, so a file read this way has no line numbers (lines of values
are unknown, ``None``); evidence from it still names its field path. We do not strip
comments ourselves to keep the lines: a hand-written JSON5 tokenizer is a second parser
to get wrong. Duplicate keys are still refused, ``NaN`` and ``Infinity`` read as the
standard decoder reads them, and the nesting limit still applies. json5 is pure Python
(about 100 KB of text a second), so files over :data:`LENIENT_MAX_CHARS` are not read
leniently: they get the strict error as before.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import ProfileError
from ..limits import DEFAULT_LIMITS, Limits
from ..text import clean_text

#: What a JSON string may hold that no output should carry: control characters, bidi
#: overrides, and lone surrogates ("\ud800" is valid JSON escaping but no character).
_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def safe_string(value: str) -> str:
    """A JSON string as the rest of skillgap may use it: terminal escapes, control
    characters and bidi overrides removed, a lone surrogate replaced by U+FFFD.

    >>> safe_string("Eve\\x1b]0;title\\x07\\u202e \\ud800")
    'Eve \\ufffd'
    """
    if _UNSAFE_RE.search(value) is None:
        return value
    return clean_text(_SURROGATE_RE.sub("\ufffd", value))


PathKey = tuple[str | int, ...]

#: Longest text (in characters) read leniently, with json5, when strict JSON refuses it.
LENIENT_MAX_CHARS = 500_000


@dataclass(frozen=True)
class LenientRead:
    """Why a document was read as JSON5: the first thing strict JSON refused in it."""

    #: ``"a comment"`` or ``"a trailing comma"``.
    what: str
    line: int
    column: int


@dataclass(frozen=True)
class JsonDocument:
    """Parsed JSON plus the 1-based line of each string value, keyed by path.

    ``lenient`` is set when the text was not strict JSON and was read as JSON5 (then
    ``lines`` is empty: json5 does not say where values are).
    """

    data: Any
    lines: dict[PathKey, int]
    lenient: LenientRead | None = None


class _DuplicateKeyError(Exception):
    # Not a ValueError: json5 turns a ValueError raised in a hook into a bare message.
    def __init__(self, key: str, object_start: int) -> None:
        super().__init__(key)
        self.key = key
        self.object_start = object_start


class _NumberTooLongError(Exception):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


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


def _jsonc_syntax(text: str, pos: int) -> tuple[str, int] | None:
    """``("a comment" | "a trailing comma", offset)`` if strict JSON stopped at ``pos``
    because of one (a file lenient reading can help), else None."""
    before = text[:pos].rstrip()
    if text.startswith(("//", "/*"), pos):
        return "a comment", pos
    if before.endswith(("//", "/*")):
        return "a comment", len(before) - 2
    if before.endswith(",") and text[pos : pos + 1] in ("}", "]"):
        return "a trailing comma", len(before) - 1
    return None


def _json_internal(module: object, name: str) -> Any:
    return getattr(module, name)


def load_json(
    text: str, *, path: str, limits: Limits = DEFAULT_LIMITS, lenient: bool = False
) -> JsonDocument:
    """Parse JSON text, keeping string positions; raise :class:`ProfileError` on any problem.

    With ``lenient``, text that strict JSON refuses because of a comment or a trailing
    comma is read as JSON5 instead (see the module's documentation):

    >>> doc = load_json('{"a": ["x",], // note\\n}', path="p.json", lenient=True)
    >>> doc.data, doc.lines, doc.lenient
    ({'a': ['x']}, {}, LenientRead(what='a trailing comma', line=1, column=11))
    """
    if not text.strip():
        raise ProfileError("file is empty", path=path)
    offsets: list[int] = []

    # These are documented hooks of json.decoder and json.scanner, missing from the stubs.
    original_parse_string: Callable[[str, int, bool], tuple[str, int]] = _json_internal(
        json.decoder, "scanstring"
    )

    def parse_string(s: str, end: int, strict: bool = True) -> tuple[str, int]:
        offsets.append(end - 1)
        value, after = original_parse_string(s, end, strict)
        return safe_string(value), after

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

    decoder = json.JSONDecoder(object_pairs_hook=pairs_hook, parse_int=_whole_number)
    setattr(decoder, "parse_string", parse_string)  # noqa: B010 - not in the stubs
    setattr(decoder, "parse_object", parse_object)  # noqa: B010
    setattr(decoder, "scan_once", _json_internal(json.scanner, "py_make_scanner")(decoder))  # noqa: B010
    lenient = lenient and len(text) <= LENIENT_MAX_CHARS
    jsonc: tuple[str, int] | None = None
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
        jsonc = _jsonc_syntax(text, exc.pos) if lenient else None
        if jsonc is None:
            hint = _hint(text, exc)
            message = f"invalid JSON: {exc.msg}" + (f"; {hint}" if hint else "")
            raise ProfileError(message, path=path, line=exc.lineno, column=exc.colno) from exc
    except RecursionError as exc:
        raise ProfileError(
            f"JSON nesting is deeper than we can read (limit {limits.max_depth})", path=path
        ) from exc
    except _NumberTooLongError as exc:
        raise _number_too_long(text, exc, path) from exc
    if jsonc is not None:
        return _load_lenient(text, jsonc, path=path, limits=limits)
    rest = text[end:].strip()
    if rest:
        offset = end + text[end:].find(rest[0])
        if lenient and rest.startswith(("//", "/*")):
            return _load_lenient(text, ("a comment", offset), path=path, limits=limits)
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


def _number_too_long(text: str, exc: _NumberTooLongError, path: str) -> ProfileError:
    """The error for a number with more digits than anyone writes, at its place."""
    found = re.search(rf"\d{{{exc.digits},}}", text)
    return ProfileError(
        f"a number of {exc.digits} digits; no field of a profile or report holds one, "
        "so the file is damaged or hostile — fix or remove it",
        path=path,
        line=_line_of(text, found.start()) if found else None,
        column=_column_of(text, found.start()) if found else None,
    )


def _find_key(text: str, key: str, start: int) -> tuple[int | None, int | None]:
    pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
    matches = [m.start() for m in pattern.finditer(text, start)]
    if len(matches) >= 2:
        offset = matches[1]
        return _line_of(text, offset), _column_of(text, offset)
    return None, None


# --------------------------------------------------------------------------- lenient


def _unique_pairs(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key, -1)
        result[key] = value
    return result


def _whole_number(digits: str, base: int = 10) -> int:
    """``int()`` for json5 (which passes ``base=16`` for hexadecimal), with a number too
    long for Python to convert reported as such rather than as a syntax error."""
    try:
        return int(digits, base)
    except ValueError as exc:
        raise _NumberTooLongError(len(digits.lstrip("+-"))) from exc


def _load_lenient(text: str, jsonc: tuple[str, int], *, path: str, limits: Limits) -> JsonDocument:
    """Read ``text`` as JSON5; ``jsonc`` is what strict JSON refused first, and where."""
    import json5  # only a file that needs it pays for the import

    what, where = jsonc
    reason = f"read as JSON5 because of {what} at line {_line_of(text, where)}"
    try:
        data, error, position = json5.parse(
            text, object_pairs_hook=_unique_pairs, parse_int=_whole_number
        )
    except _DuplicateKeyError as exc:
        # Without positions, the second "key": is only certainly the duplicate when the
        # text holds exactly two.
        pattern = re.compile(re.escape(json.dumps(exc.key)) + r"\s*:")
        matches = [m.start() for m in pattern.finditer(text)]
        offset = matches[1] if len(matches) == 2 else None
        raise ProfileError(
            f"duplicate key '{exc.key}'; JSON readers would keep only "
            "one of them silently — remove one",
            path=path,
            line=_line_of(text, offset) if offset is not None else None,
            column=_column_of(text, offset) if offset is not None else None,
        ) from exc
    except _NumberTooLongError as exc:
        raise ProfileError(
            f"invalid JSON: a number of {exc.digits:,} digits is too long to read ({reason})",
            path=path,
        ) from exc
    except RecursionError as exc:
        raise ProfileError(
            f"JSON nesting is deeper than we can read ({reason}); remove the comments and "
            "trailing commas to read it as strict JSON",
            path=path,
        ) from exc
    if error is not None:
        if position >= len(text.rstrip()):
            problem = (
                "unexpected end of the file; it ends early (truncated?) or a bracket, "
                "string or /* comment is left open"
            )
        else:
            char = text[position]
            shown = {"\n": "line break", "\r": "line break", "\t": "tab"}.get(char, f"'{char}'")
            problem = (
                f"unexpected {shown}; check for a missing comma, quote or bracket just before it"
            )
        raise ProfileError(
            f"invalid JSON ({reason}): {problem}",
            path=path,
            line=_line_of(text, position),
            column=_column_of(text, position),
        )
    _assign(data, (), iter(()), {}, depth=0, limits=limits, path=path)
    return JsonDocument(
        clean_json(data), {}, LenientRead(what, _line_of(text, where), _column_of(text, where))
    )


def clean_json(value: Any) -> Any:
    """Every string (and key) of parsed JSON made safe (:func:`safe_string`), as the
    strict reader here makes them while it reads: for json5's output and for lines read
    with :func:`json.loads` (a batch's ``--resume`` file). Its depth must be bounded."""
    if isinstance(value, str):
        return safe_string(value)
    if isinstance(value, dict):
        return {safe_string(k): clean_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_json(v) for v in value]
    return value


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
