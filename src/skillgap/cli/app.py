"""The command-line application: the Typer app, exit codes, and the few habits every
command shares (one clear line on stderr per error, atomic outputs, colour and width).

Heavy modules (the matcher, pydantic models, renderers) are imported inside the
commands that need them, so ``skillgap --help`` starts fast.
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

from .._version import __version__
from ..errors import OutputError, SkillgapError


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


def stderr_line(message: str) -> None:
    """Write one line to stderr, with control characters removed."""
    from ..text import clean_text

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
    stderr_line(f"skillgap: {message}")
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
        stderr_line("skillgap: interrupted")
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
    from ..io.write import write_atomic

    write_atomic(output, text)


def use_color(output: Path | None) -> bool:
    """Colour on stdout: only to a terminal, unless NO_COLOR, TERM=dumb or FORCE_COLOR."""
    if output is not None and str(output) != "-":
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def terminal_width() -> int:
    """The width to render at: $COLUMNS, the terminal's, or 100 (never under 60)."""
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


# --------------------------------------------------------------------------- rubrics


# ---- assess ----


# ---- diff ----


# ---- batch ----


# ---- validate ----


# ---- schema ----


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = [
    "ExitCode",
    "app",
    "fail",
    "guarded",
    "main",
    "stderr_line",
    "terminal_width",
    "use_color",
    "write_output",
]
