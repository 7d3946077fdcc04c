"""Rubric skills inherit aliases and guards from the knowledge base (issue 13, part 2):
real rubrics parsed from YAML, matched by the real analysis."""

from __future__ import annotations

import html
import json
import tempfile
from pathlib import Path

import pytest

from skillgap import load_profile
from skillgap.analysis import PreparedRubric, analyze
from skillgap.knowledge.inherit import ORIGIN, inherit
from skillgap.matching.index import SkillIndex
from skillgap.profiles.model import Profile
from skillgap.rubric.model import Rubric, Skill
from skillgap.rubric.parse import parse_rubric_text

NAMED = ["Kubernetes", "scikit-learn", "Go", "AWS", "GCP", "Spark", "MLOps", "MLflow"]
NAMED += ["Python", "TensorFlow"]


def text_profile(text: str) -> Profile:
    """A plain-text resume holding ``text``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "resume.txt"
        path.write_text(f"Jane Doe\n\nExperience\n{text}\n", encoding="utf-8")
        return load_profile(path)


def rubric(skills: str, *, more: str = "") -> Rubric:
    """A one-area rubric whose first requirement lists ``skills`` (YAML under 'skills:')."""
    text = (
        'id: r\ntitle: R\nversion: "1"\nareas:\n  - id: a\n    name: A\n    weight: 1\n'
        "    requirements:\n      - id: q\n        name: Q\n        skills:\n" + skills + more
    )
    parsed = parse_rubric_text(text, path="r.yaml")
    assert parsed.rubric is not None, [str(p) for p in parsed.problems]
    return parsed.rubric


def names_only(*names: str) -> Rubric:
    return rubric("".join(f"          - {n}\n" for n in names))


def found(rules: Rubric, text: str) -> dict[str, list[tuple[str, str, str | None]]]:
    """Skill -> (matched text, method, origin) for one line of resume text."""
    report = analyze(text_profile(text), rules)
    return {
        s.name: [(e.text, e.method, e.origin) for e in s.evidence]
        for a in report.areas
        for r in a.requirements
        for s in r.skills
        if s.matched
    }


@pytest.mark.parametrize(
    ("written", "skill"),
    [
        ("k8s", "Kubernetes"),
        ("sklearn", "scikit-learn"),
        ("Golang", "Go"),
        ("Amazon Web Services", "AWS"),
        ("Google Cloud Platform", "GCP"),
        ("PySpark", "Spark"),
        ("ML-Ops", "MLOps"),
        ("ml flow", "MLflow"),
        ("Pyhton", "Python"),
        ("Tensor Flow", "TensorFlow"),
    ],
)
def test_a_skill_named_alone_matches_what_the_base_knows(written: str, skill: str) -> None:
    rules = names_only(*NAMED)
    assert skill in found(rules, f"Experience: built production systems with {written}.")


@pytest.mark.parametrize(
    "text",
    [
        "Led the go-to-market plan for a new product line.",
        "Reported weekly on Google Analytics dashboards.",
        "Poured sparkling water for the team offsite.",
        "Senior JavaScript developer.",
        "Head of R&D for five years.",
        "Wrote HTML pages for the marketing site.",
    ],
)
def test_a_skill_named_alone_still_refuses_everyday_words(text: str) -> None:
    rules = names_only(*NAMED, "Java", "R", "ML")
    assert found(rules, text) == {}


def test_go_and_r_count_beside_their_context_words() -> None:
    rules = names_only("Go", "R")
    assert set(found(rules, "Wrote backend services in Go and Python; statistics in R.")) == {
        "Go",
        "R",
    }


def test_inherited_evidence_says_where_its_form_came_from() -> None:
    rules = rubric("          - name: Kubernetes\n            aliases: [kube cluster]\n")
    evidence = found(rules, "Ran k8s.\nRan a kube cluster.\nRan Kubernetes.")["Kubernetes"]
    assert ("k8s", "alias", ORIGIN) in evidence
    assert ("kube cluster", "alias", None) in evidence
    assert ("Kubernetes", "exact", None) in evidence


def test_a_tool_that_implies_the_skill_is_implied_evidence_naming_the_tool() -> None:
    rules = names_only("Spark", "AWS")
    result = found(rules, "Wrote PySpark jobs. Stored data in Amazon S3.")
    assert result["Spark"] == [("PySpark", "implied", f"{ORIGIN} (PySpark implies Spark)")]
    assert result["AWS"][0][1:] == ("implied", f"{ORIGIN} (Amazon S3 implies AWS)")
    report = analyze(text_profile("Wrote PySpark jobs."), rules)
    spark = report.areas[0].requirements[0].skills[0]
    assert spark.evidence[0].form == "PySpark"
    assert spark.basis.startswith("implied by PySpark")


def test_knowledge_false_matches_only_what_the_rubric_writes() -> None:
    rules = rubric("          - name: Kubernetes\n            knowledge: false\n")
    assert found(rules, "Ran k8s clusters.") == {}
    assert "Kubernetes" in found(rules, "Ran Kubernetes clusters.")


def test_what_the_rubric_writes_adds_to_and_overrides_the_base() -> None:
    rules = rubric(
        "          - name: Go\n            aliases: [Go language]\n"
        "            case_sensitive: false\n"
    )
    go = inherit(rules).rubric.areas[0].requirements[0].skills[0]
    assert go.aliases[0] == "Go language"  # the rubric's own first
    assert "Golang" in go.aliases
    assert go.case_sensitive is False  # written: overrides the base's true
    assert "go-to-market" in go.exclude  # the base's guards still apply
    assert "Go" in go.ambiguous


def test_an_alias_the_rubric_states_is_not_guarded_by_the_base() -> None:
    """The rubric's own alias is its statement that the form counts anywhere."""
    rules = rubric("          - name: Data warehousing\n            aliases: [Snowflake]\n")
    assert "Data warehousing" in found(rules, "Loaded data into Snowflake.")
    named = names_only("Snowflake")
    assert found(named, "Drew a snowflake on the whiteboard.") == {}


