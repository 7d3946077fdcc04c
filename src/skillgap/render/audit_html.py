"""The fairness audit as one self-contained HTML file.

As the report's HTML (:mod:`.html`): inline CSS, inline SVG computed here (the same audit
gives the same bytes), no scripts, fonts, images or links, and a Content-Security-Policy
that forbids loading anything. Every label, column and area name comes from input files
and is escaped with :func:`~.escape.html_text`.

Per category column: a chart of the impact ratios with their confidence intervals and
the four-fifths line, the table of rates, ratios, intervals and p-values, and the mean
score of every requirement area per category, so the area that drives a gap shows.
"""

from __future__ import annotations

from ..audit.model import AuditReport, CategoryColumn, CategoryResult
from ..scoring.bands import score_band
from .audit import (
    area_gaps,
    interval_text,
    p_text,
    percent,
    ratio_text,
    sample_text,
    score_text,
    trail_lines,
    verdict_text,
)
from .charts import coord, truncate
from .escape import html_text as esc
from .options import RenderOptions

_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

_CSS = """
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #e3e8ef; --bg: #f4f6f9; --card: #fff;
  --accent: #2456c7; --flag: #b42323; --flag-soft: #fbe6e6; --ok: #1c7c46;
  --met-soft: #e3f4ea; --partial-soft: #fdf1dc; --missing-soft: #fbe6e6; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.page { max-width: 1120px; margin: 0 auto; padding: 28px 28px 40px; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
.brand { font-size: 12px; letter-spacing: .08em; text-transform: uppercase;
  color: var(--accent); font-weight: 700; }
h1 { font-size: 26px; margin: 4px 0 6px; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 15px; margin: 16px 0 8px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 20px; margin-bottom: 18px; }
.verdict { font-size: 20px; font-weight: 700; margin: 0 0 6px; }
.verdict.flag { color: var(--flag); } .verdict.ok { color: var(--ok); }
.warning { background: var(--partial-soft); border-left: 4px solid #a35c00;
  padding: 6px 12px; border-radius: 6px; margin: 6px 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); border-bottom: 1px solid var(--line); padding: 6px 8px; }
td { border-bottom: 1px solid var(--line); padding: 6px 8px; overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.flagged td { background: var(--flag-soft); }
tr.excluded td { color: var(--muted); }
td.met { background: var(--met-soft); } td.partial { background: var(--partial-soft); }
td.missing { background: var(--missing-soft); }
.scroll { overflow-x: auto; }
svg { display: block; width: 100%; height: auto; max-width: 760px; }
svg text { font-family: inherit; fill: var(--ink); }
.note { color: var(--muted); font-size: 12.5px; }
@media print { body { background: #fff; } .card { break-inside: avoid; } }
""".strip()

#: The widest impact ratio the chart shows (intervals beyond it are cut, with an arrow).
_CHART_MAX = 2.0


def render_audit_html(report: AuditReport, options: RenderOptions) -> str:
    """The audit as a self-contained HTML page."""
    del options  # no presentation options
    rubric = report.trail.batch.rubric
    title = f"Fairness audit: {rubric.title or rubric.id}" if rubric else "Fairness audit"
    body = [
        "<header>",
        '<div class="brand">skillgap · fairness audit</div>',
        f"<h1>{esc(title)}</h1>",
        f'<p class="note">{esc(report.settings.selection.description)}</p>',
        "</header>",
        _summary(report),
        *(_column(column, report) for column in report.columns),
        _trail(report),
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_CSS}</style></head>"
        f'<body><main class="page">{"".join(body)}</main></body></html>\n'
    )


def _summary(report: AuditReport) -> str:
    kind = "flag" if report.flagged else "ok"
    warnings = "".join(f'<p class="warning">{esc(w)}</p>' for w in report.warnings)
    return (
        '<section class="card">'
        f'<p class="verdict {kind}">{esc(verdict_text(report))}</p>'
        f"<p>{esc(sample_text(report))}</p>{warnings}</section>"
    )


def _trail(report: AuditReport) -> str:
    facts = "".join(
        f"<dt>{esc(label)}</dt><dd>{esc(text)}</dd>" for label, text in trail_lines(report)
    )
    return f'<section class="card"><h2>Audit trail</h2><dl class="facts">{facts}</dl></section>'


