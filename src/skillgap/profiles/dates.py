"""Dates as resumes write them: "Jan 2019", "03/2016", "2015", "Present".

Used for work history (years of experience) in every format. One pattern,
:data:`DATE_RANGE_RE`, finds every spelling of a range in a line:

* dates: month names full or short, with or without a dot ("Feb. 2017", "Sept 2019",
  "Jan '18"), numeric ("02/2017", "2017/02", "2018.01", "2018-01", "2018-01-15"), plain
  years ("2015"), parts of a year ("early 2012", "summer 2023", "end of 2019"), and
  month/two-digit-year ("01/23") only where that cannot be anything else: both ends
  written so, or the end a word for now ("01/23 to date");
* between them: "-", "–", "—", "to", "until", "till", "through", "→", "->", "~", "up to";
  and "between ... and ...";
* open ranges: "Present", "now", "current(ly)", "today", "to date", "ongoing",
  "the present day", "since March 2023", "March 2023 onwards", "joined ... in July 2018
  and still ...".

:func:`wrapped_date_range` joins a range that a PDF or a layout split over two or three
lines ("Jan 2018 –" / "Mar 2021", or "2018-11" / "-" / "Current").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

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
    "the present",
    "present day",
    "the present day",
    "pres",
    "current",
    "currently",
    "now",
    "till now",
    "until now",
    "today",
    "ongoing",
    "till date",
    "to date",
    "date",
)
# Parts of a year, as (first month, last month): "early 2012" starts in January and,
# as an end, runs to the end of March.
_YEAR_PARTS = {
    "early": (1, 3),
    "beginning of": (1, 1),
    "start of": (1, 1),
    "mid": (6, 7),
    "late": (10, 12),
    "end of": (12, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_SHORT_YEAR = r"['’]\d\d(?!\d)"
_PART = r"(?:early|mid|late|(?:end|beginning|start)\s+of|spring|summer|fall|autumn)"
_ONE_DATE = (
    rf"(?:{_MONTH}\s*[',]?\s*{_YEAR}|{_MONTH}\s*{_SHORT_YEAR}"
    rf"|{_YEAR}-[01]\d-[0-3]\d(?!\d)"
    rf"|\d{{1,2}}\s*[/.-]\s*{_YEAR}|{_YEAR}\s*[/.-]\s*\d{{1,2}}(?!\d)"
    rf"|{_PART}[\s-]+(?:of\s+)?{_YEAR}|{_YEAR})"
)
# Month and two-digit year, "04/20": a range only when both ends are written so, or the
# end is a word for now ("01/23 to date"). Alone it could be a fraction or a score.
_MONTH_SHORT_YEAR = r"(?:0?[1-9]|1[0-2])/\d\d(?![\d/])"
_PRESENT = (
    r"(?:(?:the\s+)?present(?:\s+day)?|pres\.?|current(?:ly)?|(?:till\s+|until\s+)?now|today|"
    r"ongoing|(?:till|to)\s+date|date)"
)
_TO = r"\s*(?:->|→|⟶|-{1,2}|–|to|until|till|through|thru|~|up\s+to)\s*"
DATE_RANGE_RE = re.compile(
    rf"(?<![\w/])(?:(?P<smonth>{_MONTH}){_TO}(?P<emonth>{_MONTH})\s*[',]?\s*(?P<year>{_YEAR})"
    rf"|(?P<start>{_ONE_DATE}){_TO}(?P<end>{_ONE_DATE}|{_PRESENT})"
    rf"|(?P<nstart>{_MONTH_SHORT_YEAR}){_TO}(?P<nend>{_MONTH_SHORT_YEAR}|{_PRESENT})"
    rf"|between\s+(?P<bstart>{_ONE_DATE})\s+and\s+(?P<bend>{_ONE_DATE}|{_PRESENT})"
    rf"|since\s+(?P<since>{_ONE_DATE})"
    rf"|(?P<onward>{_ONE_DATE})\s*[-–]?\s*onwards?"
    rf"|joined\b[^.;\n]{{0,80}}?\b(?:in|on)\s+(?P<joined>{_ONE_DATE})[^.;\n]{{0,12}}?\bstill)"
    rf"(?![\w/])",
    re.IGNORECASE,
)
# The groups of DATE_RANGE_RE that start an open range (one that runs to now).
_OPEN_STARTS = ("since", "onward", "joined")
# "I have not written code since 2020", "no hands-on code since 2020": a clause with a
# negation before "since" holds no position, so it opens no range.
_NEGATION_RE = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[.;!?](?=\s|$)")
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
# Every date form holds a year (4 digits, 2 after an apostrophe, or 2 after a month and a
# slash), so a line without one cannot hold a range: a cheap test (it finds a little more:
# any three digits) that spares most lines the big pattern.
_TWO_DIGITS_RE = re.compile(r"[\d'’][\d/]\d")
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_PART_RE = re.compile(rf"^({_PART})[\s-]+(?:of\s+)?(\d{{4}})$", re.IGNORECASE)
_PRESENT_RE = re.compile(_PRESENT, re.IGNORECASE)


def parse_date(text: str, *, end: bool = False) -> dt.date | None:
    """One date as written in a resume; None if it is not one.

    With ``end``, a month means the end of that month and a bare year the start of it
    (so "2015 - 2019" counts four years), and "present" is not handled here.

    >>> parse_date("Mar 2019"), parse_date("03/2019"), parse_date("2019-03-15")
    (datetime.date(2019, 3, 1), datetime.date(2019, 3, 1), datetime.date(2019, 3, 15))
    >>> parse_date("Sept. 2019"), parse_date("summer 2023", end=True)
    (datetime.date(2019, 9, 1), datetime.date(2023, 9, 1))
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
    part = _PART_RE.match(value)
    if part:  # "early 2012", "summer of 2023", "mid-2019"
        months = _YEAR_PARTS[" ".join(part.group(1).split())]
        return _safe_date(int(part.group(2)), months[1] if end else months[0], None, end=end)
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


