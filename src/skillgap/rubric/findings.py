"""What the checks of a rubric report: rules, and findings located by document path.

A check (a reference check that loading applies, or a lint rule of ``skillgap
validate``) sees the rubric model, not the file, so it reports a :class:`Finding`: the
rule's id, the path of what it is about in the rubric document (``("areas", 0,
"requirements", 2, "skills", 1, "aliases", 3)``) and a message. The caller, which has
the document's source map, turns it into a :class:`~skillgap.errors.Problem` with a
file, line and column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import Level, Problem
from ..io.yaml_source import Mark, PathKey, mark_file

#: Where a path in the document is (a ``SourceMap.locate``).
Locate = Callable[..., Mark | None]


@dataclass(frozen=True)
class Rule:
    """A kind of problem ``skillgap validate`` reports.

    ``stage`` says where it is found: ``yaml`` (reading the file), ``schema`` (the
    models), ``reference`` (cross-references; loading a rubric refuses these too),
    ``lint`` (:mod:`skillgap.lint`; can be switched off, and silenced with a comment),
    ``fairness`` (:mod:`skillgap.lint.fairness`: wording that stands in for a protected
    attribute; switched off and silenced like lint) or
    ``files`` (the files and the comments in them).
    """

    id: str
    level: Level
    stage: str
    summary: str
    enabled: bool = True

    @property
    def configurable(self) -> bool:
        """Lint and fairness rules can be enabled, disabled and silenced; the others
        always apply."""
        return self.stage in ("lint", "fairness")


@dataclass(frozen=True)
class Finding:
    """A problem located by its path in the rubric document, not yet by line."""

    rule: str
    loc: PathKey
    message: str
    #: Point at the key (``weight:``) rather than its value.
    key: bool = False
    #: Other places the finding depends on (a caller that repaired the document drops
    #: findings that depend on a repaired place).
    related: tuple[PathKey, ...] = ()

    def to_problem(self, *, path: str, locate: Locate, level: Level) -> Problem:
        """The finding as a positioned :class:`Problem` (``locate`` is a source map's)."""
        mark = locate(self.loc, prefer_key=self.key)
        return Problem(
            mark_file(mark, path),
            mark.line if mark else None,
            mark.column if mark else None,
            self.message,
            level=level,
            rule=self.rule,
        )


__all__ = ["Finding", "Locate", "Rule"]
