"""The rubrics of a batch: one or several (many roles in one pass), loaded and checked.

A batch of several rubrics reads each input once and scores it against every rubric:
one row per input and rubric. The rubrics are told apart by their ids, so two with the
same id are a usage error. Outputs whose columns follow the areas (CSV, Markdown,
Parquet) take the union of the rubrics' areas, in the order the rubrics were given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import UsageError
from ..rubric.model import Rubric

#: The rubric files a folder given as ``--rubric`` holds.
RUBRIC_SUFFIXES = (".yaml", ".yml")


def rubric_refs(refs: Iterable[str | Path]) -> list[str | Path]:
    """The rubrics ``refs`` name: a folder stands for the rubric files directly in it
    (``*.yaml``, ``*.yml``; hidden ones skipped), sorted; anything else (a file, a
    bundled id) for itself.

    >>> [str(p) for p in rubric_refs(["src/skillgap/rubrics"])][:2]
    ['src/skillgap/rubrics/ml-engineer-entry.yaml', 'src/skillgap/rubrics/ml-engineer-mid.yaml']
    """
    found: list[str | Path] = []
    for ref in refs:
        path = Path(ref)
        if path.is_dir():
            files = sorted(
                child
                for child in path.iterdir()
                if child.suffix.lower() in RUBRIC_SUFFIXES
                and not child.name.startswith(".")
                and child.is_file()
            )
            if not files:
                raise UsageError(f"{ref}: a folder with no rubric files (*.yaml, *.yml)")
            found += files
        else:
            found.append(ref)
    return found


def load_rubrics(refs: Iterable[str | Path] | None = None) -> tuple[Rubric, ...]:
    """Load the rubrics of a batch: bundled ids, files, or folders of rubric files (see
    :func:`rubric_refs`); none means the default rubric. The same rubric named twice is
    loaded once; two rubrics with one id are a :class:`~skillgap.errors.UsageError`.

    >>> [r.id for r in load_rubrics(["ml-engineer-mid", "principal-ml-engineer"])]
    ['ml-engineer-mid', 'principal-ml-engineer']
    """
    from ..rubric.parse import load_rubric

    refs = list(refs or ())
    if not refs:
        return (load_rubric(),)
    rubrics: list[Rubric] = []
    for ref in rubric_refs(refs):
        rubric = load_rubric(ref)
        if not any(r is rubric for r in rubrics):
            rubrics.append(rubric)
    return check_distinct(rubrics)


def rubric_source(rubric: Rubric) -> str:
    """Where a rubric came from, as the user would name it (its file, or its id)."""
    origin = rubric.origin
    if origin is None:
        return rubric.id
    return f"bundled '{origin.bundled_id}'" if origin.bundled_id else origin.path


def check_distinct(rubrics: Sequence[Rubric]) -> tuple[Rubric, ...]:
    """``rubrics`` as a tuple, if no two share an id (rows are told apart by it)."""
    seen: dict[str, Rubric] = {}
    for rubric in rubrics:
        earlier = seen.setdefault(rubric.id, rubric)
        if earlier is not rubric:
            raise UsageError(
                f"two rubrics have the id '{rubric.id}': {rubric_source(earlier)} and "
                f"{rubric_source(rubric)}; give each role its own id"
            )
    if not rubrics:
        raise UsageError("a batch needs at least one rubric")
    return tuple(rubrics)


def area_names(rubrics: Sequence[Rubric]) -> tuple[str, ...]:
    """The areas' names across ``rubrics`` (CSV and Markdown columns): each name once, in
    the order the rubrics and their areas come."""
    return tuple(dict.fromkeys(area.name for rubric in rubrics for area in rubric.areas))


def area_ids(rubrics: Sequence[Rubric]) -> tuple[str, ...]:
    """The areas' ids across ``rubrics`` (Parquet columns), each once, in order."""
    return tuple(dict.fromkeys(area.id for rubric in rubrics for area in rubric.areas))


def rubric_tags(rubrics: Sequence[Rubric], *, tag: bool | None = None) -> tuple[str | None, ...]:
    """What rows carry as their ``rubric``, rubric by rubric: the ids when there are
    several (or ``tag`` asks), else ``(None,)``."""
    tagged = len(rubrics) > 1 if tag is None else tag
    return tuple(r.id if tagged else None for r in rubrics)


def describe(rubric: Rubric) -> dict[str, str]:
    """A rubric in the audit trail: id, title, version and sha256."""
    origin = rubric.origin
    return {
        "id": rubric.id,
        "title": rubric.title,
        "version": rubric.version,
        "sha256": origin.sha256 if origin else "",
    }


__all__ = [
    "RUBRIC_SUFFIXES",
    "area_ids",
    "area_names",
    "check_distinct",
    "describe",
    "load_rubrics",
    "rubric_refs",
    "rubric_source",
    "rubric_tags",
]
