"""Loading a rubric (skillgap.rubric.parse): the one pipeline every rubric goes through.

Each bad rubric gives one readable line naming the file (and line:column where there is
one) and the fix, never a traceback; lint warnings do not stop a rubric from loading;
bundled rubrics load by id.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.errors import InputError, RubricError, UnknownRubricError
from skillgap.lint.validate import validate_paths
from skillgap.rubric.parse import load_rubric
from tests.conftest import FIXTURES
from tests.helpers.files import write
from tests.helpers.loading import rubric_error
from tests.helpers.rubrics import GOOD_RUBRIC, MINI, PRINCIPAL, positions, three_mistakes


def test_rubric_yaml_syntax_error_points_at_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "id: x\ntitle: [unclosed\nversion: '1'\n")
    assert rubric_error(path).startswith(
        f"{path}:3:8: YAML syntax error: did not find expected ',' or ']'"
    )


def test_unknown_rubric_key_gets_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", GOOD_RUBRIC.replace("    weight: 3\n", "    wieght: 3\n"))
    message = rubric_error(path)
    assert message.startswith(f"{path}:9:5: unknown key 'wieght' in areas[0]")
    assert "did you mean 'weight'?" in message


def test_wrong_type_in_rubric_says_what_was_expected(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", GOOD_RUBRIC.replace("    weight: 3\n", "    weight: high\n"))
    message = rubric_error(path)
    assert message.startswith(f"{path}:9:13: 'areas[0].weight' must be a number, got 'high'")


def test_unquoted_version_number_says_to_quote_it(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", GOOD_RUBRIC.replace('version: "1.0"', "version: 1.0"))
    assert "quote it" in rubric_error(path)


def test_missing_key_and_more_problems_are_counted(tmp_path: Path) -> None:
    text = GOOD_RUBRIC.replace("title: Mini Rubric\n", "").replace(
        "    weight: 3\n", "    weight: -1\n"
    )
    message = rubric_error(write(tmp_path, "r.yaml", text))
    assert "missing required key 'title'" in message
    assert "(and 1 more problem; run 'skillgap validate' to see all)" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "file is empty"),
        (b"# only a comment\n", "no YAML content"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"- a\n- b\n", "must be a mapping"),
    ],
)
def test_unusable_rubric_files(tmp_path: Path, content: bytes, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_rubric(write(tmp_path, "r.yaml", content))
    assert expected in str(caught.value)


def test_unknown_rubric_id_lists_the_bundled_ones() -> None:
    with pytest.raises(UnknownRubricError) as caught:
        load_rubric("principal-ml-enginer")
    assert "principal-ml-engineer" in str(caught.value)


def test_bundled_rubric_loads_by_id_with_its_sha256() -> None:
    rubric = load_rubric()
    assert rubric.id == "principal-ml-engineer"
    assert rubric.origin is not None and len(rubric.origin.sha256) == 64


# --------------------------------------------------------------------------- wrong types


RUBRIC_FIELDS = {
    "id": ["x"],
    "title": {"a": 1},
    "version": 1.5,
    "description": [1],
    "levels": "high",
    "scoring": "strict",
    "areas": "many",
}


@pytest.mark.parametrize("field", sorted(RUBRIC_FIELDS))
def test_wrong_type_in_every_rubric_field(field: str, tmp_path: Path) -> None:
    text = (FIXTURES / "mini-rubric.yaml").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith(f"{field}:")]
    if field in ("levels", "scoring"):
        lines.append(f"{field}: {json.dumps(RUBRIC_FIELDS[field])}")
        body = "\n".join(lines)
    elif field == "areas":
        body = text.split("\nareas:")[0] + "\nareas: many"
    else:
        body = f"{field}: {json.dumps(RUBRIC_FIELDS[field])}\n" + "\n".join(lines)
    path = write(tmp_path, "r.yaml", body + "\n")
    with pytest.raises(InputError) as caught:
        load_rubric(path)
    assert str(caught.value).startswith(f"{path}:") and f"'{field}" in str(caught.value)


# --------------------------------------------------------------------------- many problems


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


def test_lint_warnings_do_not_stop_a_rubric_from_loading(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(MINI.replace("name: Python", "{name: R, knowledge: false}"), encoding="utf-8")
    assert positions(validate_paths([path]).problems) == [(12, "unguarded-form")]
    assert load_rubric(path).id == "mini"


def test_a_rubric_loaded_again_is_the_same_object_until_its_file_changes(tmp_path: Path) -> None:
    """Bundled rubrics and unchanged files that extend nothing are parsed once; an edited
    file is read afresh, and so is a file that extends another (its parent may change)."""
    assert load_rubric() is load_rubric()
    text = (FIXTURES / "mini-rubric.yaml").read_text("utf-8")
    path = write(tmp_path, "role.yaml", text)
    first = load_rubric(path)
    assert load_rubric(path) is first
    path.write_text(text.replace("weight: 3", "weight: 4", 1), "utf-8")
    edited = load_rubric(path)
    assert edited is not first and edited.areas[0].weight == 4
    write(tmp_path, "base.yaml", text)
    child = write(tmp_path, "child.yaml", 'extends: base.yaml\nid: child\nversion: "2"\n')
    assert load_rubric(child) is not load_rubric(child)
