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
from .errors import OutputError, SkillgapError
from .limits import DEFAULT_LIMITS, Limits

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


def _silence_stdout() -> None:
    """Point stdout at /dev/null so nothing more is written (or fails) at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (e.g. under a test runner)
        pass


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
        _silence_stdout()
        raise typer.Exit(int(ExitCode.OK)) from None
    except Exception as exc:
        if os.environ.get("SKILLGAP_DEBUG"):
            raise
        fail(
            f"internal error: {type(exc).__name__}: {exc} (this is a bug; rerun with "
            "SKILLGAP_DEBUG=1 for a traceback and please report it)",
            ExitCode.INTERNAL,
        )


def write_output(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically (temporary file, then rename), or to stdout."""
    if output is None or str(output) == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            _silence_stdout()  # or the interpreter fails again flushing it at exit
            raise OutputError(
                f"cannot write the report to standard output: {exc.strerror or exc}"
            ) from exc
        return
    from .io.write import write_atomic

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
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version_callback,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Measure the gap between a candidate and a role."""


# --------------------------------------------------------------------------- analyze

RubricOption = Annotated[
    str | None,
    typer.Option(
        "--rubric",
        "-r",
        metavar="ID|PATH",
        help="Bundled rubric id or a rubric YAML file. Default: "
        "principal-ml-engineer. See 'skillgap rubrics'.",
    ),
]


MaxFileSizeOption = Annotated[
    float,
    typer.Option(
        "--max-file-size",
        metavar="MB",
        min=0.001,
        help="Refuse input files larger than this many megabytes.",
    ),
]
MaxTextOption = Annotated[
    int,
    typer.Option(
        "--max-text",
        metavar="CHARS",
        min=1000,
        help="Keep at most this many characters of text from one profile.",
    ),
]
MaxNodesOption = Annotated[
    int,
    typer.Option(
        "--max-nodes",
        metavar="N",
        min=100,
        help="Refuse YAML/JSON documents that expand to more nodes (alias bombs).",
    ),
]
MaxPagesOption = Annotated[
    int,
    typer.Option("--max-pages", metavar="N", min=1, help="Read at most this many pages of a PDF."),
]


def build_limits(max_file_size: float, max_text: int, max_nodes: int, max_pages: int) -> Limits:
    """Limits from the CLI's options (defaults in :class:`skillgap.limits.Limits`)."""
    from .limits import MIB

    return Limits(
        max_file_bytes=int(max_file_size * MIB),
        max_text_chars=max_text,
        max_nodes=max_nodes,
        max_pdf_pages=max_pages,
    )


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
    profile: Annotated[
        Path,
        typer.Argument(
            metavar="PROFILE",
            help="Profile or resume: skillgap YAML/JSON, JSON Resume, text or Markdown.",
            show_default=False,
        ),
    ],
    rubric: RubricOption = None,
    format: Annotated[
        AnalyzeFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = AnalyzeFormat.terminal,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout."
        ),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            metavar="SCORE",
            min=0,
            max=100,
            help="Exit 1 if the overall score is below SCORE (0-100).",
        ),
    ] = None,
    blind: Annotated[
        bool,
        typer.Option(
            "--blind",
            help="Leave the candidate's name, file name and contact details out of "
            "the report. Scores are identical.",
        ),
    ] = False,
    profile_format: Annotated[
        str | None,
        typer.Option(
            "--profile-format",
            metavar="FORMAT",
            help="Force the profile format instead of detecting it: skillgap, json-resume, "
            "text, markdown.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Date that 'present' means in work history (default: today).",
        ),
    ] = None,
    ladder: Annotated[
        str | None,
        typer.Option(
            "--ladder",
            metavar="ID|PATH",
            help="Also place the candidate on a career ladder (e.g. ml-engineer): the highest "
            "level fully met, the next one and the gap to it. Without --rubric the report is "
            "against the ladder's top level. See 'skillgap rubrics'.",
        ),
    ] = None,
    plan: Annotated[
        bool,
        typer.Option(
            "--plan",
            help="Add a learning plan: the top gaps in order of what closing them "
            "adds, with next steps, resources and effort.",
        ),
    ] = False,
    max_file_size: MaxFileSizeOption = DEFAULT_LIMITS.max_file_bytes / (1024 * 1024),
    max_text: MaxTextOption = DEFAULT_LIMITS.max_text_chars,
    max_nodes: MaxNodesOption = DEFAULT_LIMITS.max_nodes,
    max_pages: MaxPagesOption = DEFAULT_LIMITS.max_pdf_pages,
) -> None:
    """Measure one candidate against a rubric and report the gaps per area."""
    with guarded():
        import datetime as dt

        from .analysis import analyze as run_analysis
        from .profiles import load_profile
        from .render import OutputFormat, RenderOptions, render
        from .rubric.parse import load_rubric

        when = None
        if as_of is not None:
            try:
                when = dt.date.fromisoformat(as_of)
            except ValueError:
                fail(f"--as-of must be a date like 2026-01-31, not '{as_of}'", ExitCode.USAGE)
        limits = build_limits(max_file_size, max_text, max_nodes, max_pages)
        loaded_ladder = None
        if ladder is not None:
            from .rubric.ladder import load_ladder

            loaded_ladder = load_ladder(ladder, limits=limits)
        if rubric is None and loaded_ladder is not None:
            loaded_rubric = loaded_ladder.rubrics[-1]
        else:
            loaded_rubric = load_rubric(rubric, limits=limits)
        loaded_profile = load_profile(profile, format=profile_format, limits=limits)
        report = run_analysis(
            loaded_profile, loaded_rubric, blind=blind, as_of=when, ladder=loaded_ladder
        )
        options = RenderOptions(color=_use_color(output), width=_width(), plan=plan)
        write_output(render(report, OutputFormat(format.value), options), output)
        if output is not None and str(output) != "-":
            _stderr(f"wrote {output}: {report.overall.score:.1f}/100, {report.overall.verdict}")
        if fail_under is not None and report.overall.score < fail_under:
            fail(
                f"score {report.overall.score:.1f} is under --fail-under {fail_under:g}",
                ExitCode.CHECK_FAILED,
            )


