"""Validate rubric files: every problem in every file, each with its position.

:func:`validate_paths` is what ``skillgap validate`` runs. Each file goes through the
pipeline that loads rubrics (:func:`~skillgap.rubric.parse.parse_rubric_text`), which
reports YAML problems (syntax, duplicate keys, limits), ``extends`` problems, schema
problems mapped back to the key or value that caused them, and reference problems. The
lint rules (:mod:`.registry`) then run **even when the schema found problems**: the
document is repaired just enough to build a rubric (:mod:`.repair`), the checks run on
that, and any finding that depends on a repaired place is dropped, so a repair never
invents a problem.

Lint problems can be silenced in the file with a comment naming the rules
(:mod:`.suppress`)::

    aliases: [LLMOps]  # skillgap: disable=cross-match
    # skillgap: disable=cross-match        (alone on a line: applies to the next line)
    # skillgap: disable-file=contained-form

Problems are values; :mod:`skillgap.render.problems` formats them.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Level, Problem, UsageError
from ..io.read import decode_text, read_bytes
from ..io.yaml_source import SourceMap
from ..limits import DEFAULT_LIMITS, Deadline, Limits, TimeLimitExceeded
from ..rubric.extends import RubricSource
from ..rubric.findings import Finding
from ..rubric.parse import parse_rubric_text
from ..rubric.references import reference_findings
from .registry import RULES, default_rules, lint_findings
from .repair import repair_document
from .suppress import apply_suppressions

#: File name endings that ``validate DIRECTORY`` picks up.
RUBRIC_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class ValidateOptions:
    """What to check: which lint rules run, and the input limits."""

    rules: frozenset[str] = field(default_factory=default_rules)
    limits: Limits = DEFAULT_LIMITS
    #: Seconds one file may take to be checked (``--timeout``); None: no limit.
    timeout: float | None = None


@dataclass(frozen=True)
class ValidationResult:
    """Every file looked at and every problem found, in a stable order."""

    files: tuple[str, ...]
    problems: tuple[Problem, ...]

    def count(self, level: Level) -> int:
        """How many problems have ``level``."""
        return sum(1 for p in self.problems if p.level is level)

    @property
    def unreadable(self) -> bool:
        """True if a path could not be read at all."""
        return any(p.rule == "unreadable" for p in self.problems)

    def exit_code(self, *, strict: bool = False) -> int:
        """0 clean; 1 errors (or warnings with ``strict``); 3 a path could not be read."""
        if self.unreadable:
            return 3
        if self.count(Level.ERROR) or (strict and self.count(Level.WARNING)):
            return 1
        return 0


def select_rules(*, enable: Iterable[str] = (), disable: Iterable[str] = ()) -> frozenset[str]:
    """The default lint rules, plus ``enable`` and minus ``disable``.

    Raises :class:`UsageError` for an unknown rule id (with a suggestion) or one that
    cannot be switched (YAML, schema and reference problems always apply).
    """
    chosen = set(default_rules())
    for ids, add in ((enable, True), (disable, False)):
        for rule_id in ids:
            rule = RULES.get(rule_id)
            if rule is None:
                close = difflib.get_close_matches(rule_id, list(RULES), n=1)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else " (docs/lint-rules.md lists the rules)"
                )
                raise UsageError(f"unknown rule '{rule_id}'{hint}")
            if not rule.configurable:
                raise UsageError(
                    f"rule '{rule_id}' cannot be switched on or off: "
                    f"{rule.stage} problems always apply"
                )
            if add:
                chosen.add(rule_id)
            else:
                chosen.discard(rule_id)
    return frozenset(chosen)


def find_rubric_files(paths: Sequence[str | Path]) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """The files to check, as (display name, path), and problems for bad paths.

    Directories are searched recursively (following symbolic links, skipping hidden
    entries) for ``*.yaml`` and ``*.yml``; a file named directly is checked whatever its
    name. A path that does not exist, or a directory with no rubric files in it, is an
    ``unreadable`` problem.
    """
    found: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(display: str, path: Path) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            found.append((display, path))

    for given in paths:
        path = Path(given)
        display = str(given)
        if path.is_dir():
            files = list(_walk(path))
            if not files:
                problems.append(
                    Problem(
                        display,
                        None,
                        None,
                        "no .yaml or .yml files found in this directory",
                        rule="unreadable",
                    )
                )
            for file in files:
                if file.is_file():
                    add(str(file), file)
                else:  # a pipe, a device, a link to one: reading it could block for ever
                    problems.append(
                        Problem(
                            str(file),
                            None,
                            None,
                            "not a regular file (a pipe, device or socket, or a link to "
                            "one); not read",
                            rule="unreadable",
                        )
                    )
        elif path.exists() or path.is_symlink():
            add(display, path)
        else:
            problems.append(
                Problem(display, None, None, "no such file or directory", rule="unreadable")
            )
    return found, problems


def _walk(top: Path) -> Iterator[Path]:
    visited: set[str] = set()
    for root, dirs, files in os.walk(top, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:  # a symbolic link loop
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(RUBRIC_SUFFIXES):
                yield Path(root) / name


def validate_paths(
    paths: Sequence[str | Path], options: ValidateOptions | None = None
) -> ValidationResult:
    """Validate files and directories of rubrics; never raises for bad input.

    >>> result = validate_paths(["src/skillgap/rubrics"])
    >>> result.problems, result.exit_code(strict=True)
    ((), 0)
    """
    options = options or ValidateOptions()
    files, problems = find_rubric_files(paths)
    for display, path in files:
        problems.extend(_validate_in_time(path, display, options))
    return ValidationResult(tuple(display for display, _ in files), tuple(_ordered(problems)))


def _validate_in_time(path: Path, display: str, options: ValidateOptions) -> list[Problem]:
    """:func:`validate_file`, stopped after ``options.timeout`` seconds (a problem)."""
    deadline = Deadline(options.timeout)
    found: list[Problem] | None = None
    try:
        try:
            deadline.start()
            found = validate_file(path, display=display, options=options)
        finally:
            deadline.cancel()
    except TimeLimitExceeded:
        deadline.cancel()  # again: the alarm may have cut the first cancel short
    if found is not None:
        return found
    return [
        Problem(
            display,
            None,
            None,
            f"took longer than {options.timeout:g} s to check, so it was stopped; raise "
            "the limit with --timeout if the file is genuine",
            rule="unreadable",
        )
    ]


def validate_file(
    path: Path, *, display: str | None = None, options: ValidateOptions | None = None
) -> list[Problem]:
    """Every problem in one rubric file (an ``unreadable`` problem if it can't be read)."""
    options = options or ValidateOptions()
    display = str(path) if display is None else display
    try:
        data = read_bytes(path, limits=options.limits)
        text = decode_text(data, path=display, detect=False)
    except InputError as exc:
        return [Problem(display, exc.line, exc.column, exc.message, rule="unreadable")]
    return validate_text(
        text, path=display, options=options, source=RubricSource.for_path(path, display)
    )


def validate_text(
    text: str,
    *,
    path: str,
    options: ValidateOptions | None = None,
    source: RubricSource | None = None,
) -> list[Problem]:
    """Every problem in the text of one rubric: YAML, schema, references and lint.

    The text goes through the pipeline that loads rubrics
    (:func:`~skillgap.rubric.parse.parse_rubric_text`): a rubric that ``extends``
    another is merged with it first, and problems in the inherited parts point into the
    file they come from. The lint rules then run on the rubric, or, when the schema
    refused it, on a repaired copy (:mod:`.repair`).
    """
    options = options or ValidateOptions()
    parsed = parse_rubric_text(text, path=path, limits=options.limits, source=source)
    problems = list(parsed.problems)
    document = parsed.document
    if parsed.rubric is not None and document is not None:
        findings = lint_findings(
            parsed.rubric, rules=options.rules, locate=document.source_map.locate
        )
        problems.extend(_positioned(findings, path, document.source_map))
    elif parsed.schema_failed and document is not None:
        rubric, repaired = repair_document(document.data)
        if rubric is not None:
            findings = reference_findings(rubric) + lint_findings(
                rubric, rules=options.rules, locate=repaired.locator(document.source_map)
            )
            problems.extend(_positioned(repaired.restore(findings), path, document.source_map))
    problems = apply_suppressions(
        problems, text, path, options.rules, complete=parsed.rubric is not None
    )
    return _capped(_ordered(problems), path)


#: Problems of one rule shown per file; the rest are counted in one closing line.
MAX_PER_RULE = 50


def _capped(problems: list[Problem], path: str) -> list[Problem]:
    """At most :data:`MAX_PER_RULE` problems of each rule in one file (6,000 similar
    names once printed 233,824 warnings), then one line saying how many more there are."""
    shown: dict[str, int] = {}
    extra: dict[str, tuple[int, Problem]] = {}
    kept: list[Problem] = []
    for problem in problems:
        count = shown.get(problem.rule, 0)
        if count < MAX_PER_RULE:
            shown[problem.rule] = count + 1
            kept.append(problem)
        else:
            more, first = extra.get(problem.rule, (0, problem))
            extra[problem.rule] = (more + 1, first)
    for rule, (more, first) in extra.items():
        kept.append(
            Problem(
                path,
                None,
                None,
                f"... and {more:,} more '{rule}' problems like those above in this file "
                "(the first 50 are shown)",
                level=first.level,
                rule=rule,
            )
        )
    return kept


def _positioned(findings: Iterable[Finding], path: str, source_map: SourceMap) -> list[Problem]:
    return [
        f.to_problem(path=path, locate=source_map.locate, level=RULES[f.rule].level)
        for f in findings
    ]


def _ordered(problems: Iterable[Problem]) -> list[Problem]:
    unique = {(p.file, p.line, p.column, p.rule, p.message, p.level): p for p in problems}
    return sorted(
        unique.values(), key=lambda p: (p.file, p.line or 0, p.column or 0, p.rule, p.message)
    )


__all__ = [
    "RUBRIC_SUFFIXES",
    "ValidateOptions",
    "ValidationResult",
    "find_rubric_files",
    "select_rules",
    "validate_file",
    "validate_paths",
    "validate_text",
]
