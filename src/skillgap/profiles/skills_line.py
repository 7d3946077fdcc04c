"""Skills lines: the items of a skills section or of a "Skills: a, b, c" line.

"Python (expert), R (tidyverse, dplyr), SQL" is three declared skills, one with a
level, and two more from the parentheses; spoken languages in a "Languages" section
are not skills. Items are split at separators outside parentheses only.
"""

from __future__ import annotations

import dataclasses
import re

from .model import DeclaredSkill
from .sections import heading_section

_LABEL_LINE_RE = re.compile(r"^\s*[-*•·▪●◦‣]?\s*([A-Za-z][A-Za-z &/]{1,40}?)\s*[:：|]\s*(\S.*)$")


_BARE_LABEL_RE = re.compile(r"^\s*[A-Za-z][A-Za-z &/-]{1,40}\s*[:：]\s*$")


_ITEM_SPLIT_RE = re.compile(r"\s*(?:[,;|•·▪●◦‣]|\s[-–—]\s|\t|/\s|\s/|\band\b(?=\s))\s*")


_BRACKETS_RE = re.compile(r"[()\[\]{}]")


_BULLET_RE = re.compile(r"^\s*(?:[-*+•·▪●◦‣➢➤►▶✓✔○■□]|\d{1,2}[.)])\s+")


_LEVEL_IN_PARENS_RE = re.compile(r"^(?P<name>.+?)\s*[(\[](?P<level>[^)\]]{2,160})[)\]]\s*$")


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
        "high",
        "very high",
        "medium",
        "moderate",
    }
)
# "high level", "expert level", "advanced proficiency": the level word with its noun.
_LEVEL_NOUN_RE = re.compile(r"\s+(?:level|proficiency)$", re.IGNORECASE)


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
    """The general case of :func:`_split_top_level`, in linear time: a separator splits
    unless it is inside a pair of brackets that closes. A bracket that never closes (or
    closes nothing) is an ordinary character, so "Skills: (Python, SQL" still splits.

    >>> _split_outside_brackets("R (tidyverse, dplyr), SQL")
    ['R (tidyverse, dplyr)', 'SQL']
    >>> _split_outside_brackets("(Python, SQL, Go")
    ['(Python', 'SQL', 'Go']
    """
    openers: list[int] = []
    pairs: list[tuple[int, int]] = []  # (opening, closing) of each pair that closes
    for index, char in enumerate(text):
        if char in "([{":
            openers.append(index)
        elif char in ")]}" and openers:
            pairs.append((openers.pop(), index))
    inside: list[tuple[int, int]] = []  # the outermost of them, in order
    for opened, closed in sorted(pairs):
        if not inside or opened > inside[-1][1]:
            inside.append((opened, closed))
    parts: list[str] = []
    start = 0
    position = 0
    for separator in _ITEM_SPLIT_RE.finditer(text):
        if separator.end() == separator.start():
            continue
        while position < len(inside) and inside[position][1] < separator.start():
            position += 1
        if position < len(inside) and inside[position][0] < separator.start():
            continue  # inside a pair of brackets
        parts.append(text[start : separator.start()])
        start = separator.end()
    parts.append(text[start:])
    return parts


_QUALIFIED_RE = re.compile(r"^(?P<name>.*?\S)\s*(?:[:：]|\s[-–—]|[–—])\s*(?P<qualifier>\S.*)$")


def _qualifier(text: str) -> tuple[str | None, float | None] | None:
    """``(level, years)`` when ``text`` says how well or how long ("expert", "4/5",
    "5 years", "5+ yrs"), else None."""
    value = " ".join(text.strip(" .:()[]\t").split())
    if _LEVEL_NOUN_RE.sub("", value).lower() in _LEVEL_WORDS or _LEVEL_NUMBER_RE.match(value):
        return value, None
    years = _YEARS_IN_PARENS_RE.match(value)
    if years:
        return None, float(years.group(1))
    return None


