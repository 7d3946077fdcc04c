"""The lookup tables of written forms (skillgap.matching.forms): the fuzzy edit allowance
and the slips of the keyboard five-letter names forgive."""

from __future__ import annotations

from skillgap.matching.forms import fuzzy_allowance, is_slip


def test_fuzzy_allowance_rises_with_length() -> None:
    """Five-letter names allow one edit, but only a slip (see below)."""
    assert [fuzzy_allowance(n) for n in (1, 3, 4, 5, 6, 11, 12, 20)] == [0, 0, 0, 1, 1, 1, 2, 2]


def test_a_slip_is_two_neighbours_swapped_or_one_letter_doubled() -> None:
    assert is_slip("kears", "keras") and is_slip("kerras", "keras")
    assert is_slip("pytroch", "pytorch") and is_slip("tensorflwo", "tensorflow")
    assert not is_slip("keras", "keras")
    assert not is_slip("kera", "keras")  # a letter dropped
    assert not is_slip("kerax", "keras")  # a letter changed
    assert not is_slip("kresa", "keras")  # letters swapped that are not neighbours
    assert not is_slip("kerabs", "keras")  # a letter added that doubles none
