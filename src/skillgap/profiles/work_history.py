"""Work history and stated totals, read from the lines of a resume's text.

* **Jobs**: every date range in an experience section (:mod:`.dates` knows the
  spellings), a range wrapped over two or three lines included; one opened in words
  ("since 2019") only on a line with a job title or employer, since a job's bullet may
  say "owned the pipeline since 2019" of a job that has ended. Elsewhere, a dated line
  counts only when it looks like a job: a job title or an employer on the line or on the
  short line next to it, and no degree, school or certificate. The sections that hold
  other dates (education, publications, talks, awards, certifications, projects,
  volunteering) hold no jobs. A resume with no headings at all is read more leniently:
  any dated line that is not schooling or a certificate.
* **Stated totals**: "12+ years of experience", "over ten years of industry experience"
  (numbers spelled out too, and a phrase wrapped over two lines), "eleven years in
  industry", "Total experience: 3 years 6 months".
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

from .dates import find_date_ranges, opened_in_words, wrapped_date_range
from .degrees import degree_level
from .model import Job, StatedYears

# Sections whose dates are not jobs (a degree, a paper, a talk, a prize, a certificate,
# a project, volunteering, a skill's years) and whose lines are not searched for jobs.
_NO_JOBS = frozenset(
    {
        "education",
        "publications",
        "talks",
        "awards",
        "certifications",
        "projects",
        "leadership",
        "skills",
    }
)

_TITLE_RE = re.compile(
    r"\b(?:[a-z]*(?:engineer|developer|scientist|analyst|manager|architect|programmer|"
    r"designer|consultant)s?|intern|internship|director|lead|head|researcher|"
    r"administrator|officer|assistant|specialist|founder|co-?founder|owner|partner|cto|ceo|"
    r"cfo|coo|cio|vp|vice\s+president|president|chief|technician|professor|lecturer|"
    r"instructor|teacher|postdoc|postdoctoral|fellow|coordinator|executive|freelancer?|"
    r"contractor|advis[eo]r|supervisor|trainee|apprentice|representative|accountant|"
    r"auditor|editor|writer|nurse|practitioner|physician|associate|clerk|operator|"
    r"strategist|evangelist|sre|swe|sde|devops|tester|staff|principal|employed|"
    r"worked\s+(?:as|at|for)|work\s+(?:as|at|for))\b",
    re.IGNORECASE,
)
_EMPLOYER_RE = re.compile(
    r"\b(?:inc|ltd|llc|llp|gmbh|corp|corporation|company|plc|limited|pvt|labs?|"
    r"technologies|solutions|group|bank|consulting|consultancy|insurance|ventures|capital)\b",
    re.IGNORECASE,
)
#: Time away from work written as an entry of its own ("Parental leave, 2019 - 2020",
#: "Career break"): dated, under Experience, and no job, so no years of experience.
_LEAVE_RE = re.compile(
    r"\b(?:(?:parental|maternity|paternity|family|medical|sick|caregiv\w*|carer'?s?|"
    r"bereavement|adoption)\s+leave|leave\s+of\s+absence|career\s+(?:break|gap|pause)|"
    r"sabbatical|caregiving|time\s+off)\b",
    re.IGNORECASE,
)
_SCHOOL_RE = re.compile(
    r"\b(?:universit(?:y|ies|ät|é|at)|college|school|institut(?:e|o)?|academy|polytechnic|"
    r"faculty)\b",
    re.IGNORECASE,
)
_STUDY_RE = re.compile(
    r"\b(?:studied|studying|student|graduated|graduation|gpa|cgpa|coursework|thesis|"
    r"semester|bootcamp|enrolled|scholarships?)\b",
    re.IGNORECASE,
)
_CERTIFICATE_RE = re.compile(
    r"\b(?:certifi\w*|certificates?|licen[cs]e[ds]?|credentials?|exam)\b", re.IGNORECASE
)
# A title or employer on the next or previous line counts only if that line is short
# (a heading of an entry, not a paragraph), and only for a dated line that says little
# else.
_NEIGHBOUR_CHARS = 100
_DIGIT_RE = re.compile(r"\d")
_SENTENCE_END_RE = re.compile(r"[.;!?](?=\s)")
_REST_CHARS = 60

_UNITS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_WORD_NUMBERS = {word: value for value, word in enumerate(_UNITS, start=1)} | _TENS
_NUMBER = (
    rf"(?<![\w.])(?:\d{{1,2}}(?:\.\d)?(?![\d.])|(?:(?:{'|'.join(_TENS)})"
    rf"(?:[-\s](?:{'|'.join(_UNITS[:9])}))?|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
    r"(?!\w))"
)
_STATED_YEARS_RE = re.compile(
    rf"(?P<n>{_NUMBER})\s*\+?\s*(?:\+\s*|plus\s+)?(?:years?|yrs?)['’]?(?:\s*\(s\))?\.?"
    r"(?:(?:\s+of)?(?P<tail>[^.;\n]{0,40}?)\b(?:experience|exp\b)"
    r"|\s+(?:of|in)\s+(?:the\s+)?(?:tech\s+|software\s+|it\s+)?industry\b)",
    re.IGNORECASE,
)
_TOTAL_EXPERIENCE_RE = re.compile(
    r"(?:total|overall)\s+experience\s*[:\-–]?\s*(?P<n>\d{1,2}(?:\.\d)?)\s*\+?\s*"
    r"(?:years?|yrs?)(?:\s*\(s\))?(?:\s*(?P<months>\d{1,2})\s*months?(?:\s*\(s\))?)?",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    words = text.lower().replace("-", " ").split()
    if words[0] in _WORD_NUMBERS:
        return float(sum(_WORD_NUMBERS[word] for word in words))
    return float(text)


def stated_total(
    line: str, next_line: str, *, source: str, number: int | None
) -> StatedYears | None:
    """A stated total of experience that starts in ``line`` (and may end in the next).

    >>> stated_total("with 13 years of industry", "experience in ML", source="summary",
    ...              number=3).years
    13.0
    >>> stated_total("over ten years of experience", "", source="summary", number=1).years
    10.0
    """
    text = f"{line} {next_line}" if next_line.strip() else line
    lowered = text.lower()
    if "year" not in lowered and "yr" not in lowered:  # most lines state no total
        return None
    total = _TOTAL_EXPERIENCE_RE.search(line)
    if total is not None:
        months = int(total.group("months") or 0)
        years = round(float(total.group("n")) + months / 12, 1)
        return StatedYears(years, " ".join(total.group().split()), source, number)
    for match in _STATED_YEARS_RE.finditer(text):
        if match.start() >= len(line):
            break
        return StatedYears(
            _number(match.group("n")), " ".join(match.group().split()), source, number
        )
    return None


def _is_schooling(text: str) -> bool:
    """A degree, studies, a school (unless a job title says it is a job there) or a
    certificate."""
    if degree_level(text) is not None or _CERTIFICATE_RE.search(text) or _STUDY_RE.search(text):
        return True
    return _SCHOOL_RE.search(text) is not None and _TITLE_RE.search(text) is None


def _is_degree_entry(text: str) -> bool:
    return degree_level(text) is not None and _TITLE_RE.search(text) is None


def _names_a_job(text: str) -> bool:
    return _TITLE_RE.search(text) is not None or _EMPLOYER_RE.search(text) is not None


def _sentence(line: str, match: re.Match[str]) -> str:
    """The sentence of ``line`` that holds ``match``."""
    starts = [m.end() for m in _SENTENCE_END_RE.finditer(line, 0, match.start())]
    end = _SENTENCE_END_RE.search(line, match.end())
    return line[starts[-1] if starts else 0 : end.start() if end else len(line)]


def _is_job_entry(text: str) -> bool:
    return (
        _TITLE_RE.search(text) is not None or _EMPLOYER_RE.search(text) is not None
    ) and not _is_schooling(text)


def _strip_title(text: str) -> str:
    return " ".join(text.split()).strip(" |,-–—()*_:;#")


#: Date ranges read from one line.
_MAX_RANGES = 8


def find_jobs(
    lines: Sequence[tuple[int, str]], *, section: str, contexts: Sequence[str], lenient: bool
) -> list[Job]:
    """The jobs in the lines of one section.

    ``contexts`` gives, for each line, the section it is read as (an unlisted heading
    inside a section starts a new part); ``lenient`` is for a resume with no headings.
    """
    jobs: list[Job] = []
    skip_to = -1
    for position, (number, line) in enumerate(lines):
        stripped = line.strip()
        context = contexts[position]
        if not stripped or position <= skip_to or context in _NO_JOBS:
            continue
        found: list[tuple[dt.date, dt.date | None, str, int]] = []
        # Only "since" looks back into the sentence ("I have not" / "coded since 2020").
        before = _sentence_before(lines, position) if "ince" in stripped else ""
        # A real line holds a range or two; thousands on one line are not a work history,
        # and each would cost the whole line again (quadratic).
        ranges = itertools.islice(find_date_ranges(stripped, before=before), _MAX_RANGES)
        for start, end, match in ranges:
            rest = _strip_title(stripped[: match.start()] + " " + stripped[match.end() :])
            # "Owned the pipeline since 2019" under a job that ended is no position.
            if opened_in_words(match) and not _names_a_job(_sentence(stripped, match)):
                continue
            found.append((start, end, rest, position))
        if not found and _DIGIT_RE.search(stripped[-16:]):
            wrapped = wrapped_date_range(stripped, _following(lines, position))
            if wrapped is not None:
                start, end, taken, before = wrapped
                skip_to = position + taken
                found.append((start, end, _strip_title(before), skip_to))
        # In an experience section every range is a job, but a degree's ("MSc, 2005-2006").
        in_jobs = bool(found) and context == "experience" and not _is_degree_entry(stripped)
        for start, end, rest, last in found:
            above = _neighbour(lines, position, -1)
            below = _neighbour(lines, last, +1)
            if not in_jobs:
                adjacent = (_neighbour(lines, position, -1, 1), _neighbour(lines, last, +1, 1))
                if not _counts_as_job(
                    stripped, rest, (above, below), lenient=lenient, adjacent=adjacent
                ):
                    continue
            title = rest
            if not any(ch.isalpha() for ch in title):
                title = _strip_title(below if last != position and _is_job_entry(below) else above)
            # Time away from work ("Parental leave, 2019 - 2020") is no job, unless the
            # entry also names one ("Sabbatical: visiting researcher").
            if _LEAVE_RE.search(title) and _TITLE_RE.search(title) is None:
                continue
            jobs.append(Job(title=title[:120], start=start, end=end, source=section, line=number))
    return jobs


def _counts_as_job(
    line: str, rest: str, neighbours: tuple[str, str], *, lenient: bool, adjacent: tuple[str, str]
) -> bool:
    """Whether a dated line outside an experience section is a job.

    ``neighbours`` are the nearest lines above and below within two lines, ``adjacent``
    the lines right next to it: a dated line with nothing else on it belongs to an entry
    next to it, and is not a job when one of them names a degree.
    """
    if _is_schooling(line):
        return False
    if lenient or _is_job_entry(rest):
        return True
    if len(rest) > _REST_CHARS or (
        not any(ch.isalpha() for ch in rest)
        and any(degree_level(line) is not None for line in adjacent)
    ):
        return False
    return any(
        len(neighbour) <= _NEIGHBOUR_CHARS and _is_job_entry(neighbour) for neighbour in neighbours
    )


def _sentence_before(lines: Sequence[tuple[int, str]], position: int) -> str:
    """The line before, when ``position`` continues its sentence (starts in lower case)."""
    line = lines[position][1].strip()
    if position == 0 or not line[:1].islower():
        return ""
    return lines[position - 1][1].strip()


def _following(lines: Sequence[tuple[int, str]], position: int) -> list[str]:
    """Up to two lines after ``position``, up to the first blank one."""
    out: list[str] = []
    for _, line in lines[position + 1 : position + 3]:
        if not line.strip():
            break
        out.append(line)
    return out


def _neighbour(lines: Sequence[tuple[int, str]], position: int, step: int, within: int = 2) -> str:
    """The nearest non-blank line above (step -1) or below (+1), ``within`` lines."""
    for index in (position + step * distance for distance in range(1, within + 1)):
        if 0 <= index < len(lines) and lines[index][1].strip():
            return lines[index][1].strip()
    return ""
