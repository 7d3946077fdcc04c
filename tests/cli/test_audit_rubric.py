"""``skillgap audit-rubric`` on the command line (skillgap.cli.audit_rubric): formats,
exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from skillgap.cli import app
from tests.conftest import EXAMPLES, FIXTURES

PROXY = str(FIXTURES / "fairness" / "proxy-rubric.yaml")
FAST = ["--as-of", "2025-06-01", "--family", "language", "--family", "gendered-words"]


def test_a_rubric_that_scores_identity_exits_1_naming_the_requirement() -> None:
    result = CliRunner().invoke(app, ["audit-rubric", PROXY, *FAST])
    assert result.exit_code == 1, result.stderr
    assert "IDENTITY-DRIVEN" in result.stdout
    assert "Native English speaker [communication" in result.stdout
    assert "Greek life [network" in result.stdout
    assert "FAILED" in result.stdout


def test_the_same_rubric_is_caught_by_the_proxy_lint() -> None:
    """Acceptance: both ways of looking catch the rubric — validate's fairness rules on
    its text, audit-rubric on its scores."""
    result = CliRunner().invoke(app, ["validate", PROXY, "-f", "json"])
    assert result.exit_code == 0, result.stderr  # warnings, not errors
    found = json.loads(result.stdout)
    rules = {(p["rule"], p["line"]) for p in found["problems"]}
    assert ("national-origin-proxy", 21) in rules
    assert ("gendered-wording", 28) in rules


def test_a_fair_rubric_exits_0() -> None:
    result = CliRunner().invoke(app, ["audit-rubric", "ml-engineer-entry", *FAST])
    assert result.exit_code == 0, result.stderr
    assert "PASSED" in result.stdout


def test_json_goes_to_stdout_and_the_verdict_to_stderr() -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["audit-rubric", PROXY, *FAST, "--format", "json"])
    again = runner.invoke(app, ["audit-rubric", PROXY, *FAST, "--format", "json"])
    assert first.stdout == again.stdout
    data = json.loads(first.stdout)
    assert data["passed"] is False and data["identity_driven"] == 8
    assert "8 identity-driven" in first.stderr


def test_markdown_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "audit.md"
    result = CliRunner().invoke(app, ["audit-rubric", PROXY, *FAST, "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    text = out.read_text("utf-8")
    assert text.startswith("# Counterfactual test: Data Analyst \\(with proxies\\)")
    assert "| Gendered words | sex | 8 | 4 | 0 |" in text


def test_profiles_given_on_the_command_line_are_varied(tmp_path: Path) -> None:
    resume = str(EXAMPLES / "plain-text-resume.txt")
    result = CliRunner().invoke(
        app, ["audit-rubric", PROXY, resume, "--as-of", "2025-06-01", "-f", "json"]
    )
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert [p["id"] for p in data["profiles"]] == [resume]


def test_bad_inputs_are_one_line_errors() -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["audit-rubric", "no-such-rubric.yaml"])
    assert missing.exit_code == 3 and missing.stderr.count("\n") == 1
    structured = runner.invoke(
        app, ["audit-rubric", PROXY, str(EXAMPLES / "junior-ml-engineer-profile.yaml")]
    )
    assert structured.exit_code == 3
    assert "varies the text of a resume" in structured.stderr
    family = runner.invoke(app, ["audit-rubric", PROXY, "--family", "nope"])
    assert family.exit_code == 2 and "unknown family 'nope'" in family.stderr
    date = runner.invoke(app, ["audit-rubric", PROXY, "--as-of", "yesterday"])
    assert date.exit_code == 2
