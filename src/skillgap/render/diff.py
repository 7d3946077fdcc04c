"""Renderers for a report diff (``skillgap diff``): terminal, JSON and Markdown.

Pure functions from a :class:`~skillgap.diff.ReportDiff` to a string, one per
:class:`DiffFormat`, chosen from :data:`DIFF_RENDERERS` (a test walks the enum). Names
and other text that came from profiles are escaped for each medium.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..report.diff import ReportDiff
from .escape import markdown as md
from .escape import plain
from .formats import DiffFormat
from .options import RenderOptions

_STATUS_WORD = {"met": "met", "partial": "partial", "missing": "missing", None: "absent"}


def _signed(value: float) -> str:
    return f"{value:+.1f}" if round(value, 1) != 0 else "±0.0"


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _st(color: bool, name: str) -> str:
    return name if color else ""


def _change_style(value: float) -> str:
    return "green" if value > 0.05 else "red" if value < -0.05 else "dim"


def render_diff_terminal(diff: ReportDiff, options: RenderOptions) -> str:
    """The diff for a person: headline change, per-area table, what was gained and lost."""
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
        soft_wrap=False,
    )
    old, new = diff.old, diff.new
    console.print(
        Text.assemble(
            ("skillgap diff", _st(color, "bold cyan")),
            "  ",
            (plain(new.rubric.title), _st(color, "bold")),
            f"  ({plain(new.rubric.id)} {plain(new.rubric.version)})",
        )
    )
    for label, side in (("old", old), ("new", new)):
        placed = f"; ladder: {plain(side.placed)}" if side.placed else ""
        console.print(
            Text(
                f"  {label}: {plain(side.file)}  {plain(side.candidate)}, as of "
                f"{plain(side.as_of)}{placed}",
                style=_st(color, "dim"),
            )
        )
    for warning in diff.warnings:
        console.print(Text(f"warning: {plain(warning)}", style=_st(color, "yellow")))
    console.print()
    console.print(
        Text.assemble(
            ("Overall ", _st(color, "bold")),
            f"{old.score:.1f} -> {new.score:.1f}  ",
            (
                _signed(diff.overall_change),
                _st(color, "bold " + _change_style(diff.overall_change)),
            ),
            f"  ({plain(old.verdict)} -> {plain(new.verdict)})",
        )
    )
    console.print()
    table = Table(
        box=None,
        show_edge=False,
        pad_edge=False,
        title="Areas",
        title_justify="left",
        title_style=_st(color, "bold"),
    )
    table.add_column("Area")
    table.add_column("Old", justify="right")
    table.add_column("New", justify="right")
    table.add_column("Change", justify="right")
    for area in diff.areas:
        table.add_row(
            Text(plain(area.name)),
            _score(area.old),
            _score(area.new),
            Text(_signed(area.change), style=_st(color, _change_style(area.change))),
        )
    console.print(table)
    console.print()
    sections = (
        ("Newly met", [r for r in diff.requirements if r.id in diff.newly_met], "green"),
        ("No longer met", [r for r in diff.requirements if r.id in diff.no_longer_met], "red"),
    )
    for title, rows, style in sections:
        console.print(Text(f"{title} ({len(rows)})", style=_st(color, f"bold {style}")))
        for row in rows:
            console.print(
                Text(
                    f"  {plain(row.name)}  {_score(row.old_score)} -> "
                    f"{_score(row.new_score)}"
                    f"{'  must-have' if row.must_have else ''}"
                )
            )
    other = [
        r
        for r in diff.requirements
        if r.id not in diff.newly_met and r.id not in diff.no_longer_met
    ]
    if other:
        console.print(Text(f"Other score changes ({len(other)})", style=_st(color, "bold")))
        for row in other:
            console.print(
                Text(
                    f"  {plain(row.name)}  {_STATUS_WORD[row.old_status]} "
                    f"{_score(row.old_score)} -> {_STATUS_WORD[row.new_status]} "
                    f"{_score(row.new_score)}"
                )
            )
    for title, skills, style in (
        ("Skills newly evidenced", diff.skills_gained, "green"),
        ("Skills no longer evidenced", diff.skills_lost, "red"),
    ):
        console.print(Text(f"{title} ({len(skills)})", style=_st(color, f"bold {style}")))
        grouped: dict[str, list[str]] = {}
        for change in skills:
            grouped.setdefault(change.requirement_name, []).append(change.skill)
        for requirement, names in grouped.items():
            console.print(
                Text.assemble(
                    "  ",
                    (plain(requirement), _st(color, "dim")),
                    ": ",
                    ", ".join(plain(n) for n in names),
                )
            )
    if diff.blocking_resolved:
        console.print(
            Text(
                f"Must-haves no longer blocking: {', '.join(diff.blocking_resolved)}",
                style=_st(color, "green"),
            )
        )
    if diff.blocking_new:
        console.print(
            Text(
                f"Must-haves now blocking: {', '.join(diff.blocking_new)}", style=_st(color, "red")
            )
        )
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def render_diff_json(diff: ReportDiff, options: RenderOptions) -> str:
    """The diff as indented JSON (deterministic)."""
    del options  # JSON has no presentation options
    return diff.to_json()


def render_diff_markdown(diff: ReportDiff, options: RenderOptions) -> str:
    """The diff as a Markdown document."""
    del options
    old, new = diff.old, diff.new
    out = [
        f"# {md(new.rubric.title)}: progress report",
        "",
        f"- **Rubric:** `{md(new.rubric.id)}` version {md(new.rubric.version)}",
        f"- **Old:** {md(old.candidate)}, as of {md(old.as_of)} (`{md(old.file)}`)",
        f"- **New:** {md(new.candidate)}, as of {md(new.as_of)} (`{md(new.file)}`)",
        (f"- **Overall:** {old.score:.1f} → {new.score:.1f} (**{_signed(diff.overall_change)}**)"),
        "",
    ]
    if old.placed or new.placed:
        out += [f"- **Ladder:** {md(old.placed or '—')} → {md(new.placed or '—')}", ""]
    out.extend(f"> warning: {md(w)}" for w in diff.warnings)
    out += ["## Areas", "", "| Area | Old | New | Change |", "|---|---:|---:|---:|"]
    out += [
        f"| {md(a.name)} | {_score(a.old)} | {_score(a.new)} | {_signed(a.change)} |"
        for a in diff.areas
    ]
    for title, ids in (("Newly met", diff.newly_met), ("No longer met", diff.no_longer_met)):
        rows = [r for r in diff.requirements if r.id in ids]
        out += ["", f"## {title} ({len(rows)})", ""]
        out += [
            f"- **{md(r.name)}**: {_score(r.old_score)} → {_score(r.new_score)}" for r in rows
        ] or ["None."]
    for title, skills in (
        ("Skills newly evidenced", diff.skills_gained),
        ("Skills no longer evidenced", diff.skills_lost),
    ):
        out += ["", f"## {title} ({len(skills)})", ""]
        out += [f"- {md(s.skill)} ({md(s.requirement_name)})" for s in skills] or ["None."]
    if diff.blocking_resolved or diff.blocking_new:
        out += ["", "## Must-haves", ""]
        out += [f"- no longer blocking: `{md(b)}`" for b in diff.blocking_resolved]
        out += [f"- now blocking: `{md(b)}`" for b in diff.blocking_new]
    return "\n".join(out) + "\n"


DiffRenderer = Callable[[ReportDiff, RenderOptions], str]

#: Every diff format has exactly one renderer.
DIFF_RENDERERS: dict[DiffFormat, DiffRenderer] = {
    DiffFormat.TERMINAL: render_diff_terminal,
    DiffFormat.JSON: render_diff_json,
    DiffFormat.MARKDOWN: render_diff_markdown,
}


def render_diff(
    diff: ReportDiff, fmt: DiffFormat | str, options: RenderOptions | None = None
) -> str:
    """Render ``diff`` in ``fmt``."""
    return DIFF_RENDERERS[DiffFormat(fmt)](diff, options or RenderOptions())


__all__ = [
    "DIFF_RENDERERS",
    "DiffFormat",
    "render_diff",
    "render_diff_json",
    "render_diff_markdown",
    "render_diff_terminal",
]
