"""Many profiles against one rubric: parallel, streaming, resumable, one row per input.

The pieces, each usable on its own (the CLI's ``skillgap batch`` just wires them up):

* :func:`collect_inputs` expands files, directories (recursively, hidden files skipped),
  globs and paths read from stdin into a sorted, de-duplicated list of inputs.
* :class:`Scorer` turns one file into one :class:`BatchRow`: scored, or an error row with
  the reason. Nothing a file contains can stop the batch.
* :func:`run_batch` yields rows as they complete, from a process pool (the
  :class:`~skillgap.matching.SkillIndex` is built once per worker, in its initializer)
  with a bounded number of chunks in flight, so memory stays flat however many inputs
  there are.
* :func:`open_sink` writes rows as they come: ``.jsonl`` appends one line per row in
  completion order (flushed, so a killed run loses at most the line being written);
  ``.csv``, ``.json`` and ``.md`` spool rows to a temporary file and, at the end, write
  them sorted by score (ties by path) into a temporary file that is renamed over the
  output. Only small sort keys are kept in memory.
* :func:`load_resume_state` reads an existing ``.jsonl`` output for ``--resume``: a
  truncated last line (from a killed run) is dropped, and inputs already there (same
  path and content sha256) are skipped.

Every output carries an audit header (``.json``, ``.md``) or a sidecar
``FILE.meta.json`` (``.csv``, ``.jsonl``): the rubric id, version and sha256, the tool
version, the options, and every input's sha256.
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import dataclasses
import datetime as dt
import gc
import glob
import heapq
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from ._version import __version__
from .errors import InputError, OutputError, SkillgapError, UsageError
from .io.read import sha256_hex
from .limits import DEFAULT_LIMITS, Limits
from .rubric.model import Rubric

Status = Literal["ok", "error"]
OUTPUT_SUFFIXES = (".csv", ".jsonl", ".json", ".md")
META_SUFFIX = ".meta.json"
_GLOB_CHARS = frozenset("*?[")
#: Chunks of work in flight per worker: enough to keep workers busy, few enough that
#: finished rows never pile up in memory.
_IN_FLIGHT_PER_WORKER = 3
#: Default seconds one input may take (``--timeout``): a resume takes milliseconds, a
#: 500-page PDF a few seconds.
DEFAULT_TIMEOUT = 60.0


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True, order=True)
class BatchInput:
    """One input: the path to read and how it is shown (as the user named it)."""

    display: str
    path: str = field(compare=False)
    #: A problem found while collecting (a glob that matched nothing, a missing path).
    problem: str | None = field(default=None, compare=False)


def _is_hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
    return any(part.startswith(".") for part in parts)


def _output_family(output: Path) -> set[Path]:
    """Our own output, its sidecar and temporary files: never inputs."""
    resolved = output.resolve()
    return {resolved, resolved.with_name(resolved.name + META_SUFFIX)}


def _is_own_file(path: Path, own: set[Path], own_names: set[str]) -> bool:
    if path.resolve() in own:
        return True
    name = path.name
    return any(name.startswith(f".{n}.") and name.endswith(".tmp") for n in own_names)


def collect_inputs(
    arguments: Sequence[str], *, stdin: Iterable[str] | None = None, exclude: Sequence[Path] = ()
) -> list[BatchInput]:
    """Expand the command line's inputs into a sorted, de-duplicated list.

    Files are taken as given (even hidden ones, since they were named); directories are
    walked recursively, skipping hidden files and folders; arguments with ``*``, ``?``
    or ``[`` that are not existing paths are globs (``**`` recurses); ``-`` reads one
    path per line from ``stdin``. ``exclude`` names our own output files, which are
    never inputs. A path that does not exist or a glob that matches nothing becomes an
    input with a ``problem``, so it is reported as an error row like any unreadable file.
    """
    own: set[Path] = set()
    for path in exclude:
        own |= _output_family(path)
    own_names = {p.name for p in own}
    found: dict[str, BatchInput] = {}

    def add(path: Path, display: str, problem: str | None = None) -> None:
        if problem is None and _is_own_file(path, own, own_names):
            return
        key = str(path.resolve()) if problem is None else f"?{display}"
        found.setdefault(key, BatchInput(display=display, path=str(path), problem=problem))

    def expand(argument: str) -> None:
        path = Path(argument)
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    child = Path(folder) / name
                    if child.is_file():
                        add(child, str(child))
        elif path.exists() or not (_GLOB_CHARS & set(argument)):
            add(path, argument, None if path.exists() else "no such file or folder")
        else:
            matches = sorted(glob.glob(argument, recursive=True))  # noqa: PTH207 - str patterns
            if not matches:
                add(path, argument, "no files match this pattern")
            for match in matches:
                matched = Path(match)
                if matched.is_dir():
                    expand(match)
                elif not _is_hidden(matched, Path()) or Path(argument).name.startswith("."):
                    add(matched, match)

    for argument in arguments:
        if argument == "-":
            for line in stdin or ():
                line = line.rstrip("\r\n")
                if line.strip():
                    expand(line)
        else:
            expand(argument)
    return sorted(found.values())


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class BatchRow:
    """The result for one input: a scored candidate or an error with its reason.

    ``path`` is the input as named (used for sorting and ``--resume``); ``file`` is what
    outputs show: the path, or the content-derived ``id`` in blind mode unless file names
    are kept. ``report_json`` is the full report as one line of JSON (or, for an error,
    the error object), already redacted in blind mode.
    """

    path: str
    file: str
    id: str
    status: Status
    sha256: str | None = None
    format: str | None = None
    candidate: str | None = None
    score: float | None = None
    verdict: str | None = None
    areas: tuple[float, ...] = ()
    must_haves_missing: tuple[str, ...] = ()
    top_gaps: tuple[str, ...] = ()
    error: str | None = None
    report_json: str | None = None

    @property
    def ok(self) -> bool:
        """True if the input was scored."""
        return self.status == "ok"

    def sort_key(self) -> tuple[int, float, str]:
        """Scored rows first, best score first, ties by path; then errors by path."""
        return (0, -(self.score or 0.0), self.path) if self.ok else (1, 0.0, self.path)

    def summary(self) -> dict[str, Any]:
        """The row as a small mapping: what CSV, Markdown and the ranking show."""
        return {
            "file": self.file,
            "candidate": self.candidate,
            "id": self.id,
            "sha256": self.sha256,
            "format": self.format,
            "score": self.score,
            "verdict": self.verdict,
            "areas": list(self.areas),
            "must_haves_missing": list(self.must_haves_missing),
            "top_gaps": list(self.top_gaps),
            "status": self.status,
            "error": self.error,
        }

    def json_line(self) -> str:
        """One line of JSON Lines: the full report, or the error object."""
        if self.report_json is not None:
            return self.report_json
        return error_object(self)


def error_object(row: BatchRow) -> str:
    """An error row as compact JSON: status, input, id, sha256 and the reason."""
    return json.dumps(
        {
            "status": "error",
            "input": row.file,
            "id": row.id,
            "sha256": row.sha256,
            "format": row.format,
            "error": row.error,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


@dataclass(frozen=True)
class BatchOptions:
    """What every worker needs to score a file the same way."""

    blind: bool = False
    keep_filenames: bool = False
    as_of: dt.date = field(default_factory=dt.date.today)
    limits: Limits = DEFAULT_LIMITS
    profile_format: str | None = None
    #: Render each report as JSON (needed for .jsonl and .json outputs only).
    report_json: bool = True
    top_gaps: int = 3
    #: Seconds one input may take before it becomes an error row (None: no limit).
    timeout: float | None = DEFAULT_TIMEOUT

    def describe(self) -> dict[str, Any]:
        """The options that decide the results, for the audit trail."""
        return {
            "blind": self.blind,
            "keep_filenames": self.keep_filenames,
            "as_of": self.as_of.isoformat(),
            "profile_format": self.profile_format,
            "limits": self.limits.describe(),
            "timeout": self.timeout,
        }


class Scorer:
    """Scores one file at a time against one rubric (one per worker process)."""

    def __init__(self, rubric: Rubric, options: BatchOptions) -> None:
        from .analysis import PreparedRubric

        self.rubric = rubric
        self.options = options
        self.prepared = PreparedRubric.of(rubric)
        self._requirement_names = {r.id: r.name for _, r in rubric.iter_requirements()}

    def score(self, item: BatchInput) -> BatchRow:
        """The row for one input; never raises for anything the file contains.

        An input that takes longer than ``options.timeout`` seconds (a PDF that sends
        the PDF library into a loop, say) becomes an error row, and the batch goes on.
        """
        deadline = _Deadline(self.options.timeout)
        row: BatchRow | None = None
        try:
            try:
                row = self._score(item)
            finally:
                deadline.cancel()
        except _TimeLimit:
            deadline.cancel()  # again: the alarm may have cut the first cancel short
        return row if row is not None else self._timed_out(item)

    def _timed_out(self, item: BatchInput) -> BatchRow:
        return _unread_row(
            item,
            self.options,
            f"took longer than {self.options.timeout:g} s to read and score, "
            "so it was stopped; raise the limit with --timeout if the file "
            "is genuine",
        )

    def _score(self, item: BatchInput) -> BatchRow:
        options = self.options
        shown_path = not options.blind or options.keep_filenames
        if item.problem is not None:
            return _unread_row(item, options, item.problem)
        sha: str | None = None
        row_id = "x-" + sha256_hex(item.display.encode("utf-8"))[:12]
        fmt: str | None = None
        try:
            from .io.read import read_bytes
            from .profiles import detect_loader, loaders

            path = Path(item.path)
            data = read_bytes(path, limits=options.limits)
            sha = sha256_hex(data)
            row_id = "c-" + sha[:12]
            display = item.display if shown_path else row_id
            if not data.strip():
                raise InputError("file is empty: nothing to score", path=display)
            if options.profile_format is not None:
                loader = {x.format: x for x in loaders()}[options.profile_format]
            else:
                loader = detect_loader(path, data)
            fmt = loader.format
            profile = loader.load(path, data, display=display, limits=options.limits)
            return self._scored(item, profile, row_id, display)
        except SkillgapError as exc:
            message = _error_message(exc, item.display if shown_path else row_id)
        except Exception as exc:
            message = (
                f"{item.display if shown_path else row_id}: internal error while "
                f"reading this file: {type(exc).__name__}: {exc} (this is a bug; "
                "please report it)"
            )
        return BatchRow(
            path=item.display,
            file=item.display if shown_path else row_id,
            id=row_id,
            status="error",
            sha256=sha,
            format=fmt,
            error=message,
        )

    def _scored(self, item: BatchInput, profile: Any, row_id: str, display: str) -> BatchRow:
        from .analysis import analyze

        options = self.options
        # Outputs without full reports (CSV, Markdown, the ranking) need no quoted
        # evidence: the scores are the same without it, and it is half the work.
        report = analyze(
            profile,
            self.prepared,
            blind=options.blind,
            keep_source=options.keep_filenames,
            as_of=options.as_of,
            details=options.report_json,
        )
        names = self._requirement_names
        missing = tuple(names.get(b, b) for b in report.overall.blocking)
        gaps = tuple(g.name for g in report.gaps if g.gain > 0)[: options.top_gaps]
        return BatchRow(
            path=item.display,
            file=display,
            id=row_id,
            status="ok",
            sha256=profile.sha256,
            format=profile.format,
            candidate=report.candidate.name,
            score=report.overall.score,
            verdict=report.overall.verdict,
            areas=tuple(round(a.score * 100, 1) for a in report.areas),
            must_haves_missing=missing,
            top_gaps=gaps,
            report_json=report.model_dump_json() if options.report_json else None,
        )


class _TimeLimit(BaseException):
    """Raised in the scoring code when an input runs out of time (a BaseException, so
    that no ``except Exception`` on the way, ours or a library's, can swallow it)."""


class _Deadline:
    """Raise :class:`_TimeLimit` in this thread once ``seconds`` have passed.

    Uses SIGALRM, so it applies in the main thread on POSIX systems (where the CLI and
    every pool worker score files) and does nothing elsewhere, nor when the process
    already has a real-time timer of its own running (a library caller's; it is left
    alone). :meth:`cancel` may be called any number of times; after the first, the
    alarm can no longer raise.
    """

    def __init__(self, seconds: float | None) -> None:
        import signal
        import threading

        self._armed = self._installed = False
        self._previous: Any = None
        if (
            not seconds
            or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0
        ):
            return
        self._armed = self._installed = True
        self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)

    def _on_alarm(self, signum: int, frame: object) -> None:
        if self._armed:
            self._armed = False
            raise _TimeLimit

    def cancel(self) -> None:
        import signal

        self._armed = False
        if self._installed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            # None: the previous handler was not set from Python; the default is.
            signal.signal(
                signal.SIGALRM, self._previous if self._previous is not None else signal.SIG_DFL
            )
            self._installed = False


def _error_message(exc: SkillgapError, display: str) -> str:
    """The error's one line, naming the input as the batch shows it (never the real path
    in blind mode)."""
    where = display
    if exc.line is not None:
        where += f":{exc.line}"
        if exc.column is not None:
            where += f":{exc.column}"
    message = exc.message or (exc.problems[0].message if exc.problems else type(exc).__name__)
    return f"{where}: {message}"


# --------------------------------------------------------------------------- running

_WORKER: Scorer | None = None


def _init_worker(rubric: Rubric, options: BatchOptions) -> None:
    """Process-pool initializer: build the skill index once per worker process."""
    global _WORKER
    _WORKER = Scorer(rubric, options)
    _settle_memory()


def _settle_memory() -> None:
    """Move everything a worker process has built (the rubric, the skill index) out of
    the garbage collector's sight: it lives as long as the worker, and scanning it again
    at every full collection was a few per cent of a batch's time."""
    gc.collect()
    gc.freeze()


def _score_chunk(items: list[BatchInput]) -> list[BatchRow]:
    assert _WORKER is not None, "worker not initialised"
    return [_WORKER.score(item) for item in items]


def _chunk_size(count: int, jobs: int) -> int:
    # Bigger chunks cost less in inter-process traffic; smaller ones balance the load
    # and keep results flowing. Aim for at least 16 chunks per worker.
    return max(1, min(32, count // (jobs * 16) or 1))


def run_batch(
    items: Sequence[BatchInput], rubric: Rubric, options: BatchOptions, *, jobs: int = 1
) -> Iterator[BatchRow]:
    """Score every input, yielding each row as soon as it is done (completion order).

    With ``jobs == 1`` the work runs in this process; otherwise in a pool of ``jobs``
    worker processes, each with its own skill index, fed a few chunks at a time.
    """
    if not items:
        return
    if jobs <= 1 or len(items) == 1:
        scorer = Scorer(rubric, options)  # (no gc.freeze here: this is the caller's process)
        for item in items:
            yield scorer.score(item)
        return
    size = _chunk_size(len(items), jobs)
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
    yield from _run_pool(chunks, rubric, options, jobs)


def _run_pool(
    chunks: list[list[BatchInput]], rubric: Rubric, options: BatchOptions, jobs: int
) -> Iterator[BatchRow]:
    from concurrent.futures.process import BrokenProcessPool

    pending = iter(chunks)
    executor = futures.ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(rubric, options)
    )
    in_flight: dict[futures.Future[list[BatchRow]], list[BatchInput]] = {}
    try:
        while True:
            while len(in_flight) < jobs * _IN_FLIGHT_PER_WORKER:
                chunk = next(pending, None)
                if chunk is None:
                    break
                in_flight[executor.submit(_score_chunk, chunk)] = chunk
            if not in_flight:
                break
            done, _ = futures.wait(in_flight, return_when=futures.FIRST_COMPLETED)
            broken = False
            for future in done:
                chunk = in_flight.pop(future)
                try:
                    rows = future.result()
                except BrokenProcessPool:
                    broken = True
                    rows = [_crashed(item, options) for item in chunk]
                yield from rows
            if broken:
                # A worker died (out of memory, a crash in a native library). Its inputs
                # are error rows; everything still queued runs in a fresh pool.
                for future, chunk in in_flight.items():
                    future.cancel()
                    yield from (_crashed(item, options) for item in chunk)
                in_flight.clear()
                executor.shutdown(wait=False, cancel_futures=True)
                executor = futures.ProcessPoolExecutor(
                    max_workers=jobs, initializer=_init_worker, initargs=(rubric, options)
                )
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _crashed(item: BatchInput, options: BatchOptions) -> BatchRow:
    return _unread_row(
        item,
        options,
        "a worker process died while this file was being read "
        "(out of memory, or a crash in a PDF/DOCX library); it was not scored",
    )


def _unread_row(item: BatchInput, options: BatchOptions, reason: str) -> BatchRow:
    """The error row for an input whose content is unknown: named by its path, or in
    blind mode by an id derived from the path."""
    anon = "x-" + sha256_hex(item.display.encode("utf-8"))[:12]
    name = item.display if not options.blind or options.keep_filenames else anon
    return BatchRow(
        path=item.display, file=name, id=anon, status="error", error=f"{name}: {reason}"
    )


# --------------------------------------------------------------------------- resume


@dataclass
class ResumeState:
    """What an existing ``.jsonl`` output already holds."""

    rows: list[BatchRow] = field(default_factory=list)
    #: (path, sha256) of scored and failed inputs, and sha256 counts of blind rows.
    keys: set[tuple[str, str]] = field(default_factory=set)
    blind_counts: Counter[str] = field(default_factory=Counter)
    truncated: bool = False
    dropped: int = 0
    as_of: dt.date | None = None
    rubric_sha256: str | None = None


def _row_from_line(line: str, area_count: int) -> BatchRow | None:
    data = json.loads(line)
    if not isinstance(data, dict):
        return None
    if data.get("status") == "error":
        shown = data.get("input") or data.get("id") or "?"
        return BatchRow(
            path=str(shown),
            file=str(shown),
            id=str(data.get("id") or ""),
            status="error",
            sha256=data.get("sha256"),
            format=data.get("format"),
            error=data.get("error"),
            report_json=line,
        )
    candidate = data.get("candidate") or {}
    overall = data.get("overall") or {}
    names = {}
    for area in data.get("areas") or ():
        for requirement in area.get("requirements") or ():
            names[requirement.get("id")] = requirement.get("name")
    source = candidate.get("source")
    row_id = str(candidate.get("id") or "")
    return BatchRow(
        path=source or row_id,
        file=source or row_id,
        id=row_id,
        status="ok",
        sha256=candidate.get("sha256"),
        format=candidate.get("format"),
        candidate=candidate.get("name"),
        score=overall.get("score"),
        verdict=overall.get("verdict"),
        areas=tuple(round(float(a.get("score", 0)) * 100, 1) for a in data.get("areas") or ()),
        must_haves_missing=tuple(names.get(b, b) for b in overall.get("blocking") or ()),
        top_gaps=tuple(g.get("name") for g in data.get("gaps") or () if g.get("gain", 0) > 0)[:3],
        report_json=line,
    )


def load_resume_state(path: Path, *, rubric: Rubric) -> ResumeState:
    """Read a ``.jsonl`` output written by an earlier (maybe killed) run.

    A last line without its newline, or that is not valid JSON, is what a killed run
    leaves behind: it is dropped (and the file repaired before anything is appended).
    Error rows are dropped too, so failed inputs are tried again. A damaged line
    anywhere else, or rows scored against a different rubric, are errors: mixing them
    would give a ranking no one can trust.
    """
    state = ResumeState()
    if not path.exists():
        return state
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read it to resume: {exc.strerror or exc}", path=path) from exc
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif lines:
        state.truncated = True  # no final newline: the last write did not finish
        lines.pop()
    expected = rubric.origin.sha256 if rubric.origin else ""
    for number, blob in enumerate(lines, start=1):
        try:
            row = _row_from_line(blob.decode("utf-8"), len(rubric.areas))
        except (
            UnicodeDecodeError,
            json.JSONDecodeError,
            AttributeError,
            TypeError,
            ValueError,
        ) as exc:
            if number == len(lines) and not state.truncated:
                state.truncated = True
                continue
            raise InputError(
                f"line {number} is not a skillgap result ({type(exc).__name__}); "
                "remove the line or write to a new --output",
                path=path,
            ) from exc
        if row is None:
            raise InputError(
                f"line {number} is not a skillgap result; remove the line or "
                "write to a new --output",
                path=path,
            )
        if not row.ok:
            state.dropped += 1
            continue
        data_sha = _rubric_sha(row)
        if data_sha is not None and expected and data_sha != expected:
            raise UsageError(
                f"{path} holds results for a different rubric (sha256 "
                f"{data_sha[:12]}…, this run: {expected[:12]}…); use a new "
                "--output or the same rubric"
            )
        if row.sha256 is None:
            continue
        if row.path == row.id:
            state.blind_counts[row.sha256] += 1
        else:
            state.keys.add((row.path, row.sha256))
        state.rows.append(row)
        if state.as_of is None:
            state.as_of = _as_of(row)
    return state


def _rubric_sha(row: BatchRow) -> str | None:
    if row.report_json is None:
        return None
    value = json.loads(row.report_json).get("rubric", {}).get("sha256")
    return str(value) if value else None


def _as_of(row: BatchRow) -> dt.date | None:
    if row.report_json is None:
        return None
    value = json.loads(row.report_json).get("as_of")
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def remaining_inputs(
    items: Sequence[BatchInput], state: ResumeState, *, limits: Limits = DEFAULT_LIMITS
) -> list[BatchInput]:
    """The inputs not already in the resumed output (same path and content sha256).

    Blind rows carry no path; they are matched by content, as many times as the output
    holds them, so duplicate files are still each scored once.
    """
    if not state.keys and not state.blind_counts:
        return list(items)
    from .io.read import read_bytes

    counts = Counter(state.blind_counts)
    remaining: list[BatchInput] = []
    for item in items:
        if item.problem is not None:
            remaining.append(item)
            continue
        try:
            sha = sha256_hex(read_bytes(Path(item.path), limits=limits))
        except SkillgapError:
            remaining.append(item)  # it will be an error row again, with the reason
            continue
        if (item.display, sha) in state.keys:
            continue
        if counts[sha] > 0:
            counts[sha] -= 1
            continue
        remaining.append(item)
    return remaining


def rewrite_resumed(path: Path, state: ResumeState) -> None:
    """Rewrite the ``.jsonl`` with only the rows kept, if anything was dropped."""
    if not state.truncated and not state.dropped:
        return
    from .io.write import write_atomic

    write_atomic(path, "".join(row.json_line() + "\n" for row in state.rows))


# --------------------------------------------------------------------------- output


def output_kind(output: Path | None) -> str:
    """``jsonl``, ``csv``, ``json`` or ``md`` from the output's extension."""
    if output is None or str(output) == "-":
        return "jsonl"
    suffix = output.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise UsageError(
            f"--output must end in {', '.join(OUTPUT_SUFFIXES)} (the format "
            f"follows the extension), not '{output.name}'"
        )
    return suffix[1:]


def meta_path(output: Path) -> Path:
    """The audit sidecar of a CSV or JSONL output: ``FILE.meta.json``."""
    return output.with_name(output.name + META_SUFFIX)


def build_meta(
    rubric: Rubric,
    options: BatchOptions,
    *,
    output: Path | None,
    kind: str,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The audit header: tool, rubric (id, version, sha256), options."""
    from .render.batch_formats import BATCH_SCHEMA_VERSION

    origin = rubric.origin
    return {
        "type": "skillgap-batch",
        "schema_version": BATCH_SCHEMA_VERSION,
        "tool": {"name": "skillgap", "version": __version__},
        "rubric": {
            "id": rubric.id,
            "title": rubric.title,
            "version": rubric.version,
            "sha256": origin.sha256 if origin else "",
        },
        "options": {**options.describe(), **(extra or {})},
        "output": {"file": output.name if output is not None else None, "format": kind},
    }


@dataclass
class BatchTally:
    """Running counts, the top of the ranking and the audit list of inputs."""

    top: int = 10
    fail_under: float | None = None
    scored: int = 0
    failed: int = 0
    under: int = 0
    errors: list[str] = field(default_factory=list)
    #: (file, id, sha256, status) of every input: tuples, the smallest record per input.
    inputs: list[tuple[str, str, str | None, str]] = field(default_factory=list)
    _heap: list[tuple[float, str, int, dict[str, Any]]] = field(default_factory=list)
    _seq: int = 0

    def add(self, row: BatchRow) -> None:
        """Count one row (keeping only what the ranking and audit need)."""
        self.inputs.append((row.file, row.id, row.sha256, row.status))
        if not row.ok:
            self.failed += 1
            if len(self.errors) < 1000:
                self.errors.append(row.error or row.file)
            return
        self.scored += 1
        score = row.score or 0.0
        if self.fail_under is not None and score < self.fail_under:
            self.under += 1
        self._seq += 1
        if self.top <= 0:
            return
        # A min-heap on (score, reversed path order) keeps the best `top` rows.
        entry = (score, _reverse(row.path), self._seq, row.summary())
        if len(self._heap) < self.top:
            heapq.heappush(self._heap, entry)
        elif entry[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, entry)

    def ranking(self) -> list[dict[str, Any]]:
        """The best ``top`` rows, best first, ties by path."""
        return [e[3] for e in sorted(self._heap, key=lambda e: (-e[0], _unreverse(e[1])))]

    def audit_inputs(self) -> list[dict[str, Any]]:
        """Every input with its id and sha256, sorted by file (for the audit trail)."""
        return [
            {"file": file, "id": row_id, "sha256": sha, "status": status}
            for file, row_id, sha, status in sorted(self.inputs, key=lambda i: i[:2])
        ]

    def counts(self) -> dict[str, int]:
        """Counts for the audit header."""
        counts = {"inputs": self.scored + self.failed, "scored": self.scored, "failed": self.failed}
        if self.fail_under is not None:
            counts["under_fail_under"] = self.under
        return counts


def _reverse(text: str) -> str:
    # Order-reversing key for strings, so a min-heap on (score, key) drops the row that
    # sorts last among equal scores (the later path).
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text) + "\U0010ffff"


def _unreverse(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text[:-1])


class Sink:
    """Where rows go. ``write`` as they come; ``close`` once, with the final meta."""

    path: Path | None

    def write(self, row: BatchRow) -> None:
        raise NotImplementedError

    def close(self, meta: dict[str, Any], tally: BatchTally) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        """Give up: leave no half-written output behind (JSONL keeps what it has)."""


class JsonlSink(Sink):
    """Appends one JSON line per row, flushed, in completion order."""

    def __init__(self, path: Path | None, *, stream: IO[str] | None = None) -> None:
        self.path = path
        if path is None:
            assert stream is not None
            self._handle = stream
            self._own = False
        else:
            try:
                self._handle = path.open("a", encoding="utf-8", newline="\n")
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from exc
            self._own = True

    def write(self, row: BatchRow) -> None:
        try:
            self._handle.write(row.json_line() + "\n")
            self._handle.flush()
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=self.path) from exc

    def close(self, meta: dict[str, Any], tally: BatchTally) -> None:
        if self._own:
            with contextlib.suppress(OSError):
                os.fsync(self._handle.fileno())
            self._handle.close()
        if self.path is not None:
            from .io.write import write_atomic

            write_atomic(
                meta_path(self.path),
                json.dumps(
                    {**meta, "counts": tally.counts(), "inputs": tally.audit_inputs()},
                    indent=2,
                    ensure_ascii=False,
                )
                + "\n",
            )

    def abort(self) -> None:
        if self._own:
            with contextlib.suppress(OSError):  # the disk may be what failed
                self._handle.close()


class SortedSink(Sink):
    """Spools rows, then writes them sorted into a temporary file renamed over ``path``."""

    def __init__(self, path: Path, kind: str, area_names: Sequence[str]) -> None:
        self.path = path
        self._target = path
        self.kind = kind
        self.area_names = tuple(area_names)
        self._spool = tempfile.TemporaryFile("w+b")  # noqa: SIM115 - closed in close/abort
        self._index: list[tuple[tuple[int, float, str], int, int]] = []

    def write(self, row: BatchRow) -> None:
        payload = (
            row.json_line()
            if self.kind == "json"
            else json.dumps(row.summary(), ensure_ascii=False, separators=(",", ":"))
        )
        blob = payload.encode("utf-8")
        offset = self._spool.seek(0, os.SEEK_END)
        self._spool.write(blob)
        self._index.append((row.sort_key(), offset, len(blob)))

    def _rows(self) -> Iterator[tuple[int, bool, str]]:
        self._index.sort(key=lambda entry: entry[0])
        rank = 0
        for key, offset, length in self._index:
            self._spool.seek(offset)
            text = self._spool.read(length).decode("utf-8")
            ok = key[0] == 0
            rank += ok
            yield rank, ok, text

    def close(self, meta: dict[str, Any], tally: BatchTally) -> None:
        from .io.write import is_special_file
        from .render import batch_formats as fmt

        full_meta = {**meta, "counts": tally.counts()}
        if is_special_file(self._target):  # /dev/stdout, a pipe: written in place
            try:
                with self._target.open("w", encoding="utf-8", newline="") as out:
                    self._write_all(out, full_meta, tally, fmt)
            except OSError as exc:
                raise OutputError(
                    f"cannot write: {exc.strerror or exc}", path=self._target
                ) from exc
            finally:
                self._spool.close()
            return
        folder = self._target.parent if str(self._target.parent) else Path()
        try:
            handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed below
                "w",
                encoding="utf-8",
                dir=folder,
                prefix=f".{self._target.name}.",
                suffix=".tmp",
                delete=False,
                newline="",
            )
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=self._target) from exc
        temporary = Path(handle.name)
        try:
            with handle:
                self._write_all(handle, full_meta, tally, fmt)
                handle.flush()
                os.fsync(handle.fileno())
            # Temporary files are private (0600); the output gets the usual permissions.
            umask = os.umask(0)
            os.umask(umask)
            temporary.chmod(0o666 & ~umask)
            temporary.replace(self._target)
            if self.kind == "csv":
                from .io.write import write_atomic

                write_atomic(
                    meta_path(self._target),
                    json.dumps(
                        {**full_meta, "inputs": tally.audit_inputs()}, indent=2, ensure_ascii=False
                    )
                    + "\n",
                )
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=self._target) from exc
        finally:
            self._spool.close()

    def _write_all(
        self, handle: IO[str], meta: dict[str, Any], tally: BatchTally, fmt: Any
    ) -> None:
        count = len(self.area_names)
        if self.kind == "csv":
            handle.write(fmt.csv_header(self.area_names))
            for rank, ok, text in self._rows():
                handle.write(fmt.csv_row(rank if ok else None, json.loads(text), count))
        elif self.kind == "json":
            handle.write(fmt.json_head({**meta, "inputs": tally.audit_inputs()}))
            first = True
            ranking: list[dict[str, Any]] = []
            for rank, ok, text in self._rows():
                handle.write(("" if first else ",\n") + "    " + text)
                first = False
                if ok:
                    report = json.loads(text)
                    ranking.append(
                        {
                            "rank": rank,
                            "id": report["candidate"]["id"],
                            "file": report["candidate"]["source"],
                            "candidate": report["candidate"]["name"],
                            "score": report["overall"]["score"],
                        }
                    )
            handle.write(fmt.json_tail({"counts": meta["counts"], "ranking": ranking}))
        else:
            handle.write(fmt.markdown_head(meta, self.area_names))
            errors_started = False
            for rank, ok, text in self._rows():
                row = json.loads(text)
                if ok:
                    handle.write(fmt.markdown_row(rank, row))
                else:
                    if not errors_started:
                        handle.write(fmt.markdown_errors_head())
                        errors_started = True
                    handle.write(fmt.markdown_error_row(row))
            handle.write(fmt.markdown_tail(meta, tally.audit_inputs()))

    def abort(self) -> None:
        self._spool.close()


def open_sink(output: Path | None, rubric: Rubric, *, stream: IO[str] | None = None) -> Sink:
    """The sink for ``output`` (by extension); ``None`` or ``-`` streams JSONL to ``stream``."""
    kind = output_kind(output)
    if output is None or str(output) == "-":
        return JsonlSink(None, stream=stream)
    if kind == "jsonl":
        return JsonlSink(output)
    return SortedSink(output, kind, [area.name for area in rubric.areas])


# --------------------------------------------------------------------------- the whole run


@dataclass(frozen=True)
class BatchResult:
    """What a finished batch reports back."""

    tally: BatchTally
    resumed: int
    skipped: int
    repaired: bool


def execute(
    items: Sequence[BatchInput],
    rubric: Rubric,
    options: BatchOptions,
    *,
    output: Path | None,
    jobs: int = 1,
    top: int = 10,
    fail_under: float | None = None,
    resume: bool = False,
    stream: IO[str] | None = None,
    on_row: Callable[[BatchRow], None] | None = None,
    on_start: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Run a whole batch: resume, score, write, audit. Returns the tally.

    ``on_start(total, already_done)`` and ``on_row(row)`` let a caller show progress.
    """
    kind = output_kind(output)
    state = ResumeState()
    if resume:
        if kind != "jsonl" or output is None or str(output) == "-":
            raise UsageError(
                "--resume needs a .jsonl --output (other formats are written "
                "whole at the end, so there is nothing to resume)"
            )
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
    tally = BatchTally(top=top, fail_under=fail_under)
    for row in state.rows:
        tally.add(row)
    if on_start is not None:
        on_start(len(todo) + len(state.rows), len(state.rows))
    sink = open_sink(output, rubric, stream=stream)
    try:
        for row in run_batch(todo, rubric, options, jobs=jobs):
            sink.write(row)
            tally.add(row)
            if on_row is not None:
                on_row(row)
    except BaseException:
        sink.abort()
        raise
    meta = build_meta(
        rubric, options, output=output, kind=kind, extra={"top": top, "fail_under": fail_under}
    )
    sink.close(meta, tally)
    return BatchResult(
        tally=tally,
        resumed=len(state.rows),
        skipped=len(items) - len(todo),
        repaired=state.truncated,
    )


__all__ = [
    "BatchInput",
    "BatchOptions",
    "BatchResult",
    "BatchRow",
    "BatchTally",
    "ResumeState",
    "Scorer",
    "Sink",
    "build_meta",
    "collect_inputs",
    "execute",
    "load_resume_state",
    "meta_path",
    "open_sink",
    "output_kind",
    "remaining_inputs",
    "run_batch",
]
