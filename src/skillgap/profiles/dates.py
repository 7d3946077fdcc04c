"""Dates as resumes write them: "Jan 2019", "03/2016", "2015", "Present".

Used for work history (years of experience) in every format.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
PRESENT_WORDS = (
    "present",
    "current",
    "currently",
    "now",
    "today",
    "ongoing",
    "till date",
    "to date",
    "date",
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_SHORT_YEAR = r"['’]\d\d(?!\d)"
_ONE_DATE = (
    rf"(?:{_MONTH}\s*[',]?\s*{_YEAR}|{_MONTH}\s*{_SHORT_YEAR}"
    rf"|\d{{1,2}}\s*[/.-]\s*{_YEAR}|{_YEAR}\s*[/.-]\s*\d{{1,2}}(?!\d)|{_YEAR})"
)
_PRESENT = r"(?:present|current(?:ly)?|now|today|ongoing|till\s+date|to\s+date|date)"
_TO = r"\s*(?:-{1,2}|–|to|until|till|through|thru|~)\s*"
DATE_RANGE_RE = re.compile(
    rf"(?<![\w/])(?:(?P<smonth>{_MONTH}){_TO}(?P<emonth>{_MONTH})\s*[',]?\s*(?P<year>{_YEAR})"
    rf"|(?P<start>{_ONE_DATE}){_TO}(?P<end>{_ONE_DATE}|{_PRESENT}))(?![\w/])",
    re.IGNORECASE,
)
# Every dash a resume may use between two dates, folded to an en dash before matching.
_DASHES = str.maketrans(
    {
        "\u2012": "–",
        "\u2013": "–",
        "\u2014": "–",
        "\u2015": "–",
        "\u2212": "–",
        "\u2010": "-",
        "\u2011": "-",
    }
)
# Every date form holds a year (4 digits, or 2 after an apostrophe), so a line without one
# cannot hold a range: a cheap test that spares most lines the big pattern.
_TWO_DIGITS_RE = re.compile(r"\d{4}|['’]\d\d")
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def parse_date(text: str, *, end: bool = False) -> dt.date | None:
    """One date as written in a resume; None if it is not one.

    With ``end``, a month means the end of that month and a bare year the start of it
    (so "2015 - 2019" counts four years), and "present" is not handled here.

    >>> parse_date("Mar 2019"), parse_date("03/2019"), parse_date("2019-03-15")
    (datetime.date(2019, 3, 1), datetime.date(2019, 3, 1), datetime.date(2019, 3, 15))
    """
    value = " ".join(text.strip().lower().replace(",", " ").split())
    short = re.fullmatch(r"([a-z]+)\.?\s*['’](\d\d)", value)
    if short and short.group(1) in MONTHS:  # "Jan '18"
        year = int(short.group(2))
        value = f"{short.group(1)} {2000 + year if year < 50 else 1900 + year}"
    value = value.replace("'", " ").replace("’", " ")
    if not value:
        return None
    iso = _ISO_RE.match(value)
    if iso:
        year, month, day = int(iso.group(1)), iso.group(2), iso.group(3)
        return _safe_date(year, int(month) if month else None, int(day) if day else None, end=end)
    parts = re.split(r"[\s/.-]+", value)
    if len(parts) == 2:
        first, second = parts
        if first.rstrip(".") in MONTHS and second.isdigit() and len(second) == 4:
            return _safe_date(int(second), MONTHS[first.rstrip(".")], None, end=end)
        if first.isdigit() and second.isdigit():
            if len(second) == 4 and len(first) <= 2:
                return _safe_date(int(second), int(first), None, end=end)
            if len(first) == 4 and len(second) <= 2:
                return _safe_date(int(first), int(second), None, end=end)
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == 4:
        return _safe_date(int(parts[0]), None, None, end=end)
    return None


def _safe_date(year: int, month: int | None, day: int | None, *, end: bool) -> dt.date | None:
    if not 1950 <= year <= 2100:
        return None
    if month is None:
        return dt.date(year, 1, 1)
    if not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if end:  # the end of the month: first day of the next one
        return dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return dt.date(year, month, 1)


def is_present(text: str) -> bool:
    """True for words that mean an ongoing position ("Present", "current", "now")."""
    return " ".join(text.lower().split()) in PRESENT_WORDS


def find_date_ranges(line: str) -> list[tuple[dt.date, dt.date | None, re.Match[str]]]:
    """Every date range in a line: (start, end or None for 'present', match).

    >>> [(s.isoformat(), e and e.isoformat()) for s, e, _ in find_date_ranges(
    ...     "May – Aug 2019, Jan '20 -- Present")]
    [('2019-05-01', '2019-09-01'), ('2020-01-01', None)]
    """
    found: list[tuple[dt.date, dt.date | None, re.Match[str]]] = []
    if _TWO_DIGITS_RE.search(line) is None:
        return found
    for match in DATE_RANGE_RE.finditer(line.translate(_DASHES)):
        if match.group("smonth"):
            year = match.group("year")
            start = parse_date(f"{match.group('smonth')} {year}")
            end = parse_date(f"{match.group('emonth')} {year}", end=True)
        else:
            start = parse_date(match.group("start"))
            end_text = match.group("end")
            end = None if is_present(end_text) else parse_date(end_text, end=True)
            if end is None and not is_present(end_text):
                continue
        if start is None or (end is not None and end < start):
            continue
        found.append((start, end, match))
    return found
