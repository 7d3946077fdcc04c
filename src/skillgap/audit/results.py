"""Reading the output of ``skillgap batch`` back, with its audit trail.

:func:`read_results` reads the rows with the reader of the file's format
(:data:`~.readers.READERS`: one function per format), adds the audit sidecar
(``FILE.meta.json``, beside JSONL and CSV outputs), checks that every row was scored
against the same rubric, and puts the rows in the batch's ranking order.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..batch.files import meta_path
from ..errors import InputError, ReportError, UsageError
from ..io.read import decode_text
from .readers import GIVE, READERS, AreaRef, Collected, ResultRow, RubricSeen, opened, text_of


@dataclass(frozen=True)
class BatchResults:
    """A batch's rows in ranking order, with its audit trail."""

    path: Path
    format: str
    #: SHA-256 of the results file's bytes.
    sha256: str
    rows: tuple[ResultRow, ...]
    areas: tuple[AreaRef, ...]
    rubric: RubricSeen | None
    tool_versions: tuple[str, ...]
    #: Every distinct ``as_of`` date the rows were scored on, sorted.
    as_of: tuple[str, ...]
    blind: bool | None
    #: The batch's audit header (``meta`` of a JSON output, or the sidecar's).
    meta: Mapping[str, Any] | None
    #: The sidecar read, if any.
    meta_file: Path | None
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------- the whole


def read_results(path: Path, *, rubric: str | None = None) -> BatchResults:
    """Read a batch output: its rows in ranking order and its audit trail.

    ``rubric``: keep only the rows scored against the rubric with this id (the output of
    a batch of several rubrics holds a row per input and rubric). Refuses a file with no
    rows, and results that mix rubrics when no ``rubric`` is chosen.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UsageError(
            f"{path}: results must be a .jsonl, .csv, .json or .parquet output of 'skillgap batch' "
            "(the format follows the extension)"
        )
    found = reader(path)
    if not found.rows:
        raise InputError(f"has no rows: nothing to audit; {GIVE}", path=path)
    warnings: list[str] = []
    meta_file: Path | None = None
    if found.meta is None and found.format in ("jsonl", "csv"):
        sidecar = meta_path(path)
        if sidecar.is_file():
            found.meta, meta_file = _read_sidecar(sidecar), sidecar
        else:
            warnings.append(
                f"no audit sidecar {sidecar.name} beside the results: the batch's options "
                "are not in this audit's trail"
            )
    meta = found.meta or {}
    if found.format == "csv":
        found.rows = _with_sidecar_sha256(found.rows, meta)
    if rubric is not None:
        _keep_rubric(path, found, meta, rubric)
    seen = _one_rubric(path, found, meta)
    tool = meta.get("tool")
    if isinstance(tool, dict) and text_of(tool.get("version")):
        found.tool_versions.add(str(tool["version"]))
    options = meta.get("options")
    if isinstance(options, dict):
        if text_of(options.get("as_of")) and found.format == "csv":
            found.as_of.add(str(options["as_of"]))
        if isinstance(options.get("blind"), bool):
            found.blind.add(bool(options["blind"]))
    return BatchResults(
        path=path,
        format=found.format,
        sha256=found.sha256,
        rows=_ranked(found.rows),
        areas=tuple(found.areas),
        rubric=seen,
        tool_versions=tuple(sorted(found.tool_versions)),
        as_of=tuple(sorted(found.as_of)),
        blind=(True in found.blind) if found.blind else None,
        meta=found.meta,
        meta_file=meta_file,
        warnings=tuple(warnings),
    )


def _read_sidecar(sidecar: Path) -> dict[str, Any]:
    with opened(sidecar) as handle:
        data = handle.read()
    try:
        meta = json.loads(decode_text(data, path=sidecar, detect=False))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg}); it is the audit sidecar 'skillgap batch' wrote: "
            "restore it or run the batch again",
            path=sidecar,
            line=exc.lineno,
        ) from exc
    if not isinstance(meta, dict):
        raise InputError("is not a batch audit sidecar (not a JSON object)", path=sidecar)
    return meta


def _with_sidecar_sha256(rows: list[ResultRow], meta: Mapping[str, Any]) -> list[ResultRow]:
    """CSV rows carry no sha256; the sidecar's list of inputs does."""
    inputs = meta.get("inputs")
    if not isinstance(inputs, list):
        return rows
    by_key = {
        (item.get("file"), item.get("id")): item.get("sha256")
        for item in inputs
        if isinstance(item, dict)
    }
    return [replace(r, sha256=text_of(by_key.get((r.file, r.id)))) for r in rows]


