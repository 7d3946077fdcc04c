"""JSON: the contract in DESIGN.md, deterministic byte for byte."""

from __future__ import annotations

from ..report.model import GapReport
from .options import RenderOptions


def render_json(report: GapReport, options: RenderOptions) -> str:
    """The report as indented JSON with a trailing newline."""
    del options  # JSON has no presentation options
    return report.to_json()
