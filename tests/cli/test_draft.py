"""``skillgap draft`` on the command line (skillgap.cli.draft): where the draft goes,
refusing to overwrite, and one clear line with exit code 3 for bad input."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from skillgap.cli import app
from tests.conftest import FIXTURES
from tests.helpers.pdf import encrypted_pdf

runner = CliRunner()
POSTING = FIXTURES / "postings" / "platform-engineer.txt"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_draft_goes_to_stdout_and_the_summary_to_stderr() -> None:
    code, out, err = invoke("draft", str(POSTING))
    assert code == 0, err
    assert yaml.safe_load(out)["id"] == "platform-engineer-go"
    assert err.startswith("skillgap: drafted ") and "GUESS and CHECK comments" in err


def test_output_writes_the_file_and_refuses_to_overwrite_it(tmp_path: Path) -> None:
    target = tmp_path / "rubric.yaml"
    code, out, err = invoke("draft", str(POSTING), "-o", str(target))
    assert (code, out) == (0, ""), err
    first = target.read_text("utf-8")
    code, _, err = invoke("draft", str(POSTING), "-o", str(target))
    assert code == 2
    assert err == (
        f"skillgap: {target} already exists; choose another file or add --force to overwrite it\n"
    )
    target.write_text("mine", "utf-8")
    code, _, err = invoke("draft", str(POSTING), "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text("utf-8") == first


def test_dry_run_prints_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "rubric.yaml"
    code, out, err = invoke("draft", str(POSTING), "-o", str(target), "--dry-run")
    assert code == 0, err
    assert out.startswith("# yaml-language-server: $schema=")
    assert not target.exists()


def test_title_id_and_schema_can_be_set() -> None:
    code, out, err = invoke(
        "draft", str(POSTING), "--title", "SRE", "--id", "sre", "--schema", "s.json"
    )
    assert code == 0, err
    assert out.startswith("# yaml-language-server: $schema=s.json\n")
    assert (yaml.safe_load(out)["id"], yaml.safe_load(out)["title"]) == ("sre", "SRE")


def test_an_id_that_is_not_a_slug_is_a_usage_error() -> None:
    code, _, err = invoke("draft", str(POSTING), "--id", "Not A Slug")
    assert code == 2
    assert "is not a slug" in err


def test_bad_input_is_one_line_and_exit_3(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf(["Data Engineer", "Requirements:", "- SQL"]))
    nothing = tmp_path / "barista.txt"
    nothing.write_text("Barista\nAbout us:\nWe roast our own beans.\n", "utf-8")
    huge = tmp_path / "site.txt"
    huge.write_text("Engineer\nRequirements:\n" + "- Python and SQL\n" * 8000, "utf-8")
    cases = {
        tmp_path / "missing.txt": "no such file",
        empty: "is empty",
        binary: "is a binary file",
        locked: "is encrypted",
        nothing: "nothing to draft",
        huge: "more than a job posting has",
    }
    for path, reason in cases.items():
        code, out, err = invoke("draft", str(path))
        assert (code, out) == (3, ""), (path, err)
        assert err.startswith(f"skillgap: {path}: ") and reason in err
        assert err.count("\n") == 1
