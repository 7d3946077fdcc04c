"""The fairness rules of validate (skillgap.lint.fairness): what they catch, and the
wording they must leave alone."""

from __future__ import annotations

import pytest

from skillgap.lint.registry import RULES
from skillgap.lint.validate import validate_text
from tests.helpers.rubrics import BUNDLED, EVERY_RULE

FAIRNESS = sorted(r.id for r in RULES.values() if r.stage == "fairness")
HEAD = 'id: r\ntitle: R\nversion: "1.0"\nareas:\n  - id: a\n    name: A\n    weight: 1\n'


def rubric(name: str, *, description: str = "", must_have: bool = False) -> str:
    return (
        HEAD
        + "    requirements:\n      - id: req\n"
        + f"        name: {name}\n"
        + (f"        description: {description}\n" if description else "")
        + ("        must_have: true\n" if must_have else "")
        + "        skills:\n          - name: Python\n"
    )


def rules(text: str) -> list[str]:
    return [p.rule for p in validate_text(text, path="r.yaml", options=EVERY_RULE)]


def test_the_fairness_stage_has_six_warning_rules_that_can_be_switched_off() -> None:
    assert FAIRNESS == [
        "age-proxy",
        "culture-fit",
        "gendered-wording",
        "named-school-must-have",
        "national-origin-proxy",
        "physical-requirement",
    ]
    assert all(RULES[r].level.value == "warning" and RULES[r].configurable for r in FAIRNESS)


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("Python, no more than 5 years of experience", "age-proxy"),
        ("Python for recent graduates", "age-proxy"),
        ("Python, to join our young and energetic team", "age-proxy"),
        ("Python for a young team", "age-proxy"),
        ("Python; graduated after 2015", "age-proxy"),
        ("Python, native-level English", "national-origin-proxy"),
        ("Python, and a good culture fit", "culture-fit"),
        ("Python, able to lift 50 lbs", "physical-requirement"),
        ("Python for the chairman", "gendered-wording"),
    ],
)
def test_proxies_are_reported(name: str, rule: str) -> None:
    assert rules(rubric(name)) == [rule]


@pytest.mark.parametrize(
    "name",
    [
        "Cloud-native Python services",
        "Python, at least 5 years of experience",
        "Python for native mobile apps",
        "Python at a young company",
        "Python in a young field such as MLOps",
        "Python for younger codebases",
    ],
)
def test_ordinary_wording_is_left_alone(name: str) -> None:
    assert rules(rubric(name)) == []


def test_citizenship_stated_as_a_legal_requirement_is_left_alone() -> None:
    text = rubric("US citizenship", description="Required by law for a security clearance.")
    assert rules(text) == []
    assert rules(rubric("US citizenship")) == ["national-origin-proxy"]


def test_a_physical_requirement_with_an_accommodation_note_is_left_alone() -> None:
    text = rubric("Lifting 20 kg", description="With or without reasonable accommodation.")
    assert rules(text) == []


def test_a_named_school_is_reported_only_on_a_must_have() -> None:
    assert rules(rubric("Python, Stanford degree preferred")) == []
    assert rules(rubric("Python, Stanford degree", must_have=True)) == ["named-school-must-have"]


def test_a_comment_silences_a_fairness_rule() -> None:
    text = rubric("Python for recent graduates  # skillgap: disable=age-proxy")
    assert rules(text) == []


def test_the_bundled_rubrics_have_no_fairness_problems() -> None:
    for path in sorted(BUNDLED.glob("*.yaml")):
        problems = validate_text(path.read_text("utf-8"), path=str(path), options=EVERY_RULE)
        assert [str(p) for p in problems if p.rule in FAIRNESS] == []
