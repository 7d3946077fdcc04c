"""Renderers for a counterfactual test of a rubric (``skillgap audit-rubric``).

Pure functions from a :class:`~skillgap.fairness.model.RubricAudit` to a string, one per
:class:`~.formats.DiffFormat` (terminal, JSON, Markdown), chosen from
:data:`AUDIT_RENDERERS` (a test walks the enum). Profile ids, requirement names and the
evidence that moved came from files people wrote, so they are escaped for each medium.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from ..fairness.model import IDENTITY, RequirementMove, RubricAudit, VariantChange
from .escape import markdown as md
from .escape import plain
from .formats import DiffFormat
from .options import RenderOptions


def _signed(value: float) -> str:
    return f"{value:+.1f}" if round(value, 1) != 0 else "±0.0"


def verdict(audit: RubricAudit) -> str:
    """One line: how many variants, how many changed what."""
    head = (
        f"{audit.variants} variants of {len(audit.profiles)} profiles: "
        f"{audit.identity_driven} identity-driven change(s), "
        f"{audit.legitimate} legitimate (evidence of years)"
    )
    return head + ("; PASSED" if audit.passed else "; FAILED")


def _requirement_line(move: RequirementMove) -> str:
    must = ", must-have" if move.must_have else ""
    status = (
        f" ({move.old_status} → {move.new_status})" if move.old_status != move.new_status else ""
    )
    return (
        f"{move.name} [{move.id}, area {move.area}{must}]: {move.old_score:.1f} → "
        f"{move.new_score:.1f}{status}"
    )


def _causes(move: RequirementMove) -> list[str]:
    """The evidence that moved, one phrase each (as written: escape before showing)."""
    causes = [
        f"{e.change}: '{e.text}' as {e.skill} ({e.method}, {e.source})" for e in move.evidence
    ]
    if move.old_years != move.new_years:
        causes.append(f"years of experience found: {move.old_years} → {move.new_years}")
    if move.old_degree != move.new_degree:
        causes.append(f"degree found: {move.old_degree} → {move.new_degree}")
    return causes


def _label(change: VariantChange | RequirementMove) -> str:
    return "IDENTITY-DRIVEN" if change.kind == IDENTITY else change.kind


def render_audit_terminal(audit: RubricAudit, options: RenderOptions) -> str:
    """The audit for a person: the verdict, then each change with what moved it."""
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

    def style(name: str) -> str:
        return name if color else ""

    rubric = audit.rubric
    console.print(
        Text.assemble(
            ("skillgap audit-rubric", style("bold cyan")),
            "  ",
            (plain(rubric.title), style("bold")),
            f"  ({plain(rubric.id)} {plain(rubric.version)}), as of {audit.as_of}",
        )
    )
    for family in audit.families:
        flagged = family.identity_driven
        console.print(
            Text.assemble(
                f"  {family.name:<22} {family.variants:>4} variants  ",
                (
                    f"{flagged} identity-driven" if flagged else "no identity-driven change",
                    style("bold red" if flagged else "green"),
                ),
                f", {family.legitimate} legitimate" if family.legitimate else "",
                (f"   ({plain(family.attribute)})", style("dim")),
            )
        )
    for change in audit.changes:
        console.print()
        bad = change.kind == IDENTITY
        console.print(
            Text.assemble(
                (_label(change), style("bold red" if bad else "yellow")),
                f"  {plain(change.profile)} · {change.family} · {plain(change.description)}",
            )
        )
        console.print(
            Text(
                f"  overall {change.old_score:.1f} → {change.new_score:.1f} "
                f"({_signed(change.change)})"
                + "".join(f"; area {a.id} {_signed(a.change)}" for a in change.areas)
                + "".join(f"; now blocked by {b}" for b in change.blocking_new)
                + "".join(f"; no longer blocked by {b}" for b in change.blocking_resolved)
            )
        )
        for move in change.requirements:
            console.print(Text(f"  - {plain(_requirement_line(move))}  [{move.kind}]"))
            for cause in _causes(move):
                console.print(Text(f"      {plain(cause)}", style=style("dim")))
    console.print()
    console.print(Text(verdict(audit), style=style("bold green" if audit.passed else "bold red")))
    return buffer.getvalue()


def render_audit_markdown(audit: RubricAudit, options: RenderOptions) -> str:
    """The audit as Markdown: a table of families, then every change."""
    rubric = audit.rubric
    out = [
        f"# Counterfactual test: {md(rubric.title)}",
        "",
        (
            f"Rubric `{md(rubric.id)}` {md(rubric.version)} · as of {audit.as_of} · "
            f"**{'passed' if audit.passed else 'failed'}**"
        ),
        "",
        verdict(audit) + ".",
        "",
        "| Signal | Stands for | Variants | Identity-driven | Legitimate |",
        "|---|---|---:|---:|---:|",
    ]
    out += [
        f"| {md(f.name)} | {md(f.attribute)} | {f.variants} | {f.identity_driven} | "
        f"{f.legitimate} |"
        for f in audit.families
    ]
    out += ["", "Profiles: " + ", ".join(f"`{md(p.id)}` ({p.score:.1f})" for p in audit.profiles)]
    if audit.changes:
        out += ["", "## Changes"]
    for change in audit.changes:
        out += [
            "",
            f"### {md(change.profile)} · {md(change.family)} · {md(change.description)}",
            "",
            f"**{md(_label(change))}**: overall {change.old_score:.1f} → "
            f"{change.new_score:.1f} ({_signed(change.change)})"
            + "".join(f"; area `{md(a.id)}` {_signed(a.change)}" for a in change.areas),
            "",
        ]
        for move in change.requirements:
            out.append(f"- {md(_requirement_line(move))} — {md(move.kind)}")
            out += [f"  - {md(cause)}" for cause in _causes(move)]
    return "\n".join(out) + "\n"


def render_audit_json(audit: RubricAudit, options: RenderOptions) -> str:
    """The audit as deterministic JSON (:meth:`RubricAudit.to_json`)."""
    return audit.to_json()


#: One renderer per format (a test walks :class:`DiffFormat`).
AUDIT_RENDERERS: dict[DiffFormat, Callable[[RubricAudit, RenderOptions], str]] = {
    DiffFormat.TERMINAL: render_audit_terminal,
    DiffFormat.JSON: render_audit_json,
    DiffFormat.MARKDOWN: render_audit_markdown,
}


def render_audit(audit: RubricAudit, fmt: DiffFormat, options: RenderOptions | None = None) -> str:
    """Render ``audit`` in ``fmt``."""
    return AUDIT_RENDERERS[fmt](audit, options or RenderOptions())


__all__ = [
    "AUDIT_RENDERERS",
    "render_audit",
    "render_audit_json",
    "render_audit_markdown",
    "render_audit_terminal",
    "verdict",
]
