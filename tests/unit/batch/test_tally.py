"""The batch tally (skillgap.batch.tally): counts, and the top of the ranking kept in
ranking order with only a few rows in memory."""

from __future__ import annotations

from skillgap.batch.rows import BatchRow
from skillgap.batch.tally import BatchTally


def row(path: str, score: float, *, missing: tuple[str, ...] = ()) -> BatchRow:
    return BatchRow(
        path=path,
        file=path,
        id=f"c-{path}",
        status="ok",
        score=score,
        verdict="good match",
        must_haves_missing=missing,
    )


def test_the_ranking_puts_candidates_with_no_unmet_must_have_first() -> None:
    tally = BatchTally(top=10)
    for item in (
        row("a.txt", 90.0, missing=("Kubernetes",)),
        row("b.txt", 60.0),
        row("c.txt", 75.0),
        row("d.txt", 95.0, missing=("Python", "Kubernetes")),
    ):
        tally.add(item)
    assert [r["file"] for r in tally.ranking()] == ["c.txt", "b.txt", "d.txt", "a.txt"]
    assert [r["blocked"] for r in tally.ranking()] == [False, False, True, True]


def test_the_top_rows_kept_are_the_eligible_ones_first() -> None:
    tally = BatchTally(top=2)
    for item in (
        row("a.txt", 99.0, missing=("Kubernetes",)),
        row("b.txt", 40.0),
        row("c.txt", 41.0),
        row("d.txt", 98.0, missing=("Python",)),
    ):
        tally.add(item)
    assert [r["file"] for r in tally.ranking()] == ["c.txt", "b.txt"]


def test_ties_are_broken_by_path() -> None:
    tally = BatchTally(top=3)
    for path in ("z.txt", "m.txt", "a.txt"):
        tally.add(row(path, 50.0))
    assert [r["file"] for r in tally.ranking()] == ["a.txt", "m.txt", "z.txt"]


def test_the_sort_key_of_rows_matches_the_ranking() -> None:
    rows = [row("a.txt", 90.0, missing=("K",)), row("b.txt", 60.0), row("c.txt", 75.0)]
    error = BatchRow(path="e.txt", file="e.txt", id="x-e", status="error", error="unreadable")
    ordered = sorted([*rows, error], key=BatchRow.sort_key)
    assert [r.path for r in ordered] == ["c.txt", "b.txt", "a.txt", "e.txt"]
