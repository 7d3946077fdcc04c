"""Turn resume text (plain, Markdown, or extracted from PDF/DOCX) into a Profile.

What we recognise, conservatively:

* **Sections** by their headings ("Experience", "## Skills", "EDUCATION:"), so each
  piece of evidence says where it came from. Interests and references are not evidence.
* **Declared skills**: the items of a skills section or a "Skills: a, b, c" line.
* **Work history**: date ranges ("Jan 2019 – Present") in experience sections.
* **Education**: degree words (PhD, M.S., Master of Science, B.Tech, ...) in education
  sections, with the line after them (where the field of study often is).
* **Stated experience**: "12+ years of experience" outside the job entries.
* **Identity**: name (first line), e-mail, phone, links — shown, never scored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import find_date_ranges
from ..profile import (
    DeclaredSkill,
    Education,
    Identity,
    Job,
    Profile,
    StatedYears,
    TextSegment,
)
from ..redact import is_phone_number

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
SECTION_BY_HEADING: dict[str, str] = {
    heading: section for section, headings in _SECTION_NAMES.items() for heading in headings
}
#: Sections whose text is never evidence (what someone likes is not what they can do).
NOT_EVIDENCE = frozenset({"interests", "references", "personal"})
_JOB_SECTIONS = frozenset({"experience"})
_NO_STATED_YEARS = frozenset({"experience", "projects", "education", "publications"})

_HEADING_PUNCTUATION = "#=*_ \t-–—•|>:"
_HEADING_CLEAN_RE = re.compile(r"^[#=*_\s\-–—•|>]+|[#=*_:\s\-–—•|]+$")
_LABEL_LINE_RE = re.compile(r"^\s*[-*•·▪●◦‣]?\s*([A-Za-z][A-Za-z &/]{1,40}?)\s*[:：|]\s*(\S.*)$")
_ITEM_SPLIT_RE = re.compile(r"\s*(?:[,;|•·▪●◦‣]|\s[-–—]\s|\t|/\s|\s/|\band\b(?=\s))\s*")
_BRACKETS_RE = re.compile(r"[()\[\]{}]")
_BULLET_RE = re.compile(r"^\s*(?:[-*+•·▪●◦‣➢➤►▶✓✔○■□]|\d{1,2}[.)])\s+")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE = re.compile(r"(?<!\w)\+?\(?\d[\d \t().-]{7,}\d(?!\w)")
# The heart of _PHONE_RE without its look-arounds: quick to scan for, and every phone
# number contains a match, so a line without one holds no phone number.
_PHONE_HINT_RE = re.compile(r"\d[\d \t().-]{7,}\d")
_LINK_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:linkedin|github|gitlab)\.com/\S+", re.IGNORECASE
)
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|`)")
_MD_SINGLE_EMPHASIS_RE = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?![\w*])")
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_STATED_YEARS_RE = re.compile(
    r"(?P<n>\d{1,2}(?:\.\d)?)\s*\+?\s*(?:\+\s*)?(?:years?|yrs?)(?:\s*\(s\))?\.?(?:\s+of)?"
    r"(?P<tail>[^.;\n]{0,40}?)\bexperience",
    re.IGNORECASE,
)
_TOTAL_EXPERIENCE_RE = re.compile(
    r"(?:total|overall)\s+experience\s*[:\-–]?\s*(?P<n>\d{1,2}(?:\.\d)?)\s*\+?\s*"
    r"(?:years?|yrs?)",
    re.IGNORECASE,
)
_LEVEL_IN_PARENS_RE = re.compile(r"^(?P<name>.+?)\s*[(\[](?P<level>[^)\]]{2,160})[)\]]\s*$")

# Degree words, strongest first. Abbreviations that are also ordinary words ("MS Office",
# "BE careful", "MA" the state) count only before "in"/"of" or a field of study.
_FIELD = (
    r"(?:computer|data|machine|statistics|statistical|electrical|electronics|"
    r"mathematics|maths?|applied|physics|artificial|software|information|economics|"
    r"engineering|business|chemistry|biology|cognitive|operations|finance|mechanical|"
    r"civil|science|arts|psychology|philosophy|linguistics|neuroscience)"
)
_CONTEXT = rf"(?=,?\s+(?:in|of)\b|,?\s+{_FIELD}\b|\s*[(\[]\s*{_FIELD})"


def _degree_re(forms: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{forms})(?![\w])", re.IGNORECASE)


_DEGREE_FORMS: tuple[tuple[str, str], ...] = (
    (
        "phd",
        (
            r"ph\.?\s?d\.?|d\.?\s?phil\.?|doctor(?:ate)?\s+of\s+\w+|doctorate|"
            r"doctoral\s+degree|sc\.\s?d\."
        ),
    ),
    (
        "master",
        (
            r"masters?|master['’]s|m\.\s?s\.?|m\.?\s?sc\.?|msc|m\.?\s?eng\.?|meng|m\.?\s?tech\.?|"
            r"mtech|m\.\s?a\.|mba|m\.b\.a\.|m\.?\s?phil\.?|m\.?\s?res\.?|s\.\s?m\.|"
            r"dipl\.?\s*-?\s*(?:inf|ing|math|phys)\.?|diplom|post\s*-?\s*graduate|postgraduate|"
            rf"(?:ms|ma|me|sm){_CONTEXT}"
        ),
    ),
    (
        "bachelor",
        (
            r"bachelors?|bachelor['’]s|b\.\s?s\.?|b\.?\s?sc\.?|bsc|b\.?\s?eng\.?|beng|"
            r"b\.?\s?tech\.?|btech|b\.\s?a\.|b\.\s?e\.|b\.?\s?com\.?|a\.\s?b\.|s\.\s?b\.|"
            rf"undergraduate\s+degree|(?:bs|ba|be|ab|sb){_CONTEXT}"
        ),
    ),
    ("associate", r"associate['’]?s?\s+(?:degree|of\s+\w+)|a\.\s?a\.\s?s?\.?"),
)
_DEGREE_PATTERNS = tuple((level, _degree_re(forms)) for level, forms in _DEGREE_FORMS)
# Any degree at all, in one scan: most lines hold none, and then the four patterns
# (searched strongest first, which one pattern cannot do) are not needed.
_ANY_DEGREE_RE = _degree_re("|".join(forms for _, forms in _DEGREE_FORMS))


@dataclass
class _Section:
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
    words = key.split()
    # Headings we have not listed ("Relevant Work Experience", "Awards & Recognition"):
    # short, heading-like lines named by a telling word. Body text is rarely this short
    # and never all title words.
    if not 1 <= len(words) <= 4 or not _looks_like_heading(cleaned):
        return None
    for keyword, section in _HEADING_KEYWORDS:
        if keyword in words:
            return section
    return None


def _looks_like_heading(text: str) -> bool:
    letters = [w for w in text.split() if w[:1].isalpha()]
    if not letters or any(ch in text for ch in ",;:|.()[]") or any(ch.isdigit() for ch in text):
        return False  # a label with content ("Skills | Python, SQL") or a sentence
    return text.isupper() or all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in letters)


def split_sections(lines: list[str]) -> list[_Section]:
    """Split resume lines into sections by their headings."""
    sections = [_Section("header", "", 1, [])]
    for number, line in enumerate(lines, start=1):
        section = heading_section(line)
        if section is not None:
            sections.append(_Section(section, line.strip(), number, []))
            continue
        sections[-1].lines.append((number, line))
    return [s for s in sections if s.lines or s.name != "header"]


def _guess_name(lines: list[str]) -> tuple[str, int] | None:
    """The candidate's name and its 0-based line index, if the first text line is one."""
    for index, line in enumerate(lines[:5]):
        text = _HEADING_CLEAN_RE.sub("", line.strip())
        if not text:
            continue
        text = re.split(r"\s[|•·–—]\s|\s{3,}|,\s", text)[0].strip()
        words = text.split()
        if (
            2 <= len(words) <= 5
            and len(text) <= 60
            and not any(ch.isdigit() for ch in text)
            and "@" not in text
            and heading_section(text) is None
            and all(w[:1].isupper() for w in words if w[:1].isalpha())
        ):
            return text, index
        return None
    return None


