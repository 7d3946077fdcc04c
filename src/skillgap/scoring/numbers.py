"""The numbers of a score, without the report: a requirement's score and status from its
parts; the areas, the overall score, the verdict and the ranked gains from the
requirements' scores.

The full report (:func:`skillgap.scoring.requirements.score_areas`) and the lean path
(:func:`score_numbers`: the numbers a CSV row or a ranking needs, with no evidence
quoted and no report model built) both compute through these functions, so their
numbers cannot differ; a test holds them equal on every example and corpus resume and
on generated profiles.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from ..matching.evidence import ProfileMatches
from ..profiles.model import Profile
from ..report.model import Status
from ..rubric.model import Requirement, Rubric
from .bands import verdict_for
from .credits import skill_credit
from .history import YearsFound, degree_result
from .selfassess import self_assessed_credit


@dataclass(frozen=True, slots=True)
class RequirementNumbers:
    """One requirement's score (0-1, four decimals), status, and its years credit."""

    id: str
    score: float
    status: Status
    years_credit: float | None = None


@dataclass(frozen=True, slots=True)
class GapNumbers:
    """What closing one requirement would add to the overall score (points)."""

    area: int
    requirement: int
    gain: float
    unlocks: float
    blocking: bool


@dataclass(frozen=True)
class ScoreNumbers:
    """A profile's numbers against a rubric: what batch rows and rankings show."""

    #: Each area's score, 0-1 (four decimals), in rubric order.
    area_scores: tuple[float, ...]
    #: Each area's subject factor (areas tied to the role's subject), else None.
    factors: tuple[float | None, ...]
    #: Every requirement's numbers, area by area.
    requirements: tuple[tuple[RequirementNumbers, ...], ...]
    #: The overall score, 0-100 (one decimal).
    overall: float
    #: "good match", ... with the blocked suffix.
    verdict: str
    #: Gaps, most gain first (then must-haves, then rubric order).
    gaps: tuple[GapNumbers, ...]
    #: The rubric's skills with evidence (canonical names): ``matched`` in the report.
    matched: frozenset[str] = frozenset()

    def blocking(self, rubric: Rubric) -> tuple[str, ...]:
        """Ids of the unmet must-haves, in gap order."""
        return tuple(self.requirement_of(rubric, g).id for g in self.gaps if g.blocking)

    @staticmethod
    def requirement_of(rubric: Rubric, gap: GapNumbers) -> Requirement:
        return rubric.areas[gap.area].requirements[gap.requirement]


def requirement_numbers(
    rubric: Rubric,
    requirement: Requirement,
    credits: Sequence[float],
    *,
    assessed: float | None,
    years_found: YearsFound,
    degree_credit: float | None,
) -> RequirementNumbers:
    """A requirement's score from its parts: the skills part (the mean of its best
    ``min_skills`` credits, or the candidate's own rating when higher), years found /
    years asked, and the degree's credit; the score is the mean of the parts it has.
    Years and degree are thresholds for *met*, not degrees of it."""
    parts: list[float] = []
    parts_met = True
    if requirement.skills:
        top = sorted(credits, reverse=True)[: requirement.min_skills]
        skills_part = sum(top) / requirement.min_skills
        if assessed is not None:
            skills_part = max(skills_part, assessed)
        parts.append(skills_part)
    years_credit = None
    if requirement.years is not None:
        found = years_found.years
        years_credit = 0.0 if found is None else min(1.0, found / requirement.years)
        parts.append(years_credit)
        parts_met = parts_met and years_credit >= 1.0
    if requirement.degree is not None and degree_credit is not None:
        parts.append(degree_credit)
        parts_met = parts_met and degree_credit >= min(requirement.degree.related_credit, 1.0)
    score = round(sum(parts) / len(parts), 4) if parts else 0.0
    if score >= rubric.scoring.met_threshold and parts_met:
        status: Status = "met"
    else:
        status = "partial" if score > 0 else "missing"
    return RequirementNumbers(requirement.id, score, status, years_credit)


