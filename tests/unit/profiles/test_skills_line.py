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
