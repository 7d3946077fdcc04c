"""Turn resume text (plain, Markdown, or extracted from PDF/DOCX) into a Profile.

What we recognise, conservatively:

* **Sections** by their headings ("Experience", "## Skills", "EDUCATION:"), so each
  piece of evidence says where it came from. Interests and references are not evidence.
* **Declared skills**: the items of a skills section or a "Skills: a, b, c" line.
* **Work history**: date ranges ("Jan 2019 – Present", "since 2017", "04/20 to 12/22")
  in experience sections, and dated lines elsewhere that look like jobs (see
  :mod:`.work_history`).
* **Education**: degree words (PhD, M.S., Master of Science, B.Tech, ...) in education
  sections, with the line after them (where the field of study often is); elsewhere,
  degrees the text says are held ("I hold a PhD in Statistics"), not someone else's
  ("PhD students I mentored").
* **Stated experience**: "12+ years of experience", "over ten years of industry
  experience" outside the job entries.
* **Identity**: name (first line), e-mail, phone, links — shown, never scored.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from ..identity import EMAIL_RE, LINK_RE, PHONE_HINT_RE, PHONE_RE, is_phone_number, may_hold_link
from ..io.read import sha256_hex
from ..limits import Limits
from .base import (
    MARKDOWN_EXTENSIONS,
    STRUCTURED_EXTENSIONS,
    TEXT_EXTENSIONS,
    decode_profile_text,
    require_text,
)
from .degrees import degree_level, held_degree
from .model import (
    DeclaredSkill,
    Education,
    Identity,
    Job,
    Profile,
    StatedYears,
    TextSegment,
    in_one_list,
)
from .sections import (
    NOT_EVIDENCE,
    Section,
    heading_section,
    split_sections,
    unlisted_heading,
)
from .skills_line import declared_items, is_skills_label, level_label
from .work_history import find_jobs, stated_total

_NO_STATED_YEARS = frozenset({"experience", "projects", "education", "publications"})
# Besides an education section's entries, degrees are read where people say who they
# are or what they hold: the top of the resume, a summary, a part under a heading of
# their own, certifications ("TRAINING"). In job entries, projects or awards a degree is
# most often someone else's ("hired two PhD interns", "mentored MSc students") or not
# one ("MSc thesis project").
_DEGREE_CONTEXTS = frozenset({"education", "header", "summary", "other", "certifications"})

_HEADING_CLEAN_RE = re.compile(r"^[#=*_\s\-–—•|>]+|[#=*_:\s\-–—•|]+$")
_SENTENCE_END_RE = re.compile(r"[.;!?](?=\s)")


#: Page furniture that resume sites print beside the name ("Jane Doe Featured Resume",
#: "Premium CV", "Resume of Jane Doe"): not part of it.
_NAME_FURNITURE_RE = re.compile(
    # Also glued to the name by the page's layout ("Jane DoePremium CV"): a capitalised
    # furniture word straight after a letter.
    r"(?:(?:^|\s+|(?-i:(?<=[A-Za-z])(?=(?:Featured|Premium|Professional|Sample|Updated|"
    r"Resume|Résumé|CV|Curriculum)\b)))"
    r"(?:featured|premium|professional|sample|updated|my)?\s*"
    r"(?:resume|résumé|cv|curriculum\s+vitae))+\s*$"
    r"|^(?:(?:resume|résumé|cv|curriculum\s+vitae)(?:\s*[-–—:|]\s*|\s+(?:of|for)\s+))",
    re.IGNORECASE,
)


def _guess_name(lines: list[str]) -> tuple[str, int] | None:
    """The candidate's name and its 0-based line index, if the first text line is one.

    >>> _guess_name(["Jane Doe Featured Resume", "Python"])
    ('Jane Doe', 0)
    >>> _guess_name(["Premium CV", "Resume of Ravi Kumar"])
    ('Ravi Kumar', 1)
    >>> _guess_name(["Jane DoePremium CV Featured Resume"])
    ('Jane Doe', 0)
    """
    for index, line in enumerate(lines[:5]):
        text = _HEADING_CLEAN_RE.sub("", _NAME_FURNITURE_RE.sub("", line.strip()))
        if not text:
            continue
        text = re.split(r"\s[|•·–—]\s|\s{3,}|,\s", text)[0].strip()
        text = _HEADING_CLEAN_RE.sub("", _NAME_FURNITURE_RE.sub("", text))
        words = text.split()
        if (
            2 <= len(words) <= 5
            and len(text) <= 60
            and not any(ch.isdigit() for ch in text)
            and "@" not in text
            and ":" not in text  # "Skills: Python, SQL" is a label and its list
            and heading_section(text) is None
            and all(w[:1].isupper() for w in words if w[:1].isalpha())
        ):
            return text, index
        return None
    return None


def _phones(text: str) -> list[str]:
    return [m.group() for m in PHONE_RE.finditer(text) if is_phone_number(m.group())]


def _link_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines that may hold a link (no pattern here crosses a line)."""
    return [i for i, line in enumerate(lines) if may_hold_link(line)]


