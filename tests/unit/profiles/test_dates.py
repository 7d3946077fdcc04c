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


def _ranges(line: str) -> list[tuple[str, str | None]]:
    from skillgap.profiles.dates import find_date_ranges

    return [(s.isoformat(), e.isoformat() if e else None) for s, e, _ in find_date_ranges(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Month names, full or short, with or without a dot.
        ("Feb. 2017 – Mar. 2019", [("2017-02-01", "2019-04-01")]),
        ("February 2017 - March 2019", [("2017-02-01", "2019-04-01")]),
        ("Sept 2019 – Jan 2020", [("2019-09-01", "2020-02-01")]),
        ("Sept. 2019 to Oct, 2020", [("2019-09-01", "2020-11-01")]),
        # Numbers: month/year, year/month, year.month, ISO month and day.
        ("02/2017 - 2/2019", [("2017-02-01", "2019-03-01")]),
        ("2020/04 - 2021/06", [("2020-04-01", "2021-07-01")]),
        ("2018.01 - 2018.06", [("2018-01-01", "2018-07-01")]),
        ("03.2023 to 05.2024", [("2023-03-01", "2024-06-01")]),
        ("2018-01 - 2019-03", [("2018-01-01", "2019-04-01")]),
        ("2018-01-15 – 2019-02-28", [("2018-01-15", "2019-02-28")]),
        ("07-2018 to 09-2019", [("2018-07-01", "2019-10-01")]),
        # Two-digit years only where nothing else is meant.
        ("01/23 to date", [("2023-01-01", None)]),
        ("04/20 to 12/22", [("2020-04-01", "2023-01-01")]),
        ("07/98 - 03/01", [("1998-07-01", "2001-04-01")]),
        ("5/2023 to now", [("2023-05-01", None)]),
        ("Scored 2/17 in round one", []),
        ("Added 3/4 of the tests, 1/20 to go", []),
        # Plain years and parts of years.
        ("2015 – 2019", [("2015-01-01", "2019-01-01")]),
        ("Early 2011 - End of 2012", [("2011-01-01", "2013-01-01")]),
        ("summer of 2021 – mid-2022", [("2021-06-01", "2022-08-01")]),
    ],
)
def test_every_date_spelling(line: str, expected: list[tuple[str, str | None]]) -> None:
    assert _ranges(line) == expected


@pytest.mark.parametrize(
    "connector", ["-", "--", "–", "—", "to", "until", "till", "through", "→", "->", "~", "up to"]
)
def test_every_range_connector(connector: str) -> None:
    assert _ranges(f"Analyst, Example Co  Jan 2018 {connector} Mar 2020") == [
        ("2018-01-01", "2020-04-01")
    ]


@pytest.mark.parametrize(
    "now",
    [
        "Present",
        "present",
        "the present day",
        "now",
        "current",
        "currently",
        "today",
        "to date",
        "till date",
        "ongoing",
        "date",
        "pres.",
    ],
)
def test_every_word_for_now(now: str) -> None:
    from skillgap.profiles.dates import is_present

    assert _ranges(f"Engineer  2019-04 - {now}") == [("2019-04-01", None)]
    assert is_present(now)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("since February 2017", [("2017-02-01", None)]),
        ("Since 2017 I have led the data team.", [("2017-01-01", None)]),
        ("since 08/2022 -- Example Home -- Engineer", [("2022-08-01", None)]),
        ("From January 2023 onward I have been a lead.", [("2023-01-01", None)]),
        ("Example Travel, engineer, March 2023 onwards.", [("2023-03-01", None)]),
        ("Lead -- 03.2023 onwards", [("2023-03-01", None)]),
        ("Example Co, analyst, from March 2021 to the present day.", [("2021-03-01", None)]),
        (
            "Between August 2014 and July 2016 I worked as an analyst",
            [("2014-08-01", "2016-08-01")],
        ),
        ("June through August 2025", [("2025-06-01", "2025-09-01")]),
        ("January to May 2025", [("2025-01-01", "2025-06-01")]),
        ("having joined in July 2018 and still in the role", [("2018-07-01", None)]),
        (
            "I joined Example Co as an engineer in October 2020 and still work there.",
            [("2020-10-01", None)],
        ),
        # A negated clause holds no position.
        ("I have not written production code since 2020.", []),
        ("no hands-on code since 2020", []),
        ("Won prizes in Summer 2012 and 2013", []),
    ],
)
def test_open_ranges_and_ranges_in_prose(line: str, expected: list[tuple[str, str | None]]) -> None:
    assert _ranges(line) == expected


@pytest.mark.parametrize(
    "line",
    ["`2019 - 2021`", "(2019 – 2021)", "[2019 – 2021]", "Analyst (Jan 2019 – Jan 2021)"],
)
def test_dates_in_backquotes_and_brackets(line: str) -> None:
    assert _ranges(line)[0][0] == "2019-01-01"


@pytest.mark.parametrize(
    ("first", "following", "expected"),
    [
        (
            "Analyst, Example Co  Jan 2018 –",
            ["Mar 2021", "Built things"],
            ("2018-01", "2021-04", 1),
        ),
        ("Jan 2018", ["– Present", "Engineer, Example Co"], ("2018-01", None, 1)),
        ("2018-11", ["-", "Current"], ("2018-11", None, 2)),
        ("May 2017", ["May 2018", "Lead Data Scientist"], ("2017-05", "2018-06", 1)),
        # Two bare years in a column are not a range (two prizes, say) ...
        ("2015", ["2017"], None),
        # ... nor is a date followed by text.
        ("Jan 2018", ["Example Co, Analyst"], None),
        ("Jan 2018 – Mar 2019", ["Apr 2019"], None),
    ],
)
def test_ranges_wrapped_over_lines(
    first: str, following: list[str], expected: tuple[str, str | None, int] | None
) -> None:
    from skillgap.profiles.dates import wrapped_date_range

    found = wrapped_date_range(first, following)
    got = (
        None
        if found is None
        else (
            found[0].isoformat()[:7],
            found[1].isoformat()[:7] if found[1] else None,
            found[2],
        )
    )
    assert got == expected