# --------------------------------------------------------------------------- rubrics


@app.command(epilog="Example:\n\n\b\n  skillgap rubrics\n")
def rubrics() -> None:
    """List the bundled rubrics (and what each extends) and the career ladders."""
    with guarded():
        from .rubric.catalogue import bundled_ladders, bundled_rubrics

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


def _prompt_console() -> Console:
    from rich.console import Console

    color = (
        sys.stderr.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )
    return Console(
        file=sys.stderr,
        width=_width(),
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
        bool, typer.Option("--force", help="Overwrite the --save file if it exists.")
    ] = False,
    ladder: Annotated[
        str | None,
        typer.Option(
            "--ladder",
            metavar="ID|PATH",
            help="Also place your answers on a career ladder (e.g. ml-engineer).",
        ),
    ] = None,
    format: Annotated[
        AnalyzeFormat,
        typer.Option(
            "--format", "-f", help="Format of the report shown at the end.", case_sensitive=False
        ),
    ] = AnalyzeFormat.terminal,
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
        from .analysis import analyze as run_analysis
        from .assess import assessment_profile_yaml
        from .interactive import run_assessment
        from .profiles.skillgap_profile import SkillgapProfileLoader
        from .render import OutputFormat, RenderOptions, render
        from .rubric.parse import load_rubric

        if save is not None and str(save) != "-" and save.exists() and not force:
            fail(
                f"{save} already exists; choose another file or add --force to overwrite it",
                ExitCode.USAGE,
            )
        loaded_rubric = load_rubric(rubric)
        loaded_ladder = None
        if ladder is not None:
            from .rubric.ladder import load_ladder

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
                _stderr(
                    f"saved your answers to {save} (score it again with 'skillgap analyze {save}')"
                )
        else:
            _stderr("your answers were not saved; add --save FILE to keep them")
        shown = str(save) if save is not None and str(save) != "-" else "self-assessment.yaml"
        profile = SkillgapProfileLoader().load(
            Path(shown), text.encode("utf-8"), display=shown, limits=DEFAULT_LIMITS
        )
        report = run_analysis(profile, loaded_rubric, ladder=loaded_ladder)
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
    old: Annotated[
        Path,
        typer.Argument(metavar="OLD.json", help="The earlier JSON report.", show_default=False),
    ],
    new: Annotated[
        Path, typer.Argument(metavar="NEW.json", help="The later JSON report.", show_default=False)
    ],
    format: Annotated[
        DiffOutputFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = DiffOutputFormat.terminal,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the diff to FILE instead of stdout."
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Compare reports scored against different rubrics anyway (areas "
            "and requirements matched by id).",
        ),
    ] = False,
) -> None:
    """Show progress between two JSON reports: overall and per-area change, requirements
    newly met or lost, skills newly evidenced or lost."""
    with guarded():
        from .render import RenderOptions
        from .render.diff import render_diff
        from .report.diff import diff_reports, load_report

        result = diff_reports(
            load_report(old), load_report(new), force=force, old_name=str(old), new_name=str(new)
        )
        options = RenderOptions(color=_use_color(output), width=_width())
        write_output(render_diff(result, format.value, options), output)


