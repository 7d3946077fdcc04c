"""What one line of a posting asks for (skillgap.draft.extract): skills through the real
matcher and the knowledge base's guards, years, degrees, and stated priority."""

from __future__ import annotations

import pytest

from skillgap.draft.extract import find_degree, find_skills, find_years, stated_priority


def names(text: str) -> list[str]:
    return [s.name for s in find_skills(text)]


def test_skills_are_the_knowledge_bases_canonical_names() -> None:
    assert names("Python, k8s, sklearn and Amazon Web Services") == [
        "Python",
        "Kubernetes",
        "scikit-learn",
        "AWS",
    ]


@pytest.mark.parametrize(
    ("text", "not_skill"),
    [
        ("Support our go-to-market launches", "Go"),
        ("Work with the R&D team on new ideas", "R"),
        ("Spark innovation across teams", "Spark"),
        ("We want to spark joy in every delivery", "Spark"),
    ],
)
def test_everyday_words_do_not_become_skills(text: str, not_skill: str) -> None:
    assert not_skill not in names(text)


def test_guarded_names_count_with_their_context() -> None:
    assert names("Backend services in Go and Python") == ["Go", "Python"]
    assert "Spark" in names("Big data with Hadoop and Spark")


def test_a_skill_is_listed_once() -> None:
    assert names("Python, more Python, and Python again") == ["Python"]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5+ years of experience", 5),
        ("at least 5 years with SQL", 5),
        ("5-7 years in data engineering", 5),
        ("Minimum of five years of professional experience", 5),
        ("10 yrs building services", 10),
        ("Django Development: 1 year (Preferred)", 1),
    ],
)
def test_years_of_experience_are_the_lower_bound_asked_for(text: str, years: int) -> None:
    found = find_years(text)
    assert found is not None and found.years == years


@pytest.mark.parametrize(
    "text", ["We were founded 120 years ago", "Children aged 3-9", "Python and SQL"]
)
def test_other_numbers_are_not_years_of_experience(text: str) -> None:
    assert find_years(text) is None


@pytest.mark.parametrize(
    ("text", "level", "fields"),
    [
        ("Master's or PhD in CS", "master", ("cs",)),
        (
            "Bachelor's degree in Computer Science or related field",
            "bachelor",
            ("computer science",),
        ),
        ("BS/MS in Statistics", "bachelor", ("statistics",)),
        ("PhD in Physics", "phd", ("physics",)),
        ("Advanced business or technical degree", "master", ()),
        ("Bachelor's (Preferred)", "bachelor", ()),
    ],
)
def test_a_degree_is_its_lowest_level_and_its_fields(
    text: str, level: str, fields: tuple[str, ...]
) -> None:
    degree = find_degree(text)
    assert degree is not None
    assert (degree.level, degree.fields) == (level, fields)


@pytest.mark.parametrize(
    "text", ["Proficient in MS Office", "You must be in the office twice a week", "Mastery of SQL"]
)
def test_abbreviations_and_words_that_are_no_degree(text: str) -> None:
    assert find_degree(text) is None


def test_related_fields_and_equivalent_experience_are_noticed() -> None:
    degree = find_degree("Bachelor's in CS, a related field or equivalent practical experience")
    assert degree is not None and degree.related and degree.equivalent


@pytest.mark.parametrize(
    ("text", "priority"),
    [
        ("Python (required)", (True, "required")),
        ("You must know SQL", (True, "must")),
        ("Rust is a plus", (False, "is a plus")),
        ("Terraform preferred", (False, "preferred")),
        ("Experience with dbt", None),
    ],
)
def test_a_line_may_say_itself_whether_it_is_required(
    text: str, priority: tuple[bool, str] | None
) -> None:
    assert stated_priority(text) == priority
