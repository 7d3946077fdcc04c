"""Parquet outputs: one row per input (and rubric), typed columns, the audit header in the file.

pyarrow is optional (``pip install 'skillgap[parquet]'``) and imported only for a
``.parquet`` output. Rows are spooled as they come, like CSV rows (only small sort keys
stay in memory), and written at the end sorted like CSV (eligible candidates first, by
score, ties by path; then errors), :data:`ROW_GROUP_ROWS` rows per row group, so memory
stays flat however many inputs there are; the file replaces the output atomically. The
audit header (rubric, tool, options, counts, every input's sha256) is the file's
key-value metadata, under the key ``skillgap``, as JSON.

The columns (:data:`COLUMNS`) are documented in docs/batch.md, and a test holds that
table and the files written to each other.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import OutputError
from ..io.write import atomic_binary
from ..rubric.model import Rubric
from .rows import BatchRow
from .rubrics import area_ids, rubric_tags
from .spool import SpooledSink
from .tally import BatchTally

#: What to install for Parquet outputs.
INSTALL_HINT = "pip install 'skillgap[parquet]'"

#: Rows per row group: what is held in memory at once while the file is written.
ROW_GROUP_ROWS = 1000

#: The key of the audit header in the file's key-value metadata.
METADATA_KEY = "skillgap"

#: Every column and its type, in order; ``area.<area id>`` stands for one column per
#: rubric area, in rubric order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("rank", "int64"),
    ("file", "string"),
    ("id", "string"),
    ("sha256", "string"),
    ("format", "string"),
    ("status", "string"),
    ("error", "string"),
    ("candidate", "string"),
    ("overall", "double"),
    ("verdict", "string"),
    ("eligible", "bool"),
    ("blocked", "bool"),
    ("unmet_must_haves", "int64"),
    ("must_haves_missing", "list<string>"),
    ("area.<area id>", "double"),
    ("matched_skills", "list<string>"),
    ("missing_skills", "list<string>"),
    ("top_gaps", "list<string>"),
    ("rubric_id", "string"),
    ("rubric_sha256", "string"),
)


def require_pyarrow() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``, or the one line that says what to install."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise OutputError(f"writing Parquet needs pyarrow: {INSTALL_HINT}") from exc
    return pyarrow, pyarrow.parquet


def arrow_type(pa: Any, name: str) -> Any:
    """The pyarrow type of a type name of :data:`COLUMNS`."""
    types = {
        "int64": pa.int64(),
        "string": pa.string(),
        "double": pa.float64(),
        "bool": pa.bool_(),
        "list<string>": pa.list_(pa.string()),
    }
    return types[name]


def parquet_schema(area_ids: Sequence[str]) -> Any:
    """The schema of a batch's Parquet file for a rubric with these areas."""
    pa, _ = require_pyarrow()
    fields = []
    for name, kind in COLUMNS:
        names = [f"area.{a}" for a in area_ids] if name == "area.<area id>" else [name]
        fields += [pa.field(n, arrow_type(pa, kind)) for n in names]
    return pa.schema(fields)


class ParquetSink(SpooledSink):
    """Spools rows, then writes them sorted, in row groups, into a Parquet file that
    replaces ``path`` atomically."""

    def __init__(self, path: Path, rubric: Rubric | Sequence[Rubric]) -> None:
        require_pyarrow()  # before any work
        rubrics = (rubric,) if isinstance(rubric, Rubric) else tuple(rubric)
        super().__init__(path, tags=rubric_tags(rubrics))
        #: Every rubric's areas, each id once (a row's cell is null where its rubric
        #: lacks the area).
        self.area_ids = area_ids(rubrics)
        self._rubrics = [
            (
                r.id,
                r.origin.sha256 if r.origin else "",
                [self.area_ids.index(a.id) for a in r.areas],
            )
            for r in rubrics
        ]

    def _payload(self, row: BatchRow) -> str:
        ok = row.ok
        record = {
            "file": row.file,
            "id": row.id,
            "sha256": row.sha256,
            "format": row.format,
            "status": row.status,
            "error": row.error,
            "candidate": row.candidate,
            "overall": row.score,
            "verdict": row.verdict,
            "eligible": not row.blocked if ok else None,
            "blocked": row.blocked if ok else None,
            "unmet_must_haves": len(row.must_haves_missing) if ok else None,
            "must_haves_missing": list(row.must_haves_missing) if ok else None,
            "areas": list(row.areas) if ok else [],
            "matched_skills": list(row.matched_skills) if ok else None,
            "missing_skills": list(row.missing_skills) if ok else None,
            "top_gaps": list(row.top_gaps) if ok else None,
        }
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))

    def close(self, meta: dict[str, Any], tally: BatchTally) -> None:
        audit = {**meta, "counts": tally.counts(), "inputs": tally.audit_inputs()}
        try:
            with atomic_binary(self._target) as handle:
                self._write_parquet(handle, audit)
        finally:
            self._spool.close()

    def _write_parquet(self, handle: IO[bytes], audit: dict[str, Any]) -> None:
        pa, pq = require_pyarrow()
        schema = parquet_schema(self.area_ids).with_metadata(
            {METADATA_KEY: json.dumps(audit, ensure_ascii=False)}
        )
        area_columns = [f"area.{a}" for a in self.area_ids]
        columns: dict[str, list[Any]] = {name: [] for name in schema.names}
        writer = pq.ParquetWriter(pa.PythonFile(handle, mode="w"), schema)
        try:
            for place, rank, ok, text in self._rows():
                record = json.loads(text)
                areas = record.pop("areas")
                record["rank"] = rank if ok else None
                record["rubric_id"], record["rubric_sha256"], where = self._rubrics[place]
                cells: list[float | None] = [None] * len(area_columns)
                for column, score in zip(where, areas or (), strict=False):
                    cells[column] = score
                record.update(zip(area_columns, cells, strict=True))
                for name, values in columns.items():
                    values.append(record[name])
                if len(columns["file"]) >= ROW_GROUP_ROWS:
                    writer.write_table(pa.Table.from_pydict(columns, schema=schema))
                    columns = {name: [] for name in schema.names}
            if columns["file"]:
                writer.write_table(pa.Table.from_pydict(columns, schema=schema))
        finally:
            writer.close()


__all__ = [
    "COLUMNS",
    "INSTALL_HINT",
    "METADATA_KEY",
    "ROW_GROUP_ROWS",
    "ParquetSink",
    "arrow_type",
    "parquet_schema",
    "require_pyarrow",
]
