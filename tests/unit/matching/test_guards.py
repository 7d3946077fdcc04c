"""The guards' fast paths (skillgap.matching.guards) against their plain references:
where a sentence or item ends, and whether a context phrase is in a window."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from skillgap.matching.guards import PhraseStarts, _any_phrase, _ends_item, _item_bounds
from skillgap.text import tokenize
from tests.helpers.strategies import MANY

# Few distinct words, so phrases and mentions recur; every kind of separator.
_WORDS = st.sampled_from(["r", "R", "data", "stats", "model", "x", "go"])
_SEPS = st.sampled_from([" ", ", ", ". ", "\n", "\n- ", "\n\n", "; ", " - ", "! "])
_TEXTS = st.lists(st.tuples(_WORDS, _SEPS), min_size=1, max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)
_PHRASES = frozenset({"data", "stats model", "model x go", "r data"})


def _reference_bounds(
    seps: tuple[str, ...], start: int, end: int, low: int, high: int
) -> tuple[int, int]:
    while start > low and not _ends_item(seps[start]):
        start -= 1
    while end < high and not _ends_item(seps[end]):
        end += 1
    return start, end


@MANY
@given(text=_TEXTS, data=st.data())
def test_item_bounds_match_the_plain_scan(text: str, data: st.DataObject) -> None:
    tokens = tokenize(text)
    count = len(tokens)
    start = data.draw(st.integers(0, count - 1))
    end = data.draw(st.integers(start + 1, count))
    low = data.draw(st.integers(0, start))
    high = data.draw(st.integers(end, count))
    assert _item_bounds(tokens, start, end, low, high) == _reference_bounds(
        tokens.seps, start, end, low, high
    )


@MANY
@given(text=_TEXTS, data=st.data())
def test_phrase_starts_answer_as_the_window_scan(text: str, data: st.DataObject) -> None:
    tokens = tokenize(text)
    count = len(tokens)
    starts = PhraseStarts(tokens, _PHRASES, 3)
    low = data.draw(st.integers(0, count - 1))
    high = data.draw(st.integers(low, count))
    start = data.draw(st.integers(low, max(low, high - 1)))
    end = data.draw(st.integers(start, high))
    assert starts.any_within(low, high, start, end) == _any_phrase(
        tokens, low, high, start, end, _PHRASES, 3
    )
