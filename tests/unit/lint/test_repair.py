"""Linting a rubric the schema refused (skillgap.lint.repair): the repaired copy lets lint
problems show beside schema problems, at the right lines, without inventing problems or
leaking made-up names into messages."""

from __future__ import annotations

from skillgap.lint.validate import validate_text
from tests.helpers.rubrics import MINI, positions


def test_schema_problems_do_not_hide_lint_problems() -> None:
    text = MINI.replace(
        "          - name: Python\n",
        "          - name: Python\n            alias: [py]\n"
        "          - name: sklearn\n          - name: scikit-learn\n"
        "            aliases: [SKLearn]\n",
    )
    assert positions(validate_text(text, path="r.yaml")) == [
        (13, "unknown-key"),
        (16, "duplicate-form"),
    ]


def test_positions_survive_a_broken_list_item_being_left_out() -> None:
    """Skill 0 is a number (not a name or a mapping); lint still points at the right
    lines."""
    text = MINI.replace(
        "          - name: Python\n", "          - 42\n          - {name: Go, knowledge: false}\n"
    )
    assert positions(validate_text(text, path="r.yaml")) == [
        (12, "wrong-type"),
        (13, "unguarded-form"),
    ]


def test_repairs_never_invent_problems() -> None:
    """A misspelt area weight under 'weights: percent' is not also a wrong sum."""
    text = (
        MINI.replace('version: "1.0"\n', 'version: "1.0"\nweights: percent\n')
        .replace("    weight: 1\n", "    wieght: 100\n")
        .replace("        name: Languages\n", "        name: Languages\n        weight: 100\n")
    )
    assert positions(validate_text(text, path="r.yaml")) == [(8, "unknown-key")]


def test_missing_name_does_not_leak_a_made_up_name_into_messages() -> None:
    text = MINI.replace(
        "          - name: Python\n",
        "          - aliases: [sklearn]\n          - name: scikit-learn\n"
        "            aliases: [sklearn]\n",
    )
    problems = validate_text(text, path="r.yaml")
    assert positions(problems) == [(12, "missing-key")]
    assert "missing-" not in " ".join(p.message for p in problems)
