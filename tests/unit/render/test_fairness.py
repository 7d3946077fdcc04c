"""Renderers of a counterfactual test (skillgap.render.fairness): one per format, text
from profiles and rubrics escaped."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from skillgap.fairness import RubricAudit, audit_rubric, bundled_profiles
from skillgap.render.fairness import AUDIT_RENDERERS, render_audit
from skillgap.render.formats import DiffFormat
from skillgap.render.options import RenderOptions
from skillgap.rubric.parse import load_rubric
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def audit() -> RubricAudit:
    rubric = load_rubric(FIXTURES / "fairness" / "proxy-rubric.yaml")
    return audit_rubric(
        rubric, bundled_profiles()[:1], as_of=dt.date(2025, 6, 1), families=["gendered-words"]
    )


def test_every_format_has_a_renderer() -> None:
    assert set(AUDIT_RENDERERS) == set(DiffFormat)


def test_terminal_names_the_requirement_and_the_evidence(audit: RubricAudit) -> None:
    text = render_audit(audit, DiffFormat.TERMINAL, RenderOptions(width=200))
    assert "Greek life [network, area background]: 0.0 → 75.0 (missing → met)" in text
    assert "added: 'Sigma Chi' as Sigma Chi (exact, leadership)" in text
    assert "\x1b" not in text  # no colour unless asked


def test_markdown_escapes_what_people_wrote(audit: RubricAudit) -> None:
    text = render_audit(audit, DiffFormat.MARKDOWN)
    assert "Data Analyst \\(with proxies\\)" in text
    assert "\\[network, area background\\]" in text


def test_json_is_the_audit(audit: RubricAudit) -> None:
    data = json.loads(render_audit(audit, DiffFormat.JSON))
    assert data["schema_version"] == "1.0" and data["passed"] is False
    assert data["changes"][0]["requirements"][0]["evidence"][0]["skill"] == "Sigma Chi"
