"""One row per input: a scored candidate, or an error with its reason; and the options
every worker scores with."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
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
    #: The rubric's skills with and without evidence, in rubric order (filled in only
    #: when :attr:`BatchOptions.skill_lists` asks: Parquet outputs).
    matched_skills: tuple[str, ...] = ()
    missing_skills: tuple[str, ...] = ()
    #: The id of the rubric the row was scored against, in a batch of several rubrics
    #: (None in a batch of one: every row is against its rubric).
    rubric: str | None = None

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
            "rubric": self.rubric,
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
    """An error row as compact JSON: status, input, id, sha256 and the reason (and, in a
    batch of several rubrics, the rubric's id)."""
    data = {
        "status": "error",
        "input": row.file,
        "id": row.id,
        "sha256": row.sha256,
        "format": row.format,
        "error": row.error,
    }
    if row.rubric is not None:
        data["rubric"] = row.rubric
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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
    #: Name each row's matched and missing skills (needed for .parquet outputs only).
    skill_lists: bool = False

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


def unread_row(
    item: BatchInput, options: BatchOptions, reason: str, *, rubric: str | None = None
) -> BatchRow:
    """The error row for an input whose content is unknown: named by its path, or in
    blind mode by an id derived from the path."""
    anon = "x-" + sha256_hex(item.display.encode("utf-8"))[:12]
    name = item.display if not options.blind or options.keep_filenames else anon
    return BatchRow(
        path=item.display,
        file=name,
        id=anon,
        status="error",
        error=f"{name}: {reason}",
        rubric=rubric,
    )


def unread_rows(
    item: BatchInput, options: BatchOptions, reason: str, tags: Sequence[str | None]
) -> list[BatchRow]:
    """:func:`unread_row` once for each rubric the input was to be scored against
    (``tags``: their ids, or ``(None,)`` in a batch of one rubric)."""
    return [unread_row(item, options, reason, rubric=tag) for tag in wanted(item, tags)]


def wanted(item: BatchInput, tags: Sequence[str | None]) -> list[str | None]:
    """The tags of the rubrics ``item`` is still to be scored against (all of them,
    unless a resumed run left only some: :attr:`BatchInput.rubrics`)."""
    if item.rubrics is None:
        return list(tags)
    return [tags[i] for i in item.rubrics]
