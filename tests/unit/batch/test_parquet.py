"""Parquet outputs (skillgap.batch.parquet): the schema docs/batch.md documents, the same
rows and values as the CSV and JSON of the same batch, the audit header in the file's
metadata, byte-identical whatever the worker count, and written in row groups."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from skillgap.batch import parquet
from skillgap.batch.inputs import collect_inputs
from skillgap.batch.run import execute
from skillgap.errors import OutputError
from skillgap.render import batch_formats
from skillgap.rubric.model import Rubric
from tests.conftest import ROOT
from tests.helpers.batch import BAD, GOOD, OPTIONS, _run
from tests.unit.batch.conftest import write_mixed

_DOC_ROW = re.compile(r"^\| `([^`]+)` \| `([^`]+)` \|")


def documented_columns() -> list[tuple[str, str]]:
    """The (column, type) rows of the table under '### Parquet columns' in docs/batch.md."""
    text = (ROOT / "docs" / "batch.md").read_text("utf-8")
    section = text.split("### Parquet columns", 1)[1].split("\n### ", 1)[0]
    return [
        (m.group(1), m.group(2)) for line in section.splitlines() if (m := _DOC_ROW.match(line))
    ]


def documented_schema(rubric: Rubric) -> list[tuple[str, pa.DataType]]:
    fields: list[tuple[str, pa.DataType]] = []
    for name, kind in documented_columns():
        names = [f"area.{a.id}" for a in rubric.areas] if name == "area.<area id>" else [name]
        fields += [(n, parquet.arrow_type(pa, kind)) for n in names]
    return fields


def same_type(actual: pa.DataType, expected: pa.DataType) -> bool:
    # Parquet names a list's item 'element' when read back: compare what it holds.
    if pa.types.is_list(expected):
        return bool(pa.types.is_list(actual) and actual.value_type == expected.value_type)
    return bool(actual == expected)


@pytest.fixture(scope="module")
def outputs(rubric: Rubric, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One mixed batch written as Parquet (twice: 1 and 2 workers), CSV and JSON."""
    folder = tmp_path_factory.mktemp("parquet")
    inbox = write_mixed(folder)
    written: dict[str, Path] = {}
    for name, output, jobs in (
        ("p1.parquet", folder / "one" / "out.parquet", 1),
        ("p2.parquet", folder / "two" / "out.parquet", 2),
        ("o.csv", folder / "out.csv", 2),
        ("o.json", folder / "out.json", 2),
    ):
        output.parent.mkdir(exist_ok=True)
        written[name] = output
        _run(rubric, inbox, output, jobs=jobs)
    return written


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))


def test_the_schema_is_the_documented_one(rubric: Rubric, outputs: dict[str, Path]) -> None:
    schema = pq.read_schema(outputs["p1.parquet"])
    expected = documented_schema(rubric)
    assert schema.names == [name for name, _ in expected]
    for field, (name, kind) in zip(schema, expected, strict=True):
        assert same_type(field.type, kind), f"{name}: {field.type} is not {kind}"
        assert field.nullable
    assert [name for name, _ in parquet.COLUMNS] == [name for name, _ in documented_columns()]


def test_rows_and_values_equal_the_csv_of_the_same_batch(
    rubric: Rubric, outputs: dict[str, Path]
) -> None:
    rows = pq.read_table(outputs["p1.parquet"]).to_pylist()
    expected = csv_rows(outputs["o.csv"])
    assert len(rows) == len(expected) == len(GOOD | BAD)

    def text(value: Any) -> str:
        return "" if value is None else f"{value:.1f}" if isinstance(value, float) else str(value)

    for row, line in zip(rows, expected, strict=True):
        assert text(row["rank"]) == line["rank"]
        for key in ("file", "candidate", "id", "verdict", "status", "error"):
            assert text(row[key]) == line[key], key
        assert text(row["overall"]) == line["overall"]
        for area in rubric.areas:
            assert text(row[f"area.{area.id}"]) == line[area.name]
        assert text(row["unmet_must_haves"]) == line["unmet_must_haves"]
        assert "; ".join(row["must_haves_missing"] or ()) == line["must_haves_missing"]
        assert "; ".join(row["top_gaps"] or ()) == line["top_gaps"]
        assert row["rubric_id"] == rubric.id
        assert rubric.origin is not None and row["rubric_sha256"] == rubric.origin.sha256


