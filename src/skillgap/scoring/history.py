"""What the work history and education show: years of professional experience, and the
credit a degree earns against a degree requirement."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from ..profiles.dates import is_present, parse_date
from ..profiles.degrees import degree_in_progress, degree_words
from ..profiles.model import Profile
from ..report.build import build
from ..report.model import (
    DegreeResult,
)
from ..rubric.model import DEGREE_ORDER, Degree
from ..text import word_norms

# Internship and student titles: "Data Science Intern", "Internship Trainee", "Student
# Researcher", "Summer of Code". Not "Internal Tools Engineer".
_INTERNSHIP_RE = re.compile(
    r"\b(?:interns?|internships?|trainee|student|summer\s+of\s+code|co-?op)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class YearsFound:
    """Years of experience found, and the date they were counted to (an ongoing position
    runs to it; a degree expected before it is held by then)."""

    years: float | None
    basis: str
    line: int | None = None
    as_of: dt.date | None = None


def _merged_years(intervals: list[tuple[dt.date, dt.date]]) -> float:
    if not intervals:
        return 0.0
    intervals = sorted(intervals)
    merged: list[list[dt.date]] = [list(intervals[0])]
    for start, end in intervals[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return round(sum((e - s).days for s, e in merged) / 365.25, 1)


def experience_years(profile: Profile, *, as_of: dt.date) -> YearsFound:
    """Total professional experience, from a stated total and the work history.

    Work history intervals are merged, so overlapping jobs are not counted twice. An
    ongoing position ("present") runs to ``as_of`` — but a resume does not say when it
    was written, so when the candidate states a total ("6 years of experience") that
    statement is build over ongoing positions; closed positions still count if they
    add up to more than the statement.
    """
    closed: list[tuple[dt.date, dt.date]] = []
    ongoing: list[tuple[dt.date, dt.date]] = []
    skipped = 0
    for job in profile.jobs:
        if job.start is None or job.start > as_of:
            continue
        if _INTERNSHIP_RE.search(job.title):
            skipped += 1  # an internship is training, not years of professional experience
            continue
        if job.end is None:
            ongoing.append((job.start, as_of))
        elif job.end >= job.start:
            closed.append((job.start, min(job.end, as_of)))
    found = _experience(profile, closed, ongoing, as_of)
    if skipped:
        note = f"; {skipped} internship{'s' if skipped != 1 else ''} not counted"
        return dataclasses.replace(found, basis=found.basis + note)
    return found


def _experience(
    profile: Profile,
    closed: list[tuple[dt.date, dt.date]],
    ongoing: list[tuple[dt.date, dt.date]],
    as_of: dt.date,
) -> YearsFound:
    stated = max(profile.stated_years, key=lambda s: s.years, default=None)
    if stated is not None:
        from_history = _merged_years(closed)
        if stated.years >= from_history:
            return YearsFound(stated.years, f"stated: “{stated.text}”", stated.line, as_of)
        return YearsFound(
            from_history,
            f"work history: {len(closed)} dated past "
            f"position{'s' if len(closed) != 1 else ''}, overlaps merged",
            as_of=as_of,
        )
    if closed or ongoing:
        jobs = len(closed) + len(ongoing)
        basis = f"work history: {jobs} dated position{'s' if jobs != 1 else ''}, overlaps merged"
        if ongoing:
            basis += f", ongoing counted to {as_of.isoformat()}"
        return YearsFound(_merged_years(closed + ongoing), basis, as_of=as_of)
    return YearsFound(None, "no dated work history or stated total found", as_of=as_of)


def _contains_phrase(haystack: tuple[str, ...], phrase: str) -> bool:
    needle = word_norms(phrase)
    if not needle:
        return False
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


_UNRECOGNISED = 0.5


def _field_credit(words: tuple[str, ...], degree: Degree) -> tuple[float, str]:
    """Credit and basis for the field of study named by ``words``."""
    if not degree.fields or any(_contains_phrase(words, f) for f in degree.fields):
        return 1.0, "in a required field"
    if any(_contains_phrase(words, f) for f in degree.related_fields):
        return degree.related_credit, "in a related field"
    return _UNRECOGNISED, "field not recognised as related"


def _ends_after(ends: str, as_of: dt.date | None) -> bool:
    """Whether a structured end date ("Present", "2027-05") is after ``as_of``."""
    if not ends.strip():
        return False
    if is_present(ends):
        return True
    end = parse_date(ends, end=True)
    return end is not None and end > (as_of or dt.date.today())


def degree_result(
    profile: Profile, degree: Degree, *, as_of: dt.date | None = None
) -> DegreeResult:
    """Best credit any education entry earns against a degree requirement.

    A degree still in progress at ``as_of`` (see :func:`degree_in_progress`) counts as
    the degree below it, which its student holds ("MSc, expected 2027" is a bachelor's
    for now; a PhD student holds a master's).
    """
    required_rank = DEGREE_ORDER[degree.level]
    best: DegreeResult | None = None
    year = (as_of or dt.date.today()).year
    for entry in profile.education:
        if entry.degree_level is None:
            continue
        rank = DEGREE_ORDER.get(entry.degree_level, 0)
        studying = degree_in_progress(entry.text, year) or _ends_after(entry.ends, as_of)
        if studying:
            rank -= 1
        # The degree's own words first ("PhD in Linguistics; BSc in Computer Science" is
        # a PhD in Linguistics), the whole entry when they name no field.
        own = degree_words(entry.text, entry.degree_level)
        field_credit, field_basis = _field_credit(word_norms(own), degree)
        if field_credit == _UNRECOGNISED and own != entry.text:
            field_credit, field_basis = _field_credit(word_norms(entry.text), degree)
        shortfall = max(0, required_rank - rank)
        level_credit = (1.0, 0.5, 0.25, 0.1, 0.0)[min(shortfall, 4)]
        credit = round(field_credit * level_credit, 4)
        basis = f"{entry.degree_level} {field_basis}"
        if studying:
            below = next((k for k, v in DEGREE_ORDER.items() if v == rank), "no degree")
            basis = f"{entry.degree_level} in progress (counted as {below}) {field_basis}"
        if shortfall:
            basis += f"; below the {degree.level} asked for"
        if best is None or credit > best.credit:
            best = build(
                DegreeResult,
                required=degree.level,
                found=entry.degree_level,
                credit=credit,
                basis=basis,
                text=entry.text,
                source=entry.source,
                line=entry.line,
            )
    if best is None:
        return build(
            DegreeResult, required=degree.level, found=None, credit=0.0, basis="no degree found"
        )
    return best


__all__ = ["YearsFound", "degree_result", "experience_years"]
