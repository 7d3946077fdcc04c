"""Rubric inheritance (``extends``): merge rules, positions, cycles, and the bundled ladder
rubrics built with it. Invalid cases are a fixture folder: tests/fixtures/extends/invalid/
NAME/rubric.yaml beside NAME/expected.txt."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from skillgap.errors import RubricError
from skillgap.io.yaml_source import SourcedMark
from skillgap.rubric.bundled import bundled_rubric_ids
from skillgap.rubric.extends import MAX_EXTENDS_DEPTH, MergedDocument
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric, parse_rubric_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extends"
INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())
LADDER_IDS = ("ml-engineer-entry", "ml-engineer-mid", "ml-engineer-senior")


def write_child(folder: Path, text: str, name: str = "child.yaml") -> Path:
    """A child rubric in ``folder`` that extends a copy of the shared base."""
    (folder / "base.yaml").write_text((FIXTURES / "base.yaml").read_text("utf-8"), "utf-8")
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def load_child(tmp_path: Path, body: str) -> Rubric:
    header = 'id: child\nversion: "2.0.0"\nextends: base.yaml\n'
    return load_rubric(write_child(tmp_path, header + body))


def requirement(rubric: Rubric, requirement_id: str):  # type: ignore[no-untyped-def]
    return next(r for _, r in rubric.iter_requirements() if r.id == requirement_id)


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


# --------------------------------------------------------------------------- merge rules


def test_child_inherits_everything_it_does_not_set(tmp_path: Path) -> None:
    child = load_child(tmp_path, "")
    base = load_rubric(FIXTURES / "base.yaml")
    assert (child.id, child.version, child.extends) == ("child", "2.0.0", "base.yaml")
    assert child.title == base.title and child.description == base.description
    assert child.areas == base.areas and child.scoring == base.scoring


def test_scalar_override_keeps_sibling_keys_and_position(tmp_path: Path) -> None:
    child = load_child(
        tmp_path,
        "areas:\n  - id: technical\n    requirements:\n"
        "      - id: languages\n        level: working\n",
    )
    languages = requirement(child, "languages")
    assert languages.level == "working"
    assert languages.must_have is True and languages.weight == 2
    assert [s.name for s in languages.skills] == ["Python", "Java"]
    assert [r.id for r in child.areas[0].requirements] == ["languages", "cloud"]


def test_null_resets_a_key_to_its_default(tmp_path: Path) -> None:
    child = load_child(
        tmp_path,
        "areas:\n  - id: technical\n    requirements:\n"
        "      - id: languages\n        level: null\n"
        "        next_steps: null\n",
    )
    languages = requirement(child, "languages")
    assert languages.level is None and languages.next_steps == ()


def test_lists_replace_the_parents_list_whole(tmp_path: Path) -> None:
    child = load_child(
        tmp_path,
        "areas:\n  - id: technical\n    requirements:\n"
        "      - id: languages\n        skills:\n"
        "          - name: Rust\n",
    )
    assert [s.name for s in requirement(child, "languages").skills] == ["Rust"]


def test_mappings_merge_key_by_key(tmp_path: Path) -> None:
    child = load_child(
        tmp_path,
        "scoring:\n  met_threshold: 0.8\nareas:\n"
        "  - id: experience\n    requirements:\n"
        "      - id: degree\n        degree:\n"
        "          level: bachelor\n",
    )
    assert child.scoring.met_threshold == 0.8 and child.scoring.text_credit == 0.7
    degree = requirement(child, "degree").degree
    assert degree is not None
    assert (degree.level, degree.fields) == ("bachelor", ("computer science",))


def test_new_entries_are_added_after_the_parents_in_child_order(tmp_path: Path) -> None:
    child = load_child(
        tmp_path,
        (
            "areas:\n  - id: leadership\n    name: Leadership\n    weight: 5\n"
            "    requirements:\n      - id: mentoring\n        name: Mentoring\n"
            "        skills: [{name: Mentoring}]\n"
            "  - id: technical\n    requirements:\n      - id: kubernetes\n"
            "        name: Kubernetes\n        skills: [{name: Kubernetes}]\n"
        ),
    )
    assert [a.id for a in child.areas] == ["technical", "experience", "leadership"]
    assert [r.id for r in child.areas[0].requirements] == ["languages", "cloud", "kubernetes"]


def test_remove_true_deletes_an_inherited_area_or_requirement(tmp_path: Path) -> None:
    child = load_child(
        tmp_path,
        "areas:\n  - id: technical\n    requirements:\n"
        "      - id: cloud\n        remove: true\n"
        "  - id: experience\n    remove: true\n",
    )
    assert [a.id for a in child.areas] == ["technical"]
    assert [r.id for r in child.areas[0].requirements] == ["languages"]


def test_remove_false_is_an_ordinary_merge(tmp_path: Path) -> None:
    child = load_child(tmp_path, "areas:\n  - id: experience\n    remove: false\n    weight: 10\n")
    assert child.areas[1].weight == 10


def test_a_requirement_can_move_area_by_removing_it_first(tmp_path: Path) -> None:
    child = load_child(
        tmp_path,
        (
            "areas:\n  - id: technical\n    requirements:\n      - id: cloud\n"
            "        remove: true\n  - id: experience\n    requirements:\n"
            "      - id: cloud\n        name: Cloud (moved)\n        skills: [{name: AWS}]\n"
        ),
    )
    assert [r.id for r in child.areas[1].requirements] == ["years", "degree", "cloud"]


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


def test_merged_positions_point_into_each_file(tmp_path: Path) -> None:
    path = write_child(
        tmp_path,
        'id: child\nversion: "1"\nextends: base.yaml\nareas:\n  - id: technical\n    weight: 70\n',
    )
    document = parse_rubric_text(path.read_text("utf-8"), path=str(path)).document
    assert isinstance(document, MergedDocument)
    own = document.source_map.values[("areas", 0, "weight")]
    inherited = document.source_map.values[("areas", 0, "name")]
    assert isinstance(own, SourcedMark) and isinstance(inherited, SourcedMark)
    assert (own.file, own.line) == (str(path), 6)
    assert (inherited.file, inherited.line) == (str(tmp_path / "base.yaml"), 11)


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


# --------------------------------------------------------------------------- bundled ladder


def test_bundled_ladder_rubrics_extend_principal() -> None:
    assert set(LADDER_IDS) <= set(bundled_rubric_ids())
    for rubric_id in LADDER_IDS:
        rubric = load_rubric(rubric_id)
        assert rubric.extends == "principal-ml-engineer", rubric_id
        assert sum(a.weight for a in rubric.areas) == 100, rubric_id


def test_ladder_years_follow_the_seeds_bands() -> None:
    """Entry 0-2 (no floor), mid 2+, senior 5+, principal 10+."""
    years = {}
    for rubric_id in (*LADDER_IDS, "principal-ml-engineer"):
        asks = [r.years for _, r in load_rubric(rubric_id).iter_requirements() if r.years]
        years[rubric_id] = asks
    assert years == {
        "ml-engineer-entry": [],
        "ml-engineer-mid": [2],
        "ml-engineer-senior": [5],
        "principal-ml-engineer": [10],
    }


def test_lower_levels_never_add_a_must_have_the_level_above_lacks() -> None:
    """So meeting a level's must-haves implies meeting every lower level's."""
    ladder = (*LADDER_IDS, "principal-ml-engineer")
    must = [{r.id for _, r in load_rubric(i).iter_requirements() if r.must_have} for i in ladder]
    for lower, higher in itertools.pairwise(must):
        assert lower <= higher
    assert len(must[0]) < len(must[-1])


def test_leadership_and_strategy_weigh_less_at_junior_levels() -> None:
    def weight(rubric_id: str, area_id: str) -> float:
        rubric = load_rubric(rubric_id)
        return next(a.weight for a in rubric.areas if a.id == area_id)

    ladder = (*LADDER_IDS, "principal-ml-engineer")
    for area_id in ("leadership", "strategy-business"):
        weights = [weight(i, area_id) for i in ladder]
        assert weights == sorted(weights) and weights[0] < weights[-1], area_id


def test_expected_levels_never_rise_going_down_the_ladder() -> None:
    ladder = (*LADDER_IDS, "principal-ml-engineer")
    rubrics = [load_rubric(i) for i in ladder]
    for _, requirement in rubrics[-1].iter_requirements():
        ranks = []
        for rubric in rubrics:
            found = [r for _, r in rubric.iter_requirements() if r.id == requirement.id]
            if found and found[0].level:
                ranks.append(rubric.level_value(found[0].level) or 0)
        assert ranks == sorted(ranks), requirement.id
