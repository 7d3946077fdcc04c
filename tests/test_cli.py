"""The command line: exit codes, stdout/stderr discipline, help, and start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app

from .conftest import DATA

runner = CliRunner()
GOOD_RUBRIC = (DATA / "mini-rubric.yaml").read_text("utf-8")
RESUME = """Sam Example
sam@example.com

SUMMARY
Machine learning engineer with 11 years of experience.

EXPERIENCE
Staff ML Engineer, Acme             Jan 2015 - Present
- Led a team of 6 ML engineers building PyTorch and TensorFlow models on Kubernetes.
- Mentored junior data scientists; presented results to the executive team.

EDUCATION
M.S. in Computer Science

SKILLS
Python, SQL, Spark, AWS
"""


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    return write(tmp_path, "sam.txt", RESUME)


def test_analyze_json_follows_the_contract(resume: Path) -> None:
    code, out, err = invoke("analyze", str(resume), "--format", "json", "--as-of", "2026-11-01")
    assert code == 0, err
    report = json.loads(out)
    assert report["schema_version"] == "1.1"
    assert report["tool"]["name"] == "skillgap"
    assert report["rubric"]["id"] == "principal-ml-engineer"
    assert len(report["rubric"]["sha256"]) == 64
    assert report["candidate"]["name"] == "Sam Example"
    assert 0 <= report["overall"]["score"] <= 100
    skills = [s for a in report["areas"] for r in a["requirements"] for s in r["skills"]]
    matched = [s for s in skills if s["matched"]]
    assert {"Python", "PyTorch", "TensorFlow", "Kubernetes"} <= {s["name"] for s in matched}
    for skill in matched:
        for evidence in skill["evidence"]:
            assert evidence["text"] and evidence["source"]
            assert evidence["method"] in {"declared", "exact", "alias", "fuzzy"}
            assert 0 < evidence["similarity"] <= 1
    assert err == ""


def test_json_output_is_byte_identical_across_runs(resume: Path) -> None:
    first = invoke("analyze", str(resume), "-f", "json", "--as-of", "2026-11-01")[1]
    second = invoke("analyze", str(resume), "-f", "json", "--as-of", "2026-11-01")[1]
    assert first == second


def test_output_file_gets_the_report_and_stderr_a_summary(resume: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, err = invoke("analyze", str(resume), "-f", "json", "-o", str(target))
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text("utf-8"))["candidate"]["format"] == "text"
    assert err.startswith(f"wrote {target}: ")


def test_terminal_report_is_plain_text_when_not_a_tty(resume: Path) -> None:
    code, out, _ = invoke("analyze", str(resume))
    assert code == 0
    assert "\x1b" not in out
    assert "Principal Machine Learning Engineer" in out
    assert "Top gaps" in out


def test_markdown_report(resume: Path) -> None:
    code, out, _ = invoke("analyze", str(resume), "-f", "markdown")
    assert code == 0
    assert out.startswith("# Principal Machine Learning Engineer: gap report")
    assert "| Area | Weight | Score |" in out


def test_fail_under_exits_1_with_a_message(resume: Path) -> None:
    code, out, err = invoke("analyze", str(resume), "-f", "json", "--fail-under", "99")
    assert code == 1
    assert json.loads(out)["overall"]["score"] < 99
    assert "is under --fail-under 99" in err


def test_blind_removes_name_and_keeps_score(resume: Path) -> None:
    normal = json.loads(invoke("analyze", str(resume), "-f", "json")[1])
    blind = json.loads(invoke("analyze", str(resume), "-f", "json", "--blind")[1])
    assert blind["overall"] == normal["overall"]
    assert blind["candidate"]["name"] is None
    assert "Sam Example" not in json.dumps(blind)


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


def test_usage_errors_exit_2(resume: Path) -> None:
    assert invoke("analyze", str(resume), "--format", "pdf")[0] == 2
    assert invoke("analyze", str(resume), "--as-of", "yesterday")[0] == 2
    assert invoke("analyze", str(resume), "--profile-format", "pdf2")[0] == 2
    assert invoke("analyze")[0] == 2


def test_unknown_rubric_id_exits_3(resume: Path) -> None:
    code, _, err = invoke("analyze", str(resume), "--rubric", "no-such-role")
    assert code == 3
    assert "bundled rubrics: " in err and "principal-ml-engineer" in err


def test_rubrics_lists_the_bundled_rubric() -> None:
    code, out, _ = invoke("rubrics")
    assert code == 0
    assert "principal-ml-engineer" in out and "Principal Machine Learning Engineer" in out


def test_version() -> None:
    from skillgap import __version__

    assert invoke("--version")[1].strip() == f"skillgap {__version__}"


def test_every_command_has_help_with_an_example() -> None:
    import typer.main

    group = typer.main.get_command(app)
    assert group.commands  # type: ignore[attr-defined]
    for name in group.commands:  # type: ignore[attr-defined]
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
