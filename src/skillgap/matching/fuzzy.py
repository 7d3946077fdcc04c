"""Near spellings: which form, if any, a word written with a typo was meant to be.

Only after names and aliases, and only for words not already matched: the first letter
is fixed; a form of 6 or more characters allows 1 edit up to 11 characters and 2 from 12
(1 in a multi-word form), never a changed last letter unless two letters were swapped;
a 5-character form allows only a slip of the keyboard (two neighbours swapped, one
letter doubled). The answer for each key is remembered.
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from .forms import MIN_FUZZY_LENGTH, Form, fuzzy_allowance, is_slip

#: Most keys remembered before the memory is emptied.
_CACHE_LIMIT = 200_000


class FuzzyLookup:
    """The fuzzy side of a :class:`~skillgap.matching.index.SkillIndex`."""

    def __init__(self, by_first: dict[str, list[Form]]) -> None:
        self._by_first = by_first
        self._cache: dict[str, tuple[Form, float] | None] = {}

    def best(self, key: str) -> tuple[Form, float] | None:
        """The closest form ``key`` is a near spelling of, with its similarity, if any."""
        cache = self._cache
        if key in cache:
            return cache[key]
        best: tuple[Form, float] | None = None
        if len(key) >= MIN_FUZZY_LENGTH - 1 and any(ch.isalpha() for ch in key):
            for form in self._by_first.get(key[0], ()):
                target = form.compact
                allowed = fuzzy_allowance(len(target))
                if len(form.norms) > 1:
                    allowed = min(allowed, 1)  # edits in one word of a phrase make another
                if allowed == 0 or abs(len(target) - len(key)) > allowed:
                    continue
                slip = is_slip(key, target)
                if len(target) < MIN_FUZZY_LENGTH and not slip:
                    continue  # a short name forgives a slip of the keyboard only
                distance = OSA.distance(key, target, score_cutoff=allowed)
                if distance == 0 or distance > allowed:
                    continue
                if distance == 1 and len(key) == len(target) and key[-1] != target[-1] and not slip:
                    continue  # one changed last letter is a different word: docket, docker
                similarity = 1.0 - distance / max(len(key), len(target))
                if best is None or (similarity, best[0].skill) > (best[1], form.skill):
                    best = (form, similarity)
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[key] = best
        return best


__all__ = ["FuzzyLookup"]
