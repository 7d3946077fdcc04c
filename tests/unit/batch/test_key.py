"""The key of a blind batch (skillgap.batch.key): which file each id is, safe in a
spreadsheet, read back and extended by a resumed run."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.batch.key import read_key, write_key
from skillgap.errors import InputError


def test_a_path_that_looks_like_a_formula_is_guarded_and_read_back(tmp_path: Path) -> None:
    key = tmp_path / "key.csv"
    write_key(key, [("c-1", "ab", "=cmd|' /C calc'!A0.pdf", "error")], earlier={})
    assert ",'=cmd|" in key.read_text("utf-8")  # a spreadsheet shows it as text
    assert list(read_key(key)) == ["=cmd|' /C calc'!A0.pdf"]


def test_earlier_entries_are_kept_and_updated(tmp_path: Path) -> None:
    key = tmp_path / "key.csv"
    write_key(key, [("c-1", "aa", "a.txt", "error"), ("c-2", "bb", "b.txt", "ok")], earlier={})
    count = write_key(key, [("c-3", "cc", "a.txt", "ok")], earlier=read_key(key))
    assert count == 2
    assert {p: r["id"] for p, r in read_key(key).items()} == {"a.txt": "c-3", "b.txt": "c-2"}


def test_another_csv_is_not_taken_for_a_key(tmp_path: Path) -> None:
    other = tmp_path / "ranking.csv"
    other.write_text("rank,file,score\n1,a.txt,50\n", "utf-8")
    with pytest.raises(InputError, match="not a skillgap key file"):
        read_key(other)


def test_no_key_yet_is_an_empty_key(tmp_path: Path) -> None:
    assert read_key(tmp_path / "none.csv") == {}
