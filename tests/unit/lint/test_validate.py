"""Validating rubrics (skillgap.lint.validate): every problem in a file, files and
directories, exit codes and rule selection.

Data-driven cases: adding a case is adding files, nothing else. Each folder
``tests/fixtures/rubrics/valid/NAME/`` holds a ``rubric.yaml`` that must validate with no
problems at all, with every lint rule switched on (including the ones that are off by
default). Each folder ``tests/fixtures/rubrics/invalid/NAME/`` holds a ``rubric.yaml`` and
an ``expected.txt`` with every problem ``skillgap validate`` must report for it, one per
line, in the order it reports them (by line, then column)::

    LINE:COL LEVEL RULE MESSAGE
    7:5 error unknown-key unknown key 'wieght' in areas[0]; did you mean 'weight'? ...
    -:- error limits document expands to more than 200,000 nodes (an alias bomb?); ...

``LINE`` and ``COL`` are 1-based; ``-`` stands for a position the problem does not have
(an empty file, an alias bomb). ``LEVEL`` is ``error``, ``warning`` or ``info``. The
comparison is exact: a missing, extra or reworded problem fails the case and shows the
difference. Every rule has at least one invalid case (a test checks that too).

Invariants, on rubrics broken at random: validation never crashes, every problem has a
known rule and a position inside the file, and the result is deterministic.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.errors import InputError, Level, Problem, UsageError
from skillgap.io.read import decode_text
from skillgap.lint.registry import RULES, default_rules
from skillgap.lint.validate import (
    ValidateOptions,
    ValidationResult,
    find_rubric_files,
    select_rules,
    validate_file,
    validate_paths,
    validate_text,
)
from skillgap.rubric.parse import parse_rubric_text
from tests import conftest
from tests.helpers.rubrics import (
    EVERY_RULE,
    MINI,
    PRINCIPAL,
    every_rule_and,
    positions,
    three_mistakes,
)

# --------------------------------------------------------------------------- three mistakes


def test_three_mistakes_in_the_bundled_rubric_are_exactly_three_problems(tmp_path: Path) -> None:
    text, expected = three_mistakes(PRINCIPAL.read_text("utf-8"))
    path = tmp_path / "role.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate_paths([path])
    assert sorted(positions(result.problems)) == sorted(
        (line, rule) for rule, line in expected.items()
    )
    assert all(p.level is Level.ERROR for p in result.problems)
    assert result.exit_code() == 1


def test_misspelt_optional_weight_is_one_problem(tmp_path: Path) -> None:
    """A misspelt requirement weight (which has a default) is just the unknown key."""
    text = MINI.replace("        name: Languages\n", "        name: Languages\n        wieght: 2\n")
    assert [(p.line, p.column, p.message) for p in validate_text(text, path="r.yaml")] == [
        (11, 9, "unknown key 'wieght' in areas[0].requirements[0]; did you mean 'weight'?")
    ]


# --------------------------------------------------------------------------- every problem


def test_problems_are_ordered_by_position() -> None:
    text = MINI.replace("          - name: Python\n", "          - name: Q\n          - name: X\n")
    lines = [p.line or 0 for p in validate_text(text, path="r.yaml")]
    assert lines == sorted(lines) and len(lines) == 2


# --------------------------------------------------------------------------- files


def test_directories_are_searched_recursively_for_yaml(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a.yaml", "b/c.yml", "b/notes.txt", ".hidden/d.yaml", ".e.yaml"):
        (tmp_path / name).write_text(MINI, encoding="utf-8")
    files, problems = find_rubric_files([tmp_path])
    assert [Path(display).relative_to(tmp_path).as_posix() for display, _ in files] == [
        "a.yaml",
        "b/c.yml",
    ]
    assert problems == []


def test_symbolic_links_to_directories_are_followed_once(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "r.yaml").write_text(MINI, encoding="utf-8")
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(real, target_is_directory=True)
    files, _ = find_rubric_files([tmp_path / "link"])
    assert [display for display, _ in files] == [str(tmp_path / "link" / "r.yaml")]


def test_a_file_named_directly_is_checked_whatever_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "role.rubric"
    path.write_text(MINI, encoding="utf-8")
    result = validate_paths([path, path])
    assert result.files == (str(path),)
    assert result.exit_code() == 0


def test_missing_paths_and_empty_directories_are_unreadable(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    good = tmp_path / "good.yaml"
    good.write_text(MINI, encoding="utf-8")
    result = validate_paths([tmp_path / "nope.yaml", tmp_path / "empty", good])
    assert [(p.file, p.rule, p.message) for p in result.problems] == [
        (str(tmp_path / "empty"), "unreadable", "no .yaml or .yml files found in this directory"),
        (str(tmp_path / "nope.yaml"), "unreadable", "no such file or directory"),
    ]
    assert result.files == (str(good),)
    assert result.exit_code() == 3


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root can read anything")
def test_a_file_that_cannot_be_read_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(MINI, encoding="utf-8")
    path.chmod(0)
    assert [p.rule for p in validate_paths([path]).problems] == ["unreadable"]


# --------------------------------------------------------------------------- exit codes


def result_with(*levels: Level, rule: str = "x") -> ValidationResult:
    return ValidationResult(
        ("r.yaml",), tuple(Problem("r.yaml", 1, 1, "m", level=level, rule=rule) for level in levels)
    )


@pytest.mark.parametrize(
    ("levels", "strict", "code"),
    [
        ((), False, 0),
        ((), True, 0),
        ((Level.INFO,), True, 0),
        ((Level.WARNING,), False, 0),
        ((Level.WARNING,), True, 1),
        ((Level.ERROR,), False, 1),
        ((Level.ERROR, Level.WARNING), True, 1),
    ],
)
def test_exit_codes(levels: tuple[Level, ...], strict: bool, code: int) -> None:
    assert result_with(*levels).exit_code(strict=strict) == code


def test_an_unreadable_path_wins_over_other_problems() -> None:
    result = ValidationResult(
        ("a",),
        (*result_with(Level.ERROR).problems, Problem("b", None, None, "gone", rule="unreadable")),
    )
    assert result.exit_code() == 3


# --------------------------------------------------------------------------- rule selection


def test_rule_selection_adds_and_removes_lint_rules() -> None:
    chosen = select_rules(enable=["contained-form"], disable=["unguarded-form"])
    assert chosen == (default_rules() | {"contained-form"}) - {"unguarded-form"}


def test_unknown_rule_is_a_usage_error_with_a_suggestion() -> None:
    with pytest.raises(
        UsageError, match="unknown rule 'cross-matches'; did you mean 'cross-match'"
    ):
        select_rules(disable=["cross-matches"])


def test_schema_rules_cannot_be_switched_off() -> None:
    with pytest.raises(UsageError, match="schema problems always apply"):
        select_rules(disable=["unknown-key"])


def test_a_disabled_rule_is_not_reported() -> None:
    text = MINI.replace("name: Python", "name: R")
    options = ValidateOptions(rules=select_rules(disable=["unguarded-form"]))
    assert validate_text(text, path="r.yaml", options=options) == []


# --------------------------------------------------------------------------- fixture cases

FIXTURES = conftest.FIXTURES / "rubrics"
#: One folder per case, named for it, holding the case's ``rubric.yaml``.
VALID = sorted((FIXTURES / "valid").glob("*/rubric.yaml"))
INVALID = sorted((FIXTURES / "invalid").glob("*/rubric.yaml"))
#: Rules no fixture can show: 'schema' is the catch-all for errors no other rule names.
NOT_DEMONSTRABLE = {"schema"}


def expected_line(problem: Problem) -> str:
    line = "-" if problem.line is None else str(problem.line)
    column = "-" if problem.column is None else str(problem.column)
    return f"{line}:{column} {problem.level.value} {problem.rule} {problem.message}"


def test_there_are_cases() -> None:
    assert len(VALID) >= 5
    assert len(INVALID) >= 30


@pytest.mark.parametrize("path", VALID, ids=[p.parent.name for p in VALID])
def test_valid_rubric_has_no_problems(path: Path) -> None:
    problems = validate_file(path, display=path.name, options=EVERY_RULE)
    assert [expected_line(p) for p in problems] == []


@pytest.mark.parametrize("path", INVALID, ids=[p.parent.name for p in INVALID])
def test_invalid_rubric_reports_exactly_the_expected_problems(path: Path) -> None:
    expected_file = path.with_name("expected.txt")
    assert expected_file.exists(), f"add {expected_file.name} next to {path}"
    expected = expected_file.read_text("utf-8").splitlines()
    options = every_rule_and(path.parent.name)  # a case named for a rule has it on
    problems = validate_file(path, display=path.name, options=options)
    assert [expected_line(p) for p in problems] == expected


def test_every_expected_file_has_its_rubric() -> None:
    orphans = [
        p.parent.name
        for p in (FIXTURES / "invalid").glob("*/expected.txt")
        if not p.with_name("rubric.yaml").exists()
    ]
    assert orphans == []


def test_every_rule_has_an_invalid_case() -> None:
    """Each rule id appears in some expected.txt file (so each is tested end to end)."""
    shown = {
        line.split(" ")[2]
        for path in INVALID
        for line in path.with_name("expected.txt").read_text("utf-8").splitlines()
    }
    assert set(RULES) - NOT_DEMONSTRABLE - shown == set()


#: Every rubric of the data-driven cases: valid, invalid, and invalid ``extends``.
EXTENDS_INVALID = sorted((conftest.FIXTURES / "extends" / "invalid").glob("*/rubric.yaml"))
EVERY_CASE = [*VALID, *INVALID, *EXTENDS_INVALID]


def _full(problem: Problem) -> tuple[object, ...]:
    p = problem
    return (p.file, p.line, p.column, p.level, p.rule, p.message)


@pytest.mark.parametrize(
    "path", EVERY_CASE, ids=[f"{p.parent.parent.parent.name}-{p.parent.name}" for p in EVERY_CASE]
)
def test_validate_reports_every_problem_loading_finds(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One pipeline: validate runs the one that loads rubrics, so every problem loading a
    rubric finds (YAML, extends, schema, references) it reports, in the same words at the
    same place, whether or not it is told where the file is."""
    monkeypatch.chdir(path.parent)
    try:
        text = decode_text(path.read_bytes(), path="rubric.yaml", detect=False)
    except InputError as exc:  # a file that is not text never reaches the pipeline
        unreadable = validate_file(Path("rubric.yaml"), options=EVERY_RULE)
        assert [(p.rule, p.message) for p in unreadable] == [("unreadable", exc.message)]
        return
    loading = {_full(p) for p in parse_rubric_text(text, path="rubric.yaml").problems}
    told = {_full(p) for p in validate_file(Path("rubric.yaml"), options=EVERY_RULE)}
    untold = {_full(p) for p in validate_text(text, path="rubric.yaml", options=EVERY_RULE)}
    assert loading <= told
    assert told == untold


