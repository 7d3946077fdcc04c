"""The audit itself: who was selected, and each category's rate, ratio, interval and test.

:func:`run_audit` reads the two files and calls :func:`build_audit`, which works on
values only (tests call either). The result is an :class:`~.model.AuditReport`; every
number in it is defined in docs/fairness.md.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from .._version import __version__
from ..errors import InputError, UsageError
from ..report.model import ToolInfo
from . import stats
from .groups import GroupTable, Joined, join_groups, read_groups
from .model import (
    AUDIT_SCHEMA_VERSION,
    AreaDistribution,
    AuditReport,
    AuditSettings,
    AuditTrail,
    BatchTrail,
    CategoryColumn,
    CategoryResult,
    Distribution,
    InputFile,
    RubricTrail,
    SampleCounts,
    Selection,
    SelectionMode,
)
from .results import BatchResults, ResultRow, read_results

#: What joins the labels of an intersection, and the names of its columns.
CROSS = " × "
#: How many unmatched lines of the groups file the audit lists.
LISTED_LINES = 20


@dataclass(frozen=True)
class SelectionRule:
    """Who counts as selected: above the median (default), the top N, or a score."""

    mode: SelectionMode = "median"
    top: int | None = None
    threshold: float | None = None

    @classmethod
    def parse(cls, text: str | None) -> SelectionRule:
        """``median``, ``top:N`` or ``score:X`` (the ``--selected`` option).

        >>> SelectionRule.parse("top:25"), SelectionRule.parse("score:70").threshold
        (SelectionRule(mode='top', top=25, threshold=None), 70.0)
        """
        if text is None or text.strip().lower() == "median":
            return cls()
        kind, _, value = text.strip().partition(":")
        kind = kind.lower()
        try:
            if kind == "top" and int(value) >= 1:
                return cls(mode="top", top=int(value))
            if kind == "score" and 0 <= float(value) <= 100:
                return cls(mode="score", threshold=float(value))
        except ValueError:
            pass
        raise UsageError(
            f"--selected '{text}': say median, top:N (N at least 1) or score:X (X from 0 to 100)"
        )

    def describe(self, median: float) -> str:
        """The rule in words, for every output."""
        if self.mode == "top":
            return f"among the first {self.top} of the batch's ranking (eligible first, then score)"
        if self.mode == "score":
            return f"overall score at least {self.threshold:g}"
        return f"overall score strictly above the sample's median, {median:g}"


@dataclass(frozen=True)
class AuditOptions:
    """The options of an audit (the command line's, as values)."""

    selection: SelectionRule = field(default_factory=SelectionRule)
    join: str | None = None
    categories: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    #: In the output of a batch of several rubrics: the id of the rubric to audit.
    rubric: str | None = None
    min_share: Fraction = Fraction(1, 50)
    flag_below: Fraction = Fraction(4, 5)
    confidence: float = 0.95


def run_audit(results: Path, groups: Path, options: AuditOptions | None = None) -> AuditReport:
    """Audit the batch output ``results`` against the groups file ``groups``.

    >>> from pathlib import Path
    >>> run_audit(Path("missing.jsonl"), Path("groups.csv"))
    Traceback (most recent call last):
    ...
    skillgap.errors.InputError: missing.jsonl: no such file; give the output of 'skillgap batch'
    """
    options = options or AuditOptions()
    batch = read_results(results, rubric=options.rubric)
    table = read_groups(
        groups, join=options.join, categories=options.categories, unknown=options.unknown
    )
    return build_audit(batch, table, options)


def build_audit(batch: BatchResults, table: GroupTable, options: AuditOptions) -> AuditReport:
    """The audit of ``batch`` against ``table`` (both already read)."""
    if table.join_field == "sha256" and any(r.sha256 is None for r in batch.rows):
        raise InputError(
            f"carries no sha256 for some rows (a CSV's sha256s are in its sidecar "
            f"{batch.path.name}.meta.json); join on the id column instead",
            path=batch.path,
        )
    scored = [r for r in batch.rows if r.ok]
    if not scored:
        raise InputError(
            f"has no scored rows ({len(batch.rows)} error rows): nothing to audit",
            path=batch.path,
        )
    median = statistics.median(r.score or 0.0 for r in scored)
    chosen = _selected(scored, options.selection, median)
    joined = join_groups(batch.rows, table)
    if table.rows and all(labels is None for labels in joined.labels):
        hint = " (a blind batch names inputs by id: join on id or sha256)" if batch.blind else ""
        raise InputError(
            f"no row matches a row of {batch.path.name} by its {table.join_column} column; "
            f"check that the two files are of the same batch{hint}",
            path=table.path,
        )
    warnings = list(batch.warnings)
    columns = [
        _column(batch, joined, (i,), (name,), chosen, options)
        for i, name in enumerate(table.categories)
    ]
    if len(table.categories) > 1:
        every = tuple(range(len(table.categories)))
        columns.append(_column(batch, joined, every, table.categories, chosen, options))
    warnings += _warnings(batch, table, joined, options, len(scored))
    without = sum(
        1 for r, lab in zip(batch.rows, joined.labels, strict=True) if r.ok and lab is None
    )
    return AuditReport(
        schema_version=AUDIT_SCHEMA_VERSION,
        type="skillgap-audit",
        tool=ToolInfo(name="skillgap", version=__version__),
        trail=_trail(batch, table),
        settings=AuditSettings(
            selection=Selection(
                mode=options.selection.mode,
                top=options.selection.top,
                threshold=options.selection.threshold,
                median=median,
                description=options.selection.describe(median),
            ),
            join_column=table.join_column,
            join_field=table.join_field,
            categories=list(table.categories),
            min_share=float(options.min_share),
            flag_below=float(options.flag_below),
            confidence=options.confidence,
            unknown_labels=sorted(set(options.unknown)),
        ),
        sample=SampleCounts(
            rows=len(batch.rows),
            scored=len(scored),
            errors=len(batch.rows) - len(scored),
            selected=len(chosen),
            without_group_row=without,
            group_rows=len(table.rows),
            unmatched_group_rows=len(joined.unmatched_lines),
            unmatched_group_lines=list(joined.unmatched_lines[:LISTED_LINES]),
        ),
        columns=columns,
        flagged=sum(len(c.flagged) for c in columns),
        warnings=warnings,
    )


def _selected(scored: Sequence[ResultRow], rule: SelectionRule, median: float) -> set[int]:
    """The lines of the scored rows selected (rows come in ranking order)."""
    if rule.mode == "top":
        return {r.line for r in scored[: rule.top]}
    if rule.mode == "score":
        threshold = rule.threshold or 0.0
        return {r.line for r in scored if (r.score or 0.0) >= threshold}
    return {r.line for r in scored if (r.score or 0.0) > median}


def _labels_of(
    labels: tuple[str | None, ...] | None, at: tuple[int, ...]
) -> tuple[str, ...] | None:
    """A row's labels in the columns ``at``; None when any is unknown."""
    if labels is None:
        return None
    picked = tuple(labels[i] for i in at)
    return None if any(p is None for p in picked) else tuple(p for p in picked if p is not None)


def _column(
    batch: BatchResults,
    joined: Joined,
    at: tuple[int, ...],
    names: tuple[str, ...],
    chosen: set[int],
    options: AuditOptions,
) -> CategoryColumn:
    members: dict[tuple[str, ...], list[ResultRow]] = {}
    errors: dict[tuple[str, ...], int] = {}
    unknown = unknown_label = 0
    for row, labels in zip(batch.rows, joined.labels, strict=True):
        key = _labels_of(labels, at)
        if key is None:
            if row.ok:
                unknown += 1
                unknown_label += labels is not None
            continue
        if row.ok:
            members.setdefault(key, []).append(row)
        else:
            errors[key] = errors.get(key, 0) + 1
            members.setdefault(key, [])
    known = sum(len(rows) for rows in members.values())
    counts = {k: (sum(r.line in chosen for r in rows), len(rows)) for k, rows in members.items()}
    excluded = {
        k
        for k, (_, n) in counts.items()
        if n == 0 or stats.under_share(n, known, options.min_share)
    }
    ranked = sorted(
        (k for k in counts if k not in excluded),
        key=lambda k: (-stats.rate(*counts[k]), k),
    )
    reference = ranked[0] if ranked and counts[ranked[0]][0] > 0 else None
    percent = f"{float(options.min_share * 100):g}%"
    results = []
    for key in sorted(members):
        selected, count = counts[key]
        notes: list[str] = []
        ratio: Fraction | None = None
        interval: tuple[float, float] | None = None
        p_value: float | None = None
        if key in excluded:
            notes.append(f"excluded: under {percent}" if count else "excluded: no scored rows")
        elif reference is None:
            notes.append("no category selected anyone: impact ratios undefined")
        elif key == reference:
            ratio = Fraction(1)
            notes.append("reference (highest rate)")
        else:
            ref_selected, ref_count = counts[reference]
            ratio = stats.impact_ratio(selected, count, ref_selected, ref_count)
            interval = stats.katz_interval(
                selected, count, ref_selected, ref_count, confidence=options.confidence
            )
            p_value = float(stats.fisher_exact(selected, count, ref_selected, ref_count))
            if interval is None:
                notes.append("no interval: no one selected")
        flagged = ratio is not None and ratio < options.flag_below
        if flagged:
            notes.append(f"impact ratio under {float(options.flag_below):g}")
        results.append(
            CategoryResult(
                label=CROSS.join(key),
                labels=list(key),
                count=count,
                selected=selected,
                rate=float(stats.rate(selected, count)),
                share=float(Fraction(count, known)) if known else 0.0,
                excluded=key in excluded,
                reference=key == reference,
                impact_ratio=None if ratio is None else float(ratio),
                ci_low=None if interval is None else interval[0],
                ci_high=None if interval is None else interval[1],
                p_value=p_value,
                flagged=flagged,
                notes=notes,
                errors=errors.get(key, 0),
                overall=_distribution([r.score for r in members[key]]),
                areas=[
                    AreaDistribution(
                        id=area.id,
                        name=area.name,
                        scores=_distribution([r.areas[i] for r in members[key]]),
                    )
                    for i, area in enumerate(batch.areas)
                ],
            )
        )
    return CategoryColumn(
        name=CROSS.join(names),
        columns=list(names),
        intersection=len(names) > 1,
        known=known,
        unknown=unknown,
        unknown_label=unknown_label,
        reference=None if reference is None else CROSS.join(reference),
        flagged=[c.label for c in results if c.flagged],
        categories=results,
    )


def _distribution(values: Sequence[float | None]) -> Distribution:
    summary = stats.describe([v for v in values if v is not None])
    return Distribution(
        count=summary.count,
        mean=summary.mean,
        median=summary.median,
        q1=summary.q1,
        q3=summary.q3,
    )


def _trail(batch: BatchResults, table: GroupTable) -> AuditTrail:
    rubric = batch.rubric
    meta = batch.meta or {}
    options = meta.get("options")
    return AuditTrail(
        results=InputFile(
            file=str(batch.path), format=batch.format, sha256=batch.sha256, rows=len(batch.rows)
        ),
        groups=InputFile(
            file=str(table.path), format="csv", sha256=table.sha256, rows=len(table.rows)
        ),
        batch=BatchTrail(
            meta_file=None if batch.meta_file is None else str(batch.meta_file),
            rubric=None
            if rubric is None
            else RubricTrail(
                id=rubric.id, title=rubric.title, version=rubric.version, sha256=rubric.sha256
            ),
            tool_versions=list(batch.tool_versions),
            as_of_first=batch.as_of[0] if batch.as_of else None,
            as_of_last=batch.as_of[-1] if batch.as_of else None,
            blind=batch.blind,
            options=dict(options) if isinstance(options, dict) else None,
        ),
    )


def _count(n: int, noun: str) -> str:
    """``1 row``, ``2 rows``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _warnings(
    batch: BatchResults, table: GroupTable, joined: Joined, options: AuditOptions, scored: int
) -> list[str]:
    warnings = []
    errors = len(batch.rows) - scored
    if errors:
        warnings.append(
            f"{_count(errors, 'row')} of the results could not be scored (error rows): "
            "counted, not in the sample"
        )
    without = sum(
        1 for r, lab in zip(batch.rows, joined.labels, strict=True) if r.ok and lab is None
    )
    if without:
        warnings.append(
            f"{_count(without, 'scored row')} with no row in {table.path.name}: counted as "
            "unknown, left out of the rates"
        )
    unmatched = joined.unmatched_lines
    if unmatched:
        lines = ", ".join(str(n) for n in unmatched[:5]) + (", …" if len(unmatched) > 5 else "")
        warnings.append(
            f"{_count(len(unmatched), 'row')} of {table.path.name} matching no row of the "
            f"results ({'line' if len(unmatched) == 1 else 'lines'} {lines}): check the "
            f"{table.join_column} column"
        )
    rule = options.selection
    if rule.mode == "top" and (rule.top or 0) >= scored:
        warnings.append(
            f"--selected top:{rule.top} selects every one of the {scored} scored rows: every "
            "rate is 1"
        )
    for index, column in enumerate(table.categories):
        variants: dict[str, set[str]] = {}
        for group in table.rows.values():
            label = group.labels[index]
            if label is not None:
                variants.setdefault(label.casefold(), set()).add(label)
        for forms in sorted(sorted(v) for v in variants.values() if len(v) > 1):
            quoted = ", ".join(f"'{f}'" for f in forms)
            warnings.append(
                f"column {column}: labels {quoted} differ only in case and are counted as "
                "different categories; make them the same if they are"
            )
    return warnings


__all__ = ["CROSS", "AuditOptions", "SelectionRule", "build_audit", "run_audit"]
