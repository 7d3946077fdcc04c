"""The audit's outputs (skillgap.render.audit, .audit_html): one renderer per format, the
JSON valid against the committed schema, and text from the input files inert in every
medium: HTML escaped, Markdown escaped, nothing a terminal or spreadsheet would run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from skillgap.audit import AuditReport, run_audit
from skillgap.render import RenderOptions
from skillgap.render.audit import AUDIT_RENDERERS, render_audit
from skillgap.render.formats import OutputFormat
from skillgap.rubric.model import Rubric
from tests.conftest import ROOT
from tests.unit.audit import synthetic

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","x")'
AREA = "<img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, rubric: Rubric) -> AuditReport:
    """An audit whose labels, column names and an area name are hostile."""
    base = tmp_path_factory.mktemp("hostile")
    people = synthetic.people()[:300]
    rows = [synthetic.batch_row(p, rubric) for p in people]
    results = synthetic.write_results(base / "results.csv", rubric, rows)
    text = results.read_text("utf-8")
    results.write_text(text.replace(rubric.areas[0].name, AREA, 1), encoding="utf-8")
    labels = [SCRIPT, FORMULA, "a|b *c* [d](e)", "\x1b[31mred\x1b[0m"]
    lines = ['id,"<b>sex</b>",race']
    for index, person in enumerate(people):
        label = labels[index % len(labels)].replace('"', '""')
        lines.append(f'{person.id},"{label}",{"Asian" if index % 3 else "White"}')
    groups = base / "groups.csv"
    groups.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run_audit(results, groups)


def test_every_format_has_an_audit_renderer() -> None:
    assert set(AUDIT_RENDERERS) == set(OutputFormat)


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_format_renders_deterministically(hostile: AuditReport, fmt: OutputFormat) -> None:
    first = render_audit(hostile, fmt)
    assert first and first == render_audit(hostile, fmt)


def test_the_json_validates_against_the_committed_schema(hostile: AuditReport) -> None:
    schema = json.loads((ROOT / "schema" / "audit.schema.json").read_text("utf-8"))
    document = json.loads(render_audit(hostile, "json"))
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in Draft202012Validator(schema).iter_errors(document)
    ]
    assert errors == []
    assert document["type"] == "skillgap-audit"


def test_html_escapes_every_label_and_loads_nothing(hostile: AuditReport) -> None:
    html = render_audit(hostile, "html")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<b>sex</b>" not in html and "&lt;b&gt;sex&lt;/b&gt;" in html
    assert "\x1b" not in html
    assert "Content-Security-Policy" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", html)
    assert html.count("<svg") == len(hostile.columns)


def test_markdown_escapes_labels(hostile: AuditReport) -> None:
    text = render_audit(hostile, "markdown")
    assert SCRIPT not in text and "\\<script\\>" in text
    assert "a\\|b \\*c\\* \\[d\\]\\(e\\)" in text
    assert "\x1b" not in text
    rows = [line for line in text.splitlines() if line.startswith("| a\\|b")]
    assert rows
    for line in rows:  # nine cells: the label's pipe does not split one
        assert len(re.findall(r"(?<!\\)\|", line)) == 10, line


def test_a_formula_label_is_only_text(hostile: AuditReport) -> None:
    """Terminal and Markdown show it as written; neither is a spreadsheet, and no cell of
    the audit is ever written as CSV."""
    terminal = render_audit(hostile, "terminal", RenderOptions(width=200))
    assert "=HYPERLINK" in terminal and "\x1b" not in terminal
    assert "=HYPERLINK" in render_audit(hostile, "markdown")


def test_terminal_colour_is_only_ours(hostile: AuditReport) -> None:
    coloured = render_audit(hostile, "terminal", RenderOptions(color=True, width=200))
    assert "\x1b[31mred" not in coloured  # the label's own escape is gone
    assert "red" in coloured


def test_the_trail_is_in_every_human_format(hostile: AuditReport) -> None:
    sha = hostile.trail.results.sha256
    rubric = hostile.trail.batch.rubric
    assert rubric is not None and rubric.sha256
    for fmt in ("terminal", "markdown", "html"):
        text = render_audit(hostile, fmt, RenderOptions(width=300))
        assert sha in text and rubric.sha256 in text, fmt
        assert "as of" in text.lower() or "As of" in text, fmt


def test_area_gaps_name_the_area_that_differs(tmp_path: Path, rubric: Rubric) -> None:
    """The first area scores 50 for women and 80 for men: the largest gap."""
    results = synthetic.write_results(tmp_path / "results.jsonl", rubric)
    groups = tmp_path / "groups.csv"
    groups.write_text(synthetic.groups_text(), encoding="utf-8")
    report = run_audit(results, groups)
    text = render_audit(report, "markdown")
    section = text.split("## sex\n", 1)[1]
    gaps = section.split("Largest gaps in mean area score:", 1)[1]
    first = gaps.strip().splitlines()[0]
    assert first == f"- {rubric.areas[0].name}: Female 50.0, Male 80.0"
