"""Structured profiles (skillgap.profiles.structured): files that are something else (a
rubric, a JSON Schema) are named as such, not scored."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.errors import ProfileError
from skillgap.profiles import load_profile
from tests.helpers.files import write
from tests.helpers.loading import profile_error
from tests.helpers.rubrics import GOOD_RUBRIC


def test_rubric_given_as_profile_says_so(tmp_path: Path) -> None:
    assert "is a rubric, not a profile" in profile_error(write(tmp_path, "r.yaml", GOOD_RUBRIC))


def test_json_schema_is_not_a_resume(tmp_path: Path) -> None:
    schema = (
        b'{"$schema": "http://json-schema.org/draft-07/schema#", "title": "Resume",'
        b' "type": "object", "properties": {"basics": {"type": "object"}}}'
    )
    with pytest.raises(ProfileError, match="is a JSON Schema, not a resume"):
        load_profile(write(tmp_path, "schema.json", schema))
