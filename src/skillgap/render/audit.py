"""The fairness audit (``skillgap audit``) as terminal text, Markdown or JSON; the HTML is
in :mod:`.audit_html`.

Every label and column name comes from the organisation's groups file and every area
name from the batch's results: untrusted text, made inert for each medium
(``rich.text.Text`` in the terminal, :func:`~.escape.markdown`, :func:`~.escape.html_text`).
Every format has exactly one renderer in :data:`AUDIT_RENDERERS` (a test walks
:class:`~.formats.OutputFormat`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from importlib import import_module

from ..audit.model import AuditReport, CategoryColumn, CategoryResult
from .escape import markdown as md
from .escape import plain
from .formats import OutputFormat
from .options import RenderOptions

AuditRenderer = Callable[[AuditReport, RenderOptions], str]

#: Format -> "module:function" (imported only when that format is used).
AUDIT_RENDERERS: dict[OutputFormat, str] = {
    OutputFormat.TERMINAL: "audit:render_audit_terminal",
    OutputFormat.JSON: "audit:render_audit_json",
    OutputFormat.MARKDOWN: "audit:render_audit_markdown",
    OutputFormat.HTML: "audit_html:render_audit_html",
}

#: How many areas the summary of gaps lists per column.
GAP_AREAS = 5


def render_audit(
    report: AuditReport, fmt: OutputFormat | str, options: RenderOptions | None = None
) -> str:
    """Render an audit in ``fmt`` (terminal, json, markdown or html)."""
    module_name, function = AUDIT_RENDERERS[OutputFormat(fmt)].split(":")
    renderer: AuditRenderer = getattr(import_module(f".{module_name}", __package__), function)
    return renderer(report, options or RenderOptions())


# --------------------------------------------------------------------------- numbers


def percent(value: float) -> str:
    """A rate as a percentage with one decimal: ``'45.0%'``."""
    return f"{value * 100:.1f}%"


def ratio_text(value: float | None) -> str:
    """An impact ratio with three decimals, or a dash when undefined."""
    return "—" if value is None else f"{value:.3f}"


def interval_text(low: float | None, high: float | None) -> str:
    """A confidence interval: ``'0.62–0.91'``, or a dash when undefined."""
    return "—" if low is None or high is None else f"{low:.2f}–{high:.2f}"


def p_text(value: float | None) -> str:
    """A p-value with four decimals (``'<0.0001'`` below that), or a dash."""
    if value is None:
        return "—"
    return "<0.0001" if value < 0.0001 else f"{value:.4f}"


def score_text(value: float | None) -> str:
    """A score on 0-100 with one decimal, or a dash."""
    return "—" if value is None else f"{value:.1f}"


def area_gaps(
    column: CategoryColumn, limit: int = GAP_AREAS
) -> list[tuple[str, str, float, str, float]]:
    """The areas whose mean score differs most between the categories of ``column`` that
    are not excluded: (area, lowest category, its mean, highest category, its mean),
    largest gap first (ties by area order)."""
    included = [c for c in column.categories if not c.excluded and c.count]
    if len(included) < 2 or not included[0].areas:
        return []
    gaps = []
    for index, area in enumerate(included[0].areas):
        means = [(c.areas[index].scores.mean, c.label) for c in included]
        known = [(m, label) for m, label in means if m is not None]
        if len(known) < 2:
            continue
        # the first lowest and first highest, in the categories' (sorted) order
        low, high = min(known, key=lambda m: m[0]), max(known, key=lambda m: m[0])
        gaps.append((high[0] - low[0], index, area.name, low[1], low[0], high[1], high[0]))
    gaps.sort(key=lambda g: (-g[0], g[1]))
    return [
        (name, lo, lo_mean, hi, hi_mean) for _, _, name, lo, lo_mean, hi, hi_mean in gaps[:limit]
    ]


def trail_lines(report: AuditReport) -> list[tuple[str, str]]:
    """The audit trail as (label, plain text) pairs, for every format."""
    trail = report.trail
    batch = trail.batch
    rubric = batch.rubric
    rubric_text = (
        "not recorded (no audit sidecar)"
        if rubric is None
        else f"{rubric.id} {rubric.version or ''} sha256 {rubric.sha256 or 'not recorded'}"
    )
    if batch.as_of_first is None:
        as_of = "not recorded"
    elif batch.as_of_first == batch.as_of_last:
        as_of = batch.as_of_first
    else:
        as_of = f"{batch.as_of_first} to {batch.as_of_last}"
    blind = {True: "yes", False: "no", None: "not recorded"}[batch.blind]
    settings = report.settings
    return [
        (
            "Results",
            f"{trail.results.file} ({trail.results.format}, sha256 {trail.results.sha256})",
        ),
        ("Groups", f"{trail.groups.file} (sha256 {trail.groups.sha256})"),
        ("Audit sidecar", batch.meta_file or "none"),
        ("Rubric", " ".join(rubric_text.split())),
        ("Scored by", ", ".join(f"skillgap {v}" for v in batch.tool_versions) or "not recorded"),
        ("As of", as_of),
        ("Blind batch", blind),
        ("Audited by", f"skillgap {report.tool.version}"),
        ("Selected", settings.selection.description),
        ("Joined on", f"{settings.join_column} ({settings.join_field})"),
        (
            "Rules",
            (
                f"categories under {settings.min_share * 100:g}% excluded from ratios; ratios "
                f"under {settings.flag_below:g} flagged; {settings.confidence * 100:g}% "
                "intervals (Katz log); Fisher's exact test against the reference"
            ),
        ),
    ]


def sample_text(report: AuditReport) -> str:
    """The sample in one sentence."""
    sample = report.sample
    return (
        f"{sample.rows} rows: {sample.scored} scored, {sample.errors} not scored (errors); "
        f"{sample.selected} selected; {sample.without_group_row} scored rows without a group "
        f"row; {sample.unmatched_group_rows} of {sample.group_rows} group rows matched no result."
    )


def verdict_text(report: AuditReport) -> str:
    """How many impact ratios are flagged, in words."""
    if not report.flagged:
        return f"No impact ratio under {report.settings.flag_below:g}."
    return (
        f"{report.flagged} impact ratio{'s' if report.flagged != 1 else ''} under "
        f"{report.settings.flag_below:g} (flagged)."
    )


# --------------------------------------------------------------------------- JSON


def render_audit_json(report: AuditReport, options: RenderOptions) -> str:
    """The audit as indented JSON with a trailing newline (deterministic)."""
    del options  # JSON has no presentation options
    return report.to_json()


# --------------------------------------------------------------------------- Markdown


_MD_HEADER = (
    "Category",
    "Count",
    "Selected",
    "Rate",
    "Impact ratio",
    "95% CI",
    "p (Fisher)",
    "Flag",
    "Notes",
)


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_category(c: CategoryResult) -> str:
    return _md_row(
        [
            md(c.label),
            str(c.count),
            str(c.selected),
            percent(c.rate),
            ratio_text(c.impact_ratio),
            interval_text(c.ci_low, c.ci_high),
            p_text(c.p_value),
            "**flagged**" if c.flagged else "",
            md("; ".join(c.notes)),
        ]
    )


def render_audit_markdown(report: AuditReport, options: RenderOptions) -> str:
    """The audit as Markdown: trail, sample, one table per column, area scores."""
    del options
    lines = ["# Fairness audit", ""]
    lines += [f"- **{label}:** {md(text)}" for label, text in trail_lines(report)]
    lines += ["", f"**Sample.** {md(sample_text(report))}", "", f"**{verdict_text(report)}**", ""]
    if report.warnings:
        lines += ["## Warnings", ""] + [f"- {md(w)}" for w in report.warnings] + [""]
    for column in report.columns:
        lines += [f"## {md(column.name)}", ""]
        lines.append(
            f"{column.known} scored rows with a known label, {column.unknown} unknown "
            f"({column.unknown_label} by label, the rest without a group row); reference: "
            f"{md(column.reference) if column.reference else 'none'}."
        )
        lines += [
            "",
            _md_row(_MD_HEADER),
            "|---|---:|---:|---:|---:|---:|---:|---|---|",
        ]
        lines += [_md_category(c) for c in column.categories]
        gaps = area_gaps(column)
        if gaps:
            lines += ["", "Largest gaps in mean area score:", ""]
            lines += [
                f"- {md(name)}: {md(lo)} {score_text(lo_mean)}, {md(hi)} {score_text(hi_mean)}"
                for name, lo, lo_mean, hi, hi_mean in gaps
            ]
        lines += [
            "",
            "<details><summary>Scores by area</summary>",
            "",
            "| Area | Category | n | Mean | Median | Q1 | Q3 |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        area_count = len(column.categories[0].areas) if column.categories else 0
        rows = [("Overall", c, c.overall) for c in column.categories]
        for index in range(area_count):
            rows += [(c.areas[index].name, c, c.areas[index].scores) for c in column.categories]
        for name, category, scores in rows:
            lines.append(
                _md_row(
                    [
                        md(name),
                        md(category.label),
                        str(scores.count),
                        score_text(scores.mean),
                        score_text(scores.median),
                        score_text(scores.q1),
                        score_text(scores.q3),
                    ]
                )
            )
        lines += ["", "</details>", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- terminal


def render_audit_terminal(report: AuditReport, options: RenderOptions) -> str:
    """The audit for a terminal (Rich): trail, sample, a table per column, area gaps."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    color = options.color
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=max(60, options.width),
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    console.print(Text("Fairness audit", style="bold"))
    for label, text in trail_lines(report):
        console.print(Text.assemble((f"{label}: ", "dim"), plain(text)))
    console.print()
    console.print(Text(plain(sample_text(report))))
    console.print(Text(verdict_text(report), style="bold red" if report.flagged else "bold green"))
    for warning in report.warnings:
        console.print(Text.assemble(("warning: ", "yellow"), plain(warning)))
    for column in report.columns:
        console.print()
        table = Table(
            box=box.SIMPLE_HEAD if color else box.ASCII2,
            title=Text(
                f"{plain(column.name)}: {column.known} known, {column.unknown} unknown",
                style="bold",
            ),
            title_justify="left",
            show_edge=False,
            pad_edge=False,
        )
        table.add_column("Category", overflow="fold")
        for name in ("Count", "Selected", "Rate", "Ratio", "95% CI", "p"):
            table.add_column(name, justify="right", no_wrap=True)
        table.add_column("Notes", overflow="fold")
        for c in column.categories:
            style = "red" if c.flagged and color else ""
            table.add_row(
                Text(plain(c.label)),
                Text(str(c.count)),
                Text(str(c.selected)),
                Text(percent(c.rate)),
                Text(ratio_text(c.impact_ratio), style=style),
                Text(interval_text(c.ci_low, c.ci_high)),
                Text(p_text(c.p_value)),
                Text(plain("; ".join(c.notes)), style=style),
            )
        console.print(table)
        gaps = area_gaps(column)
        if gaps:
            console.print(Text("Largest gaps in mean area score:", style="dim"))
            for name, lo, lo_mean, hi, hi_mean in gaps:
                console.print(
                    Text(
                        f"  {plain(name)}: {plain(lo)} {score_text(lo_mean)}, "
                        f"{plain(hi)} {score_text(hi_mean)}"
                    )
                )
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


__all__ = [
    "AUDIT_RENDERERS",
    "AuditRenderer",
    "area_gaps",
    "interval_text",
    "p_text",
    "percent",
    "ratio_text",
    "render_audit",
    "render_audit_json",
    "render_audit_markdown",
    "render_audit_terminal",
    "score_text",
    "trail_lines",
]
