"""Degrees as resumes write them: "PhD", "M.Sc.", "Master of Science", "B.Tech".

Abbreviations that are also ordinary words ("MS Office", "BE careful", "MA" the state)
count only before "in"/"of" or a field of study.

:func:`degree_level` says whether a text names a degree at all (an education entry);
:func:`held_degree` whether it says its writer *holds* one, which running text must show
("I hold a PhD in Statistics", "holds an MSc in machine learning") and which a degree
that is someone else's ("PhD students I mentored", "supervised two MSc theses"), one in
progress ("pursuing a PhD") or no degree at all ("master data management", "Bachelor
party") does not.
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
    # "MicroMasters" and "Micro-Masters" are certificates, not degrees.
    return re.compile(rf"(?<![\w.])(?<!micro-)(?:{forms})(?![\w])", re.IGNORECASE)


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
            r"master['’]s|masters?|m\.\s?s\.?|m\.?\s?sc\.?|msc|m\.?\s?eng\.?|meng|m\.?\s?tech\.?|"
            r"mtech|m\.\s?a\.?|mba|m\.b\.a\.|m\.?\s?phil\.?|m\.?\s?res\.?|s\.\s?m\.|"
            r"mca|m\.\s?c\.\s?a\.?|"
            r"dipl\.?\s*-?\s*(?:inf|ing|math|phys)\.?|diplom|post\s*-?\s*graduate|postgraduate|"
            rf"(?:ms|ma|me|sm){_CONTEXT}"
        ),
    ),
    (
        "bachelor",
        (
            r"bachelor['’]s|bachelors?|b\.\s?s\.?|b\.?\s?sc\.?|bsc|h\.\s?b\.\s?sc\.?|"
            r"b\.?\s?eng\.?|beng|b\.?\s?tech\.?|btech|b\.\s?a\.?|b\.\s?e\.?|b\.?\s?com\.?|"
            r"bca|b\.\s?c\.\s?a\.?|b\.\s?f\.\s?a\.?|bfa|a\.\s?b\.|s\.\s?b\.|"
            rf"undergraduate\s+degree|(?:bs|ba|be|ab|sb){_CONTEXT}"
        ),
    ),
    ("associate", r"associate['’]?s?\s+(?:degree|of\s+\w+)|a\.\s?a\.\s?s?\.?"),
)


_DEGREE_PATTERNS = tuple((level, _degree_re(forms)) for level, forms in _DEGREE_FORMS)


# Any degree at all, in one scan: most lines hold none, and then the four patterns
# (searched strongest first, which one pattern cannot do) are not needed.
_ANY_DEGREE_RE = _degree_re("|".join(forms for _, forms in _DEGREE_FORMS))


_LEVEL_RANK = {level: rank for rank, (level, _) in enumerate(reversed(_DEGREE_FORMS))}


# Every word a degree's spelling can hold, with dots read as spaces ("dipl.-inf." holds
# "dipl") or dropped ("ph.d." is "phd"): a line with none of them names no degree, which
# a set lookup says much faster than the pattern (a property test checks it never misses
# one the pattern finds).
_DEGREE_WORDS = frozenset(
    {
        "phd",
        "dphil",
        "phil",
        "doctor",
        "doctorate",
        "doctoral",
        "sc",
        "scd",
        "d",
        "master",
        "masters",
        "msc",
        "ms",
        "ma",
        "me",
        "sm",
        "meng",
        "eng",
        "mtech",
        "tech",
        "mba",
        "mphil",
        "mres",
        "mca",
        "m",
        "dipl",
        "diplom",
        "post",
        "postgraduate",
        "bachelor",
        "bachelors",
        "bs",
        "bsc",
        "hbsc",
        "beng",
        "btech",
        "ba",
        "be",
        "bcom",
        "com",
        "bca",
        "bfa",
        "ab",
        "sb",
        "b",
        "undergraduate",
        "associate",
        "associates",
        "aa",
        "aas",
    }
)
_NOT_WORD_RE = re.compile(r"[^\w.]+")
_DOTS_AS_SPACES = str.maketrans({".": " "})


def _may_name_degree(text: str) -> bool:
    """False only when ``text`` certainly names no degree (see ``_DEGREE_WORDS``)."""
    folded = text.casefold()
    words = _NOT_WORD_RE.sub(" ", folded).translate(_DOTS_AS_SPACES).split()
    if not _DEGREE_WORDS.isdisjoint(words):
        return True
    if "." not in folded:
        return False
    # Spelled with dots, a degree is a run of short words: "a. a. s.", "h.b.sc.".
    for i, word in enumerate(words):
        if len(word) > 4:
            continue
        for following in words[i + 1 : i + 4]:
            if len(following) > 4:
                break
            word += following
            if word in _DEGREE_WORDS:
                return True
    return False


def degree_level(text: str) -> str | None:
    if not _may_name_degree(text) or _ANY_DEGREE_RE.search(text) is None:
        return None
    for level, pattern in _DEGREE_PATTERNS:
        if pattern.search(text):
            return level
    return None


# Every mention of a degree, named by its level.
_MENTION_RE = re.compile(
    "|".join(f"(?P<{level}>{pattern.pattern})" for level, pattern in _DEGREE_PATTERNS),
    re.IGNORECASE,
)
# Words after a degree that make it no degree of the writer's: "PhD students", "MSc
# theses", "master data management", "Bachelor party". Up to three words after it.
_NOT_HELD_AFTER_RE = re.compile(
    r"^(?:[\s\-~]+[\w.&/’']+){0,3}?[\s\-~]+(?:students|interns?|theses|thesis|dissertations?|"
    r"supervision|supervisors?|applicants?|level|courses?|scholars?|scholarships?|"
    r"fellowships?|researchers?|holders?|graduates|party|parties|committees?|class|classes|"
    r"cohorts?|mentees?|admissions?|data\s+management|advisors?|ceremon\w*)\b",
    re.IGNORECASE,
)
# ... and words before it: a degree someone mentored, supervised or hired for.
_NOT_HELD_BEFORE_RE = re.compile(
    r"\b(?:mentor\w*|supervis\w*|co-?supervis\w*|advis\w*|coach\w*|taught|teach\w*|tutor\w*|"
    r"hired|hiring|recruit\w*|interview\w*|examin\w*)"
    r"(?:\s+[\w’'-]+){0,5}?\s*$",
    re.IGNORECASE,
)
# In running text, a degree still being studied for is not held yet ("pursuing a PhD",
# "MSc student", "PhD candidate", "MSc (expected 2026)").
_PURSUED_AFTER_RE = re.compile(
    r"^(?:[\s\-~(]+[\w.&/’']+){0,3}?[\s\-~(]+(?:student|candidates?|candidacy|expected|"
    r"pursuing|ongoing|programs?|programmes?|research)\b",
    re.IGNORECASE,
)
_PURSUED_BEFORE_RE = re.compile(
    r"\b(?:pursu\w*|completing|currently|studying|enrolled|admitted|applying|towards?)"
    r"(?:\s+[\w’'-]+){0,4}?\s*$",
    re.IGNORECASE,
)
# How running text says a degree is held: "in"/"of" a subject, "degree", a subject in
# brackets or after a comma, a school on the line ...
_HELD_AFTER_RE = re.compile(
    rf"^(?:\s*degree)?(?:\s+is)?(?:\s*,)?\s+(?:in|of|from)\s+\w|^\s+degree\b"
    rf"|^\s*[(\[,]\s*{_FIELD}\b|^\s*[(\[]\s*(?-i:[A-Z])",
    re.IGNORECASE,
)
_SCHOOL_RE = re.compile(
    r"\b(?:universit(?:y|ies|ät|é|at|y's)|college|institute|polytechnic|school\s+of)\b",
    re.IGNORECASE,
)
# ... or a verb of holding before it ("I hold a PhD", "earned an M.S."), or the degree
# after a name ("Jane Doe, PhD").
_HELD_BEFORE_RE = re.compile(
    r"\b(?:hold|holds|holding|held|earned|earning|received|receiving|obtained|obtaining|"
    r"completed|awarded|graduated|graduating|gained|got|attained|achieved|have|has|having|"
    r"with|after)\b(?:\s+[\w’'-]+){0,4}?\s*$",
    re.IGNORECASE,
)
_POST_NOMINAL_RE = re.compile(r",\s*$")
_END_OF_ENTRY_RE = re.compile(r"^\s*(?:$|[,|•·;])")
_CLAUSE_RE = re.compile(r"(?:[.;!?](?=\s)|•|\|)")


def held_degree(text: str, *, listed: bool = False) -> tuple[str, re.Match[str]] | None:
    """The strongest degree ``text`` says its writer holds: (level, its mention), or None.

    ``listed`` is for the entries of an education section, where a degree named is a
    degree held (if it is the writer's: not "supervised MSc theses"); running text must
    say so.

    >>> held_degree("I hold a PhD in Statistics from Example University")[0]
    'phd'
    >>> held_degree("Mentored PhD students; built master data management") is None
    True
    """
    best: tuple[str, re.Match[str]] | None = None
    if not _may_name_degree(text):  # most lines name no degree
        return None
    for match in _MENTION_RE.finditer(text):
        level = match.lastgroup
        assert level is not None
        before = _CLAUSE_RE.split(text[: match.start()])[-1]
        after = text[match.end() :]
        if _NOT_HELD_AFTER_RE.match(after) or _someone_elses(before):
            continue
        if not listed and not _said_held(match, before, after, text):
            continue
        if best is None or _LEVEL_RANK[level] > _LEVEL_RANK[best[0]]:
            best = (level, match)
    return best


def _someone_elses(before: str) -> bool:
    """A degree after "mentored", "supervised", "hired" (unless "hold" comes after that)."""
    other = _NOT_HELD_BEFORE_RE.search(before)
    if other is None:
        return False
    held = _HELD_BEFORE_RE.search(before)
    return held is None or held.start() < other.start()


def _said_held(match: re.Match[str], before: str, after: str, text: str) -> bool:
    if _PURSUED_AFTER_RE.match(after) or _PURSUED_BEFORE_RE.search(before):
        return False
    if re.search(r"\sof\s", match.group()) or _HELD_AFTER_RE.match(after):
        return True  # "Doctor of Philosophy", "PhD in Statistics", "Master's degree"
    if _HELD_BEFORE_RE.search(before):
        return True
    if _POST_NOMINAL_RE.search(before) and _END_OF_ENTRY_RE.match(after):
        return True
    # An entry such as "MSc Computer Science, Example University": abbreviations only,
    # since "master" and "bachelor" alone are ordinary words too.
    is_word = match.group().lower().rstrip("'’s") in ("master", "bachelor", "doctor")
    return not is_word and _SCHOOL_RE.search(text) is not None


def degree_words(text: str, level: str) -> str:
    """The part of an education entry that speaks of its ``level`` degree: up to the
    mentions of other degrees on either side, so that one degree's subject is not taken
    for another's.

    >>> degree_words("PhD in Linguistics, 2015; before that a BSc in Computer Science", "phd")
    'PhD in Linguistics, 2015; before that a '
    """
    held = held_degree(text, listed=True)
    if held is None or held[0] != level:
        return text
    match = held[1]
    others = [m for m in _MENTION_RE.finditer(text) if m.lastgroup != level]
    start = max((m.end() for m in others if m.end() <= match.start()), default=0)
    end = min((m.start() for m in others if m.start() >= match.end()), default=len(text))
    return text[start:end]


# An entry still being studied for: "(expected 2026)", "2022 – present", "PhD candidate",
# "pursuing", "in progress". "Candidate of Sciences" is a degree held.
_ONGOING_RE = re.compile(
    r"\b(?:in\s+progress|ongoing|pursuing|currently\s+(?:enrolled|studying|pursuing)|"
    r"candidate(?!\s+of\b)|enrolled)\b|[-–—]\s*(?:present|now|current|today|to\s+date)\b"
    r"|\b(?:till|until|to)\s+date\b|^\s*(?:present|now|current)\s*$",
    re.IGNORECASE,
)
_EXPECTED_RE = re.compile(r"\b(?:expected|anticipated|exp\.|est\.|graduating)(?!\w)", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def degree_in_progress(text: str, as_of_year: int) -> bool:
    """Whether an education entry says its degree is still being studied for in
    ``as_of_year``: an ongoing range or word, an expected date not yet past, or a date
    after it.

    >>> degree_in_progress("MSc Computer Science, 2024-2026 (expected)", 2026)
    True
    >>> degree_in_progress("PhD in Physics, 2019 (expected)", 2026)
    False
    >>> degree_in_progress("BSc Mathematics, 2018 - Present", 2026)
    True
    """
    years = [int(y) for y in _YEAR_RE.findall(text)]
    latest = max(years, default=None)
    if latest is not None and latest > as_of_year:
        return True
    if _ONGOING_RE.search(text):
        return True
    return bool(_EXPECTED_RE.search(text)) and (latest is None or latest >= as_of_year)


def held_degree_level(text: str, *, listed: bool = False) -> str | None:
    """The level of :func:`held_degree`, or None.

    >>> held_degree_level("Master's degree in Computer Science")
    'master'
    >>> held_degree_level("supervised two MSc theses") is None
    True
    """
    held = held_degree(text, listed=listed)
    return held[0] if held else None
