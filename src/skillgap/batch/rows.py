"""One row per input: a scored candidate, or an error with its reason; and the options
every worker scores with."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import SkillgapError
from ..io.read import sha256_hex
from ..limits import DEFAULT_LIMITS, DEFAULT_TIMEOUT, Limits
from .inputs import BatchInput

RowStatus = Literal["ok", "error"]


@dataclass(frozen=True)
class BatchRow:
    """The result for one input: a scored candidate or an error with its reason.

    ``path`` is the input as named (used for sorting and ``--resume``); ``file`` is what
    outputs show: the path, or the content-derived ``id`` in blind mode unless file names
    are kept. ``report_json`` is the full report as one line of JSON (or, for an error,
    the error object), already redacted in blind mode.
    """

    path: str
    file: str
    id: str
    status: RowStatus
    sha256: str | None = None
    format: str | None = None
    candidate: str | None = None
    score: float | None = None
    verdict: str | None = None
    areas: tuple[float, ...] = ()
    must_haves_missing: tuple[str, ...] = ()
    top_gaps: tuple[str, ...] = ()
    error: str | None = None
    report_json: str | None = None

    @property
    def ok(self) -> bool:
        """True if the input was scored."""
        return self.status == "ok"

    @property
    def blocked(self) -> bool:
        """True if the candidate has an unmet must-have."""
        return bool(self.must_haves_missing)

    def sort_key(self) -> tuple[int, float, str]:
        """The ranking order: candidates with no unmet must-have first, then those with
        one; within each, best score first, ties by path; then errors, by path."""
        if not self.ok:
            return (2, 0.0, self.path)
        return (1 if self.blocked else 0, -(self.score or 0.0), self.path)

    def summary(self) -> dict[str, Any]:
        """The row as a small mapping: what CSV, Markdown and the ranking show."""
        return {
            "file": self.file,
            "candidate": self.candidate,
            "id": self.id,
            "sha256": self.sha256,
            "format": self.format,
            "score": self.score,
            "verdict": self.verdict,
            "areas": list(self.areas),
            "blocked": self.blocked,
            "must_haves_missing": list(self.must_haves_missing),
            "top_gaps": list(self.top_gaps),
            "status": self.status,
            "error": self.error,
        }

    def json_line(self) -> str:
        """One line of JSON Lines: the full report, or the error object."""
        if self.report_json is not None:
            return self.report_json
        return error_object(self)


def error_object(row: BatchRow) -> str:
    """An error row as compact JSON: status, input, id, sha256 and the reason."""
    return json.dumps(
        {
            "status": "error",
            "input": row.file,
            "id": row.id,
            "sha256": row.sha256,
            "format": row.format,
            "error": row.error,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


@dataclass(frozen=True)
class BatchOptions:
    """What every worker needs to score a file the same way."""

    blind: bool = False
    keep_filenames: bool = False
    as_of: dt.date = field(default_factory=dt.date.today)
    limits: Limits = DEFAULT_LIMITS
    profile_format: str | None = None
    #: Render each report as JSON (needed for .jsonl and .json outputs only).
    report_json: bool = True
    #: Reports without quoted evidence (``--lean``): the same scores, a fraction of the size.
    lean: bool = False
    top_gaps: int = 3
    #: Seconds one input may take before it becomes an error row (None: no limit).
    timeout: float | None = DEFAULT_TIMEOUT

    def describe(self) -> dict[str, Any]:
        """The options that decide the results, for the audit trail."""
        return {
            "blind": self.blind,
            "keep_filenames": self.keep_filenames,
            "as_of": self.as_of.isoformat(),
            "profile_format": self.profile_format,
            "limits": self.limits.describe(),
            "timeout": self.timeout,
            "lean": self.lean,
        }


def error_message(exc: SkillgapError, display: str) -> str:
    """The error's one line, naming the input as the batch shows it (never the real path
    in blind mode)."""
    where = display
    if exc.line is not None:
        where += f":{exc.line}"
        if exc.column is not None:
            where += f":{exc.column}"
    message = exc.message or (exc.problems[0].message if exc.problems else type(exc).__name__)
    return f"{where}: {message}"


def unread_row(item: BatchInput, options: BatchOptions, reason: str) -> BatchRow:
    """The error row for an input whose content is unknown: named by its path, or in
    blind mode by an id derived from the path."""
    anon = "x-" + sha256_hex(item.display.encode("utf-8"))[:12]
    name = item.display if not options.blind or options.keep_filenames else anon
    return BatchRow(
        path=item.display, file=name, id=anon, status="error", error=f"{name}: {reason}"
    )
