"""The audit of a synthetic batch of 1,000 rows (tests/unit/audit/synthetic.py) whose every
rate and ratio is known by construction: each is reproduced exactly, from JSON Lines, CSV
and JSON results alike, under every selection rule."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from skillgap.audit import AuditOptions, AuditReport, SelectionRule, run_audit
from skillgap.audit.model import CategoryColumn
from skillgap.rubric.model import Rubric
from tests.unit.audit import synthetic
from tests.unit.audit.synthetic import CELLS, Cell

FORMATS = ("jsonl", "csv", "json", "parquet")
MODES = {
    "median": "median",
    "score": f"score:{synthetic.SCORE_THRESHOLD:g}",
    "top": f"top:{synthetic.TOP_K}",
}
INTERSECTION = "sex × race_ethnicity"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, rubric: Rubric) -> Path:
    """The three results files and the groups file, written once."""
    base = tmp_path_factory.mktemp("audit")
    for fmt in FORMATS:
        synthetic.write_results(base / f"results.{fmt}", rubric)
    (base / "groups.csv").write_text(synthetic.groups_text(), encoding="utf-8")
    return base


def audit(folder: Path, fmt: str, mode: str = "median", **options: object) -> AuditReport:
    return run_audit(
        folder / f"results.{fmt}",
        folder / "groups.csv",
        AuditOptions(selection=SelectionRule.parse(MODES[mode]), **options),  # type: ignore[arg-type]
    )


def column_of(report: AuditReport, name: str) -> CategoryColumn:
    return next(c for c in report.columns if c.name == name)


def expected_cells(column: str) -> dict[str, list[Cell]]:
    """The cells behind each category of a column (known labels only)."""
    groups: dict[str, list[Cell]] = {}
    for cell in CELLS:
        if not cell.in_groups:
            continue
        if column == "sex" and cell.sex is not None:
            label = cell.sex
        elif column == "race_ethnicity" and cell.race is not None:
            label = cell.race
        elif column == INTERSECTION and cell.sex is not None and cell.race is not None:
            label = f"{cell.sex} × {cell.race}"
        else:
            continue
        groups.setdefault(label, []).append(cell)
    return groups


#: What the construction says is under 2% of each column's known rows.
EXCLUDED = {"sex": {"Nonbinary"}, "race_ethnicity": set(), INTERSECTION: {"Nonbinary × White"}}


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["sex", "race_ethnicity", INTERSECTION])
def test_every_rate_and_ratio_is_reproduced_exactly(
    folder: Path, fmt: str, mode: str, name: str
) -> None:
    column = column_of(audit(folder, fmt, mode), name)
    cells = expected_cells(name)
    counts = {label: synthetic.expected(group, mode) for label, group in cells.items()}
    known = sum(count for _, count in counts.values())
    assert column.known == known
    assert [c.label for c in column.categories] == sorted(cells)
    included = {k: Fraction(s, n) for k, (s, n) in counts.items() if k not in EXCLUDED[name]}
    reference = max(sorted(included), key=lambda k: included[k])
    assert column.reference == reference
    for category in column.categories:
        selected, count = counts[category.label]
        assert (category.count, category.selected) == (count, selected)
        assert category.rate == float(Fraction(selected, count))
        assert category.share == float(Fraction(count, known))
        assert category.excluded == (category.label in EXCLUDED[name])
        if category.excluded:
            assert category.impact_ratio is None and not category.flagged
            assert "excluded: under 2%" in category.notes
            continue
        ratio = Fraction(selected, count) / included[reference]
        assert category.impact_ratio == float(ratio)
        assert category.flagged == (ratio < Fraction(4, 5))
    assert column.flagged == [c.label for c in column.categories if c.flagged]


def test_the_construction_flags_and_excludes_what_it_should(folder: Path) -> None:
    """A check on the synthetic data itself: some ratios are under 0.8, one category
    would be the reference if it were not excluded."""
    report = audit(folder, "jsonl")
    sex = column_of(report, "sex")
    nonbinary = next(c for c in sex.categories if c.label == "Nonbinary")
    assert nonbinary.rate > max(c.rate for c in sex.categories if not c.excluded)
    assert column_of(report, "race_ethnicity").flagged == ["Black", "Hispanic or Latino"]
    assert report.flagged == sum(len(c.flagged) for c in report.columns) > 0


def test_the_median_is_that_of_every_scored_row(folder: Path) -> None:
    report = audit(folder, "csv")
    assert report.settings.selection.median == synthetic.LOW_SCORE
    assert report.sample.selected == sum(c.top + c.mid + c.blocked for c in CELLS)
    assert "strictly above the sample's median, 40" in report.settings.selection.description


def test_top_n_follows_the_ranking_eligible_first(folder: Path) -> None:
    """Blocked candidates score 90+, above every eligible one, yet are not in the top K."""
    report = audit(folder, "jsonl", "top")
    assert report.sample.selected == synthetic.TOP_K
    assert sum(c.selected for c in column_of(report, "sex").categories) == sum(
        c.top + c.mid for c in CELLS if c.in_groups and c.sex is not None
    )


def test_unknowns_errors_and_unmatched_rows_are_counted(folder: Path) -> None:
    report = audit(folder, "json")
    sample = report.sample
    assert (sample.rows, sample.scored, sample.errors) == (
        synthetic.TOTAL,
        synthetic.SCORED,
        synthetic.TOTAL - synthetic.SCORED,
    )
    assert sample.without_group_row == 5
    assert sample.unmatched_group_rows == synthetic.STRAY_GROUP_ROWS
    assert len(sample.unmatched_group_lines) == synthetic.STRAY_GROUP_ROWS
    sex, race, both = (column_of(report, n) for n in ("sex", "race_ethnicity", INTERSECTION))
    assert (sex.unknown, sex.unknown_label) == (10, 5)
    assert (race.unknown, race.unknown_label) == (15, 10)
    assert (both.unknown, both.unknown_label) == (20, 15)
    assert next(c for c in sex.categories if c.label == "Female").errors == 10
    assert next(c for c in race.categories if c.label == "Black").errors == 10
    assert any("error rows" in w for w in report.warnings)
    assert any("3 rows of groups.csv matching no row" in w for w in report.warnings)


def test_area_scores_are_described_per_category(folder: Path, rubric: Rubric) -> None:
    sex = column_of(audit(folder, "jsonl"), "sex")
    by_label = {c.label: c for c in sex.categories}
    first = rubric.areas[0]
    for label, score in synthetic.FIRST_AREA_SCORE.items():
        area = by_label[label].areas[0]
        assert (area.id, area.name) == (first.id, first.name)
        assert area.scores.count == by_label[label].count
        assert area.scores.mean == area.scores.median == area.scores.q1 == score
    assert [a.name for a in by_label["Male"].areas] == [a.name for a in rubric.areas]


def test_every_input_format_gives_the_same_numbers(folder: Path) -> None:
    """JSONL (completion order), CSV (one decimal, no sha256), JSON and Parquet agree on
    every category of every column, area scores included (a CSV names areas without ids,
    a Parquet file has their ids as column names, without the names)."""
    dumps = [
        [
            c.model_dump(
                exclude={"categories": {"__all__": {"areas": {"__all__": {"id", "name"}}}}}
            )
            for c in audit(folder, fmt, "top").columns
        ]
        for fmt in FORMATS
    ]
    assert all(d == dumps[0] for d in dumps)
    assert all(a.id is None for a in audit(folder, "csv").columns[0].categories[0].areas)
    parquet_areas = audit(folder, "parquet").columns[0].categories[0].areas
    json_areas = audit(folder, "json").columns[0].categories[0].areas
    assert [a.id for a in parquet_areas] == [a.id for a in json_areas]


@pytest.mark.parametrize("key", ["sha256", "file"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_join_may_be_on_sha256_or_file(folder: Path, fmt: str, key: str) -> None:
    groups = folder / f"groups-{key}.csv"
    groups.write_text(synthetic.groups_text(key=key), encoding="utf-8")
    report = run_audit(folder / f"results.{fmt}", groups)
    assert report.settings.join_column == key
    by_id = column_of(audit(folder, fmt), INTERSECTION).model_dump()
    assert column_of(report, INTERSECTION).model_dump() == by_id


def test_category_restricts_the_columns_and_drops_the_intersection(folder: Path) -> None:
    report = audit(folder, "jsonl", categories=("race_ethnicity",))
    assert [c.name for c in report.columns] == ["race_ethnicity"]


def test_the_json_is_byte_identical_run_after_run(folder: Path) -> None:
    first = audit(folder, "jsonl").to_json()
    assert audit(folder, "jsonl").to_json() == first
    json.loads(first)


def test_the_audit_trail_names_the_batch(folder: Path, rubric: Rubric) -> None:
    report = audit(folder, "csv")
    trail = report.trail
    assert trail.batch.rubric is not None and trail.batch.rubric.id == rubric.id
    assert trail.batch.rubric.sha256 == (rubric.origin.sha256 if rubric.origin else None)
    assert trail.batch.meta_file is not None and trail.batch.meta_file.endswith(".meta.json")
    assert trail.batch.as_of_first == trail.batch.as_of_last == synthetic.AS_OF.isoformat()
    assert trail.batch.options is not None and trail.batch.options["top"] == 10
    assert trail.batch.blind is False
    assert len(trail.results.sha256) == len(trail.groups.sha256) == 64
    assert trail.groups.rows == synthetic.TOTAL - 5 - 5 + synthetic.STRAY_GROUP_ROWS


def test_when_no_one_is_selected_no_ratio_is_defined(folder: Path) -> None:
    report = run_audit(
        folder / "results.jsonl",
        folder / "groups.csv",
        AuditOptions(selection=SelectionRule.parse("score:100")),
    )
    assert report.sample.selected == 0 and report.flagged == 0
    for column in report.columns:
        assert column.reference is None
        for category in column.categories:
            assert category.rate == 0.0
            assert category.impact_ratio is category.ci_low is category.p_value is None
            assert category.notes  # excluded, or why there is no ratio


def test_a_category_with_no_one_selected_has_ratio_0_and_no_interval(folder: Path) -> None:
    """top:1 selects one person: every other category's rate and ratio is 0, its interval
    undefined, its Fisher p-value still computed."""
    report = run_audit(
        folder / "results.csv",
        folder / "groups.csv",
        AuditOptions(selection=SelectionRule.parse("top:1")),
    )
    sex = column_of(report, "sex")
    assert sex.reference in ("Female", "Male")
    other = next(c for c in sex.categories if c.label in ("Female", "Male") and not c.reference)
    assert (other.selected, other.rate, other.impact_ratio) == (0, 0.0, 0.0)
    assert other.ci_low is None and other.ci_high is None
    assert other.p_value is not None and 0 < other.p_value <= 1
    assert other.flagged and "no interval: no one selected" in other.notes


@pytest.mark.parametrize("mode", sorted(MODES))
def test_the_json_validates_against_the_committed_schema(folder: Path, mode: str) -> None:
    from jsonschema import Draft202012Validator

    from tests.conftest import ROOT

    schema = json.loads((ROOT / "schema" / "audit.schema.json").read_text("utf-8"))
    document = json.loads(audit(folder, "jsonl", mode).to_json())
    assert list(Draft202012Validator(schema).iter_errors(document)) == []
