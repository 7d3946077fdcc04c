"""A synthetic batch of 1,000 rows whose audit is known by construction.

Each cell of :data:`CELLS` is a (sex, race/ethnicity) pair with how many candidates it
holds and how many of them score in each band:

* ``top`` — eligible, overall 70-79.9;
* ``mid`` — eligible, overall 50-59.9;
* ``blocked`` — an unmet must-have, overall 90-99.9 (ranked after every eligible
  candidate, whatever the score);
* the rest — overall exactly 40.0, half of them blocked.

Fewer than half of the scored rows are above 40, so the median is 40.0 and the rows
strictly above it are exactly ``top + mid + blocked``; ``score:70`` selects
``top + blocked``; ``top:K`` with ``K`` the number of eligible top and mid rows selects
``top + mid``. The first area scores 50 for women, 80 for men and 60 for everyone else;
the other areas score the overall score.

The rows go through the batch's real writers (:func:`skillgap.batch.sinks.open_sink`
with :mod:`skillgap.render.batch_formats`), so the files are what ``skillgap batch``
writes: JSONL with its sidecar, CSV with its sidecar, JSON with its header.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from skillgap import __version__
from skillgap.batch.rows import BatchOptions, BatchRow
from skillgap.batch.sinks import build_meta, open_sink
from skillgap.batch.tally import BatchTally
from skillgap.render import batch_formats
from skillgap.rubric.model import Rubric

AS_OF = dt.date(2025, 6, 1)

#: Labels that mean "unknown" in the groups file (empty, or a declined answer).
UNKNOWN = None


@dataclass(frozen=True)
class Cell:
    """Candidates who share a sex and a race/ethnicity label, and their score bands."""

    sex: str | None
    race: str | None
    count: int
    top: int
    mid: int
    blocked: int
    #: False: these candidates have no row in the groups file at all.
    in_groups: bool = True
    #: How the unknown labels are written in the file.
    sex_text: str = ""
    race_text: str = ""


CELLS: tuple[Cell, ...] = (
    Cell("Female", "Asian", 100, 20, 15, 5),
    Cell("Female", "Black", 100, 10, 15, 5),
    Cell("Female", "White", 200, 30, 30, 10),
    Cell("Female", "Hispanic or Latino", 50, 5, 10, 0),
    Cell("Male", "Asian", 100, 25, 15, 5),
    Cell("Male", "Black", 100, 15, 15, 5),
    Cell("Male", "White", 250, 50, 40, 10),
    Cell("Male", "Hispanic or Latino", 50, 10, 5, 0),
    Cell("Nonbinary", "White", 15, 8, 2, 0),
    Cell("Female", UNKNOWN, 10, 2, 1, 0, race_text="Decline to state"),
    Cell(UNKNOWN, "White", 5, 1, 0, 0, sex_text=""),
    Cell(UNKNOWN, UNKNOWN, 5, 1, 0, 0, in_groups=False),
)
#: Inputs that could not be scored: (labels or None for no group row, how many).
ERRORS: tuple[tuple[tuple[str, str] | None, int], ...] = ((("Female", "Black"), 10), (None, 5))
#: Rows of the groups file that match no result.
STRAY_GROUP_ROWS = 3
SCORED = sum(c.count for c in CELLS)
TOTAL = SCORED + sum(n for _, n in ERRORS)
#: K of ``top:K``: every eligible top and mid row.
TOP_K = sum(c.top + c.mid for c in CELLS)
SCORE_THRESHOLD = 70.0
LOW_SCORE = 40.0
FIRST_AREA_SCORE = {"Female": 50.0, "Male": 80.0}


def sha_of(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


@dataclass(frozen=True)
class Person:
    """One synthetic input."""

    index: int
    cell: Cell | None
    error_labels: tuple[str, str] | None
    score: float | None
    blocked: bool
    band: str

    @property
    def name(self) -> str:
        return f"cand-{self.index:04d}"

    @property
    def sha256(self) -> str:
        return sha_of(self.name)

    @property
    def id(self) -> str:
        return "c-" + self.sha256[:12]

    @property
    def file(self) -> str:
        return f"resumes/{self.name}.txt"


def people() -> list[Person]:
    """Every input, scored ones first, with distinct scores inside each band."""
    out: list[Person] = []
    for cell in CELLS:
        bands = (
            [("top", 70.0, False)] * cell.top
            + [("mid", 50.0, False)] * cell.mid
            + [("blocked", 90.0, True)] * cell.blocked
        )
        low = cell.count - len(bands)
        bands += [("low", LOW_SCORE, i % 2 == 1) for i in range(low)]
        for band, base, blocked in bands:
            index = len(out)
            score = base if band == "low" else round(base + (index % 100) / 10, 1)
            out.append(Person(index, cell, None, score, blocked, band))
    for labels, count in ERRORS:
        for _ in range(count):
            out.append(Person(len(out), None, labels, None, False, "error"))
    return out


def _report(person: Person, rubric: Rubric) -> str:
    assert person.score is not None and person.cell is not None
    origin = rubric.origin
    first = FIRST_AREA_SCORE.get(person.cell.sex or "", 60.0)
    areas = [
        {
            "id": area.id,
            "name": area.name,
            "weight": 1.0,
            "score": round((first if i == 0 else person.score) / 100, 4),
        }
        for i, area in enumerate(rubric.areas)
    ]
    report = {
        "schema_version": "1.3",
        "tool": {"name": "skillgap", "version": __version__},
        "rubric": {
            "id": rubric.id,
            "title": rubric.title,
            "version": rubric.version,
            "sha256": origin.sha256 if origin else "",
        },
        "candidate": {
            "id": person.id,
            "source": person.file,
            "format": "text",
            "sha256": person.sha256,
            "name": None,
            "reader": None,
        },
        "as_of": AS_OF.isoformat(),
        "blind": False,
        "overall": {
            "score": person.score,
            "verdict": "partial match",
            "blocked": person.blocked,
            "blocking": ["years-experience"] if person.blocked else [],
        },
        "areas": areas,
        "gaps": [],
        "warnings": [],
    }
    return json.dumps(report, ensure_ascii=False, separators=(",", ":"))


def batch_row(person: Person, rubric: Rubric) -> BatchRow:
    if person.score is None:
        return BatchRow(
            path=person.file,
            file=person.file,
            id=person.id,
            status="error",
            sha256=person.sha256,
            error=f"{person.file}: file is empty: nothing to score",
        )
    assert person.cell is not None
    first = FIRST_AREA_SCORE.get(person.cell.sex or "", 60.0)
    return BatchRow(
        path=person.file,
        file=person.file,
        id=person.id,
        status="ok",
        sha256=person.sha256,
        format="text",
        score=person.score,
        verdict="partial match",
        areas=tuple(first if i == 0 else person.score for i in range(len(rubric.areas))),
        must_haves_missing=("10+ years of experience",) if person.blocked else (),
        report_json=_report(person, rubric),
    )


def write_results(path: Path, rubric: Rubric, rows: list[BatchRow] | None = None) -> Path:
    """The batch output ``path`` (.jsonl, .csv or .json, by extension), as the batch's own
    writers write it, with its sidecar where the format has one."""
    options = BatchOptions(as_of=AS_OF)
    sink = open_sink(path, rubric, layout=batch_formats)
    tally = BatchTally()
    for row in rows if rows is not None else [batch_row(p, rubric) for p in people()]:
        sink.write(row)
        tally.add(row)
    kind = path.suffix.lstrip(".")
    meta = build_meta(
        rubric, options, output=path, kind=kind, extra={"top": 10, "fail_under": None}
    )
    sink.close(meta, tally)
    return path


def groups_text(*, key: str = "id") -> str:
    """The groups CSV: a key column, sex and race_ethnicity, plus stray rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([key, "sex", "race_ethnicity"])
    for person in people():
        if person.cell is not None:
            if not person.cell.in_groups:
                continue
            sex = person.cell.sex if person.cell.sex is not None else person.cell.sex_text
            race = person.cell.race if person.cell.race is not None else person.cell.race_text
        elif person.error_labels is not None:
            sex, race = person.error_labels
        else:
            continue
        writer.writerow([getattr(person, key), sex, race])
    for stray in range(STRAY_GROUP_ROWS):
        writer.writerow(
            [getattr(Person(9000 + stray, None, None, None, False, ""), key), "Male", "Asian"]
        )
    return buffer.getvalue()


# --------------------------------------------------------------------------- expectations


def cells_where(sex: str | None = None, race: str | None = None) -> list[Cell]:
    """The cells with a known label for the column(s) asked about, matching it."""
    return [
        c
        for c in CELLS
        if c.in_groups and (sex is None or c.sex == sex) and (race is None or c.race == race)
    ]


def expected(cells: list[Cell], mode: str) -> tuple[int, int]:
    """(selected, count) of some cells under a selection mode."""
    count = sum(c.count for c in cells)
    if mode == "median":
        return sum(c.top + c.mid + c.blocked for c in cells), count
    if mode == "score":
        return sum(c.top + c.blocked for c in cells), count
    return sum(c.top + c.mid for c in cells), count


def expected_rate(cells: list[Cell], mode: str) -> Fraction:
    selected, count = expected(cells, mode)
    return Fraction(selected, count)
