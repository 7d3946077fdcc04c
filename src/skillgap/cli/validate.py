"""``skillgap validate``: check rubric files in CI; ``skillgap schema``: JSON Schemas."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..limits import DEFAULT_LIMITS, DEFAULT_TIMEOUT, Limits
from ..render.formats import ProblemFormat
from ..schema import SchemaName
from .app import ExitCode, app, fail, guarded, stderr_line, write_output
from .options import MaxFileSizeOption, MaxNodesOption, TimeoutOption


@app.command(
    epilog="Exit codes: 0 no problems; 1 errors (or warnings, with --strict); 2 usage "
    "error; 3 a path could not be read.\n\n"
    "Lint rules are listed with examples in docs/lint-rules.md. Silence one in the "
    "file with a comment: '# skillgap: disable=RULE'.\n\n"
    "Fairness rules (stage 'fairness': age-proxy, national-origin-proxy, culture-fit, "
    "named-school-must-have, physical-requirement, gendered-wording) warn about wording "
    "that stands in for a protected attribute; switch them off and silence them like "
    "lint rules.\n\n"
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
        ProblemFormat | None,
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
    max_file_size: MaxFileSizeOption = DEFAULT_LIMITS.max_file_bytes / (1024 * 1024),
    max_nodes: MaxNodesOption = DEFAULT_LIMITS.max_nodes,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
) -> None:
    """Check rubrics: YAML, schema, references and lint rules, each problem at file:line:col."""
    with guarded():
        from ..lint.validate import ValidateOptions, select_rules, validate_paths
        from ..render.problems import render_problems, summary

        if format is None:
            on_github = os.environ.get("GITHUB_ACTIONS") == "true"
            chosen = ProblemFormat.GITHUB if on_github else ProblemFormat.TEXT
        else:
            chosen = format
        rules = select_rules(enable=enable or (), disable=disable or ())
        limits = Limits.from_options(max_file_mb=max_file_size, max_nodes=max_nodes)
        result = validate_paths(
            paths, ValidateOptions(rules=rules, limits=limits, timeout=timeout or None)
        )
        write_output(render_problems(result.problems, chosen, files=result.files), None)
        stderr_line(summary(result.problems, files=result.files, strict=strict))
        code = result.exit_code(strict=strict)
        if code:
            raise typer.Exit(code)


@app.command(
    epilog="Examples:\n\n\b\n"
    "  skillgap schema rubric > rubric.schema.json\n"
    "  skillgap schema report\n"
    "  skillgap schema --write schema/     (regenerate the committed schemas)\n",
)
def schema(
    name: Annotated[
        SchemaName | None,
        typer.Argument(
            metavar="rubric|profile|report|audit", help="Which format.", show_default=False
        ),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            metavar="DIR",
            help="Write <name>.schema.json into DIR instead of "
            "printing (every schema unless a name is given).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a rubric, a profile, a JSON report or a
    fairness audit."""
    with guarded():
        from ..schema import SCHEMAS, schema_text, write_schemas

        if write is None:
            if name is None:
                fail(
                    "name a schema: rubric, profile, report or audit (or use --write DIR)",
                    ExitCode.USAGE,
                )
            write_output(schema_text(name.value), None)
            return
        if not write.is_dir():
            fail(f"--write {write}: not a directory", ExitCode.USAGE)
        names = (name.value,) if name is not None else tuple(SCHEMAS)
        for path in write_schemas(write, names):
            stderr_line(f"wrote {path}")
