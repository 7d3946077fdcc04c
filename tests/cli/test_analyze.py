"""``skillgap analyze`` and ``skillgap rubrics`` on the command line (skillgap.cli.analyze):
the JSON contract, every output format, output files, --fail-under, --blind and usage
errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from skillgap.cli import app
from skillgap.matching.evidence import METHODS
from tests.conftest import EXAMPLES
from tests.helpers.html import find, parse

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_analyze_json_follows_the_contract(resume: Path) -> None:
    code, out, err = invoke("analyze", str(resume), "--format", "json", "--as-of", "2026-11-01")
    assert code == 0, err
    report = json.loads(out)
    assert report["schema_version"] == "1.3"
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
            assert evidence["method"] in METHODS
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


def test_a_bad_rubric_still_stops_analyze_with_one_line(
    broken: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    path, lines = broken
    resume = tmp_path / "sam.txt"
    resume.write_text("Sam\n\nSKILLS\nPython\n", encoding="utf-8")
    code, out, err = invoke("analyze", str(resume), "--rubric", str(path))
    assert code == 3
    assert out == ""
    assert err.startswith(f"skillgap: {path}:{lines['duplicate-key']}:1: duplicate key")
    assert len(err.splitlines()) == 1


def test_analyze_format_html_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app,
        [
            "analyze",
            str(EXAMPLES / "junior-ml-engineer-profile.yaml"),
            "--format",
            "html",
            "--ladder",
            "ml-engineer",
            "--as-of",
            "2026-01-15",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.stderr
    parser = parse(out.read_text("utf-8"))
    assert len(find(parser, "svg")) == 3
    assert find(parser, "section", id="ladder")


JSONC_RESUME = """// Exported by a JSON Resume site template
{
  "basics": {
    "name": "Ada Example",
    "summary": "ML engineer: PyTorch models on Kubernetes // in \\"production\\"",
  },
  /* skills, as the template writes them */
  "skills": [{"name": "Python", "keywords": ["SQL", "Spark",],},],
}
"""


def test_analyze_reads_a_json_resume_with_comments_and_warns_in_the_report(
    tmp_path: Path,
) -> None:
    """The warning is one of the report's warnings, like every warning about a profile,
    and one line on stderr naming the file (the report may be going to a file)."""
    path = tmp_path / "resume.json"
    path.write_text(JSONC_RESUME, encoding="utf-8")
    code, out, err = invoke("analyze", str(path), "-f", "json", "--as-of", "2026-11-01")
    assert code == 0, err
    assert err == (
        f"skillgap: {path}: warning: not strict JSON (a comment at line 1, column 1): read as "
        "JSON with comments and trailing commas (JSON5); evidence from it has no line numbers\n"
    )
    report = json.loads(out)
    assert report["warnings"] == [
        (
            "not strict JSON (a comment at line 1, column 1): read as JSON with comments and "
            "trailing commas (JSON5); evidence from it has no line numbers"
        )
    ]
    skills = [s for a in report["areas"] for r in a["requirements"] for s in r["skills"]]
    matched = {s["name"] for s in skills if s["matched"]}
    assert {"Python", "SQL", "Spark", "PyTorch", "Kubernetes"} <= matched
    code, out, err = invoke("analyze", str(path), "--blind")
    assert code == 0 and err.count("\n") == 1
    assert "warning: not strict JSON (a comment at line 1, column 1)" in out
    assert "resume.json" not in out  # the warning does not name the file: --blind holds


def test_analyze_of_a_json_resume_broken_besides_its_comments_is_one_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "resume.json"
    path.write_text(JSONC_RESUME.replace('"Ada Example",', '"Ada Example"'), encoding="utf-8")
    code, out, err = invoke("analyze", str(path))
    assert code == 3 and out == ""
    assert err == (
        f"skillgap: {path}:5:5: invalid JSON (read as JSON5 because of a comment at line 1): "
        "unexpected '\"'; check for a missing comma, quote or bracket just before it\n"
    )


def test_a_misspelt_rubric_id_gets_a_suggestion() -> None:
    result = CliRunner().invoke(
        app,
        ["analyze", str(EXAMPLES / "plain-text-resume.txt"), "--rubric", "principal-ml-engneer"],
    )
    assert result.exit_code == 3
    assert "did you mean 'principal-ml-engineer'?" in result.stderr


def test_an_output_that_cannot_be_written_is_refused_before_reading(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["analyze", str(EXAMPLES / "plain-text-resume.txt"), "-o", str(tmp_path / "no" / "r.json")],
    )
    assert result.exit_code == 3
    assert "folder" in result.stderr and "does not exist" in result.stderr
