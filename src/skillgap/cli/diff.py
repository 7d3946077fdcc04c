"""``skillgap diff``: progress between two JSON reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..limits import DEFAULT_LIMITS, Limits
from ..render.formats import DiffFormat
from .app import app, guarded, terminal_width, use_color, write_output
from .options import (
    MaxFileSizeOption,
    MaxNodesOption,
    choice_metavar,
    choice_parser,
    format_for_output,
    refuse_overwriting_inputs,
)


@app.command(
    epilog="Exit codes: 0 compared; 2 the reports are for different rubrics (id, version or "
    "content) and --any-rubric was not given; 3 a report could not be read.\n\n"
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
        DiffFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: as --output's extension says (.json, .md, "
            ".txt), else terminal.",
            parser=choice_parser(DiffFormat),
            metavar=choice_metavar(DiffFormat),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the diff to FILE instead of stdout."
        ),
    ] = None,
    max_file_size: MaxFileSizeOption = DEFAULT_LIMITS.max_file_bytes / (1024 * 1024),
    max_nodes: MaxNodesOption = DEFAULT_LIMITS.max_nodes,
    force: Annotated[
        bool,
        typer.Option(
            "--any-rubric",
            help="Compare reports scored against different rubrics anyway (areas "
            "and requirements matched by id).",
        ),
    ] = False,
) -> None:
    """Show progress between two JSON reports: overall and per-area change, requirements
    newly met or lost, skills newly evidenced or lost."""
    with guarded():
        from ..render import RenderOptions
        from ..render.diff import render_diff
        from ..report.diff import diff_reports, load_report

        chosen = format_for_output(format, output, DiffFormat, DiffFormat.TERMINAL)
        refuse_overwriting_inputs(output, old, new)
        limits = Limits.from_options(max_file_mb=max_file_size, max_nodes=max_nodes)
        result = diff_reports(
            load_report(old, limits=limits),
            load_report(new, limits=limits),
            force=force,
            old_name=str(old),
            new_name=str(new),
        )
        options = RenderOptions(color=use_color(output), width=terminal_width())
        write_output(render_diff(result, chosen, options), output)
