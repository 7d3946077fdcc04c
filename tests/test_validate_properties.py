"""Invariants of validation, on rubrics broken at random: it never crashes, every problem
has a known rule and a position inside the file, and the result is deterministic."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.lint.registry import RULES
from skillgap.lint.validate import ValidateOptions, validate_text

BASE = (
    (
        Path(__file__).resolve().parent
        / "fixtures"
        / "rubrics"
        / "valid"
        / "guarded-short-names.yaml"
    )
    .read_text("utf-8")
    .splitlines()
)
EVERY_RULE = ValidateOptions(rules=frozenset(r.id for r in RULES.values() if r.configurable))
VALUES = [
    "",
    "-1",
    "0",
    "1e309",
    ".nan",
    "[]",
    "{}",
    "[a, b]",
    "yes",
    "null",
    "'R'",
    '"go"',
    "x" * 3,
    "&a 1",
    "*a",
    "2024-01-01",
    "'https://x'",
    "R&D",
    "!!str 5",
]


@st.composite
def broken_rubrics(draw: st.DrawFn) -> str:
    lines = list(BASE)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "indent", "key"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "value" and ":" in lines[i]:
            lines[i] = lines[i].split(":", 1)[0] + ": " + draw(st.sampled_from(VALUES))
        elif action == "indent":
            lines[i] = " " * draw(st.integers(0, 3)) + lines[i]
        elif action == "key" and ":" in lines[i]:
            head, tail = lines[i].split(":", 1)
            lines[i] = head[:-1] + draw(st.sampled_from("xyz_-")) + ":" + tail
        if not lines:
            lines = ["id: x"]
    return "\n".join(lines) + "\n"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_rubrics())
def test_validation_never_crashes_and_reports_known_rules(text: str) -> None:
    problems = validate_text(text, path="r.yaml", options=EVERY_RULE)
    line_count = text.count("\n") + 1
    for problem in problems:
        assert problem.rule in RULES
        assert problem.file == "r.yaml"
        assert problem.line is None or 1 <= problem.line <= line_count
        assert "missing-" not in problem.message  # made-up names never leak into messages
    assert validate_text(text, path="r.yaml", options=EVERY_RULE) == problems


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_problems_not_exceptions(text: str) -> None:
    for problem in validate_text(text, path="r.yaml"):
        assert problem.rule in RULES
