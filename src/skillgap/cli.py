"""The command line: parse options, call the library, render, map errors to exit codes.

This is the only module that imports Typer, prints, or exits. Heavy modules (the
matcher, pydantic models, renderers) are imported inside the commands that need them,
so ``skillgap --help`` starts fast.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from ._version import __version__
from .errors import SkillgapError
from .limits import DEFAULT_LIMITS

if TYPE_CHECKING:
    from rich.console import Console


class ExitCode(enum.IntEnum):
    """Documented exit codes (README, ``skillgap --help``)."""

    OK = 0
    #: A check failed: validate found problems, a score is under --fail-under, or a
    #: batch had inputs that failed.
    CHECK_FAILED = 1
    #: Usage error: bad options or arguments.
    USAGE = 2
    #: An input could not be read or parsed.
    INPUT = 3
    #: A bug in skillgap (please report it).
    INTERNAL = 70


app = typer.Typer(
    name="skillgap",
    help="Measure the gap between a candidate and a role.\n\n"
         "A role is a YAML rubric (areas, weighted requirements, skills with aliases); a "
         "candidate is a profile or resume. skillgap finds the evidence for every "
         "requirement and reports the gaps, per area, with every point explained.\n\n"
         "Exit codes: 0 ok; 1 a check failed (--fail-under, validate problems, failed batch "
         "inputs); 2 usage error; 3 an input could not be read or parsed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _stderr(message: str) -> None:
    from .text import clean_text

    sys.stderr.write(clean_text(message).rstrip("\n") + "\n")
    sys.stderr.flush()


def fail(message: str, code: ExitCode) -> NoReturn:
    """Print one line to stderr and exit with ``code``."""
    _stderr(f"skillgap: {message}")
    raise typer.Exit(int(code))


@contextmanager
def guarded() -> Iterator[None]:
    """Turn SkillgapErrors (and stray bugs) into one line on stderr and an exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except SkillgapError as exc:
        fail(str(exc), ExitCode(exc.exit_code))
    except KeyboardInterrupt:
        _stderr("skillgap: interrupted")
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(int(ExitCode.OK)) from None
    except Exception as exc:
        if os.environ.get("SKILLGAP_DEBUG"):
            raise
        fail(f"internal error: {type(exc).__name__}: {exc} (this is a bug; rerun with "
             "SKILLGAP_DEBUG=1 for a traceback and please report it)", ExitCode.INTERNAL)


def write_output(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically (temporary file, then rename), or to stdout."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from .output import write_atomic

    write_atomic(output, text)


def _use_color(output: Path | None) -> bool:
    if output is not None and str(output) != "-":
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _width() -> int:
    import shutil

    columns = os.environ.get("COLUMNS")
    if columns and columns.isdigit():
        return max(60, int(columns))
    if sys.stdout.isatty():
        return max(60, shutil.get_terminal_size((100, 24)).columns)
    return 100


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"skillgap {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version_callback,
                                          is_eager=True, help="Show the version and exit.")]
    = False,
) -> None:
    """Measure the gap between a candidate and a role."""


# --------------------------------------------------------------------------- analyze

RubricOption = Annotated[
    str | None,
    typer.Option("--rubric", "-r", metavar="ID|PATH",
                 help="Bundled rubric id or a rubric YAML file. Default: "
                      "principal-ml-engineer. See 'skillgap rubrics'."),
]


