"""The Markdown renderer (skillgap.render.markdown): profile text escaped, never markup."""

from __future__ import annotations

from skillgap.render import OutputFormat, RenderOptions, render
from skillgap.report.model import GapReport


def test_markdown_escapes_profile_text(hostile_report: GapReport) -> None:
    out = render(hostile_report, OutputFormat.MARKDOWN, RenderOptions())
    assert "<script>" not in out and "`rm -rf`" not in out
    assert "\\<script\\>" in out
    assert "\x1b" not in out
