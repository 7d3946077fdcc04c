"""A whole batch: resume what an earlier run left, score the rest, write and audit (to a
local file, or to a URL through a local one)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import OutputError, UsageError
from ..io.write import check_writable
from ..rubric.model import Rubric
from .files import output_kind
from .inputs import BatchInput
from .key import read_key, write_key
from .pool import as_rubrics, run_batch
from .resume import ResumeState, load_resume_state, remaining_inputs, rewrite_resumed
from .rows import BatchOptions, BatchRow
from .rubrics import check_distinct, rubric_tags
from .sinks import BatchLayout, build_meta, open_sink
from .tally import BatchTally
from .urls import is_url


@dataclass(frozen=True)
class BatchResult:
    """What a finished batch reports back."""

    tally: BatchTally
    resumed: int
    skipped: int
    repaired: bool


def execute(
    items: Sequence[BatchInput],
    rubric: Rubric | Sequence[Rubric],
    options: BatchOptions,
    *,
    output: Path | str | None,
    layout: BatchLayout,
    jobs: int = 1,
    top: int = 10,
    fail_under: float | None = None,
    resume: bool = False,
    stream: IO[str] | None = None,
    on_row: Callable[[BatchRow], None] | None = None,
    on_start: Callable[[int, int], None] | None = None,
    key: Path | None = None,
    cluster: str | None = None,
) -> BatchResult:
    """Run a whole batch: resume, score, write, audit. Returns the tally.

    ``rubric`` may be several rubrics (distinct ids): each input is read once and scored
    against each, one row per input and rubric, every output ranked rubric by rubric.

    ``layout`` writes the text of CSV, JSON and Markdown outputs
    (:mod:`skillgap.render.batch_formats`). ``on_start(total, already_done)`` and
    ``on_row(row)`` let a caller show progress. ``key`` names the key file of a blind
    batch (:mod:`.key`): which file each id is, kept apart from the outputs.

    ``output`` may be a URL (``s3://bucket/ranking.csv``): the batch writes a local file
    and puts it there at the end (:func:`.remote.staged_output`). ``cluster`` scores on a
    Dask cluster instead of a local pool (:mod:`.cluster`: a scheduler's address, or
    ``local``), with the same rows.
    """
    rubric = check_distinct(as_rubrics(rubric))
    kind = output_kind(output)
    if resume and (kind != "jsonl" or output is None or str(output) == "-"):
        raise UsageError(
            "--resume needs a .jsonl --output (other formats are written "
            "whole at the end, so there is nothing to resume)"
        )
    if kind == "parquet":
        from .parquet import require_pyarrow

        require_pyarrow()  # before any work
        # Parquet rows name matched and missing skills; they need no report JSON.
        options = dataclasses.replace(options, skill_lists=True, report_json=False)
    if cluster is not None:
        from .cluster import require_distributed

        require_distributed()  # before any work
    if isinstance(output, str) and is_url(output):
        from .remote import staged_output

        with staged_output(output, resume=resume, streaming=kind == "jsonl") as local:
            return execute(
                items,
                rubric,
                options,
                output=local,
                layout=layout,
                jobs=jobs,
                top=top,
                fail_under=fail_under,
                resume=resume,
                stream=stream,
                on_row=on_row,
                on_start=on_start,
                key=key,
                cluster=cluster,
            )
    output = Path(output) if isinstance(output, str) else output
    if output is not None and str(output) != "-":
        check_writable(output)  # before any work: not after scoring a thousand files
    earlier_key: dict[str, dict[str, str]] = {}
    if key is not None:
        if output is not None and str(output) != "-" and key.resolve() == output.resolve():
            raise UsageError("--key must name another file than --output")
        check_writable(key)
        earlier_key = read_key(key) if resume else {}
    state = ResumeState()
    if resume and output is not None:
        state = load_resume_state(output, rubric=rubric)
        if state.as_of is not None and state.as_of != options.as_of:
            # Resume with the date the first run used, so every row is measured alike.
            options = dataclasses.replace(options, as_of=state.as_of)
        rewrite_resumed(output, state)
        todo = remaining_inputs(items, state, limits=options.limits)
    else:
        todo = list(items)
        if output is not None and kind == "jsonl" and str(output) != "-" and output.is_file():
            # A fresh run starts a fresh file (appends go on after). Truncate rather than
            # delete, so a symlinked output stays a symlink.
            try:
                output.open("w").close()
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror or exc}", path=output) from exc
    tally = BatchTally(top=top, fail_under=fail_under, rubrics=rubric_tags(rubric))
    for row in state.rows:
        tally.add(row)
    if on_start is not None:
        on_start(len(todo) + len(state.rows), len(state.rows))
    sink = open_sink(output, rubric, layout=layout, stream=stream)
    keyed: list[tuple[str, str | None, str, str]] = []  # (id, sha256, path, status)
    try:
        if cluster is None:
            rows = run_batch(todo, rubric, options, jobs=jobs)
        else:
            from .cluster import run_on_cluster

            rows = run_on_cluster(todo, rubric, options, address=cluster, jobs=jobs)
        for row in rows:
            sink.write(row)
            tally.add(row)
            if key is not None:
                keyed.append((row.id, row.sha256, row.path, row.status))
            if on_row is not None:
                on_row(row)
    except BaseException:
        sink.abort()
        raise
    meta = build_meta(
        rubric, options, output=output, kind=kind, extra={"top": top, "fail_under": fail_under}
    )
    sink.close(meta, tally)
    if key is not None:
        write_key(key, keyed, earlier=earlier_key)
    return BatchResult(
        tally=tally,
        resumed=len(state.rows),
        skipped=len(items) - len(todo),
        repaired=state.truncated,
    )


__all__ = ["BatchResult", "execute"]
