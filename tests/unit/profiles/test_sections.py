"""The sections of a resume (skillgap.profiles.sections): headings found by their telling word."""

from __future__ import annotations

from pathlib import Path

from skillgap.profiles import load_profile
from tests.helpers.files import write


def test_unlisted_headings_are_recognised_by_their_telling_word(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.txt",
        "RELEVANT WORK EXPERIENCE\nAnalyst   Jan 2019 – Jan 2021\n"
        "\nAwards & Recognition\nBest paper\n",
    )
    profile = load_profile(path)
    assert [s.source for s in profile.segments] == ["experience", "awards"]
    assert len(profile.jobs) == 1


def test_more_heading_words_name_sections() -> None:
    from skillgap.profiles.sections import heading_section

    assert heading_section("CAREER, IN ORDER") == "experience"
    assert heading_section("WHERE I'VE WORKED") == "experience"
    assert heading_section("ROLES HELD") == "experience"
    assert heading_section("TRACK RECORD") == "experience"
    assert heading_section("Latest Professional Experiences") == "experience"
    assert heading_section("STUDIES") == "education"
    assert heading_section("ACADEMIC TRAINING") == "education"
    assert heading_section("DOCTORATE AND DEGREE") == "education"
    assert heading_section("ACADEMIC PROJECTS") == "projects"
    # In title case these words are too often a job's title.
    assert heading_section("Social Work Intern") is None
    assert heading_section("Career Coach") is None
    # A list in capitals is no heading.
    assert heading_section("PYTHON, SQL, SPARK") is None


def test_unlisted_headings_in_capitals() -> None:
    from skillgap.profiles.sections import unlisted_heading

    assert unlisted_heading("WHERE I'VE BEEN") == "other"
    assert unlisted_heading("EXAMPLE STATE UNIVERSITY") == "education"
    assert unlisted_heading("Where I've been") is None
    assert unlisted_heading("MIT, CAMBRIDGE, MA") is None
    assert unlisted_heading("AWS") is None
