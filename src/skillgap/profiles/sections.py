"""The sections of a resume, found by their headings.

"Experience", "## Skills", "EDUCATION:", "Relevant Work Experience": a heading line
opens a section, so that each piece of evidence can say where it came from and so that
interests and references are never taken as evidence. Markdown is reduced to plain
words first (links keep their text, emphasis marks go).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "profile",
        "professional summary",
        "about",
        "about me",
        "objective",
        "career objective",
        "overview",
        "executive summary",
        "personal statement",
        "professional profile",
        "career summary",
        "summary of qualifications",
        "highlights",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "industry experience",
        "professional background",
        "career",
        "positions",
        "experience summary",
        "research experience",
        "teaching experience",
        "internships",
        "internship",
        "work",
        "jobs",
        "roles",
        "roles held",
        "positions held",
        "employers",
        "track record",
        "career so far",
        "professional history",
    ),
    "education": (
        "education",
        "academic background",
        "academics",
        "qualifications",
        "education and training",
        "academic qualifications",
        "educational qualifications",
        "education & training",
        "educational background",
        "academic profile",
        "degrees",
        "degree",
        "studies",
        "academic training",
        "school",
        "schools",
        "schooling",
        "university",
    ),
    "skills": (
        "skills",
        "technical skills",
        "key skills",
        "core competencies",
        "competencies",
        "technologies",
        "tools",
        "skills and tools",
        "tech stack",
        "expertise",
        "areas of expertise",
        "programming languages",
        "languages and tools",
        "skills & tools",
        "technical expertise",
        "skill set",
        "skillset",
        "core skills",
        "it skills",
        "software skills",
        "technical proficiencies",
        "tools and technologies",
        "technologies and tools",
        "languages",
        "skills summary",
        "technical summary",
        "frameworks",
    ),
    "projects": (
        "projects",
        "personal projects",
        "selected projects",
        "key projects",
        "academic projects",
        "project experience",
        "side projects",
        "open source",
        "open-source",
        "open source contributions",
        "open source work",
        "selected work",
    ),
    "publications": (
        "publications",
        "papers",
        "selected publications",
        "research",
        "patents",
        "publications and patents",
        "research papers",
    ),
    "certifications": (
        "certifications",
        "certificates",
        "licenses and certifications",
        "licenses & certifications",
        "courses",
        "training",
        "certifications and training",
        "professional development",
        "coursework",
        "relevant coursework",
    ),
    "awards": (
        "awards",
        "honors",
        "honours",
        "achievements",
        "awards and honors",
        "honors and awards",
        "awards & honors",
        "accomplishments",
    ),
    "leadership": (
        "leadership",
        "leadership experience",
        "activities",
        "volunteer",
        "volunteering",
        "community",
        "extracurricular activities",
        "extra-curricular activities",
        "volunteer experience",
        "service",
    ),
    "talks": ("talks", "presentations", "speaking", "invited talks", "conference talks"),
    "interests": ("interests", "hobbies", "hobbies and interests", "personal interests"),
    "references": ("references", "referees"),
    "personal": (
        "personal details",
        "personal information",
        "personal data",
        "contact",
        "contact information",
        "declaration",
    ),
}


_MINOR_WORDS = frozenset({"and", "of", "the", "in", "for", "with", "to", "a", "an", "on"})


_HEADING_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("experience", "experience"),
    ("experiences", "experience"),
    ("employment", "experience"),
    ("history", "experience"),
    ("education", "education"),
    ("skills", "skills"),
    ("technologies", "skills"),
    ("projects", "projects"),
    ("publications", "publications"),
    ("papers", "publications"),
    ("certifications", "certifications"),
    ("certificates", "certifications"),
    ("licenses", "certifications"),
    ("courses", "certifications"),
    ("awards", "awards"),
    ("honors", "awards"),
    ("honours", "awards"),
    ("achievements", "awards"),
    ("volunteer", "leadership"),
    ("volunteering", "leadership"),
    ("talks", "talks"),
    ("interests", "interests"),
    ("hobbies", "interests"),
    ("references", "references"),
    ("summary", "summary"),
    ("profile", "summary"),
    ("objective", "summary"),
)


# Words that name a section only in a heading in capitals ("CAREER SO FAR", "WHERE I'VE
# WORKED"), and only when none of the words above does ("ACADEMIC PROJECTS"): in title
# case they are too often a job's title ("Social Work Intern").
_CAPS_HEADING_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("studies", "education"),
    ("degree", "education"),
    ("degrees", "education"),
    ("paper", "publications"),
    ("talk", "talks"),
    ("certificate", "certifications"),
    ("competitions", "awards"),
    ("jobs", "experience"),
    ("employers", "experience"),
    ("worked", "experience"),
    ("career", "experience"),
    ("work", "experience"),
)


SECTION_BY_HEADING: dict[str, str] = {
    heading: section for section, headings in _SECTION_NAMES.items() for heading in headings
}


#: Sections whose text is never evidence (what someone likes is not what they can do).
NOT_EVIDENCE = frozenset({"interests", "references", "personal"})


_HEADING_PUNCTUATION = "#=*_ \t-–—•|>:"


# A link's text holds no bracket, so each "[" is tried up to the next one only (with any
# "[" allowed, a line of 100,000 "[" took minutes).
_MD_LINK_RE = re.compile(r"\[([^\[\]]*)\]\(([^()]*)\)")


_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|`)")


_MD_SINGLE_EMPHASIS_RE = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?![\w*])")


_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")


@dataclass
class Section:
    name: str
    heading: str
    first_line: int
    lines: list[tuple[int, str]]


def clean_markdown_line(line: str) -> str:
    """Markdown to plain words: links keep their text, emphasis marks go."""
    line = _MD_HEADING_RE.sub("", _MD_LINK_RE.sub(r"\1", line))
    line = _MD_EMPHASIS_RE.sub("", line)
    return _MD_SINGLE_EMPHASIS_RE.sub(r"\1", line)


def heading_section(line: str) -> str | None:
    """The section a heading line opens, or None if the line is not a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return None
    cleaned = stripped.strip(_HEADING_PUNCTUATION)
    key = " ".join(cleaned.lower().replace("&", " and ").replace("-", " ").split())
    if key in SECTION_BY_HEADING:
        return SECTION_BY_HEADING[key]
    # Headings we have not listed ("Relevant Work Experience", "Awards & Recognition"):
    # short, heading-like lines named by a telling word. Body text is rarely this short
    # and never all title words. A heading in capitals may hold a comma ("CAREER, IN
    # ORDER").
    capitals = cleaned.isupper()
    if capitals:
        cleaned, key = cleaned.replace(",", " "), key.replace(",", " ")
    words = key.split()
    if not 1 <= len(words) <= 4 or not _looks_like_heading(cleaned):
        return None
    keywords = _HEADING_KEYWORDS + (_CAPS_HEADING_KEYWORDS if capitals else ())
    for keyword, section in keywords:
        if keyword in words:
            return section
    return None