# --------------------------------------------------------------------------- broken at random

BASE = (FIXTURES / "valid" / "guarded-short-names" / "rubric.yaml").read_text("utf-8").splitlines()
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


_ONE_SKILL = """id: r
title: R
version: "1"
areas:
  - id: data
    name: Data
    weight: 1
    requirements:
      - id: warehouses
        name: Warehouses
        skills:
{skill}"""


@pytest.mark.parametrize("name", ["Snowflake", "Prefect", "Pinecone"])
def test_a_word_the_knowledge_base_guards_is_flagged_when_stated_unguarded(name: str) -> None:
    """Everyday words the built-in list leaves out ("snowflake schema", "team prefect")
    are known to the knowledge base, which guards them. Named alone, the skill inherits
    those guards; stated as an alias, or with ``knowledge: false``, it is matched
    everywhere, and the lint says so."""
    alone = _ONE_SKILL.format(skill=f"          - {name}\n")
    assert validate_text(alone, path="r.yaml", options=ValidateOptions()) == []
    for skill in (
        f"          - name: Data tools\n            aliases: [{name}]\n",
        f"          - name: {name}\n            knowledge: false\n",
    ):
        problems = validate_text(_ONE_SKILL.format(skill=skill), path="r.yaml")
        assert [p.rule for p in problems] == ["unguarded-form"], skill
        assert "the knowledge base guards it" in problems[0].message
        assert f"skillgap skills show {name}" in problems[0].message
    guarded = _ONE_SKILL.format(
        skill=f"          - name: {name}\n            knowledge: false\n"
        f"            ambiguous: [{name}]\n"
        "            case_sensitive: true\n            context: [SQL, data, pipelines]\n"
    )
    assert validate_text(guarded, path="r.yaml", options=ValidateOptions()) == []


def test_a_form_read_as_an_inherited_form_of_another_skill_is_a_cross_match() -> None:
    """Responsible AI inherits 'ethical AI' from the knowledge base; a form of another
    skill that contains it is read as Responsible AI, and the problem points at the
    inherited skill's name (the form is not written in the rubric)."""
    text = _ONE_SKILL.format(
        skill="          - Responsible AI\n"
        "          - name: AI governance\n            aliases: [ethical AI review board]\n"
    )
    problems = validate_text(text, path="r.yaml")
    assert [p.rule for p in problems] == ["cross-match"]
    assert "inherits from the knowledge base" in problems[0].message


def test_a_skill_that_is_neither_a_name_nor_a_mapping_says_what_a_skill_may_be() -> None:
    text = _ONE_SKILL.format(skill="          - 42\n          - [Python]\n          - Kubernetes\n")
    problems = validate_text(text, path="r.yaml")
    assert [(p.line, p.rule) for p in problems] == [(12, "wrong-type"), (13, "wrong-type")]
    for problem in problems:
        assert "must be a skill: its name ('- Kubernetes') or a mapping" in problem.message
