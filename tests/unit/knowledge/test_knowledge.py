"""The bundled skills knowledge base (skillgap.knowledge): every data file a clean rubric,
the whole base sound under the real matcher, and lookups by any name."""

from __future__ import annotations

from importlib import resources

import pytest

from skillgap.knowledge import knowledge_files, load_knowledge
from skillgap.lint.knowledge_check import check_base, combined_text
from skillgap.lint.validate import ValidateOptions, validate_text
from skillgap.matching.index import SkillIndex
from skillgap.rubric.parse import parse_rubric_text

#: The categories docs/knowledge.md promises.
CATEGORIES = {
    "programming-languages",
    "ml-ai",
    "data",
    "analytics",
    "cloud-devops",
    "security",
    "web-mobile-design",
    "practices",
}


@pytest.mark.parametrize("name", knowledge_files())
def test_every_data_file_is_a_clean_rubric(name: str) -> None:
    """Schema, duplicate forms, guards of everyday names, fuzzy reach, dead excludes: not
    one warning (what `skillgap validate --strict` checks)."""
    text = resources.files("skillgap").joinpath("knowledge/data").joinpath(name).read_text("utf-8")
    problems = validate_text(text, path=name, options=ValidateOptions())
    assert [str(p) for p in problems] == []


def test_the_whole_base_is_sound_under_the_real_matcher() -> None:
    """Across files: no form or name in two skills, every name and alias finds its own
    skill and no other (an ambiguous form beside its context word)."""
    assert [str(p) for p in check_base()] == []


def test_the_base_covers_its_categories() -> None:
    knowledge = load_knowledge()
    assert set(knowledge.categories) >= CATEGORIES
    assert len(knowledge.skills) >= MIN_SKILLS


def test_a_skill_is_found_by_any_of_its_names() -> None:
    knowledge = load_knowledge()
    go = knowledge.find("Golang")
    assert go is not None and go.skill.name == "Go" and go.category == "programming-languages"
    assert knowledge.find("go lang") is None or knowledge.find("go lang") == go
    assert knowledge.find("GOLANG") == go
    assert knowledge.find("no such skill anywhere") is None


def test_the_o_net_attribution_ships_with_the_base() -> None:
    notice = resources.files("skillgap").joinpath("knowledge/NOTICE.md").read_text("utf-8")
    assert "O*NET" in notice and "CC BY 4.0" in notice


#: Skills the base holds at least (docs/knowledge.md).
MIN_SKILLS = 2000


@pytest.fixture(scope="module")
def base_index() -> SkillIndex:
    text, _ = combined_text()
    rubric = parse_rubric_text(text, path="knowledge").rubric
    assert rubric is not None
    return SkillIndex(rubric)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("k8s", "Kubernetes"),
        ("sklearn", "scikit-learn"),
        ("Golang", "Go"),
        ("Amazon Web Services", "AWS"),
        ("Google Cloud Platform", "Google Cloud"),
        ("PySpark", "PySpark"),
        ("ML-Ops", "MLOps"),
        ("ml flow", "MLflow"),
        ("Pyhton", "Python"),
        ("Tensor Flow", "TensorFlow"),
        ("Tensorflwo", "TensorFlow"),
    ],
)
def test_the_base_reads_the_names_people_write(
    base_index: SkillIndex, text: str, skill: str
) -> None:
    assert skill in {e.skill for e in base_index.match_text(text)}


@pytest.mark.parametrize(
    ("text", "not_skill"),
    [
        ("Owned the go-to-market plan", "Go"),
        ("Built Google Analytics dashboards", "Google Cloud"),
        ("sparkling water", "Spark"),
        ("JavaScript developer", "Java"),
        ("R&D lab", "R"),
        ("HTML pages", "Machine learning"),
        ("Designed a snowflake schema", "Snowflake"),
        ("Captain of the team prefect council", "Prefect"),
        ("I excel at negotiation", "Microsoft Excel"),
        ("at the helm of the team", "Helm"),
    ],
)
def test_the_base_refuses_everyday_words(base_index: SkillIndex, text: str, not_skill: str) -> None:
    assert not_skill not in {e.skill for e in base_index.match_text(text)}


def test_the_compiled_twin_is_the_data_files_as_they_are() -> None:
    """compiled.json (read instead of parsing the YAML) is what the YAML says; after
    editing a data file, run scripts/compile_knowledge.py."""
    from skillgap.knowledge import COMPILED, compiled_knowledge

    folder = resources.files("skillgap").joinpath("knowledge/data")
    committed = folder.joinpath(COMPILED).read_text("utf-8")
    assert committed == compiled_knowledge(), "run: python scripts/compile_knowledge.py"


def test_the_base_loaded_from_its_twin_is_the_base_the_rubric_pipeline_reads() -> None:
    """The same skills, field for field, as each data file parsed as a rubric."""
    skills = []
    for name in knowledge_files():
        text = resources.files("skillgap").joinpath("knowledge/data").joinpath(name)
        parsed = parse_rubric_text(text.read_text("utf-8"), path=name)
        assert parsed.rubric is not None
        skills += [s for _, r in parsed.rubric.iter_requirements() for s in r.skills]
    assert [k.skill for k in load_knowledge().skills] == skills
