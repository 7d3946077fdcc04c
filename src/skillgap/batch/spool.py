"""The base of every sink, and of those that write sorted at the end: rows spooled to a
temporary file as they come, only their sort keys kept in memory."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .rows import BatchRow
from .tally import BatchTally


class Sink:
    """Where rows go. ``write`` as they come; ``close`` once, with the final meta."""

    path: Path | None

    def write(self, row: BatchRow) -> None:
        """Take one row."""
        raise NotImplementedError

    def close(self, meta: dict[str, Any], tally: BatchTally) -> None:
        """Finish the output, with the audit header ``meta`` and the final tally."""
        raise NotImplementedError

    def abort(self) -> None:
        """Give up: leave no half-written output behind (JSONL keeps what it has)."""


class SpooledSink(Sink):
    """Spools rows to a temporary file as they come, keeping only their sort keys in
    memory; :meth:`_rows` gives them back sorted, at the end: rubric by rubric (in a
    batch of several, ``tags`` gives their order), each in ranking order."""

    def __init__(self, path: Path, tags: Sequence[str | None] = (None,)) -> None:
        self.path = path
        self._target = path
        self._spool = tempfile.TemporaryFile("w+b")  # noqa: SIM115 - closed in close/abort
        self._index: list[tuple[int, tuple[int, float, str], int, int]] = []
        self._places = {tag: place for place, tag in enumerate(tags)}

    def _payload(self, row: BatchRow) -> str:
        """What is spooled of a row (one line of JSON)."""
        raise NotImplementedError

    def write(self, row: BatchRow) -> None:
        blob = self._payload(row).encode("utf-8")
        offset = self._spool.seek(0, os.SEEK_END)
        self._spool.write(blob)
        self._index.append((self._places.get(row.rubric, 0), row.sort_key(), offset, len(blob)))

    def _rows(self) -> Iterator[tuple[int, int, bool, str]]:
        """(rubric's place, rank, scored?, payload) of every row, sorted; the rank
        starts again at 1 for each rubric."""
        self._index.sort(key=lambda entry: entry[:2])
        rank = 0
        place = 0
        for where, key, offset, length in self._index:
            if where != place:
                place, rank = where, 0
            self._spool.seek(offset)
            text = self._spool.read(length).decode("utf-8")
            ok = key[0] < 2  # scored (eligible or blocked), not an error row
            rank += ok
            yield where, rank, ok, text

    def abort(self) -> None:
        self._spool.close()


__all__ = ["Sink", "SpooledSink"]
