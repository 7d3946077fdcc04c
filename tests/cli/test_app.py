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
    from skillgap._build import build_description

    # "skillgap 0.1.0 (pure Python)" or "skillgap 0.1.0 (compiled: 19 of 19 modules)"
    assert invoke("--version")[1].strip() == f"skillgap {__version__} ({build_description()})"


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


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("analyze", "Usage: skillgap analyze [OPTIONS] PROFILE\n"),
        ("batch", "Usage: skillgap batch [OPTIONS] INPUT...\n"),
        ("validate", "Usage: skillgap validate [OPTIONS] PATH...\n"),
        ("diff", "Usage: skillgap diff [OPTIONS] OLD.json NEW.json\n"),
    ],
)
def test_help_shows_arguments_as_unix_tools_do(command: str, usage: str) -> None:
    """No ``{PROFILE}`` or Python types (``<list[str]>``, ``<path>``) in the help."""
    code, out, _ = invoke(command, "--help")
    assert code == 0 and usage in out
    assert "{" not in out.split("\n")[0]
    assert "<list" not in out and "<path>" not in out


def test_analyze_help_names_every_format() -> None:
    out = " ".join(invoke("analyze", "--help")[1].split())
    assert "PDF" in out and "DOCX" in out and "pdf, docx" in out


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (["analyze", "x.md", "-f", "yaml"], "terminal, json, markdown, html"),
        (["diff", "a.json", "b.json", "--format", "html"], "terminal, json, markdown"),
    ],
)
def test_a_wrong_format_is_refused_in_plain_words(args: list[str], choices: str) -> None:
    code, _, err = invoke(*args)
    assert code == 2
    assert f"is not one of: {choices}" in err and "Value error" not in err


def test_formats_are_read_in_any_case(tmp_path: Path) -> None:
    resume = write(tmp_path, "r.md", "# Dana\n\nSKILLS\nPython, PyTorch\n")
    code, out, _ = invoke("analyze", str(resume), "-f", "JSON")
    assert code == 0 and out.lstrip().startswith("{")


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


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("skillgap ana", "1", {"analyze"}),
        ("skillgap analyze -f ", "3", {"terminal", "json", "markdown", "html"}),
        ("skillgap analyze --rubric principal", "3", {"principal-ml-engineer"}),
        ("skillgap analyze --ladder ", "3", {"ml-engineer"}),
    ],
)
def test_shell_completion_offers_commands_formats_and_bundled_ids(
    words: str, cword: str, expected: set[str]
) -> None:
    """What bash gets from the completion script the README documents."""
    import os

    env = {**os.environ, "_SKILLGAP_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = cword
    done = subprocess.run(
        [sys.executable, "-m", "skillgap"], env=env, capture_output=True, text=True, timeout=60
    )
    assert set(done.stdout.split()) == expected


def test_completion_script_is_printed_for_each_shell() -> None:
    for shell in ("bash", "zsh", "fish"):
        done = subprocess.run(
            [sys.executable, "-m", "skillgap", "--show-completion", shell],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0 and "_SKILLGAP_COMPLETE" in done.stdout
