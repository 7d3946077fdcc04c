"""skillgap's own profile format (skillgap.profiles.skillgap_profile): every mistake named
with its position, numeric levels, and the ``self_assessment`` key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from skillgap.errors import InputError, ProfileError
from skillgap.profiles import load_profile
from skillgap.rubric.parse import load_rubric
from tests.helpers.bundled import INDEX
from tests.helpers.files import profile_file, write
from tests.helpers.loading import profile_error


def test_profile_unknown_key_gets_position_and_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, "me.yaml", "name: A\nexperience:\n  - titel: Engineer\n")
    message = profile_error(path)
    assert message.startswith(f"{path}:3:5: unknown key 'titel' in experience[0]")
    assert "did you mean 'title'?" in message


def test_profile_wrong_type_names_the_field(tmp_path: Path) -> None:
    path = write(tmp_path, "me.yaml", "name: A\nyears_experience: lots\nskills: [Python]\n")
    assert "'years_experience' must be a number" in profile_error(path)


def test_profile_dates_that_cannot_be_read_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "me.yaml", "experience:\n  - title: X\n    start: last spring\n")
    message = profile_error(path)
    assert message.startswith(f"{path}:3: 'experience[0].start' is 'last spring', not a date")


def test_numeric_levels_are_accepted_and_unknown_ones_warned(tmp_path: Path) -> None:
    from skillgap.analysis import analyze

    numeric = load_profile(write(tmp_path, "a.yaml", "skills:\n  - {name: Python, level: 3}\n"))
    assert numeric.declared_skills[0].level == "3"
    odd = load_profile(write(tmp_path, "b.yaml", "skills:\n  - {name: Python, level: wizard}\n"))
    report = analyze(odd, load_rubric())
    assert any(
        "level 'wizard' of 'Python' is not on the rubric's scale" in w for w in report.warnings
    )


# --------------------------------------------------------------------------- wrong types

# Wrong types in every field of the skillgap profile format.
PROFILE_FIELDS: dict[str, Any] = {
    "name": ["x"],
    "email": {"a": 1},
    "phone": [1],
    "location": [1],
    "links": "http://x",
    "headline": [1],
    "summary": {"a": 1},
    "years_experience": "many",
    "skills": "Python",
    "experience": "lots",
    "education": "PhD",
    "projects": 3,
    "publications": 3,
    "certifications": {"a": 1},
    "achievements": 5,
}


@pytest.mark.parametrize("field", sorted(PROFILE_FIELDS))
def test_wrong_type_in_every_profile_field(field: str, tmp_path: Path) -> None:
    data = {"summary": "Python engineer", field: PROFILE_FIELDS[field]}
    path = write(tmp_path, "p.json", json.dumps(data))
    with pytest.raises(InputError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and f"'{field}" in message


NESTED_PROFILE_FIELDS = {
    "skills": [{"name": "Python", "years": "ten"}],
    "experience": [{"title": "X", "highlights": "one"}],
    "education": [{"degree": "MSc", "year": "last"}],
    "projects": [{"name": "X", "skills": "Python"}],
}


@pytest.mark.parametrize("field", sorted(NESTED_PROFILE_FIELDS))
def test_wrong_type_inside_profile_entries(field: str, tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", json.dumps({field: NESTED_PROFILE_FIELDS[field]}))
    with pytest.raises(InputError, match=rf"'{field}\[0\]\.\w+' must be"):
        load_profile(path)


# --------------------------------------------------------------------------- self-assessment


def test_loader_keeps_each_rating_with_its_line(tmp_path: Path) -> None:
    profile = load_profile(
        profile_file(tmp_path, "self_assessment:\n  mlops: working\n  team-leadership: advanced\n")
    )
    assert [(s.requirement, s.level, s.source, s.line) for s in profile.self_assessed] == [
        ("mlops", "working", "self_assessment.mlops", 2),
        ("team-leadership", "advanced", "self_assessment.team-leadership", 3),
    ]


def test_a_profile_with_only_ratings_is_accepted(tmp_path: Path) -> None:
    profile = load_profile(profile_file(tmp_path, "self_assessment:\n  mlops: working\n"))
    assert profile.format == "skillgap" and len(profile.self_assessed) == 1


def test_rating_must_be_text(tmp_path: Path) -> None:
    path = profile_file(tmp_path, "self_assessment:\n  mlops: [working]\n")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert str(caught.value) == (f"{path}:2:10: 'self_assessment.mlops' must be text, got a list")


def test_the_skills_of_a_profile_are_one_list(tmp_path: Path) -> None:
    """An ambiguous entry is judged by the rest of the list: Spark among design tools is not
    Apache Spark, but "R" can only be the language."""
    design = load_profile(write(tmp_path, "a.yaml", "skills: [Photoshop, Spark, R]\n"))
    data = load_profile(write(tmp_path, "b.yaml", "skills: [Hadoop, {name: Spark, level: 3}]\n"))
    assert {d.neighbours for d in design.declared_skills} == {"Photoshop, Spark, R"}
    assert set(INDEX.match_profile(design).evidence) == {"R"}
    assert [e.level for e in INDEX.match_profile(data).evidence["Spark"]] == ["3"]


def test_a_json_profile_with_comments_and_trailing_commas_is_read_with_a_warning(
    tmp_path: Path,
) -> None:
    text = """{
  // skillgap profile written by hand, as JSON
  "name": "Ada",
  "summary": "Ships models; see https://ada.example.org /* not a comment */",
  "skills": ["Python", {"name": "PyTorch", "level": "advanced", "years": 4,},],
  "experience": [{"title": "ML Engineer", "start": "2019-03",},],
}
"""
    profile = load_profile(write(tmp_path, "me.json", text))
    assert profile.format == "skillgap"
    assert [(s.name, s.level, s.years) for s in profile.declared_skills] == [
        ("Python", None, None),
        ("PyTorch", "advanced", 4),
    ]
    assert [s.text for s in profile.segments] == [
        "Ships models; see https://ada.example.org /* not a comment */",
        "ML Engineer",
    ]
    assert all(s.line is None for s in profile.segments)
    (warning,) = profile.warnings
    assert warning.startswith("not strict JSON (a comment at line 2, column 3): read as JSON")


def test_a_mistake_in_a_lenient_json_profile_is_named_by_its_path(tmp_path: Path) -> None:
    text = '/* me */ {"name": "A", "experience": [{"titel": "Engineer",}],}'
    message = profile_error(write(tmp_path, "me.json", text))
    assert "unknown key 'titel' in experience[0]" in message
    assert "did you mean 'title'?" in message


def test_a_json_profile_broken_besides_its_comments_is_one_line_with_position(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "me.json", '{\n  "name": "A", // me\n  "skills": ["Python" "SQL"]\n}')
    assert profile_error(path).startswith(
        f"{path}:3:23: invalid JSON (read as JSON5 because of a comment at line 2): "
        "unexpected '\"'; check for a missing comma"
    )
