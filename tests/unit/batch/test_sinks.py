"""Where a batch's rows go (skillgap.batch.sinks): CSV, JSON Lines, JSON and Markdown,
sorted by score, one row per input, no CSV cell that starts a formula, and only known
extensions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from skillgap.errors import UsageError
from skillgap.report.model import GapReport
from skillgap.rubric.model import Rubric
from tests.helpers.batch import BAD, GOOD, _run, json_resume


def test_csv_has_one_row_per_input_eligible_first_then_by_score_then_path(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.csv"
    _run(rubric, mixed, output, jobs=2)
    rows = list(csv.DictReader(io.StringIO(output.read_text("utf-8"))))
    assert len(rows) == len(GOOD | BAD)
    header = next(csv.reader(io.StringIO(output.read_text("utf-8"))))
    assert header[:6] == ["rank", "file", "candidate", "id", "overall", "verdict"]
    assert header[6:-5] == [a.name for a in rubric.areas]
    assert header[-5:] == ["unmet_must_haves", "must_haves_missing", "top_gaps", "status", "error"]
    scored = [r for r in rows if r["status"] == "ok"]
    failed = [r for r in rows if r["status"] == "error"]
    assert rows == scored + failed
    keys = [(int(r["unmet_must_haves"]) > 0, -float(r["overall"]), r["file"]) for r in scored]
    assert keys == sorted(keys)
    assert all(
        int(r["unmet_must_haves"]) == len(r["must_haves_missing"].split("; "))
        for r in scored
        if r["must_haves_missing"]
    )
    assert [r["file"] for r in failed] == sorted(r["file"] for r in failed)
    assert [r["rank"] for r in scored] == [str(n) for n in range(1, len(scored) + 1)]
    grace = next(r for r in scored if r["file"].endswith("grace.txt"))
    assert grace["candidate"] == "Grace Hopper"
    assert len(grace["top_gaps"].split("; ")) <= 3
    assert all(r["error"] and not r["overall"] for r in failed)


def test_jsonl_lines_are_full_reports_or_error_objects(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    _run(rubric, mixed, output)
    lines = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert len(lines) == len(GOOD | BAD)
    errors = [line for line in lines if line.get("status") == "error"]
    reports = [GapReport.model_validate(line) for line in lines if "status" not in line]
    assert len(errors) == len(BAD) and len(reports) == len(GOOD)
    assert all(set(e) == {"status", "input", "id", "sha256", "format", "error"} for e in errors)


def test_json_and_markdown_hold_the_whole_batch(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    _run(rubric, mixed, tmp_path / "out.json")
    document = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert set(document) == {"meta", "results", "summary"}
    assert len(document["results"]) == len(GOOD | BAD)
    ranking = document["summary"]["ranking"]
    assert [r["rank"] for r in ranking] == list(range(1, len(GOOD) + 1))
    _run(rubric, mixed, tmp_path / "out.md")
    markdown = (tmp_path / "out.md").read_text("utf-8")
    assert "## Ranking" in markdown and "## Not scored" in markdown
    assert markdown.count("| ok |") == len(GOOD) and markdown.count("| error |") == len(BAD)


def test_csv_cells_never_start_a_formula(rubric: Rubric, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil.json").write_bytes(json_resume('=HYPERLINK("http://evil.example","x")'))
    (folder / "@sum.txt").write_text("+1 Ada\n\nSkills\nPython\n")
    output = tmp_path / "out.csv"
    _run(rubric, folder, output)
    raw = output.read_bytes()
    assert b'\'=HYPERLINK(""http://evil.example"",""x"")' in raw
    assert b",=HYPERLINK" not in raw and b"\n=" not in raw
    for row in csv.reader(io.StringIO(raw.decode("utf-8"))):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_unknown_output_extension_is_a_usage_error(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match=r"--output must end in \.csv, \.jsonl, \.json, \.md"):
        _run(rubric, mixed, tmp_path / "out.xlsx")