def _column(column: CategoryColumn, report: AuditReport) -> str:
    head = (
        f"<h2>{esc(column.name)}</h2>"
        f'<p class="note">{column.known} scored rows with a known label, {column.unknown} '
        f"unknown ({column.unknown_label} by label, the rest without a group row); "
        f"reference: {esc(column.reference) if column.reference else 'none'}.</p>"
    )
    rows = "".join(_category_row(c) for c in column.categories)
    table = (
        '<div class="scroll"><table><thead><tr><th>Category</th><th>Count</th>'
        "<th>Selected</th><th>Rate</th><th>Impact ratio</th><th>95% CI</th>"
        f"<th>p (Fisher)</th><th>Notes</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )
    chart = _ratio_chart(column, report.settings.flag_below)
    return f'<section class="card">{head}{chart}{table}{_gaps(column)}{_areas(column)}</section>'


def _category_row(c: CategoryResult) -> str:
    kind = ' class="flagged"' if c.flagged else (' class="excluded"' if c.excluded else "")
    cells = [
        f"<td>{esc(c.label)}</td>",
        f'<td class="num">{c.count}</td>',
        f'<td class="num">{c.selected}</td>',
        f'<td class="num">{percent(c.rate)}</td>',
        f'<td class="num">{ratio_text(c.impact_ratio)}</td>',
        f'<td class="num">{interval_text(c.ci_low, c.ci_high)}</td>',
        f'<td class="num">{p_text(c.p_value)}</td>',
        f"<td>{esc('; '.join(c.notes))}</td>",
    ]
    return f"<tr{kind}>{''.join(cells)}</tr>"


def _ratio_chart(column: CategoryColumn, flag_below: float) -> str:
    """Each category's impact ratio as a dot, its interval as a line, with lines at the
    flag threshold and at 1."""
    shown = [c for c in column.categories if c.impact_ratio is not None]
    if not shown:
        return '<p class="note">No impact ratios to chart.</p>'
    label_w, plot_w, value_w, row_h, top = 230.0, 420.0, 70.0, 24.0, 26.0
    width, height = label_w + plot_w + value_w, top + row_h * len(shown) + 10

    def x(value: float) -> float:
        return label_w + plot_w * min(max(value, 0.0), _CHART_MAX) / _CHART_MAX

    summary = "; ".join(f"{c.label}: {ratio_text(c.impact_ratio)}" for c in shown)
    parts = [
        f'<svg viewBox="0 0 {coord(width)} {coord(height)}" role="img">',
        f"<title>Impact ratios: {esc(column.name)}</title><desc>{esc(summary)}</desc>",
    ]
    for tick in (0.0, 0.5, 1.0, 1.5, 2.0):
        parts.append(
            f'<line x1="{coord(x(tick))}" y1="{coord(top - 6)}" x2="{coord(x(tick))}" '
            f'y2="{coord(height - 6)}" stroke="#e3e8ef"/>'
            f'<text x="{coord(x(tick))}" y="{coord(top - 10)}" text-anchor="middle" '
            f'font-size="10" fill="#5f6b7a">{tick:g}</text>'
        )
    parts.append(
        f'<line x1="{coord(x(flag_below))}" y1="{coord(top - 6)}" x2="{coord(x(flag_below))}" '
        f'y2="{coord(height - 6)}" stroke="#b42323" stroke-dasharray="4 3"/>'
    )
    for index, c in enumerate(shown):
        y = top + row_h * index + row_h / 2
        color = "#b42323" if c.flagged else "#2456c7"
        parts.append(
            f'<text x="{coord(label_w - 10)}" y="{coord(y + 4)}" text-anchor="end" '
            f'font-size="12">{esc(truncate(c.label, 34))}</text>'
        )
        if c.ci_low is not None and c.ci_high is not None:
            cut = c.ci_high > _CHART_MAX
            parts.append(
                f'<line x1="{coord(x(c.ci_low))}" y1="{coord(y)}" x2="{coord(x(c.ci_high))}" '
                f'y2="{coord(y)}" stroke="{color}" stroke-width="2"/>'
            )
            if cut:
                parts.append(
                    f'<text x="{coord(x(_CHART_MAX) - 2)}" y="{coord(y + 4)}" '
                    f'text-anchor="end" font-size="11" fill="{color}">›</text>'
                )
        ratio = c.impact_ratio or 0.0
        parts.append(f'<circle cx="{coord(x(ratio))}" cy="{coord(y)}" r="4.5" fill="{color}"/>')
        parts.append(
            f'<text x="{coord(label_w + plot_w + 8)}" y="{coord(y + 4)}" font-size="12" '
            f'font-weight="600">{ratio_text(c.impact_ratio)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _gaps(column: CategoryColumn) -> str:
    gaps = area_gaps(column)
    if not gaps:
        return ""
    items = "".join(
        f"<li>{esc(name)}: {esc(lo)} {score_text(lo_mean)}, {esc(hi)} {score_text(hi_mean)}</li>"
        for name, lo, lo_mean, hi, hi_mean in gaps
    )
    return f"<h3>Largest gaps in mean area score</h3><ul>{items}</ul>"


def _areas(column: CategoryColumn) -> str:
    """Mean (and median, quartiles on hover) of each area per category, shaded by band."""
    if not column.categories or not column.categories[0].areas:
        return ""
    head = "".join(f"<th>{esc(c.label)}</th>" for c in column.categories)
    body = []
    names = ["Overall"] + [a.name for a in column.categories[0].areas]
    for index, name in enumerate(names):
        cells = []
        for c in column.categories:
            scores = c.overall if index == 0 else c.areas[index - 1].scores
            band = "" if scores.mean is None else f" {score_band(scores.mean / 100)}"
            tip = (
                f"n {scores.count}, median {score_text(scores.median)}, "
                f"quartiles {score_text(scores.q1)}–{score_text(scores.q3)}"
            )
            cells.append(f'<td class="num{band}" title="{esc(tip)}">{score_text(scores.mean)}</td>')
        body.append(f"<tr><td>{esc(name)}</td>{''.join(cells)}</tr>")
    return (
        "<h3>Mean score by area</h3>"
        '<p class="note">Hover a cell for its count, median and quartiles.</p>'
        f'<div class="scroll"><table><thead><tr><th>Area</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


__all__ = ["render_audit_html"]
