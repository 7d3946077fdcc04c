"""Running counts of a batch, the top of its ranking, and the audit list of inputs:
small records only, so memory stays flat however many inputs there are."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any

from .rows import BatchRow


@dataclass
class BatchTally:
    """Running counts, the top of the ranking and the audit list of inputs.

    In a batch of several rubrics (``rubrics``: the ids the rows carry, in order) the
    counts are of rows (one per input and rubric), the ranking is kept per rubric, and
    the audit list names each input once (``error`` if any of its rows is).
    """

    top: int = 10
    fail_under: float | None = None
    #: The rubrics' row tags, in order: ``(None,)`` in a batch of one rubric.
    rubrics: tuple[str | None, ...] = (None,)
    scored: int = 0
    failed: int = 0
    under: int = 0
    errors: list[str] = field(default_factory=list)
    #: (file, id, sha256, status) of every input: tuples, the smallest record per input.
    inputs: list[tuple[str, str, str | None, str]] = field(default_factory=list)
    _heaps: dict[str | None, list[tuple[int, float, str, int, dict[str, Any]]]] = field(
        default_factory=dict
    )
    _scored_by: dict[str | None, int] = field(default_factory=dict)
    #: (path, id) -> place in ``inputs``, in a batch of several rubrics.
    _places: dict[tuple[str, str], int] = field(default_factory=dict)
    _seq: int = 0

    def add(self, row: BatchRow) -> None:
        """Count one row (keeping only what the ranking and audit need)."""
        self._audit(row)
        if not row.ok:
            self.failed += 1
            # An unreadable input fails alike for every rubric: its reason is kept once.
            again = len(self.rubrics) > 1 and bool(self.errors) and self.errors[-1] == row.error
            if len(self.errors) < 1000 and not again:
                self.errors.append(row.error or row.file)
            return
        self.scored += 1
        self._scored_by[row.rubric] = self._scored_by.get(row.rubric, 0) + 1
        score = row.score or 0.0
        if self.fail_under is not None and score < self.fail_under:
            self.under += 1
        self._seq += 1
        if self.top <= 0:
            return
        # A min-heap on (eligible, score, reversed path order) keeps the best `top` rows:
        # the ranking puts candidates with no unmet must-have first.
        heap = self._heaps.setdefault(row.rubric, [])
        entry = (0 if row.blocked else 1, score, _reverse(row.path), self._seq, row.summary())
        if len(heap) < self.top:
            heapq.heappush(heap, entry)
        elif entry[:3] > heap[0][:3]:
            heapq.heapreplace(heap, entry)

    def _audit(self, row: BatchRow) -> None:
        record = (row.file, row.id, row.sha256, row.status)
        if len(self.rubrics) <= 1:
            self.inputs.append(record)
            return
        place = self._places.get((row.path, row.id))
        if place is None:
            self._places[(row.path, row.id)] = len(self.inputs)
            self.inputs.append(record)
        elif not row.ok:
            self.inputs[place] = record

    def ranking(self, rubric: str | None = None) -> list[dict[str, Any]]:
        """The best ``top`` rows in ranking order (:meth:`BatchRow.sort_key`), of the
        rubric whose rows carry ``rubric`` (by default the first)."""
        tag = rubric if rubric is not None else self.rubrics[0]
        heap = self._heaps.get(tag, [])
        ordered = sorted(heap, key=lambda e: (-e[0], -e[1], _unreverse(e[2])))
        return [e[4] for e in ordered]

    def rankings(self) -> list[tuple[str | None, int, list[dict[str, Any]]]]:
        """Each rubric's ranking, in rubric order: (its tag, how many rows it scored,
        the best ``top`` of them)."""
        return [(tag, self._scored_by.get(tag, 0), self.ranking(tag)) for tag in self.rubrics]

    def audit_inputs(self) -> list[dict[str, Any]]:
        """Every input with its id and sha256, sorted by file (for the audit trail)."""
        return [
            {"file": file, "id": row_id, "sha256": sha, "status": status}
            for file, row_id, sha, status in sorted(self.inputs, key=lambda i: i[:2])
        ]

    def counts(self) -> dict[str, int]:
        """Counts for the audit header (of rows, with the inputs and rubrics counted
        apart in a batch of several rubrics)."""
        counts = {"inputs": self.scored + self.failed, "scored": self.scored, "failed": self.failed}
        if len(self.rubrics) > 1:
            counts = {
                "inputs": len(self.inputs),
                "rubrics": len(self.rubrics),
                "rows": self.scored + self.failed,
                "scored": self.scored,
                "failed": self.failed,
            }
        if self.fail_under is not None:
            counts["under_fail_under"] = self.under
        return counts


def _reverse(text: str) -> str:
    # Order-reversing key for strings, so a min-heap on (score, key) drops the row that
    # sorts last among equal scores (the later path).
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text) + "\U0010ffff"


def _unreverse(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text[:-1])
