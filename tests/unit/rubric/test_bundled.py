"""The rubrics shipped with skillgap (skillgap.rubric.bundled): each passes strict
validation, and the ML engineer ladder's levels, built with ``extends``, rise in years,
must-haves, expected levels and the weight of leadership."""

from __future__ import annotations

import itertools

from skillgap.errors import Level
from skillgap.lint.registry import RULES
from skillgap.lint.validate import ValidateOptions, validate_file, validate_paths
from skillgap.rubric.bundled import bundled_rubric_ids
from skillgap.rubric.model import level_rank
from skillgap.rubric.parse import load_rubric
from tests.helpers.rubrics import BUNDLED, PRINCIPAL


def test_every_bundled_rubric_passes_strict_validation() -> None:
    result = validate_paths([BUNDLED])
    assert len(result.files) == len(bundled_rubric_ids())
    assert [str(p) for p in result.problems] == []
    assert result.exit_code(strict=True) == 0


def test_bundled_rubric_passes_with_every_rule_but_the_opt_in_one() -> None:
    """The only notes with every rule on come from the opt-in contained-form rule (but for
    knowledge-collision, off by default because umbrella skills group the base's skills
    on purpose: the bundled rubric's Python lists pandas and NumPy)."""
    every = frozenset(r.id for r in RULES.values() if r.configurable) - {"knowledge-collision"}
    problems = validate_file(PRINCIPAL, options=ValidateOptions(rules=every))
    assert {p.rule for p in problems} <= {"contained-form"}
    assert all(p.level is Level.INFO for p in problems)


def test_go_exclusion_protects_the_form_it_contains() -> None:
    """The bundled Go exclusion 'go above and beyond' now contains Go, so it applies."""
    from skillgap.matching.index import SkillIndex

    index = SkillIndex(load_rubric())
    assert "Go" not in {e.skill for e in index.match_text("Go above and beyond with Python")}
    assert "Go" in {e.skill for e in index.match_text("Services in Go and Python")}


# --------------------------------------------------------------------------- ladder rubrics

LADDER_IDS = ("ml-engineer-entry", "ml-engineer-mid", "ml-engineer-senior")


def test_bundled_ladder_rubrics_extend_principal() -> None:
    assert set(LADDER_IDS) <= set(bundled_rubric_ids())
    for rubric_id in LADDER_IDS:
        rubric = load_rubric(rubric_id)
        assert rubric.extends == "principal-ml-engineer", rubric_id
        assert sum(a.weight for a in rubric.areas) == 100, rubric_id


def test_ladder_years_follow_the_seeds_bands() -> None:
    """Entry 0-2 (no floor), mid 2+, senior 5+, principal 10+."""
    years = {}
    for rubric_id in (*LADDER_IDS, "principal-ml-engineer"):
        asks = [r.years for _, r in load_rubric(rubric_id).iter_requirements() if r.years]
        years[rubric_id] = asks
    assert years == {
        "ml-engineer-entry": [],
        "ml-engineer-mid": [2],
        "ml-engineer-senior": [5],
        "principal-ml-engineer": [10],
    }


def test_what_a_lower_level_gates_on_the_level_above_asks_for_at_least_as_much() -> None:
    """Ladders are cumulative: each must-have of a level is a requirement of the level
    above with expectations at least as high (level, breadth, years), so evidence that
    meets the higher level's requirement meets the lower's. The lower levels gate on what
    defines them (ML practice, years), not on tools named."""
    ladder = (*LADDER_IDS, "principal-ml-engineer")
    rubrics = [load_rubric(i) for i in ladder]
    for lower, higher in itertools.pairwise(rubrics):
        above = {r.id: r for _, r in higher.iter_requirements()}
        for _, requirement in lower.iter_requirements():
            if not requirement.must_have:
                continue
            other = above[requirement.id]
            assert (
                level_rank(higher, other.level) or (level_rank(lower, requirement.level) or 0) <= 0
            )
            assert other.min_skills >= requirement.min_skills, requirement.id
            assert (other.years or 0) >= (requirement.years or 0), requirement.id
    gating = [{r.id for _, r in rubric.iter_requirements() if r.must_have} for rubric in rubrics]
    assert all("deep-learning-statistical-modeling" in g for g in gating[:-1])
    assert gating[-1] == {
        "programming-languages",
        "ml-frameworks",
        "years-experience",
        "team-leadership",
    }


def test_leadership_and_strategy_weigh_less_at_junior_levels() -> None:
    def weight(rubric_id: str, area_id: str) -> float:
        rubric = load_rubric(rubric_id)
        return next(a.weight for a in rubric.areas if a.id == area_id)

    ladder = (*LADDER_IDS, "principal-ml-engineer")
    for area_id in ("leadership", "strategy-business"):
        weights = [weight(i, area_id) for i in ladder]
        assert weights == sorted(weights) and weights[0] < weights[-1], area_id


def test_expected_levels_never_rise_going_down_the_ladder() -> None:
    ladder = (*LADDER_IDS, "principal-ml-engineer")
    rubrics = [load_rubric(i) for i in ladder]
    for _, requirement in rubrics[-1].iter_requirements():
        ranks = []
        for rubric in rubrics:
            found = [r for _, r in rubric.iter_requirements() if r.id == requirement.id]
            if found and found[0].level:
                ranks.append(rubric.level_value(found[0].level) or 0)
        assert ranks == sorted(ranks), requirement.id
