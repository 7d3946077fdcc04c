"""Options and arguments several commands share, and turning them into library values."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ..errors import UsageError

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
    "parse_as_of",
]
