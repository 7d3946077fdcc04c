"""The report models (skillgap.report.model), the JSON contract: the ``ladder`` key (null
without a ladder, the placement with one), and schema 1.0 reports still load."""

from __future__ import annotations

import datetime as dt
import json

from skillgap.analysis import analyze, place, with_ladder
from skillgap.profiles import load_profile
from skillgap.report.model import SCHEMA_VERSION, GapReport
from skillgap.rubric.ladder import LoadedLadder
from skillgap.rubric.model import Rubric
from tests.conftest import EXAMPLES

AS_OF = dt.date(2026, 1, 15)
JUNIOR = EXAMPLES / "junior-ml-engineer-profile.yaml"


def test_report_json_has_a_null_ladder_key_without_a_ladder(rubric: Rubric) -> None:
    data = json.loads(analyze(load_profile(JUNIOR), rubric, as_of=AS_OF).to_json())
    assert data["schema_version"] == SCHEMA_VERSION == "1.3"
    assert "ladder" in data and data["ladder"] is None


def test_report_json_carries_the_placement(ml_ladder: LoadedLadder, rubric: Rubric) -> None:
    profile = load_profile(JUNIOR)
    report = with_ladder(
        analyze(profile, rubric, as_of=AS_OF), place(profile, ml_ladder, as_of=AS_OF)
    )
    data = json.loads(report.to_json())
    assert data["ladder"]["placed"] == "ml-engineer-entry"
    assert [lv["rubric"]["id"] for lv in data["ladder"]["levels"]] == [
        "ml-engineer-entry",
        "ml-engineer-mid",
        "ml-engineer-senior",
        "principal-ml-engineer",
    ]
    assert GapReport.model_validate(data) == report


def test_a_schema_1_0_report_without_the_new_keys_still_loads(rubric: Rubric) -> None:
    data = json.loads(analyze(load_profile(JUNIOR), rubric, as_of=AS_OF).to_json())
    del data["ladder"]
    for area in data["areas"]:
        for requirement in area["requirements"]:
            del requirement["self_assessment"]
    data["schema_version"] = "1.0"
    assert GapReport.model_validate(data).ladder is None
