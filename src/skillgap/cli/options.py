"""Options and arguments several commands share, and turning them into library values."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from ..errors import UsageError


def _complete_rubric(incomplete: str) -> list[str]:
    """Shell completion of --rubric: the bundled rubric ids (the shell adds file names)."""
    from ..rubric.bundled import bundled_rubric_ids

    return [r for r in bundled_rubric_ids() if r.startswith(incomplete)]


#: ``--rubric`` given any number of times (``skillgap batch``: several roles in one pass).
RubricsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--rubric",
        "-r",
        metavar="ID|PATH",
        autocompletion=_complete_rubric,
        help="Bundled rubric id, rubric YAML file, or folder of rubric files; give it "
        "again to score every resume against several roles in one pass (one row per "
        "resume and rubric). Default: principal-ml-engineer.",
        show_default=False,
    ),
]


def complete_ladder(incomplete: str) -> list[str]:
    """Shell completion of --ladder: the bundled ladder ids."""
    from ..rubric.bundled import bundled_ladder_ids

    return [r for r in bundled_ladder_ids() if r.startswith(incomplete)]


RubricOption = Annotated[
    str | None,
    typer.Option(
        "--rubric",
        "-r",
        metavar="ID|PATH",
        autocompletion=_complete_rubric,
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
        max=1_000_000,
        help="Refuse input files larger than this many megabytes.",
    ),
]


TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0,
        max=1_000_000,
        metavar="SECONDS",
        help="Stop reading an input that takes longer than this (0: no limit). Needs a "
        "POSIX system.",
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


MaxDocxSizeOption = Annotated[
    int | None,
    typer.Option(
        "--max-docx-size",
        min=1,
        max=1_000_000,
        metavar="MB",
        help="Largest unpacked size of a DOCX, in MB (default 200).",
    ),
]


MaxPagesOption = Annotated[
    int,
    typer.Option("--max-pages", metavar="N", min=1, help="Read at most this many pages of a PDF."),
]


def parse_as_of(text: str | None) -> dt.date | None:
    """The ``--as-of`` date (None when not given); a usage error when it is not a date."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of must be a date like 2026-01-31, not '{text}'") from None


__all__ = [
    "MaxFileSizeOption",
    "MaxNodesOption",
    "MaxPagesOption",
    "MaxTextOption",
    "RubricOption",
    "RubricsOption",
    "parse_as_of",
]


#: What an output file's extension says about its format ('.txt': the terminal text).
_FORMAT_BY_SUFFIX = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "terminal",
}

_F = TypeVar("_F", bound=enum.Enum)


def choice_parser(choices: type[_F]) -> Callable[[str | _F], _F]:
    """A parser for an option whose values are ``choices`` (any case), refusing others in
    plain words: "'yaml' is not one of: terminal, json, markdown, html"."""

    def parse(value: str | _F) -> _F:
        if isinstance(value, choices):
            return value
        wanted = str(value).strip().lower()
        for choice in choices:
            if str(choice.value).lower() == wanted:
                return choice
        names = ", ".join(str(c.value) for c in choices)
        raise typer.BadParameter(f"'{value}' is not one of: {names}")

    return parse


def choice_metavar(choices: type[enum.Enum]) -> str:
    """``terminal|json|markdown|html``: the values, for the help."""
    return "|".join(str(c.value) for c in choices)


def format_for_output(given: _F | None, output: Path | None, formats: type[_F], default: _F) -> _F:
    """The output format: as given, else as the output's extension says (``-o
    report.html`` is HTML), else ``default``. A format that contradicts a known extension
    is refused rather than written under a misleading name.

    >>> from skillgap.render.formats import OutputFormat as F
    >>> format_for_output(None, Path("r.html"), F, F.TERMINAL).value
    'html'
    >>> format_for_output(F.JSON, Path("r.out"), F, F.TERMINAL).value
    'json'
    """
    implied_name = _FORMAT_BY_SUFFIX.get(output.suffix.lower()) if output else None
    implied = next((f for f in formats if f.value == implied_name), None)
    if given is None:
        return implied if implied is not None else default
    if implied is not None and implied is not given and str(output) != "-":
        raise UsageError(
            f"--format {given.value} but --output '{output}' is named as a "
            f"{implied.value} file; drop --format (the extension decides) or rename the file"
        )
    return given


def refuse_overwriting_inputs(output: Path | None, *inputs: Path) -> None:
    """Refuse an output that is one of the command's inputs (``analyze r.md -o r.md``)."""
    if output is None or str(output) == "-" or not output.exists():
        return
    for given in inputs:
        try:
            same = given.exists() and output.samefile(given)
        except OSError:
            same = False
        if same:
            raise UsageError(
                f"--output '{output}' is the input '{given}': writing would destroy it; "
                "choose another file"
            )
