"""Many roles in one pass (skillgap.batch.many, .rubrics, and the sinks with several
rubrics): each input read once, one row per input and rubric, the same rows as
separate runs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from skillgap.analysis import PreparedRubric
from skillgap.batch import ScoreStats, load_rubrics, score_many
from skillgap.batch.inputs import collect_inputs
from skillgap.batch.pool import run_batch
from skillgap.batch.resume import load_resume_state, remaining_inputs
from skillgap.errors import UsageError
from skillgap.rubric.parse import load_rubric
from tests.conftest import ROOT
from tests.helpers.batch import AS_OF, OPTIONS, STRONG, WEAK, _run

MINIMAL = ROOT / "tests/fixtures/rubrics/valid/minimal/rubric.yaml"
IDS = ("ml-engineer-mid", "ml-engineer-senior")


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "grace.txt").write_text(STRONG)
    (folder / "tim.md").write_text(WEAK)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_score_many_reads_each_input_once_and_gives_a_row_per_rubric(inbox: Path) -> None:
    stats = ScoreStats()
    inputs = sorted(inbox.iterdir())
    rows = list(score_many(inputs, IDS, as_of=AS_OF, stats=stats))
    assert [(Path(r.path).name, r.rubric) for r in rows] == [
        (p.name, rubric) for p in inputs for rubric in IDS
    ]
    assert (stats.reads, stats.profiles, stats.rows) == (3, 2, 6)
    assert [r.status for r in rows if r.path.endswith("empty.txt")] == ["error", "error"]


def test_score_many_gives_the_numbers_and_reports_of_separate_runs(inbox: Path) -> None:
    items = collect_inputs([str(inbox)])
    for rubric_id in IDS:
        alone = {r.path: r for r in run_batch(items, load_rubric(rubric_id), OPTIONS)}
        together = [r for r in score_many([inbox], IDS, as_of=AS_OF) if r.rubric == rubric_id]
        assert len(together) == len(alone) == 3
        for row in together:
            single = alone[row.path]
            assert (row.score, row.areas, row.verdict, row.must_haves_missing, row.top_gaps) == (
                single.score,
                single.areas,
                single.verdict,
                single.must_haves_missing,
                single.top_gaps,
            )
            if row.ok:
                assert row.report_json == single.report_json


def test_score_many_takes_bytes_with_a_name_and_prepared_rubrics() -> None:
    prepared = PreparedRubric.of(load_rubric("ml-engineer-mid"))
    rows = list(
        score_many([("cv.txt", STRONG.encode()), ("blank.txt", b"  ")], [prepared], as_of=AS_OF)
    )
    assert [(r.file, r.rubric, r.status) for r in rows] == [
        ("cv.txt", "ml-engineer-mid", "ok"),
        ("blank.txt", "ml-engineer-mid", "error"),
    ]
    assert rows[1].error == "blank.txt: file is empty: nothing to score"
    assert json.loads(rows[0].json_line())["rubric"]["id"] == "ml-engineer-mid"


def test_score_many_without_reports_gives_the_same_numbers(inbox: Path) -> None:
    full = list(score_many([inbox], IDS, as_of=AS_OF))
    numbers = list(score_many([inbox], IDS, as_of=AS_OF, reports=False))
    assert [(r.score, r.areas) for r in full] == [(r.score, r.areas) for r in numbers]
    assert all(r.report_json is None for r in numbers if r.ok)


def test_two_rubrics_with_one_id_are_a_usage_error_naming_both(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_bytes((ROOT / "src/skillgap/rubrics/ml-engineer-mid.yaml").read_bytes())
    with pytest.raises(
        UsageError, match=r"'ml-engineer-mid': bundled 'ml-engineer-mid' and .*copy"
    ):
        load_rubrics(["ml-engineer-mid", str(copy)])
    with pytest.raises(UsageError, match="two rubrics have the id"):
        list(score_many([], ["ml-engineer-mid", copy]))


def test_a_folder_of_rubrics_is_its_rubric_files_sorted(tmp_path: Path) -> None:
    folder = tmp_path / "roles"
    folder.mkdir()
    (folder / "b.yaml").write_bytes(MINIMAL.read_bytes())
    (folder / "a.yml").write_bytes(MINIMAL.read_bytes().replace(b"id: minimal", b"id: other", 1))
    (folder / "notes.txt").write_text("not a rubric")
    assert [r.id for r in load_rubrics([str(folder)])] == ["other", "minimal"]
    (folder / "a.yml").unlink()
    (folder / "b.yaml").unlink()
    with pytest.raises(UsageError, match="no rubric files"):
        load_rubrics([str(folder)])


def test_csv_of_two_rubrics_has_a_rubric_column_and_the_union_of_their_areas(
    inbox: Path, tmp_path: Path
) -> None:
    rubrics = (load_rubric("ml-engineer-mid"), load_rubric(str(MINIMAL)))
    output = tmp_path / "out.csv"
    _run(rubrics, inbox, output)
    table = list(csv.DictReader(io.StringIO(output.read_text())))
    header = output.read_text().splitlines()[0].split(",")
    assert header[:3] == ["rubric", "rank", "file"]
    assert header.count("Technical") == 1 and "Technical Proficiency" in header
    assert [(r["rubric"], r["rank"], Path(r["file"]).name) for r in table] == [
        ("ml-engineer-mid", "1", "grace.txt"),
        ("ml-engineer-mid", "2", "tim.md"),
        ("ml-engineer-mid", "", "empty.txt"),
        ("minimal", "1", "grace.txt"),
        ("minimal", "2", "tim.md"),
        ("minimal", "", "empty.txt"),
    ]
    # Each row fills in its own rubric's areas only.
    assert table[0]["Technical"] == "" and table[0]["Technical Proficiency"] != ""
    assert table[3]["Technical"] != "" and table[3]["Technical Proficiency"] == ""
    meta = json.loads((tmp_path / "out.csv.meta.json").read_text())
    assert [r["id"] for r in meta["rubrics"]] == ["ml-engineer-mid", "minimal"]
    assert all(len(r["sha256"]) == 64 for r in meta["rubrics"])
    assert meta["counts"] == {"inputs": 3, "rubrics": 2, "rows": 6, "scored": 4, "failed": 2}
    assert [i["status"] for i in meta["inputs"]] == ["error", "ok", "ok"]


def test_markdown_of_two_rubrics_has_one_ranking_per_rubric(inbox: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.md"
    _run(load_rubrics(IDS), inbox, output)
    text = output.read_text()
    assert text.startswith("# Batch ranking: 2 roles\n")
    sections = text.split("\n## Ranking: ")[1:]
    assert [s.splitlines()[0] for s in sections] == [
        "Mid-level Machine Learning Engineer (`ml-engineer-mid`)",
        "Senior Machine Learning Engineer (`ml-engineer-senior`)",
    ]
    for section in sections:
        assert "| 1 | Grace Hopper |" in section and "| 2 | Tim Walker |" in section
        assert "### Not scored" in section
    assert "3 inputs × 2 rubrics = 6 rows: 4 scored, 2 not scored." in text


def test_json_of_two_rubrics_is_sorted_by_rubric_with_ranks_per_rubric(
    inbox: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.json"
    _run(load_rubrics(IDS), inbox, output)
    data = json.loads(output.read_text())
    assert [r["id"] for r in data["meta"]["rubrics"]] == list(IDS)
    assert [(r["rubric"], r["rank"]) for r in data["summary"]["ranking"]] == [
        ("ml-engineer-mid", 1),
        ("ml-engineer-mid", 2),
        ("ml-engineer-senior", 1),
        ("ml-engineer-senior", 2),
    ]
    assert [r.get("rubric") for r in data["results"] if r.get("status") == "error"] == list(IDS)


def test_parquet_of_two_rubrics_has_a_row_per_input_and_rubric(inbox: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    rubrics = (load_rubric("ml-engineer-mid"), load_rubric(str(MINIMAL)))
    output = tmp_path / "out.parquet"
    _run(rubrics, inbox, output)
    table = pq.read_table(output)
    rows = table.to_pylist()
    assert [(r["rubric_id"], r["rank"]) for r in rows] == [
        ("ml-engineer-mid", 1),
        ("ml-engineer-mid", 2),
        ("ml-engineer-mid", None),
        ("minimal", 1),
        ("minimal", 2),
        ("minimal", None),
    ]
    assert rows[0]["area.technical"] is None and rows[3]["area.technical"] is not None
    assert rows[0]["rubric_sha256"] == rubrics[0].origin.sha256  # type: ignore[union-attr]
    meta = json.loads(table.schema.metadata[b"skillgap"])
    assert [r["id"] for r in meta["rubrics"]] == ["ml-engineer-mid", "minimal"]


def test_resume_with_a_second_rubric_scores_only_what_is_missing(
    inbox: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    _run(load_rubric(IDS[0]), inbox, output)
    rubrics = load_rubrics(IDS)
    state = load_resume_state(output, rubric=rubrics)
    left = remaining_inputs(collect_inputs([str(inbox)]), state)
    # The scored inputs are left for the second rubric only; the failed one for both.
    assert [(Path(i.path).name, i.rubrics) for i in left] == [
        ("empty.txt", None),
        ("grace.txt", (1,)),
        ("tim.md", (1,)),
    ]
    result = _run(rubrics, inbox, output, resume=True)
    assert result.resumed == 2
    lines = [json.loads(line) for line in output.read_text().splitlines()]
    pairs = sorted(
        (
            Path(line.get("input") or line["candidate"]["source"]).name,
            line["rubric"] if "input" in line else line["rubric"]["id"],
        )
        for line in lines
    )
    assert pairs == sorted((name, r) for name in ("empty.txt", "grace.txt", "tim.md") for r in IDS)
