"""Career ladders: loading ladder files, the placement rule, and the JSON ``ladder`` key."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from skillgap.analysis import GAPS_TO_NEXT, analyze, place, with_ladder
from skillgap.errors import RubricError
from skillgap.profiles import load_profile
from skillgap.report.model import SCHEMA_VERSION, GapReport
from skillgap.rubric.bundled import bundled_ladder_ids
from skillgap.rubric.ladder import LadderError, LoadedLadder, load_ladder
from skillgap.rubric.parse import load_rubric

from .conftest import EXAMPLES

AS_OF = dt.date(2026, 1, 15)
JUNIOR = EXAMPLES / "junior-ml-engineer-profile.yaml"
SENIOR = EXAMPLES / "senior-ml-engineer-profile.yaml"


@pytest.fixture(scope="module")
def ml_ladder() -> LoadedLadder:
    return load_ladder("ml-engineer")


def write_ladder(folder: Path, body: str) -> Path:
    path = folder / "ladder.yaml"
    path.write_text(body, "utf-8")
    return path


# --------------------------------------------------------------------------- loading


def test_bundled_ml_engineer_ladder_lists_the_seeds_four_levels(ml_ladder: LoadedLadder) -> None:
    assert "ml-engineer" in bundled_ladder_ids()
    assert [r.id for r in ml_ladder.rubrics] == [
        "ml-engineer-entry",
        "ml-engineer-mid",
        "ml-engineer-senior",
        "principal-ml-engineer",
    ]
    assert [level.name for level in ml_ladder.ladder.levels] == [
        "Entry-level ML Engineer",
        "Mid-level ML Engineer",
        "Senior ML Engineer",
        "Principal ML Engineer",
    ]


def test_ladder_file_names_rubrics_by_id_or_relative_path(tmp_path: Path) -> None:
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "lead.yaml").write_text(
        'id: lead\nversion: "1"\nextends: principal-ml-engineer\n', "utf-8"
    )
    path = write_ladder(
        tmp_path,
        "id: mine\ntitle: Mine\nlevels:\n"
        "  - rubric: ml-engineer-senior\n"
        "  - rubric: rubrics/lead.yaml\n    name: Lead\n",
    )
    loaded = load_ladder(path)
    assert [r.id for r in loaded.rubrics] == ["ml-engineer-senior", "lead"]
    assert loaded.ladder.min_score == 65


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "id: x\ntitle: X\nlevels:\n  - rubric: ml-engineer-mid\n",
            "ladder.yaml:4:3: 'levels' must have at least 2 item(s), got 1",
        ),
        (
            "id: x\ntitle: X\nlevels:\n  - rubric: ml-engineer-mid\n  - rubric: ml-engineer-mid\n",
            "ladder.yaml:5:13: rubric 'ml-engineer-mid' is already level 1",
        ),
        (
            "id: x\ntitle: X\nmin_scor: 70\nlevels:\n  - rubric: a\n  - rubric: b\n",
            "ladder.yaml:3:1: unknown key 'min_scor' at the top level; did you mean 'min_score'?",
        ),
        (
            "id: x\ntitle: X\nmin_score: 120\nlevels:\n  - rubric: a\n  - rubric: b\n",
            "ladder.yaml:3:12: 'min_score' must be at most 100, got 120",
        ),
        (
            "- just\n- a list\n",
            "ladder.yaml:1:1: a ladder must be a mapping with id, title and levels",
        ),
    ],
)
def test_invalid_ladder_file_reports_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write_ladder(tmp_path, body)
    with pytest.raises(LadderError) as caught:
        load_ladder("ladder.yaml")
    assert str(caught.value) == message


def test_unknown_ladder_lists_the_bundled_ones() -> None:
    with pytest.raises(LadderError) as caught:
        load_ladder("data-scientist")
    assert "bundled ladders: ml-engineer" in str(caught.value)


def test_ladder_naming_a_missing_rubric_points_at_the_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_ladder(
        tmp_path,
        "id: x\ntitle: X\nlevels:\n  - rubric: ml-engineer-mid\n  - rubric: ml-engineer-staff\n",
    )
    with pytest.raises(LadderError) as caught:
        load_ladder("ladder.yaml")
    assert str(caught.value).startswith(
        "ladder.yaml:5:13: level 2: no rubric file or bundled rubric called 'ml-engineer-staff'"
    )


def test_ladder_naming_a_broken_rubric_raises_the_rubric_error(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: broken\n", "utf-8")
    path = write_ladder(
        tmp_path, "id: x\ntitle: X\nlevels:\n  - rubric: ml-engineer-mid\n  - rubric: broken.yaml\n"
    )
    with pytest.raises(RubricError, match=r"broken\.yaml"):
        load_ladder(path)


# --------------------------------------------------------------------------- placement


def test_junior_is_placed_at_entry_level(ml_ladder: LoadedLadder) -> None:
    placement = place(load_profile(JUNIOR), ml_ladder, as_of=AS_OF)
    assert (placement.placed, placement.next) == ("ml-engineer-entry", "ml-engineer-mid")
    assert [level.fully_met for level in placement.levels] == [True, False, False, False]


def test_senior_is_placed_at_senior_level(ml_ladder: LoadedLadder) -> None:
    placement = place(load_profile(SENIOR), ml_ladder, as_of=AS_OF)
    assert (placement.placed, placement.next) == ("ml-engineer-senior", "principal-ml-engineer")
    principal = placement.levels[-1]
    assert principal.blocking == ("years-experience",) and not principal.fully_met


def test_fully_met_means_no_blocking_gap_and_score_at_least_min_score(
    ml_ladder: LoadedLadder,
) -> None:
    placement = place(load_profile(SENIOR), ml_ladder, as_of=AS_OF)
    for level in placement.levels:
        expected = not level.blocking and level.score >= placement.min_score
        assert level.fully_met is expected, level.name
        assert level.short_by == round(max(0.0, placement.min_score - level.score), 1)
    assert "highest level fully met" in placement.rule


def test_gap_to_next_is_the_next_levels_blocking_gaps_then_biggest_gains(
    ml_ladder: LoadedLadder,
) -> None:
    profile = load_profile(SENIOR)
    placement = place(profile, ml_ladder, as_of=AS_OF)
    principal = analyze(profile, load_rubric("principal-ml-engineer"), as_of=AS_OF)
    blocking = [g for g in principal.gaps if g.blocking]
    others = [g for g in principal.gaps if not g.blocking and g.gain > 0][:GAPS_TO_NEXT]
    assert list(placement.gap_to_next) == [*blocking, *others]
    assert placement.gap_to_next[0].requirement == "years-experience"


def test_nobody_placed_when_no_level_is_fully_met(ml_ladder: LoadedLadder, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    path.write_text("headline: Barista\nsummary: Makes excellent coffee.\n", "utf-8")
    placement = place(load_profile(path), ml_ladder, as_of=AS_OF)
    assert placement.placed is None and placement.placed_name is None
    assert placement.next == "ml-engineer-entry"
    assert placement.gap_to_next and placement.gap_to_next[0].blocking


def test_top_of_the_ladder_has_no_next_level(tmp_path: Path) -> None:
    path = write_ladder(
        tmp_path,
        "id: easy\ntitle: Easy\nmin_score: 1\nlevels:\n"
        "  - rubric: ml-engineer-entry\n"
        "  - rubric: ml-engineer-mid\n",
    )
    placement = place(load_profile(SENIOR), load_ladder(path), as_of=AS_OF)
    assert placement.placed == "ml-engineer-mid"
    assert placement.next is None and placement.gap_to_next == ()


def test_placement_is_deterministic(ml_ladder: LoadedLadder) -> None:
    profile = load_profile(JUNIOR)
    first = place(profile, ml_ladder, as_of=AS_OF).model_dump_json()
    assert place(profile, ml_ladder, as_of=AS_OF).model_dump_json() == first


# --------------------------------------------------------------------------- report key


def test_report_json_has_a_null_ladder_key_without_a_ladder(rubric) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(analyze(load_profile(JUNIOR), rubric, as_of=AS_OF).to_json())
    assert data["schema_version"] == SCHEMA_VERSION == "1.1"
    assert "ladder" in data and data["ladder"] is None


def test_report_json_carries_the_placement(ml_ladder: LoadedLadder, rubric) -> None:  # type: ignore[no-untyped-def]
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


def test_a_schema_1_0_report_without_the_new_keys_still_loads(rubric) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(analyze(load_profile(JUNIOR), rubric, as_of=AS_OF).to_json())
    del data["ladder"]
    for area in data["areas"]:
        for requirement in area["requirements"]:
            del requirement["self_assessment"]
    data["schema_version"] = "1.0"
    assert GapReport.model_validate(data).ladder is None
