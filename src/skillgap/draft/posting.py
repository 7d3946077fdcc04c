"""Taking a job posting's text apart: its title, its sections (a heading and the lines
under it) and what kind of section each is.

Postings are messy: headings end in ``:``, ``–`` or nothing at all, bullets come with
``•``, ``-``, ``*`` or none, one bullet spills over two lines, and half the text is
about the company, the pay or the terms. :func:`parse_posting` recognises a heading by
its shape (``#``, a short line ending in ``:`` or a dash, a short line in capitals or
in Title Case before a list) or by a known phrase ("Requirements", "Nice to have"), and
gives each section a :class:`SectionKind` from its heading.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from ..text import clean_text
from .extract import find_skills


class SectionKind(enum.Enum):
    """What a section of a posting holds, judged from its heading."""

    REQUIRED = "required"
    PREFERRED = "preferred"
    QUALIFICATIONS = "qualifications"
    RESPONSIBILITIES = "responsibilities"
    DESCRIPTION = "description"
    SKIP = "skip"


# Most specific first: "Preferred qualifications" is preferred, "Required skills" required.
_KIND_PATTERNS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            SectionKind.PREFERRED,
            (
                r"\b(?:preferred|nice to have|good to have|bonus|plus|desirable|desired|optional"
                r"|additional skills|would be (?:great|nice)|extra credit|ideally)\b"
            ),
        ),
        (
            SectionKind.REQUIRED,
            (
                r"\b(?:required|requirements?|must|minimum|mandatory|essential|necessary"
                r"|prerequisites?|basic qualifications)\b"
            ),
        ),
        (
            SectionKind.SKIP,
            (
                r"\b(?:about (?!(?:you|the job|the role|the position|this role)\b)\w+|benefits"
                r"|perks|we offer|salary|salaries|compensation|remuneration|pay|job types?"
                r"|locations?|work remotely|equal opportunit\w*|eeo|diversity|how to apply"
                r"|to apply|application process|who we are|our (?:company|mission|story|culture)"
                r"|market|trends|career|industry|challenges|best practices|monetary|disclaimer"
                r"|privacy)\b"
            ),
        ),
        (
            SectionKind.RESPONSIBILITIES,
            (
                r"\b(?:responsibilit\w*|duties|what you(?:'ll| will) do|your role|in this role"
                r"|day to day|accountabilit\w*|tasks|what you(?:'ll| will) be doing)\b"
            ),
        ),
        (
            SectionKind.QUALIFICATIONS,
            (
                r"\b(?:qualifications?|skills?|what you(?:'ll| will)? bring|looking for"
                r"|who you are|about you|you have|you(?:'ll| will)? need|experience|education"
                r"|competenc\w*|expertise|proficiency|knowledge|background|tech stack"
                r"|technolog\w*|tools|abilities)\b"
            ),
        ),
        (
            SectionKind.DESCRIPTION,
            (
                r"\b(?:overview|summary|about the (?:job|role|position)|about this role"
                r"|job description|description|introduction|the role|the position|purpose)\b"
            ),
        ),
    )
)

#: Kinds that say little, and kinds that a section under a heading of theirs takes on.
_GENERAL = frozenset({SectionKind.QUALIFICATIONS, SectionKind.DESCRIPTION})
_FIRM = frozenset({SectionKind.REQUIRED, SectionKind.PREFERRED, SectionKind.SKIP})

#: Lines that state the job's terms rather than a requirement ("Salary: ...").
_TERMS_RE = re.compile(
    r"^(?:job types?|salary|pay|compensation|location|locatio|department|position title"
    r"|working with|company(?: profile)?|work remotely|schedule|shift|start date"
    r"|contract(?: length| type)?|reports? to|travel|employment type|benefits)\s*[:\-–]",
    re.IGNORECASE,
)
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BULLET_RE = re.compile(r"^(?:[-*+•·▪●◦‣➢➤►▶✓✔○■□–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(.*)$")
_LONE_MARK_RE = re.compile(r"^[-*+•·▪●◦‣➢➤►▶✓✔○■□–—_=.\s]*$")
_DASH_END_RE = re.compile(r"\s[-–—]+$")
_SMALL_WORDS_TEXT = "a an and or of the in on at to for with by from & / + - – vs"
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())
_JOINING_END_RE = re.compile(r"(?:[,/&(-]|\b(?:and|or|of|with|the|for|to|in|a|an))$", re.I)

#: Words that show a capitalised bullet is an item, not a heading.
_ITEM_WORDS = frozenset({"with", "in", "of", "on", "for", "to", "at", "by", "from", "using"})
#: Headings are at most this many words; a known phrase heading at most _PHRASE_WORDS.
_HEADING_WORDS, _PHRASE_WORDS, _TITLE_WORDS = 10, 5, 6
#: Plain lines this long are prose, not a requirement.
_PROSE_WORDS = 60


@dataclass(frozen=True)
class Item:
    """One bullet or line of a section: a candidate requirement."""

    text: str
    line: int


@dataclass(frozen=True)
class Section:
    """A heading and the items under it. ``line`` is 0 for the items before any heading."""

    heading: str
    line: int
    kind: SectionKind
    #: The heading whose words decided the kind: this one, the one above it, or the last
    #: one that said (empty when nothing said and the kind was assumed).
    kind_from: str
    parent: str | None = None
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Posting:
    """A posting taken apart: title, a description and the sections in order."""

    title: str | None
    description: str
    sections: tuple[Section, ...]
    #: Lines about the job's terms that were left out ("Salary: ...").
    terms: tuple[Item, ...] = field(default=())


def classify_heading(heading: str) -> SectionKind | None:
    """The kind of section a heading announces, or None if its words do not say.

    >>> classify_heading("Preferred qualifications:").value
    'preferred'
    >>> classify_heading("What you'll do") .value
    'responsibilities'
    """
    words = _plain(heading)
    if len(words.split()) > _PHRASE_WORDS:
        return None  # a sentence ending in a colon, not a heading's name for a section
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(words):
            return kind
    return None


#: Words that headings are made of besides the words that give their kind.
_HEADING_FILLER_TEXT = (
    "key core main primary your our the job role position what and of & a an to in for with "
    "you we us is are basic additional technical soft general other points specific areas "
    "focus you'll will do be doing this on team work who"
)
_HEADING_FILLER = frozenset(_HEADING_FILLER_TEXT.split())


def only_heading_words(text: str) -> bool:
    """Is the line made only of heading words ("Key Responsibilities", "Nice to have"),
    unlike an item that contains one ("Good knowledge of PostgreSQL")?"""
    words = _plain(text)
    if classify_heading(text) is None:
        return False
    for _, pattern in _KIND_PATTERNS:
        words = pattern.sub(" ", words)
    return all(w in _HEADING_FILLER for w in words.split())


def _plain(text: str) -> str:
    text = text.lower().replace("’", "'").replace("-", " ")
    return " ".join(re.sub(r"[^\w'&/ ]+", " ", text).split())


def _strip_markup(text: str) -> str:
    """Markdown emphasis, code and links reduced to their words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return " ".join(text.replace("`", "").split())


