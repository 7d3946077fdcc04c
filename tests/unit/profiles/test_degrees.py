"""Degrees as resumes write them (skillgap.profiles.degrees): spellings, and the one-pass
detection checked against the four patterns it replaced, strongest first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgap.profiles import degrees
from tests.helpers.strategies import MANY, TEXTS


def reference_degree_level(text: str) -> str | None:
    """Degree detection as first written: the four patterns, strongest first."""
    for level, pattern in degrees._DEGREE_PATTERNS:
        if pattern.search(text):
            return level
    return None


_DEGREE_PIECES = st.sampled_from(
    [
        "PhD",
        "Ph.D.",
        "D.Phil",
        "Doctor of Science",
        "MSc",
        "M.S.",
        "MS in",
        "MA of",
        "MBA",
        "Master's",
        "Dipl.-Inf.",
        "postgraduate",
        "B.Sc.",
        "BS in",
        "BA ",
        "B.E.",
        "A.A.S.",
        "Associate degree",
        "bachelor",
        "computer science",
        "(",
        ",",
        " ",
        ".",
        "MS Office",
        "BE careful",
        "2019",
        "x",
    ]
)


@MANY
@given(text=st.lists(_DEGREE_PIECES | TEXTS, max_size=8).map("".join))
def test_degree_detection_matches_the_four_pattern_reference(text: str) -> None:
    assert degrees.degree_level(text) == reference_degree_level(text)


@given(text=st.lists(_DEGREE_PIECES, max_size=6).map(" ".join))
@MANY
def test_degree_detection_on_degree_words(text: str) -> None:
    assert degrees.degree_level(text) == reference_degree_level(text)


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("M.A. in Applied Economics, University of Colorado, 2018", "master"),
        ("B.A. in Economics", "bachelor"),
        ("B.E. in Computer Science", "bachelor"),
        ("BS Computer Science, 2012", "bachelor"),
        ("MS in Statistics", "master"),
        ("Ph.D., Computer Science", "phd"),
        ("Dipl.-Inf. (Informatik)", "master"),
        ("Microsoft Office (MS Office)", None),
        ("Portland, ME 04101", None),
    ],
)
def test_degree_spellings(line: str, level: str | None) -> None:
    from skillgap.profiles.degrees import degree_level

    assert degree_level(line) == level
