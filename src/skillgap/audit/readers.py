"""One reader function per format of a batch output, each turning a file into rows.

:data:`READERS` maps an extension to its reader; a reader returns what the file itself
holds (:class:`Collected`: rows, areas, the rubrics, tool versions and dates its rows
name, and its audit header if it has one inside). :func:`~.results.read_results` does the
rest. What each format holds (docs/batch.md has the whole story):

* ``.jsonl`` — one full (or ``--lean``) report per line, in completion order; error rows
  are ``{"status": "error", "input", "id", "sha256", "format", "error"}``;
* ``.json`` — ``{"meta", "results", "summary"}``: the same lines, in ranking order;
* ``.csv`` — one row per input, in ranking order, with an area column per rubric area
  (0-100, one decimal); the sha256 of each input is in the sidecar only;
* ``.parquet`` — the CSV's rows as typed columns, with each input's sha256 and the audit
  header in the file's metadata.

Area scores are read on 0-100 (reports hold them on 0-1).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, UsageError
from ..io.read import decode_text

#: What ends the hint of every "not a batch output" error.
GIVE = "give the .jsonl, .csv, .json or .parquet output of 'skillgap batch'"


@dataclass(frozen=True)
class AreaRef:
    """A rubric area as the results name it (CSV outputs carry only the name)."""

    id: str | None
    name: str


@dataclass(frozen=True)
class ResultRow:
    """One input of the batch: scored (``ok``) or not (``error``)."""

    #: Where the row is: its line (JSONL, CSV) or its 1-based place in ``results`` (JSON).
    line: int
    #: The input as the batch shows it: its path, or its id in blind mode.
    file: str
    id: str
    sha256: str | None
    status: str
    score: float | None = None
    #: True when the candidate has an unmet must-have (ranked after those who have none).
    blocked: bool = False
    #: The place in the batch's ranking, where the file records it.
    rank: int | None = None
    #: Area scores on 0-100, in the order of :attr:`BatchResults.areas`.
    areas: tuple[float | None, ...] = ()
    #: The id of the rubric the row was scored against, where the file says (always in
    #: the output of a batch of several rubrics).
    rubric: str | None = None

    @property
    def ok(self) -> bool:
        """True if the input was scored."""
        return self.status == "ok"


@dataclass(frozen=True)
class RubricSeen:
    """The rubric a batch was scored against, as far as its output says."""

    id: str
    title: str | None
    version: str | None
    sha256: str | None


@dataclass
class Collected:
    """What a reader found in a file, before the sidecar and the checks."""

    format: str
    rows: list[ResultRow] = field(default_factory=list)
    areas: list[AreaRef] = field(default_factory=list)
    rubrics: dict[tuple[str, str | None], RubricSeen] = field(default_factory=dict)
    tool_versions: set[str] = field(default_factory=set)
    as_of: set[str] = field(default_factory=set)
    blind: set[bool] = field(default_factory=set)
    meta: dict[str, Any] | None = None
    sha256: str = ""
    #: The audit header's record of the rubric chosen with ``--rubric``, if any.
    chosen: RubricSeen | None = None


Reader = Callable[[Path], Collected]


# --------------------------------------------------------------------------- helpers


@contextmanager
def opened(path: Path) -> Iterator[IO[bytes]]:
    """The file, opened for reading, with every failure one clear :class:`InputError`."""
    try:
        handle = path.open("rb")
    except FileNotFoundError as exc:
        raise InputError("no such file; give the output of 'skillgap batch'", path=path) from exc
    except IsADirectoryError as exc:
        raise InputError(
            "is a folder; give the output file of 'skillgap batch'", path=path
        ) from exc
    except PermissionError as exc:
        raise InputError("permission denied", path=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    with handle:
        try:
            yield handle
        except IsADirectoryError as exc:
            raise InputError(
                "is a folder; give the output file of 'skillgap batch'", path=path
            ) from exc
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from exc


def text_of(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _not_a_report(path: Path, line: int | None, what: str, where: str = "") -> InputError:
    return InputError(f"{where}not a skillgap batch row ({what}); {GIVE}", path=path, line=line)


def _add_json_row(found: Collected, path: Path, obj: Any, line: int, where: str = "") -> None:
    """One JSONL line or JSON result: a report or an error row."""
    at = None if where else line
    if not isinstance(obj, dict):
        raise _not_a_report(path, at, "not a JSON object", where)
    if obj.get("status") == "error":
        row_id = text_of(obj.get("id"))
        if row_id is None:
            raise _not_a_report(path, at, "an error row without an id", where)
        found.rows.append(
            ResultRow(
                line=line,
                file=text_of(obj.get("input")) or row_id,
                id=row_id,
                sha256=text_of(obj.get("sha256")),
                status="error",
                rubric=text_of(obj.get("rubric")),
            )
        )
        return
    candidate, overall = obj.get("candidate"), obj.get("overall")
    areas = obj.get("areas")
    if not isinstance(candidate, dict) or text_of(candidate.get("id")) is None:
        raise _not_a_report(path, at, "no candidate.id", where)
    if not isinstance(overall, dict) or _number(overall.get("score")) is None:
        raise _not_a_report(path, at, "no overall.score", where)
    if not isinstance(areas, list):
        raise _not_a_report(path, at, "no areas", where)
    rubric = obj.get("rubric")
    rubric_id: str | None = None
    if isinstance(rubric, dict) and text_of(rubric.get("id")):
        rubric_id = str(rubric["id"])
        seen = RubricSeen(
            id=str(rubric["id"]),
            title=text_of(rubric.get("title")),
            version=text_of(rubric.get("version")),
            sha256=text_of(rubric.get("sha256")),
        )
        found.rubrics.setdefault((seen.id, seen.sha256), seen)
    tool = obj.get("tool")
    if isinstance(tool, dict) and text_of(tool.get("version")):
        found.tool_versions.add(str(tool["version"]))
    if text_of(obj.get("as_of")):
        found.as_of.add(str(obj["as_of"]))
    if isinstance(obj.get("blind"), bool):
        found.blind.add(bool(obj["blind"]))
    scores: dict[str, float | None] = {}
    for area in areas:
        if not isinstance(area, dict) or text_of(area.get("name")) is None:
            raise _not_a_report(path, at, "an area without a name", where)
        key = text_of(area.get("id")) or str(area["name"])
        if key not in {a.id or a.name for a in found.areas}:
            found.areas.append(AreaRef(id=text_of(area.get("id")), name=str(area["name"])))
        value = _number(area.get("score"))
        scores[key] = None if value is None else round(value * 100, 2)
    found.rows.append(
        ResultRow(
            line=line,
            file=text_of(candidate.get("source")) or str(candidate["id"]),
            id=str(candidate["id"]),
            sha256=text_of(candidate.get("sha256")),
            status="ok",
            score=_number(overall.get("score")),
            blocked=overall.get("blocked") is True,
            areas=tuple(scores.get(a.id or a.name) for a in found.areas),
            rubric=rubric_id,
        )
    )


# --------------------------------------------------------------------------- readers


def read_jsonl(path: Path) -> Collected:
    """A ``.jsonl`` output, read line by line (it can be large: a report is ~60 KB)."""
    found = Collected(format="jsonl")
    digest = hashlib.sha256()
    with opened(path) as handle:
        for number, raw in enumerate(handle, start=1):
            digest.update(raw)
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                raise InputError(
                    "not valid UTF-8; give the file 'skillgap batch' wrote, unchanged",
                    path=path,
                    line=number,
                ) from exc
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"not valid JSON ({exc.msg}); a line cut short by an interrupted batch "
                    "is repaired by running the batch again with --resume",
                    path=path,
                    line=number,
                ) from exc
            _add_json_row(found, path, obj, number)
    found.sha256 = digest.hexdigest()
    # Rows read before a later row named a new area get None for it.
    width = len(found.areas)
    found.rows = [replace(r, areas=r.areas + (None,) * (width - len(r.areas))) for r in found.rows]
    return found


def read_json(path: Path) -> Collected:
    """A ``.json`` output: ``{"meta", "results", "summary"}``, results in ranking order."""
    found = Collected(format="json")
    with opened(path) as handle:
        data = handle.read()
    found.sha256 = hashlib.sha256(data).hexdigest()
    try:
        doc = json.loads(decode_text(data, path=path, detect=False))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg} at column {exc.colno}); {GIVE}",
            path=path,
            line=exc.lineno,
        ) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("results"), list):
        raise InputError(f"is JSON but has no 'results' list; {GIVE}", path=path)
    if isinstance(doc.get("meta"), dict):
        found.meta = doc["meta"]
    for index, obj in enumerate(doc["results"], start=1):
        _add_json_row(found, path, obj, index, where=f"results[{index - 1}]: ")
    width = len(found.areas)
    rank = 0
    rows = []
    for row in found.rows:
        rank += row.ok
        rows.append(
            replace(
                row,
                areas=row.areas + (None,) * (width - len(row.areas)),
                rank=rank if row.ok else None,
            )
        )
    found.rows = rows
    return found


#: The columns of a batch CSV before and after its area columns.
CSV_HEAD = ("rank", "file", "candidate", "id", "overall", "verdict")
CSV_TAIL = ("unmet_must_haves", "must_haves_missing", "top_gaps", "status", "error")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _uncell(value: str) -> str:
    """A CSV cell as written before the batch made it formula-safe (``'=x`` -> ``=x``)."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def read_csv(path: Path) -> Collected:
    """A ``.csv`` output: one row per input in ranking order, an area column per area."""
    found = Collected(format="csv")
    with opened(path) as handle:
        data = handle.read()
    found.sha256 = hashlib.sha256(data).hexdigest()
    reader = csv.reader(io.StringIO(decode_text(data, path=path), newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            return found
        # A batch of several rubrics puts the rubric's id in a first column.
        shift = 1 if header[:1] == ["rubric"] else 0
        if (
            tuple(header[shift : shift + len(CSV_HEAD)]) != CSV_HEAD
            or tuple(header[-len(CSV_TAIL) :]) != CSV_TAIL
        ):
            raise InputError(
                f"is not a batch CSV (its header does not start with "
                f"'{','.join(CSV_HEAD)}' or 'rubric,{','.join(CSV_HEAD)}'); {GIVE}",
                path=path,
                line=1,
            )
        found.areas = [
            AreaRef(id=None, name=_uncell(name))
            for name in header[shift + len(CSV_HEAD) : len(header) - len(CSV_TAIL)]
        ]
        columns = {name: i for i, name in enumerate(header)}
        for cells in reader:
            if not cells:
                continue
            line = reader.line_num
            if len(cells) != len(header):
                raise InputError(
                    f"has {len(cells)} cells where the header has {len(header)}; {GIVE}",
                    path=path,
                    line=line,
                )
            found.rows.append(_csv_row(path, line, cells, columns, len(found.areas), shift))
    except csv.Error as exc:
        raise InputError(f"is not valid CSV ({exc})", path=path, line=reader.line_num) from exc
    return found


def _csv_row(
    path: Path, line: int, cells: list[str], columns: Mapping[str, int], areas: int, shift: int
) -> ResultRow:
    def cell(name: str) -> str:
        return cells[columns[name]].strip()

    def number(text: str, what: str) -> float | None:
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise InputError(
                f"{what} '{text}' is not a number; {GIVE}", path=path, line=line
            ) from None

    status = cell("status")
    if status not in ("ok", "error"):
        raise InputError(f"status '{status}' is neither ok nor error; {GIVE}", path=path, line=line)
    row_id = cell("id")
    if not row_id:
        raise InputError(f"a row without an id; {GIVE}", path=path, line=line)
    file = _uncell(cell("file")) or row_id
    rubric = (_uncell(cell("rubric")) or None) if shift else None
    if status == "error":
        return ResultRow(
            line=line, file=file, id=row_id, sha256=None, status="error", rubric=rubric
        )
    score = number(cell("overall"), "overall")
    if score is None:
        raise InputError(f"a scored row without an overall score; {GIVE}", path=path, line=line)
    rank = number(cell("rank"), "rank")
    start = shift + len(CSV_HEAD)
    return ResultRow(
        line=line,
        file=file,
        id=row_id,
        sha256=None,
        status="ok",
        score=score,
        blocked=(number(cell("unmet_must_haves"), "unmet_must_haves") or 0) > 0,
        rank=None if rank is None else int(rank),
        areas=tuple(number(cells[start + i].strip(), "an area score") for i in range(areas)),
        rubric=rubric,
    )


def read_parquet(path: Path) -> Collected:
    """A ``.parquet`` output: one row per input in ranking order, an ``area.<id>`` column
    per area (0-100), the audit header in the file's metadata (key ``skillgap``).
    Needs pyarrow, like writing one (``pip install 'skillgap[parquet]'``)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(
            f"{path}: reading Parquet results needs pyarrow: pip install 'skillgap[parquet]'"
        ) from None
    found = Collected(format="parquet")
    with opened(path) as handle:
        data = handle.read()
    found.sha256 = hashlib.sha256(data).hexdigest()
    try:
        parquet = pq.ParquetFile(io.BytesIO(data))
        table = parquet.read()
    except Exception as exc:  # pyarrow raises its own errors for every kind of damage
        raise InputError(f"is not a readable Parquet file ({exc}); {GIVE}", path=path) from exc
    names = table.column_names
    missing = [c for c in ("id", "status", "overall", "file") if c not in names]
    if missing:
        raise InputError(
            f"is not a batch Parquet file (no column {missing[0]!r}); {GIVE}", path=path
        )
    metadata = (parquet.schema_arrow.metadata or {}).get(b"skillgap")
    if metadata:
        try:
            meta = json.loads(metadata)
        except ValueError as exc:
            raise InputError(f"has a damaged audit header ({exc}); {GIVE}", path=path) from exc
        if isinstance(meta, dict):
            found.meta = meta
    area_columns = [c for c in names if c.startswith("area.")]
    found.areas = [AreaRef(id=c[len("area.") :], name=c[len("area.") :]) for c in area_columns]
    for number, record in enumerate(table.to_pylist(), start=1):
        status = text_of(record.get("status"))
        row_id = text_of(record.get("id"))
        if status not in ("ok", "error") or not row_id:
            raise _not_a_report(path, None, f"row {number} has no id or status", "")
        file = text_of(record.get("file")) or row_id
        sha = text_of(record.get("sha256"))
        rubric_id = text_of(record.get("rubric_id"))
        if rubric_id:
            key = (rubric_id, text_of(record.get("rubric_sha256")))
            found.rubrics.setdefault(key, RubricSeen(rubric_id, None, None, key[1]))
        if status == "error":
            found.rows.append(ResultRow(number, file, row_id, sha, "error", rubric=rubric_id))
            continue
        score = _number(record.get("overall"))
        if score is None:
            raise _not_a_report(path, None, f"row {number} is scored but has no overall", "")
        rank = record.get("rank")
        found.rows.append(
            ResultRow(
                line=number,
                file=file,
                id=row_id,
                sha256=sha,
                status="ok",
                score=score,
                blocked=bool(record.get("blocked")),
                rank=rank if isinstance(rank, int) else None,
                areas=tuple(_number(record.get(c)) for c in area_columns),
                rubric=rubric_id,
            )
        )
    return found


#: The reader of each results format, by extension.
READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".json": read_json,
    ".parquet": read_parquet,
}


__all__ = [
    "CSV_HEAD",
    "CSV_TAIL",
    "GIVE",
    "READERS",
    "AreaRef",
    "Collected",
    "Reader",
    "ResultRow",
    "RubricSeen",
    "opened",
    "read_csv",
    "read_json",
    "read_jsonl",
    "read_parquet",
    "text_of",
]
