"""Progress between two saved reports (skillgap.report.diff): what changed, when reports
cannot be compared, and loading a report file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.errors import ReportError
from skillgap.profiles import load_profile
from skillgap.report.diff import IncomparableReportsError, ReportDiff, diff_reports, load_report
from skillgap.report.model import GapReport
from skillgap.rubric.parse import load_rubric
from tests.conftest import EXAMPLES

AS_OF = dt.date(2026, 1, 15)


def write(tmp_path: Path, name: str, report: GapReport) -> Path:
    path = tmp_path / name
    path.write_text(report.to_json(), "utf-8")
    return path


def test_overall_and_every_area_change_is_reported(
    change: ReportDiff, before: GapReport, after: GapReport
) -> None:
    assert change.overall_change == round(after.overall.score - before.overall.score, 1)
    assert [a.id for a in change.areas] == [a.id for a in after.areas]
    for area, old, new in zip(change.areas, before.areas, after.areas, strict=True):
        assert (area.old, area.new) == (round(old.score * 100, 1), round(new.score * 100, 1))
        assert area.old is not None and area.new is not None
        assert area.change == round(area.new - area.old, 1)


def test_requirements_newly_met_and_no_longer_met(
    change: ReportDiff, before: GapReport, after: GapReport
) -> None:
    def met(report: GapReport) -> set[str]:
        return {r.id for a in report.areas for r in a.requirements if r.status == "met"}

    assert set(change.newly_met) == met(after) - met(before)
    assert set(change.no_longer_met) == met(before) - met(after)
    assert "team-leadership" in change.newly_met
    assert change.blocking_resolved == ("team-leadership",)


def test_skills_newly_evidenced_and_lost(change: ReportDiff) -> None:
    gained = {(s.requirement, s.skill) for s in change.skills_gained}
    lost = {(s.requirement, s.skill) for s in change.skills_lost}
    assert ("big-data-distributed", "Spark") in gained
    assert ("practical-experience", "Kaggle") not in gained  # not a principal requirement
    assert ("collaboration-teamwork", "Collaboration") in lost
    assert not gained & lost


def test_same_report_twice_shows_no_change(before: GapReport) -> None:
    same = diff_reports(before, before)
    assert same.overall_change == 0 and not same.requirements
    assert not same.newly_met and not same.skills_gained and not same.skills_lost
    assert all(a.change == 0 for a in same.areas)


def test_reports_for_different_rubrics_are_refused(before: GapReport) -> None:
    other = analyze(
        load_profile(EXAMPLES / "junior-ml-engineer-profile.yaml"),
        load_rubric("ml-engineer-entry"),
        as_of=AS_OF,
    )
    with pytest.raises(IncomparableReportsError) as caught:
        diff_reports(before, other, old_name="a.json", new_name="b.json")
    assert caught.value.exit_code == 2
    assert str(caught.value) == (
        "cannot compare a.json and b.json: they were scored against different rubrics "
        "(rubric 'principal-ml-engineer' vs 'ml-engineer-entry'); score both against the same "
        "rubric, or add --any-rubric to compare them by area and requirement id anyway"
    )


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("version", "9.9.9", "rubric principal-ml-engineer version 1.0.0 vs 9.9.9"),
        ("sha256", "f" * 64, "with different content (sha256 "),
    ],
)
def test_a_changed_rubric_version_or_content_is_refused(
    before: GapReport, field: str, value: str, reason: str
) -> None:
    changed = before.model_copy(update={"rubric": before.rubric.model_copy(update={field: value})})
    with pytest.raises(IncomparableReportsError, match=r"different rubrics") as caught:
        diff_reports(before, changed)
    assert reason in str(caught.value)


def test_force_compares_different_rubrics_by_id_and_says_so(before: GapReport) -> None:
    other = analyze(
        load_profile(EXAMPLES / "junior-ml-engineer-profile.yaml"),
        load_rubric("ml-engineer-entry"),
        as_of=AS_OF,
    )
    forced = diff_reports(before, other, force=True)
    assert not forced.same_rubric and "different rubrics" in forced.warnings[0]
    absent = {r.id: r for r in forced.requirements}
    assert absent["practical-experience"].old_status is None
    assert absent["hiring"].new_status is None


def test_diff_json_is_deterministic(before: GapReport, after: GapReport) -> None:
    assert diff_reports(before, after).to_json() == diff_reports(before, after).to_json()


# --------------------------------------------------------------------------- loading


def test_load_report_round_trips(tmp_path: Path, before: GapReport) -> None:
    assert load_report(write(tmp_path, "r.json", before)) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "r.json:1:2: not a JSON report: "),
        (
            '{"name": "Ada"}',
            (
                "r.json: not a skillgap JSON report (write one with 'skillgap "
                "analyze PROFILE --format json --output FILE')"
            ),
        ),
        (
            '{"schema_version": "2.0", "overall": {}}',
            (
                "r.json: report schema version 2.0 is not supported (this skillgap reads 1.x); "
                "re-run 'skillgap analyze' to write a new report"
            ),
        ),
    ],
)
def test_bad_report_files_get_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.json").write_text(text, "utf-8")
    with pytest.raises(ReportError) as caught:
        load_report("r.json")
    assert str(caught.value).startswith(message)


def test_a_tampered_report_names_the_field_and_line(
    tmp_path: Path, before: GapReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = json.loads(before.to_json())
    data["areas"][0]["name"] = 42
    Path("r.json").write_text(json.dumps(data, indent=2), "utf-8")
    with pytest.raises(ReportError) as caught:
        load_report("r.json")
    assert str(caught.value).startswith(
        "r.json: not a valid skillgap report: 'areas[0].name': input should be a valid string"
    )
