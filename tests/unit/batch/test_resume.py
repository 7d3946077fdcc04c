"""Resuming a killed batch (skillgap.batch.resume): inputs already done are skipped, a
truncated last line is dropped, failed inputs are retried, and results from another rubric
or a damaged file are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.batch.resume import load_resume_state
from skillgap.batch.rows import BatchOptions
from skillgap.errors import InputError, UsageError
from skillgap.rubric.model import Rubric
from tests.helpers.batch import AS_OF, BAD, GOOD, _run, _sha


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
    assert result.resumed == 4 and result.repaired
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
    assert result.skipped == len(GOOD)
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


def test_resume_reads_only_the_inputs_the_output_names(rubric: Rubric, tmp_path: Path) -> None:
    """An input the earlier run never reached is read once, to score it, not also to
    check it against the output (which matters on object storage)."""
    from skillgap.batch.inputs import collect_inputs
    from skillgap.batch.resume import remaining_inputs
    from tests.helpers.batch import STRONG, WEAK
    from tests.helpers.remote import (
        UnsizedMemoryFileSystem,
        clear_memory,
        register_test_filesystems,
        write_memory,
    )

    register_test_filesystems()
    clear_memory()
    try:
        write_memory({"/box/a.txt": STRONG})
        output = tmp_path / "out.jsonl"
        assert _run_urls(rubric, ["unsized://box/a.txt"], output) == 1
        # (a.txt written again, the same: the test filesystem counts a file's reads
        # through a wrapper put on its handle, which the first run's read has used)
        write_memory({"/box/a.txt": STRONG, "/box/b.txt": WEAK, "/box/c.txt": STRONG + "\n."})
        UnsizedMemoryFileSystem.bytes_read.clear()
        urls = ["unsized://box/a.txt", "unsized://box/b.txt", "unsized://box/c.txt"]
        left = remaining_inputs(collect_inputs(urls), load_resume_state(output, rubric=rubric))
        assert [i.display for i in left] == ["unsized:///box/b.txt", "unsized:///box/c.txt"]
        # a.txt was read to check it is what was scored; b and c were not read at all
        assert sum(UnsizedMemoryFileSystem.bytes_read) == len(STRONG.encode())
    finally:
        clear_memory()


def _run_urls(rubric: Rubric, urls: list[str], output: Path) -> int:
    """A batch over URLs written to ``output``; how many inputs it scored."""
    from skillgap.batch.inputs import collect_inputs
    from skillgap.batch.run import execute
    from skillgap.render import batch_formats
    from tests.helpers.batch import OPTIONS

    result = execute(
        collect_inputs(urls), rubric, OPTIONS, output=output, layout=batch_formats, jobs=1
    )
    return result.tally.scored