class AnalyzeFormat(str, enum.Enum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command(
    epilog="Examples:\n\n\b\n"
           "  skillgap analyze examples/senior-ml-engineer.md\n"
           "  skillgap analyze resume.txt --format json --output report.json\n"
           "  skillgap analyze me.yaml --rubric my-role.yaml --fail-under 70\n"
           "  skillgap analyze me.yaml --ladder ml-engineer --plan\n",
)
def analyze(
    profile: Annotated[Path, typer.Argument(
        metavar="PROFILE", help="Profile or resume: skillgap YAML/JSON, JSON Resume, text "
        "or Markdown.", show_default=False)],
    rubric: RubricOption = None,
    format: Annotated[AnalyzeFormat, typer.Option(
        "--format", "-f", help="Output format.", case_sensitive=False)]
    = AnalyzeFormat.terminal,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout.")]
    = None,
    fail_under: Annotated[float | None, typer.Option(
        "--fail-under", metavar="SCORE", min=0, max=100,
        help="Exit 1 if the overall score is below SCORE (0-100).")] = None,
    blind: Annotated[bool, typer.Option(
        "--blind", help="Leave the candidate's name, file name and contact details out of "
        "the report. Scores are identical.")] = False,
    profile_format: Annotated[str | None, typer.Option(
        "--profile-format", metavar="FORMAT",
        help="Force the profile format instead of detecting it: skillgap, json-resume, "
        "text, markdown.")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", metavar="YYYY-MM-DD",
        help="Date that 'present' means in work history (default: today).")] = None,
    ladder: Annotated[str | None, typer.Option(
        "--ladder", metavar="ID|PATH",
        help="Also place the candidate on a career ladder (e.g. ml-engineer): the highest "
        "level fully met, the next one and the gap to it. Without --rubric the report is "
        "against the ladder's top level. See 'skillgap rubrics'.")] = None,
    plan: Annotated[bool, typer.Option(
        "--plan", help="Add a learning plan: the top gaps in order of what closing them "
        "adds, with next steps, resources and effort.")] = False,
) -> None:
    """Measure one candidate against a rubric and report the gaps per area."""
    with guarded():
        import datetime as dt

        from .profiles import load_profile
        from .render import OutputFormat, RenderOptions, render
        from .rubric import load_rubric
        from .scoring import analyze as run_analysis

        when = None
        if as_of is not None:
            try:
                when = dt.date.fromisoformat(as_of)
            except ValueError:
                fail(f"--as-of must be a date like 2026-01-31, not '{as_of}'", ExitCode.USAGE)
        loaded_ladder = None
        if ladder is not None:
            from .ladder import load_ladder

            loaded_ladder = load_ladder(ladder)
        if rubric is None and loaded_ladder is not None:
            loaded_rubric = loaded_ladder.rubrics[-1]
        else:
            loaded_rubric = load_rubric(rubric)
        loaded_profile = load_profile(profile, format=profile_format)
        report = run_analysis(loaded_profile, loaded_rubric, blind=blind, as_of=when)
        if loaded_ladder is not None:
            from .ladder import place, with_ladder

            report = with_ladder(report, place(loaded_profile, loaded_ladder, as_of=when))
        options = RenderOptions(color=_use_color(output), width=_width(), plan=plan)
        write_output(render(report, OutputFormat(format.value), options), output)
        if output is not None and str(output) != "-":
            _stderr(f"wrote {output}: {report.overall.score:.1f}/100, {report.overall.verdict}")
        if fail_under is not None and report.overall.score < fail_under:
            fail(f"score {report.overall.score:.1f} is under --fail-under {fail_under:g}",
                 ExitCode.CHECK_FAILED)


# --------------------------------------------------------------------------- rubrics

@app.command(epilog="Example:\n\n\b\n  skillgap rubrics\n")
def rubrics() -> None:
    """List the bundled rubrics (and what each extends) and the career ladders."""
    with guarded():
        from .catalogue import bundled_ladders, bundled_rubrics

        rows = bundled_rubrics()
        width = max((len(r.id) for r in rows), default=2)
        for row in rows:
            title = f"(invalid: {row.error})" if row.error else row.title
            extends = f"  (extends {row.extends})" if row.extends else ""
            typer.echo(f"{row.id:<{width}}  {row.version:<8}  {title}{extends}")
        ladders = bundled_ladders()
        if ladders:
            typer.echo("\nLadders (skillgap analyze PROFILE --ladder ID):")
        for entry in ladders:
            levels = " -> ".join(entry.levels) if not entry.error else f"(invalid: {entry.error})"
            typer.echo(f"{entry.id}  {entry.title}: {levels}")


# ---- assess ----

#: Most scripted input ``assess`` reads from a non-terminal stdin.
_MAX_SCRIPTED_INPUT = 1024 * 1024


def _scripted_answers() -> TextIO | None:
    """None on a terminal; else the answers piped in, one per line.

    stdin that is not a terminal and holds nothing at all (``< /dev/null``, a CI job, a
    closed pipe) means nobody can answer: stop with a pointer to ``analyze`` instead of
    asking questions into the void.
    """
    import io

    if sys.stdin is None:
        data = ""
    elif sys.stdin.isatty():
        return None
    else:
        data = sys.stdin.read(_MAX_SCRIPTED_INPUT + 1)
    if not data:
        fail("'skillgap assess' asks questions and there is no input to answer them (stdin "
             "is not a terminal and is empty); run it in a terminal, pipe in answers one "
             "per line, or write a profile and run 'skillgap analyze PROFILE'",
             ExitCode.USAGE)
    if len(data) > _MAX_SCRIPTED_INPUT:
        fail("more than 1 MB of scripted answers on stdin; give one answer per line",
             ExitCode.USAGE)
    return io.StringIO(data)


def _prompt_console() -> Console:
    from rich.console import Console

    color = sys.stderr.isatty() and not os.environ.get("NO_COLOR") and \
        os.environ.get("TERM") != "dumb"
    return Console(file=sys.stderr, width=_width(), force_terminal=color or None,
                   no_color=not color, highlight=False, markup=False, emoji=False)


