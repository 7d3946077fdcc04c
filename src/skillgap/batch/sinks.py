"""Where a batch's rows go, as they come: JSON Lines appended in completion order, or
CSV, JSON, Markdown and Parquet (:mod:`.parquet`) written whole, sorted, at the end.

``.jsonl`` appends one line per row (flushed, so a killed run loses at most the line
being written); ``.csv``, ``.json`` and ``.md`` spool rows to a temporary file and, at the
end, write them sorted by score (ties by path) into a file that replaces the output
atomically. Only small sort keys are kept in memory. Every output carries the audit
header (:func:`build_meta`) in itself (``.json``, ``.md``) or in a sidecar
``FILE.meta.json`` (``.csv``, ``.jsonl``).

What the CSV, JSON and Markdown text looks like is a renderer's business: a sink is given
a :class:`BatchLayout` (:mod:`skillgap.render.batch_formats` is the one skillgap ships),
so the batch core never imports a renderer.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from .._version import __version__
from ..errors import OutputError
from ..io.write import atomic_text, write_atomic
from ..rubric.model import Rubric
from .files import BATCH_SCHEMA_VERSION, meta_path, output_kind
from .rows import BatchOptions, BatchRow
from .rubrics import area_names, describe, rubric_tags
from .spool import Sink, SpooledSink
from .tally import BatchTally


class BatchLayout(Protocol):
    """The text of the whole-batch outputs, piece by piece (rows arrive one at a time)."""

    def csv_header(self, area_names: Sequence[str], *, rubric_column: bool = False) -> str:
        """The CSV header line (with a ``rubric`` column in a batch of several rubrics)."""
        ...

    def csv_row(
        self,
        rank: int | None,
        row: Mapping[str, Any],
        area_count: int,
        *,
        rubric_column: bool = False,
    ) -> str:
        """One CSV line for a row summary (no rank for an error row)."""
        ...

    def json_head(self, meta: Mapping[str, Any]) -> str:
        """The JSON document up to the opening of its results."""
        ...

    def json_tail(self, summary: Mapping[str, Any]) -> str:
        """The JSON document after its results."""
        ...

    def markdown_head(self, meta: Mapping[str, Any], area_names: Sequence[str]) -> str:
        """The Markdown document up to its ranking table's rows (with several rubrics,
        ``meta["rubrics"]``: up to the first rubric's section)."""
        ...

    def markdown_rubric_head(self, rubric: Mapping[str, Any], area_names: Sequence[str]) -> str:
        """With several rubrics: one rubric's section, up to its ranking table's rows."""
        ...

    def markdown_row(self, rank: int, row: Mapping[str, Any]) -> str:
        """One row of the ranking table."""
        ...

    def markdown_errors_head(self, level: int = 2) -> str:
        """The start of the table of inputs that could not be scored (a heading of
        ``level``: 3 inside a rubric's section)."""
        ...

    def markdown_error_row(self, row: Mapping[str, Any]) -> str:
        """One input that could not be scored."""
        ...

    def markdown_tail(self, meta: Mapping[str, Any], inputs: Sequence[Mapping[str, Any]]) -> str:
        """The end of the Markdown document: counts and the audit list of inputs."""
        ...


