"""The acceptance points of issue 11 that a user sees from the command line: the ladder
places a senior ML practitioner at senior or above (never "no level"), whatever their
resume lacks of an entry-level one, and soft skills shown by what was done count."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from skillgap.cli import app
from tests.conftest import FIXTURES

SENIOR_DS = FIXTURES / "resumes" / "senior-ds-9-years-team-lead" / "resume.md"
AS_OF = "2026-06-01"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_senior_with_nine_years_and_a_team_is_placed_at_senior_or_above() -> None:
    """Nine years of dated ML work, a team of five led, no internship and no Kaggle: placed
    at senior (ten years are not there yet for principal), and every level below is met."""
    code, out, err = invoke(
        "analyze", str(SENIOR_DS), "--ladder", "ml-engineer", "--as-of", AS_OF, "-f", "json"
    )
    assert code == 0, err
    ladder = json.loads(out)["ladder"]
    assert ladder["placed"] in ("ml-engineer-senior", "principal-ml-engineer")
    assert all(level["met"] for level in ladder["levels"][:3])
    years = next(
        r["years"]
        for a in json.loads(out)["areas"]
        for r in a["requirements"]
        if r["id"] == "years-experience"
    )
    assert 8.5 <= years["found"] < 10
    code, out, err = invoke("analyze", str(SENIOR_DS), "--ladder", "ml-engineer", "--as-of", AS_OF)
    assert code == 0, err
    assert "Placed at: Senior ML Engineer" in out
    assert "no level fully met" not in out


def test_presenting_to_the_cfo_counts_and_is_quoted() -> None:
    """The resume says it presented the roadmap quarterly to the operations director and
    the CFO: executive presentation is met by that clause, quoted as evidence, and the
    plan does not advise presenting to executives."""
    code, out, err = invoke("analyze", str(SENIOR_DS), "--as-of", AS_OF, "-f", "json")
    assert code == 0, err
    report = json.loads(out)
    presentation = next(
        r for a in report["areas"] for r in a["requirements"] if r["id"] == "executive-presentation"
    )
    assert presentation["status"] == "met"
    evidence = presentation["skills"][0]["evidence"][0]
    assert evidence["method"] == "achievement"
    assert evidence["text"].startswith("Presented the forecasting roadmap quarterly")
    assert "executive-presentation" not in [g["requirement"] for g in report["gaps"][:10]]
