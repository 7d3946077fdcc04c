"""``skillgap draft``: a rubric drafted from a job posting, for a person to review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..limits import DEFAULT_LIMITS
from .app import app, guarded, stderr_line, write_output
from .options import MaxFileSizeOption


@app.command(
    epilog="Examples:\n\n\b\n"
    "  skillgap draft posting.txt -o rubrics/data-engineer.yaml\n"
    "  skillgap draft posting.html --dry-run\n"
    "  skillgap draft posting.pdf -o role.yaml --title 'Data Engineer' --force\n",
)
def draft(
    posting: Annotated[
        Path,
        typer.Argument(
            metavar="POSTING", help="The job posting: text, Markdown, HTML, PDF or DOCX."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the draft to FILE (refused if it exists, unless --force). Default: "
            "standard output.",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Print the draft to standard output; write nothing."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
    ] = False,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", metavar="TEXT", help="The role's title. Default: the posting's first line."
        ),
    ] = None,
    rubric_id: Annotated[
        str | None,
        typer.Option("--id", metavar="SLUG", help="The rubric's id. Default: the title as a slug."),
    ] = None,
    schema: Annotated[
        str,
        typer.Option(
            "--schema",
            metavar="PATH|URL",
            help="Where the '# yaml-language-server: $schema=' comment points.",
        ),
    ] = "../schema/rubric.schema.json",
    max_file_size: MaxFileSizeOption = DEFAULT_LIMITS.max_file_bytes / (1024 * 1024),
) -> None:
    """Draft a rubric from a job posting: headings become areas, lines requirements, with
    the skills the knowledge base recognises, years, degrees and must-haves.

    Every guess is marked with a '# GUESS:' or '# CHECK:' comment to review; the draft
    validates with 'skillgap validate'. See docs/drafting.md.
    """
    with guarded():
        from ..draft import draft_file
        from ..errors import UsageError
        from ..limits import Limits
        from .options import refuse_overwriting_inputs

        if rubric_id is not None:
            import re

            from ..rubric.model import SLUG_PATTERN

            if not re.match(SLUG_PATTERN, rubric_id):
                raise UsageError(
                    f"--id '{rubric_id}' is not a slug (lowercase letters, digits, hyphens)"
                )
        writing = output is not None and str(output) != "-" and not dry_run
        if writing and output is not None:
            refuse_overwriting_inputs(output, posting)
            if output.exists() and not force:
                raise UsageError(
                    f"{output} already exists; choose another file or add --force to overwrite it"
                )
        result = draft_file(
            posting,
            title=title,
            rubric_id=rubric_id,
            schema=schema,
            limits=Limits.from_options(max_file_mb=max_file_size),
        )
        write_output(result.text, output if writing else None)
        requirements = sum(1 for _ in result.rubric.iter_requirements())
        where = f" to {output}" if writing else ""
        areas, skills, notes = len(result.rubric.areas), len(result.skills), result.notes
        stderr_line(
            f"skillgap: drafted {_count(areas, 'area')}, {_count(requirements, 'requirement')}"
            f" and {_count(skills, 'skill')}{where}; review its {notes} GUESS and CHECK "
            f"comment{'' if notes == 1 else 's'}"
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


__all__ = ["draft"]
