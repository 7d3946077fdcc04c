"""What a batch reads (skillgap.batch.inputs): folders walked recursively, globs, files and
stdin expanded and de-duplicated, and our own outputs never taken as inputs."""

from __future__ import annotations

import io
from pathlib import Path

from skillgap.batch.files import meta_path
from skillgap.batch.inputs import collect_inputs
from tests.helpers.batch import BAD, GOOD


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