def build_meta(
    rubric: Rubric | Sequence[Rubric],
    options: BatchOptions,
    *,
    output: Path | None,
    kind: str,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The audit header: tool, rubric (id, title, version, sha256), options. A batch of
    several rubrics records each of them, in order, under ``rubrics`` instead."""
    rubrics = (rubric,) if isinstance(rubric, Rubric) else tuple(rubric)
    which: dict[str, Any] = (
        {"rubric": describe(rubrics[0])}
        if len(rubrics) == 1
        else {"rubrics": [describe(r) for r in rubrics]}
    )
    return {
        "type": "skillgap-batch",
        "schema_version": BATCH_SCHEMA_VERSION,
        "tool": {"name": "skillgap", "version": __version__},
        **which,
        "options": {**options.describe(), **(extra or {})},
        "output": {"file": output.name if output is not None else None, "format": kind},
    }


class JsonlSink(Sink):
    """Appends one JSON line per row, flushed, in completion order."""

    def __init__(self, path: Path | None, *, stream: IO[str] | None = None) -> None:
        self.path = path
        if path is None:
            assert stream is not None
            self._handle = stream
            self._own = False
        else:
            try:
                self._handle = path.open("a", encoding="utf-8", newline="\n")
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from exc
            self._own = True

    def write(self, row: BatchRow) -> None:
        try:
            self._handle.write(row.json_line() + "\n")
            self._handle.flush()
        except BrokenPipeError:
            raise  # the reader went away (`| head`): the command ends quietly
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=self.path) from exc

    def close(self, meta: dict[str, Any], tally: BatchTally) -> None:
        if self._own:
            with contextlib.suppress(OSError):
                os.fsync(self._handle.fileno())
            self._handle.close()
        if self.path is not None:
            write_atomic(
                meta_path(self.path),
                json.dumps(
                    {**meta, "counts": tally.counts(), "inputs": tally.audit_inputs()},
                    indent=2,
                    ensure_ascii=False,
                )
                + "\n",
            )

    def abort(self) -> None:
        if self._own:
            with contextlib.suppress(OSError):  # the disk may be what failed
                self._handle.close()


class SortedSink(SpooledSink):
    """Spools rows, then writes them sorted into a file that replaces ``path`` atomically.

    With several rubrics, rows come rubric by rubric (in the order given), each ranked
    on its own; CSV has a ``rubric`` column and the union of the rubrics' areas (a cell
    is empty where a row's rubric lacks the area), Markdown a section per rubric.
    """

    def __init__(
        self,
        path: Path,
        kind: str,
        rubric: Rubric | Sequence[Rubric],
        *,
        layout: BatchLayout,
    ) -> None:
        self.rubrics = (rubric,) if isinstance(rubric, Rubric) else tuple(rubric)
        self.multi = len(self.rubrics) > 1
        super().__init__(path, tags=rubric_tags(self.rubrics))
        self.kind = kind
        self.area_names = area_names(self.rubrics)
        self.layout = layout
        # Where each rubric's areas go among the CSV's area columns.
        self._columns = {
            r.id: [self.area_names.index(a.name) for a in r.areas] for r in self.rubrics
        }

    def _payload(self, row: BatchRow) -> str:
        """What is spooled of a row: its JSON line, or its summary."""
        if self.kind == "json":
            return row.json_line()
        summary = row.summary()
        if self.multi and self.kind == "csv" and row.rubric is not None:
            cells: list[float | None] = [None] * len(self.area_names)
            for column, score in zip(self._columns[row.rubric], row.areas, strict=False):
                cells[column] = score
            summary["areas"] = cells
        return json.dumps(summary, ensure_ascii=False, separators=(",", ":"))

    def close(self, meta: dict[str, Any], tally: BatchTally) -> None:
        full_meta = {**meta, "counts": tally.counts()}
        try:
            with atomic_text(self._target) as handle:
                self._write_all(handle, full_meta, tally)
            if self.kind == "csv":
                write_atomic(
                    meta_path(self._target),
                    json.dumps(
                        {**full_meta, "inputs": tally.audit_inputs()}, indent=2, ensure_ascii=False
                    )
                    + "\n",
                )
        finally:
            self._spool.close()

    def _write_all(self, handle: IO[str], meta: dict[str, Any], tally: BatchTally) -> None:
        fmt = self.layout
        count = len(self.area_names)
        multi = self.multi
        if self.kind == "csv":
            if multi:
                handle.write(fmt.csv_header(self.area_names, rubric_column=True))
            else:
                handle.write(fmt.csv_header(self.area_names))
            for _, rank, ok, text in self._rows():
                summary = json.loads(text)
                cells = (rank if ok else None, summary, count)
                if multi:
                    handle.write(fmt.csv_row(*cells, rubric_column=True))
                else:
                    handle.write(fmt.csv_row(*cells))
        elif self.kind == "json":
            handle.write(fmt.json_head({**meta, "inputs": tally.audit_inputs()}))
            first = True
            ranking: list[dict[str, Any]] = []
            for _, rank, ok, text in self._rows():
                handle.write(("" if first else ",\n") + "    " + text)
                first = False
                if ok:
                    report = json.loads(text)
                    ranking.append(
                        {
                            **({"rubric": report["rubric"]["id"]} if multi else {}),
                            "rank": rank,
                            "id": report["candidate"]["id"],
                            "file": report["candidate"]["source"],
                            "candidate": report["candidate"]["name"],
                            "score": report["overall"]["score"],
                            "blocked": report["overall"]["blocked"],
                            "blocking": report["overall"]["blocking"],
                        }
                    )
            handle.write(fmt.json_tail({"counts": meta["counts"], "ranking": ranking}))
        else:
            handle.write(fmt.markdown_head(meta, () if multi else self.area_names))
            errors_started = False
            section = -1
            for place, rank, ok, text in self._rows():
                while multi and section < place:  # a rubric with no rows still has a section
                    section += 1
                    rubric = self.rubrics[section]
                    names = [a.name for a in rubric.areas]
                    handle.write(fmt.markdown_rubric_head(describe(rubric), names))
                    errors_started = False
                row = json.loads(text)
                if ok:
                    handle.write(fmt.markdown_row(rank, row))
                else:
                    if not errors_started:
                        handle.write(fmt.markdown_errors_head(3 if multi else 2))
                        errors_started = True
                    handle.write(fmt.markdown_error_row(row))
            while multi and section < len(self.rubrics) - 1:
                section += 1
                rubric = self.rubrics[section]
                names = [a.name for a in rubric.areas]
                handle.write(fmt.markdown_rubric_head(describe(rubric), names))
            handle.write(fmt.markdown_tail(meta, tally.audit_inputs()))


def open_sink(
    output: Path | None,
    rubric: Rubric | Sequence[Rubric],
    *,
    layout: BatchLayout,
    stream: IO[str] | None = None,
) -> Sink:
    """The sink for ``output`` (by extension); ``None`` or ``-`` streams JSONL to ``stream``."""
    kind = output_kind(output)
    if output is None or str(output) == "-":
        return JsonlSink(None, stream=stream)
    if kind == "jsonl":
        return JsonlSink(output)
    if kind == "parquet":
        from .parquet import ParquetSink

        return ParquetSink(output, rubric)
    return SortedSink(output, kind, rubric, layout=layout)


__all__ = [
    "BatchLayout",
    "JsonlSink",
    "Sink",
    "SortedSink",
    "SpooledSink",
    "build_meta",
    "open_sink",
]
