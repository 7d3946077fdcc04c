"""The JSON renderer (skillgap.render.json_format): the report model, round-tripped exactly."""

from __future__ import annotations

from skillgap.render import OutputFormat, render
from skillgap.report.model import GapReport


def test_json_is_the_report_model(hostile_report: GapReport) -> None:
    out = render(hostile_report, OutputFormat.JSON)
    assert GapReport.model_validate_json(out) == hostile_report