def _header_rubrics(meta: Mapping[str, Any]) -> list[RubricSeen]:
    """The rubrics the audit header names: ``rubric``, or ``rubrics`` for several."""
    listed = meta.get("rubrics")
    headers = listed if isinstance(listed, list) else [meta.get("rubric")]
    return [
        RubricSeen(
            id=str(header["id"]),
            title=text_of(header.get("title")),
            version=text_of(header.get("version")),
            sha256=text_of(header.get("sha256")),
        )
        for header in headers
        if isinstance(header, dict) and text_of(header.get("id"))
    ]


def _keep_rubric(path: Path, found: Collected, meta: Mapping[str, Any], rubric: str) -> None:
    """Keep only the rows (and areas) of the rubric ``rubric``; the ranks renumbered."""
    ids = {r.rubric for r in found.rows if r.rubric is not None}
    ids |= {key[0] for key in found.rubrics} | {r.id for r in _header_rubrics(meta)}
    if rubric not in ids:
        known = ", ".join(sorted(ids)) or "none recorded"
        raise UsageError(
            f"{path}: --rubric '{rubric}': no rows of that rubric (the results hold: {known})"
        )
    # A row without a rubric is one of a batch of one rubric: that rubric's.
    rows = [r for r in found.rows if (r.rubric or rubric) == rubric]
    # Several rubrics' outputs carry the union of their areas: keep those this rubric's
    # rows score (an area of another rubric is empty in every one of them).
    keep = [
        i
        for i in range(len(found.areas))
        if any(r.areas[i] is not None for r in rows if r.ok and i < len(r.areas))
    ]
    found.areas = [found.areas[i] for i in keep]
    found.rows = [
        replace(r, areas=tuple(r.areas[i] if i < len(r.areas) else None for i in keep))
        for r in rows
    ]
    found.rubrics = {key: seen for key, seen in found.rubrics.items() if key[0] == rubric}
    headers = [seen for seen in _header_rubrics(meta) if seen.id == rubric]
    found.chosen = headers[0] if headers else None
    if any(r.rank is not None for r in found.rows):
        # The file's ranks count every rubric's rows (a JSON output's run on); this
        # rubric's own ranking keeps their order.
        ranked = sorted((r for r in found.rows if r.ok), key=lambda r: (r.rank or 0, r.line))
        place = {id(r): i for i, r in enumerate(ranked, start=1)}
        found.rows = [replace(r, rank=place[id(r)]) if r.ok else r for r in found.rows]


def _one_rubric(path: Path, found: Collected, meta: Mapping[str, Any]) -> RubricSeen | None:
    """The one rubric the results were scored against; refuses results that mix rubrics."""
    rubrics = dict(found.rubrics)
    headers = [found.chosen] if found.chosen is not None else _header_rubrics(meta)
    for seen in headers:
        key = (seen.id, seen.sha256)
        # The header's record is the fuller one (title, version).
        rubrics[key] = seen
        rubrics.pop((seen.id, None), None)
    if len({key[1] for key in rubrics}) > 1 or len(rubrics) > 1:
        names = ", ".join(
            f"{r.id} (sha256 {(r.sha256 or '?')[:12]})"
            for r in sorted(rubrics.values(), key=lambda r: (r.id, r.sha256 or ""))
        )
        raise ReportError(
            f"the results mix rubrics: {names}; audit one at a time with --rubric ID",
            path=path,
        )
    return next(iter(rubrics.values()), None)


def _ranked(rows: list[ResultRow]) -> tuple[ResultRow, ...]:
    """Rows in the batch's ranking order: no unmet must-have first, then by score (best
    first), ties by the input as shown; then error rows. A file's own ranks win."""
    scored = [r for r in rows if r.ok]
    if any(r.rank is None for r in scored):
        scored.sort(key=lambda r: (r.blocked, -(r.score or 0.0), r.file, r.line))
        scored = [replace(r, rank=i) for i, r in enumerate(scored, start=1)]
    else:
        scored.sort(key=lambda r: (r.rank or 0, r.line))
    errors = sorted((r for r in rows if not r.ok), key=lambda r: (r.file, r.line))
    return (*scored, *errors)


__all__ = ["AreaRef", "BatchResults", "ResultRow", "RubricSeen", "read_results"]