def _identity(lines: list[str], text: str) -> Identity:
    email = EMAIL_RE.search(text) if "@" in text else None
    phone = next(iter(_phones("\n".join(lines[:15]))), None)
    found = (
        m.group().rstrip(".,;)") for i in _link_lines(lines) for m in LINK_RE.finditer(lines[i])
    )
    links = tuple(dict.fromkeys(found))
    name = _guess_name(lines)
    return Identity(
        name=name[0] if name else None,
        email=email.group() if email else None,
        phone=phone.strip() if phone else None,
        links=links[:10],
    )


def _without_identity(lines: list[str]) -> list[str]:
    """Lines with the name line, e-mail addresses, links and phone numbers blanked.

    Identity must never affect a score, so it must never be evidence either: a name such
    as "Rust Keras" or a link such as github.com/pytorch-fan is not a skill. (One pass
    over the whole text per pattern; none of them crosses a line break.)
    """
    name = _guess_name(lines)
    blanked = list(lines)
    if name is not None:
        blanked[name[1]] = ""
    # None of these patterns crosses a line break, so each line is rewritten only by the
    # patterns it can hold (scanning the whole text with each was most of the parsing).
    for i, line in enumerate(blanked):
        if "@" in line:
            line = EMAIL_RE.sub(" ", line)
        if may_hold_link(line):
            line = LINK_RE.sub(" ", line)
        if PHONE_HINT_RE.search(line) is not None:
            line = PHONE_RE.sub(_blank_phone, line)
        blanked[i] = line
    return blanked


def _blank_phone(match: re.Match[str]) -> str:
    return " " if is_phone_number(match.group()) else match.group()


def _line_contexts(section: Section) -> list[tuple[str, str]]:
    """For each line of ``section``, the section it is read as for jobs and for degrees.

    Its own, until a heading in capitals that is not one of ours (a school's name,
    "WHERE I'VE BEEN") says otherwise: for jobs, but in an experience section, where
    such a line is more likely an employer's name; for degrees, in an experience section
    only after a school's name, and in an education section never (a school's name
    again, most likely).
    """
    job_context = degree_context = section.name
    contexts: list[tuple[str, str]] = []
    for _, line in section.lines:
        heading = unlisted_heading(line)
        if heading is not None:
            if section.name == "experience":
                degree_context = "education" if heading == "education" else section.name
            elif section.name == "education":
                job_context = heading
            else:
                job_context = degree_context = heading
        contexts.append((job_context, degree_context))
    return contexts


def _education_entry(
    stripped: str, body_lines: list[tuple[int, str]], position: int, context: str
) -> tuple[str, str] | None:
    """(degree level, entry text) of a degree held, or None.

    In an education section a degree named is an entry, with the line after it (where
    the field of study often is); elsewhere the text must say the degree is held, and
    the entry is the sentence that says so.
    """
    if context == "education":
        held = held_degree(stripped, listed=True)
        if held is None:
            return None
        following = body_lines[position + 1][1].strip() if position + 1 < len(body_lines) else ""
        if degree_level(following) is not None:
            following = ""
        return held[0], f"{stripped} {following}".strip()
    held = held_degree(stripped)
    if held is None:
        return None
    level, match = held
    starts = [m.end() for m in _SENTENCE_END_RE.finditer(stripped, 0, match.start())]
    end = _SENTENCE_END_RE.search(stripped, match.end())
    sentence = stripped[starts[-1] if starts else 0 : end.end() if end else len(stripped)]
    return level, sentence.strip()


def _skills_section_items(body_lines: list[tuple[int, str]]) -> list[DeclaredSkill]:
    """The declared skills of a skills section. A line that is only a level ("Advanced
    level", "Expert:") gives that level to the items under it, up to the next level line
    or a blank line after them."""
    listed: list[DeclaredSkill] = []
    level: str | None = None
    items_since_level = False
    for number, line in body_lines:
        if not line.strip():
            if items_since_level:
                level = None
            continue
        heading_level = level_label(line)
        if heading_level is not None:
            level, items_since_level = heading_level, False
            continue
        items = declared_items(line, line=number, source="skills", spoken_too=False)
        if level is not None:
            items = [i if i.level else dataclasses.replace(i, level=level) for i in items]
        items_since_level = items_since_level or bool(items)
        listed.extend(items)
    return listed


