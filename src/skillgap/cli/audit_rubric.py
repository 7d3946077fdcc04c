"""``skillgap audit-rubric``: counterfactual tests of a rubric (identity must not score)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..limits import DEFAULT_LIMITS, Limits
from ..render.formats import DiffFormat
from .app import ExitCode, app, guarded, stderr_line, terminal_width, use_color, write_output
from .options import (
    MaxFileSizeOption,
    MaxNodesOption,
    choice_metavar,
    choice_parser,
    format_for_output,
    parse_as_of,
    refuse_overwriting_inputs,
)


@app.command(
    name="audit-rubric",
    epilog="Each profile (the bundled synthetic resumes unless PROFILES are given) is "
    "varied in one identity signal at a time: names, pronouns, gendered words, women's "
    "colleges, graduation years, parental leave, citizenship, native language, address, "
    "and in DOCX a photo and a date of birth. Every score that moves is reported with the "
    "requirement and the evidence that moved it. A change that flows only from the dated "
    "work history (years of experience) is labelled legitimate; any other is "
    "identity-driven. See docs/fairness.md.\n\n"
    "Exit codes: 0 no identity-driven change; 1 an identity-driven change; 2 usage "
    "error; 3 the rubric or a profile could not be read.\n\n"
    "Examples:\n\n\b\n"
    "  skillgap audit-rubric principal-ml-engineer\n"
    "  skillgap audit-rubric my-role.yaml resumes/a.md resumes/b.docx\n"
    "  skillgap audit-rubric my-role.yaml --format json -o audit.json\n",
)
def audit_rubric(
    rubric: Annotated[
        str,
        typer.Argument(
            metavar="RUBRIC", help="Bundled rubric id or a rubric YAML file.", show_default=False
        ),
    ],
    profiles: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PROFILES",
            help="Resumes to vary (text, Markdown, PDF or DOCX). Default: the bundled "
            "synthetic resumes.",
            show_default=False,
        ),
    ] = None,
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
            "--output", "-o", metavar="FILE", help="Write the result to FILE instead of stdout."
        ),
    ] = None,
    family: Annotated[
        list[str] | None,
        typer.Option(
            "--family",
            metavar="ID",
            help="Run only this family of variants (repeatable): name, pronouns, "
            "gendered-words, college, graduation-year, parental-leave, nationality, "
            "language, address, photo, date-of-birth.",
            show_default=False,
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
    max_file_size: MaxFileSizeOption = DEFAULT_LIMITS.max_file_bytes / (1024 * 1024),
    max_nodes: MaxNodesOption = DEFAULT_LIMITS.max_nodes,
) -> None:
    """Test a rubric with counterfactual resumes: identity must never move a score."""
    with guarded():
        from ..fairness import audit_rubric as run_audit
        from ..fairness import bundled_profiles, read_profile
        from ..render import RenderOptions
        from ..render.fairness import render_audit, verdict
        from ..rubric.parse import load_rubric

        chosen = format_for_output(format, output, DiffFormat, DiffFormat.TERMINAL)
        given = profiles or []
        refuse_overwriting_inputs(output, *given)
        when = parse_as_of(as_of)
        limits = Limits.from_options(max_file_mb=max_file_size, max_nodes=max_nodes)
        loaded = load_rubric(rubric, limits=limits)
        sources = [read_profile(p, limits=limits) for p in given] if given else bundled_profiles()
        result = run_audit(loaded, sources, as_of=when, limits=limits, families=family)
        options = RenderOptions(color=use_color(output), width=terminal_width())
        write_output(render_audit(result, chosen, options), output)
        if chosen is not DiffFormat.TERMINAL or (output is not None and str(output) != "-"):
            stderr_line(verdict(result))
        if not result.passed:
            raise typer.Exit(int(ExitCode.CHECK_FAILED))
