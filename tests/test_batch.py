"""The batch library: inputs, rows, order, outputs, blind mode, audit trail, resume."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest

from skillgap.batch.files import meta_path
from skillgap.batch.inputs import collect_inputs
from skillgap.batch.pool import run_batch
from skillgap.batch.resume import load_resume_state
from skillgap.batch.rows import BatchOptions
from skillgap.batch.run import execute
from skillgap.errors import InputError, UsageError
from skillgap.render import batch_formats
from skillgap.report.model import GapReport
from skillgap.rubric.model import Rubric

from .helpers.docx_files import docx_bytes, zip_bytes
from .helpers.pdf import encrypted_pdf, image_only_pdf, pdf_from_lines

AS_OF = dt.date(2025, 6, 1)
OPTIONS = BatchOptions(as_of=AS_OF)

STRONG = """Grace Hopper
grace@example.com | +1 555 867 5309 | https://grace.example.com
12 Harbour Street, Arlington

Summary
Principal machine learning engineer with 15 years of experience.

Experience
Principal ML Engineer, Acme  Jan 2012 - Present
- Led a team of 12 engineers; mentored staff engineers and hired 8 people.
- Built PyTorch and TensorFlow models, deployed on Kubernetes with MLflow.
- Set the technical roadmap with product leadership.

Skills
Python, Scala, scikit-learn, Apache Spark, AWS, Docker

Education
PhD in Computer Science, Stanford University
"""

WEAK = """Tim Walker