@app.command(
    epilog="Answers: a number or level name; Enter keeps/skips, s skips, b goes back, q "
           "finishes, ? helps.\n\nExamples:\n\n\b\n"
           "  skillgap assess --save me.yaml\n"
           "  skillgap assess --rubric ml-engineer-senior --ladder ml-engineer\n"
           "  skillgap assess --save me.yaml < answers.txt\n",
)
def assess(
    rubric: RubricOption = None,
    save: Annotated[Path | None, typer.Option(
        "--save", metavar="FILE", help="Save the answers as a skillgap profile (YAML) to "
        "FILE, to re-run with 'skillgap analyze FILE' or edit later.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Overwrite the --save file if it exists.")] = False,
    ladder: Annotated[str | None, typer.Option(
        "--ladder", metavar="ID|PATH",
        help="Also place your answers on a career ladder (e.g. ml-engineer).")] = None,
    format: Annotated[AnalyzeFormat, typer.Option(
        "--format", "-f", help="Format of the report shown at the end.",
        case_sensitive=False)] = AnalyzeFormat.terminal,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE instead of "
        "stdout.")] = None,
) -> None:
    """Rate yourself against a rubric, question by question, and see your gap report.

    Walks the rubric's areas and asks your level for each requirement (and your years
    and degree where the rubric asks for them). Questions and prompts go to stderr, the
    report to stdout. When stdin is not a terminal, answers are read from it, one per
    line.
    """
    with guarded():
        from .assess import assessment_profile_yaml
        from .interactive import run_assessment
        from .profiles import SkillgapProfileLoader
        from .render import OutputFormat, RenderOptions, render
        from .rubric import load_rubric
        from .scoring import analyze as run_analysis

        if save is not None and str(save) != "-" and save.exists() and not force:
            fail(f"{save} already exists; choose another file or add --force to overwrite "
                 "it", ExitCode.USAGE)
        loaded_rubric = load_rubric(rubric)
        loaded_ladder = None
        if ladder is not None:
            from .ladder import load_ladder

            loaded_ladder = load_ladder(ladder)
        stream = _scripted_answers()
        session = run_assessment(loaded_rubric, console=_prompt_console(), stream=stream)
        if session.answered == 0:
            _stderr("skillgap: no question was answered: nothing saved and no report")
            return
        text = assessment_profile_yaml(session)
        if save is not None:
            write_output(text, save)
            if str(save) != "-":
                _stderr(f"saved your answers to {save} (score it again with 'skillgap "
                        f"analyze {save}')")
        else:
            _stderr("your answers were not saved; add --save FILE to keep them")
        shown = str(save) if save is not None and str(save) != "-" else "self-assessment.yaml"
        profile = SkillgapProfileLoader().load(Path(shown), text.encode("utf-8"),
                                               display=shown, limits=DEFAULT_LIMITS)
        report = run_analysis(profile, loaded_rubric)
        if loaded_ladder is not None:
            from .ladder import place, with_ladder

            report = with_ladder(report, place(profile, loaded_ladder))
        options = RenderOptions(color=_use_color(output), width=_width(), plan=True)
        write_output(render(report, OutputFormat(format.value), options), output)


# ---- diff ----

class DiffOutputFormat(str, enum.Enum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"


@app.command(
    epilog="Exit codes: 0 compared; 2 the reports are for different rubrics (id, version or "
           "content) and --force was not given; 3 a report could not be read.\n\n"
           "Examples:\n\n\b\n"
           "  skillgap analyze me.yaml -f json -o 2026-01.json\n"
           "  skillgap diff 2025-07.json 2026-01.json\n"
           "  skillgap diff old.json new.json --format markdown -o progress.md\n",
)
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD.json", help="The earlier JSON report.",
                                        show_default=False)],
    new: Annotated[Path, typer.Argument(metavar="NEW.json", help="The later JSON report.",
                                        show_default=False)],
    format: Annotated[DiffOutputFormat, typer.Option(
        "--format", "-f", help="Output format.", case_sensitive=False)]
    = DiffOutputFormat.terminal,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the diff to FILE instead of stdout.")]
    = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Compare reports scored against different rubrics anyway (areas "
        "and requirements matched by id).")] = False,
) -> None:
    """Show progress between two JSON reports: overall and per-area change, requirements
    newly met or lost, skills newly evidenced or lost."""
    with guarded():
        from .diff import diff_reports, load_report
        from .render import RenderOptions
        from .render.diff import render_diff

        result = diff_reports(load_report(old), load_report(new), force=force,
                              old_name=str(old), new_name=str(new))
        options = RenderOptions(color=_use_color(output), width=_width())
        write_output(render_diff(result, format.value, options), output)


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["ExitCode", "app", "fail", "guarded", "main", "write_output"]
