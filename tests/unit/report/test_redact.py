"""Blind mode (skillgap.report.redact): identity out of the report, every score untouched."""

from __future__ import annotations

from pathlib import Path

from skillgap.analysis import analyze
from skillgap.profiles import load_profile
from skillgap.rubric.model import Rubric
from tests.helpers.files import write
from tests.helpers.scoring import AS_OF


def test_blind_mode_keeps_scores_and_drops_identity(tmp_path: Path, mini: Rubric) -> None:
    path = write(
        tmp_path,
        "ada.txt",
        "Ada Example\nada@example.com | +44 20 7946 0958\n\n"
        "SUMMARY\nAda Example writes Python; contact ada@example.com.\n",
    )
    profile = load_profile(path)
    normal = analyze(profile, mini, as_of=AS_OF)
    blind = analyze(profile, mini, as_of=AS_OF, blind=True)
    assert blind.overall == normal.overall
    assert [a.score for a in blind.areas] == [a.score for a in normal.areas]
    assert blind.candidate.name is None and blind.candidate.source is None
    text = blind.to_json()
    assert "Ada" not in text and "ada@example.com" not in text and "7946" not in text
