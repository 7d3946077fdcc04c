"""Text cleaning, normalisation and tokenisation shared by every matcher.

Three jobs, kept apart:

* :func:`clean_text` makes untrusted text inert and tidy: terminal escape sequences,
  control characters and bidi overrides removed, line endings unified.
* :func:`normalize_word` gives the comparison form of one word: Unicode-compatible
  (NFKC), accents folded, case-folded, apostrophes dropped. Symbols that carry meaning
  stay inside words: ``C++``, ``C#``, ``.NET``, ``Node.js``, ``R&D``.
* :func:`tokenize` splits text into words with their line numbers and what separated
  them from the previous word, which the matcher needs: a hyphen joins words
  ("go-to-market"), a comma or full stop ends a phrase, a blank line ends a paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and the
# other two-byte escapes. C1 equivalents (U+009B CSI, U+009D OSC) are handled too.
_ANSI_RE = re.compile(
    r"""
    (?:\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?)      # OSC ... BEL | ST (e.g. OSC 8 hyperlinks)
    | (?:\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?)     # C1 OSC
    | (?:\x1b\[[0-?]*[ -/]*[@-~])                # CSI ... final byte (colours, clear screen)
    | (?:\x9b[0-?]*[ -/]*[@-~])                  # C1 CSI
    | (?:\x1b[PX^_][^\x1b]*(?:\x1b\\)?)          # DCS, SOS, PM, APC strings
    | (?:\x1b[@-Z\\-_])                          # other two-byte escapes
    """,
    re.VERBOSE,
)
# Control characters other than tab and newline, DEL, C1 controls, and the Unicode
# bidirectional overrides/isolates that can make text display differently than it reads.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None})


def clean_text(text: str) -> str:
    """Remove terminal escape sequences, control characters and bidi overrides.

    >>> clean_text("Ada\\x1b[2J Lovelace\\u202e\\r\\n")
    'Ada Lovelace\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI_RE.sub("", text)
    text = _CONTROL_RE.sub("", text)
    return text.translate(_HYPHENS)


def prepare_text(text: str) -> str:
    """NFKC-normalise and clean text from a profile (ligatures such as 'ﬁ' become 'fi')."""
    return clean_text(unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """The comparison form of one word.

    >>> [normalize_word(w) for w in ("TensorFlow", "Master's", "C++", "Résumé", ".NET")]
    ['tensorflow', 'masters', 'c++', 'resume', '.net']
    """
    decomposed = unicodedata.normalize("NFKD", word)
    if not decomposed.isascii():
        decomposed = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return decomposed.casefold().replace("'", "").replace("\u2019", "")


# A word: letters/digits, joined by internal . & ' (node.js, r&d, master's), optionally
# with a leading dot (.NET) and a trailing ++ or # (C++, C#, F#).
_WORD_RE = re.compile(
    r"(?:(?<![^\W_])\.(?=[^\W_]))?[^\W_]+(?:[.&'\u2019][^\W_]+)*(?:\+\+|#(?![^\W_]))?"
)
# Separators that keep words in one phrase: whitespace, a hyphen, a slash, '&' or '+'.
_SOFT_SEPARATOR_RE = re.compile(r"[\s\-/&+]*")


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text, as parallel sequences (cheap to build, cheap to scan).

    ``seps[i]`` is the text between word ``i-1`` and word ``i`` with spaces collapsed:
    ``""`` for plain whitespace, ``"-"`` for a hyphen, ``","`` for a comma and so on;
    ``"\\n\\n"`` marks a paragraph break, and a ``"\\n"`` inside a separator a line
    that starts with a mark (``"\\n-"``: a new list item). ``breaks[i]`` is true when that
    separator ends a phrase (anything but whitespace, a single line break, hyphen, slash,
    & or +; a new list item always does).
    """

    text: str
    words: tuple[str, ...]
    norms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lines: tuple[int, ...]
    seps: tuple[str, ...]
    breaks: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.norms)


class _GapInfo(dict[str, tuple[str, bool, int]]):
    """What the text between two words means: (separator, phrase break?, line breaks).

    Resumes use a handful of gaps (a space, a comma and a space, a full stop, a line break
    and a bullet) over and over, so each is worked
    out once; long or unusual gaps are not kept.
    """

    def __missing__(self, gap: str) -> tuple[str, bool, int]:
        newlines = gap.count("\n")
        stripped = "".join(gap.split())
        if newlines >= 2:
            info = ("\n\n", True, newlines)
        elif not stripped:
            info = ("", False, newlines)
        elif newlines and (lead := "".join(gap.partition("\n")[2].split())):
            # A line that starts with a mark ("- ", "• ", "1. ", "## "): a new list item
            # or heading, never the same phrase or clause as the line before.
            info = ("".join(gap.partition("\n")[0].split()) + "\n" + lead, True, newlines)
        else:
            broken = _SOFT_SEPARATOR_RE.fullmatch(gap) is None or len(stripped) > 2
            info = (stripped, broken, newlines)
        if len(gap) <= 16 and len(self) < 4096:
            self[gap] = info
        return info


_GAPS = _GapInfo()
_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})")


def tokenize(text: str, *, first_line: int = 1) -> Tokens:
    """Split cleaned text into words.

    >>> t = tokenize("Go-to-market, C++ and R&D.\\nSpark")
    >>> t.norms
    ('go', 'to', 'market', 'c++', 'and', 'r&d', 'spark')
    >>> t.seps
    ('', '-', '-', ',', '', '', '.')
    """
    # Every word of every resume passes through here, so the work is done a whole list
    # at a time: one split gives [gap, word, gap, word, ..., gap]; offsets, lines and
    # separators follow from running sums and the per-gap table.
    parts = _SPLIT_RE.split(text)
    words = tuple(parts[1::2])
    gaps = _GAPS
    infos = [gaps[gap] for gap in parts[0:-1:2]]
    if infos and infos[0][0] and "\n" not in infos[0][0]:
        # The text starts with a mark ("- Go ..."): a list item, as after a line break.
        infos[0] = ("\n" + infos[0][0], True, infos[0][2])
    offsets = tuple(accumulate(map(len, parts)))
    lines = tuple(accumulate([info[2] for info in infos], initial=first_line))[1:]
    return Tokens(
        text,
        words,
        tuple(map(normalize_word, words)),
        offsets[0:-1:2],
        offsets[1::2],
        lines,
        tuple([info[0] for info in infos]),
        tuple([info[1] for info in infos]),
    )


def word_norms(phrase: str) -> tuple[str, ...]:
    """Normalised words of a short phrase (rubric names, aliases, context words)."""
    return tuple(normalize_word(m.group()) for m in _WORD_RE.finditer(prepare_text(phrase)))


# --------------------------------------------------------------------------- stemming

_IRREGULAR = {
    "led": "lead",
    "leads": "lead",
    "leading": "lead",
    "lead": "lead",
    "built": "build",
    "taught": "teach",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "drove": "drive",
    "driven": "drive",
    "grew": "grow",
    "grown": "grow",
    "won": "win",
    "began": "begin",
    "begun": "begin",
    "brought": "bring",
    "made": "make",
    "ran": "run",
    "gave": "give",
    "given": "give",
    "chose": "choose",
    "chosen": "choose",
    "oversaw": "oversee",
    "overseen": "oversee",
    "sought": "seek",
    "thought": "think",
    "held": "hold",
    "met": "meet",
    "took": "take",
    "taken": "take",
    "spearheaded": "spearhead",
    "presented": "present",
    "presenting": "present",
    "presents": "present",
    "presentations": "presentation",
}
_STEM_SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "s", "e")
_UNDOUBLE = frozenset("bdgmnprt")
STOPWORDS = frozenset({"a", "an", "the", "my", "our", "their", "his", "her", "its", "your"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic stem for matching phrases across inflections.

    Only used for skills marked ``inflect``; both the rubric phrase and the resume text
    go through the same function, so the stems only need to agree with each other.

    >>> [stem(w) for w in ("mentored", "mentoring", "mentors", "led", "hiring", "hire")]
    ['mentor', 'mentor', 'mentor', 'lead', 'hir', 'hir']
    """
    if word in _IRREGULAR:
        base = _IRREGULAR[word]
        # Irregular forms map to the base form, which goes through the same rules as
        # the base form written out ("drove" -> "drive" -> "driv", like "drive").
        return base if base in _IRREGULAR and _IRREGULAR[base] == base else _regular_stem(base)
    return _regular_stem(word)


def _regular_stem(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in _STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix in ("s", "es") and word.endswith(("ss", "us", "is")):
                continue
            base = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                base += "y"
            elif len(base) >= 3 and base[-1] == base[-2] and base[-1] in _UNDOUBLE:
                base = base[:-1]
            return base[:-1] if base.endswith("e") and len(base) > 3 else base
    return word


#: What a spreadsheet takes as the start of a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet cannot run as a formula.

    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell(-3), csv_cell("ok")
    ('\\'=HYPERLINK("http://x")', -3, 'ok')
    """
    if not isinstance(value, str):
        return value
    risky = value.startswith(_FORMULA_START)
    text = clean_text(value).replace("\n", " ")
    if risky or text.startswith(_FORMULA_START):
        return "'" + text
    return text
