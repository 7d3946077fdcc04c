"""Rubric inheritance (skillgap.rubric.extends): a child inherits what it does not set, and
positions, cycles, chain depth and fingerprints follow the chain of files. Invalid cases
are a fixture folder: tests/fixtures/extends/invalid/NAME/rubric.yaml beside
NAME/expected.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.errors import RubricError
from skillgap.rubric.extends import MAX_EXTENDS_DEPTH
from skillgap.rubric.parse import load_rubric, parse_rubric_text
from tests import conftest
from tests.helpers.rubrics import load_child, write_child

FIXTURES = conftest.FIXTURES / "extends"
INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


# --------------------------------------------------------------------------- invalid cases


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case_reports_exact_problems(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each case's problems, with the file each one is in, equal its expected.txt."""
    monkeypatch.chdir(case)
    parsed = parse_rubric_text(Path("rubric.yaml").read_text("utf-8"), path="rubric.yaml")
    rubric, problems = parsed.rubric, parsed.problems
    got = [f"{p.position}: {p.message}" for p in problems]
    expected = (case / "expected.txt").read_text("utf-8").splitlines()
    assert got == expected
    assert rubric is None or any(p.level.value == "error" for p in problems)


def test_every_invalid_case_has_an_expected_file() -> None:
    assert len(INVALID) >= 15
    for case in INVALID:
        assert (case / "rubric.yaml").is_file() and (case / "expected.txt").is_file(), case


def test_load_rubric_error_names_the_parent_file_for_a_problem_inherited_from_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(FIXTURES / "invalid" / "error-in-parent")
    with pytest.raises(RubricError) as caught:
        load_rubric("rubric.yaml")
    assert str(caught.value).startswith("parent.yaml:11:16: unknown level 'guru'")


def test_schema_error_inherited_from_parent_points_into_the_parent(tmp_path: Path) -> None:
    (tmp_path / "parent.yaml").write_text(
        'id: p\ntitle: P\nversion: "1"\nareas:\n  - id: a\n    name: A\n    weight: 1\n'
        "    requirements:\n      - id: r\n        name: R\n        wieght: 2\n"
        "        years: 1\n",
        "utf-8",
    )
    (tmp_path / "child.yaml").write_text('id: c\nversion: "1"\nextends: parent.yaml\n', "utf-8")
    problems = parse_rubric_text(
        (tmp_path / "child.yaml").read_text("utf-8"), path=str(tmp_path / "child.yaml")
    ).problems
    typo = [p for p in problems if "wieght" in p.message]
    assert len(typo) == 1
    assert (typo[0].file, typo[0].line, typo[0].column) == (str(tmp_path / "parent.yaml"), 11, 9)


def test_chain_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    write_child(tmp_path, "", name="unused.yaml")
    previous = "base.yaml"
    for level in range(MAX_EXTENDS_DEPTH + 1):
        name = f"level{level}.yaml"
        (tmp_path / name).write_text(f'id: l{level}\nversion: "1"\nextends: {previous}\n', "utf-8")
        previous = name
    with pytest.raises(RubricError) as caught:
        load_rubric(tmp_path / previous)
    assert f"chain is deeper than {MAX_EXTENDS_DEPTH} rubrics" in str(caught.value)


def test_chain_at_the_limit_loads(tmp_path: Path) -> None:
    write_child(tmp_path, "", name="unused.yaml")
    previous = "base.yaml"
    for level in range(MAX_EXTENDS_DEPTH - 1):
        name = f"level{level}.yaml"
        (tmp_path / name).write_text(f'id: l{level}\nversion: "1"\nextends: {previous}\n', "utf-8")
        previous = name
    assert load_rubric(tmp_path / previous).id == f"l{MAX_EXTENDS_DEPTH - 2}"


# --------------------------------------------------------------------------- inheritance


