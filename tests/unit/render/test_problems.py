"""Problem formatters (skillgap.render.problems): text, JSON and GitHub annotations are
pure, exact and inert."""

from __future__ import annotations

import json

import pytest

from skillgap.errors import Level, Problem
from skillgap.render.formats import ProblemFormat
from skillgap.render.problems import (
    FORMATTERS,
    format_github,
    format_json,
    format_text,
    render_problems,
    summary,
)

PROBLEMS = [
    Problem(
        "rubrics/role.yaml",
        3,
        5,
        "unknown key 'wieght' in areas[0]; did you mean 'weight'?",
        rule="unknown-key",
    ),
    Problem(
        "rubrics/role.yaml",
        40,
        23,
        "'R' is 1 letter long",
        level=Level.WARNING,
        rule="unguarded-form",
    ),
    Problem(
        "rubrics/role.yaml",
        41,
        19,
        "'SQL' appears in 'Spark SQL'",
        level=Level.INFO,
        rule="contained-form",
    ),
    Problem("rubrics/gone.yaml", None, None, "no such file or directory", rule="unreadable"),
]


def test_every_format_has_a_formatter() -> None:
    assert set(FORMATTERS) == set(ProblemFormat)
    for fmt in ProblemFormat:
        assert render_problems(PROBLEMS, fmt, files=["rubrics/role.yaml"]).endswith("\n")


def test_text_is_one_line_per_problem_with_position_level_and_rule() -> None:
    assert format_text(PROBLEMS) == (
        "rubrics/role.yaml:3:5: error: unknown key 'wieght' in areas[0]; did you mean "
        "'weight'? [unknown-key]\n"
        "rubrics/role.yaml:40:23: warning: 'R' is 1 letter long [unguarded-form]\n"
        "rubrics/role.yaml:41:19: info: 'SQL' appears in 'Spark SQL' [contained-form]\n"
        "rubrics/gone.yaml: error: no such file or directory [unreadable]\n"
    )


def test_github_annotations_name_file_line_and_column() -> None:
    assert format_github(PROBLEMS) == (
        "::error file=rubrics/role.yaml,line=3,col=5::unknown key 'wieght' in areas[0]; "
        "did you mean 'weight'? [unknown-key]\n"
        "::warning file=rubrics/role.yaml,line=40,col=23::'R' is 1 letter long "
        "[unguarded-form]\n"
        "::notice file=rubrics/role.yaml,line=41,col=19::'SQL' appears in 'Spark SQL' "
        "[contained-form]\n"
        "::error file=rubrics/gone.yaml::no such file or directory [unreadable]\n"
    )


def test_github_annotations_cannot_be_broken_out_of() -> None:
    """A message or file name cannot start a new workflow command or a new property."""
    hostile = Problem("a,b:c%.yaml", 1, 1, "bad\n::set-env name=X::1 100%\r", rule="x")
    assert format_github([hostile]) == (
        "::error file=a%2Cb%3Ac%25.yaml,line=1,col=1::bad%0A::set-env name=X::1 100%25%0A [x]\n"
    )


def test_text_output_is_inert() -> None:
    """Terminal escapes from the input are dropped and line breaks folded."""
    hostile = Problem("r.yaml", 1, 1, "unknown key 'a\x1b[2Jb\nc'", rule="unknown-key")
    assert format_text([hostile]) == "r.yaml:1:1: error: unknown key 'ab c' [unknown-key]\n"


def test_json_is_a_stable_object_of_problems() -> None:
    document = json.loads(format_json(PROBLEMS, files=["rubrics/role.yaml"]))
    assert document == {
        "schema_version": "1",
        "files": ["rubrics/role.yaml"],
        "counts": {"error": 2, "warning": 1, "info": 1},
        "problems": [
            {
                "file": "rubrics/role.yaml",
                "line": 3,
                "column": 5,
                "level": "error",
                "rule": "unknown-key",
                "message": PROBLEMS[0].message,
            },
            {
                "file": "rubrics/role.yaml",
                "line": 40,
                "column": 23,
                "level": "warning",
                "rule": "unguarded-form",
                "message": "'R' is 1 letter long",
            },
            {
                "file": "rubrics/role.yaml",
                "line": 41,
                "column": 19,
                "level": "info",
                "rule": "contained-form",
                "message": "'SQL' appears in 'Spark SQL'",
            },
            {
                "file": "rubrics/gone.yaml",
                "line": None,
                "column": None,
                "level": "error",
                "rule": "unreadable",
                "message": "no such file or directory",
            },
        ],
    }
    assert format_json(PROBLEMS, files=["x"]) == format_json(list(PROBLEMS), files=["x"])


@pytest.mark.parametrize(
    ("problems", "files", "strict", "expected"),
    [
        ([], ["a.yaml"], False, "1 file checked: no problems"),
        (PROBLEMS, ["a.yaml", "b.yaml"], False, "2 files checked: 2 errors, 1 warning, 1 note"),
        (
            PROBLEMS[1:2],
            ["a.yaml"],
            True,
            "1 file checked: 1 warning (warnings fail with --strict)",
        ),
    ],
)
def test_summary_line(
    problems: list[Problem], files: list[str], strict: bool, expected: str
) -> None:
    assert summary(problems, files=files, strict=strict) == expected
