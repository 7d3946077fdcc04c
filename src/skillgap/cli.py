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
from typing import Annotated, NoReturn

import typer

from ._version import __version__
from .errors import SkillgapError


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


@app.command(
    epilog="Examples:\n\n\b\n"
           "  skillgap analyze examples/senior-ml-engineer.md\n"
           "  skillgap analyze resume.txt --format json --output report.json\n"
           "  skillgap analyze me.yaml --rubric my-role.yaml --fail-under 70\n",
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
        loaded_rubric = load_rubric(rubric)
        loaded_profile = load_profile(profile, format=profile_format)
        report = run_analysis(loaded_profile, loaded_rubric, blind=blind, as_of=when)
        options = RenderOptions(color=_use_color(output), width=_width())
        write_output(render(report, OutputFormat(format.value), options), output)
        if output is not None and str(output) != "-":
            _stderr(f"wrote {output}: {report.overall.score:.1f}/100, {report.overall.verdict}")
        if fail_under is not None and report.overall.score < fail_under:
            fail(f"score {report.overall.score:.1f} is under --fail-under {fail_under:g}",
                 ExitCode.CHECK_FAILED)


# --------------------------------------------------------------------------- rubrics

@app.command(epilog="Example:\n\n\b\n  skillgap rubrics\n")
def rubrics() -> None:
    """List the bundled rubrics with their titles and versions."""
    with guarded():
        from .rubric import bundled_rubric_summaries

        rows = bundled_rubric_summaries()
        width = max((len(r[0]) for r in rows), default=2)
        for rubric_id, title, version in rows:
            typer.echo(f"{rubric_id:<{width}}  {version:<8}  {title}")


# ---- validate ----

class ProblemFormatOption(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command(
    epilog="Exit codes: 0 no problems; 1 errors (or warnings, with --strict); 2 usage "
           "error; 3 a path could not be read.\n\n"
           "Lint rules are listed with examples in docs/lint-rules.md. Silence one in the "
           "file with a comment: '# skillgap: disable=RULE'.\n\n"
           "Examples:\n\n\b\n"
           "  skillgap validate rubrics/\n"
           "  skillgap validate --strict my-role.yaml other-role.yaml\n"
           "  skillgap validate rubrics/ --format json > problems.json\n"
           "  skillgap validate rubrics/ --enable contained-form --disable unguarded-form\n",
)
def validate(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", help="Rubric files, or directories searched recursively for "
        "*.yaml and *.yml.", show_default=False)],
    format: Annotated[ProblemFormatOption | None, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="text, json, or github (GitHub Actions annotations). Default: github when "
        "GITHUB_ACTIONS=true, else text.", show_default=False)] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail (exit 1) on warnings as well as errors.")] = False,
    enable: Annotated[list[str] | None, typer.Option(
        "--enable", metavar="RULE", help="Also run this lint rule (repeatable), e.g. "
        "contained-form.", show_default=False)] = None,
    disable: Annotated[list[str] | None, typer.Option(
        "--disable", metavar="RULE", help="Do not run this lint rule (repeatable).",
        show_default=False)] = None,
) -> None:
    """Check rubrics: YAML, schema, references and lint rules, each problem at file:line:col."""
    with guarded():
        from .render.problems import ProblemFormat, render_problems, summary
        from .validate import ValidateOptions, select_rules, validate_paths

        if format is None:
            on_github = os.environ.get("GITHUB_ACTIONS") == "true"
            chosen = ProblemFormat.GITHUB if on_github else ProblemFormat.TEXT
        else:
            chosen = ProblemFormat(format.value)
        rules = select_rules(enable=enable or (), disable=disable or ())
        result = validate_paths(paths, ValidateOptions(rules=rules))
        write_output(render_problems(result.problems, chosen, files=result.files), None)
        _stderr(summary(result.problems, files=result.files, strict=strict))
        code = result.exit_code(strict=strict)
        if code:
            raise typer.Exit(code)


# ---- schema ----

class SchemaName(str, enum.Enum):
    rubric = "rubric"
    profile = "profile"
    report = "report"


@app.command(
    epilog="Examples:\n\n\b\n"
           "  skillgap schema rubric > rubric.schema.json\n"
           "  skillgap schema report\n"
           "  skillgap schema --write schema/     (regenerate the committed schemas)\n",
)
def schema(
    name: Annotated[SchemaName | None, typer.Argument(
        metavar="rubric|profile|report", help="Which format.", show_default=False)] = None,
    write: Annotated[Path | None, typer.Option(
        "--write", metavar="DIR", help="Write <name>.schema.json into DIR instead of "
        "printing (all three schemas unless a name is given).", show_default=False)] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a rubric, a profile or a JSON report."""
    with guarded():
        from .schema import SCHEMAS, schema_text, write_schemas

        if write is None:
            if name is None:
                fail("name a schema: rubric, profile or report (or use --write DIR)",
                     ExitCode.USAGE)
            write_output(schema_text(name.value), None)
            return
        if not write.is_dir():
            fail(f"--write {write}: not a directory", ExitCode.USAGE)
        names = (name.value,) if name is not None else tuple(SCHEMAS)
        for path in write_schemas(write, names):
            _stderr(f"wrote {path}")


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["ExitCode", "app", "fail", "guarded", "main", "write_output"]
