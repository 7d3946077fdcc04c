"""Guards: when a mention that looks like a skill is not that skill.

Every form must stand as whole words; on top of that a skill's :class:`Guard` says
which words must be near an ambiguous form ("R" counts with "statistics" or "ggplot2"
nearby), whether it must be written with its capitals ("Go", not "go"), and which
phrases contain a form but are not the skill ("go-to-market", "R&D"). A single letter
followed by a full stop and a capitalised word is an initial, not a skill.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..rubric.model import Skill
from ..text import Tokens, word_norms
from .forms import Form


@dataclass(frozen=True)
class Guard:
    """How a skill's ambiguous forms are guarded: context words, case, exclusions."""

    #: Words or phrases (normalised, joined by spaces) that vouch for an ambiguous form.
    context: frozenset[str]
    context_window: int
    max_context_words: int
    exclude: tuple[tuple[str, ...], ...]
    case_sensitive: bool
    exact: bool

    @classmethod
    def for_skill(cls, skill: Skill) -> Guard:
        """The guard a rubric skill asks for."""
        context = frozenset(" ".join(word_norms(c)) for c in skill.context)
        return cls(
            context=context - {""},
            context_window=skill.context_window,
            max_context_words=max((len(c.split()) for c in context), default=1),
            exclude=tuple(n for n in (word_norms(e) for e in skill.exclude) if n),
            case_sensitive=skill.case_sensitive,
            exact=skill.exact,
        )


def covered_by_phrase(norms: Sequence[str], start: int, end: int, phrase: tuple[str, ...]) -> bool:
    """Does an occurrence of ``phrase`` contain the first or last word of the match?"""
    size = len(phrase)
    for anchor in {start, end - 1}:
        for offset in range(max(0, anchor - size + 1), anchor + 1):
            if offset + size <= len(norms) and tuple(norms[offset : offset + size]) == phrase:
                return True
    return False


def case_matches(tokens: Tokens, start: int, end: int, form: Form) -> bool:
    """Are the words at ``[start, end)`` written as the form is (or in capitals)?"""
    written = tokens.words[start:end]
    if len(written) != len(form.words):
        return True  # matched across spacing variants: case can't be compared word by word
    return all(
        w == f or (w.isupper() and w.upper() == f.upper())
        for w, f in zip(written, form.words, strict=True)
    )


def has_context(tokens: Tokens, start: int, end: int, guard: Guard) -> bool:
    """Is one of the guard's context words within its window of ``[start, end)``?"""
    norms = tokens.norms
    low = max(0, start - guard.context_window)
    high = min(len(norms), end + guard.context_window)
    own = set(range(start, end))
    for i in range(low, high):
        if i in own:
            continue
        key = norms[i]
        if key in guard.context:
            return True
        for j in range(i + 1, min(high, i + guard.max_context_words)):
            key = f"{key} {norms[j]}"
            if key in guard.context:
                return True
    return False


def single_letter_reason(tokens: Tokens, index: int) -> str:
    """Why a one-letter word (R, C) is not a skill here, or "" if it may be one."""
    words, seps, count = tokens.words, tokens.seps, len(tokens)
    for neighbour, sep in (
        (index - 1, seps[index]),
        (index + 1, seps[index + 1] if index + 1 < count else ""),
    ):
        if 0 <= neighbour < count and sep in ("&", "/") and len(words[neighbour]) == 1:
            return "part of an abbreviation such as R&D"
    if (
        index + 1 < count
        and seps[index + 1] == "."
        and tokens.lines[index + 1] == tokens.lines[index]
        and words[index + 1][:1].isupper()
    ):
        at_line_start = index == 0 or tokens.lines[index - 1] != tokens.lines[index]
        after_name = (
            index > 0
            and seps[index] == ""
            and words[index - 1][:1].isupper()
            and words[index - 1].isalpha()
        )
        # "J. Doe, R. Smith": the previous list item is itself an initial and a name.
        in_citation = (
            index >= 2
            and seps[index] == ","
            and seps[index - 1] == "."
            and len(words[index - 2]) == 1
            and words[index - 2].isupper()
        )
        if at_line_start or after_name or in_citation:
            return "an initial, not a skill"
    return ""


__all__ = ["Guard", "case_matches", "covered_by_phrase", "has_context", "single_letter_reason"]
