"""The report's charts as inline SVG (skillgap.render.charts): the radar's geometry."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from skillgap.render.charts import radar_chart_svg


def test_radar_geometry_puts_each_score_on_its_axis() -> None:
    from skillgap.report.model import AreaResult

    areas = tuple(
        AreaResult(
            id=f"a{i}",
            name=f"Area {i}",
            weight=1,
            score=s,
            met=0,
            partial=0,
            missing=0,
            requirements=(),
        )
        for i, s in enumerate((1.0, 0.5, 0.0, 0.25))
    )
    svg = ET.fromstring(radar_chart_svg(areas) or "")
    shape = list(svg.iter("polygon"))[-1].get("points", "").split()
    # Centre (300, 232), radius 150; axes at 12, 3, 6 and 9 o'clock.
    assert shape == ["300,82", "375,232", "300,232", "262.5,232"]


def test_radar_needs_three_areas() -> None:
    from skillgap.report.model import AreaResult

    two = tuple(
        AreaResult(
            id=f"a{i}", name="A", weight=1, score=0.5, met=0, partial=0, missing=0, requirements=()
        )
        for i in range(2)
    )
    assert radar_chart_svg(two) is None
