"""A skill's credit (skillgap.scoring.credits): a declared level against the level
expected, level words and numbers on the scale, and mentions in running text."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.rubric.model import Rubric
from tests.helpers.scoring import requirement, score


def test_declared_level_is_scored_against_the_expected_level(tmp_path: Path, mini: Rubric) -> None:
    """'working' where 'advanced' is expected earns 2/3; 'expert' is capped at 1."""
    working = score(tmp_path, mini, "skills:\n  - {name: Python, level: working}\n")
    expert = score(tmp_path, mini, "skills:\n  - {name: Python, level: expert}\n")
    assert requirement(working, "languages").score == pytest.approx(2 / 3, abs=1e-4)
    assert requirement(expert, "languages").score == 1.0


def test_level_words_and_numbers_map_onto_the_scale(tmp_path: Path, mini: Rubric) -> None:
    """Aliases such as 'proficient' and numbers such as '3/4' are understood."""
    proficient = score(tmp_path, mini, "skills:\n  - {name: Python, level: proficient}\n")
    numeric = score(tmp_path, mini, "skills:\n  - {name: Python, level: 3/4}\n")
    assert requirement(proficient, "languages").score == 1.0
    assert requirement(numeric, "languages").score == 1.0


def test_text_mentions_earn_the_documented_credit_plus_a_bonus_per_line(
    tmp_path: Path, mini: Rubric
) -> None:
    once = score(tmp_path, mini, "Built services in Python.\n", name="a.txt")
    thrice = score(tmp_path, mini, "Python services.\nPython tools.\nPython tests.\n", name="b.txt")
    assert requirement(once, "languages").skills[0].credit == mini.scoring.text_credit
    assert requirement(thrice, "languages").skills[0].credit == pytest.approx(
        mini.scoring.text_credit + 0.10
    )
