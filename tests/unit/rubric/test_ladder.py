"""Career ladders (skillgap.rubric.ladder): loading ladder files, bundled or written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.errors import RubricError
from skillgap.rubric.bundled import bundled_ladder_ids
from skillgap.rubric.ladder import LadderError, LoadedLadder, load_ladder
from tests.helpers.rubrics import write_ladder


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
