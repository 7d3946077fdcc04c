"""Drafting rubrics from postings end to end (skillgap.draft): every draft loads through
the real parse pipeline and passes ``skillgap validate --strict``; guesses are marked;
the same posting gives the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from skillgap.draft import Draft, draft_file, draft_rubric
from skillgap.errors import InputError
from skillgap.lint.validate import validate_text
from skillgap.rubric.model import Requirement
from skillgap.rubric.parse import parse_rubric_text
from tests.conftest import CORPUS, FIXTURES, ROOT
from tests.helpers.docx_files import docx_bytes
from tests.helpers.pdf import pdf_from_lines

POSTINGS = FIXTURES / "postings"
SEED = ROOT.parent / "shared" / "seed" / "principal-ml-engineer-role.txt"


def problems(draft: Draft, name: str = "draft.yaml") -> list[str]:
    """Every problem `skillgap validate --strict` reports for the draft (errors and
    warnings alike)."""
    parsed = parse_rubric_text(draft.text, path=name)
    assert parsed.rubric is not None, parsed.problems
    return [str(p) for p in validate_text(draft.text, path=name)]


def requirement(draft: Draft, skill: str) -> Requirement:
    for _, found in draft.rubric.iter_requirements():
        if skill in [s.name for s in found.skills]:
            return found
    raise AssertionError(f"no requirement names {skill}")


@pytest.mark.parametrize("name", sorted(p.name for p in POSTINGS.iterdir()))
def test_every_fixture_posting_drafts_a_clean_rubric(name: str) -> None:
    draft = draft_file(POSTINGS / name)
    assert problems(draft, name) == []
    assert draft.text.startswith("# yaml-language-server: $schema=../schema/rubric.schema.json\n")


def test_a_markdown_posting_gives_areas_for_its_requirement_sections() -> None:
    draft = draft_file(POSTINGS / "data-engineer.md")
    assert draft.rubric.title == "Senior Data Engineer"
    assert [a.name for a in draft.rubric.areas] == [
        "What you'll do",
        "Requirements",
        "Nice to have",
    ]
    assert "About us" in draft.text and "Benefits" in draft.text  # listed as left out


def test_must_haves_come_from_the_heading_and_preferences_from_it_too() -> None:
    draft = draft_file(POSTINGS / "data-engineer.md")
    assert requirement(draft, "Snowflake").must_have
    assert not requirement(draft, "Kubernetes").must_have
    assert requirement(draft, "Snowflake").weight > requirement(draft, "Kubernetes").weight
    assert '# GUESS: must-haves because the heading says "Requirements"' in draft.text
    assert '# GUESS: not must-haves because the heading says "Nice to have"' in draft.text


def test_a_line_that_says_it_is_a_plus_is_not_a_must_have_under_a_required_heading() -> None:
    draft = draft_rubric("Role\nRequirements:\n- Python and SQL\n- Kubernetes is a plus\n")
    assert requirement(draft, "Python").must_have
    assert not requirement(draft, "Kubernetes").must_have
    assert '# GUESS: not a must-have because it says "is a plus"' in draft.text


def test_years_and_degrees_become_requirements_of_their_own_kind() -> None:
    draft = draft_file(POSTINGS / "ml-engineer.html")
    kinds = {
        (r.years, r.degree.level if r.degree else None) for _, r in draft.rubric.iter_requirements()
    }
    assert (3.0, None) in kinds and (None, "master") in kinds
    degree = next(r.degree for _, r in draft.rubric.iter_requirements() if r.degree)
    assert degree is not None and degree.fields == ("computer science", "machine learning")
    assert "# CHECK: a related field is allowed" in draft.text


def test_everyday_words_in_a_posting_do_not_become_skills() -> None:
    draft = draft_file(POSTINGS / "platform-engineer.txt")
    assert {"Go", "Python", "Kubernetes", "Rust"} <= set(draft.skills)
    assert "R" not in draft.skills and "Spark" not in draft.skills
    text = "Role\nRequirements:\n- Drive go-to-market with R&D and spark innovation\n- SQL\n"
    assert draft_rubric(text).skills == ("SQL",)


def test_a_skill_counts_in_one_requirement_the_strongest_that_names_it() -> None:
    text = "Role\nNice to have:\n- Python scripting\nRequirements:\n- Python and SQL\n"
    draft = draft_rubric(text)
    assert draft.skills.count("Python") == 1
    assert requirement(draft, "Python").must_have
    assert "counted" not in draft.text or "# CHECK: left out, its skills count" in draft.text


def test_the_same_posting_gives_the_same_bytes() -> None:
    first = draft_file(POSTINGS / "data-engineer.md").text
    assert draft_file(POSTINGS / "data-engineer.md").text == first


def test_posting_text_that_yaml_would_misread_is_quoted() -> None:
    text = (
        "Role: the #1 team\nRequirements:\n- yes: Python & SQL # not a comment\n"
        "- 'Kubernetes' [k8s] {helm} *ops* & Terraform: true\n"
        "- Go and Python # skillgap: disable-file=unguarded-form\n"
    )
    draft = draft_rubric(text)
    assert problems(draft) == [] or all("unguarded-form" in p for p in problems(draft))
    data = yaml.safe_load(draft.text)
    names = [r["name"] for a in data["areas"] for r in a["requirements"]]
    assert names[0] == "yes: Python & SQL # not a comment"
    assert "skillgap: disable" not in draft.text


def test_a_docx_posting_is_read(tmp_path: Path) -> None:
    path = tmp_path / "posting.docx"
    path.write_bytes(
        docx_bytes(
            ["Analytics Engineer", "Requirements:", "3+ years of SQL", "Experience with dbt"]
        )
    )
    draft = draft_file(path)
    assert draft.rubric.title == "Analytics Engineer"
    assert {"SQL", "dbt"} <= set(draft.skills)
    assert problems(draft) == []


def test_a_pdf_posting_is_read(tmp_path: Path) -> None:
    path = tmp_path / "posting.pdf"
    path.write_bytes(
        pdf_from_lines(["Cloud Engineer", "Requirements:", "- AWS and Terraform", "- Docker"])
    )
    draft = draft_file(path)
    assert {"AWS", "Terraform", "Docker"} <= set(draft.skills)
    assert problems(draft) == []


def test_a_posting_with_nothing_to_draft_says_so() -> None:
    with pytest.raises(InputError, match="nothing to draft"):
        draft_rubric("Barista\nAbout us:\nWe roast our own beans.\n")


def test_id_and_title_can_be_given() -> None:
    draft = draft_rubric("Role\nRequirements:\n- SQL\n", title="Data Analyst", rubric_id="da-1")
    assert (draft.rubric.id, draft.rubric.title) == ("da-1", "Data Analyst")


# ---- the shared seed and corpus (real postings; skipped where ../shared is absent)

CORPUS_JOBS = sorted((CORPUS / "jobs").glob("*.txt")) if (CORPUS / "jobs").is_dir() else []

#: The twelve technologies the seed names: languages, frameworks, clouds, big data.
SEED_TECHNOLOGIES = (
    "Python",
    "R",
    "Java",
    "Scala",
    "TensorFlow",
    "PyTorch",
    "scikit-learn",
    "Keras",
    "AWS",
    "Google Cloud",
    "Hadoop",
    "Spark",
)


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not here")
def test_the_seed_drafts_a_clean_rubric_with_its_areas_and_technologies() -> None:
    draft = draft_file(SEED)
    assert problems(draft, SEED.name) == []
    areas = {a.name for a in draft.rubric.areas}
    assert {
        "Requirements: Technical Proficiency",
        "Requirements: Education and Experience",
        "Requirements: Leadership and Management Skills",
    } <= areas
    assert set(SEED_TECHNOLOGIES) <= set(draft.skills)


@pytest.mark.skipif(not CORPUS_JOBS, reason="../shared/corpus/jobs is not here")
@pytest.mark.parametrize("path", CORPUS_JOBS, ids=lambda p: p.stem.rsplit("__", 1)[-1])
def test_every_corpus_posting_drafts_a_clean_rubric(path: Path) -> None:
    draft = draft_file(path)
    assert draft.rubric.areas
    assert problems(draft, path.name) == []
