"""JSON read with positions (skillgap.io.json_source): a broken file is named with its line
and column, and every value keeps the line it was written on."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from skillgap.errors import ProfileError
from skillgap.io.json_source import LENIENT_MAX_CHARS, LenientRead, load_json
from skillgap.limits import Limits
from skillgap.profiles import load_profile
from tests.helpers.files import write
from tests.helpers.loading import profile_error


def test_truncated_json_error_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "t.json", '{\n  "basics": {\n    "name": "A"\n')
    assert profile_error(path).startswith(f"{path}:4:1: invalid JSON")


def test_json_resume_keeps_line_numbers_of_fields(tmp_path: Path) -> None:
    data = {
        "basics": {"name": "A"},
        "work": [
            {"position": "Dev", "startDate": "2019-01", "highlights": ["Shipped PyTorch models"]}
        ],
    }
    profile = load_profile(write(tmp_path, "r.json", json.dumps(data, indent=2)))
    segment = next(s for s in profile.segments if s.source == "work[0].highlights[0]")
    assert segment.line == 10
    assert profile.jobs[0].start == dt.date(2019, 1, 1)


# --------------------------------------------------------------------------- lenient (JSONC)

JSONC = """// Exported by a JSON Resume theme
{
  "basics": {
    "name": "Ada", /* the name */
    "summary": "Uses // and /* */ in prose, and \\"quotes\\"",
    "url": "https://ada.example.org", // a URL holds // too
  },
  /* a block comment
     over two lines, with a "quote" and a ' */
  "skills": [
    {"name": "ML", "keywords": ["PyTorch", "Kubernetes",],},
  ],
}
"""


def test_comments_and_trailing_commas_are_read_leniently_keeping_strings_whole() -> None:
    document = load_json(JSONC, path="r.json", lenient=True)
    assert document.data == {
        "basics": {
            "name": "Ada",
            "summary": 'Uses // and /* */ in prose, and "quotes"',
            "url": "https://ada.example.org",
        },
        "skills": [{"name": "ML", "keywords": ["PyTorch", "Kubernetes"]}],
    }
    assert document.lenient == LenientRead("a comment", 1, 1)
    assert document.lines == {}  # json5 gives no positions: lines are unknown, not guessed


@pytest.mark.parametrize(
    ("text", "what", "line", "column"),
    [
        ('{"a": "x" /* c */}', "a comment", 1, 11),
        ('{\n  "a": ["x",\n  ],\n}', "a trailing comma", 2, 12),
        ('{"a": {"b": 1,}}', "a trailing comma", 1, 14),
        ('{"a": "x"}\n// a comment after the document\n', "a comment", 2, 1),
    ],
)
def test_the_first_thing_strict_json_refused_is_reported(
    text: str, what: str, line: int, column: int
) -> None:
    document = load_json(text, path="r.json", lenient=True)
    assert document.lenient == LenientRead(what, line, column)


def test_strict_json_is_read_as_before_even_when_lenient_is_allowed(tmp_path: Path) -> None:
    text = json.dumps({"basics": {"name": "A", "summary": "Python // not a comment"}}, indent=2)
    strict = load_json(text, path="r.json")
    lenient = load_json(text, path="r.json", lenient=True)
    assert lenient == strict and lenient.lenient is None
    assert lenient.lines == {("basics", "name"): 3, ("basics", "summary"): 4}


def test_without_lenient_comments_are_still_refused_as_before() -> None:
    with pytest.raises(ProfileError) as caught:
        load_json('{"a": 1 // note\n}', path="report.json")
    assert str(caught.value) == (
        "report.json:1:9: invalid JSON: Expecting ',' delimiter; "
        "JSON does not allow comments; remove them"
    )


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            '// note\n{\n  "a": "x"\n  "b": "y"\n}\n',
            "r.json:4:3",
            (
                "invalid JSON (read as JSON5 because of a comment at line 1): unexpected '\"'; "
                "check for a missing comma, quote or bracket just before it"
            ),
        ),
        (
            '{"a": ["x",], "b": ',
            "r.json:1:20",
            (
                "invalid JSON (read as JSON5 because of a trailing comma at line 1): unexpected "
                "end of the file; it ends early (truncated?) or a bracket, string or /* comment "
                "is left open"
            ),
        ),
        ('{"a": 1 /* never closed\n}', "r.json:2:2", "unexpected end of the file"),
    ],
)
def test_a_file_broken_besides_its_comments_gets_one_line_with_its_position(
    text: str, where: str, message: str
) -> None:
    with pytest.raises(ProfileError) as caught:
        load_json(text, path="r.json", lenient=True)
    error = str(caught.value)
    assert "\n" not in error and error.startswith(f"{where}: ")
    assert message in error


def test_nan_and_infinity_read_as_in_strict_json() -> None:
    strict = load_json("[NaN, Infinity, -Infinity]", path="r.json").data
    lenient = load_json("[NaN, Infinity, -Infinity,] // c", path="r.json", lenient=True).data
    for values in (strict, lenient):
        assert math.isnan(values[0]) and values[1:] == [math.inf, -math.inf]


def test_duplicate_keys_are_refused_in_lenient_reading_too() -> None:
    with pytest.raises(ProfileError) as caught:
        load_json('// c\n{"a": 1,\n "a": 2}', path="r.json", lenient=True)
    assert str(caught.value).startswith("r.json:3:2: duplicate key 'a'")


def test_lenient_reading_keeps_the_nesting_limit() -> None:
    deep = "// c\n" + "[" * 300 + "]" * 300
    with pytest.raises(ProfileError, match="nesting is deeper"):
        load_json(deep, path="r.json", lenient=True)
    with pytest.raises(ProfileError, match="deeper than the 3 levels allowed"):
        load_json("// c\n[[[[[]]]]]", path="r.json", lenient=True, limits=Limits(max_depth=3))


def test_a_number_too_long_to_convert_is_an_error_not_a_crash() -> None:
    with pytest.raises(ProfileError, match="a number of 5,000 digits is too long"):
        load_json("// c\n[" + "9" * 5000 + "]", path="r.json", lenient=True)


def test_huge_texts_are_not_read_leniently() -> None:
    text = '// c\n{"a": "' + "x" * LENIENT_MAX_CHARS + '"}'
    with pytest.raises(ProfileError, match="JSON does not allow comments; remove them"):
        load_json(text, path="r.json", lenient=True)


def test_duplicate_keys_in_strict_json_keep_their_position() -> None:
    with pytest.raises(ProfileError) as caught:
        load_json('{"summary": "a", "summary": "b"}', path="r.json", lenient=True)
    assert str(caught.value) == (
        "r.json:1:18: duplicate key 'summary'; JSON readers would keep only one of them "
        "silently — remove one"
    )
