"""``skillgap batch``: many resumes against one rubric or several, a ranking and one row
per input (and rubric).

Progress goes to stderr as a Rich bar when stderr is a terminal; the ranking and the
counts go to stderr at the end; results go to ``--output`` (or JSON Lines to stdout).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..limits import DEFAULT_LIMITS, DEFAULT_TIMEOUT, Limits
from .app import ExitCode, app, fail, guarded, stderr_line, terminal_width
from .options import (
    MaxDocxSizeOption,
    MaxNodesOption,
    MaxTextOption,
    RubricsOption,
    TimeoutOption,
    parse_as_of,
)

if TYPE_CHECKING:
    from rich.progress import Progress

    from ..batch.rows import BatchRow
    from ..batch.tally import BatchTally


@app.command(
    epilog="Examples:\n\n\b\n"
    "  skillgap batch resumes/ --output ranking.csv\n"
    "  skillgap batch 'inbox/**/*.pdf' --output results.jsonl --jobs 4\n"
    "  skillgap batch resumes/ -o results.jsonl --resume      # after a killed run\n"
    "  find . -name '*.docx' | skillgap batch - --blind -o blind.csv\n\n"
    "  skillgap batch 's3://bucket/inbox/*.pdf' -o s3://bucket/ranking.parquet\n"
    "  skillgap batch resumes/ -r mid.yaml -r senior.yaml -o ranking.csv   # two roles\n"
    "  skillgap batch 's3://bucket/inbox/' --cluster tcp://scheduler:8786 -o ranking.csv\n\n"
    "The output format follows the extension: .csv (one row per input), .jsonl (one "
    "full report per line, in completion order, written as each input finishes), "
    ".json and .md (the whole batch, sorted), .parquet (one typed row per input, sorted; "
    "needs pyarrow). CSV and JSONL get an audit sidecar "
    "FILE.meta.json. Without --output, JSON Lines go to stdout. Inputs and --output may "
    "be URLs (needs fsspec and the filesystem's package). Exit codes: 0 every "
    "input scored; 1 some inputs failed or scored under --fail-under; 3 nothing "
    "could be read.",
)
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Resume files, folders (searched recursively; hidden files "
            "skipped), glob patterns, URLs (s3://, gs://, az://, file://, ... through "
            "fsspec), or - to read paths from stdin.",
            show_default=False,
        ),
    ],
    rubric: RubricsOption = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write results to FILE: .csv, .jsonl, .json, .md or .parquet (a path, or a "
            "URL such as s3://bucket/ranking.csv).",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            max=256,
            metavar="N",
            help="Worker processes (default: the number of CPU cores).",
        ),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            metavar="ADDRESS",
            help="Score on a Dask cluster: a scheduler's address (tcp://host:8786), or "
            "'local' for a local cluster of --jobs worker processes. Needs "
            "pip install 'skillgap[dask]'.",
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=0, metavar="N", help="Rows in the ranking shown on stderr.")
    ] = 10,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            metavar="SCORE",
            min=0,
            max=100,
            help="Exit 1 if any candidate scores below SCORE (0-100).",
        ),
    ] = None,
    blind: Annotated[
        bool,
        typer.Option(
            "--blind",
            help="Remove names, e-mail, phone, links and addresses from every "
            "output; identify candidates by an id derived from the file's content. Scores are "
            "identical.",
        ),
    ] = False,
    keep_filenames: Annotated[
        bool, typer.Option("--keep-filenames", help="With --blind, still show file names.")
    ] = False,
    lean: Annotated[
        bool,
        typer.Option(
            "--lean",
            help="In .jsonl and .json outputs, reports without quoted evidence: the same "
            "scores, statuses and gaps, a fraction of the size.",
        ),
    ] = False,
    key: Annotated[
        str | None,
        typer.Option(
            "--key",
            metavar="FILE",
            help="With --blind, write which file each id is to FILE (CSV: id, sha256, path, "
            "status), kept apart from the blind outputs; extended with --resume.",
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue an interrupted run: skip inputs already in the .jsonl "
            "output (same path and content).",
        ),
    ] = False,
    profile_format: Annotated[
        str | None,
        typer.Option(
            "--profile-format",
            metavar="FORMAT",
            help="Read every input as this format instead of detecting it.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Date that 'present' means in work history (default: today; a resumed run "
            "keeps the first run's date).",
        ),
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option(
            "--max-pages",
            min=1,
            metavar="N",
            help="Most PDF pages read from one file (default 500).",
        ),
    ] = None,
    max_file_size: Annotated[
        int | None,
        typer.Option(
            "--max-file-size",
            min=1,
            metavar="MB",
            help="Largest input file read, in MB (default 20).",
        ),
    ] = None,
    max_docx_size: MaxDocxSizeOption = None,
    max_text: MaxTextOption = DEFAULT_LIMITS.max_text_chars,
    max_nodes: MaxNodesOption = DEFAULT_LIMITS.max_nodes,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
) -> None:
    """Score many resumes against one rubric or several: a ranking, one row per input
    (and rubric)."""
    with guarded():
        from ..batch.files import output_kind
        from ..batch.inputs import collect_inputs, missing_argument
        from ..batch.rows import BatchOptions
        from ..batch.rubrics import load_rubrics
        from ..batch.run import execute
        from ..batch.urls import is_url, redact_url
        from ..profiles.load import profile_formats
        from ..render import batch_formats

        kind = output_kind(output)
        if resume and kind != "jsonl":
            fail(
                "--resume needs a .jsonl --output (other formats are written whole at the "
                "end, so there is nothing to resume)",
                ExitCode.USAGE,
            )
        if resume and (output is None or str(output) == "-"):
            fail("--resume needs --output FILE.jsonl", ExitCode.USAGE)
        if keep_filenames and not blind:
            fail("--keep-filenames only makes sense with --blind", ExitCode.USAGE)
        if lean and kind not in ("jsonl", "json"):
            fail(
                "--lean changes only .jsonl and .json outputs (CSV and Markdown rows "
                "carry no evidence anyway)",
                ExitCode.USAGE,
            )
        if key is not None and not blind:
            fail(
                "--key only makes sense with --blind (without it, every row shows its file)",
                ExitCode.USAGE,
            )
        if key is not None and is_url(key):
            fail("--key must be a local file (it names the files behind the ids)", ExitCode.USAGE)
        target: Path | str | None = (
            output if output is None or is_url(output) or output == "-" else Path(output)
        )
        key_path = Path(key) if key is not None else None
        if profile_format is not None and profile_format not in profile_formats():
            fail(
                f"unknown --profile-format '{profile_format}'; choose one of: "
                f"{', '.join(profile_formats())}",
                ExitCode.USAGE,
            )
        when = parse_as_of(as_of) or dt.date.today()
        limits = Limits.from_options(
            max_file_mb=max_file_size,
            max_pdf_pages=max_pages,
            max_docx_mb=max_docx_size,
            max_text_chars=max_text,
            max_nodes=max_nodes,
        )
        loaded_rubrics = load_rubrics(rubric)
        # Paths from stdin are bytes: a name that is not UTF-8 is kept as the OS gives it.
        raw = getattr(sys.stdin, "buffer", None)
        stdin_lines = (
            None
            if "-" not in inputs
            else sys.stdin
            if raw is None
            else (os.fsdecode(line) for line in raw)
        )
        # A path named on the command line that does not exist is a typo: say so now,
        # before any output is made (paths read from stdin become error rows).
        for argument in inputs:
            missing = missing_argument(argument)
            if missing is not None:
                fail(missing, ExitCode.INPUT)
        items = collect_inputs(
            inputs,
            stdin=stdin_lines,
            exclude=[p for p in (target, key_path) if p is not None and str(p) != "-"],
        )
        if not items:
            fail(
                "no input files found (folders are searched recursively; hidden files are skipped)",
                ExitCode.INPUT,
            )
        options = BatchOptions(
            blind=blind,
            keep_filenames=keep_filenames,
            as_of=when,
            limits=limits,
            profile_format=profile_format,
            report_json=kind in ("jsonl", "json"),
            lean=lean,
            timeout=timeout or None,
            skill_lists=kind == "parquet",
        )
        workers = jobs or os.cpu_count() or 1
        with _batch_progress() as progress:
            result = execute(
                items,
                loaded_rubrics,
                options,
                output=target,
                layout=batch_formats,
                jobs=workers,
                top=top,
                fail_under=fail_under,
                resume=resume,
                key=key_path,
                cluster=cluster,
                stream=sys.stdout,
                on_start=progress.start,
                on_row=progress.row,
            )
        tally = result.tally
        _batch_report(
            tally,
            top=top,
            output=None if output is None else redact_url(output),
            resumed=result.resumed,
            repaired=result.repaired,
            fail_under=fail_under,
            blind_ids=blind and not keep_filenames,
            key=key_path,
        )
        if tally.scored == 0:
            raise typer.Exit(int(ExitCode.INPUT))
        if tally.failed or tally.under:
            raise typer.Exit(int(ExitCode.CHECK_FAILED))


class _Progress:
    """A Rich progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self) -> None:
        self._bar: Progress | None = None
        self._errors = 0

    def start(self, total: int, done: int) -> None:
        if not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        bar = RichProgress(
            TextColumn("scoring"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[errors]}"),
            console=Console(stderr=True),
            transient=True,
        )
        bar.add_task("batch", total=total, completed=done, rate="", errors="")
        bar.start()
        self._bar = bar

    def row(self, row: BatchRow) -> None:
        bar = self._bar
        if bar is None:
            return
        if not row.ok:
            self._errors += 1
        task = bar.tasks[0]
        rate = f"{task.speed:.0f} files/s" if task.speed else ""
        errors = f"{self._errors} failed" if self._errors else ""
        bar.update(task.id, advance=1, rate=rate, errors=errors)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


