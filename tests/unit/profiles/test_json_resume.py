"""JSON Resume profiles (skillgap.profiles.json_resume): both location forms, missing
sections, and a wrong type in any section named by its path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.errors import InputError
from skillgap.profiles import load_profile
from tests.helpers.bundled import INDEX
from tests.helpers.files import write
from tests.helpers.loading import profile_error


def test_json_resume_wrong_type_names_the_path(tmp_path: Path) -> None:
    data = {"basics": {"name": "A"}, "work": [{"position": "Dev", "highlights": "Python"}]}
    path = write(tmp_path, "r.json", json.dumps(data, indent=2))
    assert "'work[0].highlights' must be a list" in profile_error(path)


def test_json_resume_both_location_forms_and_missing_sections(tmp_path: Path) -> None:
    new = {
        "basics": {"name": "A", "location": {"city": "Oslo", "countryCode": "NO"}},
        "skills": [{"name": "ML", "level": "Advanced", "keywords": ["PyTorch"]}],
    }
    old = {"basics": {"name": "B", "location": "Oslo, Norway", "summary": "Python dev"}}
    first = load_profile(write(tmp_path, "new.json", json.dumps(new)))
    second = load_profile(write(tmp_path, "old.json", json.dumps(old)))
    assert first.identity.location == "Oslo, NO"
    assert [(d.name, d.level) for d in first.declared_skills] == [
        ("ML", "Advanced"),
        ("PyTorch", "Advanced"),
    ]
    assert second.identity.location == "Oslo, Norway"
    assert second.format == "json-resume"


JSON_RESUME_FIELDS = {
    "basics": ["x"],
    "work": {"a": 1},
    "volunteer": "x",
    "education": 3,
    "awards": "x",
    "publications": {"a": 1},
    "skills": "Python",
    "projects": 4,
    "certificates": "x",
}


@pytest.mark.parametrize("field", sorted(JSON_RESUME_FIELDS))
def test_wrong_type_in_every_json_resume_section(field: str, tmp_path: Path) -> None:
    data = {"basics": {"name": "A", "summary": "Python"}, field: JSON_RESUME_FIELDS[field]}
    path = write(tmp_path, "r.json", json.dumps(data))
    with pytest.raises(InputError, match=rf"'{field}' must be"):
        load_profile(path)


def test_each_skills_entry_is_one_list_for_ambiguous_names(tmp_path: Path) -> None:
    """Keywords of one skills entry are one list: "Spark" among design tools is Spark AR."""
    data = {
        "basics": {"name": "A"},
        "skills": [
            {"name": "Design", "keywords": ["Photoshop", "Spark", "Figma"]},
            {"name": "Data", "keywords": ["Kafka", "Spark"]},
        ],
        "projects": [{"name": "Filters", "keywords": ["Spark", "Lens Studio"]}],
    }
    profile = load_profile(write(tmp_path, "r.json", json.dumps(data, indent=2)))
    sparks = [d for d in profile.declared_skills if d.name == "Spark"]
    assert [d.neighbours for d in sparks] == [
        "Design, Photoshop, Spark, Figma",
        "Data, Kafka, Spark",
        "Spark, Lens Studio",
    ]
    evidence = INDEX.match_profile(profile).evidence["Spark"]
    assert [e.source for e in evidence] == ["skills[1].keywords[1]"]
