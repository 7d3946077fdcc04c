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
    YearsResult,
)
from ..rubric.model import Area, Requirement, Rubric, level_rank
from .credits import skill_credit
from .history import YearsFound, degree_result
from .numbers import GapNumbers, RequirementNumbers, rank_numbers, requirement_numbers
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


def _score_requirement(
    rubric: Rubric,
    requirement: Requirement,
    matches: ProfileMatches,
    years_found: YearsFound,
    profile: Profile,
    shared: SharedResults,
    *,
    details: bool,
) -> tuple[RequirementResult, RequirementNumbers]:
    explanations: list[str] = []
    skill_results: list[SkillResult] = []
    credits: list[float] = []
    assessed = self_assessed_credit(rubric, requirement, profile)
    if requirement.skills:
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
            explanations.append(assessed.basis)
    degree = None
    if requirement.degree is not None:
        degree = degree_result(profile, requirement.degree, as_of=years_found.as_of)
    numbers = requirement_numbers(
        rubric,
        requirement,
        credits,
        assessed=assessed.credit if assessed is not None else None,
        years_found=years_found,
        degree_credit=degree.credit if degree is not None else None,
    )
    years_result = None
    if requirement.years is not None and numbers.years_credit is not None:
        found_years = years_found.years
        years_result = build(
            YearsResult,
            required=requirement.years,
            found=found_years,
            credit=round(numbers.years_credit, 4),
            basis=years_found.basis,
            line=years_found.line,
        )
        have = "no" if found_years is None else f"{found_years:g}"
        explanations.append(f"{have} of {requirement.years:g} years")
    if degree is not None:
        explanations.append(degree.basis)
    result = build(
        RequirementResult,
        id=requirement.id,
        name=requirement.name,
        must_have=requirement.must_have,
        weight=requirement.weight,
        score=numbers.score,
        status=numbers.status,
        explanation="; ".join(explanations),
        min_skills=requirement.min_skills,
        level=requirement.level,
        skills=tuple(skill_results),
        years=years_result,
        degree=degree,
        self_assessment=assessed.evidence if assessed is not None else None,
    )
    return result, numbers


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


def _gap(
    area: Area,
    requirement: Requirement,
    result: RequirementResult,
    numbers: GapNumbers,
    shared: SharedResults,
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
        gain=numbers.gain,
        unlocks=numbers.unlocks,
        must_have=requirement.must_have,
        blocking=numbers.blocking,
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
    scored = [
        [
            _score_requirement(
                rubric, requirement, matches, years_found, profile, shared, details=details
            )
            for requirement in area.requirements
        ]
        for area in rubric.areas
    ]
    numbers = rank_numbers(rubric, [[n for _, n in results] for results in scored])
    area_results: list[AreaResult] = []
    for area, results, score, factor in zip(
        rubric.areas, scored, numbers.area_scores, numbers.factors, strict=True
    ):
        requirements = tuple(result for result, _ in results)
        area_results.append(
            build(
                AreaResult,
                id=area.id,
                name=area.name,
                weight=area.weight,
                score=score,
                subject_factor=factor,
                met=sum(1 for x in requirements if x.status == "met"),
                partial=sum(1 for x in requirements if x.status == "partial"),
                missing=sum(1 for x in requirements if x.status == "missing"),
                requirements=requirements,
            )
        )
    ranked = [
        _gap(
            rubric.areas[g.area],
            rubric.areas[g.area].requirements[g.requirement],
            scored[g.area][g.requirement][0],
            g,
            shared,
        )
        for g in numbers.gaps
    ]
    blocking = tuple(g.requirement for g in ranked if g.blocking)
    all_results = [r for area in area_results for r in area.requirements]
    overall = build(
        Overall,
        score=numbers.overall,
        verdict=numbers.verdict,
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
