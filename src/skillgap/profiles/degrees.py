"""Degrees as resumes write them: "PhD", "M.Sc.", "Master of Science", "B.Tech".

Abbreviations that are also ordinary words ("MS Office", "BE careful", "MA" the state)
count only before "in"/"of" or a field of study.
"""

from __future__ import annotations

import re

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


def degree_level(text: str) -> str | None:
    if _ANY_DEGREE_RE.search(text) is None:
        return None
    for level, pattern in _DEGREE_PATTERNS:
        if pattern.search(text):
            return level
    return None
