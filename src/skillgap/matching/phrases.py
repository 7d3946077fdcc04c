"""Phrases matched by their stems: practice phrases of ``inflect`` skills ("led a team")
and achievements ("presented the roadmap to the CFO").

Word forms are folded (:func:`skillgap.text.stem`), stopwords skipped, and other words
may sit between the words of a phrase, never across punctuation, a list item or a
paragraph: up to :data:`~.forms.PHRASE_GAP` in a practice phrase, up to
:data:`~.forms.ACHIEVEMENT_GAP` in an achievement. "Hired and onboarded 12 engineers" is
*hire engineers*; "Presented the forecasting roadmap quarterly to the CFO" is *present …
CFO*.
"""

from __future__ import annotations

from ..text import STOPWORDS, Tokens, stem
from .forms import Form, FormTable, Memo


class PhraseFinder:
    """Finds a form table's stemmed phrases in text."""

    def __init__(self, table: FormTable) -> None:
        self._phrases = table.stem_phrases
        self._seconds = table.stem_seconds
        self._reach = table.max_gap + 2
        self._stem = Memo(stem)

    def find(self, tokens: Tokens) -> list[tuple[int, int, Form]]:
        """(first token, token after the last, form) of every phrase in ``tokens``."""
        norms = tokens.norms
        breaks = tokens.breaks
        phrases = self._phrases
        stem_of = self._stem
        reach = self._reach
        kept = [i for i, n in enumerate(norms) if n not in STOPWORDS]
        stems = [stem_of[norms[i]] for i in kept]
        count = len(stems)
        windows: dict[int, dict[str, int]] = {}

        def window(position: int) -> dict[str, int]:
            """The words that may continue a phrase at ``position``: the next kept words
            (as far as the widest gap reaches) up to punctuation (between two kept words,
            or in the stopwords skipped between them), each at its first position."""
            found = windows.get(position)
            if found is None:
                found = {}
                for candidate in range(position + 1, min(count, position + reach)):
                    previous, current = kept[candidate - 1], kept[candidate]
                    if breaks[current] or (
                        current > previous + 1
                        and any(breaks[k] for k in range(previous + 1, current))
                    ):
                        break
                    found.setdefault(stems[candidate], candidate)
                windows[position] = found
            return found

        seconds = self._seconds
        hits: list[tuple[int, int, Form]] = []
        for a, first in enumerate(stems):
            entries = phrases.get(first)
            if not entries:
                continue
            # Most phrase openers ("data", "lead") are followed by none of their phrases'
            # second words at all; only then is the window (punctuation and all) needed.
            if seconds[first].isdisjoint(stems[a + 1 : a + reach]):
                following: dict[str, int] = {}
            else:
                following = window(a)
            for phrase, form in entries:
                step = form.gap + 1
                position = a
                if len(phrase) > 1:
                    position = following.get(phrase[1], -1)
                    if position - a > step:
                        position = -1
                for word in phrase[2:]:
                    if position < 0:
                        break
                    after = window(position).get(word, -1)
                    position = after if 0 <= after - position <= step else -1
                if position >= 0:
                    hits.append((kept[a], kept[position] + 1, form))
        return hits


__all__ = ["PhraseFinder"]