def test_child_inherits_everything_it_does_not_set(tmp_path: Path) -> None:
    child = load_child(tmp_path, "")
    base = load_rubric(FIXTURES / "base.yaml")
    assert (child.id, child.version, child.extends) == ("child", "2.0.0", "base.yaml")
    assert child.title == base.title and child.description == base.description
    assert child.areas == base.areas and child.scoring == base.scoring


def test_grandchild_sees_both_ancestors(tmp_path: Path) -> None:
    write_child(
        tmp_path,
        'id: middle\nversion: "1"\nextends: base.yaml\nareas:\n  - id: technical\n    weight: 30\n',
        name="middle.yaml",
    )
    (tmp_path / "sub").mkdir()
    grandchild = tmp_path / "sub" / "leaf.yaml"
    grandchild.write_text(
        'id: leaf\nversion: "1"\nextends: ../middle.yaml\nareas:\n'
        "  - id: experience\n    weight: 10\n",
        "utf-8",
    )
    leaf = load_rubric(grandchild)
    assert [a.weight for a in leaf.areas] == [30, 10]
    assert leaf.extends == "../middle.yaml"


def test_fingerprint_changes_when_only_the_parent_changes(tmp_path: Path) -> None:
    path = write_child(tmp_path, 'id: child\nversion: "1"\nextends: base.yaml\n')
    before = load_rubric(path).origin
    base = tmp_path / "base.yaml"
    base.write_text(base.read_text("utf-8").replace("weight: 60", "weight: 65"), "utf-8")
    after = load_rubric(path).origin
    assert before is not None and after is not None
    assert before.sha256 != after.sha256 and len(after.sha256) == 64


def test_fingerprint_of_a_rubric_without_extends_is_its_file_hash() -> None:
    import hashlib

    rubric = load_rubric(FIXTURES / "base.yaml")
    assert rubric.origin is not None
    assert rubric.origin.sha256 == hashlib.sha256((FIXTURES / "base.yaml").read_bytes()).hexdigest()


def test_rubric_loaded_by_relative_path_resolves_extends_next_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "roles").mkdir()
    write_child(tmp_path / "roles", 'id: child\nversion: "1"\nextends: base.yaml\n')
    monkeypatch.chdir(tmp_path)
    assert load_rubric("roles/child.yaml").id == "child"


def test_a_file_may_extend_a_bundled_rubric(tmp_path: Path) -> None:
    path = tmp_path / "my-principal.yaml"
    path.write_text(
        'id: my-principal\nversion: "1"\nextends: principal-ml-engineer\n'
        "areas:\n  - id: domain-expertise\n    remove: true\n",
        "utf-8",
    )
    rubric = load_rubric(path)
    assert "domain-expertise" not in [a.id for a in rubric.areas]
    assert len(rubric.areas) == len(load_rubric("principal-ml-engineer").areas) - 1


def test_removing_an_area_drops_it_from_the_inherited_subject(tmp_path: Path) -> None:
    """The bundled rubric's subject lists domain-expertise; a child that removes the area
    loads, with the area gone from its subject too. A subject the child sets itself is
    checked as written."""
    path = tmp_path / "my-principal.yaml"
    path.write_text(
        'id: my-principal\nversion: "1"\nextends: principal-ml-engineer\n'
        "areas:\n  - id: domain-expertise\n    remove: true\n",
        "utf-8",
    )
    subject = load_rubric(path).scoring.subject
    parent = load_rubric("principal-ml-engineer").scoring.subject
    assert subject is not None and parent is not None
    assert "domain-expertise" in parent.areas
    assert subject.areas == tuple(a for a in parent.areas if a != "domain-expertise")
    own = tmp_path / "own.yaml"
    own.write_text(
        'id: own\nversion: "1"\nextends: principal-ml-engineer\n'
        "scoring:\n  subject:\n    requirements: [deep-learning-statistical-modeling]\n"
        "    areas: [domain-expertise]\n"
        "areas:\n  - id: domain-expertise\n    remove: true\n",
        "utf-8",
    )
    with pytest.raises(RubricError, match="subject area 'domain-expertise' is not an area"):
        load_rubric(own)
