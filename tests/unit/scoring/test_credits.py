"""A skill's credit (skillgap.scoring.credits): a declared level against the level
expected, level words and numbers on the scale, and mentions in running text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric
from tests.helpers.files import write
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


PRACTICE = """\
id: practice
title: Practice
version: "1.0"
areas:
  - id: tech
    name: Technical
    weight: 1
    requirements:
      - id: languages
        name: Languages
        level: advanced
        skills:
          - name: Python
  - id: people
    name: People
    weight: 1
    requirements:
      - id: leading
        name: Leading
        skills:
          - name: Team leadership
            aliases: [team lead]
            claims: [people person]
            inflect: true
            achievements:
              - actions: [lead, manage]
                objects: [ML team, engineers]
"""


def test_a_bare_list_entry_earns_less_than_work_described(tmp_path: Path) -> None:
    """Python only listed: declared_credit (0.7, met); mentioned in text: 0.75."""
    rubric = load_rubric(write(tmp_path, "r.yaml", PRACTICE))
    listed = score(tmp_path, rubric, "skills: [Python]\n")
    described = score(
        tmp_path, rubric, "EXPERIENCE\nBuilt the ranking service in Python.\n", "a.txt"
    )
    python = requirement(listed, "languages").skills[0]
    assert (python.credit, python.basis) == (0.7, "declared without a level (advanced expected)")
    assert requirement(listed, "languages").status == "met"
    assert requirement(described, "languages").skills[0].credit == 0.75


def test_a_listed_practice_or_a_self_description_is_a_claim(tmp_path: Path) -> None:
    """Team leadership is described by achievements: listing it, or calling oneself a
    'people person', earns claim_credit; leading a team earns the text credit."""
    rubric = load_rubric(write(tmp_path, "r.yaml", PRACTICE))
    listed = score(tmp_path, rubric, "skills: [Team leadership]\n")
    claimed = score(tmp_path, rubric, "SUMMARY\nA people person.\n", "a.txt")
    shown = score(
        tmp_path, rubric, "EXPERIENCE\nLed the ML team through a re-platforming.\n", "b.txt"
    )
    assert requirement(listed, "leading").skills[0].credit == rubric.scoring.claim_credit == 0.4
    assert "a claim" in requirement(listed, "leading").skills[0].basis
    claim = requirement(claimed, "leading").skills[0]
    assert (claim.credit, claim.evidence[0].method) == (0.4, "claim")
    assert claim.basis == "self-description (a claim, not what was done)"
    done = requirement(shown, "leading").skills[0]
    assert (done.credit, done.evidence[0].method) == (0.75, "achievement")
    assert done.basis == "shown by what was done (1 place)"


def test_implied_evidence_says_what_implies_it(tmp_path: Path) -> None:
    rubric = load_rubric(
        write(
            tmp_path,
            "r.yaml",
            PRACTICE.replace(
                "          - name: Python\n",
                "          - name: Python\n"
                "          - name: PyTorch\n            implies: [Python]\n",
            ),
        )
    )
    report = score(tmp_path, rubric, "EXPERIENCE\nTrained ranking models in PyTorch.\n", "a.txt")
    python = requirement(report, "languages").skills[0]
    assert (python.credit, python.basis) == (0.75, "implied by PyTorch (1 place)")


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("I love to solve complex problems with data.", "Problem solving"),
        ("Strong analytical skills and attention to detail.", "Analytical thinking"),
        ("Known for sound judgment under pressure.", "Critical thinking"),
        ("Data-informed and customer-focused.", "Data-driven decision making"),
    ],
)
def test_cliche_self_descriptions_in_the_bundled_rubric_are_claims(
    tmp_path: Path, text: str, skill: str
) -> None:
    """How people describe themselves earns a claim's partial credit, never full."""
    from skillgap.analysis import analyze
    from skillgap.profiles import load_profile
    from tests.helpers.bundled import RUBRIC

    path = tmp_path / "cv.txt"
    path.write_text(f"Dana Park\n\nSUMMARY\n{text}\n", "utf-8")
    report = analyze(load_profile(path), RUBRIC, as_of=dt.date(2026, 6, 1))
    found = [s for a in report.areas for r in a.requirements for s in r.skills if s.name == skill]
    assert found and found[0].matched
    assert found[0].credit == RUBRIC.scoring.claim_credit
    assert {e.method for e in found[0].evidence} == {"claim"}
