"""Scoring a profile: every requirement, then the areas and the overall score, and the
gaps ranked by what closing them would add.

A requirement's skills part is the mean of its best ``min_skills`` skill credits
(:mod:`.credits`), or the candidate's own rating when it says more
(:mod:`.selfassess`); its years part is years found / years asked and its degree part
reflects level and field (:mod:`.history`). The requirement scores the mean of the parts
it has.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..matching.evidence import Evidence, ProfileMatches, Rejection
from ..profiles.model import Profile
from ..report.build import build, evidence_item
from ..report.model import (
    AreaResult,
    EvidenceItem,
    Gap,
    IgnoredMention,
    Overall,
    RequirementResult,
    ResourceLink,
    SkillResult,
    Status,
    YearsResult,
)
from ..rubric.model import Area, Requirement, Rubric, level_rank
from .bands import verdict_for
from .credits import skill_credit
from .history import YearsFound, degree_result
from .selfassess import self_assessed_credit, self_assessment_warnings

#: Evidence and ignored mentions quoted per skill in a report.
MAX_EVIDENCE_SHOWN = 8
MAX_IGNORED_SHOWN = 3


def _evidence_items(items: tuple[Evidence, ...]) -> tuple[EvidenceItem, ...]:
    return tuple(evidence_item(e) for e in items[:MAX_EVIDENCE_SHOWN])


def _ignored_items(items: tuple[Rejection, ...]) -> tuple[IgnoredMention, ...]:
    return tuple(
        build(
            IgnoredMention,
            text=r.text,
            context=r.context,
            source=r.source,
            line=r.line,
            reason=r.reason,
        )
        for r in items[:MAX_IGNORED_SHOWN]
    )


class SharedResults:
    """Report pieces that are the same for every candidate, built once per rubric.

    Most skills of a rubric have no evidence in any one resume; their (immutable) result
    is shared rather than rebuilt for every candidate of a batch. A
    :class:`~skillgap.analysis.PreparedRubric` owns one.
    """

    def __init__(self) -> None:
        self.unmatched: dict[str, SkillResult] = {}
        self.resources: dict[str, tuple[ResourceLink, ...]] = {}

    def unmatched_skill(self, name: str) -> SkillResult:
        """The result of a skill with no evidence and no ignored mention."""
        result = self.unmatched.get(name)
        if result is None:
            result = build(
                SkillResult,
                name=name,
                matched=False,
                credit=0.0,
                basis="no evidence",
                evidence=(),
                ignored=(),
            )
            self.unmatched[name] = result
        return result

    def resource_links(self, requirement: Requirement) -> tuple[ResourceLink, ...]:
        """The learning resources of a requirement, as the report shows them."""
        links = self.resources.get(requirement.id)
        if links is None:
            links = tuple(
                build(ResourceLink, title=r.title, url=r.url) for r in requirement.resources
            )
            self.resources[requirement.id] = links
        return links


def _status(score: float, rubric: Rubric, *, parts_met: bool) -> Status:
    if score >= rubric.scoring.met_threshold and parts_met:
        return "met"
    return "partial" if score > 0 else "missing"


def _score_requirement(
    rubric: Rubric,
    requirement: Requirement,
    matches: ProfileMatches,
    years_found: YearsFound,
    profile: Profile,
    shared: SharedResults,
    *,
    details: bool,
) -> RequirementResult:
    parts: list[float] = []
    # Years and degree are thresholds, not degrees of evidence: "10+ years" is met by ten
    # years, not by seven, and a degree by the level asked for (in a related field too).
    parts_met = True
    explanations: list[str] = []
    skill_results: list[SkillResult] = []
    assessed = self_assessed_credit(rubric, requirement, profile)
    if requirement.skills:
        credits: list[float] = []
        for skill in requirement.skills:
            evidence = matches.for_skill(skill.name)
            rejected = matches.rejected.get(skill.name, ())
            if not evidence and not rejected:
                credits.append(0.0)
                skill_results.append(shared.unmatched_skill(skill.name))
                continue
            credit, basis = skill_credit(rubric, requirement, evidence)
            credits.append(credit)
            skill_results.append(
                build(
                    SkillResult,
                    name=skill.name,
                    matched=bool(evidence),
                    credit=credit,
                    basis=basis,
                    evidence=_evidence_items(evidence) if details else (),
                    ignored=_ignored_items(rejected) if details else (),
                )
            )
        top = sorted(credits, reverse=True)[: requirement.min_skills]
        skills_part = sum(top) / requirement.min_skills
        found = sum(1 for c in credits if c > 0)
        needed = requirement.min_skills
        if len(requirement.skills) > 1:
            explanations.append(
                f"{found} of {len(requirement.skills)} skills evidenced ({needed} needed)"
            )
        else:
            explanations.append(f"{requirement.skills[0].name}: {skill_results[0].basis}")
        if assessed is not None:
            # The candidate's own rating counts when it says more than the evidence found.
            skills_part = max(skills_part, assessed.credit)
            explanations.append(assessed.basis)
        parts.append(skills_part)
    years_result = None
    if requirement.years is not None:
        found_years = years_found.years
        credit = 0.0 if found_years is None else min(1.0, found_years / requirement.years)
        years_result = build(
            YearsResult,
            required=requirement.years,
            found=found_years,
            credit=round(credit, 4),
            basis=years_found.basis,
            line=years_found.line,
        )
        parts.append(credit)
        parts_met = parts_met and credit >= 1.0
        have = "no" if found_years is None else f"{found_years:g}"
        explanations.append(f"{have} of {requirement.years:g} years")
    degree = None
    if requirement.degree is not None:
        degree = degree_result(profile, requirement.degree, as_of=years_found.as_of)
        parts.append(degree.credit)
        parts_met = parts_met and degree.credit >= min(requirement.degree.related_credit, 1.0)
        explanations.append(degree.basis)
    score = round(sum(parts) / len(parts), 4) if parts else 0.0
    return build(
        RequirementResult,
        id=requirement.id,
        name=requirement.name,
        must_have=requirement.must_have,
        weight=requirement.weight,
        score=score,
        status=_status(score, rubric, parts_met=parts_met),
        explanation="; ".join(explanations),
        min_skills=requirement.min_skills,
        level=requirement.level,
        skills=tuple(skill_results),
        years=years_result,
        degree=degree,
        self_assessment=assessed.evidence if assessed is not None else None,
    )


def _level_warnings(profile: Profile, rubric: Rubric) -> tuple[str, ...]:
    """Declared levels that are not on the rubric's scale (they count as 'no level')."""
    scale = ", ".join(level.id for level in rubric.levels)
    warnings = []
    for declared in profile.declared_skills:
        if declared.level and level_rank(rubric, declared.level) is None:
            where = f" (line {declared.line})" if declared.line else ""
            warnings.append(
                f"{declared.source}{where}: level '{declared.level}' of "
                f"'{declared.name}' is not on the rubric's scale ({scale}, or "
                "words such as beginner, intermediate, proficient, expert); "
                "counted as declared without a level"
            )
    return tuple(dict.fromkeys(warnings))


