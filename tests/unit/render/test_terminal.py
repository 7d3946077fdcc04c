"""The terminal report (skillgap.render.terminal): no escape sequence from the profile,
Rich markup shown literally, and 80 columns when plain."""

from __future__ import annotations

import pytest

from skillgap.render import OutputFormat, RenderOptions, render
from skillgap.report.model import GapReport


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