def test_a_form_of_another_rubric_skill_is_not_inherited() -> None:
    rules = names_only("Google Cloud", "GCP")
    skills = {s.name: s for s in inherit(rules).rubric.areas[0].requirements[0].skills}
    assert "GCP" not in skills["Google Cloud"].aliases  # GCP is a skill of its own
    assert "Google Cloud" not in skills["GCP"].aliases
    # The base's other forms go to the first skill only: one mention, one skill.
    assert "Google Cloud Platform" in skills["Google Cloud"].aliases
    assert "Google Cloud Platform" not in skills["GCP"].aliases


def test_exact_is_not_inherited() -> None:
    """The base marks NLP exact (its many skills crowd each other); a rubric's few do not,
    so a misspelling still counts."""
    rules = names_only("Natural language processing")
    skill = inherit(rules).rubric.areas[0].requirements[0].skills[0]
    assert skill.exact is False
    assert "Natural language processing" in found(rules, "Natural languge processing research.")


def test_an_unknown_name_is_matched_as_written() -> None:
    rules = names_only("Platform thinking")
    assert inherit(rules).rubric == rules
    assert "Platform thinking" in found(rules, "Known for platform thinking.")


def test_inheritance_keeps_the_rubric_and_is_deterministic() -> None:
    rules = names_only(*NAMED)
    once, again = inherit(rules), inherit(rules)
    assert once.rubric == again.rubric
    assert once.rubric.origin == rules.origin
    assert [s.name for _, r in once.rubric.iter_requirements() for s in r.skills] == NAMED
    assert once.rubric.model_dump_json() == again.rubric.model_dump_json()


def test_a_prepared_rubric_with_an_index_given_is_the_rubric_as_written() -> None:
    rules = names_only("Kubernetes")
    prepared = PreparedRubric.of(rules, index=SkillIndex(rules))
    assert analyze(text_profile("Ran k8s."), prepared).overall.score == 0


def test_a_skill_may_be_written_as_its_name_alone() -> None:
    rules = rubric("          - Kubernetes\n          - {name: Go}\n")
    skills = rules.areas[0].requirements[0].skills
    assert [s.name for s in skills] == ["Kubernetes", "Go"]
    assert all(isinstance(s, Skill) for s in skills)


def test_the_json_report_carries_origins() -> None:
    rules = names_only("Kubernetes")
    profile: Profile = text_profile("Ran k8s.")
    data = json.loads(analyze(profile, rules).model_dump_json())
    item = data["areas"][0]["requirements"][0]["skills"][0]["evidence"][0]
    assert item["origin"] == ORIGIN


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_every_report_format_says_a_form_came_from_the_knowledge_base(fmt: str) -> None:
    from skillgap.render import RenderOptions, render

    report = analyze(text_profile("Ran k8s clusters.\nWrote PySpark jobs."), names_only(*NAMED))
    shown = render(report, fmt, RenderOptions(details=True, color=False, width=200))
    shown = html.unescape(shown) if fmt == "html" else shown
    assert "alias 'k8s', knowledge base" in shown
    assert "implied by PySpark, knowledge base" in shown


def test_one_tool_is_evidence_for_every_skill_it_implies() -> None:
    """PySpark is Spark and Python; BigQuery is Google Cloud (implications across the
    base's files)."""
    rules = names_only("Spark", "Python", "GCP")
    result = found(rules, "Wrote PySpark jobs.\nBuilt BigQuery reports.")
    assert result["Spark"] == [("PySpark", "implied", f"{ORIGIN} (PySpark implies Spark)")]
    assert result["Python"] == [("PySpark", "implied", f"{ORIGIN} (PySpark implies Python)")]
    assert result["GCP"] == [("BigQuery", "implied", f"{ORIGIN} (BigQuery implies Google Cloud)")]
