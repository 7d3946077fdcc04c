"""``skillgap audit`` on the command line (skillgap.cli.audit): the same numbers as the
library, every output format, exit codes, one-line errors; and the groups file is never
read by ``skillgap batch`` or ``skillgap analyze``."""

from __future__ import annotations

import json
import os
import random
import stat
from pathlib import Path

import pytest
from benchmarks.synthetic import rubric_vocabulary, synthetic_resume
from typer.testing import CliRunner

from skillgap.audit import run_audit
from skillgap.cli import app
from skillgap.rubric.model import Rubric
from skillgap.schema import schema_text
from tests.conftest import ROOT
from tests.helpers.batch import STRONG, WEAK
from tests.unit.audit import synthetic


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, rubric: Rubric) -> Path:
    """The synthetic 1,000-row batch as JSONL, CSV and JSON, and its groups file."""
    base = tmp_path_factory.mktemp("cli-audit")
    for fmt in ("jsonl", "csv", "json"):
        synthetic.write_results(base / f"results.{fmt}", rubric)
    (base / "groups.csv").write_text(synthetic.groups_text(), encoding="utf-8")
    return base


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
@pytest.mark.parametrize("selected", ["median", "top:465", "score:70"])
def test_the_command_prints_what_the_library_computes(files: Path, fmt: str, selected: str) -> None:
    from skillgap.audit import AuditOptions, SelectionRule

    results, groups = files / f"results.{fmt}", files / "groups.csv"
    code, out, err = invoke(
        "audit", str(results), "--groups", str(groups), "--selected", selected, "-f", "json"
    )
    assert code == 0, err
    assert err == ""
    expected = run_audit(results, groups, AuditOptions(selection=SelectionRule.parse(selected)))
    assert out == expected.to_json()


def test_the_output_file_and_its_format_follow_the_extension(files: Path, tmp_path: Path) -> None:
    for name, start in (("a.json", "{"), ("a.md", "# Fairness audit"), ("a.html", "<!DOCTYPE")):
        output = tmp_path / name
        code, out, err = invoke(
            "audit",
            str(files / "results.jsonl"),
            "-g",
            str(files / "groups.csv"),
            "-o",
            str(output),
        )
        assert code == 0, err
        assert out == ""
        assert output.read_text("utf-8").startswith(start)
        assert err.startswith(f"wrote {output}: ") and "flagged impact ratios" in err
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind


def test_the_terminal_report_is_the_default(files: Path) -> None:
    code, out, _ = invoke("audit", str(files / "results.csv"), "-g", str(files / "groups.csv"))
    assert code == 0
    assert out.startswith("Fairness audit\n")
    assert "sex × race_ethnicity" in out and "excluded: under 2%" in out


def test_fail_on_flag_exits_1_naming_the_flagged_categories(files: Path) -> None:
    args = ["audit", str(files / "results.jsonl"), "-g", str(files / "groups.csv"), "-f", "json"]
    code, out, err = invoke(*args, "--fail-on-flag")
    assert code == 1
    assert json.loads(out)["flagged"] > 0  # the audit is still printed
    assert err.startswith("skillgap: ") and "under 0.8" in err
    assert "race_ethnicity: Black, Hispanic or Latino" in err
    assert err.count("\n") == 1
    code, _, _ = invoke(*args, "--category", "sex", "--fail-on-flag")
    assert code == 0  # no ratio of 'sex' alone is flagged


def test_the_json_audit_schema_is_printed_and_committed() -> None:
    code, out, _ = invoke("schema", "audit")
    assert code == 0
    assert out == schema_text("audit") == (ROOT / "schema" / "audit.schema.json").read_text("utf-8")


# --------------------------------------------------------------------------- errors


