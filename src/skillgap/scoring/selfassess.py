"""Self-assessment as evidence: the candidate's own rating of a rubric requirement.

A skillgap profile may carry ``self_assessment: {<requirement id>: <level>}`` (written by
``skillgap assess``, or by hand). For a requirement with skills, the rating is declared
evidence for the skills part of its score, judged like a declared skill level:

* a level of the rubric's scale (id, name or alias, any case, or ``3/4``) earns
  ``rank / expected rank`` (capped at 1) when the requirement expects a level, and full
  credit when it expects none;
* ``none`` (or ``0``) earns nothing;
* a word that is not on the scale earns nothing, and the report says why.

The skills part is then the better of this credit and what the skills' own evidence
earns, so a rating never lowers a score. Years and degree parts are never self-rated
here: years come from ``years_experience`` and the work history, degrees from
``education``. The rating appears in the report as requirement-level evidence with
method ``declared`` and source ``self_assessment.<requirement id>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..profiles.model import Profile, SelfAssessed
from ..report.build import build
from ..report.model import EvidenceItem
from ..rubric.model import Requirement, Rubric, level_rank

#: Answers that mean "I do not have this".
NONE_WORDS = frozenset({"none", "0", "no", "-", "n/a", "never"})


@dataclass(frozen=True)
class AssessedCredit:
    """The credit a self-assessment earns for one requirement, and why."""

    credit: float
    basis: str
    evidence: EvidenceItem


def find_self_assessment(profile: Profile, requirement_id: str) -> SelfAssessed | None:
    """The profile's rating of one requirement, if any (the last one wins)."""
    found = None
    for entry in profile.self_assessed:
        if entry.requirement == requirement_id:
            found = entry
    return found


def self_assessed_credit(
    rubric: Rubric, requirement: Requirement, profile: Profile
) -> AssessedCredit | None:
    """Credit (0-1) for the skills part of ``requirement`` from the candidate's own rating.

    None when the profile does not rate this requirement or the requirement has no skills.
    """
    if not profile.self_assessed:
        return None
    entry = find_self_assessment(profile, requirement.id)
    if entry is None or not requirement.skills:
        return None
    written = " ".join(entry.level.split())
    expected = rubric.level_value(requirement.level) if requirement.level else None
    expectation = f" ({requirement.level} expected)" if requirement.level else ""
    if written.lower() in NONE_WORDS:
        credit, basis = 0.0, "self-assessed: none"
    else:
        rank = level_rank(rubric, written)
        if rank is None:
            scale = ", ".join(level.id for level in rubric.levels)
            credit, basis = (
                0.0,
                (
                    f"self-assessed level '{written}' is not on this rubric's "
                    f"scale ({scale}, or none)"
                ),
            )
        else:
            level_id = rubric.levels[rank - 1].id
            credit = 1.0 if expected is None else min(1.0, rank / expected)
            basis = f"self-assessed {level_id}{expectation}"
    evidence = build(
        EvidenceItem,
        text=written,
        context=f"{requirement.name}: {written}",
        source=entry.source,
        line=entry.line,
        method="declared",
        similarity=1.0,
        form=requirement.id,
        level=written,
    )
    return AssessedCredit(round(credit, 4), basis, evidence)


def self_assessment_warnings(rubric: Rubric, profile: Profile) -> tuple[str, ...]:
    """Warnings for ratings this rubric cannot use (unknown ids, or no skills to rate)."""
    if not profile.self_assessed:
        return ()
    requirements = {r.id: r for _, r in rubric.iter_requirements()}
    unknown = sorted(
        {e.requirement for e in profile.self_assessed if e.requirement not in requirements}
    )
    unrated = sorted(
        {
            e.requirement
            for e in profile.self_assessed
            if e.requirement in requirements and not requirements[e.requirement].skills
        }
    )
    warnings = []
    if unknown:
        warnings.append(
            f"self_assessment rates requirements that rubric '{rubric.id}' does "
            f"not have (ignored): {_some(unknown)}"
        )
    if unrated:
        warnings.append(
            f"self_assessment rates requirements judged only by years or degree "
            f"(ignored; give years_experience and education instead): "
            f"{_some(unrated)}"
        )
    return tuple(warnings)


def _some(ids: list[str], shown: int = 8) -> str:
    more = len(ids) - shown
    return ", ".join(ids[:shown]) + (f" and {more} more" if more > 0 else "")


__all__ = [
    "NONE_WORDS",
    "AssessedCredit",
    "find_self_assessment",
    "self_assessed_credit",
    "self_assessment_warnings",
]
