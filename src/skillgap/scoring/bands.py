"""How scores are named and shown: verdict bands for the overall score, and the bands
reports colour a 0-1 score with. Renderers take these from here; none restates them."""

from __future__ import annotations

from typing import Literal

from ..rubric.model import Scoring

#: Overall scores (0-100) from which a candidate is a good, or a partial, match.
GOOD_MATCH = 65.0


PARTIAL_MATCH = 45.0


VERDICT_BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "strong match"),
    (GOOD_MATCH, "good match"),
    (PARTIAL_MATCH, "partial match"),
    (0.0, "weak match"),
)


#: The 'met' threshold of a rubric that sets none (a requirement score, 0-1).
DEFAULT_MET_THRESHOLD: float = Scoring.model_fields["met_threshold"].default


#: Below this a 0-1 score is shown as weak; from it up to the met threshold as partial.
WEAK_BELOW = 0.4


Band = Literal["met", "partial", "missing"]


def verdict_for(score: float) -> str:
    """The verdict band for an overall score.

    >>> verdict_for(70.0), verdict_for(12.5)
    ('good match', 'weak match')
    """
    for floor, label in VERDICT_BANDS:
        if score >= floor:
            return label
    return VERDICT_BANDS[-1][1]


def score_band(fraction: float) -> Band:
    """How a 0-1 score (an area's, a requirement's) is shown: bars and colours.

    >>> score_band(0.7), score_band(0.5), score_band(0.1)
    ('met', 'partial', 'missing')
    """
    if fraction >= DEFAULT_MET_THRESHOLD:
        return "met"
    return "partial" if fraction >= WEAK_BELOW else "missing"


def overall_band(score: float) -> Band:
    """How an overall score (0-100) is shown: a good match or better, a partial match,
    or weaker."""
    if score >= GOOD_MATCH:
        return "met"
    return "partial" if score >= PARTIAL_MATCH else "missing"


__all__ = [
    "DEFAULT_MET_THRESHOLD",
    "GOOD_MATCH",
    "PARTIAL_MATCH",
    "VERDICT_BANDS",
    "WEAK_BELOW",
    "Band",
    "overall_band",
    "score_band",
    "verdict_for",
]