def heading_text(text: str) -> str:
    """A heading as a name: no markup, no trailing colon or dash."""
    text = _DASH_END_RE.sub("", _strip_markup(text).strip())
    return text.rstrip(":：-–— ").strip()


def _title_case(text: str) -> bool:
    words = [w for w in re.split(r"\s+", text) if w]
    if not 1 <= len(words) <= _TITLE_WORDS or re.search(r"[\d()\[\]:;,.!?]", text):
        return False
    return all(w.lower() in _SMALL_WORDS or not w[0].isalpha() or w[0].isupper() for w in words)


@dataclass
class _Line:
    text: str
    number: int
    bullet: bool
    md_level: int = 0


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    for number, raw in enumerate(clean_text(text).split("\n"), start=1):
        stripped = raw.strip()
        if not stripped or _LONE_MARK_RE.match(stripped):
            continue
        heading = _MD_HEADING_RE.match(stripped)
        if heading:
            out.append(_Line(_strip_markup(heading.group(2)), number, False, len(heading.group(1))))
            continue
        bullet = _BULLET_RE.match(stripped)
        if bullet:
            out.append(_Line(_strip_markup(bullet.group(1)), number, True))
        else:
            out.append(_Line(_strip_markup(stripped), number, False))
    return [line for line in out if line.text]


def _is_heading(line: _Line, following: _Line | None, *, bullet_headings: bool = True) -> bool:
    """Is ``line`` a heading? ``bullet_headings``: may a bullet in Title Case be one here
    (it opens a list, or the list already has such headings)?"""
    text = line.text
    words = text.split()
    if line.md_level or not words:
        return bool(line.md_level)
    ends_open = text.endswith((":", "：")) or bool(_DASH_END_RE.search(text))
    if ends_open and len(words) <= _HEADING_WORDS and ": " not in text.rstrip(":： "):
        return True
    if line.bullet:
        # A bullet in Title Case with a list under it ("- Technical Proficiency"), not
        # an item that happens to be capitalised ("- Experience with Kubeflow").
        return (
            bullet_headings
            and len(words) >= 2
            and not _ITEM_WORDS.intersection(w.lower() for w in words)
            and not find_skills(text)
            and _title_case(text)
            and following is not None
            and following.bullet
            and not _title_case(following.text)
        )
    if text.endswith((".", "!", "?", ";", ",")) or _TERMS_RE.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters) and len(words) <= _HEADING_WORDS:
        return True
    if len(words) <= _PHRASE_WORDS and ": " not in text and only_heading_words(text):
        return True
    return (
        _title_case(text)
        and following is not None
        and (following.bullet or len(following.text.split()) > 20 or following.md_level > 0)
    )


