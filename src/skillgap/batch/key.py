"""The key of a blind batch: which file each opaque id is.

A blind batch shows no file names: every row, error message, audit record and the
ranking name an input by ``c-`` and the first 12 hex digits of its content's sha256.
Whoever runs the batch still needs to find the file behind an error row or a shortlisted
candidate, without handing names to the reviewers. ``--key FILE`` writes that mapping
to a file of its own, kept apart from the blind outputs: a CSV of ``id, sha256, path,
status``, one line per input, sorted by path, written atomically at the end. With
``--resume``, an existing key file is read and extended, so the key of a resumed run
covers every input of every run.

(Without a key the mapping can still be rebuilt from the files themselves: the id is
``c-`` and the first 12 digits of ``sha256sum FILE``.)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..io.write import write_atomic
from ..text import csv_cell

FIELDS = ("id", "sha256", "path", "status")


def read_key(path: Path) -> dict[str, dict[str, str]]:
    """The rows of an existing key file, by path (empty when there is none)."""
    if not path.is_file():
        return {}
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the key file: {exc}", path=str(path)) from exc
    rows = list(csv.DictReader(io.StringIO(text)))
    if rows and set(rows[0]) != set(FIELDS):
        raise InputError(
            f"not a skillgap key file (columns {', '.join(FIELDS)} expected); name "
            "another --key file",
            path=str(path),
        )
    return {_unguarded(row["path"]): {**row, "path": _unguarded(row["path"])} for row in rows}


def _unguarded(cell: str) -> str:
    """A path as it was before :func:`csv_cell` guarded it ("'=x.pdf" was "=x.pdf")."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@") else cell


def write_key(
    path: Path,
    entries: Iterable[tuple[str, str | None, str, str]],
    *,
    earlier: dict[str, dict[str, str]],
) -> int:
    """Write the key of ``entries`` — (id, sha256, path, status) of each row — and of
    ``earlier`` rows from a resumed run to ``path``; returns the number of inputs in it."""
    by_path = dict(earlier)
    for row_id, sha, row_path, status in entries:
        by_path[row_path] = {"id": row_id, "sha256": sha or "", "path": row_path, "status": status}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for key_path in sorted(by_path):
        # A path is the user's, but a spreadsheet must not run one as a formula.
        writer.writerow({k: csv_cell(v) for k, v in by_path[key_path].items()})
    write_atomic(path, out.getvalue())
    return len(by_path)


__all__ = ["FIELDS", "read_key", "write_key"]
