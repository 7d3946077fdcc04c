"""The files a batch writes (skillgap.batch.files): every output carries the audit trail
(the rubric, the options, each input's sha256), in the file or in its sidecar."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from skillgap.batch.files import meta_path
from skillgap.batch.inputs import collect_inputs
from skillgap.batch.run import execute
from skillgap.render import batch_formats
from skillgap.rubric.model import Rubric
from tests.helpers.batch import BAD, GOOD, OPTIONS, _run, _sha


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