def one_line_error(args: list[str], code: int) -> str:
    got, out, err = invoke(*args)
    assert got == code, err
    assert out == ""
    assert err.startswith("skillgap: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def test_a_missing_results_file_exits_3(tmp_path: Path, files: Path) -> None:
    err = one_line_error(["audit", str(tmp_path / "r.jsonl"), "-g", str(files / "groups.csv")], 3)
    assert "r.jsonl: no such file" in err


def test_a_missing_groups_file_exits_3(files: Path, tmp_path: Path) -> None:
    err = one_line_error(
        ["audit", str(files / "results.csv"), "-g", str(tmp_path / "groups.csv")], 3
    )
    assert "groups.csv: no such file" in err


def test_without_groups_is_a_usage_error(files: Path) -> None:
    code, _, err = invoke("audit", str(files / "results.csv"))
    assert code == 2 and "--groups" in err


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("name,sex\nx,F\n", "has no join column"),
        ("id,sex\nc-1,F\nc-1,M\n", "groups.csv:3: id 'c-1' is already on line 2"),
        ('id,sex\nc-1,"F\n', "is not valid CSV"),
    ],
)
def test_a_bad_groups_file_exits_3_naming_it(
    files: Path, tmp_path: Path, text: str, needle: str
) -> None:
    groups = tmp_path / "groups.csv"
    groups.write_text(text, encoding="utf-8")
    err = one_line_error(["audit", str(files / "results.csv"), "-g", str(groups)], 3)
    assert needle in err


def test_a_groups_file_of_another_batch_exits_3(files: Path, tmp_path: Path) -> None:
    groups = tmp_path / "groups.csv"
    groups.write_text("id,sex\nc-000000000000,F\n", encoding="utf-8")
    err = one_line_error(["audit", str(files / "results.csv"), "-g", str(groups)], 3)
    assert f"{groups}: no row matches a row of results.csv by its id column" in err


def test_an_empty_results_file_exits_3(tmp_path: Path, files: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text("", encoding="utf-8")
    err = one_line_error(["audit", str(results), "-g", str(files / "groups.csv")], 3)
    assert "has no rows: nothing to audit" in err


def test_results_with_only_errors_exit_3(tmp_path: Path, files: Path, rubric: Rubric) -> None:
    rows = [synthetic.batch_row(p, rubric) for p in synthetic.people()[-3:]]
    results = synthetic.write_results(tmp_path / "results.jsonl", rubric, rows)
    err = one_line_error(["audit", str(results), "-g", str(files / "groups.csv")], 3)
    assert "has no scored rows (3 error rows)" in err


def test_a_malformed_jsonl_line_exits_3_with_its_line(tmp_path: Path, files: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text('{"status": "error", "id": "c-1"}\n{"candid\n', encoding="utf-8")
    err = one_line_error(["audit", str(results), "-g", str(files / "groups.csv")], 3)
    assert f"{results}:2: not valid JSON" in err


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (["--selected", "best:3"], "--selected 'best:3': say median, top:N"),
        (["--selected", "top:0"], "--selected 'top:0'"),
        (["--selected", "score:101"], "--selected 'score:101'"),
        (["--join", "person"], "--join person: "),
        (["--category", "gender"], "--category gender: "),
        (["-f", "json", "-o", "audit.html"], "--format json but --output 'audit.html'"),
    ],
)
def test_bad_options_exit_2(files: Path, extra: list[str], needle: str) -> None:
    err = one_line_error(
        ["audit", str(files / "results.csv"), "-g", str(files / "groups.csv"), *extra], 2
    )
    assert needle in err


def test_a_damaged_parquet_file_exits_3_in_one_line(tmp_path: Path, files: Path) -> None:
    results = tmp_path / "results.parquet"
    results.write_bytes(b"PAR1")
    err = one_line_error(["audit", str(results), "-g", str(files / "groups.csv")], 3)
    assert "is not a readable Parquet file" in err


def test_the_output_may_not_be_an_input(files: Path, tmp_path: Path) -> None:
    groups = tmp_path / "groups.csv"
    groups.write_text(synthetic.groups_text(), encoding="utf-8")
    err = one_line_error(
        ["audit", str(files / "results.csv"), "-g", str(groups), "-o", str(groups)], 2
    )
    assert "writing would destroy it" in err
    assert groups.read_text("utf-8") == synthetic.groups_text()