def test_skills_sha256_and_format_equal_the_json_reports(outputs: dict[str, Path]) -> None:
    rows = {r["file"]: r for r in pq.read_table(outputs["p1.parquet"]).to_pylist()}
    results = json.loads(outputs["o.json"].read_text("utf-8"))["results"]
    assert len(results) == len(rows)
    for result in results:
        if result.get("status") == "error":
            row = rows[result["input"]]
            assert (row["status"], row["error"], row["sha256"]) == (
                "error",
                result["error"],
                result["sha256"],
            )
            continue
        row = rows[result["candidate"]["source"]]
        skills = [
            skill
            for area in result["areas"]
            for requirement in area["requirements"]
            for skill in requirement["skills"]
        ]
        assert set(row["matched_skills"]) == {s["name"] for s in skills if s["matched"]}
        assert set(row["missing_skills"]) == {s["name"] for s in skills if not s["matched"]}
        assert row["sha256"] == result["candidate"]["sha256"]
        assert row["format"] == result["candidate"]["format"]
        assert row["overall"] == result["overall"]["score"]
        assert row["blocked"] == result["overall"]["blocked"] == (not row["eligible"])


def test_error_rows_have_the_reason_and_null_scores(outputs: dict[str, Path]) -> None:
    rows = pq.read_table(outputs["p1.parquet"]).to_pylist()
    errors = [r for r in rows if r["status"] == "error"]
    assert len(errors) == len(BAD)
    for row in errors:
        assert row["error"] and row["error"].startswith(row["file"])
        scores = {k: v for k, v in row.items() if k.startswith("area.") or k == "overall"}
        assert set(scores.values()) == {None}
        assert row["rank"] is row["eligible"] is row["matched_skills"] is None
    assert all(
        r["error"] is None and r["matched_skills"] is not None for r in rows if r["status"] == "ok"
    )


def test_the_audit_header_is_the_files_metadata(rubric: Rubric, outputs: dict[str, Path]) -> None:
    metadata = pq.read_schema(outputs["p1.parquet"]).metadata
    meta = json.loads(metadata[parquet.METADATA_KEY.encode()])
    assert rubric.origin is not None
    assert meta["rubric"]["sha256"] == rubric.origin.sha256
    assert meta["tool"]["name"] == "skillgap" and meta["options"]["as_of"] == "2025-06-01"
    assert meta["output"] == {"file": "out.parquet", "format": "parquet"}
    assert meta["counts"] == {"inputs": len(GOOD | BAD), "scored": len(GOOD), "failed": len(BAD)}
    assert len(meta["inputs"]) == len(GOOD | BAD)


def test_one_and_two_workers_write_byte_identical_files(outputs: dict[str, Path]) -> None:
    assert outputs["p1.parquet"].read_bytes() == outputs["p2.parquet"].read_bytes()


def test_rows_are_written_in_row_groups(
    rubric: Rubric, mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 4)
    output = tmp_path / "out.parquet"
    _run(rubric, mixed, output)
    count = len(GOOD | BAD)
    assert pq.ParquetFile(output).metadata.num_row_groups == -(-count // 4)
    assert pq.read_table(output).num_rows == count
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inbox", "out.parquet"]


def test_blind_rows_name_no_one(rubric: Rubric, mixed: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.parquet"
    items = collect_inputs([str(mixed / "grace.txt")])
    blind = dataclasses.replace(OPTIONS, blind=True)
    execute(items, rubric, blind, output=output, layout=batch_formats)
    (row,) = pq.read_table(output).to_pylist()
    assert row["candidate"] is None and row["file"] == row["id"]
    assert "grace" not in output.read_bytes().decode("latin-1").lower()


def test_without_pyarrow_the_batch_stops_before_any_work(
    rubric: Rubric, mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    scored: list[object] = []
    with pytest.raises(OutputError) as caught:
        _run(rubric, mixed, tmp_path / "out.parquet", on_row=scored.append)
    assert str(caught.value) == "writing Parquet needs pyarrow: pip install 'skillgap[parquet]'"
    assert scored == [] and sorted(p.name for p in tmp_path.iterdir()) == ["inbox"]
