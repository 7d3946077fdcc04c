"""The batch ranking on stderr (skillgap.render.batch_formats.render_ranking) at every
terminal width: rank, score, the whole verdict and the count of missing must-haves are
always shown; names and paths are what gets cut, and the file goes first."""

from __future__ import annotations

import re

import pytest

from skillgap.render.batch_formats import render_ranking

ROWS = [
    {
        "score": 91.25,
        "candidate": "Grace Brewster Murray Hopper-Vanderbilt",
        "file": "/data/recruiting/2026/ml-principal/applications/grace-hopper-resume.pdf",
        "verdict": "strong match",
        "must_haves_missing": [],
    },
    {
        "score": 53.1,
        "candidate": "Jonas Whitfield-Ortega",
        "file": "/data/recruiting/2026/ml-principal/applications/jonas.md",
        "verdict": "partial match; blocked by 2 unmet must-haves",
        "must_haves_missing": ["10+ years of experience", "kubernetes"],
    },
    {
        "score": 7.0,
        "candidate": "[bold]Not markup[/bold]",
        "file": "x.txt",
        "verdict": "weak match; blocked by 1 unmet must-have",
        "must_haves_missing": ["python"],
    },
]
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def lines_of(width: int, *, color: bool = False) -> list[str]:
    out = render_ranking(ROWS, total=40, color=color, width=width)
    return [_ANSI.sub("", line).rstrip() for line in out.splitlines()]


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("width", [60, 72, 80, 90, 100, 120, 200])
def test_every_column_that_carries_a_number_or_a_verdict_is_shown_whole(
    width: int, color: bool
) -> None:
    lines = lines_of(width, color=color)
    assert lines[0] == "Top 3 of 40"
    assert all(len(line) <= width for line in lines), [len(line) for line in lines]
    header = lines[1]
    for name in ("#", "Score", "Candidate", "Verdict", "Missing"):
        assert name in header
    rows = lines[-3:]
    expected = [
        ("1", "91.2", "strong match", "—"),
        ("2", "53.1", "partial match, blocked", "2"),
        ("3", "7.0", "weak match, blocked", "1"),
    ]
    for line, (rank, score, verdict, missing) in zip(rows, expected, strict=True):
        cells = [c.strip() for c in re.split(r" [|│] | {2,}", line) if c.strip()]
        assert line.lstrip().startswith(rank)
        assert score in line and verdict in line
        assert cells[-1] == missing, line


def test_the_file_goes_before_the_name_is_cut_short() -> None:
    narrow, standard, wide = lines_of(60), lines_of(80), lines_of(200)
    assert "File" not in narrow[1] and "File" in standard[1] and "File" in wide[1]
    # the name gets the room first; a path keeps its end, where the file name is
    assert "Grace Brewster Mu…" in standard[3] and "…-resume.pdf" in standard[3]
    assert "grace-hopper-resume.pdf" in wide[3] and "Jonas Whitfield-Ortega" in wide[4]
    assert "Grace Brewst…" in narrow[3]


def test_names_from_resumes_are_text_not_markup() -> None:
    assert any("[bold]Not" in line for line in lines_of(120))