def parse_resume_text(
    text: str,
    *,
    source: str,
    fmt: str,
    sha256: str,
    markdown: bool = False,
    warnings: tuple[str, ...] = (),
) -> Profile:
    """Build a :class:`Profile` from the (already cleaned) text of a resume."""
    if markdown:
        from .markdown import rendered_lines

        lines = rendered_lines(text)
    else:
        lines = text.split("\n")
    sections = split_sections(_without_identity(lines))
    has_headings = any(s.name != "header" for s in sections)
    segments: list[TextSegment] = []
    declared: list[DeclaredSkill] = []
    jobs: list[Job] = []
    education: list[Education] = []
    stated: list[StatedYears] = []
    for section in sections:
        if section.name in NOT_EVIDENCE:
            continue
        body_lines = section.lines
        contexts = _line_contexts(section)
        jobs.extend(
            find_jobs(
                body_lines,
                section=section.name,
                contexts=[job for job, _ in contexts],
                lenient=not has_headings,
            )
        )
        if section.name == "skills":
            declared.extend(in_one_list(_skills_section_items(body_lines)))
        elif any(line.strip() for _, line in body_lines):
            # The heading is part of the evidence ("Open Source", "Publications"): it says
            # what the lines under it are. A phrase never runs from it into the body.
            if section.heading:
                lines_with_heading = [(section.first_line, section.heading + "."), *body_lines]
            else:
                lines_with_heading = body_lines
            segments.append(
                TextSegment(
                    section.name,
                    "\n".join(line for _, line in lines_with_heading),
                    lines_with_heading[0][0],
                )
            )
        for position, (number, line) in enumerate(body_lines):
            stripped = line.strip()
            if not stripped:
                continue
            if section.name != "skills" and is_skills_label(stripped):
                declared.extend(
                    in_one_list(
                        declared_items(stripped, line=number, source="skills", spoken_too=False)
                    )
                )
            if contexts[position][1] in _DEGREE_CONTEXTS:
                entry = _education_entry(stripped, body_lines, position, contexts[position][1])
                if entry is not None:
                    education.append(Education(entry[0], entry[1][:300], section.name, number))
            if section.name not in _NO_STATED_YEARS:
                following = body_lines[position + 1][1] if position + 1 < len(body_lines) else ""
                total = stated_total(
                    stripped, following.strip(), source=section.name, number=number
                )
                if total is not None:
                    stated.append(total)
    return Profile(
        source=source,
        format=fmt,
        sha256=sha256,
        identity=_identity(lines, "\n".join(lines)),
        declared_skills=tuple(declared),
        jobs=tuple(jobs),
        education=tuple(education),
        stated_years=tuple(stated),
        segments=tuple(segments),
        warnings=warnings,
    )


#: Extensions of the formats other loaders read: a file named so is not plain text.
_OTHER_FORMAT_EXTENSIONS = frozenset(
    {*STRUCTURED_EXTENSIONS, *MARKDOWN_EXTENSIONS, ".pdf", ".docx"}
)


@dataclass(frozen=True)
class TextResumeLoader:
    """Plain-text resumes."""

    format: str = "text"
    description: str = "plain-text resume (.txt)"

    def sniff(self, path: Path, head: bytes) -> int:
        suffix = path.suffix.lower()
        if suffix in TEXT_EXTENSIONS:
            return 50
        if suffix in _OTHER_FORMAT_EXTENSIONS:
            return 0
        return 10  # unknown extension: try it as text; binary files are refused there

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        from .resume_text import parse_resume_text

        text, warnings = decode_profile_text(data, display, limits)
        profile = parse_resume_text(
            text, source=display, fmt=self.format, sha256=sha256_hex(data), warnings=warnings
        )
        return require_text(profile, display)


@dataclass(frozen=True)
class MarkdownResumeLoader:
    """Markdown resumes."""

    format: str = "markdown"
    description: str = "Markdown resume (.md)"

    def sniff(self, path: Path, head: bytes) -> int:
        return 70 if path.suffix.lower() in MARKDOWN_EXTENSIONS else 0

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        from .resume_text import parse_resume_text

        text, warnings = decode_profile_text(data, display, limits)
        profile = parse_resume_text(
            text,
            source=display,
            fmt=self.format,
            sha256=sha256_hex(data),
            markdown=True,
            warnings=warnings,
        )
        return require_text(profile, display)
