"""Running counts of a batch, the top of its ranking, and the audit list of inputs:
small records only, so memory stays flat however many inputs there are."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any

from .rows import BatchRow


@dataclass
class BatchTally:
    """Running counts, the top of the ranking and the audit list of inputs."""

    top: int = 10
    fail_under: float | None = None
    scored: int = 0
    failed: int = 0
    under: int = 0
    errors: list[str] = field(default_factory=list)
    #: (file, id, sha256, status) of every input: tuples, the smallest record per input.
    inputs: list[tuple[str, str, str | None, str]] = field(default_factory=list)
    _heap: list[tuple[int, float, str, int, dict[str, Any]]] = field(default_factory=list)
    _seq: int = 0

    def add(self, row: BatchRow) -> None:
        """Count one row (keeping only what the ranking and audit need)."""
        self.inputs.append((row.file, row.id, row.sha256, row.status))
        if not row.ok:
            self.failed += 1
            if len(self.errors) < 1000:
                self.errors.append(row.error or row.file)
            return
        self.scored += 1
        score = row.score or 0.0
        if self.fail_under is not None and score < self.fail_under:
            self.under += 1
        self._seq += 1
        if self.top <= 0:
            return
        # A min-heap on (eligible, score, reversed path order) keeps the best `top` rows:
        # the ranking puts candidates with no unmet must-have first.
        entry = (0 if row.blocked else 1, score, _reverse(row.path), self._seq, row.summary())
        if len(self._heap) < self.top:
            heapq.heappush(self._heap, entry)
        elif entry[:3] > self._heap[0][:3]:
            heapq.heapreplace(self._heap, entry)

    def ranking(self) -> list[dict[str, Any]]:
        """The best ``top`` rows in ranking order (:meth:`BatchRow.sort_key`)."""
        ordered = sorted(self._heap, key=lambda e: (-e[0], -e[1], _unreverse(e[2])))
        return [e[4] for e in ordered]

    def audit_inputs(self) -> list[dict[str, Any]]:
        """Every input with its id and sha256, sorted by file (for the audit trail)."""
        return [
            {"file": file, "id": row_id, "sha256": sha, "status": status}
            for file, row_id, sha, status in sorted(self.inputs, key=lambda i: i[:2])
        ]

    def counts(self) -> dict[str, int]:
        """Counts for the audit header."""
        counts = {"inputs": self.scored + self.failed, "scored": self.scored, "failed": self.failed}
        if self.fail_under is not None:
            counts["under_fail_under"] = self.under
        return counts


def _reverse(text: str) -> str:
    # Order-reversing key for strings, so a min-heap on (score, key) drops the row that
    # sorts last among equal scores (the later path).
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text) + "\U0010ffff"


def _unreverse(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text[:-1])
