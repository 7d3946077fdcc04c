"""Near spellings looked up in bulk (rapidfuzz's process.extract over the forms that
share a first letter) find exactly what comparing form by form finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.matching.index import SkillIndex
from skillgap.rubric.parse import load_rubric

INDEX = SkillIndex(load_rubric())
FUZZY = INDEX._fuzzy
FORMS = sorted({form.compact for forms in INDEX._table.fuzzy_by_first.values() for form in forms})


def test_typos_of_real_forms_are_found_as_form_by_form() -> None:
    """Every form with a letter dropped, doubled, swapped or changed."""
    checked = 0
    for target in FORMS:
        for i in range(1, len(target)):
            for key in (
                target[:i] + target[i + 1 :],
                target[:i] + target[i] + target[i:],
                target[: i - 1] + target[i] + target[i - 1] + target[i + 1 :],
                target[:i] + "x" + target[i + 1 :],
            ):
                assert FUZZY.best(key) == FUZZY.best_one_by_one(key), key
                checked += 1
    assert checked > 5_000


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(FORMS).flatmap(
        lambda form: st.text(alphabet=form + "aeiouxz", min_size=3, max_size=len(form) + 3).map(
            lambda tail: form[0] + tail
        )
    )
)
def test_any_word_finds_what_form_by_form_finds(key: str) -> None:
    assert FUZZY.best(key) == FUZZY.best_one_by_one(key)