# --------------------------------------------------------------------------- end to end


@pytest.fixture
def resumes(tmp_path: Path) -> Path:
    """A folder of six synthetic resumes; nothing else in it."""
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "grace.txt").write_text(STRONG, encoding="utf-8")
    (folder / "tim.txt").write_text(WEAK, encoding="utf-8")
    rng = random.Random(15)
    vocabulary = rubric_vocabulary()
    for index in range(4):
        text = synthetic_resume(rng, vocabulary, target=1500)
        (folder / f"synthetic-{index}.txt").write_text(text, encoding="utf-8")
    return folder


def batch_outputs(resumes: Path, out: Path) -> dict[str, bytes]:
    """Run `skillgap batch` on ``resumes`` into ``out`` as JSON, CSV and JSONL; every file
    written, by name."""
    out.mkdir()
    for name in ("results.json", "results.csv", "results.jsonl"):
        code, _, err = invoke(
            "batch", str(resumes), "-o", str(out / name), "--as-of", "2025-06-01", "--jobs", "1"
        )
        assert code == 0, err
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_batch_never_reads_the_groups_file(resumes: Path, tmp_path: Path) -> None:
    """With and without a groups.csv beside the resumes, and with one nobody may read,
    the batch writes byte-identical outputs (the audit trail included)."""
    without = batch_outputs(resumes, tmp_path / "without")
    groups = resumes.parent / "groups.csv"
    lines = ["file,sex"] + [f"{p},Female" for p in sorted(resumes.iterdir())]
    groups.write_text("\n".join(lines) + "\n", encoding="utf-8")
    present = batch_outputs(resumes, tmp_path / "present")
    groups.chmod(0)
    try:
        if os.geteuid() != 0:  # root reads anything; for others the file is now unreadable
            with pytest.raises(PermissionError):
                groups.read_bytes()
        unreadable = batch_outputs(resumes, tmp_path / "unreadable")
    finally:
        groups.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert set(without) == {
        "results.json",
        "results.csv",
        "results.csv.meta.json",
        "results.jsonl",
        "results.jsonl.meta.json",
    }
    assert without["results.jsonl"].count(b"\n") == 6
    assert present == without
    assert unreadable == without


def test_analyze_never_reads_the_groups_file(resumes: Path) -> None:
    resume = resumes / "grace.txt"
    args = ["analyze", str(resume), "-f", "json", "--as-of", "2025-06-01"]
    before = invoke(*args)
    groups = resumes.parent / "groups.csv"
    groups.write_text(f"file,sex\n{resume},Female\n", encoding="utf-8")
    groups.chmod(0)
    try:
        after = invoke(*args)
    finally:
        groups.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert before[0] == after[0] == 0
    assert before == after


def test_a_real_blind_batch_is_audited_by_sha256(resumes: Path, tmp_path: Path) -> None:
    """batch --blind, then audit with the organisation's groups file keyed by sha256."""
    import hashlib

    output = tmp_path / "blind.jsonl"
    code, _, err = invoke(
        "batch", str(resumes), "--blind", "-o", str(output), "--as-of", "2025-06-01"
    )
    assert code == 0, err
    groups = tmp_path / "groups.csv"
    lines = ["sha256,sex"]
    for index, path in enumerate(sorted(resumes.iterdir())):
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{sha},{'Female' if index % 2 else 'Male'}")
    groups.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = invoke("audit", str(output), "-g", str(groups), "-f", "json")
    assert code == 0, err
    audit = json.loads(out)
    assert audit["trail"]["batch"]["blind"] is True
    assert audit["sample"]["scored"] == 6 and audit["sample"]["without_group_row"] == 0
    sex = audit["columns"][0]
    assert [c["label"] for c in sex["categories"]] == ["Female", "Male"]
    assert sum(c["count"] for c in sex["categories"]) == 6
