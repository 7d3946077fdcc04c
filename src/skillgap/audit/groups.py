"""The organisation's groups file: who belongs to which category, joined to the results.

A CSV with a header. One column is the join key, matched against the results: ``id``
(the batch's content-derived id, ``c-`` and 12 hex digits), ``sha256`` (of the input
file) or ``file`` / ``path`` (the input as the batch shows it), chosen from the header in
that order unless ``--join`` names the column. Every other column is a category column
(``sex``, ``race_ethnicity``...), unless ``--category`` names the ones to use.

skillgap never reads this file while scoring: ``analyze`` and ``batch`` do not know it
exists (tested), so a label cannot move a score.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError
from ..io.read import decode_text, read_bytes, sha256_hex
from ..limits import DEFAULT_LIMITS, Limits
from ..text import clean_text
from .readers import ResultRow

#: The join columns recognised by name, in order of preference, and what each matches.
JOIN_COLUMNS: dict[str, str] = {"id": "id", "sha256": "sha256", "file": "file", "path": "file"}

#: Labels that say the category is not known; compared after :func:`label_key`.
UNKNOWN_LABELS: frozenset[str] = frozenset(
    {
        "",
        "unknown",
        "not known",
        "unk",
        "prefer not to say",
        "prefer not to answer",
        "prefer not to disclose",
        "i prefer not to say",
        "i prefer not to answer",
        "declined",
        "decline to answer",
        "declined to answer",
        "decline to state",
        "declined to state",
        "decline to self identify",
        "do not wish to answer",
        "i do not wish to answer",
        "don't wish to answer",
        "i don't wish to answer",
        "not disclosed",
        "undisclosed",
        "not stated",
        "not specified",
        "unspecified",
        "not provided",
        "no answer",
        "n/a",
        "na",
        "null",
        "-",
        "?",
    }
)

_SPACES_RE = re.compile(r"[\s_]+")


def label_key(label: str) -> str:
    """A label's comparison form for the unknown list: case, spacing, underscores, a
    final full stop and curly apostrophes do not count.

    >>> label_key("  Prefer_Not_To   Say. ")
    'prefer not to say'
    """
    text = label.replace("\u2019", "'").replace("\u2018", "'").casefold()
    return _SPACES_RE.sub(" ", text).strip().removesuffix(".").strip()


def clean_label(label: str) -> str:
    """A label as reported: control characters removed, surrounding spaces dropped, inner
    runs of spaces made one.

    >>> clean_label(" Black or\tAfrican  American\x1b[31m ")
    'Black or African American'
    """
    return " ".join(clean_text(label).split())


@dataclass(frozen=True)
class GroupRow:
    """One person in the groups file: the line, and a label per category column (None
    where unknown)."""

    line: int
    labels: tuple[str | None, ...]


@dataclass(frozen=True)
class GroupTable:
    """The groups file, read and checked."""

    path: Path
    sha256: str
    join_column: str
    #: What the join column matches in the results: ``id``, ``sha256``, ``file`` or
    #: ``any`` (a column named by ``--join`` that is none of those: any of the three).
    join_field: str
    categories: tuple[str, ...]
    #: Join key -> the person's row.
    rows: dict[str, GroupRow]


def read_groups(
    path: Path,
    *,
    join: str | None = None,
    categories: Sequence[str] = (),
    unknown: Iterable[str] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> GroupTable:
    """Read the groups CSV; refuse one without a join column or with a key twice."""
    data = read_bytes(path, limits=limits)
    text = decode_text(data, path=path)
    unknown_keys = UNKNOWN_LABELS | {label_key(u) for u in unknown}
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise InputError(
                "is empty; it needs a header naming a join column (id, sha256 or file) and "
                "the category columns",
                path=path,
            )
        names = [h.strip() for h in header]
        for index, name in enumerate(names, start=1):
            if not name:
                raise InputError(
                    f"column {index} of the header has no name; name every column",
                    path=path,
                    line=1,
                )
            if names.index(name) != index - 1:
                raise InputError(
                    f"the header names column '{name}' twice; give each column one name",
                    path=path,
                    line=1,
                )
        join_column, join_field = _join_column(path, names, join)
        chosen = _categories(path, names, join_column, categories)
        positions = [names.index(c) for c in chosen]
        key_at = names.index(join_column)
        rows: dict[str, GroupRow] = {}
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            line = reader.line_num
            if len(cells) != len(names):
                raise InputError(
                    f"has {len(cells)} cells where the header has {len(names)}; every row "
                    "needs one cell per column",
                    path=path,
                    line=line,
                )
            key = _key(cells[key_at], join_field)
            if not key:
                raise InputError(
                    f"the {join_column} cell is empty; every row needs its {join_column}",
                    path=path,
                    line=line,
                )
            if key in rows:
                raise InputError(
                    f"{join_column} '{key}' is already on line {rows[key].line}; give each "
                    "candidate one row",
                    path=path,
                    line=line,
                )
            labels = tuple(
                None if label_key(cells[p]) in unknown_keys else clean_label(cells[p])
                for p in positions
            )
            rows[key] = GroupRow(line=line, labels=labels)
    except csv.Error as exc:
        raise InputError(f"is not valid CSV ({exc})", path=path, line=reader.line_num) from exc
    if not rows:
        raise InputError("has a header but no rows: no one to audit", path=path)
    return GroupTable(
        path=path,
        sha256=sha256_hex(data),
        join_column=join_column,
        join_field=join_field,
        categories=tuple(chosen),
        rows=rows,
    )


def _key(cell: str, field: str) -> str:
    key = cell.strip()
    return key.lower() if field == "sha256" else key


def _join_column(path: Path, names: list[str], join: str | None) -> tuple[str, str]:
    if join is not None:
        if join not in names:
            raise UsageError(
                f"--join {join}: {path} has no such column (its columns: {', '.join(names)})"
            )
        return join, JOIN_COLUMNS.get(join.casefold(), "any")
    for wanted in JOIN_COLUMNS:
        for name in names:
            if name.casefold() == wanted:
                return name, JOIN_COLUMNS[wanted]
    raise InputError(
        f"has no join column (its columns: {', '.join(names)}); add a column 'id', "
        "'sha256' or 'file' matching the batch's results, or name one with --join",
        path=path,
        line=1,
    )


def _categories(path: Path, names: list[str], join_column: str, wanted: Sequence[str]) -> list[str]:
    keys = {join_column} | {n for n in names if n.casefold() in JOIN_COLUMNS}
    if wanted:
        for name in wanted:
            if name not in names:
                raise UsageError(
                    f"--category {name}: {path} has no such column (its columns: "
                    f"{', '.join(names)})"
                )
            if name == join_column:
                raise UsageError(f"--category {name} is the join column")
        return list(dict.fromkeys(wanted))
    chosen = [n for n in names if n not in keys]
    if not chosen:
        raise InputError(
            f"has no category columns besides {join_column}; add columns such as 'sex' "
            "and 'race_ethnicity'",
            path=path,
            line=1,
        )
    return chosen


@dataclass(frozen=True)
class Joined:
    """The results joined to the groups: each row's labels (None: no group row)."""

    labels: tuple[tuple[str | None, ...] | None, ...]
    #: Lines of group rows that match no row of the results.
    unmatched_lines: tuple[int, ...]


def join_groups(rows: Sequence[ResultRow], table: GroupTable) -> Joined:
    """Give each result row its group row, by the table's join field.

    A group row may match several results (identical files share an id and a sha256).
    """
    fields = ("id", "sha256", "file") if table.join_field == "any" else (table.join_field,)
    used: set[str] = set()
    labels: list[tuple[str | None, ...] | None] = []
    for row in rows:
        found = None
        for name in fields:
            value = getattr(row, name)
            key = _key(value, name) if isinstance(value, str) else None
            if key is not None and key in table.rows:
                found = key
                break
        if found is None:
            labels.append(None)
        else:
            used.add(found)
            labels.append(table.rows[found].labels)
    unmatched = sorted(g.line for key, g in table.rows.items() if key not in used)
    return Joined(labels=tuple(labels), unmatched_lines=tuple(unmatched))


__all__ = [
    "JOIN_COLUMNS",
    "UNKNOWN_LABELS",
    "GroupRow",
    "GroupTable",
    "Joined",
    "clean_label",
    "join_groups",
    "label_key",
    "read_groups",
]
