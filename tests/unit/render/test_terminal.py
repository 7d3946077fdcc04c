"""The terminal report (skillgap.render.terminal): no escape sequence from the profile,
Rich markup shown literally, and 80 columns when plain."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from skillgap.analysis import analyze
from skillgap.profiles import load_profile
from skillgap.render import OutputFormat, RenderOptions, render
from skillgap.report.model import GapReport
from skillgap.rubric.model import Rubric
from tests.conftest import ROOT


@pytest.mark.parametrize("color", [False, True])
def test_terminal_output_carries_no_escape_sequences_from_the_profile(
    color: bool, hostile_report: GapReport
) -> None:
    out = render(
        hostile_report, OutputFormat.TERMINAL, RenderOptions(color=color, width=80, details=True)
    )
    for forbidden in ("\x1b]", "\x1b[2J", "\u202e", "\r", "evil.example\x1b"):
        assert forbidden not in out
    assert "[bold red]Markup[/bold red]" in out  # Rich markup shown literally
    if not color:
        assert "\x1b" not in out


def test_plain_terminal_report_fits_80_columns(hostile_report: GapReport) -> None:
    out = render(hostile_report, OutputFormat.TERMINAL, RenderOptions(color=False, width=80))
    assert max(len(line) for line in out.splitlines()) <= 80


def test_the_terminal_report_is_one_screen_unless_details_are_asked_for(
    hostile_report: GapReport,
) -> None:
    short = render(hostile_report, OutputFormat.TERMINAL, RenderOptions(width=100))
    full = render(hostile_report, OutputFormat.TERMINAL, RenderOptions(width=100, details=True))
    assert "Requirements" not in short and "Requirements" in full
    assert "add --details" in short and "add --details" not in full
    assert "Top gaps" in short and "Areas" in short
    assert len(short.splitlines()) < len(full.splitlines()) / 2


def test_wrapped_lines_keep_their_indentation(rubric: Rubric) -> None:
    """A line that wraps continues under its own text, never at the left margin: the
    verdict under the score, a gap's name under itself, a blocking gap under its mark."""
    profile = load_profile(ROOT / "examples" / "senior-ml-engineer.md")
    report = analyze(profile, rubric, as_of=dt.date(2026, 6, 1))
    for width in (60, 80):
        lines = render(report, OutputFormat.TERMINAL, RenderOptions(color=False, width=width))
        rows = lines.splitlines()
        for before, line in itertools.pairwise(rows):
            if before.startswith("Overall ") and not line.startswith(("19 met", "Overall")):
                assert line.startswith(" " * 8) and line[8] != " ", line
            if before.startswith("  [ ] ") and line and not line.startswith("  [ ]"):
                assert line.startswith(" " * 6) and line[6] != " ", line
            if re.match(r"^ ?\d\. \+", before) and not line.startswith(" " * 6):
                assert line.startswith(" " * 4) and line[4] != " ", line
        assert all(len(row) <= width for row in rows if "|" not in row and "#" not in row)


@pytest.mark.parametrize("width", [60, 80])
def test_details_wrap_under_their_own_text(rubric: Rubric, width: int) -> None:
    """With --details, a requirement's line goes on under its name (not under its mark or
    at the margin) and a quoted piece of evidence under the quote."""
    profile = load_profile(ROOT / "examples" / "senior-ml-engineer.md")
    report = analyze(profile, rubric, as_of=dt.date(2026, 6, 1))
    text = render(report, OutputFormat.TERMINAL, RenderOptions(width=width, details=True))
    rows = text.splitlines()
    start = rows.index("Requirements")
    end = next(i for i in range(start, len(rows)) if rows[i].startswith(("Blocking", "Top")))
    kind = ""
    for row in rows[start + 1 : end]:
        if not row.strip() or re.match(r"^\S.*\d+%\s+[#.]+", row):
            kind = "area"  # an area's title
        elif re.match(r"^  \S+ ", row):
            kind = "requirement"
        elif re.match(r"^   [+-] ", row):
            kind = "skill"
        elif re.match(r"^    \S ", row):
            kind = "evidence"
        elif re.match(r"^    \S", row):
            kind = "note"  # years:, degree:, ignored:
        elif kind in ("requirement", "evidence"):
            assert row.startswith(" " * 6) and row[6] != " ", row
        elif kind == "note":
            assert row.startswith(" " * 4), row
        else:
            assert row.startswith("  "), f"back at the margin: {row!r}"
