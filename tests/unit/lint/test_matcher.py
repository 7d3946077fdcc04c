"""The lint's fuzzy-collision search (skillgap.lint.matcher): the index (forms filed by
first letter and length, compared in bulk by rapidfuzz) finds exactly the forms, and the
edit counts, that a comparison with every form finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from skillgap.lint.context import FormRef
from skillgap.lint.matcher import _ReachIndex
from skillgap.matching.forms import MIN_SLIP_LENGTH, fuzzy_allowance
from tests.helpers.strategies import MANY

# Few letters, so that near names are common; lengths around the 12-letter reach step.
_NAMES = st.text(st.sampled_from("abcde"), min_size=MIN_SLIP_LENGTH, max_size=36)


def _form(i: int, name: str) -> FormRef:
    return FormRef(skill=i, text=name, loc=("skills", i), kind="name", norms=(name,))


@MANY
@given(names=st.lists(_NAMES, min_size=1, max_size=30), text=_NAMES)
def test_the_index_finds_what_comparing_with_every_form_finds(names: list[str], text: str) -> None:
    forms = [_form(i, n) for i, n in enumerate(names)]
    index = _ReachIndex(forms)
    found = index.near(text)
    assert all(distance == OSA.distance(text, f.compact) for f, distance in found)
    within = {f.skill for f, d in found if 0 < d <= fuzzy_allowance(len(f.compact))}
    brute = {
        f.skill
        for f in forms
        if f.compact[:1] == text[:1]
        and 0 < OSA.distance(text, f.compact) <= fuzzy_allowance(len(f.compact))
    }
    assert within == brute
