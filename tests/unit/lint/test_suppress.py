"""Comments that silence lint rules (skillgap.lint.suppress): for a whole file, for the next
line, for a rule that is off, and only for problems located in the comment's own file."""

from __future__ import annotations

from skillgap.errors import Level, Problem
from skillgap.lint.registry import default_rules
from skillgap.lint.validate import validate_text
from tests.helpers.rubrics import MINI, PRINCIPAL, positions


def test_a_file_wide_comment_silences_a_rule_everywhere() -> None:
    text = "# skillgap: disable-file=unguarded-form\n" + MINI.replace(
        "          - name: Python\n",
        "          - {name: R, knowledge: false}\n          - {name: C, knowledge: false}\n",
    )
    assert validate_text(text, path="r.yaml") == []


def test_a_comment_alone_on_a_line_silences_only_the_next_line() -> None:
    text = MINI.replace(
        "          - name: Python\n",
        "          # skillgap: disable=unguarded-form\n          - {name: R, knowledge: false}\n"
        "          - {name: C, knowledge: false}\n",
    )
    assert positions(validate_text(text, path="r.yaml")) == [(14, "unguarded-form")]


def test_a_comment_for_a_rule_that_is_switched_off_is_not_unused() -> None:
    text = MINI.replace("name: Python", "name: Python  # skillgap: disable=contained-form")
    assert validate_text(text, path="r.yaml") == []


def test_a_comment_silences_only_problems_in_its_own_file() -> None:
    """A problem pointing into another file is silenced by that file's comments only."""
    from skillgap.lint.suppress import apply_suppressions

    text = "a: 1  # skillgap: disable=unguarded-form\n"
    elsewhere = Problem(str(PRINCIPAL), 1, 1, "m", level=Level.WARNING, rule="unguarded-form")
    here = Problem("child.yaml", 1, 1, "m", level=Level.WARNING, rule="unguarded-form")
    assert apply_suppressions([elsewhere, here], text, "child.yaml", default_rules()) == [elsewhere]


def test_comments_in_a_bundled_rubric_silence_problems_pointing_into_it() -> None:
    """A rubric built on a bundled one sees problems located in the bundled file; the
    bundled file's own comments silence them (the intended overlaps stay silent)."""
    from skillgap.lint.suppress import apply_suppressions

    text = PRINCIPAL.read_text("utf-8").splitlines()
    line = next(
        i for i, t in enumerate(text, start=1) if t.strip().startswith("aliases:") and "LLMOps" in t
    )
    inherited = Problem(
        "principal-ml-engineer.yaml (bundled)",
        line,
        13,
        "m",
        level=Level.WARNING,
        rule="cross-match",
    )
    assert apply_suppressions([inherited], "", "child.yaml", default_rules()) == []
