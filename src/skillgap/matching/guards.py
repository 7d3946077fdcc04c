"""Guards: when a mention that looks like a skill is not that skill.

Every form must stand as whole words; on top of that a skill's :class:`Guard` says
which words must be near an ambiguous form ("R" counts with "statistics" or "ggplot2"
nearby), whether it must be written with its capitals ("Go", not "go"), and which
phrases contain a form but are not the skill ("go-to-market", "R&D"). A single letter
followed by a full stop and a capitalised word is an initial, not a skill.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..rubric.model import Skill
from ..text import Tokens, stem, word_norms
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


def covered_by_phrase(tokens: Tokens, start: int, end: int, phrase: tuple[str, ...]) -> bool:
    """Does an occurrence of ``phrase`` contain the first or last word of the match?

    The phrase may run over a plain line break (text wrapped by a PDF: "Spark" / "AR"),
    but not from one list item or paragraph into the next.
    """
    norms, seps = tokens.norms, tokens.seps
    size = len(phrase)
    for anchor in {start, end - 1}:
        for offset in range(max(0, anchor - size + 1), anchor + 1):
            if (
                offset + size <= len(norms)
                and tuple(norms[offset : offset + size]) == phrase
                and not any("\n" in seps[k] for k in range(offset + 1, offset + size))
            ):
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


#: Characters of a separator that end a sentence: context does not cross them. (List
#: separators such as ";", "|" and "•" do not: a list is one context.)
_SENTENCE_END = frozenset(".!?")


def _ends_item(sep: str) -> bool:
    """Does a separator end a sentence, a list item on its own line, or a paragraph?"""
    return "\n" in sep or any(ch in _SENTENCE_END for ch in sep)


#: A list item of at most this many words is one entry of a list ("Julia (Main)"), and a
#: run of such items is one list: context may come from any entry of it.
SHORT_ITEM = 4


#: The item ends of the text last asked about: (its tokens, the positions of the
#: separators that end an item), replaced as one reference so threads never mix them.
_LAST_ITEM_ENDS: tuple[Tokens | None, list[int]] = (None, [])


def _item_ends(tokens: Tokens) -> list[int]:
    """The positions whose separator ends a sentence or item (worked out once a text:
    every mention in it asks)."""
    global _LAST_ITEM_ENDS
    cached = _LAST_ITEM_ENDS
    if cached[0] is tokens:
        return cached[1]
    ends = {sep: _ends_item(sep) for sep in set(tokens.seps)}
    positions = [i for i, sep in enumerate(tokens.seps) if ends[sep]]
    _LAST_ITEM_ENDS = (tokens, positions)
    return positions


def _item_bounds(tokens: Tokens, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """The sentence or item around ``[start, end)``, clipped to ``[low, high)``: from
    the last item end at or before ``start`` to the first at or after ``end``."""
    ends = _item_ends(tokens)
    before = bisect.bisect_right(ends, start) - 1
    after = bisect.bisect_left(ends, end)
    first = ends[before] if before >= 0 else low
    last = ends[after] if after < len(ends) else high
    return max(low, min(first, start)), min(high, max(last, end))


def context_span(tokens: Tokens, start: int, end: int, window: int) -> tuple[int, int]:
    """Where context for the match ``[start, end)`` may come from: its own sentence or
    list item, or, for a short item in a run of short items (a list written one entry per
    line), the whole run; never a paragraph away, never more than ``window`` words away.

    >>> from skillgap.text import tokenize
    >>> tokens = tokenize("- Julia (main)\\n- Python\\n- Led a team of five people. Go further")
    >>> context_span(tokens, 0, 1, 10)  # "Julia": the two-entry list
    (0, 3)
    >>> context_span(tokens, 9, 10, 10)  # "Go": its own sentence
    (9, 11)
    """
    seps = tokens.seps
    low, high = max(0, start - window), min(len(seps), end + window)
    first, last = _item_bounds(tokens, start, end, low, high)
    if last - first > SHORT_ITEM:
        return first, last
    while first > low and seps[first] != "\n\n":
        before, _ = _item_bounds(tokens, first - 1, first, low, first)
        if first - before > SHORT_ITEM:
            break
        first = before
    while last < high and seps[last] != "\n\n":
        _, after = _item_bounds(tokens, last, last + 1, last, high)
        if after - last > SHORT_ITEM:
            break
        last = after
    return first, last


def has_context(
    tokens: Tokens, start: int, end: int, guard: Guard, starts: PhraseStarts | None = None
) -> bool:
    """Is one of the guard's context words within its window of ``[start, end)``, in the
    same sentence, list item or list? (Context never comes from the next bullet.)

    ``starts`` (:class:`PhraseStarts` of the guard's context in ``tokens``) answers in
    logarithmic time, for a text with many mentions of one ambiguous form.
    """
    low, high = context_span(tokens, start, end, guard.context_window)
    if starts is not None:
        return starts.any_within(low, high, start, end)
    return _any_phrase(tokens, low, high, start, end, guard.context, guard.max_context_words)


class PhraseStarts:
    """Where the phrases of one set begin in a text, each with the length of the shortest
    phrase starting there: built once in linear time, so that asking "is one of them in
    this window?" for each of many mentions costs a binary search, not a scan of the
    window (1.8 MB of "R R R ..." is 900,000 mentions of an ambiguous form)."""

    def __init__(self, tokens: Tokens, phrases: frozenset[str], max_words: int) -> None:
        norms = tokens.norms
        count = len(norms)
        positions: list[int] = []
        lengths: list[int] = []
        for i in range(count):
            key = norms[i]
            size = 1 if key in phrases else 0
            j = i + 1
            while not size and j < min(count, i + max_words):
                key = f"{key} {norms[j]}"
                if key in phrases:
                    size = j - i + 1
                j += 1
            if size:
                positions.append(i)
                lengths.append(size)
        self._positions = positions
        self._lengths = lengths

    def any_within(self, low: int, high: int, start: int, end: int) -> bool:
        """As :func:`_any_phrase`: a phrase in ``[low, high)`` starting outside
        ``[start, end)``."""
        positions, lengths = self._positions, self._lengths
        index = bisect.bisect_left(positions, low)
        while index < len(positions) and positions[index] < high:
            at = positions[index]
            if not start <= at < end and at + lengths[index] <= high:
                return True
            if start <= at < end:  # jump over the mention itself
                index = bisect.bisect_left(positions, end, index)
                continue
            index += 1
        return False


#: How far an achievement's ``about`` words are looked for: its sentence or list item.
ABOUT_WINDOW = 60


def mentions_any(tokens: Tokens, start: int, end: int, phrases: frozenset[str]) -> bool:
    """Is one of ``phrases`` (stems of normalised words, joined by spaces) in the sentence
    or list item of ``[start, end)``, the match itself included? Words are compared as
    stems, so "model" also finds "models" and "modelling".

    >>> from skillgap.text import stem, tokenize
    >>> tokens = tokenize("Led a team of 5 ML engineers. Led a team of nurses.")
    >>> ml = frozenset({stem("engineer")})
    >>> mentions_any(tokens, 0, 3, ml), mentions_any(tokens, 7, 10, ml)
    (True, False)
    """
    low, high = context_span(tokens, start, end, ABOUT_WINDOW)
    longest = max(p.count(" ") + 1 for p in phrases)
    stems = tuple(stem(n) for n in tokens.norms[low:high])
    return any(
        " ".join(stems[i : i + size]) in phrases
        for i in range(len(stems))
        for size in range(1, longest + 1)
        if i + size <= len(stems)
    )


def _any_phrase(
    tokens: Tokens,
    low: int,
    high: int,
    start: int,
    end: int,
    phrases: frozenset[str],
    max_words: int,
) -> bool:
    """Does a phrase of ``phrases`` start in ``[low, high)`` outside ``[start, end)``?"""
    norms = tokens.norms
    for i in range(low, high):
        if start <= i < end:
            continue
        key = norms[i]
        if key in phrases:
            return True
        for j in range(i + 1, min(high, i + max_words)):
            key = f"{key} {norms[j]}"
            if key in phrases:
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


__all__ = [
    "ABOUT_WINDOW",
    "Guard",
    "case_matches",
    "context_span",
    "covered_by_phrase",
    "has_context",
    "mentions_any",
    "single_letter_reason",
]
