"""Problem formatters: tiny pure functions from problems to a string, one per format.

* ``text`` — one line per problem, ``file:line:col: level: message [rule]`` (what
  editors and ``grep`` understand);
* ``json`` — a stable object: ``schema_version``, the files checked, counts by level and
  every problem with ``file``, ``line``, ``column``, ``level``, ``rule``, ``message``;
* ``github`` — GitHub Actions workflow commands (``::error file=…,line=…,col=…::…``),
  which GitHub shows as annotations on the pull request.

Every format in :class:`ProblemFormat` has exactly one formatter in :data:`FORMATTERS`
(a test walks the enum). Nothing from the input can drive the terminal or inject a
workflow command: control characters are removed and line breaks folded in text
output, and GitHub's own escaping is applied to annotations.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from ..errors import Level, Problem
from ..text import clean_text
from .formats import ProblemFormat

#: Version of the JSON output; bump on any change a consumer could notice.
PROBLEMS_SCHEMA_VERSION = "1"


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def format_text(problems: Sequence[Problem], *, files: Sequence[str] = ()) -> str:
    """``file:line:col: level: message [rule]``, one problem per line.

    >>> format_text([Problem("r.yaml", 3, 5, "unknown key 'wieght'", rule="unknown-key")])
    "r.yaml:3:5: error: unknown key 'wieght' [unknown-key]\\n"
    """
    return "".join(_one_line(str(problem)) + "\n" for problem in problems)


def _counts(problems: Sequence[Problem]) -> dict[str, int]:
    return {level.value: sum(1 for p in problems if p.level is level) for level in Level}


def format_json(problems: Sequence[Problem], *, files: Sequence[str] = ()) -> str:
    """A stable JSON object with every problem (fixed key order, problems in file order).

    >>> json.loads(format_json([], files=["r.yaml"]))["counts"]
    {'error': 0, 'warning': 0, 'info': 0}
    """
    document = {
        "schema_version": PROBLEMS_SCHEMA_VERSION,
        "files": list(files),
        "counts": _counts(problems),
        "problems": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "level": p.level.value,
                "rule": p.rule,
                "message": p.message,
            }
            for p in problems
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


_GITHUB_COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def _github_data(text: str) -> str:
    """Escape a workflow command's message (GitHub's rules: %, CR, LF)."""
    return clean_text(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """Escape a workflow command property value (also ':' and ',')."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem], *, files: Sequence[str] = ()) -> str:
    """GitHub Actions annotations: ``::error file=F,line=L,col=C::message [rule]``.

    >>> format_github([Problem("r.yaml", 3, 5, "bad", rule="unknown-key")])
    '::error file=r.yaml,line=3,col=5::bad [unknown-key]\\n'
    """
    lines = []
    for problem in problems:
        properties = [f"file={_github_property(problem.file)}"]
        if problem.line is not None:
            properties.append(f"line={problem.line}")
            if problem.column is not None:
                properties.append(f"col={problem.column}")
        suffix = f" [{problem.rule}]" if problem.rule else ""
        lines.append(
            f"::{_GITHUB_COMMANDS[problem.level]} {','.join(properties)}::"
            f"{_github_data(problem.message + suffix)}\n"
        )
    return "".join(lines)


ProblemFormatter = Callable[..., str]

#: Format -> formatter. Each takes the problems and, by keyword, the files checked.
FORMATTERS: dict[ProblemFormat, ProblemFormatter] = {
    ProblemFormat.TEXT: format_text,
    ProblemFormat.JSON: format_json,
    ProblemFormat.GITHUB: format_github,
}


def render_problems(
    problems: Sequence[Problem], fmt: ProblemFormat | str, *, files: Sequence[str] = ()
) -> str:
    """Format ``problems`` in ``fmt``."""
    return FORMATTERS[ProblemFormat(fmt)](problems, files=files)


def summary(problems: Sequence[Problem], *, files: Sequence[str], strict: bool = False) -> str:
    """One line for people: how many files, how many problems of each level.

    >>> summary([], files=["a.yaml", "b.yaml"])
    '2 files checked: no problems'
    """
    checked = f"{len(files)} file{'s' if len(files) != 1 else ''} checked"
    counts = _counts(problems)
    words = {"error": "error", "warning": "warning", "info": "note"}
    parts = [
        f"{counts[level.value]} {words[level.value]}{'s' if counts[level.value] != 1 else ''}"
        for level in Level
        if counts[level.value]
    ]
    if not parts:
        return f"{checked}: no problems"
    note = " (warnings fail with --strict)" if strict and counts["warning"] else ""
    return f"{checked}: {', '.join(parts)}{note}"


__all__ = [
    "FORMATTERS",
    "PROBLEMS_SCHEMA_VERSION",
    "ProblemFormat",
    "format_github",
    "format_json",
    "format_text",
    "render_problems",
    "summary",
]
