"""Analysis: a profile measured against a rubric, and placed on a career ladder.

:func:`place` measures a profile against every level of a ladder and places the
candidate at the **highest level fully met**, where a level is fully met when

* no must-have of that level is unmet (no blocking gap), and
* the overall score against that level is at least the ladder's ``min_score``.

Levels are judged independently (the ladder's rubrics usually share one source of truth
through ``extends``, so meeting a higher level implies meeting the lower ones in
practice, but the rule does not assume it). The **next level** is the one right above
the placement (the lowest level when none is met), and the **gap to it** is that level's
blocking gaps followed by its biggest gains.
"""

from __future__ import annotations

import datetime as dt

from .profiles.model import Profile
from .report import Gap, GapReport, LadderLevel, LadderPlacement
from .rubric.ladder import LoadedLadder

#: How many non-blocking gaps of the next level are listed after its blocking ones.
GAPS_TO_NEXT = 5


def _gap_to(report: GapReport) -> tuple[Gap, ...]:
    blocking = [g for g in report.gaps if g.blocking]
    others = [g for g in report.gaps if not g.blocking and g.gain > 0][:GAPS_TO_NEXT]
    return (*blocking, *others)


def place(
    profile: Profile, ladder: LoadedLadder, *, as_of: dt.date | None = None
) -> LadderPlacement:
    """Measure ``profile`` against every level of ``ladder`` and place the candidate.

    >>> from skillgap import load_profile
    >>> from skillgap.rubric.ladder import load_ladder
    >>> placement = place(load_profile("examples/junior-ml-engineer-profile.yaml"),
    ...                   load_ladder("ml-engineer"), as_of=dt.date(2026, 1, 1))
    >>> placement.placed
    'ml-engineer-entry'
    """
    from .scoring import analyze

    min_score = ladder.ladder.min_score
    levels: list[LadderLevel] = []
    reports: list[GapReport] = []
    for definition, rubric in zip(ladder.ladder.levels, ladder.rubrics, strict=True):
        report = analyze(profile, rubric, as_of=as_of)
        reports.append(report)
        score = report.overall.score
        levels.append(
            LadderLevel(
                rubric=report.rubric,
                name=definition.name or rubric.title,
                summary=definition.summary,
                score=score,
                blocking=report.overall.blocking,
                fully_met=not report.overall.blocked and score >= min_score,
                short_by=round(max(0.0, min_score - score), 1),
            )
        )
    met = [i for i, level in enumerate(levels) if level.fully_met]
    placed = met[-1] if met else None
    following = 0 if placed is None else placed + 1
    has_next = following < len(levels)
    return LadderPlacement(
        id=ladder.ladder.id,
        title=ladder.ladder.title,
        min_score=min_score,
        rule=ladder.rule(),
        levels=tuple(levels),
        placed=levels[placed].rubric.id if placed is not None else None,
        placed_name=levels[placed].name if placed is not None else None,
        next=levels[following].rubric.id if has_next else None,
        next_name=levels[following].name if has_next else None,
        gap_to_next=_gap_to(reports[following]) if has_next else (),
    )


def with_ladder(report: GapReport, placement: LadderPlacement) -> GapReport:
    """The report with its ``ladder`` section filled in."""
    return report.model_copy(update={"ladder": placement})


__all__ = ["GAPS_TO_NEXT", "place", "with_ladder"]