def _subject(
    rubric: Rubric, scored: Sequence[Sequence[RequirementNumbers]], total_area_weight: float
) -> tuple[dict[str, float], dict[str, float]]:
    """How much each area tied to the role's subject counts (its factor, 0-1), and the
    share of the overall score each subject requirement unlocks in those areas.

    The factor is the subject requirements' weighted score against ``met_threshold``,
    at most 1. What an area loses to it (its evidence score × (1 − factor) × its share)
    is gained by showing the subject, and is added to the subject requirements' gaps in
    proportion to their weight: the gains still add up to 100 − overall.
    """
    subject = rubric.scoring.subject
    if subject is None:
        return {}, {}
    by_id = {
        result.id: (requirement, result)
        for area, results in zip(rubric.areas, scored, strict=True)
        for requirement, result in zip(area.requirements, results, strict=True)
    }
    parts = [by_id[rid] for rid in subject.requirements if rid in by_id]
    weight = sum(requirement.weight for requirement, _ in parts)
    if not parts or weight <= 0:
        return {}, {}
    shown = sum(requirement.weight * result.score for requirement, result in parts) / weight
    factor = min(1.0, shown / rubric.scoring.met_threshold)
    tied = set(subject.areas)
    factors = {area.id: factor for area in rubric.areas if area.id in tied}
    lost = 0.0
    for area, results in zip(rubric.areas, scored, strict=True):
        if area.id in tied:
            requirement_weight = sum(r.weight for r in area.requirements) or 1.0
            raw = sum(r.weight * x.score for r, x in zip(area.requirements, results, strict=True))
            lost += raw / requirement_weight * (1.0 - factor) * area.weight / total_area_weight
    gains = {requirement.id: lost * requirement.weight / weight for requirement, _ in parts}
    return factors, gains


def rank_numbers(rubric: Rubric, scored: Sequence[Sequence[RequirementNumbers]]) -> ScoreNumbers:
    """Areas, overall, verdict and ranked gains from every requirement's numbers."""
    total_area_weight = sum(area.weight for area in rubric.areas)
    factor, subject_gain = _subject(rubric, scored, total_area_weight)
    area_scores: list[float] = []
    factors: list[float | None] = []
    gaps: list[GapNumbers] = []
    overall_sum = 0.0
    for a, (area, results) in enumerate(zip(rubric.areas, scored, strict=True)):
        requirement_weight = sum(r.weight for r in area.requirements) or 1.0
        weighted = 0.0
        for r, (requirement, result) in enumerate(zip(area.requirements, results, strict=True)):
            weighted += requirement.weight * result.score
            share = requirement.weight / requirement_weight * area.weight / total_area_weight
            extra = subject_gain.get(requirement.id, 0.0) * 100
            if result.score < 1.0 or extra > 0:
                gain = round((1.0 - result.score) * (share * 100) + extra, 2)
                blocking = requirement.must_have and result.status != "met"
                gaps.append(GapNumbers(a, r, gain, round(extra, 2), blocking))
        area_factor = factor.get(area.id)
        raw = weighted / requirement_weight
        area_score = round(raw * (1.0 if area_factor is None else area_factor), 4)
        overall_sum += area.weight * area_score
        area_scores.append(area_score)
        factors.append(None if area_factor is None else round(area_factor, 4))
    overall = round(overall_sum / total_area_weight * 100, 1)

    def rank(g: GapNumbers) -> tuple[float, bool, int, int]:
        must_have = rubric.areas[g.area].requirements[g.requirement].must_have
        return (-g.gain, not must_have, g.area, g.requirement)

    ranked = tuple(sorted(gaps, key=rank))
    blocked = sum(1 for g in ranked if g.blocking)
    verdict = verdict_for(overall)
    if blocked:
        verdict += f"; blocked by {blocked} unmet must-have{'s' if blocked != 1 else ''}"
    return ScoreNumbers(
        area_scores=tuple(area_scores),
        factors=tuple(factors),
        requirements=tuple(tuple(results) for results in scored),
        overall=overall,
        verdict=verdict,
        gaps=ranked,
    )


def score_numbers(
    rubric: Rubric, profile: Profile, matches: ProfileMatches, *, years_found: YearsFound
) -> ScoreNumbers:
    """The numbers of :func:`~skillgap.scoring.requirements.score_areas`, and nothing
    else: no evidence quoted, no report model built (for CSV rows and rankings)."""
    scored: list[list[RequirementNumbers]] = []
    matched: set[str] = set()
    for area in rubric.areas:
        results: list[RequirementNumbers] = []
        for requirement in area.requirements:
            credits: list[float] = []
            for skill in requirement.skills:
                evidence = matches.for_skill(skill.name)
                if evidence:
                    matched.add(skill.name)
                credits.append(skill_credit(rubric, requirement, evidence)[0] if evidence else 0.0)
            assessed = self_assessed_credit(rubric, requirement, profile)
            degree = (
                degree_result(profile, requirement.degree, as_of=years_found.as_of).credit
                if requirement.degree is not None
                else None
            )
            results.append(
                requirement_numbers(
                    rubric,
                    requirement,
                    credits,
                    assessed=assessed.credit if assessed is not None else None,
                    years_found=years_found,
                    degree_credit=degree,
                )
            )
        scored.append(results)
    return dataclasses.replace(rank_numbers(rubric, scored), matched=frozenset(matched))


__all__ = [
    "GapNumbers",
    "RequirementNumbers",
    "ScoreNumbers",
    "rank_numbers",
    "requirement_numbers",
    "score_numbers",
]
