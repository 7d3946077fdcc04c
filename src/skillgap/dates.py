"""Dates as resumes write them: "Jan 2019", "03/2016", "2015", "Present".

Used for work history (years of experience) in every format.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
PRESENT_WORDS = ("present", "current", "currently", "now", "today", "ongoing", "till date",
                 "to date", "date")

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_ONE_DATE = (rf"(?:{_MONTH}\s*[',]?\s*{_YEAR}|\d{{1,2}}\s*[/.-]\s*{_YEAR}"
             rf"|{_YEAR}\s*[/.-]\s*\d{{1,2}}(?!\d)|{_YEAR})")
_PRESENT = r"(?:present|current(?:ly)?|now|today|ongoing|till\s+date|to\s+date|date)"
DATE_RANGE_RE = re.compile(
    rf"(?P<start>{_ONE_DATE})\s*(?:-|–|—|to|until|till|through|thru|~)\s*"
    rf"(?P<end>{_ONE_DATE}|{_PRESENT})(?![\w/])",
    re.IGNORECASE,
)
# Every date form holds a year, so a line without one cannot hold a range: a cheap test
# that spares the big pattern most lines of a resume.
_YEAR_RE = re.compile(_YEAR)
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def parse_date(text: str, *, end: bool = False) -> dt.date | None:
    """One date as written in a resume; None if it is not one.

    With ``end``, a month means the end of that month and a bare year the start of it
    (so "2015 - 2019" counts four years), and "present" is not handled here.

    >>> parse_date("Mar 2019"), parse_date("03/2019"), parse_date("2019-03-15")
    (datetime.date(2019, 3, 1), datetime.date(2019, 3, 1), datetime.date(2019, 3, 15))
    """
    value = " ".join(text.strip().lower().replace(",", " ").replace("'", " ").split())
    if not value:
        return None
    iso = _ISO_RE.match(value)
    if iso:
        year, month, day = int(iso.group(1)), iso.group(2), iso.group(3)
        return _safe_date(year, int(month) if month else None, int(day) if day else None,
                          end=end)
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


def find_date_range(line: str) -> tuple[dt.date, dt.date | None, re.Match[str]] | None:
    """The first date range in a line: (start, end or None for 'present', match)."""
    if _YEAR_RE.search(line) is None:
        return None
    for match in DATE_RANGE_RE.finditer(line):
        start = parse_date(match.group("start"))
        end_text = match.group("end")
        end = None if is_present(end_text) else parse_date(end_text, end=True)
        if start is None or (end is None and not is_present(end_text)):
            continue
        if end is not None and end < start:
            continue
        return start, end, match
    return None
