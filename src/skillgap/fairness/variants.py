"""Editing a resume's text in one place: the helpers the signal families are built from.

A :class:`Resume` is the text of one resume (plain text or Markdown) with what its loader
found in it (the candidate's name, the dated jobs). The functions here return a new text
that differs from it in one place only: a line inserted where a person would write it
(under the name, at the end of a section), a word replaced wherever it stands, the years
of the education section shifted. DOCX variants are built from the same lines with
python-docx (:func:`docx_bytes`), with a photo or a date of birth added.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..profiles.dates import find_date_ranges
from ..profiles.model import Job
from ..profiles.sections import clean_markdown_line, heading_section

#: The section names (as :func:`~skillgap.profiles.sections.heading_section` gives them)
#: and the heading a new section gets.
NEW_HEADINGS = {"leadership": "Activities", "education": "Education"}


@dataclass(frozen=True)
class Resume:
    """The text of one resume and what its loader found in it."""

    text: str
    markdown: bool
    #: The candidate's name as the loader found it (None when it found none).
    name: str | None = None
    #: The dated positions of the work history.
    jobs: tuple[Job, ...] = ()

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def with_lines(self, lines: Sequence[str]) -> str:
        """``lines`` joined as this resume's text is (one newline at the end)."""
        return "\n".join(lines).rstrip("\n") + "\n"


def section_span(lines: Sequence[str], name: str) -> tuple[int, int] | None:
    """(heading index, index after the section's last non-blank line) of the first
    section called ``name``, or None."""
    start = next((i for i, line in enumerate(lines) if heading_section(line) == name), None)
    if start is None:
        return None
    end = start + 1
    for i in range(start + 1, len(lines)):
        if heading_section(lines[i]) is not None:
            break
        if lines[i].strip():
            end = i + 1
    return start, end


def _header_end(lines: Sequence[str]) -> int:
    """Index after the last non-blank line before the first section heading."""
    end = 0
    for i, line in enumerate(lines):
        if heading_section(line) is not None:
            break
        if line.strip():
            end = i + 1
    return end


def under_name(resume: Resume, line: str) -> str:
    """``line`` added to the header, under the name and contact details."""
    lines = resume.lines
    at = _header_end(lines)
    added = ["", line] if resume.markdown else [line]
    return resume.with_lines([*lines[:at], *added, *lines[at:]])


def name_line(resume: Resume, name: str) -> str:
    """``name`` as the first line (a resume with no name found)."""
    head = f"# {name}" if resume.markdown else name
    return resume.with_lines([head, "", *resume.lines])


def in_section(resume: Resume, section: str, new: Sequence[str]) -> str:
    """``new`` lines at the end of ``section``, or in a new section at the end."""
    lines = resume.lines
    span = section_span(lines, section)
    if span is not None:
        _, end = span
        added = ["", *(f"- {line}" for line in new)] if resume.markdown else list(new)
        return resume.with_lines([*lines[:end], *added, *lines[end:]])
    title = NEW_HEADINGS.get(section, section.title())
    heading = f"## {title}" if resume.markdown else title.upper()
    if resume.markdown:
        return resume.with_lines([*lines, "", heading, "", *(f"- {line}" for line in new)])
    return resume.with_lines([*lines, "", heading, *new])


def replace_words(text: str, pairs: Sequence[tuple[str, str]]) -> str:
    """``text`` with each whole-word, case-sensitive ``old`` replaced by ``new``, all
    pairs at once (so a swap of two words does not undo itself)."""
    table = {old: new for old, new in pairs if old}
    if not table:
        return text
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(re.escape(o) for o in sorted(table, key=len, reverse=True))
        + r")(?![\w-])"
    )
    return pattern.sub(lambda m: table[m.group(1)], text)


def contains_word(text: str, word: str, *, ignore_case: bool = False) -> bool:
    flags = re.IGNORECASE if ignore_case else 0
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, flags) is not None


_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def education_lines(resume: Resume) -> list[str]:
    """The lines of the education section (none when there is no such section)."""
    lines = resume.lines
    span = section_span(lines, "education")
    return [] if span is None else lines[span[0] + 1 : span[1]]


def education_years(resume: Resume) -> list[int]:
    """The four-digit years written in the education section."""
    return [int(y) for line in education_lines(resume) for y in _YEAR_RE.findall(line)]


def shift_education_years(resume: Resume, years: int) -> str:
    """Every year in the education section moved by ``years`` (work dates untouched)."""
    lines = resume.lines
    span = section_span(lines, "education")
    if span is None:
        return resume.text
    start, end = span
    moved = [
        _YEAR_RE.sub(lambda m: str(int(m.group(0)) + years), line)
        for line in lines[start + 1 : end]
    ]
    return resume.with_lines([*lines[: start + 1], *moved, *lines[end:]])


