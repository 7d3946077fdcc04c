"""Near spellings: which form, if any, a word written with a typo was meant to be.

Only after names and aliases, and only for words not already matched: the first letter
is fixed; a form of 6 or more characters allows 1 edit up to 11 characters and 2 from 12
(1 in a multi-word form), never a changed last letter unless two letters were swapped;
a 5-character form allows only a slip of the keyboard (two neighbours swapped, one
letter doubled). The answer for each key is remembered.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .forms import MIN_FUZZY_LENGTH, Form, fuzzy_allowance, is_slip

#: Most keys remembered before the memory is emptied.
_CACHE_LIMIT = 200_000


class FuzzyLookup:
    """The fuzzy side of a :class:`~skillgap.matching.index.SkillIndex`.

    A word seen for the first time is compared with every form that starts with its
    letter in one call to rapidfuzz (``process.extract`` with a cut-off of two edits,
    in C), and only the few forms that close are judged by the rules above: half the
    time of comparing form by form in Python (2.5 against 4.9 µs a new word, on the
    bundled rubric). :meth:`best_one_by_one` is that
    form-by-form reference, which the tests hold :meth:`best` to.
    """

    def __init__(self, by_first: dict[str, list[Form]]) -> None:
        self._by_first = by_first
        self._targets = {first: [f.compact for f in forms] for first, forms in by_first.items()}
        self._cache: dict[str, tuple[Form, float] | None] = {}

    def best(self, key: str) -> tuple[Form, float] | None:
        """The closest form ``key`` is a near spelling of, with its similarity, if any."""
        cache = self._cache
        if key in cache:
            return cache[key]
        best: tuple[Form, float] | None = None
        if len(key) >= MIN_FUZZY_LENGTH - 1 and any(ch.isalpha() for ch in key):
            forms = self._by_first.get(key[0], ())
            if forms:
                near = process.extract(
                    key,
                    self._targets[key[0]],
                    scorer=OSA.distance,
                    score_cutoff=_MOST_EDITS,
                    limit=None,
                )
                for _, distance, index in sorted(near, key=lambda hit: hit[2]):
                    best = _better(best, key, forms[index], int(distance))
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[key] = best
        return best

    def best_one_by_one(self, key: str) -> tuple[Form, float] | None:
        """What :meth:`best` finds, comparing ``key`` with each form in turn (the
        reference; not memoised)."""
        best: tuple[Form, float] | None = None
        if len(key) >= MIN_FUZZY_LENGTH - 1 and any(ch.isalpha() for ch in key):
            for form in self._by_first.get(key[0], ()):
                distance = OSA.distance(key, form.compact, score_cutoff=_MOST_EDITS)
                best = _better(best, key, form, distance)
        return best


#: The most edits any form allows (see :func:`~.forms.fuzzy_allowance`).
_MOST_EDITS = 2


def _better(
    best: tuple[Form, float] | None, key: str, form: Form, distance: int
) -> tuple[Form, float] | None:
    """``best``, or ``form`` if ``key`` is a near spelling of it and a closer one."""
    target = form.compact
    allowed = fuzzy_allowance(len(target))
    if len(form.norms) > 1:
        allowed = min(allowed, 1)  # edits in one word of a phrase make another
    if allowed == 0 or abs(len(target) - len(key)) > allowed:
        return best
    slip = is_slip(key, target)
    if len(target) < MIN_FUZZY_LENGTH and not slip:
        return best  # a short name forgives a slip of the keyboard only
    if distance == 0 or distance > allowed:
        return best
    if distance == 1 and len(key) == len(target) and key[-1] != target[-1] and not slip:
        return best  # one changed last letter is a different word: docket, docker
    similarity = 1.0 - distance / max(len(key), len(target))
    if best is None or (similarity, best[0].skill) > (best[1], form.skill):
        return (form, similarity)
    return best


__all__ = ["FuzzyLookup"]
