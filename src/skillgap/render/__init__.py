"""Renderers: pure functions from a report to a string, one per output format.

Every format in :class:`OutputFormat` has exactly one entry in :data:`RENDERERS`
(a test walks the enum), so a new format cannot be half-added. Renderers never print;
the CLI decides where the string goes.

* :mod:`.terminal`, :mod:`.json_format`, :mod:`.markdown`, :mod:`.html` — one report,
  with :mod:`.sections` (ladder, plan, self-assessment) shared by terminal and Markdown;
* :mod:`.batch_formats` — the CSV, JSON and Markdown of a batch, and its ranking;
* :mod:`.diff` — the progress between two reports;
* :mod:`.problems` — validation problems as text, JSON or GitHub annotations;
* :mod:`.escape` — making profile text inert in each medium;
* :mod:`.formats`, :mod:`.options` — the format names and render options (light, so the
  command line can name them without loading a renderer).

Colours and bands come from :mod:`skillgap.scoring`, never restated here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from .formats import DiffFormat, OutputFormat, ProblemFormat
from .options import RenderOptions

if TYPE_CHECKING:
    from ..report.model import GapReport


Renderer = Callable[["GapReport", RenderOptions], str]

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


__all__ = [
    "RENDERERS",
    "DiffFormat",
    "OutputFormat",
    "ProblemFormat",
    "RenderOptions",
    "Renderer",
    "render",
    "renderer_for",
]
