"""The self-assessment questionnaire as pure logic (skillgap.assess): questions, answers,
the session's commands, and the profile the answers become."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.assess import (
    Invalid,
    Session,
    assessment_profile_data,
    assessment_profile_yaml,
    parse_answer,
    questions_for,
)
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric
from tests.helpers.assess import answers_for

# --------------------------------------------------------------------------- questions


def test_every_skills_requirement_gets_a_level_question(rubric: Rubric) -> None:
    questions = questions_for(rubric)
    levels = [q.requirement.id for q in questions if q.kind == "level"]
    assert levels == [r.id for _, r in rubric.iter_requirements() if r.skills]


def test_years_and_degree_are_asked_once_where_the_rubric_first_asks(rubric: Rubric) -> None:
    questions = questions_for(rubric)
    kinds = [(q.kind, q.requirement.id) for q in questions if q.kind != "level"]
    assert kinds == [
        ("degree", "advanced-degree"),
        ("field", "advanced-degree"),
        ("years", "years-experience"),
    ]


def test_entry_rubric_without_years_asks_no_years() -> None:
    assert "years" not in {q.kind for q in questions_for(load_rubric("ml-engineer-entry"))}


# --------------------------------------------------------------------------- answers


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("level", "0", "none"),
        ("level", "1", "basic"),
        ("level", "4", "expert"),
        ("level", "Advanced", "advanced"),
        ("level", "proficient", "advanced"),
        ("level", " none ", "none"),
        ("years", "6", 6.0),
        ("years", "2.5 years", 2.5),
        ("years", "10+", 10.0),
        ("degree", "3", "master"),
        ("degree", "M.Sc.", "master"),
        ("degree", "Master's", "master"),
        ("degree", "PhD", "phd"),
        ("degree", "0", "none"),
        ("field", "  Computer   Science ", "Computer Science"),
        ("level", "", "keep"),
        ("level", "s", "skip"),
        ("years", "B", "back"),
        ("degree", "q", "quit"),
        ("field", "?", "help"),
    ],
)
def test_answers_are_parsed(rubric: Rubric, kind: str, typed: str, expected: object) -> None:
    question = next(q for q in questions_for(rubric) if q.kind == kind)
    assert parse_answer(question, typed, rubric) == expected


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        ("level", "7", "type a number from 0 to 4, or a level name"),
        (
            "level",
            "ninja",
            (
                "'ninja' is not a level; type one of 0 none, 1 basic, 2 working, "
                "3 advanced, 4 expert (or s to skip, b to go back, q to finish, ? for "
                "help)"
            ),
        ),
        ("years", "lots", "type a number of years, e.g. 6 or 2.5 (or s to skip, b to go back)"),
        ("years", "99", "type a number of years from 0 to 70"),
        (
            "degree",
            "diploma",
            (
                "type one of 0 none, 1 associate, 2 bachelor, 3 master, 4 phd "
                "(or s to skip, b to go back)"
            ),
        ),
    ],
)
def test_wrong_answers_say_what_to_type(
    rubric: Rubric, kind: str, typed: str, message: str
) -> None:
    question = next(q for q in questions_for(rubric) if q.kind == kind)
    assert parse_answer(question, typed, rubric) == Invalid(message)


def test_field_answers_are_cleaned_and_cut(rubric: Rubric) -> None:
    question = next(q for q in questions_for(rubric) if q.kind == "field")
    parsed = parse_answer(question, "\x1b[31mPhysics\x07 " + "x" * 500, rubric)
    assert isinstance(parsed, str)
    assert parsed.startswith("Physics x") and "\x1b" not in parsed and len(parsed) <= 120


# --------------------------------------------------------------------------- session


def test_back_skip_keep_and_quit(rubric: Rubric) -> None:
    session = Session.start(rubric)
    session.apply("advanced")
    session.apply("working")
    assert session.apply("back") is None and session.position == 1
    session.apply("keep")  # Enter keeps the earlier answer
    session.apply("back")
    session.apply("skip")  # s clears it
    assert session.answers == {0: "advanced"} and session.position == 2
    session.apply("quit")
    assert session.current is None and session.answered == 1


def test_back_at_the_first_question_stays_there(rubric: Rubric) -> None:
    session = Session.start(rubric)
    assert session.apply("back") == "this is the first question"
    assert session.position == 0


def test_field_question_only_follows_a_degree(rubric: Rubric) -> None:
    session = Session.start(rubric)
    degree_at = next(i for i, q in enumerate(session.questions) if q.kind == "degree")
    session.position = degree_at
    session.apply("none")
    current = session.current
    assert current is not None and current.kind != "field"
    session.apply("back")
    assert session.position == degree_at
    session.apply("master")
    current = session.current
    assert current is not None and current.kind == "field"


def test_answers_become_a_profile_in_the_documented_format(rubric: Rubric) -> None:
    session = Session.start(rubric)
    for answer in answers_for(rubric, level="3", years="6", degree="3", field="Statistics"):
        question = session.current
        assert question is not None
        session.apply(parse_answer(question, answer, rubric))
    data = assessment_profile_data(session)
    assert list(data) == ["years_experience", "education", "self_assessment"]
    assert data["years_experience"] == 6
    assert data["education"] == [{"degree": "Master's degree", "field": "Statistics"}]
    self_assessment = data["self_assessment"]
    assert isinstance(self_assessment, dict)
    assert set(self_assessment.values()) == {"advanced"}
    text = assessment_profile_yaml(session)
    assert text.startswith(
        "# skillgap profile written by 'skillgap assess' against rubric "
        "principal-ml-engineer 1.0.0.\n"
    )
    assert yaml.safe_load(text) == data


# --------------------------------------------------------------------------- properties


PRINCIPAL = load_rubric("principal-ml-engineer")
QUESTIONS = questions_for(PRINCIPAL)


@settings(max_examples=200, deadline=None)
@given(index=st.integers(0, len(QUESTIONS) - 1), typed=st.text(max_size=80))
def test_any_typed_text_is_parsed_without_error(index: int, typed: str) -> None:
    parsed = parse_answer(QUESTIONS[index], typed, PRINCIPAL)
    assert isinstance(parsed, (str, float, Invalid))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["", "s", "b", "?", "3", "0", "none", "master", "Physics", "6", "ninja", "q"]
        ),
        max_size=120,
    )
)
def test_any_sequence_of_answers_keeps_the_session_consistent(typed: list[str]) -> None:
    session = Session.start(PRINCIPAL)
    for text in typed:
        question = session.current
        if question is None:
            break
        session.apply(parse_answer(question, text, PRINCIPAL))
        assert 0 <= session.position <= len(session.questions)
    assert session.answered <= len(session.questions)
    assert all(0 <= i < len(session.questions) for i in session.answers)
    data = assessment_profile_data(session)
    assert yaml.safe_load(assessment_profile_yaml(session)) == data