def _qualified(item: str) -> tuple[str, str | None, float | None] | None:
    """``("Python", "expert", None)`` for "Python: expert" or "SQL – 5 years"."""
    match = _QUALIFIED_RE.match(item)
    if match is None:
        return None
    found = _qualifier(match.group("qualifier"))
    if found is None:
        return None
    return match.group("name").strip(" .:\t"), found[0], found[1]


def declared_items(
    text: str, *, line: int, source: str, spoken_too: bool = True
) -> list[DeclaredSkill]:
    """The items of a skills line: "Python (expert), R (tidyverse, dplyr), SQL".

    A skill may carry its level or years after a colon or a dash ("Python: expert",
    "R: 5 years", "SQL – advanced") or in parentheses ("Go (3 years)").

    >>> [(s.name, s.level, s.years) for s in declared_items(
    ...     "Python: expert, SQL – advanced, Go (3 years)", line=1, source="skills")]
    [('Python', 'expert', None), ('SQL', 'advanced', None), ('Go', None, 3.0)]
    """
    items: list[DeclaredSkill] = []
    body = _BULLET_RE.sub("", text)
    if _BARE_LABEL_RE.match(body):
        return items  # "Programming languages:" over a nested list: a label, not a skill
    label = _LABEL_LINE_RE.match(body)
    label_level: str | None = None
    if label:
        body = label.group(2)
        first = next((p for p in _split_top_level(body) if p.strip(" .:\t")), "")
        name = label.group(1).strip()
        # "Advanced: Python, Java": the label is the level of every item (given below).
        label_level = level_label(name)
        if (
            label_level is None
            and _qualifier(first) is not None
            and heading_section(name) != "skills"
        ):
            # "Python: expert", "R: 5 years": the label is a skill, qualified next.
            if spoken_too or name.lower() not in NATURAL_LANGUAGES:
                items.append(DeclaredSkill(name=name, source=source, line=line))
            else:
                return items
    for raw in _split_top_level(body):
        item = raw.strip(" .:\t")
        level: str | None = None
        years: float | None = None
        extra: list[str] = []
        qualifier = _qualifier(item) if items else None
        if qualifier is not None:
            # "Python – expert", "Python: expert, 5 years": a qualifier of the skill before.
            previous = items[-1]
            if (qualifier[0] is None or previous.level is None) and (
                qualifier[1] is None or previous.years is None
            ):
                items[-1] = dataclasses.replace(
                    previous,
                    level=qualifier[0] or previous.level,
                    years=qualifier[1] if qualifier[1] is not None else previous.years,
                )
                continue
        qualified = _qualified(item)
        if qualified is not None:
            item, level, years = qualified
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
    if label_level is not None:
        items = [
            item if item.level else dataclasses.replace(item, level=label_level) for item in items
        ]
    return items


def level_label(text: str) -> str | None:
    """The level a line or label is made of alone ("Advanced level", "Expert:",
    "• Intermediate"), else None: the level of the skills listed under or after it."""
    body = _BULLET_RE.sub("", text).strip(" .:：\t")
    if not body or len(body) > 40:
        return None
    found = _qualifier(body)
    return found[0] if found is not None else None


def is_skills_label(line: str) -> bool:
    """Is ``line`` a "Label: items" line whose label names a skills section ("Tools:
    Docker, Terraform", "• Languages | Python, Go"), anywhere in a resume?"""
    if not may_be_label(line):
        return False
    label = _LABEL_LINE_RE.match(_BULLET_RE.sub("", line))
    return label is not None and heading_section(label.group(1)) == "skills"


def may_be_label(line: str) -> bool:
    """False when ``line`` cannot be a "Label: items" line (it has none of the
    separators :data:`_LABEL_LINE_RE` needs): most lines, spared two patterns."""
    return ":" in line or "|" in line or "\uff1a" in line
