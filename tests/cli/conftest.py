"""Inputs the command-line tests share: a plain-text resume and a broken copy of the
bundled rubric."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.files import write
from tests.helpers.rubrics import PRINCIPAL, three_mistakes

RESUME = """Sam Example
sam@example.com

SUMMARY
Machine learning engineer with 11 years of experience.

EXPERIENCE
Staff ML Engineer, Acme             Jan 2015 - Present
- Led a team of 6 ML engineers building PyTorch and TensorFlow models on Kubernetes.
- Mentored junior data scientists; presented results to the executive team.

EDUCATION
M.S. in Computer Science

SKILLS
Python, SQL, Spark, AWS
"""


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    """A plain-text resume, ``sam.txt``."""
    return write(tmp_path, "sam.txt", RESUME)


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The bundled rubric with three mistakes, and the line of each (by rule)."""
    text, lines = three_mistakes(PRINCIPAL.read_text("utf-8"))
    path = tmp_path / "role.yaml"
    path.write_text(text, encoding="utf-8")
    return path, lines
