"""From evidence to scores, statuses and ranked gaps.

The rules (``docs/scoring.md`` works an example through them):

* A skill's credit is its best piece of evidence: a declared skill earns its declared
  level against the level expected (or ``declared_credit`` when no level is given, 1.0
  when no level is expected); a mention in running text earns ``text_credit`` plus 0.05
  for each further line that mentions it (up to three); fuzzy matches are scaled by
  their similarity.
* A requirement's skills part is the mean of its best ``min_skills`` skill credits; its
  years part is years found / years asked; its degree part reflects level and field. The
  requirement scores the mean of the parts it has.
* An area scores the weighted mean of its requirements; the overall score is the
  weighted mean of areas, on 0-100. An unmet must-have is a blocking gap, whatever the
  total. Gaps are ranked by the points closing them would add to the overall score.
* Identity (name, contact details, links) is never read here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .matching.evidence import Evidence, ProfileMatches, Rejection
from .profiles.model import Profile
from .report.build import build, evidence_item
from .report.model import (
    AreaResult,
    DegreeResult,
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
from .rubric.model import DEGREE_ORDER, Area, Degree, Requirement, Rubric, Scoring, level_rank
from .selfassess import self_assessed_credit, self_assessment_warnings
from .text import word_norms

#: Credit added for each further line that mentions a skill, for up to three lines.
MENTION_BONUS = 0.05
MAX_BONUS_MENTIONS = 3
#: Evidence and ignored mentions quoted per skill in a report.
MAX_EVIDENCE_SHOWN = 8
MAX_IGNORED_SHOWN = 3
#: Overall scores (0-100) from which a candidate is a good, or a partial, match.
GOOD_MATCH = 65.0
PARTIAL_MATCH = 45.0
VERDICT_BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "strong match"),
    (GOOD_MATCH, "good match"),
    (PARTIAL_MATCH, "partial match"),
    (0.0, "weak match"),
)
#: The 'met' threshold of a rubric that sets none (a requirement score, 0-1).
DEFAULT_MET_THRESHOLD: float = Scoring.model_fields["met_threshold"].default
#: Below this a 0-1 score is shown as weak; from it up to the met threshold as partial.
WEAK_BELOW = 0.4

Band = Literal["met", "partial", "missing"]


def verdict_for(score: float) -> str:
    """The verdict band for an overall score.

    >>> verdict_for(70.0), verdict_for(12.5)
    ('good match', 'weak match')
    """
    for floor, label in VERDICT_BANDS:
        if score >= floor:
            return label
    return VERDICT_BANDS[-1][1]


def score_band(fraction: float) -> Band:
    """How a 0-1 score (an area's, a requirement's) is shown: bars and colours.

    >>> score_band(0.7), score_band(0.5), score_band(0.1)
    ('met', 'partial', 'missing')
    """
    if fraction >= DEFAULT_MET_THRESHOLD:
        return "met"
    return "partial" if fraction >= WEAK_BELOW else "missing"


def overall_band(score: float) -> Band:
    """How an overall score (0-100) is shown: a good match or better, a partial match,
    or weaker."""
    if score >= GOOD_MATCH:
        return "met"
    return "partial" if score >= PARTIAL_MATCH else "missing"


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
    for item in evidence:
        if item.method != "declared":
            continue
        if requirement.level and expected is None:
            expected = rubric.level_value(requirement.level)
        rank = level_rank(rubric, item.level)
        if expected is None:
            credit, why = 1.0, "declared"
        elif rank is None:
            credit = scoring.declared_credit
            why = f"declared without a level ({requirement.level} expected)"
        else:
            credit = min(1.0, rank / expected)
            why = f"declared {rubric.levels[rank - 1].id} ({requirement.level} expected)"
        credit *= item.similarity
        if credit > best:
            best, basis = credit, why
    text_items = [e for e in evidence if e.method != "declared"]
    if text_items:
        lines = {(e.source, e.line, e.text if e.line is None else "") for e in text_items}
        similarity = max(e.similarity for e in text_items)
        bonus = MENTION_BONUS * min(MAX_BONUS_MENTIONS, len(lines) - 1)
        credit = min(1.0, (scoring.text_credit + bonus) * similarity)
        if credit > best:
            mentions = len(lines)
            best = credit
            basis = f"mentioned in text ({mentions} place{'s' if mentions != 1 else ''})"
            if similarity < 1.0:
                basis += f", fuzzy similarity {similarity:.2f}"
    return round(best, 4), basis


@dataclass(frozen=True)
class YearsFound:
    years: float | None
    basis: str
    line: int | None = None


def _merged_years(intervals: list[tuple[dt.date, dt.date]]) -> float:
    if not intervals:
        return 0.0
    intervals = sorted(intervals)
    merged: list[list[dt.date]] = [list(intervals[0])]
    for start, end in intervals[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return round(sum((e - s).days for s, e in merged) / 365.25, 1)


def experience_years(profile: Profile, *, as_of: dt.date) -> YearsFound:
    """Total professional experience, from a stated total and the work history.

    Work history intervals are merged, so overlapping jobs are not counted twice. An
    ongoing position ("present") runs to ``as_of`` — but a resume does not say when it
    was written, so when the candidate states a total ("6 years of experience") that
    statement is build over ongoing positions; closed positions still count if they
    add up to more than the statement.
    """
    closed: list[tuple[dt.date, dt.date]] = []
    ongoing: list[tuple[dt.date, dt.date]] = []
    for job in profile.jobs:
        if job.start is None or job.start > as_of:
            continue
        if job.end is None:
            ongoing.append((job.start, as_of))
        elif job.end >= job.start:
            closed.append((job.start, min(job.end, as_of)))
    stated = max(profile.stated_years, key=lambda s: s.years, default=None)
    if stated is not None:
        from_history = _merged_years(closed)
        if stated.years >= from_history:
            return YearsFound(stated.years, f"stated: “{stated.text}”", stated.line)
        return YearsFound(
            from_history,
            f"work history: {len(closed)} dated past "
            f"position{'s' if len(closed) != 1 else ''}, overlaps merged",
        )
    if closed or ongoing:
        jobs = len(closed) + len(ongoing)
        basis = f"work history: {jobs} dated position{'s' if jobs != 1 else ''}, overlaps merged"
        if ongoing:
            basis += f", ongoing counted to {as_of.isoformat()}"
        return YearsFound(_merged_years(closed + ongoing), basis)
    return YearsFound(None, "no dated work history or stated total found")


def _contains_phrase(haystack: tuple[str, ...], phrase: str) -> bool:
    needle = word_norms(phrase)
    if not needle:
        return False
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def degree_result(profile: Profile, degree: Degree) -> DegreeResult:
    """Best credit any education entry earns against a degree requirement."""
    required_rank = DEGREE_ORDER[degree.level]
    best: DegreeResult | None = None
    for entry in profile.education:
        if entry.degree_level is None:
            continue
        rank = DEGREE_ORDER.get(entry.degree_level, 0)
        words = word_norms(entry.text)
        if not degree.fields or any(_contains_phrase(words, f) for f in degree.fields):
            field_credit, field_basis = 1.0, "in a required field"
        elif any(_contains_phrase(words, f) for f in degree.related_fields):
            field_credit, field_basis = degree.related_credit, "in a related field"
        else:
            field_credit, field_basis = 0.5, "field not recognised as related"
        shortfall = max(0, required_rank - rank)
        level_credit = (1.0, 0.5, 0.25, 0.1, 0.0)[min(shortfall, 4)]
        credit = round(field_credit * level_credit, 4)
        basis = f"{entry.degree_level} {field_basis}"
        if shortfall:
            basis += f"; below the {degree.level} asked for"
        if best is None or credit > best.credit:
            best = build(
                DegreeResult,
                required=degree.level,
                found=entry.degree_level,
                credit=credit,
                basis=basis,
                text=entry.text,
                source=entry.source,
                line=entry.line,
            )
    if best is None:
        return build(
            DegreeResult, required=degree.level, found=None, credit=0.0, basis="no degree found"
        )
    return best


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
        degree = degree_result(profile, requirement.degree)
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


def _gap(
    area: Area,
    requirement: Requirement,
    result: RequirementResult,
    share: float,
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
        gain=round((1.0 - result.score) * share, 2),
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
    area_results: list[AreaResult] = []
    gaps: list[tuple[int, int, Gap]] = []
    overall_sum = 0.0
    for a, area in enumerate(rubric.areas):
        requirement_weight = sum(r.weight for r in area.requirements) or 1.0
        results = []
        weighted = 0.0
        for r, requirement in enumerate(area.requirements):
            result = _score_requirement(
                rubric, requirement, matches, years_found, profile, shared, details=details
            )
            results.append(result)
            weighted += requirement.weight * result.score
            share = requirement.weight / requirement_weight * area.weight / total_area_weight
            if result.score < 1.0:
                gaps.append((a, r, _gap(area, requirement, result, share * 100, shared)))
        area_score = round(weighted / requirement_weight, 4)
        overall_sum += area.weight * area_score
        area_results.append(
            build(
                AreaResult,
                id=area.id,
                name=area.name,
                weight=area.weight,
                score=area_score,
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


__all__ = [
    "DEFAULT_MET_THRESHOLD",
    "GOOD_MATCH",
    "MENTION_BONUS",
    "PARTIAL_MATCH",
    "VERDICT_BANDS",
    "WEAK_BELOW",
    "Band",
    "Scored",
    "SharedResults",
    "YearsFound",
    "degree_result",
    "experience_years",
    "overall_band",
    "score_areas",
    "score_band",
    "score_warnings",
    "skill_credit",
    "verdict_for",
]
