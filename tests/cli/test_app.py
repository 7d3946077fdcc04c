"""The command-line application (skillgap.cli.app): a bad input is exit 3 with one line on
stderr and no traceback, every command has help with an example, and start-up stays cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from tests.helpers.files import write
from tests.helpers.rubrics import GOOD_RUBRIC

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


RUBRIC_CASES = {
    "yaml-syntax": ("title: [unclosed\n", "YAML syntax error"),
    "unknown-key": (
        GOOD_RUBRIC.replace("    weight: 3\n", "    wieght: 3\n"),
        "unknown key 'wieght'",
    ),
    "duplicate-key": (
        GOOD_RUBRIC.replace('version: "1.0"\n', 'version: "1.0"\nid: again\n'),
        "duplicate key 'id'",
    ),
    "wrong-type": (GOOD_RUBRIC.replace("    weight: 3\n", "    weight: [3]\n"), "must be a number"),
    "empty": ("", "file is empty"),
}


@pytest.mark.parametrize("case", sorted(RUBRIC_CASES))
def test_bad_rubric_exits_3_with_one_line(case: str, resume: Path, tmp_path: Path) -> None:
    content, expected = RUBRIC_CASES[case]
    rubric = write(tmp_path, f"{case}.yaml", content)
    code, out, err = invoke("analyze", str(resume), "--rubric", str(rubric))
    assert code == 3, err
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"skillgap: {rubric}")
    assert expected in err
    if case != "empty":
        assert err.startswith(f"skillgap: {rubric}:"), "line:col expected"


PROFILE_CASES = {
    "empty.txt": (b"", "file is empty"),
    "binary.pdf.txt": (bytes(range(256)) * 8, "binary file"),
    "truncated.json": (b'{"basics": {"name": "A", "summary": "Py', "ends early"),
}


@pytest.mark.parametrize("name", sorted(PROFILE_CASES))
def test_bad_profile_exits_3_with_one_line(name: str, tmp_path: Path) -> None:
    content, expected = PROFILE_CASES[name]
    path = write(tmp_path, name, content)
    code, out, err = invoke("analyze", str(path))
    assert code == 3
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"skillgap: {path}") and expected in err


def test_version() -> None:
    from skillgap import __version__

    assert invoke("--version")[1].strip() == f"skillgap {__version__}"


def test_every_command_has_help_with_an_example() -> None:
    import typer.core
    import typer.main

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    assert group.commands
    for name in group.commands:
        code, out, _ = invoke(name, "--help")
        assert code == 0
        assert "Example" in out and f"skillgap {name}" in out, f"{name} --help lacks an example"


@pytest.mark.parametrize("args", [["--help"], ["rubrics"]])
def test_cheap_commands_do_not_import_the_matcher(args: list[str]) -> None:
    """`skillgap --help` and `skillgap rubrics` must start fast: no rapidfuzz import."""
    code = (
        f"import sys; sys.argv = ['skillgap', *{args!r}]\n"
        "from skillgap.cli import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('rapidfuzz' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("False"), result.stdout


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "skillgap", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.startswith("skillgap ")
