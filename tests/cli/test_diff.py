"""``skillgap diff`` on the command line (skillgap.cli.diff): formats, output files, exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from skillgap.analysis import analyze
from skillgap.cli import app
from skillgap.profiles import load_profile
from skillgap.report.model import GapReport
from skillgap.rubric.parse import load_rubric
from tests.conftest import EXAMPLES

AS_OF = dt.date(2026, 1, 15)


def write(tmp_path: Path, name: str, report: GapReport) -> Path:
    path = tmp_path / name
    path.write_text(report.to_json(), "utf-8")
    return path


def test_diff_command_formats_and_exit_codes(
    tmp_path: Path, before: GapReport, after: GapReport
) -> None:
    old, new = write(tmp_path, "old.json", before), write(tmp_path, "new.json", after)
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    expected = round(after.overall.score - before.overall.score, 1)
    assert json.loads(result.stdout)["overall_change"] == expected
    result = runner.invoke(
        app, ["diff", str(old), str(new), "-f", "markdown", "-o", str(tmp_path / "p.md")]
    )
    assert result.exit_code == 0 and result.stdout == ""
    assert (tmp_path / "p.md").read_text("utf-8").startswith("# Principal Machine Learning")


def test_diff_command_refuses_different_rubrics_unless_forced(
    tmp_path: Path, before: GapReport
) -> None:
    other = analyze(
        load_profile(EXAMPLES / "junior-ml-engineer-profile.yaml"),
        load_rubric("ml-engineer-mid"),
        as_of=AS_OF,
    )
    old, new = write(tmp_path, "old.json", before), write(tmp_path, "new.json", other)
    result = CliRunner().invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(
        f"skillgap: cannot compare {old} and {new}: they were scored against different rubrics"
    )
    forced = CliRunner().invoke(app, ["diff", str(old), str(new), "--any-rubric"])
    assert forced.exit_code == 0 and "warning: reports were scored against" in forced.stdout


def test_diff_command_unreadable_report_exits_3(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["diff", str(tmp_path / "nope.json"), str(tmp_path / "nope.json")]
    )
    assert result.exit_code == 3
    assert result.stderr == f"skillgap: {tmp_path / 'nope.json'}: no such file\n"
