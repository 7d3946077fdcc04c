"""Reading the audit's two inputs (skillgap.audit.results, .readers, .groups): what is
refused, with one line naming the file, the line where there is one, and the fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.audit.groups import label_key, read_groups
from skillgap.audit.readers import READERS
from skillgap.audit.results import read_results
from skillgap.batch.rows import BatchRow
from skillgap.errors import InputError, ReportError, SkillgapError, UsageError
from skillgap.rubric.model import Rubric
from tests.helpers.files import write
from tests.unit.audit import synthetic

# --------------------------------------------------------------------------- results


def small_rows(rubric: Rubric, count: int = 4) -> list[BatchRow]:
    return [synthetic.batch_row(p, rubric) for p in synthetic.people()[:count]]


def error_of(call: object, *args: object) -> SkillgapError:
    with pytest.raises(SkillgapError) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value


def test_every_results_format_has_a_reader() -> None:
    assert set(READERS) == {".jsonl", ".csv", ".json", ".parquet"}


def test_a_missing_results_file_names_the_file(tmp_path: Path) -> None:
    error = error_of(read_results, tmp_path / "nope.jsonl")
    assert isinstance(error, InputError) and error.exit_code == 3
    assert (
        str(error)
        == f"{tmp_path / 'nope.jsonl'}: no such file; give the output of 'skillgap batch'"
    )


def test_an_unknown_extension_is_a_usage_error(tmp_path: Path) -> None:
    error = error_of(read_results, write(tmp_path, "results.txt", "x"))
    assert isinstance(error, UsageError) and error.exit_code == 2
    assert ".jsonl, .csv, .json or .parquet" in str(error)


def test_a_damaged_parquet_file_is_one_clear_error(tmp_path: Path) -> None:
    error = error_of(read_results, write(tmp_path, "results.parquet", b"PAR1"))
    assert error.exit_code == 3
    assert "is not a readable Parquet file" in str(error)


@pytest.mark.parametrize("name", ["results.jsonl", "results.csv", "results.json"])
def test_an_empty_results_file_has_nothing_to_audit(tmp_path: Path, name: str) -> None:
    content = '{"meta": {}, "results": []}' if name.endswith(".json") else ""
    error = error_of(read_results, write(tmp_path, name, content))
    assert isinstance(error, InputError)
    assert "has no rows: nothing to audit" in str(error)


def test_a_cut_short_jsonl_line_names_the_line_and_the_fix(tmp_path: Path, rubric: Rubric) -> None:
    path = synthetic.write_results(tmp_path / "results.jsonl", rubric, small_rows(rubric))
    path.write_text(path.read_text("utf-8")[:-40], encoding="utf-8")
    error = error_of(read_results, path)
    assert isinstance(error, InputError) and error.line == 4
    assert "not valid JSON" in str(error) and "--resume" in str(error)
    assert str(error).startswith(f"{path}:4: ")


def test_a_jsonl_line_that_is_not_a_report_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "results.jsonl", '{"hello": 1}\n')
    error = error_of(read_results, path)
    assert str(error) == (
        f"{path}:1: not a skillgap batch row (no candidate.id); give the .jsonl, .csv, .json "
        "or .parquet output of 'skillgap batch'"
    )


def test_a_csv_that_is_not_a_batch_csv_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "results.csv", "name,score\nada,3\n")
    error = error_of(read_results, path)
    assert error.line == 1 and "is not a batch CSV" in str(error)


def test_a_csv_row_of_the_wrong_width_names_its_line(tmp_path: Path, rubric: Rubric) -> None:
    path = synthetic.write_results(tmp_path / "results.csv", rubric, small_rows(rubric))
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines[2] = "1,2,3\r\n"
    path.write_text("".join(lines), encoding="utf-8")
    error = error_of(read_results, path)
    assert error.line == 3 and "cells where the header has" in str(error)


def test_a_csv_with_a_bad_score_names_its_line(tmp_path: Path, rubric: Rubric) -> None:
    path = synthetic.write_results(tmp_path / "results.csv", rubric, small_rows(rubric))
    text = path.read_text("utf-8").splitlines(keepends=True)
    cells = text[1].split(",")
    cells[4] = "lots"
    text[1] = ",".join(cells)
    path.write_text("".join(text), encoding="utf-8")
    error = error_of(read_results, path)
    assert error.line == 2 and "overall 'lots' is not a number" in str(error)


def test_malformed_json_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "results.json", '{"meta": {},\n "results": [\n')
    error = error_of(read_results, path)
    assert isinstance(error, InputError) and error.line is not None
    assert "not valid JSON" in str(error)


def test_a_broken_sidecar_is_named(tmp_path: Path, rubric: Rubric) -> None:
    path = synthetic.write_results(tmp_path / "results.csv", rubric, small_rows(rubric))
    sidecar = tmp_path / "results.csv.meta.json"
    sidecar.write_text("{", encoding="utf-8")
    error = error_of(read_results, path)
    assert str(error).startswith(f"{sidecar}:1: not valid JSON")


def test_without_a_sidecar_the_audit_warns(tmp_path: Path, rubric: Rubric) -> None:
    path = synthetic.write_results(tmp_path / "results.csv", rubric, small_rows(rubric))
    (tmp_path / "results.csv.meta.json").unlink()
    results = read_results(path)
    assert results.rubric is None and results.meta_file is None
    assert any("no audit sidecar" in w for w in results.warnings)
    assert all(r.sha256 is None for r in results.rows)


def test_results_that_mix_rubrics_are_refused_naming_them(tmp_path: Path, rubric: Rubric) -> None:
    path = synthetic.write_results(tmp_path / "results.jsonl", rubric, small_rows(rubric))
    lines = path.read_text("utf-8").splitlines()
    other = json.loads(lines[1])
    other["rubric"] = {**other["rubric"], "id": "data-scientist", "sha256": "ab" * 32}
    lines[1] = json.dumps(other)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = error_of(read_results, path)
    assert isinstance(error, ReportError) and error.exit_code == 3
    message = str(error)
    assert "the results mix rubrics: " in message and "\n" not in message
    assert "data-scientist (sha256 abababababab)" in message and rubric.id in message


def test_jsonl_rows_are_put_in_ranking_order(tmp_path: Path, rubric: Rubric) -> None:
    """JSONL is in completion order; the audit ranks it as the batch does: eligible
    candidates first, then by score; error rows last."""
    people = synthetic.people()
    blocked, mid, top, error = people[36], people[20], people[0], people[-1]
    assert blocked.blocked and (blocked.score or 0) > (top.score or 0) > (mid.score or 0)
    rows = [synthetic.batch_row(p, rubric) for p in (blocked, error, mid, top)]
    path = synthetic.write_results(tmp_path / "results.jsonl", rubric, rows)
    results = read_results(path)
    assert [r.id for r in results.rows] == [top.id, mid.id, blocked.id, error.id]
    assert [r.rank for r in results.rows] == [1, 2, 3, None]


# --------------------------------------------------------------------------- groups


def groups(tmp_path: Path, text: str) -> Path:
    return write(tmp_path, "groups.csv", text)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "is empty; it needs a header naming a join column", None),
        ("name,sex\nada,F\n", "has no join column (its columns: name, sex); add a column 'id'", 1),
        ("id\nc-1\n", "has no category columns besides id", 1),
        ("id,sex\n\n", "has a header but no rows", None),
        ("id,sex,sex\nc-1,F,F\n", "the header names column 'sex' twice", 1),
        ("id,,sex\nc-1,x,F\n", "column 2 of the header has no name", 1),
        ("id,sex\nc-1,F\nc-2,M\nc-1,M\n", "id 'c-1' is already on line 2; give each", 4),
        ("id,sex\nc-1,F,extra\n", "has 3 cells where the header has 2", 2),
        ("id,sex\n,F\n", "the id cell is empty", 2),
        ('id,sex\nc-1,"F\n', "is not valid CSV", None),
    ],
)
def test_a_bad_groups_file_is_one_line_naming_the_file_and_line(
    tmp_path: Path, text: str, message: str, line: int | None
) -> None:
    path = groups(tmp_path, text)
    with pytest.raises(InputError) as caught:
        read_groups(path)
    error = caught.value
    assert message in str(error) and "\n" not in str(error)
    assert str(error).startswith(str(path))
    if line is not None:
        assert error.line == line


def test_a_missing_groups_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_groups(tmp_path / "groups.csv")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"join": "person"}, "--join person: "),
        ({"categories": ("gender",)}, "--category gender: "),
        ({"categories": ("id",)}, "--category id is the join column"),
    ],
)
def test_naming_a_column_that_is_not_there_is_a_usage_error(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    path = groups(tmp_path, "id,sex\nc-1,F\n")
    with pytest.raises(UsageError, match=message):
        read_groups(path, **options)  # type: ignore[arg-type]


def test_the_join_column_is_chosen_from_the_header(tmp_path: Path) -> None:
    table = read_groups(groups(tmp_path, "SHA256,path,sex,race\nABC,x,F,Asian\n"))
    assert (table.join_column, table.join_field) == ("SHA256", "sha256")
    assert table.categories == ("sex", "race")  # 'path' is a key column, not a category
    assert set(table.rows) == {"abc"}  # sha256 keys compare in lower case


def test_join_names_any_column(tmp_path: Path) -> None:
    table = read_groups(groups(tmp_path, "person,id,sex\nc-1,x,F\n"), join="person")
    assert (table.join_column, table.join_field) == ("person", "any")
    assert table.categories == ("sex",)


@pytest.mark.parametrize(
    "label",
    [
        "",
        "  ",
        "Unknown",
        "PREFER NOT TO SAY",
        "prefer_not_to_answer.",
        "Declined",
        "N/A",
        "I don\u2019t wish to answer",
    ],
)
def test_unknown_labels_are_recognised(tmp_path: Path, label: str) -> None:
    table = read_groups(groups(tmp_path, f'id,sex\nc-1,"{label}"\n'))
    assert table.rows["c-1"].labels == (None,)


def test_more_unknown_labels_can_be_given(tmp_path: Path) -> None:
    path = groups(tmp_path, "id,sex\nc-1,Not asked\nc-2,Other\n")
    table = read_groups(path, unknown=["not asked"])
    assert table.rows["c-1"].labels == (None,) and table.rows["c-2"].labels == ("Other",)


def test_labels_are_cleaned_but_kept_as_written(tmp_path: Path) -> None:
    table = read_groups(groups(tmp_path, 'id,race\nc-1,"  Black or\tAfrican  American\x1b[2J "\n'))
    assert table.rows["c-1"].labels == ("Black or African American",)


def test_a_groups_file_in_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "groups.csv"
    path.write_bytes("id,sex\r\nc-1,Mujer\r\n".encode("utf-16"))
    assert read_groups(path).rows["c-1"].labels == ("Mujer",)


def test_label_key_ignores_case_spacing_and_punctuation_at_the_end() -> None:
    assert label_key("  Prefer_Not_To   Say. ") == "prefer not to say"