@contextmanager
def _batch_progress() -> Iterator[_Progress]:
    progress = _Progress()
    try:
        yield progress
    finally:
        progress.stop()


def _batch_report(
    tally: BatchTally,
    *,
    top: int,
    output: str | None,
    resumed: int,
    repaired: bool,
    fail_under: float | None,
    blind_ids: bool = False,
    key: Path | None = None,
) -> None:
    """The human summary on stderr: ranking, counts, the first few failures (and, in
    blind mode, where the file behind an id is found)."""
    from ..render.batch_formats import render_ranking

    color = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    for rubric, scored, ranking in tally.rankings():
        if ranking and top > 0:
            sys.stderr.write(
                render_ranking(
                    ranking, total=scored, color=color, width=terminal_width(), rubric=rubric
                )
            )
    where = f" in {output}" if output is not None and str(output) != "-" else ""
    parts = [f"{tally.scored} scored", f"{tally.failed} failed"]
    if len(tally.rubrics) > 1:
        inputs = len(tally.inputs)
        parts = [f"{inputs} inputs × {len(tally.rubrics)} rubrics: {', '.join(parts)}"]
    if fail_under is not None:
        parts.append(f"{tally.under} under --fail-under {fail_under:g}")
    if resumed:
        parts.append(
            f"{resumed} already done from the earlier run"
            f"{' (its unfinished last line was dropped)' if repaired else ''}"
        )
    stderr_line(f"skillgap: {', '.join(parts)}{where}")
    for message in tally.errors[:5]:
        stderr_line(f"  failed: {message}")
    if len(tally.errors) > 5:
        stderr_line(f"  ... and {tally.failed - 5} more (see the status and error columns)")
    if blind_ids and key is not None:
        stderr_line(f"skillgap: which file each id is: {key} (keep it away from reviewers)")
    elif blind_ids and tally.errors:
        stderr_line(
            "skillgap: an id is c- and the first 12 hex digits of the file's sha256 "
            "(sha256sum FILE); --key FILE writes which file each id is"
        )
