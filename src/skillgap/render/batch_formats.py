"""Batch output formats: pure functions from rows (and the audit header) to strings.

The batch writers in :mod:`skillgap.batch.sinks` stream rows through these functions
(this module is the :class:`~skillgap.batch.sinks.BatchLayout` skillgap ships); nothing
here touches a file. Every cell of profile-derived text goes through the escaping of its
medium: :func:`~skillgap.render.escape.csv_cell` for CSV (no spreadsheet formulas),
:func:`~skillgap.render.escape.markdown` for Markdown, ``rich.text.Text`` for the
terminal ranking.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from .escape import csv_cell, plain
from .escape import markdown as md


def _score_text(score: float | None) -> str:
    return "" if score is None else f"{score:.1f}"


# --------------------------------------------------------------------------- CSV


def csv_header(area_names: Sequence[str], *, rubric_column: bool = False) -> str:
    """The header line: fixed columns, one column per rubric area, then status columns
    (first a ``rubric`` column, the rubric's id, in a batch of several rubrics)."""
    return _csv_line(
        [
            *(["rubric"] if rubric_column else []),
            "rank",
            "file",
            "candidate",
            "id",
            "overall",
            "verdict",
            *area_names,
            "unmet_must_haves",
            "must_haves_missing",
            "top_gaps",
            "status",
            "error",
        ]
    )


def csv_row(
    rank: int | None, row: Mapping[str, Any], area_count: int, *, rubric_column: bool = False
) -> str:
    """One CSV line for a row summary (see :func:`skillgap.batch.BatchRow.summary`).

    >>> csv_row(1, {"file": "a.txt", "candidate": "=1+1", "id": "c-1", "score": 50.0,
    ...             "verdict": "partial match", "areas": [40.0], "must_haves_missing": [],
    ...             "top_gaps": ["Python"], "status": "ok", "error": None}, 1)
    "1,a.txt,'=1+1,c-1,50.0,partial match,40.0,0,,Python,ok,\\r\\n"
    """
    areas = list(row.get("areas") or [])
    areas += [None] * (area_count - len(areas))
    values: list[object] = [
        *([row.get("rubric") or ""] if rubric_column else []),
        rank if rank is not None else "",
        row.get("file") or "",
        row.get("candidate") or "",
        row.get("id") or "",
        _score_text(row.get("score")),
        row.get("verdict") or "",
        *(_score_text(a) for a in areas[:area_count]),
        len(row.get("must_haves_missing") or ()) if row.get("status") == "ok" else "",
        "; ".join(row.get("must_haves_missing") or ()),
        "; ".join(row.get("top_gaps") or ()),
        row.get("status") or "",
        row.get("error") or "",
    ]
    return _csv_line(values)


def _csv_line(values: Sequence[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([csv_cell(v) for v in values])
    return buffer.getvalue()


# --------------------------------------------------------------------------- JSON


def json_head(meta: Mapping[str, Any]) -> str:
    """The start of the whole-batch JSON document, up to the opening of ``results``."""
    head = json.dumps({"meta": meta}, indent=2, ensure_ascii=False)
    return head[:-2] + ',\n  "results": [\n'


def json_tail(summary: Mapping[str, Any]) -> str:
    """The end of the whole-batch JSON document, with the ranking summary."""
    body = json.dumps(summary, indent=2, ensure_ascii=False).replace("\n", "\n  ")
    return f'\n  ],\n  "summary": {body}\n}}\n'


# --------------------------------------------------------------------------- Markdown


def markdown_head(meta: Mapping[str, Any], area_names: Sequence[str]) -> str:
    """Title, audit header and the start of the ranking table (with several rubrics,
    ``meta["rubrics"]``: title and audit header; each rubric's section follows)."""
    options = meta["options"]
    rubrics = meta.get("rubrics")
    if rubrics is not None:
        lines = [
            f"# Batch ranking: {len(rubrics)} roles",
            "",
            "- **Rubrics:**",
            *(f"  - {_rubric_text(r)}" for r in rubrics),
            f"- **Tool:** skillgap {md(meta['tool']['version'])}",
            f"- **Options:** {md(_options_text(options))}",
        ]
        return "\n".join(lines) + "\n"
    rubric = meta["rubric"]
    lines = [
        f"# Batch ranking: {md(rubric['title'])}",
        "",
        f"- **Rubric:** {_rubric_text(rubric)}",
        f"- **Tool:** skillgap {md(meta['tool']['version'])}",
        f"- **Options:** {md(_options_text(options))}",
        "",
        "## Ranking",
        "",
        *_table_head(area_names),
    ]
    return "\n".join(lines) + "\n"


def markdown_rubric_head(rubric: Mapping[str, Any], area_names: Sequence[str]) -> str:
    """In a batch of several rubrics: one rubric's section, up to its ranking's rows."""
    lines = [
        "",
        f"## Ranking: {md(rubric['title'])} (`{md(rubric['id'])}`)",
        "",
        *_table_head(area_names),
    ]
    return "\n".join(lines) + "\n"


def _rubric_text(rubric: Mapping[str, Any]) -> str:
    return f"`{md(rubric['id'])}` version {md(rubric['version'])}, sha256 `{rubric['sha256']}`"


def _table_head(area_names: Sequence[str]) -> list[str]:
    return [
        "| # | Candidate | File | Overall | Verdict | "
        + " | ".join(md(a) for a in area_names)
        + " | Unmet must-haves | Must-haves missing |",
        "|---:|---|---|---:|---|" + "---:|" * len(area_names) + "---:|---|",
    ]


def _options_text(options: Mapping[str, Any]) -> str:
    parts = []
    for key, value in options.items():
        if key == "limits" or value is None or value is False:
            continue
        parts.append(key if value is True else f"{key}={value}")
    return ", ".join(parts) or "defaults"


def markdown_row(rank: int, row: Mapping[str, Any]) -> str:
    """One line of the ranking table."""
    areas = " | ".join(_score_text(a) for a in row.get("areas") or ())
    names = row.get("must_haves_missing") or ()
    missing = ", ".join(md(m) for m in names) or "—"
    return (
        f"| {rank} | {md(row.get('candidate')) or '—'} | {md(row.get('file'))} | "
        f"{_score_text(row.get('score'))} | {md(row.get('verdict'))} | {areas} | "
        f"{len(names)} | {missing} |\n"
    )


def markdown_errors_head(level: int = 2) -> str:
    """Start of the table of inputs that could not be scored (a heading of ``level``)."""
    return f"\n{'#' * level} Not scored\n\n| File | Reason |\n|---|---|\n"


def markdown_error_row(row: Mapping[str, Any]) -> str:
    """One input that could not be scored."""
    return f"| {md(row.get('file'))} | {md(row.get('error'))} |\n"


def markdown_tail(meta: Mapping[str, Any], inputs: Sequence[Mapping[str, Any]]) -> str:
    """Counts and the audit list of every input with its sha256."""
    counts = meta.get("counts", {})
    of = f"{counts.get('inputs', len(inputs))} inputs"
    if "rubrics" in counts:
        of += f" × {counts['rubrics']} rubrics = {counts.get('rows', 0)} rows"
    tally = f"{of}: {counts.get('scored', 0)} scored, {counts.get('failed', 0)} not scored."
    lines = ["", "## Inputs", "", tally, "", "| File | Id | sha256 | Status |", "|---|---|---|---|"]
    for item in inputs:
        lines.append(
            f"| {md(item.get('file'))} | `{md(item.get('id'))}` | "
            f"`{item.get('sha256') or ''}` | {item.get('status')} |"
        )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- terminal


def _tail(text: str, width: int) -> str:
    """The end of a long path, where the file name is: '…/pdf/resume.pdf'."""
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def _short_verdict(verdict: str, *, blocked: bool) -> str:
    """The verdict band for a narrow column, never without the block: 'good match,
    blocked'."""
    band = verdict.split(";")[0]
    return f"{band}, blocked" if blocked else band


#: Columns of the ranking, and the widest each needs (candidate names and paths are
#: cut to fit; rank, score, verdict and the count of missing must-haves never are).
_CANDIDATE_MAX, _FILE_MAX = 22, 32
_CANDIDATE_MIN, _FILE_MIN = 9, 12


def _ranking_layout(cells: Sequence[tuple[Any, ...]], width: int) -> dict[str, int]:
    """Column widths that fit ``width``: rank, score, verdict and missing in full; what
    is left goes to the candidate's name first and then to the file, and the file is
    left out rather than cut below :data:`_FILE_MIN` characters.

    >>> cells = [("1", "53.1", "Jonas Whitfield-Ortega", "/tmp/rk/senior-ml-engineer.md",
    ...           "partial match, blocked", "2", 2)]
    >>> _ranking_layout(cells, 60)
    {'#': 1, 'Score': 5, 'Candidate': 13, 'Verdict': 22, 'Missing': 7}
    >>> [_ranking_layout(cells, w).get("File") for w in (80, 100, 120)]
    [12, 28, 29]
    """

    def widest(column: int, header: str) -> int:
        return max([len(header), *(len(c[column]) for c in cells)])

    fixed = {
        "#": widest(0, "#"),
        "Score": widest(1, "Score"),
        "Verdict": widest(4, "Verdict"),
        "Missing": widest(5, "Missing"),
    }
    candidate_need = min(_CANDIDATE_MAX, widest(2, "Candidate"))
    file_need = min(_FILE_MAX, widest(3, "File"))
    # What the name (and the file) may take: every column but the first costs a
    # separator with a space either side; the file's is paid only if it is shown.
    room = width - sum(fixed.values()) - 3 * len(fixed)
    file = 0
    if room - 3 >= _CANDIDATE_MIN + _FILE_MIN:
        room -= 3
        file = min(file_need, room - min(candidate_need, room - _FILE_MIN))
    layout = {"#": fixed["#"], "Score": fixed["Score"]}
    layout["Candidate"] = max(4, min(candidate_need, room - file))
    if file:
        layout["File"] = file
    layout["Verdict"] = fixed["Verdict"]
    layout["Missing"] = fixed["Missing"]
    return layout


def render_ranking(
    rows: Sequence[Mapping[str, Any]],
    *,
    total: int,
    color: bool = False,
    width: int = 100,
    rubric: str | None = None,
) -> str:
    """The ranking table for stderr: rank, score, candidate, file or id, verdict, and
    how many must-haves are missing. Rows come in ranking order: candidates with no unmet
    must-have first; a blocked candidate's verdict says so. ``rubric`` names the rubric
    in the title (a batch of several rubrics shows one table each)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = max(60, width)
    cells: list[tuple[str, str, str, str, str, str, int]] = []
    for rank, row in enumerate(rows, start=1):
        missing = len(row.get("must_haves_missing") or ())
        cells.append(
            (
                str(rank),
                _score_text(row.get("score")),
                plain(row.get("candidate")) or "—",
                plain(row.get("file")),
                _short_verdict(plain(row.get("verdict")), blocked=missing > 0),
                str(missing) if missing else "—",
                missing,
            )
        )
    layout = _ranking_layout(cells, width)
    table = Table(
        box=box.SIMPLE_HEAD if color else box.ASCII2,
        show_edge=False,
        pad_edge=False,
        title=f"Top {len(rows)} of {total}" + (f" for {plain(rubric)}" if rubric else ""),
        title_justify="left",
    )
    for name, column_width in layout.items():
        table.add_column(
            name,
            justify="right" if name in ("#", "Score", "Missing") else "left",
            no_wrap=True,
            overflow="ellipsis",
            width=column_width,
        )
    for place, score, candidate, file, verdict, shown, missing in cells:
        values = {
            "#": Text(place),
            "Score": Text(score),
            "Candidate": Text(candidate),
            "File": Text(_tail(file, layout.get("File", 1))),
            "Verdict": Text(verdict),
            "Missing": Text(shown, style="red" if missing and color else ""),
        }
        table.add_row(*(values[name] for name in layout))
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    console.print(table)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


__all__ = [
    "csv_header",
    "csv_row",
    "json_head",
    "json_tail",
    "markdown_error_row",
    "markdown_errors_head",
    "markdown_head",
    "markdown_row",
    "markdown_rubric_head",
    "markdown_tail",
    "render_ranking",
]
