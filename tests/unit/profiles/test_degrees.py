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


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("M.A (English Literature) from Example Open University in 2017", "master"),
        ("B.A (Honours in History) from Example College", "bachelor"),
        ("MCA (Computers), Example University", "master"),
        ("H.B.Sc. in Physics, Example University", "bachelor"),
        ("B.F.A., Communication Design, 2017", "bachelor"),
        ("Micro-Masters in Data, Economics, and Development Policy", None),
    ],
)
def test_more_degree_spellings(line: str, level: str | None) -> None:
    assert degrees.degree_level(line) == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I hold a PhD in Statistics from Example University.", "phd"),
        ("She holds an MSc in machine learning.", "master"),
        ("Master's degree in Computer Science", "master"),
        ("B.Tech in ECE", "bachelor"),
        ("I earned a Bachelor of Arts in Economics and later an MBA in finance.", "master"),
        ("After a doctorate in biomedical engineering I moved to industry.", "phd"),
        ("My doctorate is in computational linguistics.", "phd"),
        ("I received an M.Sc. degree in 2018 from Example University of Technology.", "master"),
        ("graduated with a Bachelor of Science.", "bachelor"),
        ("Sam Example, PhD", "phd"),
        ("M.S. Computer Science, Example State University", "master"),
        ("I mentor juniors and hold a PhD in physics.", "phd"),
    ],
)
def test_degrees_held_in_prose(text: str, level: str) -> None:
    assert degrees.held_degree_level(text) == level


@pytest.mark.parametrize(
    "text",
    [
        "PhD students I mentored went on to industry.",
        "Mentored two PhD students and an intern.",
        "supervised two MSc theses on graph models",
        "I supervised a summer PhD intern in each of 2023 and 2024.",
        "Led the master data management programme.",
        "Organised a Bachelor party for a colleague.",
        "Gave lectures for the bachelor programme.",
        "Interviewed MSc graduates for the team.",
        "Partner of MSC Software as Senior Manager",
        "Pursuing a Ph.D. in Machine Learning.",
        "I am completing a master's degree in computer science.",
        "MSc CS student (ML track), done 06/2026.",
        "PhD researcher at an example lab",
        "Sat on a PhD committee in 2021.",
        "Master of ceremonies at the company conference",
        "Bachelor",
    ],
)
def test_degrees_not_held_in_prose(text: str) -> None:
    assert degrees.held_degree_level(text) is None


def test_an_education_section_entry_needs_no_verb_but_must_be_the_writers() -> None:
    assert degrees.held_degree_level("MSc Data Science (expected 2026)", listed=True) == "master"
    assert degrees.held_degree_level("MSc Data Science (expected 2026)") is None
    assert degrees.held_degree_level("Supervised two MSc theses", listed=True) is None


def test_the_strongest_degree_held_is_the_one_given() -> None:
    text = "I hold a BSc in Physics and a PhD in Astronomy; I mentor MSc students."
    held = degrees.held_degree(text)
    assert held is not None and held[0] == "phd" and held[1].group() == "PhD"


@MANY
@given(text=st.lists(_DEGREE_PIECES | TEXTS, max_size=8).map("".join))
def test_the_word_check_never_misses_a_degree_the_pattern_finds(text: str) -> None:
    """held_degree skips the patterns for lines that hold no degree word."""
    assert degrees._may_name_degree(text) or degrees._ANY_DEGREE_RE.search(text) is None


@MANY
@given(text=st.lists(_DEGREE_PIECES | TEXTS, max_size=8).map(" ".join))
def test_a_degree_held_is_a_degree_named(text: str) -> None:
    held = degrees.held_degree(text, listed=True)
    assert held is None or degrees.degree_level(text) is not None
