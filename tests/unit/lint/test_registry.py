"""Every rule of the registry (skillgap.lint.registry) is documented in docs/lint-rules.md
with its level and reason, and the documented examples are true: each failing example
reports its rule and nothing else, each passing example reports nothing."""

from __future__ import annotations

import re

import pytest

from skillgap.lint.registry import RULES
from skillgap.lint.validate import validate_text
from tests.conftest import ROOT
from tests.helpers.rubrics import every_rule_and

DOC = (ROOT / "docs" / "lint-rules.md").read_text("utf-8")
HEADER = 'id: example\ntitle: Example\nversion: "1.0"\n'
#: No failing example can exist: the catch-all for schema errors no other rule names, and
#: a path that cannot be read (shown as a command instead).
NOT_YAML = {"schema", "unreadable"}


def sections() -> dict[str, str]:
    parts = re.split(r"^### `([a-z-]+)`\n", DOC, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def example(section: str, label: str) -> str:
    match = re.search(rf"^{label}[^\n]*:\n\n```(\w+)\n(.*?)```", section, re.S | re.M)
    assert match, f"no '{label}' example"
    text = match.group(2)
    if match.group(1) == "yaml" and not text.startswith(("id:", "a:")):
        text = HEADER + text
    return text


def test_every_rule_is_documented_and_every_section_is_a_rule() -> None:
    assert list(sections()) == list(RULES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_section_gives_level_and_reason(rule: str) -> None:
    section = sections()[rule]
    assert f"**Level:** {RULES[rule].level.value}" in section
    assert len(section.split("\n\n")[1]) > 80, "say why the rule exists"


@pytest.mark.parametrize("rule", sorted(set(RULES) - NOT_YAML))
def test_failing_example_reports_the_rule_and_nothing_else(rule: str) -> None:
    problems = validate_text(
        example(sections()[rule], "Fails"), path="example.yaml", options=every_rule_and(rule)
    )
    assert problems, "the failing example reports nothing"
    assert {p.rule for p in problems} == {rule}, [str(p) for p in problems]


@pytest.mark.parametrize("rule", sorted(set(RULES) - NOT_YAML))
def test_passing_example_reports_nothing(rule: str) -> None:
    problems = validate_text(
        example(sections()[rule], "Passes"), path="example.yaml", options=every_rule_and(rule)
    )
    assert [str(p) for p in problems] == []


def test_unreadable_examples_are_commands() -> None:
    section = sections()["unreadable"]
    assert example(section, "Fails").startswith("skillgap validate ")
    assert example(section, "Passes").startswith("skillgap validate ")
