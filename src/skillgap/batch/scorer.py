"""Scoring one input into one row per rubric, within a time limit, whatever the file
contains: the input read and loaded once, then scored against each rubric."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..analysis import PreparedRubric, analyze, analyze_numbers, prepared_for
from ..errors import InputError, SkillgapError
from ..io.read import sha256_hex
from ..limits import Deadline, TimeLimitExceeded
from ..matching.shared import IndexGroup, TextRead, group_for
from ..profiles.load import detect_loader, loaders
from ..profiles.model import Profile
from ..report.lean import lean_report
from ..report.model import GapReport
from ..rubric.model import Rubric
from .inputs import BatchInput, read_input
from .rows import BatchOptions, BatchRow, error_message, unread_row, unread_rows
from .rubrics import rubric_tags
from .urls import redact_url

#: Seconds past ``--timeout`` before a worker stuck in native code (PDFium) is ended:
#: the Python time limit gets the first chance, and says which file it was.
WATCHDOG_GRACE = 1.0

#: The exit status of a worker its watchdog ended.
WATCHDOG_EXIT = 75


class Watchdog:
    """Ends this process when one input runs ``grace`` seconds past its time limit.

    A Python time limit (:class:`~skillgap.limits.Deadline`, SIGALRM) cannot interrupt
    native code: PDFium reading a PDF that sends it into a loop never returns to the
    interpreter. The watchdog is a thread that wakes a few times a second; PDFium's
    calls release the GIL, so it runs while the main thread is stuck, and ends the
    process with :data:`WATCHDOG_EXIT`. Only pool workers have one (the pool replaces
    an ended worker and records the input as timed out); never the caller's process.
    """

    TICK = 0.1

    def __init__(self) -> None:
        import threading

        self._until: float | None = None
        threading.Thread(target=self._watch, name="skillgap-watchdog", daemon=True).start()

    def arm(self, seconds: float) -> None:
        import time

        self._until = time.monotonic() + seconds

    def disarm(self) -> None:
        self._until = None

    def _watch(self) -> None:
        import os
        import time

        while True:
            time.sleep(self.TICK)
            until = self._until
            if until is not None and time.monotonic() > until:
                os._exit(WATCHDOG_EXIT)


@dataclass(frozen=True)
class _Target:
    """One rubric a scorer scores against, with what each of its rows needs."""

    prepared: PreparedRubric
    #: Requirement id -> name (the names of unmet must-haves).
    requirement_names: dict[str, str]
    #: Every skill of the rubric once, in rubric order (matched and missing skills).
    skill_names: tuple[str, ...]
    #: What the rows carry as their ``rubric``: the id, or None in a batch of one rubric.
    tag: str | None


def _target(rubric: Rubric | PreparedRubric, tag: str | None) -> _Target:
    # The process's prepared rubric: a pool worker forked from the batch's process
    # inherits the one prepared there (see pool.run_batch) instead of building its own
    # skill index again (a quarter of a second, for every worker started).
    prepared = rubric if isinstance(rubric, PreparedRubric) else prepared_for(rubric)
    rubric = prepared.rubric
    return _Target(
        prepared=prepared,
        requirement_names={r.id: r.name for _, r in rubric.iter_requirements()},
        skill_names=tuple(
            dict.fromkeys(
                skill.name
                for area in prepared.rubric.areas
                for requirement in area.requirements
                for skill in requirement.skills
            )
        ),
        tag=tag,
    )


@dataclass
class ScoreStats:
    """What a :class:`Scorer` has done: inputs read, profiles loaded, rows made. Each
    input is read and loaded once, however many rubrics it is scored against."""

    reads: int = 0
    profiles: int = 0
    rows: int = 0


class Scorer:
    """Scores one file at a time against one rubric or several (one per worker process):
    each input is read and loaded into a profile once, then scored against every rubric.
    """

    def __init__(
        self,
        rubric: Rubric | PreparedRubric | Sequence[Rubric | PreparedRubric],
        options: BatchOptions,
        *,
        watchdog: Watchdog | None = None,
        tag: bool | None = None,
    ) -> None:
        given = (rubric,) if isinstance(rubric, (Rubric, PreparedRubric)) else tuple(rubric)
        rubrics = [r.rubric if isinstance(r, PreparedRubric) else r for r in given]
        self.rubric = rubrics[0]
        self.options = options
        #: Row tags, rubric by rubric (:func:`rubric_tags`).
        self.tags = rubric_tags(rubrics, tag=tag)
        self.targets = tuple(_target(r, t) for r, t in zip(given, self.tags, strict=True))
        self.prepared = self.targets[0].prepared
        #: Several rubrics read each profile's text once (built at the first need).
        self._group: IndexGroup | None = None
        self.stats = ScoreStats()
        #: In a pool worker: ends the worker when native code outlives the time limit.
        self.watchdog = watchdog

    def score(self, item: BatchInput) -> BatchRow:
        """The row for one input against the (first) rubric; never raises for anything
        the file contains."""
        return self.score_all(item)[0]

    def score_all(self, item: BatchInput) -> list[BatchRow]:
        """The rows for one input, one per rubric (those still to do, for a resumed
        input); never raises for anything the file contains.

        An input that takes longer than ``options.timeout`` seconds to read and score
        against every rubric (a PDF that sends the PDF library into a loop, say) becomes
        error rows, and the batch goes on.
        """
        deadline = Deadline(self.options.timeout)
        rows: list[BatchRow] | None = None
        if self.watchdog is not None and self.options.timeout:
            self.watchdog.arm(self.options.timeout + WATCHDOG_GRACE)
        try:
            try:
                deadline.start()  # inside: a tiny limit may run out before start returns
                rows = self._score(item)
            finally:
                deadline.cancel()
        except TimeLimitExceeded:
            deadline.cancel()  # again: the alarm may have cut the first cancel short
        finally:
            if self.watchdog is not None:
                self.watchdog.disarm()
        if rows is None:
            rows = timed_out_rows(item, self.options, self.tags)
        self.stats.rows += len(rows)
        return rows

    def _score(self, item: BatchInput) -> list[BatchRow]:
        options = self.options
        shown_path = not options.blind or options.keep_filenames
        if item.problem is not None:
            return unread_rows(item, options, item.problem, self.tags)
        targets = self.targets if item.rubrics is None else [self.targets[i] for i in item.rubrics]
        sha: str | None = None
        row_id = "x-" + sha256_hex(item.display.encode("utf-8"))[:12]
        fmt: str | None = None
        try:
            path = Path(item.path)
            data = read_input(item, limits=options.limits)
            self.stats.reads += 1
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
            self.stats.profiles += 1
            # Several rubrics: the text is read once for all (a resumed input's few are
            # scored one by one).
            texts: list[TextRead | None] = [None] * len(targets)
            if len(targets) > 1 and item.rubrics is None:
                texts = list(self._read(profile))
            return [
                self._scored(target, item, profile, row_id, display, text)
                for target, text in zip(targets, texts, strict=True)
            ]
        except SkillgapError as exc:
            message = error_message(exc, item.display if shown_path else row_id)
        except Exception as exc:
            message = redact_url(
                f"{item.display if shown_path else row_id}: internal error while "
                f"reading this file: {type(exc).__name__}: {exc} (this is a bug; "
                "please report it)"
            )
        return [
            BatchRow(
                path=item.display,
                file=item.display if shown_path else row_id,
                id=row_id,
                status="error",
                sha256=sha,
                format=fmt,
                error=message,
                rubric=target.tag,
            )
            for target in targets
        ]

    def _read(self, profile: Profile) -> list[TextRead]:
        """The profile's text read once for every rubric (:class:`IndexGroup`)."""
        if self._group is None:
            self._group = group_for([target.prepared.index for target in self.targets])
        return self._group.read(profile)

    def _scored(
        self,
        target: _Target,
        item: BatchInput,
        profile: Profile,
        row_id: str,
        display: str,
        text: TextRead | None = None,
    ) -> BatchRow:
        options = self.options
        report_json = None
        if options.report_json:
            report = analyze(
                profile,
                target.prepared,
                blind=options.blind,
                keep_source=options.keep_filenames,
                as_of=options.as_of,
                details=not options.lean,
                text=text,
            )
            names = target.requirement_names
            candidate, score, verdict = (
                report.candidate.name,
                report.overall.score,
                report.overall.verdict,
            )
            areas = [a.score for a in report.areas]
            missing = [names.get(b, b) for b in report.overall.blocking]
            gained = [g.name for g in report.gaps if g.gain > 0]
            matched: frozenset[str] = frozenset(
                skill.name
                for area in report.areas
                for requirement in area.requirements
                for skill in requirement.skills
                if skill.matched and options.skill_lists
            )
            report_json = _report_json(report, lean=options.lean)
        else:
            # CSV, Markdown and the ranking show numbers only: the lean scoring path
            # gives the full report's numbers without quoting evidence or building it.
            numbers = analyze_numbers(profile, target.prepared, as_of=options.as_of, text=text)
            rubric = target.prepared.rubric
            candidate = None if options.blind else profile.identity.name
            score, verdict, areas = numbers.overall, numbers.verdict, list(numbers.area_scores)
            missing = [numbers.requirement_of(rubric, g).name for g in numbers.gaps if g.blocking]
            gained = [numbers.requirement_of(rubric, g).name for g in numbers.gaps if g.gain > 0]
            matched = numbers.matched
        skills = target.skill_names if options.skill_lists else ()
        return BatchRow(
            path=item.display,
            file=display,
            id=row_id,
            status="ok",
            sha256=profile.sha256,
            format=profile.format,
            candidate=candidate,
            score=score,
            verdict=verdict,
            areas=tuple(round(a * 100, 1) for a in areas),
            must_haves_missing=tuple(missing),
            top_gaps=tuple(gained[: options.top_gaps]),
            matched_skills=tuple(name for name in skills if name in matched),
            missing_skills=tuple(name for name in skills if name not in matched),
            report_json=report_json,
            rubric=target.tag,
        )


def timed_out_reason(options: BatchOptions) -> str:
    """Why an input stopped at its time limit is an error row."""
    return (
        f"took longer than {options.timeout:g} s to read and score, "
        "so it was stopped; raise the limit with --timeout if the file "
        "is genuine"
    )


def timed_out_row(item: BatchInput, options: BatchOptions) -> BatchRow:
    """The error row of an input stopped at its time limit."""
    return unread_row(item, options, timed_out_reason(options))


def timed_out_rows(
    item: BatchInput, options: BatchOptions, tags: Sequence[str | None]
) -> list[BatchRow]:
    """The error rows of an input stopped at its time limit, one per rubric."""
    return unread_rows(item, options, timed_out_reason(options), tags)


def _report_json(report: GapReport, *, lean: bool) -> str:
    """The row's report as one line of JSON: full, or lean (:mod:`skillgap.report.lean`)."""
    if not lean:
        return report.model_dump_json()
    return json.dumps(lean_report(report), ensure_ascii=False, separators=(",", ":"))
