"""Scoring a profile written inline against a rubric, and reading the results back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from skillgap.analysis import analyze
from skillgap.profiles import load_profile
from skillgap.profiles.model import Profile
from skillgap.report.model import GapReport, RequirementResult
from skillgap.rubric.model import Rubric
from tests.helpers.files import write

#: The date ongoing positions run to in the scoring tests.
AS_OF = dt.date(2026, 11, 1)


def requirement(report: GapReport, requirement_id: str) -> RequirementResult:
    """The result of one requirement in ``report``."""
    for area in report.areas:
        for result in area.requirements:
            if result.id == requirement_id:
                return result
    raise AssertionError(f"no requirement {requirement_id}")


def score(tmp_path: Path, rubric: Rubric, text: str, name: str = "p.yaml") -> GapReport:
    """The report for a profile file ``name`` holding ``text``."""
    return analyze(load_profile(write(tmp_path, name, text)), rubric, as_of=AS_OF)


def scores(report: GapReport) -> list[tuple[str, float, str]]:
    """Every requirement's id, score and status."""
    return [(r.id, r.score, r.status) for a in report.areas for r in a.requirements]


def load_profile_text(text: str) -> Profile:
    """A skillgap profile loaded from ``text``."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(text, encoding="utf-8")
        return load_profile(path)