# ---- batch ----


@app.command(
    epilog="Examples:\n\n\b\n"
    "  skillgap batch resumes/ --output ranking.csv\n"
    "  skillgap batch 'inbox/**/*.pdf' --output results.jsonl --jobs 4\n"
    "  skillgap batch resumes/ -o results.jsonl --resume      # after a killed run\n"
    "  find . -name '*.docx' | skillgap batch - --blind -o blind.csv\n\n"
    "The output format follows the extension: .csv (one row per input), .jsonl (one "
    "full report per line, in completion order, written as each input finishes), "
    ".json and .md (the whole batch, sorted). CSV and JSONL get an audit sidecar "
    "FILE.meta.json. Without --output, JSON Lines go to stdout. Exit codes: 0 every "
    "input scored; 1 some inputs failed or scored under --fail-under; 3 nothing "
    "could be read.",
)
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Resume files, folders (searched recursively; hidden files "
            "skipped), glob patterns, or - to read paths from stdin.",
            show_default=False,
        ),
    ],
    rubric: RubricOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write results to FILE: .csv, .jsonl, .json or .md.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            max=256,
            metavar="N",
            help="Worker processes (default: the number of CPU cores).",
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=0, metavar="N", help="Rows in the ranking shown on stderr.")
    ] = 10,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            metavar="SCORE",
            min=0,
            max=100,
            help="Exit 1 if any candidate scores below SCORE (0-100).",
        ),
    ] = None,
    blind: Annotated[
        bool,
        typer.Option(
            "--blind",
            help="Remove names, e-mail, phone, links and addresses from every "
            "output; identify candidates by an id derived from the file's content. Scores are "
            "identical.",
        ),
    ] = False,
    keep_filenames: Annotated[
        bool, typer.Option("--keep-filenames", help="With --blind, still show file names.")
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue an interrupted run: skip inputs already in the .jsonl "
            "output (same path and content).",
        ),
    ] = False,
    profile_format: Annotated[
        str | None,
        typer.Option(
            "--profile-format",
            metavar="FORMAT",
            help="Read every input as this format instead of detecting it.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Date that 'present' means in work history (default: today; a resumed run "
            "keeps the first run's date).",
        ),
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option(
            "--max-pages",
            min=1,
            metavar="N",
            help="Most PDF pages read from one file (default 500).",
        ),
    ] = None,
    max_file_size: Annotated[
        int | None,
        typer.Option(
            "--max-file-size",
            min=1,
            metavar="MB",
            help="Largest input file read, in MB (default 20).",
        ),
    ] = None,
    max_docx_size: Annotated[
        int | None,
        typer.Option(
            "--max-docx-size",
            min=1,
            metavar="MB",
            help="Largest unpacked size of a DOCX, in MB (default 200).",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0,
            metavar="SECONDS",
            help="Stop reading an input that takes "
            "longer than this and make it an error row (0: no limit). Needs a POSIX system.",
        ),
    ] = 60.0,
) -> None:
    """Score many resumes against one rubric: a ranking, one row per input."""
    with guarded():
        import dataclasses
        import datetime as dt

        from .batch.files import output_kind
        from .batch.inputs import collect_inputs
        from .batch.rows import BatchOptions
        from .batch.run import execute
        from .limits import DEFAULT_LIMITS, MIB
        from .profiles import profile_formats
        from .rubric.parse import load_rubric

        kind = output_kind(output)
        if resume and kind != "jsonl":
            fail(
                "--resume needs a .jsonl --output (other formats are written whole at the "
                "end, so there is nothing to resume)",
                ExitCode.USAGE,
            )
        if resume and (output is None or str(output) == "-"):
            fail("--resume needs --output FILE.jsonl", ExitCode.USAGE)
        if keep_filenames and not blind:
            fail("--keep-filenames only makes sense with --blind", ExitCode.USAGE)
        if profile_format is not None and profile_format not in profile_formats():
            fail(
                f"unknown --profile-format '{profile_format}'; choose one of: "
                f"{', '.join(profile_formats())}",
                ExitCode.USAGE,
            )
        when = dt.date.today()
        if as_of is not None:
            try:
                when = dt.date.fromisoformat(as_of)
            except ValueError:
                fail(f"--as-of must be a date like 2026-01-31, not '{as_of}'", ExitCode.USAGE)
        limits = DEFAULT_LIMITS
        if max_pages is not None:
            limits = dataclasses.replace(limits, max_pdf_pages=max_pages)
        if max_file_size is not None:
            limits = dataclasses.replace(limits, max_file_bytes=max_file_size * MIB)
        if max_docx_size is not None:
            limits = dataclasses.replace(limits, max_docx_uncompressed_bytes=max_docx_size * MIB)
        loaded_rubric = load_rubric(rubric)
        stdin_lines = sys.stdin if "-" in inputs else None
        items = collect_inputs(
            inputs,
            stdin=stdin_lines,
            exclude=[output] if output is not None and str(output) != "-" else [],
        )
        if not items:
            fail(
                "no input files found (folders are searched recursively; hidden files are skipped)",
                ExitCode.INPUT,
            )
        options = BatchOptions(
            blind=blind,
            keep_filenames=keep_filenames,
            as_of=when,
            limits=limits,
            profile_format=profile_format,
            report_json=kind in ("jsonl", "json"),
            timeout=timeout or None,
        )
        from .render import batch_formats

        workers = jobs or os.cpu_count() or 1
        with _batch_progress() as progress:
            result = execute(
                items,
                loaded_rubric,
                options,
                output=output,
                layout=batch_formats,
                jobs=workers,
                top=top,
                fail_under=fail_under,
                resume=resume,
                stream=sys.stdout,
                on_start=progress.start,
                on_row=progress.row,
            )
        tally = result.tally
        _batch_report(
            tally,
            top=top,
            output=output,
            resumed=result.resumed,
            repaired=result.repaired,
            fail_under=fail_under,
        )
        if tally.scored == 0:
            raise typer.Exit(int(ExitCode.INPUT))
        if tally.failed or tally.under:
            raise typer.Exit(int(ExitCode.CHECK_FAILED))


