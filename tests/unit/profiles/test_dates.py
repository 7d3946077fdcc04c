"""Dates as resumes write them (skillgap.profiles.dates): date ranges in every spelling."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Data Science Intern    May – Aug 2019", [("2019-05-01", "2019-09-01")]),
        ("Analyst, Jan '18 – Mar '20", [("2018-01-01", "2020-04-01")]),
        ("Engineer   Jan 2018 -- Present", [("2018-01-01", None)]),
        (
            "Jan 2018 − Jun 2019, Aug 2019 – Present",
            [("2018-01-01", "2019-07-01"), ("2019-08-01", None)],
        ),
        ("Used Python for 2 years", []),
    ],
)
def test_date_range_spellings(line: str, expected: list[tuple[str, str | None]]) -> None:
    from skillgap.profiles.dates import find_date_ranges

    found = [(s.isoformat(), e.isoformat() if e else None) for s, e, _ in find_date_ranges(line)]
    assert found == expected