def _month_short_year(text: str, *, end: bool) -> dt.date | None:
    """ "04/20" as April 2020 (two-digit years below 50 are this century)."""
    month, year = (int(part) for part in text.split("/"))
    return _safe_date(2000 + year if year < 50 else 1900 + year, month, None, end=end)


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
    return " ".join(text.lower().split()).rstrip(".") in PRESENT_WORDS


def _end_of(text: str, *, short: bool = False) -> tuple[bool, dt.date | None]:
    """(ok, end) of a range's end as written: (True, None) for "present"."""
    if _PRESENT_RE.fullmatch(text.strip()):
        return True, None
    end = _month_short_year(text, end=True) if short else parse_date(text, end=True)
    return end is not None, end


def _negated_before(text: str) -> bool:
    clause = _CLAUSE_END_RE.split(text)[-1]
    return _NEGATION_RE.search(clause) is not None


def _range_of(
    match: re.Match[str], line: str, before: str
) -> tuple[dt.date | None, dt.date | None, bool]:
    """(start, end or None for 'present', ok) of one match of DATE_RANGE_RE."""
    groups = match.groupdict()
    if groups["smonth"]:
        year = groups["year"]
        start = parse_date(f"{groups['smonth']} {year}")
        return start, parse_date(f"{groups['emonth']} {year}", end=True), True
    for open_start in _OPEN_STARTS:
        if groups[open_start]:
            if open_start == "since" and _negated_before(f"{before} {line[: match.start()]}"):
                return None, None, False
            return parse_date(groups[open_start]), None, True
    if groups["nstart"]:
        ok, end = _end_of(groups["nend"], short=True)
        return _month_short_year(groups["nstart"], end=False), end, ok
    start_text, end_text = (
        (groups["start"], groups["end"]) if groups["start"] else (groups["bstart"], groups["bend"])
    )
    ok, end = _end_of(end_text)
    return parse_date(start_text), end, ok


