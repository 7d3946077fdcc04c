"""Scripted answers for the self-assessment questionnaire."""

from __future__ import annotations

from skillgap.assess import questions_for
from skillgap.rubric.model import Rubric


def answers_for(
    rubric: Rubric,
    *,
    level: str = "2",
    years: str = "4",
    degree: str = "2",
    field: str = "Computer Science",
) -> list[str]:
    """One scripted answer per question of ``rubric``."""
    by_kind = {"level": level, "years": years, "degree": degree, "field": field}
    return [by_kind[q.kind] for q in questions_for(rubric)]
