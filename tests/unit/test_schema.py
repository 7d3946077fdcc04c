"""JSON Schemas (skillgap.schema): committed copies match the models, every field is
described, and real rubrics, profiles and reports validate against them with an
independent validator."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from skillgap.schema import DIALECT, SCHEMAS, json_schema, schema_text
from tests import conftest
from tests.conftest import ROOT

SCHEMA_DIR = ROOT / "schema"
BUNDLED = Path(str(resources.files("skillgap").joinpath("rubrics")))
FIXTURES = conftest.FIXTURES / "rubrics"
RUBRIC_FILES = sorted(BUNDLED.glob("*.yaml")) + sorted((FIXTURES / "valid").glob("*/rubric.yaml"))
#: A bundled rubric by its file name, a fixture case by its folder's.
RUBRIC_IDS = [p.parent.name if p.name == "rubric.yaml" else p.stem for p in RUBRIC_FILES]


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for owner in [schema, *schema.get("$defs", {}).values()]:
        for name, prop in owner.get("properties", {}).items():
            yield f"{owner.get('title', '?')}.{name}", prop


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_the_models(name: str) -> None:
    """If this fails, run: skillgap schema --write schema/"""
    committed = (SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8")
    assert committed == schema_text(name)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_draft_2020_12_with_id_and_title(name: str) -> None:
    schema = json_schema(name)
    assert schema["$schema"] == DIALECT
    assert schema["$id"] == f"urn:skillgap:schema:{name}"
    assert schema["title"].startswith("skillgap ")
    assert schema["description"]
    validator(name)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_has_a_description(name: str) -> None:
    undescribed = [
        where for where, prop in properties(json_schema(name)) if not prop.get("description")
    ]
    assert undescribed == []


@pytest.mark.parametrize("path", RUBRIC_FILES, ids=RUBRIC_IDS)
def test_rubrics_validate_against_the_exported_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator("rubric").iter_errors(data)
    ]
    assert errors == []


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("unknown-key", "Additional properties are not allowed ('wieght' was unexpected)"),
        ("id-not-slug", "'Data_Scientist' does not match"),
        ("out-of-range", "-3 is less than or equal to the minimum of 0"),
    ],
)
def test_the_schema_catches_what_validate_catches(name: str, needle: str) -> None:
    data = yaml.safe_load((FIXTURES / "invalid" / name / "rubric.yaml").read_text("utf-8"))
    messages = [e.message for e in validator("rubric").iter_errors(data)]
    assert any(needle in m for m in messages), messages


def test_every_bundled_rubric_starts_with_a_schema_comment_that_resolves() -> None:
    # The relative comment points into the repository, so it is checked on the source
    # tree's copies (an installed, e.g. compiled, package lives elsewhere).
    source = ROOT / "src" / "skillgap" / "rubrics"
    assert sorted(p.name for p in source.glob("*.yaml")) == sorted(
        p.name for p in BUNDLED.glob("*.yaml")
    )
    for path in sorted(source.glob("*.yaml")):
        first = path.read_text("utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path.name}: first line is {first!r}"
        target = (path.parent / match.group(1)).resolve()
        assert target == (SCHEMA_DIR / "rubric.schema.json").resolve(), path.name


def test_valid_fixture_schema_comments_resolve() -> None:
    for path in sorted((FIXTURES / "valid").glob("*/rubric.yaml")):
        first = path.read_text("utf-8").splitlines()[0]
        relative = first.split("$schema=", 1)[1]
        assert (path.parent / relative).resolve() == (SCHEMA_DIR / "rubric.schema.json"), path


def test_a_profile_validates_against_the_profile_schema() -> None:
    profile = {
        "$schema": "../schema/profile.schema.json",
        "name": "Sam Example",
        "summary": "ML engineer",
        "years_experience": 9,
        "skills": ["Python", {"name": "PyTorch", "level": "advanced", "years": 4}],
        "experience": [
            {
                "title": "ML Engineer",
                "company": "Acme",
                "start": "2019-03",
                "end": "present",
                "highlights": ["Led a team of 4"],
            }
        ],
        "education": [{"degree": "MSc", "field": "Computer Science", "year": 2015}],
    }
    assert list(validator("profile").iter_errors(profile)) == []
    assert list(validator("profile").iter_errors({"skils": []}))


def test_a_real_report_validates_against_the_report_schema(tmp_path: Path) -> None:
    from skillgap import analyze, load_profile, load_rubric

    path = tmp_path / "sam.txt"
    path.write_text(
        "Sam Example\n\nSKILLS\nPython, PyTorch, Kubernetes, SQL\n\n"
        "EXPERIENCE\nML Engineer, Acme   2015 - present\n- Led a team of 5\n",
        encoding="utf-8",
    )
    report = analyze(load_profile(path), load_rubric())
    document = json.loads(report.to_json())
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator("report").iter_errors(document)
    ]
    assert errors == []


#: The problems of the schema stage of `skillgap validate` (what a JSON Schema can say).
SCHEMA_RULES = frozenset(
    {
        "unknown-key",
        "missing-key",
        "out-of-range",
        "bad-value",
        "wrong-type",
        "empty",
        "id-not-slug",
        "schema",
    }
)
EVERY_FIXTURE = sorted(FIXTURES.glob("*/*/rubric.yaml"))


@pytest.mark.parametrize(
    "path", EVERY_FIXTURE, ids=[f"{p.parent.parent.name}/{p.parent.name}" for p in EVERY_FIXTURE]
)
def test_validate_and_the_published_schema_refuse_the_same_rubrics(path: Path) -> None:
    """One set of rules: a rubric `skillgap validate` finds a schema problem in is one the
    JSON Schema (and so check-jsonschema and editors) refuses, and the other way round.
    (Files YAML cannot read, and rubrics that `extends` another, which the schema does not
    describe, are left out.)"""
    from skillgap.lint.validate import validate_file

    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return
    if not isinstance(data, dict) or "extends" in data or "a" in data:  # 'a': the alias bomb
        return
    ours = {p.rule for p in validate_file(path) if p.rule in SCHEMA_RULES}
    theirs = [e.message for e in validator("rubric").iter_errors(data)]
    assert bool(ours) == bool(theirs), (sorted(ours), theirs[:3])