def _looks_like_heading(text: str) -> bool:
    letters = [w for w in text.split() if w[:1].isalpha()]
    if not letters or any(ch in text for ch in ",;:|.()[]") or any(ch.isdigit() for ch in text):
        return False  # a label with content ("Skills | Python, SQL") or a sentence
    return text.isupper() or all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in letters)


_INSTITUTION_RE = re.compile(r"\b(?:UNIVERSITY|COLLEGE|INSTITUTE|SCHOOL|POLYTECHNIC|ACADEMY)\b")


def unlisted_heading(line: str) -> str | None:
    """What an unlisted heading in capitals opens ("WHERE I'VE BEEN", "UNIVERSITY OF X").

    "education" for a school's name, "other" for any other heading in capitals, None for
    a line that is not one. Sections are not split at these (an employer's name in
    capitals may head a job); they only end what the section above says of its lines.

    >>> unlisted_heading("WHERE I'VE BEEN"), unlisted_heading("UNIVERSITY OF DUNMORE")
    ('other', 'education')
    """
    if not line.isupper():  # first: most lines are not in capitals
        return None
    cleaned = line.strip().strip(_HEADING_PUNCTUATION)
    if (
        len(cleaned) > 40
        or len(cleaned.split()) > 5
        or sum(ch.isalpha() for ch in cleaned) < 4
        or not _looks_like_heading(cleaned)
    ):
        return None
    return "education" if _INSTITUTION_RE.search(cleaned) else "other"


def split_sections(lines: list[str]) -> list[Section]:
    """Split resume lines into sections by their headings."""
    sections = [Section("header", "", 1, [])]
    for number, line in enumerate(lines, start=1):
        section = heading_section(line)
        if section is not None:
            sections.append(Section(section, line.strip(), number, []))
            continue
        sections[-1].lines.append((number, line))
    return [s for s in sections if s.lines or s.name != "header"]
