"""Comments in a rubric that silence lint rules, and the problems with those comments.

::

    aliases: [LLMOps]  # skillgap: disable=cross-match
    # skillgap: disable=cross-match        (alone on a line: applies to the next line)
    # skillgap: disable-file=contained-form

A comment silences problems in the file it is in, which may be a rubric that the file
being validated extends. A comment that names an unknown rule, a rule that cannot be
silenced, or silences nothing is itself a ``suppression`` problem.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Level, Problem
from ..io.read import decode_text, read_bytes
from ..rubric.bundled import bundled_text_for_display
from .registry import RULES

_DIRECTIVE_RE = re.compile(r"(?:^|\s)(#\s*skillgap:\s*(disable|disable-file)\s*(?:=\s*(.*))?)$")


@dataclass
class _Directive:
    line: int
    column: int
    scope: str  # "line" or "file"
    target: int  # the line it applies to (0 for the whole file)
    rules: list[str]
    used: set[str] = field(default_factory=set)


def _directives(text: str) -> list[_Directive]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "skillgap:" not in line:
            continue
        match = _DIRECTIVE_RE.search(line.rstrip())
        if match is None:
            continue
        column = match.start(1) + 1
        alone = not line[: match.start(1)].strip()
        scope = "file" if match.group(2) == "disable-file" else "line"
        target = 0 if scope == "file" else (number + 1 if alone else number)
        rules = [r.strip() for r in (match.group(3) or "").split(",") if r.strip()]
        found.append(_Directive(number, column, scope, target, rules))
    return found


def apply_suppressions(
    problems: list[Problem], text: str, path: str, running: frozenset[str], *, complete: bool = True
) -> list[Problem]:
    """Drop lint problems silenced by a comment in the file they point into.

    A problem usually points into the file being validated; one that points into another
    file (a rubric this one builds on) is silenced by that file's comments, read from
    disk. Comments that silence nothing are reported for the file being validated only,
    and only when the lint rules ran on the whole rubric (``complete``): after a schema
    error they ran on a repaired copy, or not at all, and a comment that looks unused may
    be needed once the error is fixed.
    """
    directives: dict[str, list[_Directive]] = {path: _directives(text)}
    kept = []
    for problem in problems:
        rule = RULES.get(problem.rule)
        silenced = False
        if rule is not None and rule.configurable:
            if problem.file not in directives:
                directives[problem.file] = _directives(_read_quietly(problem.file))
            for directive in directives[problem.file]:
                if problem.rule in directive.rules and directive.target in (0, problem.line):
                    directive.used.add(problem.rule)
                    silenced = True
        if not silenced:
            kept.append(problem)
    for directive in directives[path]:
        kept.extend(_directive_problems(directive, path, running if complete else frozenset()))
    return kept


def _read_quietly(file: str) -> str:
    """The text of another file a problem points into, or '' if it cannot be read.

    Bundled rubrics are named as :func:`skillgap.rubric.load_rubric` names them,
    ``principal-ml-engineer.yaml (bundled)``, and read from the package.
    """
    bundled = bundled_text_for_display(file)
    if bundled is not None:
        return bundled
    try:
        return decode_text(read_bytes(Path(file)), path=file, detect=False)
    except (InputError, OSError, UnicodeDecodeError):
        return ""


def _directive_problems(
    directive: _Directive, path: str, running: frozenset[str]
) -> Iterator[Problem]:
    def problem(message: str) -> Problem:
        return Problem(
            path, directive.line, directive.column, message, level=Level.WARNING, rule="suppression"
        )

    if not directive.rules:
        yield problem(
            "a 'skillgap: disable' comment must name the rules it silences, e.g. "
            "'# skillgap: disable=cross-match'"
        )
    for rule_id in directive.rules:
        rule = RULES.get(rule_id)
        if rule is None:
            close = difflib.get_close_matches(rule_id, list(RULES), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            yield problem(f"unknown rule '{rule_id}' in a 'skillgap: disable' comment{hint}")
        elif not rule.configurable:
            yield problem(
                f"rule '{rule_id}' cannot be silenced: {rule.stage} problems always apply"
            )
        elif rule_id in running and rule_id not in directive.used:
            where = "in this file" if directive.scope == "file" else f"on line {directive.target}"
            yield problem(
                f"this comment silences '{rule_id}' but there is no '{rule_id}' "
                f"problem {where}; delete it"
            )
