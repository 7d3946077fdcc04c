"""Where a batch's rows go, as they come: JSON Lines appended in completion order, or
CSV, JSON and Markdown written whole, sorted, at the end.

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
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from .._version import __version__
from ..errors import OutputError
from ..io.write import atomic_text, write_atomic
from ..rubric.model import Rubric
from .files import BATCH_SCHEMA_VERSION, meta_path, output_kind
from .rows import BatchOptions, BatchRow
from .tally import BatchTally


class BatchLayout(Protocol):
    """The text of the whole-batch outputs, piece by piece (rows arrive one at a time)."""

    def csv_header(self, area_names: Sequence[str]) -> str:
        """The CSV header line."""
        ...

    def csv_row(self, rank: int | None, row: Mapping[str, Any], area_count: int) -> str:
        """One CSV line for a row summary (no rank for an error row)."""
        ...

    def json_head(self, meta: Mapping[str, Any]) -> str:
        """The JSON document up to the opening of its results."""
        ...

    def json_tail(self, summary: Mapping[str, Any]) -> str:
        """The JSON document after its results."""
        ...

    def markdown_head(self, meta: Mapping[str, Any], area_names: Sequence[str]) -> str:
        """The Markdown document up to its ranking table's rows."""
        ...

    def markdown_row(self, rank: int, row: Mapping[str, Any]) -> str:
        """One row of the ranking table."""
        ...

    def markdown_errors_head(self) -> str:
        """The start of the table of inputs that could not be scored."""
        ...

    def markdown_error_row(self, row: Mapping[str, Any]) -> str:
        """One input that could not be scored."""
        ...

    def markdown_tail(self, meta: Mapping[str, Any], inputs: Sequence[Mapping[str, Any]]) -> str:
        """The end of the Markdown document: counts and the audit list of inputs."""
        ...


def build_meta(
    rubric: Rubric,
    options: BatchOptions,
    *,
    output: Path | None,
    kind: str,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The audit header: tool, rubric (id, version, sha256), options."""
    origin = rubric.origin
    return {
        "type": "skillgap-batch",
        "schema_version": BATCH_SCHEMA_VERSION,
        "tool": {"name": "skillgap", "version": __version__},
        "rubric": {
            "id": rubric.id,
            "title": rubric.title,
            "version": rubric.version,
            "sha256": origin.sha256 if origin else "",
        },
        "options": {**options.describe(), **(extra or {})},
        "output": {"file": output.name if output is not None else None, "format": kind},
    }


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


class SortedSink(Sink):
    """Spools rows, then writes them sorted into a file that replaces ``path`` atomically."""

    def __init__(
        self, path: Path, kind: str, area_names: Sequence[str], *, layout: BatchLayout
    ) -> None:
        self.path = path
        self._target = path
        self.kind = kind
        self.area_names = tuple(area_names)
        self.layout = layout
        self._spool = tempfile.TemporaryFile("w+b")  # noqa: SIM115 - closed in close/abort
        self._index: list[tuple[tuple[int, float, str], int, int]] = []

    def write(self, row: BatchRow) -> None:
        payload = (
            row.json_line()
            if self.kind == "json"
            else json.dumps(row.summary(), ensure_ascii=False, separators=(",", ":"))
        )
        blob = payload.encode("utf-8")
        offset = self._spool.seek(0, os.SEEK_END)
        self._spool.write(blob)
        self._index.append((row.sort_key(), offset, len(blob)))

    def _rows(self) -> Iterator[tuple[int, bool, str]]:
        self._index.sort(key=lambda entry: entry[0])
        rank = 0
        for key, offset, length in self._index:
            self._spool.seek(offset)
            text = self._spool.read(length).decode("utf-8")
            ok = key[0] < 2  # scored (eligible or blocked), not an error row
            rank += ok
            yield rank, ok, text

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
        if self.kind == "csv":
            handle.write(fmt.csv_header(self.area_names))
            for rank, ok, text in self._rows():
                handle.write(fmt.csv_row(rank if ok else None, json.loads(text), count))
        elif self.kind == "json":
            handle.write(fmt.json_head({**meta, "inputs": tally.audit_inputs()}))
            first = True
            ranking: list[dict[str, Any]] = []
            for rank, ok, text in self._rows():
                handle.write(("" if first else ",\n") + "    " + text)
                first = False
                if ok:
                    report = json.loads(text)
                    ranking.append(
                        {
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
            handle.write(fmt.markdown_head(meta, self.area_names))
            errors_started = False
            for rank, ok, text in self._rows():
                row = json.loads(text)
                if ok:
                    handle.write(fmt.markdown_row(rank, row))
                else:
                    if not errors_started:
                        handle.write(fmt.markdown_errors_head())
                        errors_started = True
                    handle.write(fmt.markdown_error_row(row))
            handle.write(fmt.markdown_tail(meta, tally.audit_inputs()))

    def abort(self) -> None:
        self._spool.close()


def open_sink(
    output: Path | None,
    rubric: Rubric,
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
    return SortedSink(output, kind, [area.name for area in rubric.areas], layout=layout)


__all__ = ["BatchLayout", "JsonlSink", "Sink", "SortedSink", "build_meta", "open_sink"]
