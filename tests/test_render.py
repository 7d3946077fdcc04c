"""Renderers: one per format, pure, and inert to whatever a resume contains."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from skillgap.render import RENDERERS, OutputFormat, RenderOptions, render, renderer_for
from skillgap.render.escape import csv_cell, markdown
from skillgap.report.model import GapReport
from skillgap.rubric.model import Rubric

HOSTILE = (
    "Eve [bold red]Markup[/bold red] \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ "
    "\x1b[2J\x1b[31m\u202eesrever\u202c\n\n"
    "SUMMARY\nPython [bold red]Markup[/bold red] | `rm -rf` [link=http://evil.example]x[/link] "
    "<script>alert(1)</script>\r"
    "overwrite\n"
)


@pytest.fixture(scope="module")
def hostile_report(
    tmp_path_factory: pytest.TempPathFactory, rubric: Rubric, index: SkillIndex
) -> GapReport:
    path = Path(tmp_path_factory.mktemp("hostile")) / "eve.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return analyze(load_profile(path), rubric, index=index, as_of=dt.date(2026, 1, 1))


def test_every_output_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(OutputFormat)
    for fmt in OutputFormat:
        assert callable(renderer_for(fmt))


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_renderers_are_deterministic(fmt: OutputFormat, hostile_report: GapReport) -> None:
    options = RenderOptions(color=False, width=80)
    assert render(hostile_report, fmt, options) == render(hostile_report, fmt, options)


@pytest.mark.parametrize("color", [False, True])
def test_terminal_output_carries_no_escape_sequences_from_the_profile(
    color: bool, hostile_report: GapReport
) -> None:
    out = render(hostile_report, OutputFormat.TERMINAL, RenderOptions(color=color, width=80))
    for forbidden in ("\x1b]", "\x1b[2J", "\u202e", "\r", "evil.example\x1b"):
        assert forbidden not in out
    assert "[bold red]Markup[/bold red]" in out  # Rich markup shown literally
    if not color:
        assert "\x1b" not in out


def test_plain_terminal_report_fits_80_columns(hostile_report: GapReport) -> None:
    out = render(hostile_report, OutputFormat.TERMINAL, RenderOptions(color=False, width=80))
    assert max(len(line) for line in out.splitlines()) <= 80


def test_markdown_escapes_profile_text(hostile_report: GapReport) -> None:
    out = render(hostile_report, OutputFormat.MARKDOWN, RenderOptions())
    assert "<script>" not in out and "`rm -rf`" not in out
    assert "\\<script\\>" in out
    assert "\x1b" not in out


def test_markdown_escape_neutralises_table_pipes_and_links() -> None:
    assert markdown("a | b") == "a \\| b"
    assert markdown("[x](http://e)") == "\\[x\\]\\(http://e\\)"


@pytest.mark.parametrize(
    "value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil.example","x")']
)
def test_csv_cells_never_start_a_formula(value: str) -> None:
    cell = csv_cell(value)
    assert isinstance(cell, str) and cell.startswith("'")


def test_json_is_the_report_model(hostile_report: GapReport) -> None:
    out = render(hostile_report, OutputFormat.JSON)
    assert GapReport.model_validate_json(out) == hostile_report
