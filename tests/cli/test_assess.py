"""``skillgap assess`` on the command line (skillgap.cli.assess and its Rich prompts in
skillgap.cli.prompts): answers scripted through stdin, prompts on stderr, the report on
stdout, and the profile saved."""

from __future__ import annotations

import io
import json
from pathlib import Path

import yaml
from rich.console import Console
from typer.testing import CliRunner

from skillgap.cli import app
from skillgap.cli.prompts import run_assessment
from skillgap.profiles import load_profile
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric
from tests.helpers.assess import answers_for


def run_cli(args: list[str], stdin: str | None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


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


def test_a_megabyte_of_invalid_answers_stops_after_a_few() -> None:
    code, _, err = run_cli(["assess"], "banana\n" * 100_000)
    assert code == 3
    assert "3 invalid answers in a row" in err
    assert err.count("banana") < 10  # it did not go on asking


def test_a_second_run_continues_where_the_saved_answers_left_off(tmp_path: Path) -> None:
    saved = tmp_path / "me.yaml"
    code, _, err = run_cli(["assess", "--save", str(saved)], "3\n2\n")
    assert code == 0, err
    assert "each answer is saved to" in err
    code, _, err = run_cli(["assess", "--save", str(saved)], "4\n")
    assert code == 0, err
    assert "continuing from" in err and "2 answers kept" in err
    levels = yaml.safe_load(saved.read_text("utf-8"))["self_assessment"]
    assert list(levels.values()) == ["advanced", "working", "expert"]
    code, _, err = run_cli(["assess", "--save", str(saved), "--force"], "1\n")
    assert code == 0 and "continuing" not in err  # --force starts afresh
    assert list(yaml.safe_load(saved.read_text("utf-8"))["self_assessment"].values()) == ["basic"]


class _InterruptedInput(io.StringIO):
    """Answers typed one per line, then Ctrl-C."""

    def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


def test_answers_are_saved_as_they_are_given_so_ctrl_c_loses_none(
    tmp_path: Path, rubric: Rubric
) -> None:
    from skillgap.assess import Session, assessment_profile_yaml
    from skillgap.io.write import atomic_text

    saved = tmp_path / "me.yaml"

    def save(session: Session) -> None:
        with atomic_text(saved) as handle:
            handle.write(assessment_profile_yaml(session))

    console = Console(file=io.StringIO(), width=100, color_system=None, markup=False)
    try:
        run_assessment(rubric, console=console, stream=_InterruptedInput("3\n2\n"), on_answer=save)
    except KeyboardInterrupt:
        pass
    else:  # pragma: no cover - the input ends in Ctrl-C
        raise AssertionError("the questionnaire did not see the interrupt")
    answers = yaml.safe_load(saved.read_text("utf-8"))["self_assessment"]
    assert len(answers) == 2
