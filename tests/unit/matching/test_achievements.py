"""The bundled rubric's achievements (tests/fixtures/achievement_cases.yaml): for every soft
skill, clauses that show it by what was done, and near-misses that must not count."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.conftest import FIXTURES
from tests.helpers.bundled import INDEX, RUBRIC

CASES: dict[str, dict[str, list[str]]] = yaml.safe_load(
    (FIXTURES / "achievement_cases.yaml").read_text("utf-8")
)
SHOWS = [(skill, text) for skill, spec in CASES.items() for text in spec["shows"]]
NOT = [(skill, text) for skill, spec in CASES.items() for text in spec.get("not", [])]


def evidence(text: str, skill: str) -> list[Any]:
    return [e for e in INDEX.match_text(text) if e.skill == skill and e.method != "claim"]


def test_every_soft_skill_with_achievements_has_cases() -> None:
    with_achievements = {
        s.name for _, r in RUBRIC.iter_requirements() for s in r.skills if s.achievements
    }
    assert set(CASES) == with_achievements
    assert len(SHOWS) >= 100 and len(NOT) >= 80


@pytest.mark.parametrize(("skill", "text"), SHOWS, ids=[f"{s}: {t[:40]}" for s, t in SHOWS])
def test_what_was_done_is_evidence(skill: str, text: str) -> None:
    assert evidence(text, skill), f"{text!r} should be evidence for {skill}"


@pytest.mark.parametrize(("skill", "text"), NOT, ids=[f"{s}: {t[:40]}" for s, t in NOT])
def test_near_misses_are_not(skill: str, text: str) -> None:
    found = evidence(text, skill)
    assert not found, f"{text!r} is not evidence for {skill}, found {found}"
