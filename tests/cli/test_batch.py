"""``skillgap batch`` on the command line (skillgap.cli.batch): streams, exit codes, and a
real SIGKILL + --resume."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.synthetic import rubric_vocabulary, synthetic_resume
from typer.testing import CliRunner

from skillgap.cli import app
from tests.conftest import ROOT
from tests.helpers.batch import STRONG, WEAK


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["batch", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "grace.txt").write_text(STRONG)
    (inbox / "tim.txt").write_text(WEAK)
    return inbox


def test_all_scored_exits_0_with_ranking_on_stderr_and_rows_in_the_file(
    folder: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.csv"
    code, out, err = invoke(str(folder), "-o", str(output), "--as-of", "2025-06-01")
    assert code == 0, err
    assert out == ""
    assert "Top 2 of 2" in err and "Grace Hopper" in err
    assert f"skillgap: 2 scored, 0 failed in {output}" in err
    assert output.read_text().count("\n") == 3
    assert (tmp_path / "out.csv.meta.json").exists()


def test_without_output_json_lines_go_to_stdout_and_nothing_else(folder: Path) -> None:
    code, out, err = invoke(str(folder), "--jobs", "1")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    assert {json.loads(line)["candidate"]["name"] for line in lines} == {
        "Grace Hopper",
        "Tim Walker",
    }
    assert "Top 2 of 2" in err


def test_a_failed_input_is_a_row_and_exits_1(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    output = tmp_path / "out.jsonl"
    code, out, err = invoke(str(folder), "-o", str(output))
    assert code == 1
    assert "2 scored, 1 failed" in err
    assert f"failed: {folder / 'broken.pdf'}: is not a readable PDF" in err
    assert "Traceback" not in err and out == ""
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert [r["status"] for r in rows if "status" in r] == ["error"]


def test_fail_under_exits_1(folder: Path, tmp_path: Path) -> None:
    code, _, err = invoke(str(folder), "-o", str(tmp_path / "o.csv"), "--fail-under", "99")
    assert code == 1
    assert "2 scored, 0 failed, 2 under --fail-under 99" in err


def test_nothing_readable_exits_3(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"nope")
    (tmp_path / "b.docx").write_bytes(b"nope")
    code, _, err = invoke(
        str(tmp_path / "a.pdf"), str(tmp_path / "b.docx"), "-o", str(tmp_path / "o.csv")
    )
    assert code == 3
    assert "0 scored, 2 failed" in err


def test_a_named_input_that_does_not_exist_stops_at_once_with_a_suggestion(
    tmp_path: Path,
) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a.txt").write_text("Python and PyTorch")
    out = tmp_path / "o.csv"
    code, _, err = invoke(str(tmp_path / "inbx"), "-o", str(out))
    assert code == 3
    assert (
        f"{tmp_path / 'inbx'}: no such file or folder; did you mean '{tmp_path / 'inbox'}'?" in err
    )
    assert not out.exists() and not list(tmp_path.glob("o.csv*"))  # nothing left behind


def test_an_output_that_cannot_be_written_stops_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a.txt").write_text("Python and PyTorch")
    (tmp_path / "out.csv").mkdir()
    code, _, err = invoke(str(tmp_path / "inbox"), "-o", str(tmp_path / "out.csv"))
    assert code == 3 and "it is a folder" in err and "scored" not in err
    code, _, err = invoke(str(tmp_path / "inbox"), "-o", str(tmp_path / "nope" / "o.csv"))
    assert code == 3 and "does not exist" in err and "scored" not in err


def test_empty_folder_exits_3(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = invoke(str(tmp_path / "empty"))
    assert code == 3 and out == ""
    assert err == (
        "skillgap: no input files found (folders are searched recursively; hidden "
        "files are skipped)\n"
    )


def test_paths_from_stdin(folder: Path) -> None:
    code, out, _ = invoke("-", stdin=f"{folder / 'grace.txt'}\n")
    assert code == 0
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--resume", "-o", "x.csv"], "--resume needs a .jsonl --output"),
        (["--resume"], "--resume needs --output FILE.jsonl"),
        (["-o", "x.xlsx"], "--output must end in .csv, .jsonl, .json, .md"),
        (["--keep-filenames"], "--keep-filenames only makes sense with --blind"),
        (["--key", "k.csv"], "--key only makes sense with --blind"),
        (["--lean", "-o", "x.csv"], "--lean changes only .jsonl and .json outputs"),
        (["--blind", "--key", "same.csv", "-o", "same.csv"], "--key must name another file"),
        (["--as-of", "yesterday"], "--as-of must be a date like 2026-01-31"),
        (["--profile-format", "rtf"], "unknown --profile-format 'rtf'"),
    ],
)
def test_usage_errors_exit_2(folder: Path, args: list[str], message: str) -> None:
    code, out, err = invoke(str(folder), *args)
    assert code == 2, err
    assert out == ""
    assert message in err


def test_blind_ranking_on_stderr_shows_no_names(folder: Path, tmp_path: Path) -> None:
    code, _, err = invoke(str(folder), "--blind", "-o", str(tmp_path / "b.csv"))
    assert code == 0
    assert "Grace" not in err and "grace.txt" not in err
    assert "c-" in err


def test_a_blind_error_row_can_be_traced_to_its_file_through_the_key(
    folder: Path, tmp_path: Path
) -> None:
    """The blind outputs name ids only; --key FILE (kept apart) says which file each is,
    and a resumed run extends it."""
    import csv
    import hashlib
    import io

    (folder / "=broken.pdf").write_bytes(b"not a pdf")
    out, key = tmp_path / "b.jsonl", tmp_path / "private" / "key.csv"
    key.parent.mkdir()
    code, _, err = invoke(str(folder), "--blind", "-o", str(out), "--key", str(key))
    assert code == 1
    assert "broken" not in err and "broken" not in out.read_text()
    assert f"which file each id is: {key}" in err
    rows = list(csv.DictReader(io.StringIO(key.read_text("utf-8"))))
    assert [Path(r["path"]).name for r in rows] == ["=broken.pdf", "grace.txt", "tim.txt"]
    failed = next(r for r in rows if "broken" in r["path"])
    digest = hashlib.sha256(b"not a pdf").hexdigest()
    assert (failed["id"], failed["sha256"], failed["status"]) == (
        f"c-{digest[:12]}",
        digest,
        "error",
    )
    assert failed["id"] in err  # the id in the error line is the one the key explains
    # A resumed run with a new input keeps the earlier entries and adds the new one.
    (folder / "new.txt").write_text(WEAK.replace("Tim", "Noor"))
    code, _, _ = invoke(str(folder), "--blind", "-o", str(out), "--key", str(key), "--resume")
    names = [Path(r["path"]).name for r in csv.DictReader(io.StringIO(key.read_text("utf-8")))]
    assert names == ["=broken.pdf", "grace.txt", "new.txt", "tim.txt"]


def test_blind_errors_without_a_key_say_how_ids_are_made(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    code, _, err = invoke(str(folder), "--blind", "-o", str(tmp_path / "b.csv"))
    assert code == 1
    assert "first 12 hex digits of the file's sha256" in err and "--key FILE" in err


def test_lean_rows_carry_the_same_scores_in_a_fraction_of_the_size(
    folder: Path, tmp_path: Path
) -> None:
    full, lean = tmp_path / "full.jsonl", tmp_path / "lean.jsonl"
    assert invoke(str(folder), "-o", str(full))[0] == 0
    assert invoke(str(folder), "-o", str(lean), "--lean")[0] == 0

    def rows(path: Path) -> dict[str, dict[str, object]]:
        lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        return {str(r["candidate"]["source"]): r for r in lines}

    full_rows, lean_rows = rows(full), rows(lean)
    assert full_rows.keys() == lean_rows.keys()
    for name, row in lean_rows.items():
        assert row["lean"] is True and row["overall"] == full_rows[name]["overall"]
    assert lean.stat().st_size * 2 < full.stat().st_size
    meta = json.loads(Path(f"{lean}.meta.json").read_text("utf-8"))
    assert meta["options"]["lean"] is True


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(app, ["batch", "--help"])
    assert result.exit_code == 0
    for option in (
        "--output",
        "--jobs",
        "--top",
        "--fail-under",
        "--blind",
        "--keep-filenames",
        "--resume",
        "--timeout",
    ):
        assert option in result.stdout


def test_an_input_over_the_time_limit_is_an_error_row_and_exits_1(
    folder: Path, tmp_path: Path
) -> None:
    from skillgap.limits import DEFAULT_TIMEOUT

    # ~12 s of work; the small files take milliseconds, well inside the limit however
    # loaded the machine is.
    (folder / "huge.txt").write_text("Summary\n" + "Python on Kubernetes and AWS. " * 200_000)
    out = tmp_path / "out.csv"
    code, _, err = invoke(
        str(folder), "-o", str(out), "--jobs", "1", "--timeout", "3", "--max-text", "10000000"
    )
    assert code == 1
    assert "huge.txt: took longer than 3 s to read and score" in err
    rows = out.read_text().splitlines()
    assert len(rows) == 4 and sum(",ok," in row for row in rows) == 2
    help_text = CliRunner().invoke(app, ["batch", "--help"]).stdout
    assert f"{DEFAULT_TIMEOUT:g}" in help_text.split("--timeout", 1)[1][:400]


@pytest.mark.slow
def test_sigkill_then_resume_gives_every_input_exactly_once(tmp_path: Path) -> None:
    """A real run, killed with SIGKILL mid-way, then resumed: no loss, no duplicates."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    rng = random.Random(20240601)
    vocabulary = rubric_vocabulary()
    for n in range(200):
        (inbox / f"resume-{n:03d}.txt").write_text(synthetic_resume(rng, vocabulary))
    output = tmp_path / "out.jsonl"
    command = [
        sys.executable,
        "-m",
        "skillgap",
        "batch",
        str(inbox),
        "--output",
        str(output),
        "--jobs",
        "2",
        "--as-of",
        "2025-06-01",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if output.exists() and output.read_bytes().count(b"\n") >= 20:
                break
            time.sleep(0.005)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    done_before = output.read_bytes().count(b"\n")
    assert process.returncode == -signal.SIGKILL
    assert 20 <= done_before < 200, "the run was not killed mid-way"
    resumed = subprocess.run(
        [*command, "--resume"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "already done from the earlier run" in resumed.stderr
    sources = Counter(
        json.loads(line)["candidate"]["source"] for line in output.read_text("utf-8").splitlines()
    )
    assert sources == Counter({str(path): 1 for path in inbox.iterdir()})


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_sigkill_never_leaves_a_half_written_sorted_output(tmp_path: Path, suffix: str) -> None:
    """CSV and JSON are written whole, then renamed: killing the run mid-way leaves the
    previous file exactly as it was and no temporary file behind."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    rng = random.Random(7)
    vocabulary = rubric_vocabulary()
    for n in range(300):
        (inbox / f"resume-{n:03d}.txt").write_text(synthetic_resume(rng, vocabulary))
    output = tmp_path / f"ranking{suffix}"
    output.write_text("the previous, complete ranking\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "skillgap",
        "batch",
        str(inbox),
        "--output",
        str(output),
        "--jobs",
        "2",
        "--as-of",
        "2025-06-01",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.3)  # let the workers start scoring, well before the final write
        still_running = process.poll() is None
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    if not still_running:
        pytest.skip("the batch finished before it could be killed")
    assert output.read_text("utf-8") == "the previous, complete ranking\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inbox", output.name]


ELIGIBILITY_RUBRIC = """\
id: eligibility
title: Eligibility test role
version: "1.0"
areas:
  - id: engineering
    name: Engineering
    weight: 1
    requirements:
      - id: python
        name: Python
        weight: 9
        skills: [{name: Python}, {name: PyTorch}, {name: Spark}]
        min_skills: 3
      - id: kubernetes
        name: Kubernetes
        weight: 1
        must_have: true
        skills: [{name: Kubernetes}]
"""


@pytest.fixture
def eligibility(tmp_path: Path) -> tuple[Path, Path]:
    """A rubric whose must-have weighs little, and three candidates: the best scorer
    lacks the must-have, the two others meet it with lower scores."""
    rubric = tmp_path / "role.yaml"
    rubric.write_text(ELIGIBILITY_RUBRIC, "utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ada.txt").write_text("Ada Blocked\n\nBuilt Python, PyTorch and Spark pipelines.\n")
    (inbox / "bo.txt").write_text("Bo Eligible\n\nRan Kubernetes clusters with Python.\n")
    (inbox / "cy.txt").write_text("Cy Eligible\n\nOperated Kubernetes.\n")
    return rubric, inbox


@pytest.mark.parametrize("suffix", [".csv", ".json", ".md"])
def test_a_blocked_top_scorer_ranks_after_every_eligible_candidate(
    eligibility: tuple[Path, Path], tmp_path: Path, suffix: str
) -> None:
    rubric, inbox = eligibility
    out = tmp_path / f"ranking{suffix}"
    code, _, err = invoke(str(inbox), "--rubric", str(rubric), "-o", str(out), "--jobs", "1")
    assert code == 0, err
    text = out.read_text("utf-8")
    order = [name for name in ("bo.txt", "cy.txt", "ada.txt") if name in text]
    positions = sorted(order, key=text.index)
    if suffix == ".json":
        ranking = json.loads(text)["summary"]["ranking"]
        assert [Path(r["file"]).name for r in ranking] == ["bo.txt", "cy.txt", "ada.txt"]
        assert [r["blocked"] for r in ranking] == [False, False, True]
        assert ranking[2]["blocking"] == ["kubernetes"]
        results = json.loads(text)["results"]
        ada = next(r for r in results if r["candidate"]["source"].endswith("ada.txt"))
        assert ada["overall"]["score"] > max(r["score"] for r in ranking[:2])
    else:
        assert positions == ["bo.txt", "cy.txt", "ada.txt"]
    if suffix == ".csv":
        row = next(line for line in text.splitlines() if "ada.txt" in line)
        assert ",1,Kubernetes," in row  # one unmet must-have, by name
    # the ranking on stderr has the same order, and says the top scorer is blocked
    table = [line for line in err.splitlines() if ".txt" in line]
    assert [next(n for n in ("ada", "bo", "cy") if f"{n}.txt" in line) for line in table] == [
        "bo",
        "cy",
        "ada",
    ]
    assert "blocked" in table[2] and "blocked" not in table[0]


def test_a_json_resume_with_comments_is_scored_with_its_warning_and_broken_json_fails(
    folder: Path, tmp_path: Path
) -> None:
    (folder / "ada.json").write_text(
        '// from a JSON Resume theme\n{"basics": {"name": "Ada Lovelace",},\n'
        '"skills": [{"name": "Python", "keywords": ["PyTorch", "Kubernetes",]},],}\n'
    )
    (folder / "broken.json").write_text('{"basics": {"name": "Bo"},\n"skills": [}\n')
    output = tmp_path / "out.jsonl"
    code, out, err = invoke(str(folder), "-o", str(output), "--jobs", "1")
    assert code == 1, err
    assert out == "" and "Traceback" not in err
    assert "3 scored, 1 failed" in err
    assert f"failed: {folder / 'broken.json'}:2:12: invalid JSON: Expecting value" in err
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    reports = {r["candidate"]["name"]: r for r in rows if "candidate" in r}
    assert set(reports) == {"Ada Lovelace", "Grace Hopper", "Tim Walker"}
    assert reports["Ada Lovelace"]["warnings"] == [
        (
            "not strict JSON (a comment at line 1, column 1): read as JSON with comments and "
            "trailing commas (JSON5); evidence from it has no line numbers"
        )
    ]
    assert reports["Grace Hopper"]["warnings"] == []
    skills = [
        s
        for a in reports["Ada Lovelace"]["areas"]
        for r in a["requirements"]
        for s in r["skills"]
        if s["matched"]
    ]
    assert {"Python", "PyTorch", "Kubernetes"} <= {s["name"] for s in skills}
    assert [r["status"] for r in rows if "status" in r] == ["error"]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _start_batch(tmp_path: Path, count: int) -> tuple[subprocess.Popen[bytes], Path]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    rng = random.Random(20261203)
    vocabulary = rubric_vocabulary()
    for n in range(count):
        (inbox / f"resume-{n:04d}.txt").write_text(synthetic_resume(rng, vocabulary))
    output = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "skillgap", "batch", str(inbox), "-o", str(output), "--jobs", "2"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return process, output


def _wait_for_rows(process: subprocess.Popen[bytes], output: Path, rows: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if output.exists() and output.read_bytes().count(b"\n") >= rows:
            return
        time.sleep(0.005)


#: Tests that kill pool workers need a second core and /proc to find them.
NEEDS_TWO_CORES = pytest.mark.skipif(
    (os.cpu_count() or 1) < 2 or not Path("/proc/self/task").exists(),
    reason="needs two cores and /proc",
)


@NEEDS_TWO_CORES
def test_killing_one_worker_fails_no_innocent_input(tmp_path: Path) -> None:
    process, output = _start_batch(tmp_path, 400)
    try:
        _wait_for_rows(process, output, 20)
        workers = _children(process.pid)
        assert workers, "no worker processes seen"
        os.kill(workers[0], signal.SIGKILL)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    rows = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert len(rows) == 400
    # The killed worker held inputs that were fine: read again alone, they are scored.
    assert [r for r in rows if r.get("status") == "error"] == [], err.decode()
    assert process.returncode == 0


@NEEDS_TWO_CORES
def test_workers_end_when_the_batch_is_killed(tmp_path: Path) -> None:
    process, output = _start_batch(tmp_path, 400)
    try:
        _wait_for_rows(process, output, 5)
        workers = _children(process.pid)
        assert workers, "no worker processes seen"
        process.send_signal(signal.SIGKILL)  # the parent only, as the OOM killer would
        process.wait(timeout=30)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), "workers outlived the batch"
    finally:
        for worker in _children(process.pid):
            os.kill(worker, signal.SIGKILL)
        if process.stderr is not None:
            process.stderr.close()
