"""Text cleaning, normalisation and tokenisation (skillgap.text).

Untrusted text is made inert, words are normalised and stemmed for comparison, and the
tokenizer (a fast path: one pass over the text, not a regex match at a time) is checked
against the tokenizer as first written, on generated text and on every example resume.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgap.text import Tokens, clean_text, normalize_word, stem, tokenize
from tests.conftest import ROOT
from tests.helpers.strategies import MANY, TEXTS

# --------------------------------------------------------------------------- cleaning and words


def test_clean_text_removes_escape_sequences_and_bidi_overrides() -> None:
    dirty = "A\x1b[2J\x1b]8;;http://x\x07B\x1b]8;;\x07C\u202eD\x00E\r\nF"
    assert clean_text(dirty) == "ABCDE\nF"


def test_tokenizer_keeps_meaningful_symbols_and_records_separators() -> None:
    tokens = tokenize("C#/.NET, C++ and Node.js; R&D\n\nGo-to-market")
    assert tokens.norms == ("c#", ".net", "c++", "and", "node.js", "r&d", "go", "to", "market")
    assert tokens.seps == ("", "/", ",", "", "", ";", "\n\n", "-", "-")
    assert tokens.lines == (1, 1, 1, 1, 1, 1, 3, 3, 3)


def test_normalisation_folds_case_accents_width_and_apostrophes() -> None:
    assert normalize_word("PYTHON") == "python"
    assert normalize_word("Master’s") == "masters"
    assert normalize_word("Résumé") == "resume"


def test_stemming_folds_inflections_consistently() -> None:
    assert {stem(w) for w in ("lead", "leads", "leading", "led")} == {"lead"}
    assert {stem(w) for w in ("mentor", "mentored", "mentoring", "mentors")} == {"mentor"}
    assert {stem(w) for w in ("plan", "planned", "planning")} == {"plan"}
    assert stem("process") == "process"


# --------------------------------------------------------------------------- reference tokenizer

_WORD_RE = re.compile(
    r"(?:(?<![^\W_])\.(?=[^\W_]))?[^\W_]+(?:[.&'\u2019][^\W_]+)*(?:\+\+|#(?![^\W_]))?"
)
_SOFT_RE = re.compile(r"[\s\-/&+]*")


def reference_tokenize(text: str, first_line: int = 1) -> Tokens:
    """The tokenizer as first written: one regex match at a time."""
    words: list[str] = []
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    lines: list[int] = []
    seps: list[str] = []
    breaks: list[bool] = []
    line, previous_end = first_line, 0
    for match in _WORD_RE.finditer(text):
        start, end = match.span()
        gap = text[previous_end:start]
        newlines = gap.count("\n")
        line += newlines
        stripped = "".join(gap.split())
        before, _, after = gap.partition("\n")
        if newlines >= 2:
            sep, is_break = "\n\n", True
        elif not stripped:
            sep, is_break = "", False
        elif newlines and after.split():
            sep, is_break = "".join(before.split()) + "\n" + "".join(after.split()), True
        elif not words and stripped:  # a mark before the first word: a list item
            sep, is_break = "\n" + stripped, True
        else:
            sep = stripped
            is_break = _SOFT_RE.fullmatch(gap) is None or len(stripped) > 2
        words.append(match.group())
        norms.append(normalize_word(match.group()))
        starts.append(start)
        ends.append(end)
        lines.append(line)
        seps.append(sep)
        breaks.append(is_break)
        previous_end = end
    return Tokens(
        text,
        tuple(words),
        tuple(norms),
        tuple(starts),
        tuple(ends),
        tuple(lines),
        tuple(seps),
        tuple(breaks),
    )


@MANY
@given(text=TEXTS, first_line=st.integers(1, 5))
def test_tokenize_matches_the_one_match_at_a_time_reference(text: str, first_line: int) -> None:
    assert tokenize(text, first_line=first_line) == reference_tokenize(text, first_line)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        ".NET and C#.NET, C++.NET",
        "node.js/Go-to-market\n\n\nR&D",
        "a" * 40 + " " * 40,
        "x\n" * 30,
        ". .NET ..NET _.NET",
        "Ω-é\u00adb",
    ],
)
def test_tokenize_matches_the_reference_on_edge_cases(text: str) -> None:
    assert tokenize(text) == reference_tokenize(text)


def test_tokenize_matches_the_reference_on_every_example_resume() -> None:
    for path in sorted((ROOT / "examples").iterdir()):
        text = path.read_text(encoding="utf-8")
        assert tokenize(text) == reference_tokenize(text), path.name
