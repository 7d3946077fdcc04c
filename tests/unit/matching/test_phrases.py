"""Stemmed phrases (skillgap.matching.phrases): achievements — an action with its object
in one clause — matched in any word form, tied to the role's subject when the rubric asks,
and refused when negated or wished for."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.matching.index import SkillIndex
from skillgap.profiles.model import TextSegment
from skillgap.rubric.parse import load_rubric

RUBRIC = """\
id: achievements
title: Achievements
version: "1.0"
areas:
  - id: soft
    name: Soft
    weight: 1
    requirements:
      - id: presenting
        name: Presenting
        skills:
          - name: Executive presentation
            achievements:
              - actions: [present, presentation, brief]
                objects: [CFO, board, executives, VP, leadership team]
      - id: leading
        name: Leading
        skills:
          - name: Team leadership
            achievements:
              - actions: [lead, manage]
                objects: [team]
                about: [ML, machine learning, data, engineers]
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SkillIndex:
    path: Path = tmp_path_factory.mktemp("rubric") / "r.yaml"
    path.write_text(RUBRIC, "utf-8")
    return SkillIndex(load_rubric(path))


def found(index: SkillIndex, text: str) -> list[tuple[str, str, str]]:
    evidence, _ = index.match_segment(TextSegment("experience", text, 1))
    return [(e.skill, e.method, e.text) for e in evidence]


def ignored(index: SkillIndex, text: str) -> list[tuple[str, str]]:
    _, rejected = index.match_segment(TextSegment("experience", text, 1))
    return [(r.skill, r.reason) for r in rejected]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Presented the forecasting roadmap quarterly to the operations director and the CFO",
            "Presented the forecasting roadmap quarterly to the operations director and the CFO",
        ),
        ("Gave a presentation to the board on model risk", "presentation to the board"),
        ("Briefing the VP of Product every sprint", "Briefing the VP"),
        ("presents results to the leadership team", "presents results to the leadership team"),
    ],
)
def test_an_action_with_its_object_in_one_clause_is_evidence(
    index: SkillIndex, text: str, quoted: str
) -> None:
    assert found(index, text) == [("Executive presentation", "achievement", quoted)]


@pytest.mark.parametrize(
    "text",
    [
        "Presented a poster. The CFO liked it.",  # two sentences
        "- Presented the demo\n- Board game club",  # two bullets
        (
            "Presented the churn model and its uplift estimates for every region and segment "
            "of the business to the board"
        ),  # more than eight words between
        "The board presented an award",  # the object before the action
    ],
)
def test_not_across_a_clause_and_not_too_far_apart(index: SkillIndex, text: str) -> None:
    assert found(index, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Never presented to the board",
        "I want to present to executives one day",
        "Hoping to lead a data team",
        "Would like to manage an ML team",
    ],
)
def test_negated_or_wished_achievements_are_not_evidence(index: SkillIndex, text: str) -> None:
    assert found(index, text) == []


def test_about_words_tie_an_achievement_to_the_role(index: SkillIndex) -> None:
    assert found(index, "Led a team of 5 ML engineers") == [
        ("Team leadership", "achievement", "Led a team")
    ]
    assert found(index, "Managed the data team through a migration") == [
        ("Team leadership", "achievement", "Managed the data team")
    ]
    assert found(index, "Led a team of nurses on night shifts") == []
    assert ignored(index, "Led a team of nurses on night shifts") == [
        ("Team leadership", "not about the role's subject")
    ]
    # the subject must be in the same sentence or item, not the next one
    assert found(index, "- Led the team\n- Wrote ML pipelines in Python") == []
