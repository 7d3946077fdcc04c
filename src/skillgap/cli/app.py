"""The command-line application: the Typer app, exit codes, and the few habits every
command shares (one clear line on stderr per error, atomic outputs, colour and width).

Heavy modules (the matcher, pydantic models, renderers) are imported inside the
commands that need them, so ``skillgap --help`` starts fast.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

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


class _PlainArgument(typer.core.TyperArgument):
    """A positional argument shown as Unix tools show one: ``PROFILE``, ``[PATH]``,
    ``INPUT...`` in the usage line, and no Python type (``<list[str]>``) in the help."""

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        name = self.metavar or (self.name or "").upper()
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return [name if self.required else f"[{name}]"]

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class PlainGroup(typer.core.TyperGroup):
    """A command group whose commands show their arguments plainly (see above)."""

    def __init__(self, **attrs: object) -> None:
        super().__init__(**attrs)  # type: ignore[arg-type]
        for command in self.commands.values():
            for param in command.params:
                if type(param) is typer.core.TyperArgument:
                    # Same object, same state; only how it is shown changes.
                    param.__class__ = _PlainArgument


app = typer.Typer(
    name="skillgap",
    cls=PlainGroup,
    help="Measure the gap between a candidate and a role.\n\n"
    "A role is a YAML rubric (areas, weighted requirements, skills with aliases); a "
    "candidate is a profile or resume. skillgap finds the evidence for every "
    "requirement and reports the gaps, per area, with every point explained.\n\n"
    "Exit codes: 0 ok; 1 a check failed (--fail-under, validate problems, failed batch "
    "inputs); 2 usage error; 3 an input could not be read or parsed.",
    no_args_is_help=True,
    add_completion=True,
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


#: Errors of writing output (a full disk, a closed stream, a failing device), as
#: opposed to bugs: a command that prints as it goes meets them outside write_output.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EBADF, errno.EIO, errno.EDQUOT, errno.EFBIG})


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
    except OSError as exc:
        if exc.errno not in _WRITE_ERRORS:
            raise
        _silence_stdout()  # or the interpreter fails again flushing it at exit
        fail(f"cannot write to standard output: {exc.strerror or exc}", ExitCode.INPUT)
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


#: The narrowest and widest widths rendered at (a huge $COLUMNS would make every line,
#: and the memory for it, that long).
MIN_WIDTH, MAX_WIDTH = 60, 500


def terminal_width() -> int:
    """The width to render at: $COLUMNS, the terminal's, or 100 (60 to 500)."""
    import shutil

    columns = os.environ.get("COLUMNS")
    if columns and columns.isdigit() and len(columns) < 10:
        width = int(columns)
    elif sys.stdout.isatty():
        width = shutil.get_terminal_size((100, 24)).columns
    else:
        width = 100
    return max(MIN_WIDTH, min(MAX_WIDTH, width))


def _version_callback(value: bool) -> None:
    if value:
        from .._build import build_description

        typer.echo(f"skillgap {__version__} ({build_description()})")
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


class _ClosedStream(io.TextIOBase):
    """Standard output or error when the shell closed it (``>&-``): writing to it is an
    error, reported like any other, rather than an AttributeError on None."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed (>&-)")

    def isatty(self) -> bool:
        return False


def _prepare_streams() -> None:
    """Make the standard streams safe to use: a closed one becomes a stream whose writes
    fail cleanly, and one whose encoding cannot show every character (``PYTHONIOENCODING
    =ascii``, a legacy console) shows the rest escaped instead of failing."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, _ClosedStream())
            continue
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf16", "utf32") and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")


def main() -> None:
    """Console-script entry point."""
    _prepare_streams()
    try:
        app(prog_name="skillgap")
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (`| head`): end quietly
    except OSError as exc:
        # Writing help or the version failed (`--help > /dev/full`); commands report
        # their own output errors.
        _silence_stdout()
        with contextlib.suppress(OSError):
            stderr_line(f"skillgap: cannot write to standard output: {exc.strerror or exc}")
        raise SystemExit(int(ExitCode.INPUT)) from None  # as every output error


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
