"""Drift tests for the documentation: what the docs point at exists, and the complete
example rubric they show validates cleanly."""

from __future__ import annotations

import re

from skillgap.lint.validate import validate_text
from tests.conftest import ROOT


def test_every_test_docs_security_points_at_exists() -> None:
    """docs/security.md backs each guarantee with a test; each of those tests exists."""
    text = (ROOT / "docs" / "security.md").read_text("utf-8")
    current_file = None
    checked = 0
    for file_part, name in re.findall(r"`(tests/[\w/]+\.py)?(?:::(\w+)(?:\[[^\]]*\])?)?`", text):
        if file_part:
            current_file = ROOT / file_part
            assert current_file.exists(), file_part
        if name:
            assert current_file is not None
            source = current_file.read_text("utf-8")
            assert f"def {name}(" in source, f"{current_file.name}::{name} is gone"
            checked += 1
    assert checked >= 15


def test_docs_link_to_files_that_exist() -> None:
    for page in (ROOT / "docs").glob("*.md"):
        text = re.sub(r"```.*?```", "", page.read_text("utf-8"), flags=re.S)
        text = re.sub(r"`[^`\n]*`", "", text)  # code spans are examples, not links
        for target in re.findall(r"\]\(((?!https?:|#|mailto:)[^)#\s]+)", text):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_the_documented_complete_example_validates_cleanly() -> None:
    doc = (ROOT / "docs" / "rubric-format.md").read_text("utf-8")
    examples = [b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if "\nareas:" in b]
    assert examples
    for example in examples:
        assert [str(p) for p in validate_text(example, path="example.yaml")] == []
