"""What ships with skillgap: bundled rubrics (with what each extends) and ladders.

Used by ``skillgap rubrics``; a rubric or ladder that fails to load is listed with the
reason instead of stopping the listing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import SkillgapError
from .bundled import bundled_ladder_ids, bundled_rubric_ids
from .ladder import load_ladder
from .parse import load_rubric


@dataclass(frozen=True)
class RubricEntry:
    """One bundled rubric."""

    id: str
    title: str
    version: str
    extends: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class LadderEntry:
    """One bundled ladder and its levels (rubric ids, lowest first)."""

    id: str
    title: str
    levels: tuple[str, ...] = ()
    min_score: float = 0.0
    error: str | None = None


def bundled_rubrics() -> tuple[RubricEntry, ...]:
    """Every bundled rubric, sorted by id."""
    entries = []
    for rubric_id in bundled_rubric_ids():
        try:
            rubric = load_rubric(rubric_id)
        except SkillgapError as exc:
            entries.append(RubricEntry(rubric_id, "", "?", error=str(exc)))
            continue
        entries.append(RubricEntry(rubric_id, rubric.title, rubric.version, rubric.extends))
    return tuple(entries)


def bundled_ladders() -> tuple[LadderEntry, ...]:
    """Every bundled ladder, sorted by id."""
    entries = []
    for ladder_id in bundled_ladder_ids():
        try:
            loaded = load_ladder(ladder_id)
        except SkillgapError as exc:
            entries.append(LadderEntry(ladder_id, "", error=str(exc)))
            continue
        entries.append(
            LadderEntry(
                ladder_id,
                loaded.ladder.title,
                tuple(r.id for r in loaded.rubrics),
                loaded.ladder.min_score,
            )
        )
    return tuple(entries)


__all__ = ["LadderEntry", "RubricEntry", "bundled_ladders", "bundled_rubrics"]
