"""Verdicts and bands (skillgap.scoring.bands): the verdict for each band of scores."""

from __future__ import annotations

from skillgap.scoring.bands import verdict_for


def test_verdict_bands() -> None:
    assert [verdict_for(s) for s in (95, 70, 50, 10)] == [
        "strong match",
        "good match",
        "partial match",
        "weak match",
    ]
