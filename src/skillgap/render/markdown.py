"""Markdown: the report for a pull request, a wiki page or an e-mail."""

from __future__ import annotations

from ..report.model import GapReport
from .escape import markdown as md
from .options import RenderOptions
from .sections import (
    evidence_how,
    markdown_ladder,
    markdown_plan,
    markdown_self_assessment,
    subject_note,
)

_MARK = {"met": "✅", "partial": "🟡", "missing": "❌"}


def render_markdown(report: GapReport, options: RenderOptions) -> str:
    """A Markdown document: summary, area table, requirement details, gaps."""
    rubric = report.rubric
    candidate = report.candidate
    who = md(candidate.name) if candidate.name else ("(blind)" if report.blind else "—")
    out: list[str] = [
        f"# {md(rubric.title)}: gap report",
        "",
        f"- **Candidate:** {who} (`{md(candidate.id)}`, {md(candidate.format)})",
        f"- **Rubric:** `{md(rubric.id)}` version {md(rubric.version)}",
        f"- **Overall:** **{report.overall.score:.1f} / 100**: {md(report.overall.verdict)}",
        (
            f"- **Requirements:** {report.overall.met} met, {report.overall.partial} partial, "
            f"{report.overall.missing} missing"
        ),
        "",
    ]
    out.extend(f"> warning: {md(w)}" for w in report.warnings)
    out += [
        "## Areas",
        "",
        "| Area | Weight | Score | Met / partial / missing |",
        "|---|---:|---:|:---:|",
    ]
    for area in report.areas:
        out.append(
            f"| {md(area.name)} | {area.weight:g} | {area.score * 100:.0f}% | "
            f"{area.met} / {area.partial} / {area.missing} |"
        )
    if report.ladder is not None:
        out += ["", *markdown_ladder(report.ladder)]
    blocking = [g for g in report.gaps if g.blocking]
    if blocking:
        out += ["", "## Blocking gaps", ""]
        out += [
            f"- ❌ **{md(g.name)}** ({md(g.area_name)}): now {g.score * 100:.0f}%" for g in blocking
        ]
    out += [
        "",
        "## Top gaps",
        "",
        "| # | Gain | Requirement | Area | Next step |",
        "|---:|---:|---|---|---|",
    ]
    for number, gap in enumerate([g for g in report.gaps if g.gain > 0][:10], start=1):
        step = md(gap.next_steps[0]) if gap.next_steps else ""
        out.append(
            f"| {number} | +{gap.gain:.1f} | {md(gap.name)}"
            f"{' (must-have)' if gap.must_have else ''} | {md(gap.area_name)} | {step} |"
        )
    out += ["", "## Requirements", ""]
    for area in report.areas:
        out += [f"### {md(area.name)}: {area.score * 100:.0f}%", ""]
        if subject_note(area):
            out += [f"*{md(subject_note(area)).capitalize()}.*", ""]
        for req in area.requirements:
            must = " *(must-have)*" if req.must_have else ""
            out.append(
                f"- {_MARK[req.status]} **{md(req.name)}** {req.score * 100:.0f}%{must}: "
                f"{md(req.explanation)}"
            )
            for skill in req.skills:
                if not skill.matched:
                    continue
                quotes = "; ".join(
                    f"“{md(e.context if e.method != 'declared' else e.text)}” "
                    f"({md(evidence_how(e))}{f', line {e.line}' if e.line else ''})"
                    for e in skill.evidence[: options.max_evidence]
                )
                out.append(f"  - {md(skill.name)}: {quotes}")
            if req.self_assessment is not None:
                out.append(markdown_self_assessment(req.self_assessment))
            if req.years is not None:
                found = "none" if req.years.found is None else f"{req.years.found:g}"
                out.append(f"  - years: {found} of {req.years.required:g} ({md(req.years.basis)})")
            if req.degree is not None:
                out.append(f"  - degree: {md(req.degree.basis)}")
        out.append("")
    out += markdown_plan(report, options)
    out.append(
        f"<sub>skillgap {md(report.tool.version)} · rubric sha256 "
        f"{report.rubric.sha256[:12]} · as of {report.as_of}</sub>"
    )
    return "\n".join(out) + "\n"
