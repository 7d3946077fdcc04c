"""JSON read with positions (skillgap.io.json_source): a broken file is named with its line
and column, and every value keeps the line it was written on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from skillgap.profiles import load_profile
from tests.helpers.files import write
from tests.helpers.loading import profile_error


def test_truncated_json_error_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "t.json", '{\n  "basics": {\n    "name": "A"\n')
    assert profile_error(path).startswith(f"{path}:4:1: invalid JSON")


def test_json_resume_keeps_line_numbers_of_fields(tmp_path: Path) -> None:
    data = {
        "basics": {"name": "A"},
        "work": [
            {"position": "Dev", "startDate": "2019-01", "highlights": ["Shipped PyTorch models"]}
        ],
    }
    profile = load_profile(write(tmp_path, "r.json", json.dumps(data, indent=2)))
    segment = next(s for s in profile.segments if s.source == "work[0].highlights[0]")
    assert segment.line == 10
    assert profile.jobs[0].start == dt.date(2019, 1, 1)
