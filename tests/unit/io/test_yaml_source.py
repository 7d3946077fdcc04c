"""YAML read with positions (skillgap.io.yaml_source): duplicate keys (even next to a
merge key) named with both lines, merge keys, alias bombs refused quickly, and a hint for
tab indentation."""

from __future__ import annotations

from pathlib import Path

from skillgap.io.yaml_source import parse_yaml
from skillgap.lint.validate import validate_text
from tests.helpers.files import write
from tests.helpers.loading import rubric_error
from tests.helpers.rubrics import GOOD_RUBRIC


def test_duplicate_rubric_key_names_both_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        GOOD_RUBRIC.replace("title: Mini Rubric\n", "title: Mini Rubric\ntitle: Again\n"),
    )
    message = rubric_error(path)
    assert message.startswith(f"{path}:4:1: duplicate key 'title' (first defined at line 3")


def test_rubric_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        lines.append(f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [{', '.join(['*' + prev] * 10)}]")
    message = rubric_error(write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n"))
    assert "alias bomb" in message


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
