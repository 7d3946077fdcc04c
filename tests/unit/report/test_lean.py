"""The lean report (skillgap.report.lean): the full report's numbers without evidence or
the rubric's advice, and a fraction of its size."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.profiles import load_profile
from skillgap.report.lean import lean_report
from tests.conftest import ROOT
from tests.helpers.bundled import RUBRIC

# Every bundled example profile.
EXAMPLES = sorted((ROOT / "examples").iterdir())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_lean_keeps_every_number_of_the_full_report(path: Path) -> None:
    report = analyze(load_profile(path), RUBRIC, as_of=dt.date(2026, 6, 1))
    lean = lean_report(report)
    full = json.loads(report.model_dump_json())
    assert lean["lean"] is True and lean["overall"] == full["overall"]
    assert lean["candidate"] == full["candidate"] and lean["rubric"] == full["rubric"]
    for lean_area, area in zip(lean["areas"], full["areas"], strict=True):
        assert lean_area["score"] == area["score"]
        for lean_req, req in zip(lean_area["requirements"], area["requirements"], strict=True):
            assert (lean_req["id"], lean_req["score"], lean_req["status"]) == (
                req["id"],
                req["score"],
                req["status"],
            )
            matched = {s["name"]: s["credit"] for s in req["skills"] if s["matched"]}
            assert lean_req["matched"] == matched
    assert [(g["requirement"], g["gain"], g["blocking"]) for g in lean["gaps"]] == [
        (g["requirement"], g["gain"], g["blocking"]) for g in full["gaps"]
    ]
    assert len(json.dumps(lean)) < len(report.model_dump_json()) / 2
    assert '"evidence":' not in json.dumps(lean) and '"next_steps":' not in json.dumps(lean)
