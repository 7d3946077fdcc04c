"""A report of a resume that tries every trick on a renderer, shared by the renderer tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from skillgap.report.model import GapReport
from skillgap.rubric.model import Rubric

#: Markup, terminal escapes, bidi overrides and a carriage return in a resume.
HOSTILE = (
    "Eve [bold red]Markup[/bold red] \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ "
    "\x1b[2J\x1b[31m\u202eesrever\u202c\n\n"
    "SUMMARY\nPython [bold red]Markup[/bold red] | `rm -rf` [link=http://evil.example]x[/link] "
    "<script>alert(1)</script>\r"
    "overwrite\n"
)


@pytest.fixture(scope="module")
def hostile_report(
    tmp_path_factory: pytest.TempPathFactory, rubric: Rubric, index: SkillIndex
) -> GapReport:
    """The report of a resume holding :data:`HOSTILE`."""
    path = Path(tmp_path_factory.mktemp("hostile")) / "eve.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return analyze(load_profile(path), rubric, index=index, as_of=dt.date(2026, 1, 1))
