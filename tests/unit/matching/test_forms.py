"""The lookup tables of written forms (skillgap.matching.forms): the fuzzy edit allowance."""

from __future__ import annotations

from skillgap.matching.forms import fuzzy_allowance


def test_fuzzy_allowance_rises_with_length() -> None:
    assert [fuzzy_allowance(n) for n in (1, 3, 5, 6, 11, 12, 20)] == [0, 0, 0, 1, 1, 2, 2]
