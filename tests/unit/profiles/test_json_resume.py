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


JSONC_RESUME = """// Exported by a JSON Resume site template
{
  "basics": {
    "name": "Ada Example", /* shown, never scored */
    "summary": "Builds ML systems // in \\"production\\"",
  },
  "work": [
    {
      "position": "ML Engineer",
      "startDate": "2019-01",
      "highlights": ["Shipped PyTorch models",], // trailing comma in an array
    },
  ],
  "skills": [{"name": "Python", "keywords": ["Kubernetes"],},],
}
"""


def test_json_resume_with_comments_and_trailing_commas_is_read_with_a_warning(
    tmp_path: Path,
) -> None:
    profile = load_profile(write(tmp_path, "resume.json", JSONC_RESUME))
    assert profile.format == "json-resume"
    assert profile.identity.name == "Ada Example"
    assert [d.name for d in profile.declared_skills] == ["Python", "Kubernetes"]
    summary = next(s for s in profile.segments if s.source == "basics.summary")
    assert summary.text == 'Builds ML systems // in "production"'
    assert summary.line is None  # json5 gives no positions; the path still locates it
    assert profile.jobs[0].title == "ML Engineer"
    assert profile.warnings == (
        (
            "not strict JSON (a comment at line 1, column 1): read as JSON with comments and "
            "trailing commas (JSON5); evidence from it has no line numbers"
        ),
    )
    strict = load_profile(
        write(tmp_path, "strict.json", json.dumps({"basics": {"summary": "Python"}}))
    )
    assert strict.warnings == ()


def test_json_resume_broken_besides_its_comments_is_one_line_with_position(
    tmp_path: Path,
) -> None:
    broken = JSONC_RESUME.replace('"startDate": "2019-01",', '"startDate": "2019-01"')
    path = write(tmp_path, "resume.json", broken)
    assert profile_error(path).startswith(
        f"{path}:11:7: invalid JSON (read as JSON5 because of a comment at line 1): unexpected '\"'"
    )


def test_a_wrong_type_in_a_lenient_json_resume_is_named_by_its_path(tmp_path: Path) -> None:
    path = write(tmp_path, "r.json", '{"basics": {"name": "A"}, "work": [{"highlights": 3,},]}')
    assert profile_error(path) == (
        f"{path}: 'work[0].highlights' must be a list, got a number; fix the JSON Resume or "
        "leave the field out"
    )
