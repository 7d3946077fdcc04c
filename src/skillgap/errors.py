"""Errors and problems.

Every failure a user can cause is a :class:`SkillgapError`. Problems found in a file
(a rubric's YAML syntax, a schema violation, a lint finding) are :class:`Problem`
values with a 1-based position, so they can be collected, sorted and rendered in any
output format. The core never prints and never exits; the CLI turns these into one
line on stderr and an exit code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class Level(str, enum.Enum):
    """How serious a problem is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file, at a 1-based line and column when known.

    >>> str(Problem("r.yaml", 3, 5, "unknown key 'wieght'", rule="schema"))
    "r.yaml:3:5: error: unknown key 'wieght' [schema]"
    """

    file: str
    line: int | None
    column: int | None
    message: str
    level: Level = field(default=Level.ERROR, compare=False)
    rule: str = field(default="", compare=False)

    @property
    def position(self) -> str:
        """``file:line:col`` (or as much of it as is known)."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        suffix = f" [{self.rule}]" if self.rule else ""
        return f"{self.position}: {self.level.value}: {self.message}{suffix}"


class SkillgapError(Exception):
    """Base class for every error a user can cause.

    ``str(error)`` is one readable line naming the file (and position) and the fix.
    """

    exit_code: int = 3

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        problems: tuple[Problem, ...] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.problems = problems

    def __str__(self) -> str:
        if not self.path:
            return self.message
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class InputError(SkillgapError):
    """A file could not be read, decoded or parsed."""


class RubricError(InputError):
    """A rubric is malformed: YAML syntax, duplicate keys, schema violations.

    ``problems`` holds every problem found, each with its position.
    """

    def __str__(self) -> str:
        if self.problems:
            first = self.problems[0]
            more = len(self.problems) - 1
            tail = (
                (
                    f" (and {more} more problem{'s' if more != 1 else ''}; run 'skillgap "
                    "validate' to see all)"
                )
                if more
                else ""
            )
            return f"{first.position}: {first.message}{tail}"
        return super().__str__()


class ProfileError(InputError):
    """A profile or resume could not be turned into a candidate profile."""


class UnknownRubricError(InputError):
    """A rubric id that is neither a bundled rubric nor an existing file."""


class LimitExceededError(InputError):
    """An input is larger than a configured limit."""


class OutputError(SkillgapError):
    """A report could not be written (missing folder, full disk, closed pipe)."""


class UsageError(SkillgapError):
    """Options that make no sense together; exit code 2."""

    exit_code = 2


class ReportError(SkillgapError):
    """A saved report could not be used (wrong schema, different rubric)."""