class _Progress:
    """A Rich progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self) -> None:
        self._bar: object | None = None
        self._task: object | None = None
        self._errors = 0

    def start(self, total: int, done: int) -> None:
        if not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        bar = Progress(
            TextColumn("scoring"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[errors]}"),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = bar.add_task("batch", total=total, completed=done, rate="", errors="")
        bar.start()
        self._bar = bar

    def row(self, row: object) -> None:
        if self._bar is None:
            return
        from rich.progress import Progress

        bar = self._bar
        assert isinstance(bar, Progress)
        if not getattr(row, "ok", True):
            self._errors += 1
        task = bar.tasks[0]
        rate = f"{task.speed:.0f} files/s" if task.speed else ""
        errors = f"{self._errors} failed" if self._errors else ""
        bar.update(task.id, advance=1, rate=rate, errors=errors)

    def stop(self) -> None:
        if self._bar is not None:
            from rich.progress import Progress

            bar = self._bar
            assert isinstance(bar, Progress)
            bar.stop()
            self._bar = None


@contextmanager
def _batch_progress() -> Iterator[_Progress]:
    progress = _Progress()
    try:
        yield progress
    finally:
        progress.stop()


def _batch_report(
    tally: object,
    *,
    top: int,
    output: Path | None,
    resumed: int,
    repaired: bool,
    fail_under: float | None,
) -> None:
    """The human summary on stderr: ranking, counts, the first few failures."""
    from .batch.tally import BatchTally
    from .render.batch_formats import render_ranking

    assert isinstance(tally, BatchTally)
    color = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    ranking = tally.ranking()
    if ranking and top > 0:
        sys.stderr.write(render_ranking(ranking, total=tally.scored, color=color, width=_width()))
    where = f" in {output}" if output is not None and str(output) != "-" else ""
    parts = [f"{tally.scored} scored", f"{tally.failed} failed"]
    if fail_under is not None:
        parts.append(f"{tally.under} under --fail-under {fail_under:g}")
    if resumed:
        parts.append(
            f"{resumed} already done from the earlier run"
            f"{' (its unfinished last line was dropped)' if repaired else ''}"
        )
    _stderr(f"skillgap: {', '.join(parts)}{where}")
    for message in tally.errors[:5]:
        _stderr(f"  failed: {message}")
    if len(tally.errors) > 5:
        _stderr(f"  ... and {tally.failed - 5} more (see the status and error columns)")


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
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help="Rubric files, or directories searched recursively for *.yaml and *.yml.",
            show_default=False,
        ),
    ],
    format: Annotated[
        ProblemFormatOption | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="text, json, or github (GitHub Actions annotations). Default: github when "
            "GITHUB_ACTIONS=true, else text.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings as well as errors.")
    ] = False,
    enable: Annotated[
        list[str] | None,
        typer.Option(
            "--enable",
            metavar="RULE",
            help="Also run this lint rule (repeatable), e.g. contained-form.",
            show_default=False,
        ),
    ] = None,
    disable: Annotated[
        list[str] | None,
        typer.Option(
            "--disable",
            metavar="RULE",
            help="Do not run this lint rule (repeatable).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check rubrics: YAML, schema, references and lint rules, each problem at file:line:col."""
    with guarded():
        from .lint.validate import ValidateOptions, select_rules, validate_paths
        from .render.problems import ProblemFormat, render_problems, summary

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
    name: Annotated[
        SchemaName | None,
        typer.Argument(metavar="rubric|profile|report", help="Which format.", show_default=False),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            metavar="DIR",
            help="Write <name>.schema.json into DIR instead of "
            "printing (all three schemas unless a name is given).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a rubric, a profile or a JSON report."""
    with guarded():
        from .schema import SCHEMAS, schema_text, write_schemas

        if write is None:
            if name is None:
                fail(
                    "name a schema: rubric, profile or report (or use --write DIR)", ExitCode.USAGE
                )
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
