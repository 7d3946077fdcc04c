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