def _phones(text: str) -> list[str]:
    return [m.group() for m in _PHONE_RE.finditer(text) if is_phone_number(m.group())]


def _may_hold_link(text: str) -> bool:
    """False when ``text`` cannot contain a :data:`_LINK_RE` match (checked first: the
    case-insensitive pattern is slow to scan, and most lines hold no link). The three
    markers have no letter whose case folding is special (i, k, s)."""
    if "://" in text:
        return True
    lowered = text.lower()
    return "www." in lowered or ".com/" in lowered


def _link_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines that may hold a link (no pattern here crosses a line)."""
    return [i for i, line in enumerate(lines) if _may_hold_link(line)]


def _identity(lines: list[str], text: str) -> Identity:
    email = _EMAIL_RE.search(text) if "@" in text else None
    phone = next(iter(_phones("\n".join(lines[:15]))), None)
    found = (
        m.group().rstrip(".,;)") for i in _link_lines(lines) for m in _LINK_RE.finditer(lines[i])
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
            line = _EMAIL_RE.sub(" ", line)
        if _may_hold_link(line):
            line = _LINK_RE.sub(" ", line)
        if _PHONE_HINT_RE.search(line) is not None:
            line = _PHONE_RE.sub(_blank_phone, line)
        blanked[i] = line
    return blanked


def _blank_phone(match: re.Match[str]) -> str:
    return " " if is_phone_number(match.group()) else match.group()


_LEVEL_WORDS = frozenset(
    {
        "beginner",
        "novice",
        "basic",
        "elementary",
        "familiar",
        "intermediate",
        "working",
        "competent",
        "good",
        "proficient",
        "advanced",
        "strong",
        "expert",
        "master",
        "mastery",
        "fluent",
        "native",
        "excellent",
        "very good",
        "working knowledge",
        "basic knowledge",
        "conversational",
        "bilingual",
        "professional",
        "limited",
        "mother tongue",
    }
)
_YEARS_IN_PARENS_RE = re.compile(r"^(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)$", re.IGNORECASE)
_LEVEL_NUMBER_RE = re.compile(r"^\d(?:\.\d)?\s*/\s*\d+$")
#: Spoken languages: a "Languages" section lists them next to programming languages.
NATURAL_LANGUAGES = frozenset(
    {
        "english",
        "german",
        "french",
        "spanish",
        "italian",
        "portuguese",
        "dutch",
        "swedish",
        "norwegian",
        "danish",
        "finnish",
        "polish",
        "czech",
        "russian",
        "ukrainian",
        "greek",
        "turkish",
        "arabic",
        "hebrew",
        "persian",
        "farsi",
        "hindi",
        "urdu",
        "bengali",
        "bangla",
        "punjabi",
        "tamil",
        "telugu",
        "marathi",
        "gujarati",
        "kannada",
        "malayalam",
        "chinese",
        "mandarin",
        "cantonese",
        "japanese",
        "korean",
        "vietnamese",
        "thai",
        "indonesian",
        "malay",
        "tagalog",
        "filipino",
        "swahili",
        "romanian",
        "hungarian",
        "bulgarian",
        "serbian",
        "croatian",
        "slovak",
        "slovenian",
        "catalan",
        "basque",
        "irish",
        "welsh",
    }
)


def _split_top_level(text: str) -> list[str]:
    """Split a skills line at separators that are not inside parentheses or brackets."""
    if not _BRACKETS_RE.search(text):  # nothing nested: the separators are all top level
        return _ITEM_SPLIT_RE.split(text)
    return _split_outside_brackets(text)


def _split_outside_brackets(text: str) -> list[str]:
    """The general case of :func:`_split_top_level`, a character at a time, tracking
    bracket depth (for text without brackets it gives what one ``re.split`` gives)."""
    parts: list[str] = []
    depth = 0
    current = ""
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(0, depth - 1)
        if depth == 0:
            separator = _ITEM_SPLIT_RE.match(text, index)
            if separator is not None and separator.end() > index:
                parts.append(current)
                current = ""
                index = separator.end()
                continue
        current += char
        index += 1
    parts.append(current)
    return parts


def _declared_items(
    text: str, *, line: int, source: str, spoken_too: bool = True
) -> list[DeclaredSkill]:
    """The items of a skills line: "Python (expert), R (tidyverse, dplyr), SQL"."""
    items: list[DeclaredSkill] = []
    body = _BULLET_RE.sub("", text)
    label = _LABEL_LINE_RE.match(body)
    if label:
        body = label.group(2)
    for raw in _split_top_level(body):
        item = raw.strip(" .:\t")
        level: str | None = None
        years: float | None = None
        extra: list[str] = []
        parens = _LEVEL_IN_PARENS_RE.match(item)
        if parens:
            inside = parens.group("level").strip()
            years_match = _YEARS_IN_PARENS_RE.match(inside)
            if inside.lower() in _LEVEL_WORDS or _LEVEL_NUMBER_RE.match(inside):
                item, level = parens.group("name").strip(), inside
            elif years_match:
                item, years = parens.group("name").strip(), float(years_match.group(1))
            else:  # "R (tidyverse, dplyr)": the parentheses list more skills
                item = parens.group("name").strip()
                extra = [part.strip(" .:\t") for part in _split_top_level(inside)]
        item = item.strip(" .:()[]{}\t")
        if not spoken_too and item.lower() in NATURAL_LANGUAGES:
            continue
        for name, item_level, item_years in [
            (item, level, years),
            *((e, None, None) for e in extra),
        ]:
            if not name or len(name) > 80:
                continue
            items.append(
                DeclaredSkill(
                    name=name, source=source, line=line, level=item_level, years=item_years
                )
            )
    return items


def _may_be_label(line: str) -> bool:
    """False when ``line`` cannot be a "Label: items" line (it has none of the
    separators :data:`_LABEL_LINE_RE` needs): most lines, spared two patterns."""
    return ":" in line or "|" in line or "\uff1a" in line


def _degree_level(text: str) -> str | None:
    if _ANY_DEGREE_RE.search(text) is None:
        return None
    for level, pattern in _DEGREE_PATTERNS:
        if pattern.search(text):
            return level
    return None


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
    raw_lines = text.split("\n")
    lines = [clean_markdown_line(line) for line in raw_lines] if markdown else raw_lines
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
        if section.name == "skills":
            for number, line in body_lines:
                if line.strip():
                    declared.extend(
                        _declared_items(line, line=number, source="skills", spoken_too=False)
                    )
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
            if section.name != "skills" and _may_be_label(stripped):
                label = _LABEL_LINE_RE.match(_BULLET_RE.sub("", stripped))
                if label and heading_section(label.group(1)) == "skills":
                    declared.extend(
                        _declared_items(stripped, line=number, source="skills", spoken_too=False)
                    )
            in_jobs = section.name in _JOB_SECTIONS or (
                not has_headings and _degree_level(stripped) is None
            )
            if in_jobs:
                for start_date, end_date, match in find_date_ranges(stripped):
                    title = " ".join(
                        (stripped[: match.start()] + " " + stripped[match.end() :]).split()
                    ).strip(" |,-–—()*_")
                    if not any(ch.isalpha() for ch in title) and position > 0:
                        title = body_lines[position - 1][1].strip(" #*_")
                    jobs.append(
                        Job(
                            title=title[:120],
                            start=start_date,
                            end=end_date,
                            source=section.name,
                            line=number,
                        )
                    )
            if (
                section.name == "education"
                or (section.name != "experience" and not has_headings)
                or section.name == "header"
            ):
                level = _degree_level(stripped)
                if level is not None and (
                    section.name == "education"
                    or level == "phd"
                    or re.search(
                        r"\b(?:degree|of science|of arts|"
                        r"in computer|university)\b",
                        stripped,
                        re.IGNORECASE,
                    )
                ):
                    following = (
                        body_lines[position + 1][1].strip()
                        if position + 1 < len(body_lines)
                        else ""
                    )
                    if _degree_level(following) is not None:
                        following = ""
                    entry_text = f"{stripped} {following}".strip()
                    education.append(Education(level, entry_text[:300], section.name, number))
            if section.name not in _NO_STATED_YEARS:
                total = _TOTAL_EXPERIENCE_RE.search(stripped) or _STATED_YEARS_RE.search(stripped)
                if total is not None:
                    stated.append(
                        StatedYears(
                            float(total.group("n")),
                            " ".join(total.group().split()),
                            section.name,
                            number,
                        )
                    )
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