Experience
Shop assistant, Corner Shop  Jan 2020 - Present
- Served customers and kept the shelves tidy.
"""


def json_resume(name: str) -> bytes:
    return json.dumps(
        {
            "basics": {
                "name": name,
                "email": "eve@example.com",
                "phone": "+1 555 010 9999",
                "url": "https://eve.example.org",
                "image": "https://eve.example.org/me.jpg",
                "summary": "Machine learning engineer using Python and PyTorch.",
            },
            "work": [
                {
                    "name": "Initech",
                    "position": "ML Engineer",
                    "startDate": "2018-01",
                    "highlights": ["Deployed models on Kubernetes"],
                }
            ],
            "skills": [{"name": "ML", "keywords": ["TensorFlow", "Docker"]}],
        }
    ).encode()


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good resumes in every format and one of each kind of bad file."""
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    files = {
        "grace.txt": STRONG.encode(),
        "grace-copy.txt": STRONG.encode(),
        "tim.md": WEAK.encode(),
        "nested/ada.pdf": pdf_from_lines(
            STRONG.replace("Grace Hopper", "Ada Lovelace").splitlines()
        ),
        "nested/alan.docx": docx_bytes(STRONG.replace("Grace Hopper", "Alan Turing").splitlines()),
        "eve.json": json_resume("Eve Adams"),
        "empty.txt": b"",
        "random.pdf": bytes(range(256)) * 8,
        "locked.pdf": encrypted_pdf(["Python"]),
        "scan.pdf": image_only_pdf(),
        "notzip.docx": b"plain text, not a zip",
        "nodoc.docx": zip_bytes({"a.txt": b"x"}),
        "schema.json": b'{"$schema": "http://json-schema.org/draft-07/schema#", '
        b'"properties": {"basics": {}}, "definitions": {}}',
        ".hidden/secret.txt": STRONG.encode(),
        ".dotfile.txt": STRONG.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


GOOD = {"grace.txt", "grace-copy.txt", "tim.md", "ada.pdf", "alan.docx", "eve.json"}
BAD = {
    "empty.txt",
    "random.pdf",
    "locked.pdf",
    "scan.pdf",
    "notzip.docx",
    "nodoc.docx",
    "schema.json",
}


def rows_by_name(rubric: Rubric, folder: Path, **kwargs: object) -> dict[str, object]:
    items = collect_inputs([str(folder)])
    return {Path(r.path).name: r for r in run_batch(items, rubric, OPTIONS, **kwargs)}  # type: ignore[arg-type]


# --------------------------------------------------------------------------- inputs


def test_folders_are_walked_recursively_skipping_hidden_files(mixed: Path) -> None:
    names = {Path(i.path).name for i in collect_inputs([str(mixed)])}
    assert names == GOOD | BAD


def test_globs_files_and_stdin_are_expanded_and_deduplicated(mixed: Path) -> None:
    items = collect_inputs(
        [str(mixed / "*.txt"), str(mixed / "tim.md"), "-"],
        stdin=io.StringIO(f"{mixed / 'tim.md'}\n\n{mixed / 'eve.json'}\n"),
    )
    assert [Path(i.path).name for i in items] == sorted(
        ["empty.txt", "grace-copy.txt", "grace.txt", "tim.md", "eve.json"],
        key=lambda n: str(mixed / n),
    )


def test_recursive_glob(mixed: Path) -> None:
    items = collect_inputs([str(mixed / "**" / "*.pdf")])
    assert {Path(i.path).name for i in items} == {"ada.pdf", "random.pdf", "locked.pdf", "scan.pdf"}


def test_missing_paths_and_empty_globs_become_error_inputs(tmp_path: Path) -> None:
    items = collect_inputs([str(tmp_path / "nope.pdf"), str(tmp_path / "*.docx")])
    assert {Path(i.display).name: i.problem for i in items} == {
        "nope.pdf": "no such file or folder",
        "*.docx": "no files match this pattern",
    }


def test_our_own_output_and_sidecar_are_never_inputs(mixed: Path) -> None:
    output = mixed / "ranking.csv"
    output.write_text("rank\n")
    meta_path(output).write_text("{}")
    (mixed / ".ranking.csv.abc.tmp").write_text("x")
    names = {Path(i.path).name for i in collect_inputs([str(mixed)], exclude=[output])}
    assert names == GOOD | BAD


# --------------------------------------------------------------------------- rows


def test_mixed_batch_scores_every_good_file_and_explains_every_bad_one(
    rubric: Rubric, mixed: Path
) -> None:
    rows = rows_by_name(rubric, mixed)
    assert {n for n, r in rows.items() if r.ok} == GOOD  # type: ignore[attr-defined]
    reasons = {n: r.error for n, r in rows.items() if not r.ok}  # type: ignore[attr-defined]
    assert set(reasons) == BAD
    assert "file is empty" in reasons["empty.txt"]
    assert "is not a PDF" in reasons["random.pdf"]
    assert "encrypted" in reasons["locked.pdf"]
    assert "scanned? run OCR first" in reasons["scan.pdf"]
    assert "not a zip archive" in reasons["notzip.docx"]
    assert "no word/document.xml" in reasons["nodoc.docx"]
    assert "is a JSON Schema, not a resume" in reasons["schema.json"]
    for name, message in reasons.items():
        assert message.startswith(str(mixed)) and name in message and "\n" not in message


def test_same_content_gives_same_id_and_score(rubric: Rubric, mixed: Path) -> None:
    rows = rows_by_name(rubric, mixed)
    a, b = rows["grace.txt"], rows["grace-copy.txt"]
    assert a.id == b.id and a.score == b.score  # type: ignore[attr-defined]


def test_worker_pool_gives_the_same_rows_as_one_process(rubric: Rubric, mixed: Path) -> None:
    one = rows_by_name(rubric, mixed, jobs=1)
    four = rows_by_name(rubric, mixed, jobs=4)
    assert one == four


def _run(
    rubric: Rubric,
    folder: Path,
    output: Path,
    *,
    jobs: int = 1,
    options: BatchOptions = OPTIONS,
    **kwargs: object,
) -> object:
    return execute(
        collect_inputs([str(folder)], exclude=[output]),
        rubric,
        options,
        output=output,
        layout=batch_formats,
        jobs=jobs,
        **kwargs,
    )  # type: ignore[arg-type]


@pytest.mark.parametrize("suffix", [".csv", ".json", ".md", ".jsonl"])
def test_outputs_are_identical_whatever_the_worker_count(
    rubric: Rubric, mixed: Path, tmp_path: Path, suffix: str
) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "four").mkdir()
    one, four = tmp_path / "one" / f"out{suffix}", tmp_path / "four" / f"out{suffix}"
    _run(rubric, mixed, one, jobs=1)
    _run(rubric, mixed, four, jobs=4)
    if suffix == ".jsonl":  # completion order; the content per input is identical
        assert sorted(one.read_text().splitlines()) == sorted(four.read_text().splitlines())
    else:
        assert one.read_bytes() == four.read_bytes()
    if suffix in (".csv", ".jsonl"):
        assert json.loads(meta_path(one).read_text()) == json.loads(meta_path(four).read_text())


