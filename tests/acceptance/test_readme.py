"""Drift tests: the README tells the truth, and CI runs what the README says."""

from __future__ import annotations

import re
import shlex

from typer.testing import CliRunner

from skillgap.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
CI = (ROOT / ".ci" / "run").read_text("utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_quick_start_has_exactly_two_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)


def test_ci_runs_the_readme_test_command() -> None:
    test_command = quick_start_commands()[1]
    assert "pytest" in test_command
    assert test_command in CI


def test_the_readme_run_command_works() -> None:
    """The part after 'pip install . &&' runs against the bundled example and rubric."""
    run = quick_start_commands()[0].split("&&", 1)[1].strip()
    argv = shlex.split(run)
    assert argv[0] == "skillgap"
    result = CliRunner().invoke(app, argv[1:])
    assert result.exit_code == 0, result.stderr
    assert "Principal Machine Learning Engineer" in result.stdout


def test_files_the_readme_mentions_exist() -> None:
    for path in re.findall(r"\((docs/[\w./-]+\.md)\)", README) + re.findall(
        r"(examples/[\w./-]+\.\w+)", README
    ):
        assert (ROOT / path).exists(), path
