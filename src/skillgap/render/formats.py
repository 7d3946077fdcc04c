"""The names of the output formats: of a report, of a diff, of validation problems.

Each enum has exactly one renderer per member (:data:`skillgap.render.RENDERERS`,
:data:`skillgap.render.diff.DIFF_RENDERERS`, :data:`skillgap.render.problems.FORMATTERS`;
tests walk the enums). The command line takes its ``--format`` choices from here.
"""

from __future__ import annotations

import enum


class OutputFormat(str, enum.Enum):
    """Output formats for a single report."""

    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


class DiffFormat(str, enum.Enum):
    """Output formats for a diff."""

    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"


class ProblemFormat(str, enum.Enum):
    """Output formats for validation problems."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


__all__ = ["DiffFormat", "OutputFormat", "ProblemFormat"]
