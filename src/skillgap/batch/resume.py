"""Resuming a killed run: what an existing ``.jsonl`` output already holds, and which
inputs are left to score."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, SkillgapError, UsageError
from ..io.json_source import clean_json
from ..io.read import sha256_hex
from ..io.write import write_atomic
from ..limits import DEFAULT_LIMITS, Limits
from ..rubric.model import Rubric
from .inputs import BatchInput, read_input
from .rows import BatchRow
from .rubrics import rubric_tags


@dataclass
class ResumeState:
    """What an existing ``.jsonl`` output already holds."""

    rows: list[BatchRow] = field(default_factory=list)
    #: (path, sha256, rubric's place) of scored inputs, and (sha256, rubric's place)
    #: counts of blind rows: in a batch of several rubrics, an input is done for each
    #: rubric it was scored against.
    keys: set[tuple[str, str, int]] = field(default_factory=set)
    blind_counts: Counter[tuple[str, int]] = field(default_factory=Counter)
    #: How many rubrics the run scores against.
    rubrics: int = 1
    truncated: bool = False
    dropped: int = 0
    as_of: dt.date | None = None


def _row_from_line(line: str) -> BatchRow | None:
    data = clean_json(json.loads(line))
    if not isinstance(data, dict):
        return None
    if data.get("status") == "error":
        shown = data.get("input") or data.get("id") or "?"
        return BatchRow(
            path=str(shown),
            file=str(shown),
            id=str(data.get("id") or ""),
            status="error",
            sha256=data.get("sha256"),
            format=data.get("format"),
            error=data.get("error"),
            report_json=line,
        )
    candidate = data.get("candidate") or {}
    overall = data.get("overall") or {}
    names = {}
    for area in data.get("areas") or ():
        for requirement in area.get("requirements") or ():
            names[requirement.get("id")] = requirement.get("name")
    source = candidate.get("source")
    row_id = str(candidate.get("id") or "")
    return BatchRow(
        path=source or row_id,
        file=source or row_id,
        id=row_id,
        status="ok",
        sha256=candidate.get("sha256"),
        format=candidate.get("format"),
        candidate=candidate.get("name"),
        score=overall.get("score"),
        verdict=overall.get("verdict"),
        areas=tuple(round(float(a.get("score", 0)) * 100, 1) for a in data.get("areas") or ()),
        must_haves_missing=tuple(names.get(b, b) for b in overall.get("blocking") or ()),
        top_gaps=tuple(g.get("name") for g in data.get("gaps") or () if g.get("gain", 0) > 0)[:3],
        report_json=line,
    )


def load_resume_state(path: Path, *, rubric: Rubric | Sequence[Rubric]) -> ResumeState:
    """Read a ``.jsonl`` output written by an earlier (maybe killed) run.

    A last line without its newline, or that is not valid JSON, is what a killed run
    leaves behind: it is dropped (and the file repaired before anything is appended).
    Error rows are dropped too, so failed inputs are tried again. A damaged line
    anywhere else, or rows scored against a rubric not in this run, are errors: mixing
    them would give a ranking no one can trust. With several rubrics, a row counts for
    the rubric it names (by sha256).
    """
    rubrics = (rubric,) if isinstance(rubric, Rubric) else tuple(rubric)
    tags = rubric_tags(rubrics)
    state = ResumeState(rubrics=len(rubrics))
    if not path.exists():
        return state
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read it to resume: {exc.strerror or exc}", path=path) from exc
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif lines:
        state.truncated = True  # no final newline: the last write did not finish
        lines.pop()
    shas = [r.origin.sha256 if r.origin else "" for r in rubrics]
    for number, blob in enumerate(lines, start=1):
        try:
            row = _row_from_line(blob.decode("utf-8"))
        except (
            UnicodeDecodeError,
            json.JSONDecodeError,
            AttributeError,
            TypeError,
            ValueError,
            RecursionError,
        ) as exc:
            if number == len(lines) and not state.truncated:
                state.truncated = True
                continue
            raise InputError(
                f"line {number} is not a skillgap result ({type(exc).__name__}); "
                "remove the line or write to a new --output",
                path=path,
            ) from exc
        if row is None:
            raise InputError(
                f"line {number} is not a skillgap result; remove the line or "
                "write to a new --output",
                path=path,
            )
        if not row.ok:
            state.dropped += 1
            continue
        place = _place(row, rubrics, shas, path)
        if row.sha256 is None:
            continue
        if row.path == row.id:
            state.blind_counts[(row.sha256, place)] += 1
        else:
            state.keys.add((row.path, row.sha256, place))
        state.rows.append(dataclasses.replace(row, rubric=tags[place]))
        if state.as_of is None:
            state.as_of = _as_of(row)
    return state


def _place(row: BatchRow, rubrics: Sequence[Rubric], shas: Sequence[str], path: Path) -> int:
    """Which of the run's rubrics a resumed row was scored against (its place)."""
    data = json.loads(row.report_json).get("rubric", {}) if row.report_json else {}
    data_sha = str(data.get("sha256") or "")
    if len(rubrics) == 1:
        if data_sha and shas[0] and data_sha != shas[0]:
            raise UsageError(
                f"{path} holds results for a different rubric (sha256 "
                f"{data_sha[:12]}…, this run: {shas[0][:12]}…); use a new "
                "--output or the same rubric"
            )
        return 0
    for place, (rubric, sha) in enumerate(zip(rubrics, shas, strict=True)):
        if (data_sha and data_sha == sha) or (
            not data_sha and not sha and data.get("id") == rubric.id
        ):
            return place
    raise UsageError(
        f"{path} holds results for a rubric not in this run ('{data.get('id')}', sha256 "
        f"{data_sha[:12]}…); use a new --output or the same rubrics"
    )


def _as_of(row: BatchRow) -> dt.date | None:
    if row.report_json is None:
        return None
    value = json.loads(row.report_json).get("as_of")
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def remaining_inputs(
    items: Sequence[BatchInput], state: ResumeState, *, limits: Limits = DEFAULT_LIMITS
) -> list[BatchInput]:
    """The inputs not already in the resumed output (same path and content sha256).

    Blind rows carry no path; they are matched by content, as many times as the output
    holds them, so duplicate files are still each scored once. An input whose path is in
    no row (and no blind row could be it) is not read here: only the inputs the output
    names are read, to check their content is what was scored.
    """
    if not state.keys and not state.blind_counts:
        return list(items)
    counts = Counter(state.blind_counts)
    named = {display for display, _, _ in state.keys}
    remaining: list[BatchInput] = []
    for item in items:
        if item.problem is not None or (not counts and item.display not in named):
            remaining.append(item)
            continue
        try:
            sha = sha256_hex(read_input(item, limits=limits))
        except SkillgapError:
            remaining.append(item)  # it will be an error row again, with the reason
            continue
        left: list[int] = []
        for place in range(state.rubrics):
            if (item.display, sha, place) in state.keys:
                continue
            if counts[(sha, place)] > 0:
                counts[(sha, place)] -= 1
                continue
            left.append(place)
        if len(left) == state.rubrics:
            remaining.append(item)
        elif left:  # done for some rubrics only: scored against the others
            remaining.append(dataclasses.replace(item, rubrics=tuple(left)))
    return remaining


def rewrite_resumed(path: Path, state: ResumeState) -> None:
    """Rewrite the ``.jsonl`` with only the rows kept, if anything was dropped."""
    if not state.truncated and not state.dropped:
        return
    write_atomic(path, "".join(row.json_line() + "\n" for row in state.rows))
