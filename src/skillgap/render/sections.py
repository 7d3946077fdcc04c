"""Report sections shared by the terminal and Markdown renderers: the career-ladder
placement, the learning plan, and self-assessed evidence.

Pure functions: Rich renderables for the terminal, lists of lines for Markdown. Text
from a profile or a rubric goes through :mod:`skillgap.render.escape` (never Rich
markup).
"""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ..report.model import AreaResult, EvidenceItem, GapReport, LadderPlacement
from ..report.plan import PlanStep, learning_plan
from .escape import markdown as md
from .escape import plain
from .options import RenderOptions

_SAFE_URL_RE = re.compile(r"^https?://[^\s<>()\[\]{}\"'`\\^|]+$")


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) URL that cannot break out of a link, else None.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    """
    if url and _SAFE_URL_RE.match(url) and len(url) <= 2000:
        return url
    return None


def _st(color: bool, name: str) -> str:
    return name if color else ""


def level_status(placement: LadderPlacement, index: int) -> str:
    """A level's status in words: fully met, met through a higher level (ladders are
    cumulative), blocked by ..., or points short."""
    level = placement.levels[index]
    if level.fully_met:
        return "fully met"
    if level.met:
        return f"met: {plain(placement.placed_name or '')} is fully met"
    if level.blocking:
        return f"blocked: {', '.join(level.blocking)}"
    return f"{level.short_by:.1f} points short"


def subject_note(area: AreaResult) -> str:
    """'' or why an area counts only in part (the rubric's ``scoring.subject``)."""
    factor = area.subject_factor
    if factor is None or factor >= 1.0:
        return ""
    return (
        f"counted at {factor * 100:.0f}%: it depends on the role's subject, which the "
        f"profile shows at {factor * 100:.0f}%"
    )


def evidence_how(item: EvidenceItem) -> str:
    """How a piece of evidence matched, for a report line: the method, a near spelling's
    similarity, and for a form the rubric does not write, which form and that it came
    from the knowledge base (text to escape, like any other).

    >>> from skillgap.report.build import build
    >>> item = build(EvidenceItem, text="k8s", context="Ran k8s", source="text", line=1,
    ...              method="alias", similarity=1.0, form="k8s", origin="knowledge base")
    >>> evidence_how(item)
    "alias 'k8s', knowledge base"
    """
    how: str = item.method
    if item.method == "fuzzy":
        how += f" {item.similarity:.2f}"
    if item.origin:
        how += f" by {item.form}" if item.method == "implied" else f" '{item.form}'"
        how += ", knowledge base"
    return how


def self_assessed_text(item: EvidenceItem) -> str:
    """'advanced (self_assessment.mlops, line 12)'."""
    where = plain(item.source) + (f", line {item.line}" if item.line else "")
    return f"{plain(item.level or item.text)} ({where})"


def plan_steps(report: GapReport, options: RenderOptions) -> tuple[PlanStep, ...]:
    """The plan the options ask for (empty when --plan is off)."""
    return learning_plan(report, size=options.plan_size) if options.plan else ()


# --------------------------------------------------------------------------- terminal


def hanging(mark: str, text: Text, *, style: str = "") -> RenderableType:
    """``mark`` then ``text``, whose wrapped lines start under its first word (a
    requirement under its name, a gap or a step under its own text, never back at the
    margin in a narrow terminal)."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(mark, style=style), text)
    return grid


def terminal_ladder(placement: LadderPlacement, *, color: bool) -> RenderableType:
    """The ladder: every level with its score and status, the placement and the gap."""
    arrow = "→" if color else "->"
    rule = (
        f"  ({plain(placement.id)}; fully met: no unmet must-have, score ≥ {placement.min_score:g})"
    )
    lines: list[RenderableType] = [
        Text.assemble(
            ("Career ladder: ", _st(color, "bold")),
            (plain(placement.title), _st(color, "bold")),
            (rule, _st(color, "dim")),
        )
    ]
    width = max(len(plain(level.name)) for level in placement.levels)
    for index, level in enumerate(placement.levels):
        here = level.rubric.id == placement.placed
        mark = ("✔" if color else "[x]") if level.met else ("·" if color else "[ ]")
        style = "green" if level.met else ("red" if level.blocking else "yellow")
        lines.append(
            hanging(
                f"  {mark}",
                Text.assemble(
                    (f"{plain(level.name):<{width}}", _st(color, "bold" if here else "")),
                    f"  {level.score:5.1f}  ",
                    (level_status(placement, index), _st(color, style)),
                    (f"  {arrow} you are here" if here else "", _st(color, "bold cyan")),
                ),
            )
        )
    placed = plain(placement.placed_name) if placement.placed_name else "no level fully met yet"
    lines.append(Text.assemble(("  Placed at: ", _st(color, "bold")), placed))
    if placement.next_name:
        lines.append(Text.assemble(("  Next: ", _st(color, "bold")), plain(placement.next_name)))
        if placement.gap_to_next:
            lines.append(
                Padding(
                    Text(
                        f"What {plain(placement.next_name)} asks for that you do not yet show:",
                        style=_st(color, "dim"),
                    ),
                    (0, 0, 0, 2),
                )
            )
        for number, gap in enumerate(placement.gap_to_next, start=1):
            lines.append(
                hanging(
                    f"   {number:>2}.",
                    Text.assemble(
                        (f"+{gap.gain:.1f}", _st(color, "green")),
                        "  ",
                        plain(gap.name),
                        (
                            f"  ({plain(gap.area_name)}, now {gap.score * 100:.0f}%)",
                            _st(color, "dim"),
                        ),
                        (" blocking" if gap.blocking else "", _st(color, "red")),
                    ),
                )
            )
    else:
        lines.append(Text("  This is the top of the ladder.", style=_st(color, "dim")))
    return Group(*lines, Text())


def terminal_plan(report: GapReport, options: RenderOptions) -> RenderableType | None:
    """The learning plan, or None when it is off or there is nothing to close."""
    steps = plan_steps(report, options)
    if not steps:
        return None
    color = options.color
    arrow = "→" if color else "->"
    intro = (
        f": close these in order (overall now {report.overall.score:.1f}; each line "
        "shows the score after closing it and those above)"
    )
    lines: list[RenderableType] = [
        Text.assemble(("Learning plan", _st(color, "bold")), (intro, _st(color, "dim")))
    ]
    for step in steps:
        gap = step.gap
        lines.append(
            hanging(
                f"{step.number:>2}.",
                Text.assemble(
                    (plain(gap.name), _st(color, "bold")),
                    "  ",
                    (f"+{gap.gain:.1f}", _st(color, "bold green")),
                    (f" {arrow} {step.score_after:.1f}", _st(color, "green")),
                    (f"  ({plain(gap.area_name)}, now {gap.score * 100:.0f}%)", _st(color, "dim")),
                    (
                        " must-have, blocking"
                        if gap.blocking
                        else (" must-have" if gap.must_have else ""),
                        _st(color, "magenta"),
                    ),
                ),
            )
        )
        details: list[RenderableType] = []
        if gap.missing_skills:
            shown = ", ".join(plain(x) for x in gap.missing_skills[:6])
            more = len(gap.missing_skills) - 6
            details.append(
                Text(
                    f"missing: {shown}{f' (+{more} more)' if more > 0 else ''}",
                    style=_st(color, "dim"),
                )
            )
        details.extend(hanging(arrow, Text(plain(s))) for s in gap.next_steps)
        for resource in gap.resources:
            url = safe_url(resource.url)
            details.append(
                Text(
                    f"resource: {plain(resource.title)}{f' <{url}>' if url else ''}",
                    style=_st(color, "cyan"),
                )
            )
        if gap.effort:
            details.append(Text(f"effort: {plain(gap.effort)}", style=_st(color, "dim")))
        # Padding keeps wrapped lines indented under their step.
        lines.extend(Padding(d, (0, 0, 0, 6)) for d in details)
    return Group(*lines)


def terminal_self_assessment(item: EvidenceItem, *, color: bool) -> Text:
    """The evidence line for a self-assessed requirement."""
    return Text.assemble(
        "    ",
        ("self-assessed: ", _st(color, "cyan")),
        (self_assessed_text(item), _st(color, "dim")),
    )


# --------------------------------------------------------------------------- markdown


def markdown_ladder(placement: LadderPlacement) -> list[str]:
    """The ladder as a Markdown section."""
    rule = (
        f"**{md(placement.title)}** (`{md(placement.id)}`): a level is fully met with "
        f"no unmet must-have and a score of at least {placement.min_score:g}; every level "
        "below the highest one fully met is met too."
    )
    out = [
        "## Career ladder",
        "",
        rule,
        "",
        "| Level | Rubric | Score | Status |",
        "|---|---|---:|---|",
    ]
    for index, level in enumerate(placement.levels):
        here = " **← you are here**" if level.rubric.id == placement.placed else ""
        out.append(
            f"| {md(level.name)} | `{md(level.rubric.id)}` | {level.score:.1f} | "
            f"{md(level_status(placement, index))}{here} |"
        )
    placed = md(placement.placed_name) if placement.placed_name else "no level fully met yet"
    out += ["", f"- **Placed at:** {placed}"]
    if placement.next_name:
        out.append(f"- **Next:** {md(placement.next_name)}")
        if placement.gap_to_next:
            out += ["", f"What {md(placement.next_name)} asks for that is not yet shown:", ""]
            for number, gap in enumerate(placement.gap_to_next, start=1):
                blocking = " — **blocking**" if gap.blocking else ""
                out.append(
                    f"{number}. **{md(gap.name)}** (+{gap.gain:.1f}; "
                    f"{md(gap.area_name)}, now {gap.score * 100:.0f}%){blocking}"
                )
    else:
        out.append("- This is the top of the ladder.")
    return [*out, ""]


def markdown_plan(report: GapReport, options: RenderOptions) -> list[str]:
    """The learning plan as a Markdown section (empty when off or nothing to close)."""
    steps = plan_steps(report, options)
    if not steps:
        return []
    intro = (
        f"Close these in order; overall now **{report.overall.score:.1f}**, and each "
        "step shows the score after closing it and the steps above it."
    )
    out = ["## Learning plan", "", intro, ""]
    for step in steps:
        gap = step.gap
        flag = (
            " — must-have, **blocking**"
            if gap.blocking
            else (" — must-have" if gap.must_have else "")
        )
        out.append(
            f"### {step.number}. {md(gap.name)} (+{gap.gain:.1f} → {step.score_after:.1f}){flag}"
        )
        out += [
            "",
            f"{md(gap.area_name)}, now {gap.score * 100:.0f}%."
            + (f" Effort: {md(gap.effort)}." if gap.effort else ""),
            "",
        ]
        if gap.missing_skills:
            out += [f"Missing: {', '.join(md(x) for x in gap.missing_skills)}.", ""]
        out.extend(f"- {md(s)}" for s in gap.next_steps)
        for resource in gap.resources:
            url = safe_url(resource.url)
            if url:
                out.append(f"- Resource: [{md(resource.title)}](<{url}>)")
            else:
                out.append(f"- Resource: {md(resource.title)}")
        out.append("")
    return out


def markdown_self_assessment(item: EvidenceItem) -> str:
    """The evidence line for a self-assessed requirement."""
    return f"  - self-assessed: {md(self_assessed_text(item))}"


__all__ = [
    "hanging",
    "level_status",
    "markdown_ladder",
    "markdown_plan",
    "markdown_self_assessment",
    "plan_steps",
    "safe_url",
    "self_assessed_text",
    "terminal_ladder",
    "terminal_plan",
    "terminal_self_assessment",
]
