"""Validating rubrics as a library: every problem in a file, files and directories, exit
codes, rule selection, suppression comments, and the bundled rubrics."""

from __future__ import annotations

import os
import re
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from skillgap.errors import Level, Problem, RubricError, UsageError
from skillgap.io.yaml_source import parse_yaml
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
from skillgap.rubric.bundled import bundled_rubric_ids
from skillgap.rubric.parse import load_rubric

from .conftest import ROOT

BUNDLED = Path(str(resources.files("skillgap").joinpath("rubrics")))
PRINCIPAL = BUNDLED / "principal-ml-engineer.yaml"

MINI = """\
id: mini
title: Mini
version: "1.0"
areas:
  - id: technical
    name: Technical
    weight: 1
    requirements:
      - id: languages
        name: Languages
        skills:
          - name: Python
"""


def positions(problems: list[Problem] | tuple[Problem, ...]) -> list[tuple[int | None, str]]:
    return [(p.line, p.rule) for p in problems]


# --------------------------------------------------------------------------- acceptance


def three_mistakes(text: str) -> tuple[str, dict[str, int]]:
    """The bundled rubric with one area weight misspelt, the next requirement weight made
    negative and the title line duplicated; returns the text and the 1-based lines."""
    lines = text.splitlines(keepends=True)
    misspelt = next(i for i, line in enumerate(lines) if line.startswith("    weight: "))
    negative = next(
        i for i, line in enumerate(lines) if i > misspelt and line.startswith("        weight: ")
    )
    title = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[misspelt] = lines[misspelt].replace("weight:", "wieght:")
    lines[negative] = re.sub(r"weight: .*", "weight: -2", lines[negative])
    lines.insert(title + 1, lines[title])
    return "".join(lines), {
        "duplicate-key": title + 2,
        "unknown-key": misspelt + 2,
        "out-of-range": negative + 2,
    }


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


def test_loading_a_broken_rubric_still_fails_on_one_line_naming_the_first_problem(
    tmp_path: Path,
) -> None:
    text, expected = three_mistakes(PRINCIPAL.read_text("utf-8"))
    path = tmp_path / "role.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{expected['duplicate-key']}:1: duplicate key 'title'")
    assert message.endswith("(and 2 more problems; run 'skillgap validate' to see all)")
    assert "\n" not in message
    assert len(caught.value.problems) == 3


def test_misspelt_optional_weight_is_one_problem(tmp_path: Path) -> None:
    """A misspelt requirement weight (which has a default) is just the unknown key."""
    text = MINI.replace("        name: Languages\n", "        name: Languages\n        wieght: 2\n")
    assert [(p.line, p.column, p.message) for p in validate_text(text, path="r.yaml")] == [
        (11, 9, "unknown key 'wieght' in areas[0].requirements[0]; did you mean 'weight'?")
    ]


def test_every_bundled_rubric_passes_strict_validation() -> None:
    result = validate_paths([BUNDLED])
    assert len(result.files) == len(bundled_rubric_ids())
    assert [str(p) for p in result.problems] == []
    assert result.exit_code(strict=True) == 0


def test_bundled_rubric_passes_with_every_rule_but_the_opt_in_one() -> None:
    """The only notes with every rule on come from the opt-in contained-form rule."""
    every = frozenset(r.id for r in RULES.values() if r.configurable)
    problems = validate_file(PRINCIPAL, options=ValidateOptions(rules=every))
    assert {p.rule for p in problems} <= {"contained-form"}
    assert all(p.level is Level.INFO for p in problems)


def test_the_documented_complete_example_validates_cleanly() -> None:
    doc = (ROOT / "docs" / "rubric-format.md").read_text("utf-8")
    examples = [b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if "\nareas:" in b]
    assert examples
    for example in examples:
        assert [str(p) for p in validate_text(example, path="example.yaml")] == []


def test_go_exclusion_protects_the_form_it_contains() -> None:
    """The bundled Go exclusion 'go above and beyond' now contains Go, so it applies."""
    from skillgap.matching.index import SkillIndex

    index = SkillIndex(load_rubric())
    assert "Go" not in {e.skill for e in index.match_text("Go above and beyond with Python")}
    assert "Go" in {e.skill for e in index.match_text("Services in Go and Python")}


# --------------------------------------------------------------------------- every problem


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
    """Skill 0 is a string (not a mapping); lint still points at the right lines."""
    text = MINI.replace("          - name: Python\n", "          - Python\n          - name: Go\n")
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


def test_problems_are_ordered_by_position() -> None:
    text = MINI.replace("          - name: Python\n", "          - name: Q\n          - name: X\n")
    lines = [p.line or 0 for p in validate_text(text, path="r.yaml")]
    assert lines == sorted(lines) and len(lines) == 2


def test_lint_warnings_do_not_stop_a_rubric_from_loading(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(MINI.replace("name: Python", "name: R"), encoding="utf-8")
    assert positions(validate_paths([path]).problems) == [(12, "unguarded-form")]
    assert load_rubric(path).id == "mini"


# --------------------------------------------------------------------------- yaml details


def test_merge_keys_may_override_merged_keys() -> None:
    document, problems = parse_yaml("base: &b {k: 1, j: 2}\nc:\n  <<: *b\n  k: 3\n", path="t")
    assert problems == []
    assert document is not None and document.data["c"] == {"k": 3, "j": 2}


def test_a_key_written_twice_next_to_a_merge_is_still_a_duplicate() -> None:
    _, problems = parse_yaml("base: &b {k: 1}\nc:\n  k: 0\n  <<: *b\n  k: 3\n", path="t")
    assert [(p.line, p.rule) for p in problems] == [(5, "duplicate-key")]


def test_tab_indentation_gets_a_hint() -> None:
    problems = validate_text("id: x\nareas:\n\t- id: a\n", path="r.yaml")
    assert problems[0].message.endswith("indent with spaces, not tabs")


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


# --------------------------------------------------------------------------- suppressions


def test_a_file_wide_comment_silences_a_rule_everywhere() -> None:
    text = "# skillgap: disable-file=unguarded-form\n" + MINI.replace(
        "          - name: Python\n", "          - name: R\n          - name: C\n"
    )
    assert validate_text(text, path="r.yaml") == []


def test_a_comment_alone_on_a_line_silences_only_the_next_line() -> None:
    text = MINI.replace(
        "          - name: Python\n",
        "          # skillgap: disable=unguarded-form\n          - name: R\n          - name: C\n",
    )
    assert positions(validate_text(text, path="r.yaml")) == [(14, "unguarded-form")]


def test_a_comment_for_a_rule_that_is_switched_off_is_not_unused() -> None:
    text = MINI.replace("name: Python", "name: Python  # skillgap: disable=contained-form")
    assert validate_text(text, path="r.yaml") == []


# --------------------------------------------------------------------------- repository


def test_top_level_rubrics_link_points_at_the_bundled_rubrics() -> None:
    link = ROOT / "rubrics"
    assert link.is_symlink()
    assert link.resolve() == (ROOT / "src" / "skillgap" / "rubrics").resolve()
    bundled = sorted(p.name for p in (ROOT / "src" / "skillgap" / "rubrics").glob("*.yaml"))
    assert validate_paths([link]).files == tuple(str(link / name) for name in bundled)


def test_git_stores_the_rubrics_link_as_a_symbolic_link() -> None:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--stage", "rubrics"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        pytest.skip("git is not installed")
    if listed.returncode != 0 or not listed.stdout:
        pytest.skip("not a git checkout")
    assert listed.stdout.split()[0] == "120000"


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
