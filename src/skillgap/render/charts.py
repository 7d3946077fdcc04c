"""The report's charts as inline SVG: the score ring, area bars and the area radar.

Inline SVG needs nothing from the network and prints as it shows; every label taken from
a rubric or a profile is escaped (:func:`~skillgap.render.escape.html_text`).
"""

from __future__ import annotations

import math

from ..report.model import AreaResult
from ..scoring.bands import score_band
from .escape import html_text as esc


def coord(value: float) -> str:
    """A coordinate with fixed precision (deterministic, compact)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_BAND_COLOR = {"met": "#1c7c46", "partial": "#c07000", "missing": "#b42323"}


_LAST_LINE = ' font-weight="700" fill="#2456c7"'  # the score under a radar label


def _wrap(text: str, width: int, max_lines: int = 3) -> list[str]:
    """Greedy word wrap for SVG labels (SVG text does not wrap by itself)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
        if len(lines[-1]) > width:
            lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def score_ring_svg(score: float, label: str) -> str:
    """A ring showing the overall score (0-100), with the number in the middle."""
    radius = 54.0
    circumference = 2 * math.pi * radius
    filled = circumference * max(0.0, min(100.0, score)) / 100
    color = _BAND_COLOR[score_band(score / 100)]
    return (
        f'<svg viewBox="0 0 140 140" width="170" role="img" aria-labelledby="ring-title">'
        f'<title id="ring-title">Overall score {score:.1f} out of 100: {esc(label)}</title>'
        f'<circle cx="70" cy="70" r="{coord(radius)}" fill="none" stroke="#e3e8ef" '
        f'stroke-width="12"/>'
        f'<circle cx="70" cy="70" r="{coord(radius)}" fill="none" stroke="{color}" '
        f'stroke-width="12" stroke-linecap="round" '
        f'stroke-dasharray="{coord(filled)} {coord(circumference)}" transform="rotate(-90 70 70)"/>'
        f'<text x="70" y="72" text-anchor="middle" font-size="30" font-weight="700">'
        f"{score:.1f}</text>"
        f'<text x="70" y="92" text-anchor="middle" font-size="11" fill="#5f6b7a">'
        f"out of 100</text></svg>"
    )


