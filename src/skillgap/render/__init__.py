"""Renderers: pure functions from a report to a string, one per output format.

Every format in :class:`OutputFormat` has exactly one entry in :data:`RENDERERS`
(a test walks the enum), so a new format cannot be half-added. Renderers never print;
the CLI decides where the string goes.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from ..report.model import GapReport


class OutputFormat(str, enum.Enum):
    """Output formats for a single report."""

    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


@dataclass(frozen=True)
class RenderOptions:
    """How to render: colour, width, and optional sections."""

    color: bool = False
    width: int = 100
    max_evidence: int = 2
    #: Add the learning plan (the top gaps with next steps, resources and effort).
    plan: bool = False
    #: How many gaps the learning plan lists.
    plan_size: int = 10


Renderer = Callable[[GapReport, RenderOptions], str]

#: Format -> "module:function" (imported only when that format is used).
RENDERERS: dict[OutputFormat, str] = {
    OutputFormat.TERMINAL: "terminal:render_terminal",
    OutputFormat.JSON: "json_format:render_json",
    OutputFormat.MARKDOWN: "markdown:render_markdown",
    OutputFormat.HTML: "html:render_html",
}


def renderer_for(fmt: OutputFormat) -> Renderer:
    """The render function for a format."""
    module_name, function = RENDERERS[fmt].split(":")
    module = import_module(f".{module_name}", __name__)
    renderer: Renderer = getattr(module, function)
    return renderer


def render(report: GapReport, fmt: OutputFormat | str, options: RenderOptions | None = None) -> str:
    """Render ``report`` in ``fmt``.

    >>> from skillgap import analyze, load_profile, load_rubric
    >>> report = analyze(load_profile("examples/plain-text-resume.txt"), load_rubric())
    >>> render(report, "json").startswith("{")
    True
    """
    return renderer_for(OutputFormat(fmt))(report, options or RenderOptions())
