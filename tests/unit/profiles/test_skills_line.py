"""Skills lines (skillgap.profiles.skills_line): items split at the top level, spoken
languages skipped, and the fast paths (the label pre-check, the one-pass split) checked
against the plain versions."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from skillgap.profiles import load_profile, skills_line
from tests.helpers.files import write
from tests.helpers.strategies import MANY, TEXTS


@MANY
@given(
    text=st.lists(
        st.sampled_from(["Skills: ", "Tools | ", "Languages：", "- ", "x"]) | TEXTS, max_size=5
    ).map("".join)
)
def test_label_line_pre_check_never_hides_a_label(text: str) -> None:
    line = text.replace("\n", " ")
    if skills_line._LABEL_LINE_RE.match(skills_line._BULLET_RE.sub("", line)):
        assert skills_line.may_be_label(line)


@MANY
@given(text=TEXTS)
def test_skills_line_split_matches_the_bracket_aware_loop(text: str) -> None:
    assert skills_line._split_top_level(text) == skills_line._split_outside_brackets(text)


def test_skills_lines_split_at_top_level_and_skip_spoken_languages(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        "SKILLS\nR (tidyverse, dplyr), Python (expert), SQL\nGerman (native), English (fluent)\n",
    )
    declared = [(d.name, d.level) for d in load_profile(path).declared_skills]
    assert declared == [
        ("R", None),
        ("tidyverse", None),
        ("dplyr", None),
        ("Python", "expert"),
        ("SQL", None),
    ]


def _items(line: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (s.name, s.level, s.years)
        for s in skills_line.declared_items(line, line=1, source="skills", spoken_too=False)
    ]


def test_a_skill_keeps_its_level_after_a_colon_or_a_dash() -> None:
    assert _items("Python: expert") == [("Python", "expert", None)]
    assert _items("SQL – advanced") == [("SQL", "advanced", None)]
    assert _items("C++: proficient") == [("C++", "proficient", None)]
    assert _items("Python - expert, SQL - working") == [
        ("Python", "expert", None),
        ("SQL", "working", None),
    ]


def test_a_skill_keeps_its_years_after_a_colon_or_in_parentheses() -> None:
    assert _items("R: 5 years") == [("R", None, 5.0)]
    assert _items("Machine Learning: 5+ years") == [("Machine Learning", None, 5.0)]
    assert _items("Go (3 years)") == [("Go", None, 3.0)]
    assert _items("Python: expert, 5 years") == [("Python", "expert", 5.0)]


def test_a_label_naming_a_list_is_not_a_skill() -> None:
    assert _items("Languages: Python, R, SQL") == [
        ("Python", None, None),
        ("R", None, None),
        ("SQL", None, None),
    ]
    assert _items("Tools: Docker, Kubernetes - intermediate") == [
        ("Docker", None, None),
        ("Kubernetes", "intermediate", None),
    ]
    assert _items("Spanish: native") == []


def test_levels_in_a_skills_section_reach_the_evidence(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cv.txt",
        "Dana Park\n\nSKILLS\nPython: expert\nR: 5 years\nSQL – advanced\n",
    )
    declared = {s.name: (s.level, s.years) for s in load_profile(path).declared_skills}
    assert declared == {"Python": ("expert", None), "R": (None, 5.0), "SQL": ("advanced", None)}
