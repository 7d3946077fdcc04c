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


def _reference_split(text: str) -> list[str]:
    """The plain way: a character at a time, a bracket counting only if it closes."""
    closes: set[int] = set()
    stack: list[int] = []
    for index, char in enumerate(text):
        if char in "([{":
            stack.append(index)
        elif char in ")]}" and stack:
            closes.add(stack.pop())
    parts, current, depth, index = [], [], 0, 0
    while index < len(text):
        char = text[index]
        if char in "([{" and index in closes:
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
            current.append(char)
            index += 1
            continue
        if depth == 0:
            separator = skills_line._ITEM_SPLIT_RE.match(text, index)
            if separator is not None and separator.end() > index:
                parts.append("".join(current))
                current, index = [], separator.end()
                continue
        current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


@MANY
@given(
    text=st.lists(
        st.sampled_from(["(", ")", "[", "]", "{", "}", ", ", "; ", " | ", "Python", "R", " "]),
        max_size=30,
    ).map("".join)
)
def test_bracket_split_matches_the_plain_character_loop(text: str) -> None:
    assert skills_line._split_outside_brackets(text) == _reference_split(text)


def test_an_unclosed_bracket_does_not_swallow_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", "Jane Doe\n\nSkills: (Python, PyTorch, SQL\n")
    names = {s.name for s in load_profile(path).declared_skills}
    assert {"PyTorch", "SQL"} <= names


def test_a_resume_that_is_one_skills_line_is_read(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, "r.txt", "Skills: Python, SQL\n"))
    assert [s.name for s in profile.declared_skills] == ["Python", "SQL"]
    assert profile.identity.name is None


def test_level_words_with_their_noun_are_levels() -> None:
    assert _items("Python: high level") == [("Python", "high level", None)]
    assert _items("C#: intermediate  level") == [("C#", "intermediate level", None)]
    assert _items("Go – advanced proficiency") == [("Go", "advanced proficiency", None)]


def test_a_bare_label_over_a_nested_list_is_not_a_skill() -> None:
    assert _items("* Programming languages:") == []


def test_a_level_label_gives_its_level_to_the_items() -> None:
    assert _items("Advanced: Python, Java") == [
        ("Python", "Advanced", None),
        ("Java", "Advanced", None),
    ]
    assert _items("Expert level: SQL, Go (3 years)") == [
        ("SQL", "Expert level", None),
        ("Go", "Expert level", 3.0),
    ]


def test_a_level_line_over_items_gives_them_its_level(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cv.txt",
        "Dana Park\n\nSKILLS\nAdvanced level\nPython, Java\nIntermediate\nPHP, JavaScript\n"
        "\nTools: Docker\n",
    )
    declared = {s.name: s.level for s in load_profile(path).declared_skills}
    assert declared == {
        "Python": "Advanced level",
        "Java": "Advanced level",
        "PHP": "Intermediate",
        "JavaScript": "Intermediate",
        "Docker": None,  # after a blank line: the level no longer applies
    }


def test_high_level_reaches_the_rubric_scale(tmp_path: Path) -> None:
    from skillgap.rubric.model import level_rank
    from tests.helpers.bundled import RUBRIC

    assert level_rank(RUBRIC, "high level") == level_rank(RUBRIC, "advanced")
    assert level_rank(RUBRIC, "Expert level") == level_rank(RUBRIC, "expert")
    assert level_rank(RUBRIC, "medium") == level_rank(RUBRIC, "working")
