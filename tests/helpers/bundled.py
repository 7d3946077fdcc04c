"""The bundled rubric and a skill index over it, built once on import, for module-level use
(hypothesis strategies and tests that check a fast path against the plain version)."""

from __future__ import annotations

from skillgap.matching.index import SkillIndex
from skillgap.rubric.parse import load_rubric

RUBRIC = load_rubric()
INDEX = SkillIndex(RUBRIC)