def test_csv_has_one_row_per_input_sorted_by_score_then_path(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.csv"
    _run(rubric, mixed, output, jobs=2)
    rows = list(csv.DictReader(io.StringIO(output.read_text("utf-8"))))
    assert len(rows) == len(GOOD | BAD)
    header = next(csv.reader(io.StringIO(output.read_text("utf-8"))))
    assert header[:6] == ["rank", "file", "candidate", "id", "overall", "verdict"]
    assert header[6:-4] == [a.name for a in rubric.areas]
    assert header[-4:] == ["must_haves_missing", "top_gaps", "status", "error"]
    scored = [r for r in rows if r["status"] == "ok"]
    failed = [r for r in rows if r["status"] == "error"]
    assert rows == scored + failed
    keys = [(-float(r["overall"]), r["file"]) for r in scored]
    assert keys == sorted(keys)
    assert [r["file"] for r in failed] == sorted(r["file"] for r in failed)
    assert [r["rank"] for r in scored] == [str(n) for n in range(1, len(scored) + 1)]
    grace = next(r for r in scored if r["file"].endswith("grace.txt"))
    assert grace["candidate"] == "Grace Hopper"
    assert len(grace["top_gaps"].split("; ")) <= 3
    assert all(r["error"] and not r["overall"] for r in failed)


def test_jsonl_lines_are_full_reports_or_error_objects(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    _run(rubric, mixed, output)
    lines = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert len(lines) == len(GOOD | BAD)
    errors = [line for line in lines if line.get("status") == "error"]
    reports = [GapReport.model_validate(line) for line in lines if "status" not in line]
    assert len(errors) == len(BAD) and len(reports) == len(GOOD)
    assert all(set(e) == {"status", "input", "id", "sha256", "format", "error"} for e in errors)


def test_json_and_markdown_hold_the_whole_batch(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    _run(rubric, mixed, tmp_path / "out.json")
    document = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert set(document) == {"meta", "results", "summary"}
    assert len(document["results"]) == len(GOOD | BAD)
    ranking = document["summary"]["ranking"]
    assert [r["rank"] for r in ranking] == list(range(1, len(GOOD) + 1))
    _run(rubric, mixed, tmp_path / "out.md")
    markdown = (tmp_path / "out.md").read_text("utf-8")
    assert "## Ranking" in markdown and "## Not scored" in markdown
    assert markdown.count("| ok |") == len(GOOD) and markdown.count("| error |") == len(BAD)


# --------------------------------------------------------------------------- audit trail


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json"])
def test_every_output_carries_the_audit_trail(
    rubric: Rubric, mixed: Path, tmp_path: Path, suffix: str
) -> None:
    output = tmp_path / f"out{suffix}"
    _run(rubric, mixed, output, top=5, fail_under=50.0)
    meta = (
        json.loads(output.read_text())["meta"]
        if suffix == ".json"
        else json.loads(meta_path(output).read_text())
    )
    assert meta["tool"]["name"] == "skillgap" and meta["tool"]["version"]
    assert rubric.origin is not None
    assert meta["rubric"] == {
        "id": rubric.id,
        "title": rubric.title,
        "version": rubric.version,
        "sha256": rubric.origin.sha256,
    }
    assert meta["options"]["as_of"] == "2025-06-01"
    assert meta["options"]["fail_under"] == 50.0 and meta["options"]["top"] == 5
    assert meta["options"]["limits"]["max_pdf_pages"] == 500
    shas = {Path(i["file"]).name: i["sha256"] for i in meta["inputs"]}
    for name in GOOD | BAD:
        path = next(mixed.rglob(name))
        assert shas[name] == _sha(path), name
    assert meta["counts"] == {
        "inputs": 13,
        "scored": 6,
        "failed": 7,
        "under_fail_under": meta["counts"]["under_fail_under"],
    }


def test_markdown_lists_every_input_with_its_sha256(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    _run(rubric, mixed, tmp_path / "out.md")
    markdown = (tmp_path / "out.md").read_text("utf-8")
    assert rubric.origin is not None and rubric.origin.sha256 in markdown
    for name in GOOD:
        assert _sha(next(mixed.rglob(name))) in markdown


# --------------------------------------------------------------------------- CSV safety


def test_csv_cells_never_start_a_formula(rubric: Rubric, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil.json").write_bytes(json_resume('=HYPERLINK("http://evil.example","x")'))
    (folder / "@sum.txt").write_text("+1 Ada\n\nSkills\nPython\n")
    output = tmp_path / "out.csv"
    _run(rubric, folder, output)
    raw = output.read_bytes()
    assert b'\'=HYPERLINK(""http://evil.example"",""x"")' in raw
    assert b",=HYPERLINK" not in raw and b"\n=" not in raw
    for row in csv.reader(io.StringIO(raw.decode("utf-8"))):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


# --------------------------------------------------------------------------- blind mode


def test_blind_mode_keeps_every_score(rubric: Rubric, mixed: Path, tmp_path: Path) -> None:
    _run(rubric, mixed, tmp_path / "seen.csv")
    _run(rubric, mixed, tmp_path / "blind.csv", options=BatchOptions(as_of=AS_OF, blind=True))
    seen = list(csv.DictReader(io.StringIO((tmp_path / "seen.csv").read_text("utf-8"))))
    blind = list(csv.DictReader(io.StringIO((tmp_path / "blind.csv").read_text("utf-8"))))
    columns = [c for c in seen[0] if c not in ("file", "candidate", "error")]
    assert [{c: r[c] for c in columns} for r in seen] == [{c: r[c] for c in columns} for r in blind]


IDENTITY = (
    "Grace",
    "Hopper",
    "grace@example.com",
    "555 867 5309",
    "grace.example.com",
    "Harbour Street",
    "Eve Adams",
    "eve@example.com",
    "eve.example.org",
    "me.jpg",
    "inbox",
    "grace.txt",
    "locked.pdf",
    "Lovelace",
    "Turing",
)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json", ".md"])
def test_blind_outputs_hold_no_identity(
    rubric: Rubric, mixed: Path, tmp_path: Path, suffix: str
) -> None:
    output = tmp_path / f"blind{suffix}"
    _run(rubric, mixed, output, options=BatchOptions(as_of=AS_OF, blind=True))
    texts = [output.read_text("utf-8")]
    if meta_path(output).exists():
        texts.append(meta_path(output).read_text("utf-8"))
    for text in texts:
        for word in IDENTITY:
            assert word not in text, f"{word!r} leaked into {output.name}"
    if suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(texts[0])))
        assert all(r["candidate"] == "" for r in rows)
        assert all(r["file"] == r["id"] and r["id"][:2] in ("c-", "x-") for r in rows)


def test_keep_filenames_shows_paths_but_still_no_names(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    output = tmp_path / "blind.csv"
    _run(rubric, mixed, output, options=BatchOptions(as_of=AS_OF, blind=True, keep_filenames=True))
    rows = list(csv.DictReader(io.StringIO(output.read_text("utf-8"))))
    assert any(r["file"].endswith("grace.txt") for r in rows)
    assert all(r["candidate"] == "" for r in rows)
    assert "Grace Hopper" not in output.read_text()


# --------------------------------------------------------------------------- resume


def test_resume_skips_done_inputs_and_drops_a_truncated_last_line(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    _run(rubric, mixed, output)
    lines = output.read_text("utf-8").splitlines(keepends=True)
    ok_lines = [line for line in lines if '"status":"error"' not in line]
    # As a killed run leaves it: four complete rows and half of the fifth.
    output.write_text("".join(ok_lines[:4]) + ok_lines[4][:200], "utf-8")
    result = _run(rubric, mixed, output, resume=True)
    assert result.resumed == 4 and result.repaired  # type: ignore[attr-defined]
    final = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    inputs = [line.get("input") or line["candidate"]["source"] for line in final]
    visible = [
        p
        for p in mixed.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(mixed).parts)
    ]
    assert sorted(inputs) == sorted(str(p) for p in visible)


def test_resume_retries_failed_inputs(rubric: Rubric, mixed: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    _run(rubric, mixed, output)
    state = load_resume_state(output, rubric=rubric)
    assert len(state.rows) == len(GOOD) and state.dropped == len(BAD)
    result = _run(rubric, mixed, output, resume=True)
    assert result.skipped == len(GOOD)  # type: ignore[attr-defined]
    assert len(output.read_text().splitlines()) == len(GOOD | BAD)


def test_resume_in_blind_mode_matches_by_content(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    blind = BatchOptions(as_of=AS_OF, blind=True)
    _run(rubric, mixed, output, options=blind)
    lines = output.read_text().splitlines(keepends=True)
    output.write_text("".join(line for line in lines if "grace" not in line.lower())[:-1])
    _run(rubric, mixed, output, options=blind, resume=True)
    final = output.read_text().splitlines()
    assert len(final) == len(GOOD | BAD)
    # The two copies of Grace's resume are both there, once each.
    grace_id = "c-" + _sha(mixed / "grace.txt")[:12]
    assert sum(grace_id in line for line in final) == 2


def test_resume_refuses_results_from_another_rubric(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    _run(rubric, mixed, output)
    assert rubric.origin is not None
    output.write_text(output.read_text().replace(rubric.origin.sha256, "0" * 64))
    with pytest.raises(UsageError, match="different rubric"):
        load_resume_state(output, rubric=rubric)


def test_resume_refuses_a_damaged_middle_line(rubric: Rubric, mixed: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    _run(rubric, mixed, output)
    lines = output.read_text().splitlines(keepends=True)
    output.write_text("".join([lines[0], "{not json\n", *lines[1:]]))
    with pytest.raises(InputError, match="line 2 is not a skillgap result"):
        load_resume_state(output, rubric=rubric)


def test_resume_needs_jsonl(rubric: Rubric, mixed: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"--resume needs a \.jsonl"):
        _run(rubric, mixed, tmp_path / "out.csv", resume=True)


def test_unknown_output_extension_is_a_usage_error(
    rubric: Rubric, mixed: Path, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match=r"--output must end in \.csv, \.jsonl, \.json, \.md"):
        _run(rubric, mixed, tmp_path / "out.xlsx")


# --------------------------------------------------------------------------- time limit


@pytest.fixture
def slow(tmp_path: Path) -> Path:
    """Two quick resumes and one that takes seconds to score (1.7 MB of skill mentions)."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "grace.txt").write_text(STRONG)
    (folder / "tim.md").write_text(WEAK)
    (folder / "huge.txt").write_text("Summary\n" + "Python developer, Kubernetes on AWS. " * 45000)
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_input_over_the_time_limit_is_an_error_row_and_the_rest_are_scored(
    rubric: Rubric, slow: Path, jobs: int
) -> None:
    options = dataclasses.replace(OPTIONS, timeout=0.2)
    rows = {
        Path(r.path).name: r
        for r in run_batch(collect_inputs([str(slow)]), rubric, options, jobs=jobs)
    }
    assert rows["grace.txt"].ok and rows["tim.md"].ok
    huge = rows["huge.txt"]
    assert not huge.ok
    assert huge.error == (
        f"{slow / 'huge.txt'}: took longer than 0.2 s to read and score, "
        "so it was stopped; raise the limit with --timeout if the file is "
        "genuine"
    )


def test_the_time_limit_restores_the_alarm_handler_and_can_be_turned_off(
    rubric: Rubric, slow: Path
) -> None:
    import signal

    def mine(signum: int, frame: object) -> None:
        raise AssertionError("the batch's alarm reached the caller's handler")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        limited = list(
            run_batch(
                collect_inputs([str(slow)]), rubric, dataclasses.replace(OPTIONS, timeout=0.2)
            )
        )
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert sum(not r.ok for r in limited) == 1
        items = [i for i in collect_inputs([str(slow)]) if i.display.endswith("huge.txt")]
        unlimited = list(run_batch(items, rubric, dataclasses.replace(OPTIONS, timeout=None)))
        assert unlimited[0].ok
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_callers_own_timer_is_left_alone(rubric: Rubric, slow: Path) -> None:
    import signal

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 30.0)
    try:
        items = [i for i in collect_inputs([str(slow)]) if not i.display.endswith("huge.txt")]
        rows = list(run_batch(items, rubric, dataclasses.replace(OPTIONS, timeout=0.01)))
        assert all(r.ok for r in rows)  # no limit applied: the caller's timer is running
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 30.0 and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_time_limit_is_in_the_audit_trail(rubric: Rubric, slow: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    execute(
        collect_inputs([str(slow / "grace.txt")]),
        rubric,
        dataclasses.replace(OPTIONS, timeout=5.0),
        output=out,
        layout=batch_formats,
        jobs=1,
    )
    assert json.loads(meta_path(out).read_text())["options"]["timeout"] == 5.0
