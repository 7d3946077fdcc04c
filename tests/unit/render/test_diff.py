"""Rendering a report diff (skillgap.render.diff): a renderer per format, per-area changes,
and candidate names made inert in every format."""

from __future__ import annotations

import json

from skillgap.render.diff import DIFF_RENDERERS, render_diff
from skillgap.render.formats import DiffFormat
from skillgap.report.diff import ReportDiff, diff_reports
from skillgap.report.model import GapReport


def test_every_diff_format_has_a_renderer() -> None:
    assert set(DIFF_RENDERERS) == set(DiffFormat)


def test_terminal_diff_shows_per_area_changes(
    change: ReportDiff, before: GapReport, after: GapReport
) -> None:
    text = render_diff(change, "terminal")
    old, new = before.overall.score, after.overall.score
    assert f"Overall {old:.1f} -> {new:.1f}  {new - old:+.1f}" in text
    tech_change = round(after.areas[0].score * 100, 1) - round(before.areas[0].score * 100, 1)
    assert "Technical Proficiency" in text and f"{tech_change:+.1f}" in text
    assert "Newly met (" in text and "Skills newly evidenced (" in text
    assert "\x1b[" not in text


def test_markdown_diff_has_an_area_table(
    change: ReportDiff, before: GapReport, after: GapReport
) -> None:
    text = render_diff(change, "markdown")
    assert "| Area | Old | New | Change |" in text
    old, new = round(before.areas[0].score * 100, 1), round(after.areas[0].score * 100, 1)
    assert f"| Technical Proficiency | {old:.1f} | {new:.1f} | {new - old:+.1f} |" in text


def test_candidate_names_are_escaped_in_every_format(before: GapReport, after: GapReport) -> None:
    hostile = after.model_copy(
        update={
            "candidate": after.candidate.model_copy(
                update={"name": "Eve \x1b]8;;http://x\x07 | [b]*x*[/b]"}
            )
        }
    )
    result = diff_reports(before, hostile)
    assert "\x1b" not in render_diff(result, "terminal")
    assert "Eve \\| \\[b\\]\\*x\\*\\[/b\\]" in render_diff(result, "markdown")
    assert json.loads(render_diff(result, "json"))["new"]["candidate"].startswith("Eve ")
