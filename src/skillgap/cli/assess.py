"""``skillgap assess``: rate yourself against a rubric, question by question.

Questions go to stderr through Rich prompts (:mod:`.prompts`), the report to stdout;
when stdin is not a terminal, answers are read from it, one per line.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from ..render.formats import OutputFormat
from .app import ExitCode, app, fail, guarded, stderr_line, terminal_width, use_color, write_output
from .options import RubricOption, choice_metavar, choice_parser, complete_ladder

if TYPE_CHECKING:
    from rich.console import Console

    from ..assess import Session
    from ..rubric.model import Rubric


#: Most scripted input ``assess`` reads from a non-terminal stdin.
_MAX_SCRIPTED_INPUT = 1024 * 1024


def _scripted_answers() -> TextIO | None:
    """None on a terminal; else the answers piped in, one per line.

    stdin that is not a terminal and holds nothing at all (``< /dev/null``, a CI job, a
    closed pipe) means nobody can answer: stop with a pointer to ``analyze`` instead of
    asking questions into the void.
    """
    if sys.stdin is None:
        data = ""
    elif sys.stdin.isatty():
        return None
    else:
        data = sys.stdin.read(_MAX_SCRIPTED_INPUT + 1)
    if not data:
        fail(
            "'skillgap assess' asks questions and there is no input to answer them (stdin "
            "is not a terminal and is empty); run it in a terminal, pipe in answers one "
            "per line, or write a profile and run 'skillgap analyze PROFILE'",
            ExitCode.USAGE,
        )
    if len(data) > _MAX_SCRIPTED_INPUT:
        fail(
            "more than 1 MB of scripted answers on stdin; give one answer per line", ExitCode.USAGE
        )
    return io.StringIO(data)


#: The first line of a profile written by ``skillgap assess``.
_ASSESS_HEADER = "# skillgap profile written by 'skillgap assess'"


def _continued(save: Path, rubric: Rubric) -> Session:
    """The session to go on with from an earlier ``--save`` file of ours; anything else
    that exists there is refused (it is not ours to overwrite without --force)."""
    from ..assess import Session
    from ..io.read import decode_text, read_bytes
    from ..io.yaml_source import parse_yaml

    text = decode_text(read_bytes(save), path=str(save), detect=False)
    document, _ = parse_yaml(text, path=str(save))
    if not text.startswith(_ASSESS_HEADER) or document is None:
        fail(
            f"{save} already exists and was not written by 'skillgap assess'; choose "
            "another file or add --force to overwrite it",
            ExitCode.USAGE,
        )
    session = Session.resume(rubric, document.data)
    stderr_line(
        f"skillgap: continuing from {save}: {session.answered} answer"
        f"{'s' if session.answered != 1 else ''} kept (--force starts afresh)"
    )
    return session


def _prompt_console() -> Console:
    """A Rich console on stderr for the questions (colour only on a terminal)."""
    from rich.console import Console

    color = (
        sys.stderr.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )
    return Console(
        file=sys.stderr,
        width=terminal_width(),
        force_terminal=color or None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
    )


@app.command(
    epilog="Answers: a number or level name; Enter keeps/skips, s skips, b goes back, q "
    "finishes, ? helps.\n\nExamples:\n\n\b\n"
    "  skillgap assess --save me.yaml\n"
    "  skillgap assess --rubric ml-engineer-senior --ladder ml-engineer\n"
    "  skillgap assess --save me.yaml < answers.txt\n",
)
def assess(
    rubric: RubricOption = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            metavar="FILE",
            help="Save the answers as a skillgap profile (YAML) to "
            "FILE, to re-run with 'skillgap analyze FILE' or edit later.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Start afresh, overwriting the --save file (without it, an earlier --save "
            "file of 'skillgap assess' is continued where it left off).",
        ),
    ] = False,
    ladder: Annotated[
        str | None,
        typer.Option(
            "--ladder",
            metavar="ID|PATH",
            autocompletion=complete_ladder,
            help="Also place your answers on a career ladder (e.g. ml-engineer).",
        ),
    ] = None,
    format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="Format of the report shown at the end.",
            parser=choice_parser(OutputFormat),
            metavar=choice_metavar(OutputFormat),
        ),
    ] = OutputFormat.TERMINAL,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout."
        ),
    ] = None,
) -> None:
    """Rate yourself against a rubric, question by question, and see your gap report.

    Walks the rubric's areas and asks your level for each requirement (and your years
    and degree where the rubric asks for them). Questions and prompts go to stderr, the
    report to stdout. When stdin is not a terminal, answers are read from it, one per
    line.
    """
    with guarded():
        from ..analysis import analyze as run_analysis
        from ..assess import assessment_profile, assessment_profile_yaml
        from ..render import RenderOptions, render
        from ..rubric.parse import load_rubric
        from .prompts import run_assessment

        loaded_rubric = load_rubric(rubric)
        session = None
        saving = save is not None and str(save) != "-"
        if saving and save is not None and save.exists() and not force:
            session = _continued(save, loaded_rubric)
        loaded_ladder = None
        if ladder is not None:
            from ..rubric.ladder import load_ladder

            loaded_ladder = load_ladder(ladder)
        stream = _scripted_answers()

        def save_answers(current: Session) -> None:
            if saving and save is not None and current.answered:
                write_output(assessment_profile_yaml(current), save)

        if saving:
            stderr_line(f"skillgap: each answer is saved to {save} as you go")
        session = run_assessment(
            loaded_rubric,
            console=_prompt_console(),
            stream=stream,
            session=session,
            on_answer=save_answers,
        )
        if session.answered == 0:
            stderr_line("skillgap: no question was answered: nothing saved and no report")
            return
        text = assessment_profile_yaml(session)
        if save is not None:
            write_output(text, save)
            if str(save) != "-":
                stderr_line(
                    f"saved your answers to {save} (score it again with 'skillgap analyze {save}')"
                )
        else:
            stderr_line("your answers were not saved; add --save FILE to keep them")
        shown = str(save) if save is not None and str(save) != "-" else "self-assessment.yaml"
        profile = assessment_profile(text, display=shown)
        report = run_analysis(profile, loaded_rubric, ladder=loaded_ladder)
        options = RenderOptions(color=use_color(output), width=terminal_width(), plan=True)
        write_output(render(report, format, options), output)