def find_date_ranges(
    line: str, *, before: str = ""
) -> list[tuple[dt.date, dt.date | None, re.Match[str]]]:
    """Every date range in a line: (start, end or None for 'present', match).

    ``before`` is the text before the line in the same sentence, when a sentence is
    wrapped over lines ("I have not" / "written code since 2020.").

    >>> [(s.isoformat(), e and e.isoformat()) for s, e, _ in find_date_ranges(
    ...     "May – Aug 2019, Jan '20 -- Present")]
    [('2019-05-01', '2019-09-01'), ('2020-01-01', None)]
    >>> [(s.isoformat(), e and e.isoformat()) for s, e, _ in find_date_ranges(
    ...     "since Feb. 2017; 04/20 to 12/22")]
    [('2017-02-01', None), ('2020-04-01', '2023-01-01')]
    """
    found: list[tuple[dt.date, dt.date | None, re.Match[str]]] = []
    if _TWO_DIGITS_RE.search(line) is None:
        return found
    folded = line.translate(_DASHES)
    for match in DATE_RANGE_RE.finditer(folded):
        start, end, ok = _range_of(match, folded, before)
        if not ok or start is None or (end is not None and end < start):
            continue
        found.append((start, end, match))
    return found


# A line that ends with a date, perhaps followed by a dash or "to": the start of a range
# whose end a PDF or a layout put on the next line.
_DATE_TAIL_RE = re.compile(rf"(?<![\w/])(?:{_ONE_DATE})(?:{_TO})?$", re.IGNORECASE)
_CONNECTOR_END_RE = re.compile(rf"(?:{_TO})$", re.IGNORECASE)
# A line that is only a dash or "to" (the middle of a range stacked in three lines).
_CONNECTOR_ONLY_RE = re.compile(rf"(?:{_TO})", re.IGNORECASE)
_CONNECTOR_START_RE = re.compile(rf"^(?:{_TO})\S", re.IGNORECASE)
# Months, not bare years, for two stacked dates with no dash between them: "May 2017" over
# "May 2018" is a range in a layout's date column; "2015" over "2017" may be two awards.
_MONTH_DATE_RE = re.compile(
    rf"(?:{_MONTH}\s*[',]?\s*{_YEAR}|\d{{1,2}}\s*[/.-]\s*{_YEAR}|{_YEAR}\s*[/.-]\s*\d{{1,2}}|"
    rf"{_PRESENT})",
    re.IGNORECASE,
)


def wrapped_date_range(
    first: str, following: Sequence[str]
) -> tuple[dt.date, dt.date | None, int, str] | None:
    """A range that starts at the end of ``first`` and ends in the lines after it.

    ``following`` are the lines after ``first`` (blank lines end it). Returns the start,
    the end (None for "present"), how many of ``following`` the range takes and the text
    of ``first`` before the range; None if there is no such range.

    >>> wrapped_date_range("Engineer, Acme  Jan 2018 –", ["Mar 2021", "Built things"])
    (datetime.date(2018, 1, 1), datetime.date(2021, 4, 1), 1, 'Engineer, Acme  ')
    >>> wrapped_date_range("2018-11", ["-", "Current"])
    (datetime.date(2018, 11, 1), None, 2, '')
    """
    # Every date ends in its year's digits: a line that does not end near some cannot end
    # with a date (a cheap test that spares most lines the pattern below).
    if not following or _TWO_DIGITS_RE.search(first.rstrip()[-16:]) is None:
        return None
    head = first.translate(_DASHES).strip()
    tail = _DATE_TAIL_RE.search(head)
    if tail is None:
        return None
    nexts = [line.translate(_DASHES).strip() for line in following[:2]]
    if _CONNECTOR_END_RE.search(tail.group()) or _CONNECTOR_START_RE.match(nexts[0]):
        joined, taken = f"{tail.group()} {nexts[0]}", 1  # "Jan 2018 –" / "Mar 2021"
    elif len(nexts) == 2 and _CONNECTOR_ONLY_RE.fullmatch(nexts[0]):
        joined, taken = f"{tail.group()} {nexts[0]} {nexts[1]}", 2  # "2018-11" / "-" / "now"
    elif (
        tail.start() == 0 and _MONTH_DATE_RE.fullmatch(head) and _MONTH_DATE_RE.fullmatch(nexts[0])
    ):
        joined, taken = f"{head} – {nexts[0]}", 1  # "May 2017" / "May 2018"
    else:
        return None
    for start, end, match in find_date_ranges(joined):
        if match.start() == 0 and match.end() > len(tail.group()):
            return start, end, taken, head[: tail.start()]
    return None


def opened_in_words(match: re.Match[str]) -> bool:
    """Whether a range found by :func:`find_date_ranges` is one opened in words ("since
    2019", "March 2023 onwards", "joined ... in 2018 and still ...")."""
    return any(match.group(name) for name in _OPEN_STARTS)