def bar_chart_svg(areas: tuple[AreaResult, ...]) -> str:
    """Horizontal bars: each area's score, with a grid at 25/50/75/100%."""
    label_w, bar_w, value_w, row_h, top = 250.0, 250.0, 44.0, 28.0, 22.0
    width = label_w + bar_w + value_w
    height = top + row_h * len(areas) + 8
    parts = [
        (
            f'<svg viewBox="0 0 {coord(width)} {coord(height)}" role="img" '
            f'aria-labelledby="bars-title bars-desc">'
        ),
        '<title id="bars-title">Score per area</title>',
        '<desc id="bars-desc">'
        + esc("; ".join(f"{a.name}: {percent(a.score)}" for a in areas))
        + "</desc>",
    ]
    for tick in (0, 25, 50, 75, 100):
        x = label_w + bar_w * tick / 100
        parts.append(
            f'<line x1="{coord(x)}" y1="{coord(top - 6)}" x2="{coord(x)}" '
            f'y2="{coord(height - 6)}" stroke="#e3e8ef" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{coord(x)}" y="{coord(top - 10)}" text-anchor="middle" '
            f'font-size="10" fill="#5f6b7a">{tick}</text>'
        )
    for index, area in enumerate(areas):
        y = top + row_h * index
        fraction = max(0.0, min(1.0, area.score))
        parts.append(
            f'<text x="{coord(label_w - 10)}" y="{coord(y + row_h / 2 + 4)}" '
            f'text-anchor="end" font-size="12.5">{esc(truncate(area.name, 38))}</text>'
        )
        parts.append(
            f'<rect x="{coord(label_w)}" y="{coord(y + 5)}" width="{coord(bar_w)}" '
            f'height="{coord(row_h - 10)}" rx="3" fill="#f0f3f7"/>'
        )
        if fraction > 0:
            parts.append(
                f'<rect x="{coord(label_w)}" y="{coord(y + 5)}" '
                f'width="{coord(max(2.0, bar_w * fraction))}" height="{coord(row_h - 10)}" '
                f'rx="3" fill="{_BAND_COLOR[score_band(fraction)]}"/>'
            )
        parts.append(
            f'<text x="{coord(label_w + bar_w + 8)}" y="{coord(y + row_h / 2 + 4)}" '
            f'font-size="12" font-weight="600">{percent(area.score)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def radar_chart_svg(areas: tuple[AreaResult, ...]) -> str | None:
    """A radar (spider) chart of the area scores; None with fewer than three areas."""
    count = len(areas)
    if count < 3:
        return None
    width, height = 600.0, 460.0
    cx, cy, radius = width / 2, height / 2 + 2, 150.0

    def point(index: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return cx + radius * fraction * math.cos(angle), cy + radius * fraction * math.sin(angle)

    parts = [
        (
            f'<svg viewBox="0 0 {coord(width)} {coord(height)}" role="img" '
            f'aria-labelledby="radar-title radar-desc">'
        ),
        '<title id="radar-title">Area profile (radar chart)</title>',
        '<desc id="radar-desc">'
        + esc("; ".join(f"{a.name}: {percent(a.score)}" for a in areas))
        + "</desc>",
    ]
    for ring in (0.25, 0.5, 0.75, 1.0):
        points = " ".join(
            f"{coord(x)},{coord(y)}" for x, y in (point(i, ring) for i in range(count))
        )
        parts.append(
            f'<polygon points="{points}" fill="none" stroke="#dfe5ec" '
            f'stroke-width="{1.4 if ring == 1.0 else 1}"/>'
        )
        x, y = point(0, ring)
        parts.append(
            f'<text x="{coord(x + 4)}" y="{coord(y + 11)}" font-size="9" '
            f'fill="#8a96a3">{round(ring * 100)}</text>'
        )
    for index in range(count):
        x, y = point(index, 1.0)
        parts.append(
            f'<line x1="{coord(cx)}" y1="{coord(cy)}" x2="{coord(x)}" y2="{coord(y)}" '
            f'stroke="#dfe5ec" stroke-width="1"/>'
        )
    shape = " ".join(
        f"{coord(x)},{coord(y)}"
        for x, y in (point(i, max(0.0, min(1.0, a.score))) for i, a in enumerate(areas))
    )
    parts.append(
        f'<polygon points="{shape}" fill="#2456c7" fill-opacity="0.18" '
        f'stroke="#2456c7" stroke-width="2" stroke-linejoin="round"/>'
    )
    for index, area in enumerate(areas):
        x, y = point(index, max(0.0, min(1.0, area.score)))
        parts.append(f'<circle cx="{coord(x)}" cy="{coord(y)}" r="3.2" fill="#2456c7"/>')
    for index, area in enumerate(areas):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        cos, sin = math.cos(angle), math.sin(angle)
        lx, ly = cx + (radius + 16) * cos, cy + (radius + 16) * sin
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        lines = [*_wrap(area.name, 18), percent(area.score)]
        # Labels above the chart grow upwards, below it downwards, beside it centred.
        first = ly + 4 - (len(lines) - 1) * 13 * (1.0 if sin < -0.3 else 0.0 if sin > 0.3 else 0.5)
        spans = "".join(
            f'<tspan x="{coord(lx)}" y="{coord(first + 13 * i)}"'
            f"{_LAST_LINE if i == len(lines) - 1 else ''}>{esc(line)}</tspan>"
            for i, line in enumerate(lines)
        )
        parts.append(f'<text text-anchor="{anchor}" font-size="12">{spans}</text>')
    parts.append("</svg>")
    return "".join(parts)


def percent(value: float) -> str:
    """A 0-1 score as a whole percentage: ``'73%'``."""
    return f"{round(value * 100):d}%"


__all__ = ["bar_chart_svg", "coord", "percent", "radar_chart_svg", "score_ring_svg", "truncate"]
