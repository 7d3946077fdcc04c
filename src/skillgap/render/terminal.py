"""The terminal report, built with Rich and returned as a string.

Readable at 80 columns. With ``color`` off (not a TTY, ``NO_COLOR``) it is plain text:
no escape codes, ASCII bars and marks. Profile text is only ever put into
``rich.text.Text`` objects, never parsed as markup, so ``[bold]`` in a resume is shown
as written; control characters were removed when the profile was loaded and are
removed again here.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..report.model import AreaResult, EvidenceItem, Gap, GapReport, RequirementResult
from ..scoring.bands import overall_band, score_band
from .escape import plain
from .options import RenderOptions
from .sections import (
    evidence_how,
    hanging,
    subject_note,
    terminal_ladder,
    terminal_plan,
    terminal_self_assessment,
)

_STATUS_STYLE = {"met": "green", "partial": "yellow", "missing": "red"}


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color
        self.marks = (
            {"met": "✔", "partial": "◐", "missing": "✘"}
            if color
            else {"met": "[x]", "partial": "[~]", "missing": "[ ]"}
        )
        self.full, self.empty = ("█", "░") if color else ("#", ".")
        self.box = box.SIMPLE_HEAD if color else box.ASCII2
        self.bullet = "•" if color else "-"
        self.arrow = "→" if color else "->"

    def style(self, name: str) -> str:
        return name if self.color else ""

    def bar(self, fraction: float, width: int = 20) -> Text:
        filled = round(max(0.0, min(1.0, fraction)) * width)
        colour = _STATUS_STYLE[score_band(fraction)]
        return Text.assemble(
            (self.full * filled, self.style(colour)),
            (self.empty * (width - filled), self.style("dim")),
        )


def _pct(value: float) -> str:
    return f"{round(value * 100):d}%"


def _where(item: EvidenceItem) -> str:
    return f"{plain(item.source)}, line {item.line}" if item.line else plain(item.source)


def _header(report: GapReport, s: _Style) -> RenderableType:
    rubric = report.rubric
    title = Text.assemble(
        ("skillgap", s.style("bold cyan")),
        "  ",
        (plain(rubric.title), s.style("bold")),
        f"  ({plain(rubric.id)} {plain(rubric.version)})",
    )
    candidate = report.candidate
    who = (
        plain(candidate.name)
        if candidate.name
        else ("(blind)" if report.blind else "(name not found)")
    )
    where = plain(candidate.source) if candidate.source else candidate.id
    line2 = Text.assemble(
        ("Candidate: ", s.style("dim")),
        (who, s.style("bold")),
        f"  {where} ({plain(candidate.format)})",
    )
    overall = report.overall
    colour = _STATUS_STYLE[overall_band(overall.score)]
    score_text = Text.assemble(
        (f"{overall.score:.1f}", s.style(f"bold {colour}")),
        " / 100  ",
        s.bar(overall.score / 100),
        "  ",
        (overall.verdict, s.style("red" if overall.blocked else colour)),
    )
    # A verdict that wraps continues under the score, not at the margin.
    score = hanging("Overall", score_text, style=s.style("bold"))
    counts = Text(
        f"{overall.met} met, {overall.partial} partial, {overall.missing} missing "
        f"of {overall.met + overall.partial + overall.missing} requirements",
        style=s.style("dim"),
    )
    parts: list[RenderableType] = [title, line2, Text(), score, counts]
    parts.extend(Text(f"warning: {plain(w)}", style=s.style("yellow")) for w in report.warnings)
    return Group(*parts)


def _areas_table(report: GapReport, s: _Style) -> Table:
    table = Table(
        box=s.box,
        show_edge=False,
        pad_edge=False,
        expand=False,
        title="Areas",
        title_justify="left",
        title_style=s.style("bold"),
    )
    table.add_column("Area", overflow="fold", ratio=3, min_width=16)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("met/part/miss", justify="center", no_wrap=True)
    for area in report.areas:
        table.add_row(
            Text(plain(area.name)),
            Text(_pct(area.score)),
            s.bar(area.score, 12),
            Text(f"{area.met}/{area.partial}/{area.missing}"),
        )
    return table


def _indent(renderable: RenderableType, columns: int) -> Padding:
    """Indent a line so that it also wraps at the indent."""
    return Padding(renderable, (0, 0, 0, columns))


def _evidence_line(item: EvidenceItem, s: _Style) -> RenderableType:
    how = plain(evidence_how(item))
    if item.level:
        how += f", {plain(item.level)}"
    quote = plain(item.context) if item.method != "declared" else plain(item.text)
    return _indent(
        hanging(
            s.bullet,
            Text.assemble(
                (f"“{quote}”", s.style("italic")),
                (f"  ({how}; {_where(item)})", s.style("dim")),
            ),
        ),
        4,
    )


def _requirement(req: RequirementResult, s: _Style, options: RenderOptions) -> RenderableType:
    mark = s.marks[req.status]
    head = hanging(
        "  " + mark,
        Text.assemble(
            (plain(req.name), s.style("bold")),
            f"  {_pct(req.score)}",
            (" must-have" if req.must_have else "", s.style("magenta")),
            (f"  {plain(req.explanation)}", s.style("dim")),
        ),
        style=s.style(_STATUS_STYLE[req.status]),
    )
    lines: list[RenderableType] = [head]
    for skill in req.skills:
        if skill.matched:
            lines.append(
                _indent(
                    Text.assemble(
                        ("+ ", s.style("green")),
                        plain(skill.name),
                        (f"  {plain(skill.basis)}", s.style("dim")),
                    ),
                    3,
                )
            )
            lines.extend(_evidence_line(e, s) for e in skill.evidence[: options.max_evidence])
        elif req.status != "met":
            lines.append(
                _indent(
                    Text.assemble(
                        ("- ", s.style("red")), plain(skill.name), ("  no evidence", s.style("dim"))
                    ),
                    3,
                )
            )
        for ignored in skill.ignored[:1]:
            where = f", line {ignored.line}" if ignored.line else ""
            lines.append(
                _indent(
                    Text.assemble(
                        ("ignored: ", s.style("dim")),
                        (f"“{plain(ignored.context)}”", s.style("dim italic")),
                        (f" ({plain(ignored.reason)}{where})", s.style("dim")),
                    ),
                    4,
                )
            )
    if req.self_assessment is not None:
        lines.append(terminal_self_assessment(req.self_assessment, color=s.color))
    if req.years is not None:
        found = "none" if req.years.found is None else f"{req.years.found:g}"
        lines.append(
            _indent(
                Text(
                    f"years: {found} of {req.years.required:g} ({plain(req.years.basis)})",
                    style=s.style("dim"),
                ),
                4,
            )
        )
    if req.degree is not None:
        text = f" — “{plain(req.degree.text)}”" if req.degree.text else ""
        lines.append(
            _indent(Text(f"degree: {plain(req.degree.basis)}{text}", style=s.style("dim")), 4)
        )
    return Group(*lines)


def _area_detail(area: AreaResult, s: _Style, options: RenderOptions) -> RenderableType:
    note = subject_note(area)
    title = Text.assemble(
        (plain(area.name), s.style("bold underline")),
        f"  {_pct(area.score)}  ",
        s.bar(area.score, 12),
        (f"  {note}" if note else "", s.style("dim")),
    )
    return Group(title, *(_requirement(r, s, options) for r in area.requirements), Text())


def _gap_line(number: int, gap: Gap, s: _Style) -> RenderableType:
    head_text = Text.assemble(
        (f"+{gap.gain:.1f}", s.style("bold green")),
        "  ",
        (plain(gap.name), s.style("bold")),
        (f"  ({plain(gap.area_name)}, now {_pct(gap.score)})", s.style("dim")),
        (" must-have" if gap.must_have else "", s.style("magenta")),
    )
    lines: list[RenderableType] = [hanging(f"{number:>2}.", head_text)]
    if gap.missing_skills:
        shown = ", ".join(plain(x) for x in gap.missing_skills[:6])
        more = len(gap.missing_skills) - 6
        lines.append(
            _indent(
                Text(
                    f"missing: {shown}{f' (+{more} more)' if more > 0 else ''}",
                    style=s.style("dim"),
                ),
                6,
            )
        )
    lines.extend(_indent(hanging(s.arrow, Text(plain(step))), 6) for step in gap.next_steps[:2])
    if gap.effort:
        lines.append(_indent(Text(f"effort: {plain(gap.effort)}", style=s.style("dim")), 6))
    return Group(*lines)


def render_terminal(report: GapReport, options: RenderOptions) -> str:
    """The human report: header, areas, ladder, blocking and top gaps; with
    ``options.details``, every requirement with its evidence too."""
    s = _Style(options.color)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=max(60, options.width),
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    console.print(_header(report, s))
    console.print()
    console.print(_areas_table(report, s))
    partial = [a for a in report.areas if subject_note(a)]
    if partial and not options.details:
        factor = (partial[0].subject_factor or 0.0) * 100
        which = (
            ", ".join(plain(a.name) for a in partial)
            if len(partial) <= 2
            else f"{len(partial)} of {len(report.areas)} areas"
        )
        console.print(
            Text(
                f"{which}: counted at {factor:.0f}%, as far as the profile shows the role's "
                "subject (--details says which).",
                style=s.style("dim"),
            )
        )
    console.print()
    if report.ladder is not None:
        console.print(terminal_ladder(report.ladder, color=options.color))
    if options.details:
        console.print(Text("Requirements", style=s.style("bold")))
        for area in report.areas:
            console.print(Padding(_area_detail(area, s, options), (0, 0, 0, 0)))
    blocking = [g for g in report.gaps if g.blocking]
    if blocking:
        console.print(Text("Blocking gaps (unmet must-haves)", style=s.style("bold red")))
        for gap in blocking:
            line = Text(f"{plain(gap.name)} ({plain(gap.area_name)}): now {_pct(gap.score)}")
            console.print(_indent(hanging(s.marks["missing"], line), 2))
        console.print()
    top = [g for g in report.gaps if g.gain > 0][:5]
    plan = terminal_plan(report, options)
    if plan is not None:
        console.print(plan)  # the plan lists the top gaps with everything about them
    elif top:
        console.print(
            Text(
                "Top gaps: what closing them would add to the overall score", style=s.style("bold")
            )
        )
        for number, gap in enumerate(top, start=1):
            console.print(_gap_line(number, gap, s))
    if not options.details:
        console.print()
        console.print(
            Text(
                "Every requirement with its evidence: add --details (or --format html).",
                style=s.style("dim"),
            )
        )
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