def _continues(previous: str, line: _Line) -> bool:
    """Does ``line`` carry on the item before it (a line broken mid-sentence)?"""
    if line.bullet or previous.endswith((".", "!", "?", ":", ";", ")")):
        return False
    if re.match(r"^[^:]{1,40}:\s", line.text):
        return False  # "total work: 2 years" is a line of its own
    return bool(_JOINING_END_RE.search(previous)) or line.text[:1].islower()


@dataclass
class _Open:
    heading: str
    line: int
    kind: SectionKind
    kind_from: str
    parent: str | None
    md_level: int
    lines: list[_Line] = field(default_factory=list)


def _section_items(section: _Open) -> tuple[Item, ...]:
    """The items of a section: its bullets, or every line when it has none; prose and
    lines about the job's terms are left out, and broken lines joined."""
    bulleted = any(line.bullet for line in section.lines)
    items: list[Item] = []
    for line in section.lines:
        if items and _continues(items[-1].text, line):
            items[-1] = Item(f"{items[-1].text} {line.text}", items[-1].line)
            continue
        prose = (
            not line.bullet
            and (bulleted or section.kind is SectionKind.DESCRIPTION or line.text.endswith(":"))
        ) or len(line.text.split()) > _PROSE_WORDS
        if not prose and not _TERMS_RE.match(line.text):
            items.append(Item(line.text, line.number))
        elif items and not line.bullet and not bulleted:
            items.append(Item("", line.number))  # a paragraph break: nothing joins over it
    return tuple(i for i in items if i.text)


def parse_posting(text: str) -> Posting:
    """Take a posting's text apart into a title, a description and sections.

    >>> p = parse_posting("Data Engineer\\nRequirements:\\n- 3+ years of SQL\\nNice to have:\\n"
    ...                   "- Airflow")
    >>> p.title, [(s.heading, s.kind.value, len(s.items)) for s in p.sections]
    ('Data Engineer', [('Requirements', 'required', 1), ('Nice to have', 'preferred', 1)])
    """
    lines = _lines(text)
    title: str | None = None
    if lines and not lines[0].bullet and len(lines[0].text.split()) <= 12:
        first = heading_text(lines[0].text)
        if not only_heading_words(first) or lines[0].md_level == 1:
            title = _undoubled(first)
            lines = lines[1:]
    description = ""
    terms: list[Item] = []
    opened: list[_Open] = []
    current: _Open | None = None
    last: _Open | None = None
    listed_headings = False  # the current list has bullets that are headings
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _TERMS_RE.match(line.text) and not line.text.rstrip().endswith(":"):
            terms.append(Item(line.text, line.number))
            continue
        opens_list = index == 0 or not lines[index - 1].bullet
        if _is_heading(line, following, bullet_headings=opens_list or listed_headings):
            listed_headings = line.bullet
            name = heading_text(line.text)
            level = line.md_level or (3 if line.bullet else 2)
            parent = _parent_of(opened, level)
            own = classify_heading(name)
            kind, kind_from = own or SectionKind.QUALIFICATIONS, name if own else ""
            above = parent if parent is not None else last
            if own is None and above is not None:
                kind, kind_from = above.kind, above.kind_from
            elif own in _GENERAL and parent is not None and parent.kind in _FIRM:
                # "Technical Proficiency" under "Requirements" is required.
                kind, kind_from = parent.kind, parent.kind_from
            current = _Open(
                name, line.number, kind, kind_from, parent.heading if parent else None, level
            )
            if own is not None and level < 3:
                last = current
            opened.append(current)
            continue
        if current is None:
            if not line.bullet and not description and len(line.text.split()) >= 12:
                description = line.text
                continue
            if not line.bullet and not any(o.line == 0 for o in opened):
                continue  # company name, place, pay band before the first heading
            if not opened or opened[-1].line != 0:
                opened.append(_Open("", 0, SectionKind.QUALIFICATIONS, "", None, 2))
            opened[-1].lines.append(line)
            continue
        current.lines.append(line)
    sections = tuple(
        Section(o.heading, o.line, o.kind, o.kind_from, o.parent, _section_items(o)) for o in opened
    )
    return Posting(title, description, sections, tuple(terms))


def _parent_of(opened: list[_Open], level: int) -> _Open | None:
    for section in reversed(opened):
        if section.line and section.md_level < level:
            return section
    return None


def _undoubled(title: str) -> str:
    """ "Director, CloudDirector, Cloud" (a title pasted twice) as "Director, Cloud"."""
    half = len(title) // 2
    if len(title) % 2 == 0 and title[:half] == title[half:]:
        return title[:half].strip()
    return title


__all__ = [
    "Item",
    "Posting",
    "Section",
    "SectionKind",
    "classify_heading",
    "heading_text",
    "only_heading_words",
    "parse_posting",
]
