"""One row per input (skillgap.batch.rows): in blind mode the rows keep every score and
hold no identity, in any output format; file names only with ``keep_filenames``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from skillgap.batch.files import meta_path
from skillgap.batch.rows import BatchOptions
from skillgap.rubric.model import Rubric
from tests.helpers.batch import AS_OF, _run


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
