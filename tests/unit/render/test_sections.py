"""The plan, ladder and self-assessment sections of the terminal and Markdown reports
(skillgap.render.sections), and the only URLs they link."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.profiles import load_profile
from skillgap.render import RenderOptions, render
from skillgap.render.sections import safe_url
from skillgap.report.model import GapReport
from skillgap.report.plan import learning_plan
from skillgap.rubric.model import Rubric

AS_OF = dt.date(2026, 1, 15)


# --------------------------------------------------------------------------- terminal


def test_terminal_plan_only_with_plan_option(junior: GapReport) -> None:
    without = render(junior, "terminal", RenderOptions(width=100))
    with_plan = render(junior, "terminal", RenderOptions(width=100, plan=True))
    assert "Learning plan" not in without and "Top gaps" in without
    assert "Learning plan: close these in order" in with_plan
    first = learning_plan(junior)[0]
    assert f" 1. {first.gap.name}  +{first.gap.gain:.1f} -> {first.score_after:.1f}" in with_plan
    resource = first.gap.resources[0]
    assert f"      resource: {resource.title} <{resource.url}>" in with_plan
    assert f"      -> {first.gap.next_steps[0][:40]}" in with_plan


def test_terminal_ladder_section(junior: GapReport) -> None:
    text = render(junior, "terminal", RenderOptions(width=120))
    assert (
        "Career ladder: Machine Learning Engineer  (ml-engineer; fully met: no unmet "
        "must-have, score ≥ 40)"
    ) in text
    assert "[x] Entry-level ML Engineer   73.6  fully met  -> you are here" in text
    assert "  Placed at: Entry-level ML Engineer" in text
    assert "  Next: Mid-level ML Engineer" in text


@pytest.mark.parametrize("width", [60, 72, 80])
def test_terminal_ladder_wraps_under_its_own_text_in_a_narrow_terminal(
    junior: GapReport, width: int
) -> None:
    """A level or a gap that does not fit goes on under its name, never back at the
    margin, where it would read as a line of its own."""
    lines = render(junior, "terminal", RenderOptions(width=width)).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Career ladder:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].strip())
    section = lines[start:end]
    placed = next(i for i, line in enumerate(section) if "Placed at:" in line)
    # after the title (which may wrap), every line is indented; a level's or a gap's
    # wrapped text starts under the text, not under its mark or number
    body = section[next(i for i, line in enumerate(section) if "[" in line[:6]) :]
    assert all(line.startswith("  ") for line in body), body
    assert all(len(line) <= width for line in section)
    levels = body[: placed - (len(section) - len(body))]
    for previous, line in itertools.pairwise(levels):
        if not line.lstrip().startswith("["):
            assert line.startswith(" " * 6), (previous, line)
    numbered = [i for i, line in enumerate(body) if line[:7].strip()[:-1].isdigit()]
    for i in range(len(body)):
        if numbered and i > numbered[0] and i not in numbered:
            assert body[i].startswith(" " * 7), body[i]


@pytest.mark.parametrize("width", [60, 80, 100])
def test_terminal_plan_wraps_under_its_own_text(junior: GapReport, width: int) -> None:
    """A step's heading goes on under the gap's name, a next step under its text (not
    under its arrow or at the margin)."""
    text = render(junior, "terminal", RenderOptions(width=width, plan=True))
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Learning plan"))
    first = next(i for i in range(start, len(lines)) if lines[i].startswith(" 1. "))
    body = lines[first:]  # (the title above may wrap: it is a title)
    body = body[: next((i for i, line in enumerate(body) if not line.strip()), len(body))]
    assert body and all(len(line) <= width for line in body)
    kind = ""
    for line in body:
        if re.match(r"\s?\d+\. ", line):
            kind = "step"
        elif line.startswith("      -> "):
            kind = "next"
        elif line.startswith("      ") and not line.startswith("       "):
            kind = "detail"
        elif kind == "step":
            assert line.startswith("    ") and line.strip(), line
        elif kind == "next":
            assert line.startswith(" " * 9), line
        else:
            pytest.fail(f"a line back at the margin: {line!r}")


def test_terminal_shows_self_assessed_evidence(tmp_path: Path, rubric: Rubric) -> None:
    path = tmp_path / "me.yaml"
    path.write_text("self_assessment:\n  mlops: working\n", "utf-8")
    text = render(
        analyze(load_profile(path), rubric, as_of=AS_OF),
        "terminal",
        RenderOptions(width=120, details=True),
    )
    assert "    self-assessed: working (self_assessment.mlops, line 2)" in text


# --------------------------------------------------------------------------- markdown


def test_markdown_ladder_and_plan_sections(junior: GapReport) -> None:
    text = render(junior, "markdown", RenderOptions(plan=True))
    assert "## Career ladder" in text
    assert (
        "| Entry-level ML Engineer | `ml-engineer-entry` | 73.6 | fully met **← you are here** |"
    ) in text
    assert "## Learning plan" in text
    first = learning_plan(junior)[0]
    assert f"### 1. {first.gap.name} (+{first.gap.gain:.1f} → {first.score_after:.1f})" in text
    assert "## Learning plan" not in render(junior, "markdown", RenderOptions())


def test_markdown_resource_links_are_only_safe_urls(junior: GapReport) -> None:
    gap = junior.gaps[0].model_copy(
        update={
            "resources": (
                junior.gaps[0].resources[0].model_copy(update={"url": "javascript:alert(1)"}),
            )
        }
    )
    report = junior.model_copy(update={"gaps": (gap, *junior.gaps[1:])})
    text = render(report, "markdown", RenderOptions(plan=True))
    assert "javascript:" not in text


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/path?q=1&x=2#frag", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("https://example.org/a b", False),
        ('https://example.org/"onmouseover=x', False),
        ("https://example.org/a)(b", False),
        ("ftp://example.org/file", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, safe: bool) -> None:
    assert (safe_url(url) is not None) is safe
    if safe:
        assert safe_url(url) == url
