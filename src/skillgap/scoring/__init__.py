"""From evidence to scores, statuses and ranked gaps.

The rules (``docs/scoring.md`` works an example through them):

* A skill's credit is its best piece of evidence (:mod:`.credits`): a declared skill
  earns its declared level against the level expected (or ``declared_credit`` when no
  level is given, 1.0 when no level is expected); a mention in running text earns
  ``text_credit`` plus 0.05 for each further line that mentions it (up to three); fuzzy
  matches are scaled by their similarity.
* A requirement's skills part is the mean of its best ``min_skills`` skill credits, or the
  candidate's own rating when it says more (:mod:`.selfassess`); its years part is years
  found / years asked; its degree part reflects level and field (:mod:`.history`). The
  requirement scores the mean of the parts it has (:mod:`.requirements`).
* An area scores the weighted mean of its requirements; the overall score is the
  weighted mean of areas, on 0-100. An unmet must-have is a blocking gap, whatever the
  total. Gaps are ranked by the points closing them would add to the overall score.
* Verdicts and the bands reports colour scores with are in :mod:`.bands`.
* Identity (name, contact details, links) is never read here.
"""

from __future__ import annotations

from .bands import (
    DEFAULT_MET_THRESHOLD,
    GOOD_MATCH,
    PARTIAL_MATCH,
    VERDICT_BANDS,
    WEAK_BELOW,
    Band,
    overall_band,
    score_band,
    verdict_for,
)
from .credits import MENTION_BONUS, skill_credit
from .history import YearsFound, degree_result, experience_years
from .requirements import Scored, SharedResults, score_areas, score_warnings

__all__ = [
    "DEFAULT_MET_THRESHOLD",
    "GOOD_MATCH",
    "MENTION_BONUS",
    "PARTIAL_MATCH",
    "VERDICT_BANDS",
    "WEAK_BELOW",
    "Band",
    "Scored",
    "SharedResults",
    "YearsFound",
    "degree_result",
    "experience_years",
    "overall_band",
    "score_areas",
    "score_band",
    "score_warnings",
    "skill_credit",
    "verdict_for",
]
