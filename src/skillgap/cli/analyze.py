"""``skillgap analyze``: one candidate against a rubric; ``skillgap rubrics``: what ships."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, DEFAULT_TIMEOUT, Deadline, Limits, TimeLimitExceeded
from ..render.formats import OutputFormat
from .app import ExitCode, app, fail, guarded, stderr_line, terminal_width, use_color, write_output
from .options import (
    MaxDocxSizeOption,
    MaxFileSizeOption,
    MaxNodesOption,
    MaxPagesOption,
    MaxTextOption,
    RubricOption,
    TimeoutOption,
    choice_metavar,
    choice_parser,
    complete_ladder,
    format_for_output,
    parse_as_of,
    refuse_overwriting_inputs,
)


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
            help="Profile or resume: skillgap YAML/JSON, JSON Resume, text, Markdown, PDF or DOCX.",
            show_default=False,
        ),
    ],
    rubric: RubricOption = None,
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
            "text, markdown, pdf, docx.",
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
            autocompletion=complete_ladder,
            help="Also place the candidate on a career ladder (e.g. ml-engineer): the highest "
            "level fully met, the next one and the gap to it. Without --rubric the report is "
            "against the ladder's top level. See 'skillgap rubrics'.",
        ),
    ] = None,
    details: Annotated[
        bool,
        typer.Option(
            "--details",
            help="In the terminal report, every requirement with its evidence (the "
            "default is one screen: scores, verdict, blocking and top gaps).",
        ),
    ] = False,
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
    max_docx_size: MaxDocxSizeOption = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
) -> None:
    """Measure one candidate against a rubric and report the gaps per area."""
    with guarded():
        from ..analysis import analyze as run_analysis
        from ..profiles.load import load_profile
        from ..render import RenderOptions, render
        from ..rubric.parse import load_rubric

        chosen = format_for_output(format, output, OutputFormat, OutputFormat.TERMINAL)
        refuse_overwriting_inputs(output, profile)
        if output is not None and str(output) != "-":
            from ..io.write import check_writable

            check_writable(output)
        when = parse_as_of(as_of)
        limits = Limits.from_options(
            max_file_mb=max_file_size,
            max_text_chars=max_text,
            max_nodes=max_nodes,
            max_pdf_pages=max_pages,
            max_docx_mb=max_docx_size,
        )
        loaded_ladder = None
        if ladder is not None:
            from ..rubric.ladder import load_ladder

            loaded_ladder = load_ladder(ladder, limits=limits)
        if rubric is None and loaded_ladder is not None:
            loaded_rubric = loaded_ladder.rubrics[-1]
        else:
            loaded_rubric = load_rubric(rubric, limits=limits)
        deadline = Deadline(timeout)
        try:
            try:
                deadline.start()
                loaded_profile = load_profile(profile, format=profile_format, limits=limits)
                report = run_analysis(
                    loaded_profile, loaded_rubric, blind=blind, as_of=when, ladder=loaded_ladder
                )
            finally:
                deadline.cancel()
        except TimeLimitExceeded:
            deadline.cancel()  # again: the alarm may have cut the first cancel short
            raise InputError(
                f"took longer than {timeout:g} s to read and score, so it was stopped; "
                "raise the limit with --timeout if the file is genuine",
                path=profile,
            ) from None
        for warning in loaded_profile.warnings:
            # Also in the report; said here too, so a JSON read leniently or a text cut
            # short is noticed when the report goes to a file.
            stderr_line(f"skillgap: {profile}: warning: {warning}")
        options = RenderOptions(
            color=use_color(output), width=terminal_width(), plan=plan, details=details
        )
        write_output(render(report, chosen, options), output)
        if output is not None and str(output) != "-":
            stderr_line(f"wrote {output}: {report.overall.score:.1f}/100, {report.overall.verdict}")
        if fail_under is not None and report.overall.score < fail_under:
            fail(
                f"score {report.overall.score:.1f} is under --fail-under {fail_under:g}",
                ExitCode.CHECK_FAILED,
            )


@app.command(epilog="Example:\n\n\b\n  skillgap rubrics\n")
def rubrics() -> None:
    """List the bundled rubrics (and what each extends) and the career ladders."""
    with guarded():
        from ..rubric.catalogue import bundled_ladders, bundled_rubrics

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
