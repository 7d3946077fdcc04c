"""``skillgap validate`` and ``skillgap schema`` on the command line (skillgap.cli.validate):
output formats, exit codes, stdout/stderr discipline and the GitHub Actions default."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from skillgap.schema import schema_text
from tests.conftest import ROOT
from tests.helpers.rubrics import MINI

runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"GITHUB_ACTIONS": "", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def test_three_mistakes_give_three_lines_and_exit_1(broken: tuple[Path, dict[str, int]]) -> None:
    path, lines = broken
    code, out, err = invoke("validate", str(path))
    assert code == 1, err
    reported = [
        (int(line.split(":")[1]), line.rsplit("[", 1)[1].rstrip("]")) for line in out.splitlines()
    ]
    assert sorted(reported) == sorted((line, rule) for rule, line in lines.items())
    assert err == "1 file checked: 3 errors\n"


def test_github_format_prints_three_error_annotations(broken: tuple[Path, dict[str, int]]) -> None:
    path, lines = broken
    code, out, _ = invoke("validate", "--format", "github", str(path))
    assert code == 1
    assert len(out.splitlines()) == 3
    for line in out.splitlines():
        assert line.startswith(f"::error file={path},line=")
    assert {int(line.split("line=")[1].split(",")[0]) for line in out.splitlines()} == set(
        lines.values()
    )


def test_github_format_is_the_default_under_github_actions(
    broken: tuple[Path, dict[str, int]],
) -> None:
    path, _ = broken
    code, out, _ = invoke("validate", str(path), env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert [line[:7] for line in out.splitlines()] == ["::error"] * 3
    code, out, _ = invoke("validate", str(path), "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert out.startswith(str(path))


def test_json_format_is_machine_readable(broken: tuple[Path, dict[str, int]]) -> None:
    path, lines = broken
    code, out, _ = invoke("validate", "-f", "json", str(path))
    assert code == 1
    document = json.loads(out)
    assert document["files"] == [str(path)]
    assert document["counts"] == {"error": 3, "warning": 0, "info": 0}
    assert sorted(p["line"] for p in document["problems"]) == sorted(lines.values())


def test_the_repository_rubrics_pass_strict_through_the_link() -> None:
    code, out, err = invoke("validate", "--strict", str(ROOT / "rubrics") + "/")
    assert (code, out) == (0, ""), out + err
    count = len(list((ROOT / "src" / "skillgap" / "rubrics").glob("*.yaml")))
    assert err == f"{count} files checked: no problems\n"


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    # R is matched as written (the knowledge base would guard it), so it is unguarded.
    path.write_text(MINI.replace("name: Python", "{name: R, knowledge: false}"), encoding="utf-8")
    code, out, err = invoke("validate", str(path))
    assert code == 0
    assert "warning" in out and "unguarded-form" in out
    code, _, err = invoke("validate", "--strict", str(path))
    assert code == 1
    assert err == "1 file checked: 1 warning (warnings fail with --strict)\n"
    assert invoke("validate", "--strict", "--disable", "unguarded-form", str(path))[0] == 0


def test_an_unreadable_path_exits_3_after_checking_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(MINI, encoding="utf-8")
    code, out, err = invoke("validate", str(tmp_path / "missing.yaml"), str(good))
    assert code == 3
    assert out == f"{tmp_path / 'missing.yaml'}: error: no such file or directory [unreadable]\n"
    assert err == "1 file checked: 1 error\n"


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["validate", "--disable", "no-such-rule", "x.yaml"],
        ["validate", "--format", "xml", "x.yaml"],
        ["schema"],
        ["schema", "rubrik"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _, _ = invoke(*args)
    assert code == 2


def test_schema_prints_json_schema() -> None:
    code, out, _ = invoke("schema", "rubric")
    assert code == 0
    assert out == schema_text("rubric")


def test_schema_write_regenerates_the_files(tmp_path: Path) -> None:
    code, _, err = invoke("schema", "--write", str(tmp_path))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "audit.schema.json",
        "profile.schema.json",
        "report.schema.json",
        "rubric.schema.json",
    ]
    assert (tmp_path / "report.schema.json").read_text("utf-8") == schema_text("report")
    assert invoke("schema", "--write", str(tmp_path / "nope"))[0] == 2


@pytest.mark.parametrize("command", ["validate", "schema"])
def test_help_has_examples(command: str) -> None:
    code, out, _ = invoke(command, "--help")
    assert code == 0
    assert f"skillgap {command} " in out.split("Examples:")[1]


def test_help_does_not_load_the_matcher() -> None:
    """The validate and schema commands import their modules only when they run: no
    linter, matcher or model module is loaded to print help (``skillgap.schema`` itself
    is light: it names the schemas and imports the models only to export one).

    (Typer itself imports pydantic for any subcommand, so that is not checked here.)
    """
    code = (
        "import sys\nfrom skillgap.cli import app\ntry:\n    app(['validate', '--help'])\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('rapidfuzz', 'skillgap.lint', 'skillgap.matching',\n"
        "                     'skillgap.rubric', 'skillgap.report', 'skillgap.profiles')\n"
        "         if m in sys.modules]\n"
        "print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
