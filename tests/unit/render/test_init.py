"""Renderers (skillgap.render): one per output format, HTML included, each deterministic on
a report of a resume that tries every trick."""

from __future__ import annotations

import pytest

from skillgap.render import RENDERERS, OutputFormat, RenderOptions, render, renderer_for
from skillgap.report.model import GapReport


def test_every_output_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(OutputFormat)
    for fmt in OutputFormat:
        assert callable(renderer_for(fmt))


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_renderers_are_deterministic(fmt: OutputFormat, hostile_report: GapReport) -> None:
    options = RenderOptions(color=False, width=80)
    assert render(hostile_report, fmt, options) == render(hostile_report, fmt, options)


def test_every_output_format_has_a_renderer_including_html() -> None:
    assert set(RENDERERS) == set(OutputFormat)
    assert OutputFormat("html") is OutputFormat.HTML
