"""Shared fixtures: the bundled rubric, its skill index, and paths to repository data."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.matching.index import SkillIndex
from skillgap.rubric.model import Rubric
from skillgap.rubric.parse import load_rubric

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    """The bundled principal-ml-engineer rubric."""
    return load_rubric("principal-ml-engineer")


@pytest.fixture(scope="session")
def index(rubric: Rubric) -> SkillIndex:
    """A skill index over the bundled rubric (built once per test session)."""
    return SkillIndex(rubric)
