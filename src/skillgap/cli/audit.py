"""``skillgap audit``: the fairness audit of a batch's scores against a groups file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..render.formats import OutputFormat
from .app import ExitCode, app, fail, guarded, stderr_line, terminal_width, use_color, write_output
from .options import choice_metavar, choice_parser, format_for_output, refuse_overwriting_inputs


@app.command(
    epilog="Examples:\n\n\b\n"
    "  skillgap audit results.jsonl --groups groups.csv\n"
    "  skillgap audit ranking.csv --groups groups.csv --selected top:50 -o audit.html\n"
    "  skillgap audit results.json --groups groups.csv --category sex -f json "
    "--fail-on-flag\n"
    "  skillgap audit roles.jsonl --groups groups.csv --rubric staff-ml-engineer\n\n"
    "Selection: 'median' (default; scored strictly above the median of all scored rows, "
    "the scoring rate of NYC Local Law 144), 'top:N' (the first N of the batch's ranking) "
    "or 'score:X' (overall score at least X). Categories under 2% of the known labels "
    "are reported but left out of the ratios; ratios under 0.8 are flagged. "
    "docs/fairness.md explains every number. Exit codes: 0 done; 1 --fail-on-flag and a "
    "ratio is flagged; 2 usage error; 3 a file could not be read.",
)
def audit(
    results: Annotated[
        Path,
        typer.Argument(
            metavar="RESULTS",
            help="The output of 'skillgap batch': .jsonl, .csv, .json or .parquet.",
            show_default=False,
        ),
    ],
    groups: Annotated[
        Path,
        typer.Option(
            "--groups",
            "-g",
            metavar="GROUPS.csv",
            help="CSV of each candidate's categories: a join column (id, sha256 or file) "
            "and one column per category (e.g. sex, race_ethnicity).",
            show_default=False,
        ),
    ],
    selected: Annotated[
        str,
        typer.Option(
            "--selected",
            metavar="median|top:N|score:X",
            help="Who counts as selected.",
        ),
    ] = "median",
    join: Annotated[
        str | None,
        typer.Option(
            "--join",
            metavar="COLUMN",
            help="The groups column to join on (default: the one named id, sha256 or file).",
        ),
    ] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category",
            "-c",
            metavar="COLUMN",
            help="Audit only this category column (repeat for more). Default: every column "
            "but the join column.",
        ),
    ] = None,
    unknown: Annotated[
        list[str] | None,
        typer.Option(
            "--unknown",
            metavar="LABEL",
            help="Also read this label as unknown (repeatable); empty, 'unknown', 'prefer "
            "not to say' and the like always are.",
        ),
    ] = None,
    rubric: Annotated[
        str | None,
        typer.Option(
            "--rubric",
            "-r",
            metavar="ID",
            help="Audit the rows of this rubric (by id) in the output of a batch of "
            "several rubrics.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: as --output's extension says (.json, .md, "
            ".html, .txt), else terminal.",
            parser=choice_parser(OutputFormat),
            metavar=choice_metavar(OutputFormat),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the audit to FILE instead of stdout."
        ),
    ] = None,
    fail_on_flag: Annotated[
        bool,
        typer.Option(
            "--fail-on-flag",
            help="Exit 1 if any impact ratio is flagged (for CI).",
        ),
    ] = False,
) -> None:
    """Audit a batch for adverse impact: selection rates and impact ratios per category."""
    with guarded():
        from ..audit import AuditOptions, SelectionRule, run_audit
        from ..render import RenderOptions
        from ..render.audit import render_audit

        chosen = format_for_output(format, output, OutputFormat, OutputFormat.TERMINAL)
        options = AuditOptions(
            selection=SelectionRule.parse(selected),
            join=join,
            categories=tuple(category or ()),
            unknown=tuple(unknown or ()),
            rubric=rubric,
        )
        refuse_overwriting_inputs(output, results, groups)
        if output is not None and str(output) != "-":
            from ..io.write import check_writable

            check_writable(output)
        report = run_audit(results, groups, options)
        render_options = RenderOptions(color=use_color(output), width=terminal_width())
        write_output(render_audit(report, chosen, render_options), output)
        if output is not None and str(output) != "-":
            stderr_line(
                f"wrote {output}: {report.flagged} flagged impact "
                f"ratio{'s' if report.flagged != 1 else ''}"
            )
        if fail_on_flag and report.flagged:
            flagged = "; ".join(
                f"{column.name}: {', '.join(column.flagged)}"
                for column in report.columns
                if column.flagged
            )
            fail(
                f"{report.flagged} impact ratio{'s' if report.flagged != 1 else ''} under "
                f"{report.settings.flag_below:g} ({flagged})",
                ExitCode.CHECK_FAILED,
            )