def edit_education_line(resume: Resume, edit: Callable[[str], str | None]) -> str | None:
    """The text with the first education line that ``edit`` changes changed (None when
    ``edit`` changes none)."""
    lines = resume.lines
    span = section_span(lines, "education")
    if span is None:
        return None
    for i in range(span[0] + 1, span[1]):
        changed = edit(lines[i])
        if changed is not None and changed != lines[i]:
            return resume.with_lines([*lines[:i], changed, *lines[i + 1 :]])
    return None


def _month(date: dt.date, months: int) -> dt.date:
    total = date.year * 12 + date.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _shown(date: dt.date) -> str:
    return f"{date:%b %Y}"


def latest_job(resume: Resume) -> Job | None:
    """The dated position that started last (ties: the first written)."""
    dated = [j for j in resume.jobs if j.start is not None and j.line is not None]
    return max(dated, key=lambda j: j.start or dt.date.min, default=None)


def leave_during_job(resume: Resume, *, as_of: dt.date) -> str | None:
    """A six-month parental leave inside the latest job, as a line of its entry."""
    job = latest_job(resume)
    if job is None or job.start is None or job.line is None:
        return None
    start = _month(job.start, 12)
    end = _month(start, 6)
    if end > (job.end or as_of):
        return None
    lines = resume.lines
    at = _entry_end(resume, job.line - 1)
    line = f"- Parental leave, {_shown(start)} – {_shown(end)}"
    return resume.with_lines([*lines[:at], line, *lines[at:]])


def leave_gap_before_job(resume: Resume, *, as_of: dt.date) -> str | None:
    """The latest job starting a year later, the year before it a dated parental leave:
    a career gap, as the work history then reads."""
    job = latest_job(resume)
    if job is None or job.start is None or job.line is None:
        return None
    new_start = _month(job.start, 12)
    if _month(new_start, 6) > (job.end or as_of):
        return None
    lines = resume.lines
    index = job.line - 1
    ranges = find_date_ranges(lines[index])
    if not ranges:
        return None
    _, end, match = ranges[0]
    shown_end = "Present" if end is None else _shown(_month(end, -1))
    edited = (
        lines[index][: match.start()]
        + f"{_shown(new_start)} – {shown_end}"
        + lines[index][match.end() :]
    )
    leave = f"Parental leave, {_shown(job.start)} – {_shown(_month(new_start, -1))}"
    at = _entry_end(resume, index)
    added = ["", f"### {leave}" if resume.markdown else leave]
    return resume.with_lines([*lines[:index], edited, *lines[index + 1 : at], *added, *lines[at:]])


def _entry_end(resume: Resume, index: int) -> int:
    """Index after the last non-blank line of the work-history entry whose dates are on
    line ``index``."""
    lines = resume.lines
    span = section_span(lines, "experience")
    limit = span[1] if span else len(lines)
    at = index + 1
    while (
        at < limit and heading_section(lines[at]) is None and not _starts_entry(lines[at], resume)
    ):
        at += 1
    while at > index + 1 and not lines[at - 1].strip():
        at -= 1
    return at


def _starts_entry(line: str, resume: Resume) -> bool:
    """A line that opens the next entry of the work history."""
    if resume.markdown:
        return line.startswith("### ")
    return bool(find_date_ranges(line)) and not line.startswith(("-", "•", " "))


# --------------------------------------------------------------------------- DOCX


def tiny_png() -> bytes:
    """A 2×2 grey PNG, built in memory (a stand-in for a photo)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return (
            struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80\x80" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def docx_bytes(
    resume: Resume, text: str, *, photo: bool = False, birth_date: str | None = None
) -> bytes:
    """A Word document of ``text`` (one paragraph a line, Markdown marks removed), with a
    photo under the name and a date-of-birth line when asked."""
    import docx
    from docx.shared import Inches

    document = docx.Document()
    lines = [line for line in text.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        shown = clean_markdown_line(line).strip() if resume.markdown else line.strip()
        document.add_paragraph(shown)
        if i == 0:
            if photo:
                document.add_picture(io.BytesIO(tiny_png()), width=Inches(1))
            if birth_date is not None:
                document.add_paragraph(f"Date of birth: {birth_date}")
    buffer = io.BytesIO()
    document.core_properties.created = dt.datetime(2024, 1, 1)
    document.core_properties.modified = dt.datetime(2024, 1, 1)
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(package: bytes) -> bytes:
    """The same package with every member dated 2024-01-01: python-docx stamps members
    with the time of saving, and a variant must be the same bytes on every run."""
    import zipfile

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = member.external_attr
            target.writestr(info, source.read(member))
    return out.getvalue()


__all__ = [
    "Resume",
    "contains_word",
    "docx_bytes",
    "edit_education_line",
    "education_lines",
    "education_years",
    "in_section",
    "latest_job",
    "leave_during_job",
    "leave_gap_before_job",
    "name_line",
    "replace_words",
    "section_span",
    "shift_education_years",
    "tiny_png",
    "under_name",
]