def _subject(
    rubric: Rubric, scored: list[list[RequirementResult]], total_area_weight: float
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


def _gap(
    area: Area,
    requirement: Requirement,
    result: RequirementResult,
    share: float,
    shared: SharedResults,
    unlocks: float = 0.0,
) -> Gap:
    missing = tuple(s.name for s in result.skills if not s.matched)
    return build(
        Gap,
        area=area.id,
        area_name=area.name,
        requirement=requirement.id,
        name=requirement.name,
        score=result.score,
        status=result.status,
        gain=round((1.0 - result.score) * share + unlocks, 2),
        unlocks=round(unlocks, 2),
        must_have=requirement.must_have,
        blocking=requirement.must_have and result.status != "met",
        missing_skills=missing,
        next_steps=requirement.next_steps,
        resources=shared.resource_links(requirement),
        effort=requirement.effort,
    )


@dataclass(frozen=True)
class Scored:
    """A profile's scores against a rubric: per area, the gaps ranked, the headline."""

    areas: tuple[AreaResult, ...]
    gaps: tuple[Gap, ...]
    overall: Overall


def score_areas(
    rubric: Rubric,
    profile: Profile,
    matches: ProfileMatches,
    *,
    years_found: YearsFound,
    shared: SharedResults,
    details: bool = True,
) -> Scored:
    """Score every requirement and area, rank the gaps and sum up.

    ``details=False`` leaves out each skill's evidence and ignored mentions (the scores,
    statuses and gaps are identical).
    """
    total_area_weight = sum(area.weight for area in rubric.areas)
    scored = [
        [
            _score_requirement(
                rubric, requirement, matches, years_found, profile, shared, details=details
            )
            for requirement in area.requirements
        ]
        for area in rubric.areas
    ]
    factor, subject_gain = _subject(rubric, scored, total_area_weight)
    area_results: list[AreaResult] = []
    gaps: list[tuple[int, int, Gap]] = []
    overall_sum = 0.0
    for a, (area, results) in enumerate(zip(rubric.areas, scored, strict=True)):
        requirement_weight = sum(r.weight for r in area.requirements) or 1.0
        weighted = 0.0
        for r, (requirement, result) in enumerate(zip(area.requirements, results, strict=True)):
            weighted += requirement.weight * result.score
            share = requirement.weight / requirement_weight * area.weight / total_area_weight
            extra = subject_gain.get(requirement.id, 0.0)
            if result.score < 1.0 or extra > 0:
                gaps.append(
                    (a, r, _gap(area, requirement, result, share * 100, shared, extra * 100))
                )
        area_factor = factor.get(area.id)
        raw = weighted / requirement_weight
        area_score = round(raw * (1.0 if area_factor is None else area_factor), 4)
        overall_sum += area.weight * area_score
        area_results.append(
            build(
                AreaResult,
                id=area.id,
                name=area.name,
                weight=area.weight,
                score=area_score,
                subject_factor=None if area_factor is None else round(area_factor, 4),
                met=sum(1 for x in results if x.status == "met"),
                partial=sum(1 for x in results if x.status == "partial"),
                missing=sum(1 for x in results if x.status == "missing"),
                requirements=tuple(results),
            )
        )
    overall_score = round(overall_sum / total_area_weight * 100, 1)
    ranked = [
        g for _, _, g in sorted(gaps, key=lambda t: (-t[2].gain, not t[2].must_have, t[0], t[1]))
    ]
    blocking = tuple(g.requirement for g in ranked if g.blocking)
    verdict = verdict_for(overall_score)
    if blocking:
        plural = "s" if len(blocking) != 1 else ""
        verdict += f"; blocked by {len(blocking)} unmet must-have{plural}"
    all_results = [r for area in area_results for r in area.requirements]
    overall = build(
        Overall,
        score=overall_score,
        verdict=verdict,
        blocked=bool(blocking),
        blocking=blocking,
        met=sum(1 for r in all_results if r.status == "met"),
        partial=sum(1 for r in all_results if r.status == "partial"),
        missing=sum(1 for r in all_results if r.status == "missing"),
    )
    return Scored(areas=tuple(area_results), gaps=tuple(ranked), overall=overall)


def score_warnings(profile: Profile, rubric: Rubric) -> tuple[str, ...]:
    """What a report warns about: the profile's own warnings, declared levels not on the
    rubric's scale, and self-assessments the rubric cannot use."""
    return (
        *profile.warnings,
        *_level_warnings(profile, rubric),
        *self_assessment_warnings(rubric, profile),
    )


__all__ = ["Scored", "SharedResults", "score_areas", "score_warnings"]
