"""Hostile inputs, run through the command line: each gets the documented exit code, one
clear line, bounded time and memory, and never a traceback. (PDF and DOCX hostile files
are in tests/unit/profiles/test_pdf_resume.py and test_docx_resume.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from tests.conftest import EXAMPLES, FIXTURES
from tests.helpers.files import write

runner = CliRunner()


def one_line_error(*args: str, code: int = 3) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_yaml_deep_nesting_is_refused(tmp_path: Path) -> None:
    rubric = write(tmp_path, "deep.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nesting" in one_line_error(
        "analyze", str(FIXTURES / "mini-rubric.yaml"), "--rubric", str(rubric)
    )


def test_json_deep_nesting_is_refused(tmp_path: Path) -> None:
    profile = write(tmp_path, "deep.json", '{"basics": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "nesting" in one_line_error("analyze", str(profile))


def test_a_50_mb_file_is_refused_by_the_size_limit_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\n")
    message = one_line_error("analyze", str(path))
    assert "50.0 MB, over the 20.0 MB limit" in message and "--max-file-size" in message


def test_one_line_of_a_million_characters(tmp_path: Path) -> None:
    line = ("Built PyTorch models on Kubernetes; " + "x" * 80 + " ") * 8500
    path = write(tmp_path, "long.txt", line[:1_000_000])
    result = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    contexts = [
        e["context"]
        for a in report["areas"]
        for r in a["requirements"]
        for s in r["skills"]
        for e in s["evidence"]
    ]
    assert contexts and max(len(c) for c in contexts) < 300  # quotes are cut around a match


def test_text_beyond_the_text_limit_is_cut_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", "Python engineer.\n" * 1000)
    result = runner.invoke(app, ["analyze", str(path), "-f", "json", "--max-text", "2000"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["warnings"] == [
        "text cut to the first 2,000 characters (--max-text raises the limit)"
    ]


def test_yaml_rubric_given_a_binary_file(tmp_path: Path) -> None:
    rubric = write(tmp_path, "r.yaml", bytes(range(256)) * 10)
    assert "binary" in one_line_error(
        "analyze", str(FIXTURES / "mini-rubric.yaml"), "--rubric", str(rubric)
    )


def test_nothing_is_left_behind_when_output_cannot_be_written(tmp_path: Path) -> None:
    profile = EXAMPLES / "plain-text-resume.txt"
    message = one_line_error(
        "analyze", str(profile), "-f", "json", "-o", str(tmp_path / "missing" / "out.json")
    )
    assert "does not exist" in message
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_writing_to_a_full_disk_is_a_clear_error() -> None:
    """stdout redirected to /dev/full: one line on stderr, not a traceback."""
    profile = EXAMPLES / "plain-text-resume.txt"
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device, not a path we manage
        result = subprocess.run(
            [sys.executable, "-m", "skillgap", "analyze", str(profile), "-f", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
        )
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "No space left on device" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json", ".md"])
def test_batch_output_on_a_full_disk_is_a_clear_error(suffix: str, tmp_path: Path) -> None:
    """Every batch output format: exit 3, one line, and no stray temporary files."""
    target = tmp_path / f"out{suffix}"
    target.symlink_to("/dev/full")
    examples = EXAMPLES
    result = runner.invoke(
        app, ["batch", str(examples / "plain-text-resume.txt"), "--output", str(target)]
    )
    assert result.exit_code == 3, result.stderr
    assert (
        result.stderr.strip().splitlines()[-1]
        == f"skillgap: {target}: cannot write: No space left on device"
    )
    assert "Traceback" not in result.stderr
    assert target.is_symlink()  # the device link is written through, never replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def _run_measured(
    args: list[str], tmp_path: Path
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the CLI in a child process; return it and its peak memory in MB (Linux)."""
    import resource

    script = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(r.returncode)\n"
    )
    del resource
    result = subprocess.run(
        [sys.executable, "-c", script, sys.executable, "-m", "skillgap", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    *lines, peak_kb = result.stderr.strip().splitlines()
    result.stderr = "\n".join(lines) + "\n"
    return result, int(peak_kb) / 1024


def test_a_60_mb_text_resume_ends_quickly_within_memory(tmp_path: Path) -> None:
    """Refused by the size limit by default; read and cut to the text limit when allowed."""
    line = "Led a team building PyTorch models on Kubernetes with Python and Spark.\n"
    path = tmp_path / "sixty.txt"
    path.write_text(line * (60 * 1024 * 1024 // len(line)), encoding="utf-8")
    refused, refused_mb = _run_measured(["analyze", str(path)], tmp_path)
    assert refused.returncode == 3
    assert refused.stderr.count("\n") == 1 and "over the 20.0 MB limit" in refused.stderr
    allowed, allowed_mb = _run_measured(
        ["analyze", str(path), "--max-file-size", "100", "-f", "json"], tmp_path
    )
    assert allowed.returncode == 0, allowed.stderr
    assert "text cut to the first 2,000,000 characters" in allowed.stdout
    assert max(refused_mb, allowed_mb) < 1536


def test_a_yaml_alias_bomb_ends_quickly_within_memory(tmp_path: Path) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 12):  # 9**12 nodes if expanded: far beyond any memory
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 9)}]")
    bomb = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    profile = write(tmp_path, "me.yaml", "skills: [Python]\n")
    for args in (["analyze", str(profile), "--rubric", str(bomb)], ["validate", str(bomb)]):
        result, peak_mb = _run_measured(args, tmp_path)
        assert result.returncode in (1, 3)
        assert "alias bomb" in result.stderr or "alias bomb" in result.stdout
        assert "Traceback" not in result.stderr
        assert peak_mb < 1536


