"""``skillgap assess``: the questionnaire logic, the Rich prompts, and the command end to end
(answers scripted through CliRunner's stdin)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml
from rich.console import Console
from typer.testing import CliRunner

from skillgap.assess import (
    Invalid,
    Session,
    assessment_profile_data,
    assessment_profile_yaml,
    parse_answer,
    questions_for,
)
from skillgap.cli import app
from skillgap.cli.prompts import run_assessment
from skillgap.profiles import load_profile
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric


def answers_for(
    rubric: Rubric,
    *,
    level: str = "2",
    years: str = "4",
    degree: str = "2",
    field: str = "Computer Science",
) -> list[str]:
    """One scripted answer per question of ``rubric``."""
    by_kind = {"level": level, "years": years, "degree": degree, "field": field}
    return [by_kind[q.kind] for q in questions_for(rubric)]


def run_cli(args: list[str], stdin: str | None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


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
    assert session.current is not None and session.current.kind != "field"
    session.apply("back")
    assert session.position == degree_at
    session.apply("master")
    assert session.current is not None and session.current.kind == "field"


def test_answers_become_a_profile_in_the_documented_format(rubric: Rubric) -> None:
    session = Session.start(rubric)
    for answer in answers_for(rubric, level="3", years="6", degree="3", field="Statistics"):
        session.apply(parse_answer(session.current, answer, rubric))  # type: ignore[arg-type]
    data = assessment_profile_data(session)
    assert list(data) == ["years_experience", "education", "self_assessment"]
    assert data["years_experience"] == 6
    assert data["education"] == [{"degree": "Master's degree", "field": "Statistics"}]
    assert set(data["self_assessment"].values()) == {"advanced"}  # type: ignore[union-attr]
    text = assessment_profile_yaml(session)
    assert text.startswith(
        "# skillgap profile written by 'skillgap assess' against rubric "
        "principal-ml-engineer 1.0.0.\n"
    )
    assert yaml.safe_load(text) == data


# --------------------------------------------------------------------------- prompts


def test_run_assessment_reads_scripted_lines_and_echoes_them(rubric: Rubric) -> None:
    screen = io.StringIO()
    console = Console(file=screen, width=100, color_system=None, markup=False)
    session = run_assessment(rubric, console=console, stream=io.StringIO("3\nfoo\n2\nb\n\nq\n"))
    shown = screen.getvalue()
    assert session.answers == {0: "advanced", 1: "working"}
    assert "'foo' is not a level" in shown
    assert "(now: working; Enter keeps it)" in shown
    assert "2 of " in shown and "questions answered." in shown


def test_rubric_text_is_never_parsed_as_markup(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        'id: r\ntitle: "[bold red]Role[/]"\nversion: "1"\nareas:\n'
        "  - id: a\n    name: A\n    weight: 1\n    requirements:\n"
        "      - id: x\n        name: '[link=http://evil]X[/link]'\n"
        "        skills: [{name: Python}]\n",
        "utf-8",
    )
    screen = io.StringIO()
    run_assessment(
        load_rubric(path),
        console=Console(file=screen, width=100, markup=False),
        stream=io.StringIO("1\n"),
    )
    assert "[bold red]Role[/]" in screen.getvalue()
    assert "[link=http://evil]X[/link]" in screen.getvalue()


# --------------------------------------------------------------------------- command


def test_assess_with_scripted_input_saves_a_profile_analyze_accepts(tmp_path: Path) -> None:
    rubric = load_rubric("principal-ml-engineer")
    saved = tmp_path / "me.yaml"
    code, out, err = run_cli(
        ["assess", "--save", str(saved)], "\n".join(answers_for(rubric, level="3")) + "\n"
    )
    assert code == 0, err
    assert f"saved your answers to {saved}" in err
    assert "Learning plan" in out and "Overall" in out
    assert load_profile(saved).self_assessed
    code, out, err = run_cli(["analyze", str(saved), "--format", "json"], None)
    assert code == 0, err
    report = json.loads(out)
    assert report["candidate"]["format"] == "skillgap"
    languages = report["areas"][0]["requirements"][0]
    assert languages["self_assessment"]["source"] == "self_assessment.programming-languages"


def test_assess_prompts_go_to_stderr_and_the_report_to_stdout() -> None:
    code, out, err = run_cli(
        ["assess", "--rubric", "ml-engineer-entry", "--format", "json"], "2\n2\nq\n"
    )
    assert code == 0, err
    assert "Self-assessment: Entry-level Machine Learning Engineer" in err
    report = json.loads(out)
    assert report["rubric"]["id"] == "ml-engineer-entry"
    assert "your answers were not saved; add --save FILE to keep them" in err


def test_assess_with_a_ladder_places_the_answers() -> None:
    code, out, err = run_cli(["assess", "--ladder", "ml-engineer", "--format", "json"], "1\n1\nq\n")
    assert code == 0, err
    assert json.loads(out)["ladder"]["id"] == "ml-engineer"


def test_assess_without_any_input_points_to_analyze() -> None:
    code, out, err = run_cli(["assess"], None)
    assert code == 2 and out == ""
    assert err == (
        "skillgap: 'skillgap assess' asks questions and there is no input to answer "
        "them (stdin is not a terminal and is empty); run it in a terminal, pipe "
        "in answers one per line, or write a profile and run 'skillgap analyze "
        "PROFILE'\n"
    )


def test_assess_input_that_ends_early_finishes_with_the_answers_given(tmp_path: Path) -> None:
    saved = tmp_path / "me.yaml"
    code, _, err = run_cli(["assess", "--save", str(saved)], "3\n3\n")
    assert code == 0, err
    assert "Input ended: finishing with the answers given so far." in err
    assert yaml.safe_load(saved.read_text("utf-8"))["self_assessment"] == {
        "programming-languages": "advanced",
        "ml-frameworks": "advanced",
    }


def test_assess_with_nothing_answered_saves_nothing(tmp_path: Path) -> None:
    saved = tmp_path / "me.yaml"
    code, out, err = run_cli(["assess", "--save", str(saved)], "\n\nq\n")
    assert (code, out) == (0, "")
    assert "no question was answered: nothing saved and no report" in err
    assert not saved.exists()


def test_assess_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    saved = tmp_path / "me.yaml"
    saved.write_text("headline: keep me\n", "utf-8")
    code, _, err = run_cli(["assess", "--save", str(saved)], "3\nq\n")
    assert code == 2 and "already exists" in err
    assert saved.read_text("utf-8") == "headline: keep me\n"
    code, _, err = run_cli(["assess", "--save", str(saved), "--force"], "3\nq\n")
    assert code == 0, err
    assert "self_assessment" in saved.read_text("utf-8")


def test_assess_saves_typed_text_as_inert_yaml(tmp_path: Path) -> None:
    """A field of study with YAML and markup syntax round-trips as plain text."""
    rubric = load_rubric("principal-ml-engineer")
    saved = tmp_path / "me.yaml"
    field = "CS: {evil: [1]} [bold]x[/bold] &anchor *alias"
    answers = answers_for(rubric, level="s", degree="3", field=field)
    code, _, err = run_cli(["assess", "--save", str(saved)], "\n".join(answers) + "\n")
    assert code == 0, err
    data = yaml.safe_load(saved.read_text("utf-8"))
    assert data["education"] == [{"degree": "Master's degree", "field": field}]


# --------------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402 - grouped with the property tests
from hypothesis import strategies as st  # noqa: E402

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
