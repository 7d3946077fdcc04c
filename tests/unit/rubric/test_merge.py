"""Merging a child rubric into its parent (skillgap.rubric.merge): scalars override, null
resets, lists replace, mappings merge key by key, areas and requirements merge by id (or
are removed), and every merged value keeps the position of the file it came from."""

from __future__ import annotations

from pathlib import Path

from skillgap.io.yaml_source import SourcedMark
from skillgap.rubric.extends import MergedDocument
from skillgap.rubric.parse import parse_rubric_text
from tests.helpers.rubrics import load_child, requirement, write_child


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
