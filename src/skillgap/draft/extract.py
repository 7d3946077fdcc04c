"""What one line of a posting asks for: skills (found by the real matcher over the
knowledge base, guards included), years of experience, a degree, and whether the line
itself says it is required or preferred."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..matching.index import SkillIndex
from ..rubric.model import Area, Requirement, Rubric

#: A near spelling counts from this similarity (0-1) on; it is marked for a reviewer.
MIN_FUZZY_SIMILARITY = 0.9
#: More years than this is not a requirement but a number in a sentence.
MAX_YEARS = 40


@dataclass(frozen=True)
class FoundSkill:
    """A skill of the knowledge base named in a line: its canonical name, the words that
    named it, and whether they were a near spelling."""

    name: str
    text: str
    fuzzy: bool


@functools.cache
def knowledge_index() -> SkillIndex:
    """A skill index over the whole knowledge base, so every guard of the base (context
    for ambiguous names, exclusions, case rules) applies (built once per process)."""
    from ..knowledge import load_knowledge

    groups: dict[str, dict[str, list[object]]] = {}
    for known in load_knowledge().skills:
        groups.setdefault(known.category, {}).setdefault(known.group, []).append(known.skill)
    areas = tuple(
        Area.model_validate(
            {
                "id": category,
                "name": category,
                "weight": 1,
                "requirements": [
                    Requirement.model_validate(
                        {"id": f"{category}-{group}", "name": group, "skills": skills}
                    )
                    for group, skills in by_group.items()
                ],
            }
        )
        for category, by_group in groups.items()
    )
    base = Rubric.model_validate(
        {"id": "knowledge", "title": "Knowledge base", "version": "1", "areas": areas}
    )
    return SkillIndex(base)


def find_skills(text: str, *, before: str = "", after: str = "") -> list[FoundSkill]:
    """The knowledge base's skills named in ``text``, in order, each once.

    ``before`` and ``after`` are the lines around it in its list: context for a guarded
    name ("Experience with dbt" under "3+ years of SQL"), never skills of their own.

    >>> [s.name for s in find_skills("Python or Go services on k8s; go-to-market R&D")]
    ['Python', 'Go', 'Kubernetes']
    """
    lines = [" ".join(part.split()) for part in (before, text, after)]
    found: dict[str, FoundSkill] = {}
    for evidence in knowledge_index().match_text("\n".join(lines), first_line=1):
        if evidence.line != 2 or evidence.method == "implied":
            continue  # a neighbour's skill, or implied rather than named (PySpark)
        fuzzy = evidence.method == "fuzzy"
        if fuzzy and evidence.similarity < MIN_FUZZY_SIMILARITY:
            continue
        found.setdefault(evidence.skill, FoundSkill(evidence.skill, evidence.text, fuzzy))
    return list(found.values())


_NUMBERS_TEXT = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {word: value for value, word in enumerate(_NUMBERS_TEXT.split())}
_NUMBER = r"(\d{1,2}(?:\.\d)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_YEARS_RE = re.compile(
    rf"\b{_NUMBER}\s*\+?\s*(?:(?:-|–|—|to)\s*{_NUMBER}\s*\+?\s*)?(?:\(\d+\)\s*)?"
    r"(?:years?|yrs?)\b(?!\s+(?:old|ago))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Years:
    """Years of experience asked for, and the words that asked."""

    years: float
    text: str


def find_years(text: str) -> Years | None:
    """The years of experience a line asks for: the lower bound of a range.

    >>> find_years("5-7 years of Python").years, find_years("minimum of five years").years
    (5.0, 5.0)
    >>> find_years("founded 120 years ago") is None
    True
    """
    for match in _YEARS_RE.finditer(text):
        value = _number(match.group(1))
        if 0 < value <= MAX_YEARS:
            return Years(value, match.group(0))
    return None


def _number(word: str) -> float:
    word = word.lower()
    return float(_NUMBER_WORDS[word]) if word in _NUMBER_WORDS else float(word)


# Words, in any case; abbreviations only in capitals and followed by what a degree is
# followed by ("BS in", "MS/PhD"), so "MS Office" and "be in" are no degrees.
_DEGREE_WORDS: tuple[tuple[str, str, str], ...] = (
    ("associate", r"\bassociate(?:'s|’s|s)?\s+degree\b", ""),
    (
        "bachelor",
        r"\bbachelor(?:'s|’s|s)?\b|\bundergraduate degree\b",
        r"B\.?S\.?c?|B\.?A\.?|B\.?Tech|B\.?Eng|B\.?E\.",
    ),
    (
        "master",
        (
            r"\bmaster(?:'s|’s|s)\b|\bmaster (?:of|degree)\b"
            r"|\b(?:advanced|graduate|postgraduate)(?: \w+ or \w+)? degree\b"
        ),
        r"M\.?S\.?c?|M\.?Eng|M\.?Tech|MBA|M\.?A\.?",
    ),
    ("phd", r"\bph\.?\s?d\b\.?|\bdoctorate\b|\bdoctoral\b", r"PhD|Ph\.D"),
)
_AFTER_ABBREVIATION = r"(?=\s*(?:/|,|\bin\b|\bdegree\b|\bor\b|\())"
_DEGREES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        level,
        re.compile(
            f"(?i:{words})"
            + (f"|\\b(?:{abbreviations}){_AFTER_ABBREVIATION}" if abbreviations else "")
        ),
    )
    for level, words, abbreviations in _DEGREE_WORDS
)
_FIELDS_RE = re.compile(
    r"\b(?:in|of)\s+(?!(?:the|a|an|experience|years?)\b)(.+?)"
    r"(?=\s*(?:,?\s*or (?:equivalent|other|similar)|\(|;|\.(?:\s|$)|$))",
    re.IGNORECASE,
)
_RELATED_RE = re.compile(
    r"\b(?:a |an |other )?related(?: technical| quantitative)? fields?\b|\betc\b", re.I
)


@dataclass(frozen=True)
class DegreeGuess:
    """A degree a line asks for: lowest level named, fields, and what needs a reviewer."""

    level: str
    fields: tuple[str, ...]
    #: The line allows "a related field" without naming the fields.
    related: bool
    #: The line allows equivalent practical experience instead.
    equivalent: bool
    #: The words that named the level.
    text: str


def find_degree(text: str) -> DegreeGuess | None:
    """The degree a line asks for (the lowest level it names), with its fields.

    >>> d = find_degree("Master's or PhD in Computer Science, Statistics or a related field")
    >>> d.level, d.fields, d.related
    ('master', ('computer science', 'statistics'), True)
    """
    named = [(level, m) for level, pattern in _DEGREES if (m := pattern.search(text))]
    if not named:
        return None
    level, match = named[0]
    fields: list[str] = []
    related = False
    after = _FIELDS_RE.search(text, match.start())
    if after:
        part = after.group(1)
        related = bool(_RELATED_RE.search(part))
        for piece in re.split(r",|\bor\b|\band\b|/", _RELATED_RE.sub(" ", part)):
            field = " ".join(piece.split()).strip(" .:-").lower()
            if field and len(field.split()) <= 4 and not re.search(r"\d|degree", field):
                fields.append(field)
    equivalent = bool(re.search(r"\bequivalent\b", text, re.IGNORECASE))
    return DegreeGuess(level, tuple(dict.fromkeys(fields)), related, equivalent, match.group(0))


_MUST_RE = re.compile(
    r"\b(?:required|requirement|must(?! have been)|mandatory|essential|minimum)\b", re.I
)
_PREFERRED_RE = re.compile(
    r"\b(?:preferred|preferably|nice[ -]to[ -]have|good[ -]to[ -]have|bonus|a plus|is a plus"
    r"|desirable|desired|ideally|advantage(?:ous)?|optional)\b",
    re.I,
)


def stated_priority(text: str) -> tuple[bool, str] | None:
    """(must-have?, the word that says so) when a line says it is required or preferred.

    >>> stated_priority("Kubernetes is a plus"), stated_priority("Python (required)")
    ((False, 'is a plus'), (True, 'required'))
    """
    preferred = _PREFERRED_RE.search(text)
    if preferred:
        return False, preferred.group(0)
    must = _MUST_RE.search(text)
    if must:
        return True, must.group(0)
    return None


__all__ = [
    "MAX_YEARS",
    "DegreeGuess",
    "FoundSkill",
    "Years",
    "find_degree",
    "find_skills",
    "find_years",
    "knowledge_index",
    "stated_priority",
]
