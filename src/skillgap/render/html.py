"""HTML: one self-contained file with the whole report.

Nothing is loaded from anywhere: the CSS is inline, the charts are inline SVG whose
geometry is computed here (deterministically: the same report gives the same bytes),
there are no scripts, fonts or images, and a Content-Security-Policy meta tag forbids
loading anything even if a browser were asked to. The only URLs in the file are the
rubric's learning resources, as plain ``<a href>`` links (navigation, not loads), and
only when they are ``http``/``https`` URLs that cannot break out of the attribute.

Every piece of text from the profile (and from the rubric) is escaped with
:func:`skillgap.render.escape.html_text`. The page prints cleanly (``@media print``):
no shadows or backgrounds, sections kept together, link targets written out.
"""

from __future__ import annotations

import html

from ..report.model import (
    EvidenceItem,
    Gap,
    GapReport,
    LadderPlacement,
    RequirementResult,
)
from ..report.plan import learning_plan
from .charts import bar_chart_svg, coord, percent, radar_chart_svg, score_ring_svg, truncate
from .escape import html_text as esc
from .options import RenderOptions
from .sections import evidence_how, level_status, safe_url, subject_note

_STATUS_LABEL = {"met": "Met", "partial": "Partial", "missing": "Missing"}
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

_CSS = """
:root {
  --ink: #1f2933; --muted: #5f6b7a; --line: #e3e8ef; --bg: #f4f6f9; --card: #ffffff;
  --accent: #2456c7; --accent-soft: #e8eefb;
  --met: #1c7c46; --met-soft: #e3f4ea; --partial: #a35c00; --partial-soft: #fdf1dc;
  --missing: #b42323; --missing-soft: #fbe6e6;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        "Noto Sans", "DejaVu Sans", sans-serif; }
.page { max-width: 1120px; margin: 0 auto; padding: 28px 28px 40px; }
header.report { display: flex; justify-content: space-between; align-items: flex-end;
  gap: 24px; border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 22px; }
.brand { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--accent);
  font-weight: 700; }
h1 { font-size: 26px; line-height: 1.2; margin: 4px 0 6px; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 15px; margin: 0; }
.meta { color: var(--muted); margin: 0; }
.meta strong { color: var(--ink); }
.stamp { text-align: right; color: var(--muted); font-size: 12px; white-space: nowrap; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 20px; margin-bottom: 18px; box-shadow: 0 1px 2px rgba(16, 24, 40, .05); }
.summary { display: grid; grid-template-columns: 180px 1fr; gap: 24px; align-items: center; }
.verdict { font-size: 22px; font-weight: 700; margin: 0; }
.verdict-note { color: var(--missing); font-weight: 600; margin: 2px 0 0; }
.counts { display: flex; gap: 8px; flex-wrap: wrap; margin: 10px 0 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.pill { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px;
  font-weight: 600; white-space: nowrap; }
.pill.met { background: var(--met-soft); color: var(--met); }
.pill.partial { background: var(--partial-soft); color: var(--partial); }
.pill.missing { background: var(--missing-soft); color: var(--missing); }
.pill.must { background: var(--accent-soft); color: var(--accent); }
.pill.blocking { background: var(--missing); color: #fff; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; align-items: start; }
.chart h2 { margin-bottom: 6px; }
svg { display: block; width: 100%; height: auto; }
.chart svg { max-width: 640px; margin: 0 auto; }
svg text { font-family: inherit; fill: var(--ink); }
.warning { background: var(--partial-soft); border-left: 4px solid var(--partial);
  padding: 8px 12px; border-radius: 6px; margin-bottom: 12px; }
.ladder { display: grid; gap: 10px; margin-bottom: 12px;
  grid-template-columns: repeat(var(--levels, 4), minmax(0, 1fr)); }
.rung { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; position: relative;
  min-width: 0; overflow-wrap: anywhere; }
.rung.met { border-color: var(--met); background: var(--met-soft); }
.rung.here { box-shadow: 0 0 0 2px var(--accent) inset; }
.rung .name { font-weight: 700; }
.rung .score { font-size: 20px; font-weight: 700; }
.rung .status { font-size: 12px; color: var(--muted); }
.rung .you { position: absolute; top: -9px; right: 10px; background: var(--accent); color: #fff;
  font-size: 11px; font-weight: 700; border-radius: 999px; padding: 0 8px; }
.track { height: 6px; border-radius: 3px; background: var(--line); overflow: hidden;
  margin: 6px 0; }
.track > span { display: block; height: 100%; background: var(--accent); }
ol.plan { list-style: none; padding: 0; margin: 0; counter-reset: step; }
ol.plan > li { border-top: 1px solid var(--line); padding: 12px 0 10px 44px; position: relative;
  counter-increment: step; break-inside: avoid; }
ol.plan > li:first-child { border-top: 0; }
ol.plan > li::before { content: counter(step); position: absolute; left: 0; top: 12px;
  width: 30px; height: 30px; border-radius: 50%; background: var(--accent-soft);
  color: var(--accent); font-weight: 700; text-align: center; line-height: 30px; }
.plan .head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.gain { color: var(--met); font-weight: 700; }
.sub { color: var(--muted); font-size: 12.5px; }
.plan ul { margin: 6px 0 0; padding-left: 18px; }
.plan li li { margin: 2px 0; }
a { color: var(--accent); }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); border-bottom: 1px solid var(--line); padding: 6px 8px; }
td { vertical-align: top; border-bottom: 1px solid var(--line); padding: 8px;
  overflow-wrap: anywhere; }
tr { break-inside: avoid; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.area-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px;
  margin-bottom: 8px; }
.area-score { font-weight: 700; font-size: 16px; }
.req-name { font-weight: 600; }
.explain { color: var(--muted); font-size: 12.5px; }
.skill { margin: 0 0 4px; }
.skill b { font-weight: 600; }
q { quotes: "\\201C" "\\201D"; font-style: italic; }
.src { color: var(--muted); font-size: 12px; }
.none { color: var(--muted); font-size: 12.5px; }
ul.blocking { margin: 0; padding-left: 18px; }
footer { color: var(--muted); font-size: 12px; margin-top: 18px; text-align: center; }
@media (max-width: 820px) {
  .summary, .charts { grid-template-columns: 1fr; }
  .ladder { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  header.report { flex-direction: column; align-items: flex-start; }
  .stamp { text-align: left; }
}
@media (max-width: 480px) {
  .ladder { grid-template-columns: minmax(0, 1fr); }
  .card.areas { overflow-x: auto; }
  .page { padding: 14px 10px 24px; }
  th, td { padding: 6px 4px; }
}
@media print {
  @page { margin: 14mm; }
  body { background: #fff; font-size: 11.5px; }
  .page { max-width: none; padding: 0; }
  .card { box-shadow: none; border-color: #c9d1db; break-inside: avoid; }
  .card.areas, .card.plan-card { break-inside: auto; }
  .summary { grid-template-columns: 160px 1fr; }
  .charts { grid-template-columns: 1fr 1fr; gap: 16px; }
  header.report { flex-direction: row; align-items: flex-end; }
  .stamp { text-align: right; }
  a[href]::after { content: " (" attr(href) ")"; color: var(--muted); font-size: 10px;
    word-break: break-all; }
  h2, h3, .area-head { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()


# --------------------------------------------------------------------------- helpers


# --------------------------------------------------------------------------- charts


# --------------------------------------------------------------------------- sections


def _header(report: GapReport) -> str:
    candidate = report.candidate
    who = (
        esc(candidate.name)
        if candidate.name
        else ("(blind)" if report.blind else "(name not found)")
    )
    source = f" · {esc(candidate.source)}" if candidate.source else ""
    rubric = report.rubric
    return (
        '<header class="report"><div>'
        '<div class="brand">skillgap · gap report</div>'
        f"<h1>{esc(rubric.title)}</h1>"
        f'<p class="meta">Candidate <strong>{who}</strong>{source} '
        f"({esc(candidate.format)})</p></div>"
        f'<div class="stamp">rubric {esc(rubric.id)} {esc(rubric.version)}<br>'
        f"as of {esc(report.as_of)}</div></header>"
    )


def _summary(report: GapReport) -> str:
    overall = report.overall
    verdict, _, note = overall.verdict.partition(";")
    facts: list[tuple[str, str]] = []
    if report.ladder is not None:
        placed = report.ladder.placed_name or "no level fully met yet"
        following = f" (next: {esc(report.ladder.next_name)})" if report.ladder.next_name else ""
        facts.append(("Career ladder", f"<strong>{esc(placed)}</strong>{following}"))
    blocking = [g for g in report.gaps if g.blocking]
    if blocking:
        facts.append(("Blocking", esc(", ".join(g.name for g in blocking))))
    top = [g for g in report.gaps if g.gain > 0][:3]
    if top:
        facts.append(
            (
                "Biggest gaps",
                ", ".join(f'{esc(g.name)} <span class="gain">+{g.gain:.1f}</span>' for g in top),
            )
        )
    strongest = sorted(report.areas, key=lambda a: (-a.score, a.id))[:2]
    facts.append(
        ("Strongest areas", esc(", ".join(f"{a.name} ({percent(a.score)})" for a in strongest)))
    )
    rows = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    note_html = f'<p class="verdict-note">{esc(note.strip())}</p>' if note.strip() else ""
    return (
        '<section class="card summary" aria-label="Summary">'
        f"<div>{score_ring_svg(overall.score, overall.verdict)}</div>"
        f'<div><p class="verdict">{esc(verdict.strip().capitalize())}</p>{note_html}'
        '<div class="counts">'
        f'<span class="pill met">{overall.met} met</span>'
        f'<span class="pill partial">{overall.partial} partial</span>'
        f'<span class="pill missing">{overall.missing} missing</span>'
        f'<span class="sub">of {overall.met + overall.partial + overall.missing} '
        f'requirements</span></div><dl class="facts">{rows}</dl></div></section>'
    )


def _charts(report: GapReport) -> str:
    bars = bar_chart_svg(report.areas)
    radar = radar_chart_svg(report.areas)
    radar_block = f'<div class="chart"><h2>Area profile</h2>{radar}</div>' if radar else ""
    return (
        f'<section class="card charts" aria-label="Charts"><div class="chart">'
        f"<h2>Score per area</h2>{bars}</div>{radar_block}</section>"
    )


def _ladder(placement: LadderPlacement) -> str:
    rungs = []
    for index, level in enumerate(placement.levels):
        here = level.rubric.id == placement.placed
        classes = "rung" + (" met" if level.met else "") + (" here" if here else "")
        you = '<span class="you">you are here</span>' if here else ""
        rungs.append(
            f'<div class="{classes}">{you}<div class="name">{esc(level.name)}</div>'
            f'<div class="sub">{esc(level.summary)}</div>'
            f'<div class="track"><span style="width:{coord(max(0.0, min(100.0, level.score)))}%">'
            f'</span></div><span class="score">{level.score:.1f}</span> '
            f'<span class="status">{esc(level_status(placement, index))}</span></div>'
        )
    columns = len(placement.levels)
    placed = esc(placement.placed_name) if placement.placed_name else "no level fully met yet"
    out = [
        f'<section class="card" id="ladder"><h2>Career ladder: {esc(placement.title)}</h2>',
        (
            f'<p class="sub">A level is fully met when none of its must-haves is unmet and its '
            f"score is at least {placement.min_score:g}; every level below the highest one "
            f"fully met is met too. Placed at: <strong>{placed}</strong>.</p>"
        ),
        f'<div class="ladder" style="--levels:{columns}">',
        *rungs,
        "</div>",
    ]
    if placement.next_name:
        out.append(f"<h3>What {esc(placement.next_name)} asks for that is not yet shown</h3>")
        out.append('<ul class="blocking">')
        for gap in placement.gap_to_next:
            flag = ' <span class="pill blocking">blocking</span>' if gap.blocking else ""
            out.append(
                f'<li><span class="gain">+{gap.gain:.1f}</span> {esc(gap.name)} '
                f'<span class="sub">({esc(gap.area_name)}, now {percent(gap.score)})'
                f"</span>{flag}</li>"
            )
        out.append("</ul>")
    else:
        out.append('<p class="sub">This is the top of the ladder.</p>')
    out.append("</section>")
    return "".join(out)


def _blocking(gaps: list[Gap]) -> str:
    if not gaps:
        return ""
    items = "".join(
        f'<li><span class="req-name">{esc(g.name)}</span> '
        f'<span class="sub">({esc(g.area_name)}, now {percent(g.score)})</span></li>'
        for g in gaps
    )
    return (
        '<section class="card" id="blocking"><h2>Blocking gaps</h2>'
        '<p class="sub">Must-haves not met: each blocks the candidate whatever the total '
        f'score.</p><ul class="blocking">{items}</ul></section>'
    )


def _resource(title: str, url: str | None) -> str:
    link = safe_url(url)
    if link is None:
        return esc(title)
    return (
        f'<a class="resource" href="{html.escape(link, quote=True)}" '
        f'rel="noopener noreferrer nofollow">{esc(title)}</a>'
    )


def _plan(report: GapReport, options: RenderOptions) -> str:
    steps = learning_plan(report, size=options.plan_size)
    if not steps:
        return ""
    items = []
    for step in steps:
        gap = step.gap
        flags = ""
        if gap.blocking:
            flags = '<span class="pill blocking">must-have, blocking</span>'
        elif gap.must_have:
            flags = '<span class="pill must">must-have</span>'
        details = []
        if gap.missing_skills:
            details.append(f'<div class="sub">Missing: {esc(", ".join(gap.missing_skills))}</div>')
        if gap.next_steps:
            details.append("<ul>" + "".join(f"<li>{esc(s)}</li>" for s in gap.next_steps) + "</ul>")
        if gap.resources:
            details.append(
                '<div class="sub">Resources: '
                + " · ".join(_resource(r.title, r.url) for r in gap.resources)
                + "</div>"
            )
        if gap.effort:
            details.append(f'<div class="sub">Effort: {esc(gap.effort)}</div>')
        items.append(
            f'<li><div class="head"><span class="req-name">{esc(gap.name)}</span>'
            f'<span class="gain">+{gap.gain:.1f}</span>'
            f'<span class="sub">→ {step.score_after:.1f} · {esc(gap.area_name)}, '
            f"now {percent(gap.score)}</span>{flags}</div>{''.join(details)}</li>"
        )
    return (
        '<section class="card plan-card" id="plan"><h2>Learning plan</h2>'
        f'<p class="sub">The gaps worth closing first, in order of what closing them adds '
        f"(overall now {report.overall.score:.1f}; each step shows the score after closing "
        f'it and the steps above it).</p><ol class="plan">{"".join(items)}</ol></section>'
    )


def _evidence(item: EvidenceItem) -> str:
    quote = item.context if item.method != "declared" else item.text
    how = evidence_how(item)
    if item.level:
        how += f", {item.level}"
    where = item.source + (f", line {item.line}" if item.line else "")
    return (
        f"<div><q>{esc(truncate(quote, 220))}</q> "
        f'<span class="src">{esc(how)} · {esc(where)}</span></div>'
    )


def _requirement_row(req: RequirementResult, options: RenderOptions) -> str:
    cells = []
    for skill in req.skills:
        if not skill.matched:
            continue
        quotes = "".join(_evidence(e) for e in skill.evidence[: options.max_evidence])
        cells.append(
            f'<div class="skill"><b>{esc(skill.name)}</b> '
            f'<span class="src">{esc(skill.basis)}</span>{quotes}</div>'
        )
    unmatched = [s.name for s in req.skills if not s.matched]
    if unmatched and (req.status != "met" or len(unmatched) <= 8):
        cells.append(f'<div class="none">No evidence: {esc(", ".join(unmatched))}</div>')
    if req.self_assessment is not None:
        cells.append(
            f'<div class="skill"><b>Self-assessed</b> {_evidence(req.self_assessment)}</div>'
        )
    if req.years is not None:
        found = "none" if req.years.found is None else f"{req.years.found:g}"
        cells.append(
            f'<div class="skill"><b>Years</b> {found} of {req.years.required:g} '
            f'<span class="src">{esc(req.years.basis)}</span></div>'
        )
    if req.degree is not None:
        text = f" <q>{esc(req.degree.text)}</q>" if req.degree.text else ""
        cells.append(
            f'<div class="skill"><b>Degree</b> '
            f'<span class="src">{esc(req.degree.basis)}</span>{text}</div>'
        )
    must = ' <span class="pill must">must-have</span>' if req.must_have else ""
    return (
        f'<tr><td><span class="pill {req.status}">{_STATUS_LABEL[req.status]}</span></td>'
        f'<td><div class="req-name">{esc(req.name)}{must}</div>'
        f'<div class="explain">{esc(req.explanation)}</div></td>'
        f'<td class="num">{percent(req.score)}</td><td>{"".join(cells)}</td></tr>'
    )


def _areas(report: GapReport, options: RenderOptions) -> str:
    out = ['<section id="areas"><h2>Evidence by area</h2>']
    for area in report.areas:
        rows = "".join(_requirement_row(r, options) for r in area.requirements)
        out.append(
            f'<div class="card areas"><div class="area-head"><h3>{esc(area.name)}</h3>'
            f'<span class="sub">weight {area.weight:g} · {area.met} met, {area.partial} '
            f"partial, {area.missing} missing"
            + (f" · {esc(subject_note(area))}" if subject_note(area) else "")
            + "</span>"
            f'<span class="area-score">{percent(area.score)}</span></div>'
            '<table><thead><tr><th style="width:86px">Status</th><th style="width:28%">'
            'Requirement</th><th style="width:60px">Score</th><th>Evidence</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
        )
    out.append("</section>")
    return "".join(out)


def render_html(report: GapReport, options: RenderOptions) -> str:
    """The report as one self-contained HTML document (see the module docstring)."""
    candidate = report.candidate.name if report.candidate.name else report.candidate.id
    warnings = "".join(f'<div class="warning">{esc(w)}</div>' for w in report.warnings)
    body = [
        _header(report),
        warnings,
        _summary(report),
        _charts(report),
        _ladder(report.ladder) if report.ladder is not None else "",
        _blocking([g for g in report.gaps if g.blocking]),
        _plan(report, options),
        _areas(report, options),
        (
            f"<footer>skillgap {esc(report.tool.version)} · report schema "
            f"{esc(report.schema_version)} · rubric sha256 {esc(report.rubric.sha256[:16])} · "
            f"candidate {esc(report.candidate.id)}</footer>"
        ),
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="skillgap {esc(report.tool.version)}">\n'
        f"<title>{esc(report.rubric.title)} — gap report — {esc(candidate)}</title>\n"
        f"<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        f'<div class="page">\n{"".join(part for part in body if part)}\n</div>\n'
        "</body>\n</html>\n"
    )


__all__ = ["render_html"]
