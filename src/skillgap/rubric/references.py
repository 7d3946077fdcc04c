"""Checks the schema cannot see, which stop a rubric from loading.

Duplicate level, area and requirement ids, a requirement level that is not on the
scale, an area without requirements, and a requirement nothing could satisfy. Loading a
rubric refuses them (:func:`~skillgap.rubric.parse.parse_rubric_text`); ``skillgap
validate`` reports them with the lint rules, which build on the same findings.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from ..errors import Level, Problem
from ..io.yaml_source import PathKey, SourceMap
from ..text import word_norms
from .findings import Finding, Rule
from .model import Rubric

_E = Level.ERROR

#: The reference rules, in the order docs/lint-rules.md documents them.
REFERENCE_RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("duplicate-id", _E, "reference", "A level, area or requirement id used twice."),
        Rule("unknown-level", _E, "reference", "A requirement's level is not on the scale."),
        Rule("empty", _E, "reference", "No areas, or an area without requirements."),
        Rule("unsatisfiable", _E, "reference", "A requirement nothing could satisfy."),
        Rule(
            "unknown-subject",
            _E,
            "reference",
            "scoring.subject names an area or requirement the rubric does not have, or "
            "ties the subject's own area to it.",
        ),
    )
}


def reference_problems(rubric: Rubric, *, path: str, source_map: SourceMap) -> list[Problem]:
    """The reference findings of a rubric as positioned problems."""
    return [
        finding.to_problem(
            path=path, locate=source_map.locate, level=REFERENCE_RULES[finding.rule].level
        )
        for finding in reference_findings(rubric)
    ]


def reference_findings(rubric: Rubric) -> list[Finding]:
    """Duplicate ids, unknown levels, empty areas, unsatisfiable requirements.

    These are the checks that :func:`skillgap.rubric.load_rubric` also applies: a rubric
    with any of them does not load.
    """
    findings: list[Finding] = []
    level_ids = [level.id for level in rubric.levels]
    seen_levels: set[str] = set()
    for i, level in enumerate(rubric.levels):
        if level.id in seen_levels:
            findings.append(
                Finding(
                    "duplicate-id", ("levels", i, "id"), f"level id '{level.id}' is defined twice"
                )
            )
        seen_levels.add(level.id)
    seen_areas: dict[str, int] = {}
    seen_requirements: dict[str, tuple[int, int]] = {}
    for a, area in enumerate(rubric.areas):
        if area.id in seen_areas:
            findings.append(
                Finding(
                    "duplicate-id",
                    ("areas", a, "id"),
                    f"area id '{area.id}' is already used by areas[{seen_areas[area.id]}]",
                )
            )
        seen_areas.setdefault(area.id, a)
        if not area.requirements:
            findings.append(
                Finding(
                    "empty", ("areas", a, "requirements"), f"area '{area.id}' has no requirements"
                )
            )
        for r, requirement in enumerate(area.requirements):
            loc: PathKey = ("areas", a, "requirements", r)
            if requirement.id in seen_requirements:
                other = seen_requirements[requirement.id]
                findings.append(
                    Finding(
                        "duplicate-id",
                        (*loc, "id"),
                        f"requirement id '{requirement.id}' is "
                        f"already used by areas[{other[0]}].requirements[{other[1]}]",
                    )
                )
            seen_requirements.setdefault(requirement.id, (a, r))
            if requirement.level is not None and requirement.level not in level_ids:
                hint = (
                    _level_hint(requirement.level, rubric)
                    or _did_you_mean(requirement.level, level_ids)
                    or f"levels: {', '.join(level_ids)}"
                )
                findings.append(
                    Finding(
                        "unknown-level",
                        (*loc, "level"),
                        f"unknown level '{requirement.level}'; {hint}",
                        related=(("levels",),),
                    )
                )
            if not requirement.skills and requirement.years is None and requirement.degree is None:
                findings.append(
                    Finding(
                        "unsatisfiable",
                        loc,
                        f"requirement '{requirement.id}' names no skills, "
                        "years or degree, so nothing could ever satisfy it",
                    )
                )
            if requirement.skills and requirement.min_skills > len(requirement.skills):
                findings.append(
                    Finding(
                        "unsatisfiable",
                        (*loc, "min_skills"),
                        f"min_skills is "
                        f"{requirement.min_skills} but only {len(requirement.skills)} skill(s) "
                        "are listed",
                        related=((*loc, "skills"),),
                    )
                )
    findings.extend(_subject_findings(rubric, seen_areas, seen_requirements))
    return findings


def _subject_findings(
    rubric: Rubric, areas: dict[str, int], requirements: dict[str, tuple[int, int]]
) -> list[Finding]:
    """``scoring.subject`` names existing requirements and areas, and no subject
    requirement is in an area that depends on the subject."""
    subject = rubric.scoring.subject
    if subject is None:
        return []
    findings = []
    base: PathKey = ("scoring", "subject")
    for i, rid in enumerate(subject.requirements):
        if rid not in requirements:
            hint = _did_you_mean(rid, list(requirements))
            findings.append(
                Finding(
                    "unknown-subject",
                    (*base, "requirements", i),
                    f"subject requirement '{rid}' is not a requirement of this rubric"
                    + (f"; {hint}" if hint else ""),
                )
            )
    for i, aid in enumerate(subject.areas):
        if aid not in areas:
            hint = _did_you_mean(aid, list(areas))
            findings.append(
                Finding(
                    "unknown-subject",
                    (*base, "areas", i),
                    f"subject area '{aid}' is not an area of this rubric"
                    + (f"; {hint}" if hint else ""),
                )
            )
            continue
        held = [
            rid for rid in subject.requirements if requirements.get(rid, (-1,))[0] == areas[aid]
        ]
        if held:
            findings.append(
                Finding(
                    "unknown-subject",
                    (*base, "areas", i),
                    f"area '{aid}' holds the subject requirement '{held[0]}', so it cannot "
                    "count only as far as the subject is shown; remove it from subject.areas",
                )
            )
    return findings


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def _level_hint(written: str, rubric: Rubric) -> str:
    """'use the id' when a requirement names a level by its name or one of its aliases."""
    wanted = " ".join(word_norms(written))
    for level in rubric.levels:
        if wanted in {" ".join(word_norms(n)) for n in (level.id, level.name, *level.aliases)}:
            return (
                f"'{written}' is a name for level '{level.id}'; requirements use the "
                f"level's id: level: {level.id}"
            )
    return ""


__all__ = ["REFERENCE_RULES", "reference_findings", "reference_problems"]
