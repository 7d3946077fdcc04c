"""The credit (0-1) one skill earns from its evidence.

A declared skill earns its declared level against the level expected (``declared_credit``
when no level is given: a bare list entry meets a requirement but earns less than work
described; 1.0 with a level where none is expected). A skill the rubric describes by what
people do (it has ``achievements``: leadership, communication) is shown by doing it, so
declaring it is a claim and earns ``claim_credit``, as does a self-description in text
(method ``claim``). A mention in
running text earns ``text_credit`` plus :data:`MENTION_BONUS` for each further line that
mentions it (up to :data:`MAX_BONUS_MENTIONS`); fuzzy matches are scaled by their
similarity. The best piece of evidence counts.
"""

from __future__ import annotations

from ..matching.evidence import Evidence
from ..rubric.model import Requirement, Rubric, level_rank

#: Credit added for each further line that mentions a skill, for up to three lines.
MENTION_BONUS = 0.05


MAX_BONUS_MENTIONS = 3


def skill_credit(
    rubric: Rubric, requirement: Requirement, evidence: tuple[Evidence, ...]
) -> tuple[float, str]:
    """Credit (0-1) for one skill from its evidence, and how it was computed."""
    if not evidence:
        return 0.0, "no evidence"
    scoring = rubric.scoring
    best = 0.0
    basis = ""
    expected: int | None = None
    # A skill the rubric describes by what people do (it has achievements) is shown by
    # doing it: listing it is a claim.
    practice = any(s.achievements for s in requirement.skills if s.name == evidence[0].skill)
    for item in evidence:
        if item.method != "declared":
            continue
        if requirement.level and expected is None:
            expected = rubric.level_value(requirement.level)
        rank = level_rank(rubric, item.level)
        if practice:
            credit, why = scoring.claim_credit, "declared in a list (a claim, not what was done)"
        elif rank is None:
            credit = scoring.declared_credit
            why = (
                f"declared without a level ({requirement.level} expected)"
                if requirement.level
                else "declared without a level"
            )
        elif expected is None:
            credit, why = 1.0, "declared"
        else:
            credit = min(1.0, rank / expected)
            why = f"declared {rubric.levels[rank - 1].id} ({requirement.level} expected)"
        credit *= item.similarity
        if credit > best:
            best, basis = credit, why
    claims = [e for e in evidence if e.method == "claim"]
    if claims and scoring.claim_credit > best:
        best, basis = scoring.claim_credit, "self-description (a claim, not what was done)"
    text_items = [e for e in evidence if e.method not in ("declared", "claim")]
    if text_items:
        lines = {(e.source, e.line, e.text if e.line is None else "") for e in text_items}
        similarity = max(e.similarity for e in text_items)
        bonus = MENTION_BONUS * min(MAX_BONUS_MENTIONS, len(lines) - 1)
        credit = min(1.0, (scoring.text_credit + bonus) * similarity)
        if credit > best:
            mentions = len(lines)
            best = credit
            places = f"{mentions} place{'s' if mentions != 1 else ''}"
            if all(e.method == "achievement" for e in text_items):
                basis = f"shown by what was done ({places})"
            elif all(e.method == "implied" for e in text_items):
                sources = sorted({e.form for e in text_items})
                basis = f"implied by {', '.join(sources)} ({places})"
            else:
                basis = f"mentioned in text ({places})"
            if similarity < 1.0:
                basis += f", fuzzy similarity {similarity:.2f}"
    return round(best, 4), basis


__all__ = ["MAX_BONUS_MENTIONS", "MENTION_BONUS", "skill_credit"]
