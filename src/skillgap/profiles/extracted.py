"""Text extracted from PDF and DOCX files: cleaned, then parsed like any resume text.

Extraction artefacts are undone by :func:`clean_extracted_text` (a pure function):
hyphenation at line ends, ligatures, bullet glyphs from symbol fonts, letter-spaced
headings and short words glued to the next one by the layout. The result goes through
:func:`skillgap.profiles.resume_text.parse_resume_text`, so sections, declared skills,
jobs and education are recognised exactly as for a text resume.
"""

from __future__ import annotations

import re

from ..io.read import sha256_hex
from ..limits import Limits
from ..text import prepare_text
from .base import require_text
from .model import Profile
from .resume_text import parse_resume_text

# A word broken across lines with a hyphen: "experi-\nence". Only joined when both sides
# are lower-case letters and the first part is not itself part of a hyphenated compound
# ("end-to-\nend" keeps its hyphen).
_LINE_HYPHEN_RE = re.compile(r"(?<![\w-])([^\W\d_]*[a-z])-[ \t]*\n[ \t]*([a-z][^\W\d_]*)[ \t]*")


# Every pattern that repeats a class starts only where a run of that class starts (a
# lookbehind), so a run of 100,000 letters or spaces is tried once, not at each of its
# characters (which was quadratic: a DOCX of a million one-letter runs took minutes).
_COMPOUND_HYPHEN_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+-[^\W\d_]*[a-z])-[ \t]*\n[ \t]*([a-z])")


# Bullets drawn with symbol fonts (Symbol, Wingdings) come out as private-use characters.
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")


_BULLET_GLYPHS = "•●▪■◦‣∙⁃◆◇►▸▹➢➤✓✔❖⦿⦾○□·"


_LEADING_GLYPH_RE = re.compile(rf"^([ \t]*)[{_BULLET_GLYPHS}][ \t]*", re.MULTILINE)


_INNER_GLYPH_RE = re.compile(rf"(?<![ \t])[ \t]+[{_BULLET_GLYPHS}](?=[ \t])")


# Word's "o" sub-bullet (Courier New) at the start of a line.
_O_BULLET_RE = re.compile(r"^([ \t]*)o[ \t]+(?=\S)", re.MULTILINE)


# Letter-spaced headings: "S K I L L S" (four or more single letters, single spaces).
_LETTER_SPACED_RE = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")


# A short function word glued to the next word by the layout: "inPHP", "forJS",
# "usingPython". Only lower-case function words followed by a capital are split.
_GLUED_RE = re.compile(
    r"\b(in|for|and|of|to|with|using|on|at|from|via|by|into|including)"
    r"(?=[A-Z](?:[a-z]{2,}|[A-Z0-9+#]))"
)


_PAGE_NUMBER_RE = re.compile(
    r"^[ \t]*(?:page[ \t]+)?\d{1,3}[ \t]*(?:of|/)[ \t]*\d{1,3}[ \t]*$", re.IGNORECASE | re.MULTILINE
)


_TRAILING_SPACE_RE = re.compile(r"(?<![ \t])[ \t]+$", re.MULTILINE)


_MANY_BLANK_LINES_RE = re.compile(r"\n{3,}")


def clean_extracted_text(text: str) -> str:
    """Undo the damage text extraction does to a resume.

    >>> clean_extracted_text("Built Kuber-\\nnetes clusters inPython\\n\\uf0b7 S K I L L S")
    'Built Kubernetes\\nclusters in Python\\n• SKILLS\\n'
    """
    text = prepare_text(text)  # NFKC: ligatures (ﬁ, ﬂ, ﬀ) become letters
    text = _PRIVATE_USE_RE.sub("•", text)
    text = _LEADING_GLYPH_RE.sub(r"\1• ", text)
    text = _INNER_GLYPH_RE.sub(" •", text)
    text = _O_BULLET_RE.sub(r"\1• ", text)
    text = _COMPOUND_HYPHEN_RE.sub(r"\1-\2", text)
    # The joined word stays on the first line; the rest of the second line follows it.
    text = _LINE_HYPHEN_RE.sub(_join_hyphenated, text)
    text = _LETTER_SPACED_RE.sub(lambda m: m.group().replace(" ", ""), text)
    text = _GLUED_RE.sub(r"\1 ", text)
    text = _PAGE_NUMBER_RE.sub("", text)
    text = _TRAILING_SPACE_RE.sub("", text)
    return _MANY_BLANK_LINES_RE.sub("\n\n", text).strip("\n") + "\n"


def _join_hyphenated(match: re.Match[str]) -> str:
    return f"{match.group(1)}{match.group(2)}\n"


def finish_extracted(text: str, limits: Limits) -> tuple[str, tuple[str, ...]]:
    text = clean_extracted_text(text)
    if len(text) > limits.max_text_chars:
        note = (
            f"text cut to the first {limits.max_text_chars:,} characters (--max-text "
            "raises the limit)"
        )
        return text[: limits.max_text_chars], (note,)
    return text, ()


def document_profile(
    text: str, warnings_: tuple[str, ...], *, display: str, fmt: str, data: bytes
) -> Profile:
    """The profile of a document's extracted (and finished) text."""
    profile = parse_resume_text(
        text, source=display, fmt=fmt, sha256=sha256_hex(data), warnings=warnings_
    )
    return require_text(profile, display)