def test_a_pdf_of_thousands_of_pages_is_refused_by_the_page_limit(tmp_path: Path) -> None:
    from tests.helpers.pdf import pdf_from_lines

    path = write(
        tmp_path, "tome.pdf", pdf_from_lines([f"Python line {n}" for n in range(3000)], per_page=1)
    )
    message = one_line_error("analyze", str(path))
    assert "has 3,000 pages, over the limit of 500; raise it with --max-pages" in message


# --------------------------------------------------------------------------- batch inputs


def _batch(tmp_path: Path, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run ``skillgap batch`` as a user does (a real process: file names are bytes)."""
    out = tmp_path / "out.csv"
    done = subprocess.run(
        [sys.executable, "-m", "skillgap", "batch", *args, "-o", str(out), "--jobs", "1"],
        input=stdin,
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    csv = out.read_text("utf-8") if out.exists() else ""
    return done.returncode, csv, done.stderr.decode("utf-8", "replace")


def _resume_folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_bytes((EXAMPLES / "plain-text-resume.txt").read_bytes())
    return inbox


def test_a_file_name_that_is_not_utf8_is_scored_and_shown_by_its_bytes(tmp_path: Path) -> None:
    inbox = _resume_folder(tmp_path)
    name = b"r\xe9sum\xe9.txt"  # cp1252 bytes from a Windows zip
    (inbox / os.fsdecode(name)).write_bytes((inbox / "good.txt").read_bytes())
    code, csv, err = _batch(tmp_path, "inbox")
    assert code == 0, err
    assert "Traceback" not in err
    assert "inbox/r\\xe9sum\\xe9.txt" in csv and csv.count("c-") == 2
    # the same path read from stdin, as `find | skillgap batch -` gives it
    code, csv, err = _batch(tmp_path, "-", stdin=b"inbox/" + name + b"\n")
    assert code == 0, err
    assert "inbox/r\\xe9sum\\xe9.txt" in csv


def test_a_path_too_long_for_the_file_system_is_an_error_row(tmp_path: Path) -> None:
    _resume_folder(tmp_path)
    code, csv, err = _batch(tmp_path, "a" * 300 + "/x.txt", "inbox/good.txt")
    assert code == 1, err
    assert "file name too long" in err and "Traceback" not in err
    assert "inbox/good.txt" in csv


def test_a_glob_through_links_back_up_the_tree_ends(tmp_path: Path) -> None:
    inbox = _resume_folder(tmp_path)
    sub = inbox / "sub"
    sub.mkdir()
    (sub / "b.md").write_bytes((inbox / "good.txt").read_bytes())
    (sub / "up").symlink_to("..")
    (sub / "top").symlink_to("../..")
    code, csv, err = _batch(tmp_path, "inbox/**/*.md")
    assert code == 0, err
    assert csv.count("sub/b.md") == 1


def test_a_pipe_named_as_an_input_is_an_error_row_not_a_hang(tmp_path: Path) -> None:
    _resume_folder(tmp_path)
    os.mkfifo(tmp_path / "inbox" / "pipe.txt")
    code, csv, err = _batch(tmp_path, "inbox/pipe.txt", "inbox/good.txt")
    assert code == 1, err
    assert "not a regular file" in err and "inbox/good.txt" in csv
    code, _, err = _batch(tmp_path, "inbox")  # in a folder, a pipe is not a resume
    assert code == 0, err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read anything")
def test_an_unreadable_subfolder_is_an_error_row(tmp_path: Path) -> None:
    inbox = _resume_folder(tmp_path)
    locked = inbox / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("Python")
    locked.chmod(0)
    try:
        code, _, err = _batch(tmp_path, "inbox")
    finally:
        locked.chmod(0o755)
    assert code == 1, err
    assert "cannot read this folder" in err


# --------------------------------------------------------------------------- JSON strings

_HOSTILE_JSON = (
    '{"basics": {"name": "Eve\\u001b]0;owned\\u0007 \\u202eAdams\\ud800",'
    ' "summary": "Python and PyTorch \\udc00 \\u009b31m"},'
    ' "skills": [{"name": "Python\\ud800"}],'
    ' "work": [{"summary": "Built models in PyTorch \\u001b[2J\\u2066"}]}'
)
_UNSAFE = ("\\u001b", "\\u0007", "\\u202e", "\\u2066", "\\ud800", "\\udc00", "\\u009b", "\x1b")


@pytest.mark.parametrize("fmt", ["json", "terminal", "markdown", "html"])
def test_lone_surrogates_and_controls_in_a_json_profile_never_reach_an_output(
    fmt: str, tmp_path: Path
) -> None:
    profile = write(tmp_path, "eve.json", _HOSTILE_JSON)
    result = runner.invoke(app, ["analyze", str(profile), "-f", fmt])
    assert result.exit_code == 0, result.stderr
    assert not any(u in result.stdout for u in _UNSAFE)
    assert "\u202e" not in result.stdout
    if fmt == "json":
        assert "\ufffd" in result.stdout  # the lone surrogate, replaced


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json", ".md"])
def test_a_hostile_json_profile_is_one_clean_row_of_a_batch(suffix: str, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    write(tmp_path / "in", "eve.json", _HOSTILE_JSON)
    (tmp_path / "in" / "good.txt").write_bytes((EXAMPLES / "plain-text-resume.txt").read_bytes())
    out = tmp_path / f"out{suffix}"
    result = runner.invoke(app, ["batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    text = out.read_text("utf-8")
    assert not any(u in text for u in _UNSAFE) and "\u202e" not in text


def test_diff_of_a_report_with_lone_surrogates_and_controls(tmp_path: Path) -> None:
    profile = write(tmp_path, "eve.json", _HOSTILE_JSON)
    report = tmp_path / "eve-report.json"
    assert (
        runner.invoke(app, ["analyze", str(profile), "-f", "json", "-o", str(report)]).exit_code
        == 0
    )
    hostile = report.read_text("utf-8").replace('"summary"', '"summary\\ud800\\u001b[2J"', 1)
    hostile = hostile.replace('"as_of"', '"note": "\\udc00\\u202e", "as_of"', 1)
    edited = write(tmp_path, "edited.json", hostile)
    for fmt in ("terminal", "json"):
        result = runner.invoke(app, ["diff", str(report), str(edited), "-f", fmt])
        assert "Traceback" not in result.stderr and result.exit_code in (0, 3), result.stderr
        assert not any(u in result.stdout for u in _UNSAFE)


def test_a_number_of_thousands_of_digits_is_one_clear_error(tmp_path: Path) -> None:
    profile = write(tmp_path, "big.json", '{"basics": {"name": "A", "n": ' + "9" * 5000 + "}}")
    error = one_line_error("analyze", str(profile))
    assert "big.json:1:" in error and "5000 digits" in error
    lenient = write(tmp_path, "big5.json", '// c\n{"basics": {"n": ' + "9" * 5000 + "}}")
    assert "digits" in one_line_error("analyze", str(lenient))


# --------------------------------------------------------------------------- options


def test_a_timeout_too_short_to_start_fails_each_input_without_a_traceback(tmp_path: Path) -> None:
    inbox = _resume_folder(tmp_path)
    for _ in range(5):  # the alarm can go off anywhere, even before the clock is set up
        result = runner.invoke(
            app,
            [
                "batch",
                str(inbox),
                "-o",
                str(tmp_path / "o.csv"),
                "--jobs",
                "1",
                "--timeout",
                "1e-9",
            ],
        )
        assert "Traceback" not in result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "took longer than 1e-09 s" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "IN", "-o", "OUT", "--timeout", "inf"],
        ["batch", "IN", "-o", "OUT", "--timeout", "1e308"],
        ["analyze", "IN/good.txt", "--max-file-size", "inf"],
        ["analyze", "IN/good.txt", "--max-file-size", "1e308"],
        ["analyze", "IN/good.txt", "--fail-under", "nan"],
    ],
)
def test_limits_beyond_reason_are_usage_errors(args: list[str], tmp_path: Path) -> None:
    inbox = _resume_folder(tmp_path)
    args = [a.replace("IN", str(inbox)).replace("OUT", str(tmp_path / "o.csv")) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.stderr
    assert "Invalid value" in result.stderr and "Traceback" not in result.stderr


# --------------------------------------------------------------------------- output faults


def _skillgap(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "skillgap", *args],
        capture_output=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_a_closed_stdout_is_one_clear_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "skillgap", "analyze", str(EXAMPLES / "plain-text-resume.txt")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(1),  # the shell's `>&-`
    )
    assert done.returncode == 3
    assert done.stderr.decode().count("\n") == 1 and b"closed" in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["rubrics"]])
def test_help_and_version_on_a_full_disk_are_one_clear_error(args: list[str]) -> None:
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "skillgap", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert done.returncode == 3, done.stderr
    assert b"Traceback" not in done.stderr and b"No space left" in done.stderr


def test_an_ascii_only_terminal_gets_escapes_not_a_crash() -> None:
    done = _skillgap(
        "analyze",
        str(EXAMPLES / "plain-text-resume.txt"),
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii() and b"Traceback" not in done.stderr


def test_a_batch_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    inbox = _resume_folder(tmp_path)
    for n in range(20):
        (inbox / f"r{n}.txt").write_bytes((inbox / "good.txt").read_bytes() + f"\n{n}".encode())
    pipeline = subprocess.run(
        f"'{sys.executable}' -m skillgap batch '{inbox}' -o - --jobs 1 | head -c 10",
        shell=True,
        capture_output=True,
        timeout=120,
        check=False,
        executable="/bin/bash",
    )
    assert b"Broken pipe" not in pipeline.stderr and b"cannot write" not in pipeline.stderr


def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    resume = write(tmp_path, "r.md", (EXAMPLES / "plain-text-resume.txt").read_text("utf-8"))
    before = resume.read_bytes()
    assert "would destroy it" in one_line_error("analyze", str(resume), "-o", str(resume), code=2)
    assert resume.read_bytes() == before
    report = tmp_path / "r.json"
    assert runner.invoke(app, ["analyze", str(resume), "-o", str(report)]).exit_code == 0
    kept = report.read_bytes()
    assert "would destroy it" in one_line_error(
        "diff", str(report), str(report), "-o", str(report), code=2
    )
    assert report.read_bytes() == kept


def test_the_output_extension_sets_the_format_and_a_contradiction_is_refused(
    tmp_path: Path,
) -> None:
    resume = str(EXAMPLES / "plain-text-resume.txt")
    for name, start in (("r.html", "<!DOCTYPE html>"), ("r.json", "{"), ("r.md", "# ")):
        out = tmp_path / name
        assert runner.invoke(app, ["analyze", resume, "-o", str(out)]).exit_code == 0
        assert out.read_text("utf-8").startswith(start), name
    error = one_line_error("analyze", resume, "-o", str(tmp_path / "x.html"), "-f", "json", code=2)
    assert "--format json" in error and not (tmp_path / "x.html").exists()
    out = tmp_path / "r.report"  # an extension that says nothing: --format decides
    assert runner.invoke(app, ["analyze", resume, "-o", str(out), "-f", "json"]).exit_code == 0
    assert out.read_text("utf-8").startswith("{")


def test_a_huge_columns_value_is_capped(tmp_path: Path) -> None:
    done = _skillgap(
        "analyze",
        str(EXAMPLES / "plain-text-resume.txt"),
        env={**os.environ, "COLUMNS": "10000000"},
    )
    assert done.returncode == 0, done.stderr
    assert max(len(line) for line in done.stdout.decode().splitlines()) <= 500


def test_a_pipe_in_a_rubric_folder_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    folder = tmp_path / "rubrics"
    folder.mkdir()
    (folder / "role.yaml").write_bytes((FIXTURES / "mini-rubric.yaml").read_bytes())
    os.mkfifo(folder / "pipe.yaml")
    done = _skillgap("validate", str(folder))
    assert done.returncode == 3, done.stderr
    assert b"pipe.yaml: error: not a regular file" in done.stdout


def test_a_pipe_nobody_writes_to_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skillgap.io import read

    monkeypatch.setattr(read, "PIPE_WAIT_SECONDS", 0.3)
    pipe = tmp_path / "resume.txt"
    os.mkfifo(pipe)
    assert "nothing was written to this pipe" in one_line_error("analyze", str(pipe))


def test_a_pipe_that_is_written_to_is_read(tmp_path: Path) -> None:
    import threading

    pipe = tmp_path / "resume.txt"
    os.mkfifo(pipe)
    text = (EXAMPLES / "plain-text-resume.txt").read_bytes()

    def writer() -> None:  # as `skillgap analyze <(cat resume.txt)` does
        with pipe.open("wb") as handle:
            handle.write(text)

    thread = threading.Thread(target=writer)
    thread.start()
    result = runner.invoke(app, ["analyze", str(pipe), "-f", "json"])
    thread.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["overall"]["score"] > 0


def test_a_two_megabyte_skills_line_with_brackets_ends_within_memory(tmp_path: Path) -> None:
    """Splitting it was quadratic (111 s); it is linear now. The bound is the run's own
    timeout, not a timing assertion."""
    items = ", ".join(f"Tool{i} (v{i}, [beta])" for i in range(90_000))
    path = write(tmp_path, "skills.txt", f"Jane Doe\n\nSkills\n\nSkills: (PyTorch, {items}\n")
    done, peak_mb = _run_measured(["analyze", str(path), "-f", "json"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "PyTorch" in done.stdout and peak_mb < 1536


def test_two_megabytes_of_an_ambiguous_letter_end_within_memory(tmp_path: Path) -> None:
    """900,000 mentions of "R" without context: each was checked by scanning its window
    and kept with its reason (32 s, 655 MB); context is now indexed once per text and a
    few set-aside mentions say why. The bound is the run's own timeout, not a timing."""
    path = write(tmp_path, "r.txt", "Jane Roe\nEXPERIENCE\n" + ("R " * 60 + "\n") * 15_000)
    done, peak_mb = _run_measured(["analyze", str(path), "-f", "json"], tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    r = next(
        s
        for a in report["areas"]
        for q in a["requirements"]
        for s in q["skills"]
        if s["name"] == "R"
    )
    assert not r["matched"] and 0 < len(r["ignored"]) <= 20
    assert peak_mb < 768


def test_a_pdf_whose_pages_share_one_content_stream_is_read_once(tmp_path: Path) -> None:
    """500 pages drawing the same 200 KB stream: each page was parsed again (minutes,
    past this run's own timeout); pages with the same content are now read once, and no
    page is read past the text limit."""
    from tests.helpers.pdf import shared_content_pdf

    path = tmp_path / "shared.pdf"
    path.write_bytes(shared_content_pdf(500, 200))
    done, peak_mb = _run_measured(["analyze", str(path), "-f", "json"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "PyTorch" in done.stdout and peak_mb < 1024


@pytest.mark.parametrize(
    ("name", "body"),
    [
        # 20,000 text boxes anchored in one paragraph: comparing each box with every
        # other to find nested ones was cubic (it hung).
        (
            "boxes",
            "<w:p>" + "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Box PyTorch</w:t></w:r></w:p>"
            "</w:txbxContent></w:pict></w:r>" * 20_000 + "</w:p>",
        ),
        # A million one-letter runs: one 1,000,000-letter word, on which a clean-up
        # pattern tried at every letter was quadratic (minutes); 62 KB zipped.
        (
            "runs",
            "<w:p>"
            + "<w:r><w:t>R</w:t></w:r>" * 1_000_000
            + "</w:p><w:p><w:r><w:t>PyTorch</w:t></w:r></w:p>",
        ),
    ],
)
def test_hostile_docx_shapes_end_within_memory(name: str, body: str, tmp_path: Path) -> None:
    from tests.helpers.docx_files import docx_with_body_xml

    path = tmp_path / f"{name}.docx"
    path.write_bytes(docx_with_body_xml(body))
    done, peak_mb = _run_measured(["analyze", str(path), "-f", "json"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "PyTorch" in done.stdout and peak_mb < 1024


@pytest.mark.parametrize(
    ("suffix", "unit"),
    [(".md", "["), (".md", "{%"), (".txt", "2019-"), (".txt", "Jan 2019 - ")],
)
def test_long_runs_of_one_pattern_end_quickly(suffix: str, unit: str, tmp_path: Path) -> None:
    """200,000 characters of one unit on a line: patterns tried from each unit to the end
    of the line (a link's text, a template tag, the rest of a dated line) were quadratic
    (minutes); each is now tried once per run."""
    text = "Jane Roe\n\nEXPERIENCE\n" + unit * (200_000 // len(unit)) + "\nBuilt PyTorch models\n"
    path = write(tmp_path, f"runs{suffix}", text)
    done, _ = _run_measured(["analyze", str(path), "-f", "json"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "PyTorch" in done.stdout


def test_analyze_stops_at_its_time_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "slow.txt", "Summary\n" + "Python on Kubernetes and AWS. " * 50_000)
    error = one_line_error("analyze", str(path), "--timeout", "0.2")
    assert "took longer than 0.2 s" in error and "--timeout" in error


def test_validate_stops_at_its_time_limit_per_file(tmp_path: Path) -> None:
    skills = "\n".join(f"          - name: Skill number {n}" for n in range(4000))
    (tmp_path / "rubrics").mkdir()
    slow = write(
        tmp_path / "rubrics",
        "slow.yaml",
        "id: slow\ntitle: Slow\nversion: '1.0'\nareas:\n  - id: a\n    name: A\n"
        "    weight: 1\n    requirements:\n      - id: r\n        name: R\n"
        f"        skills:\n{skills}\n",
    )
    (slow.parent / "fine.yaml").write_bytes((FIXTURES / "mini-rubric.yaml").read_bytes())
    result = runner.invoke(app, ["validate", str(slow.parent), "--timeout", "0.2"])
    assert result.exit_code == 3, result.stdout
    assert "slow.yaml: error: took longer than 0.2 s to check" in result.stdout
    assert "fine.yaml: error: took longer" not in result.stdout  # checked in time
    assert "2 files checked" in result.stderr


@pytest.mark.parametrize(
    ("command", "options"),
    [
        (
            "analyze",
            ["--max-file-size", "--max-text", "--max-nodes", "--max-pages", "--max-docx-size"],
        ),
        (
            "batch",
            ["--max-file-size", "--max-text", "--max-nodes", "--max-pages", "--max-docx-size"],
        ),
        ("validate", ["--max-file-size", "--max-nodes"]),
        ("diff", ["--max-file-size", "--max-nodes"]),
    ],
)
def test_every_limit_a_command_meets_has_its_option(command: str, options: list[str]) -> None:
    """A limit error advises an option: the command at hand must have it."""
    help_text = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
    for option in options:
        assert option in help_text, (command, option)


def test_validate_names_an_option_it_has_for_a_file_over_the_size_limit(tmp_path: Path) -> None:
    big = write(tmp_path, "big.yaml", "# padding\n" * 120_000 + "id: big\n")
    result = runner.invoke(app, ["validate", str(big), "--max-file-size", "1"])
    assert "--max-file-size" in result.stdout and result.exit_code == 3
    result = runner.invoke(app, ["validate", str(big), "--max-file-size", "5"])
    assert "over the" not in result.stdout  # read now: its problems are the rubric's own


def test_a_json_profile_over_the_text_limit_is_read_whole_and_its_text_capped(
    tmp_path: Path,
) -> None:
    work = [
        {"name": f"Co{i}", "position": "ML Engineer", "summary": "Built PyTorch models. " * 40}
        for i in range(200)
    ]
    path = write(tmp_path, "big.json", json.dumps({"basics": {"name": "Big"}, "work": work}))
    result = runner.invoke(app, ["analyze", str(path), "-f", "json", "--max-text", "100000"])
    assert result.exit_code == 0, result.stderr
    assert "text cut to the first 100,000 characters" in result.stderr
    assert "invalid JSON" not in result.stderr


def test_thousands_of_similar_skill_names_are_capped_and_summarised(tmp_path: Path) -> None:
    """3,000 near-identical names once took 108 s, 1.1 GB and printed every pair."""
    skills = "\n".join(f"          - name: Toolname{n:04d}" for n in range(3000))
    rubric = write(
        tmp_path,
        "many.yaml",
        "id: many\ntitle: Many\nversion: '1.0'\nareas:\n  - id: a\n    name: A\n"
        "    weight: 1\n    requirements:\n      - id: r\n        name: R\n"
        f"        skills:\n{skills}\n",
    )
    done, peak_mb = _run_measured(["validate", str(rubric), "--timeout", "0"], tmp_path)
    lines = done.stdout.splitlines()
    assert len(lines) <= 52 and peak_mb < 512, (len(lines), peak_mb)
    assert any("more 'fuzzy-collision' problems like those above" in line for line in lines)


def test_a_resume_file_line_nested_100000_deep_is_one_clear_error(tmp_path: Path) -> None:
    resume = (EXAMPLES / "plain-text-resume.txt").read_bytes()
    (tmp_path / "r.txt").write_bytes(resume)
    out = write(
        tmp_path,
        "out.jsonl",
        '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
        '{"status": "error", "input": "x", "id": "x", "error": "e"}\n',
    )
    error = one_line_error("batch", str(tmp_path / "r.txt"), "-o", str(out), "--resume")
    assert "line 1 is not a skillgap result" in error


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_pdf_that_hangs_the_native_reader_is_an_error_row_after_the_timeout(
    tmp_path: Path, jobs: str
) -> None:
    """PDFium is native code, which SIGALRM cannot interrupt: a 4 KB PDF whose page draws
    a form that draws itself twice, 34 levels deep, keeps it busy for hours. The worker's
    watchdog ends it past --timeout; the input becomes an error row and the rest of the
    batch is scored (with --jobs 1 too: PDFs then run in a worker of their own)."""
    import time

    from tests.helpers.pdf import form_bomb_pdf, pdf_from_lines

    inbox = _resume_folder(tmp_path)
    (inbox / "bomb.pdf").write_bytes(form_bomb_pdf(34))
    (inbox / "real.pdf").write_bytes(
        pdf_from_lines(["Grace Hopper", "Experience", "Built Python services on Kubernetes."])
    )
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    command = [sys.executable, "-m", "skillgap", "batch", str(inbox), "-o", str(out)]
    done = subprocess.run(
        [*command, "--timeout", "1", "--jobs", jobs],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 1, done.stderr  # a batch with a failed input
    assert "Traceback" not in done.stderr
    # JSON Lines: a report per scored input, an error object per failed one.
    rows = {
        Path(r.get("input") or r["candidate"]["source"]).name: r
        for r in map(json.loads, out.read_text().splitlines())
    }
    assert set(rows) == {"bomb.pdf", "real.pdf", "good.txt"}
    assert rows["bomb.pdf"]["status"] == "error"
    assert "took longer than 1 s" in rows["bomb.pdf"]["error"]
    assert rows["real.pdf"]["candidate"]["reader"].startswith("pypdfium2 ")
    assert "overall" in rows["good.txt"]
    assert elapsed < 60, elapsed
