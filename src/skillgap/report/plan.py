"""The learning plan: the gaps worth closing first, with what to do about each.

A plan is the report's gaps with a gain above zero, biggest gain first (the order the
report already ranks them in), each with the rubric's next steps, resources and effort,
and the overall score the candidate would reach after closing it and every step before
it. Gains add up exactly: each requirement contributes its own weighted share to the
overall score, so closing two gaps adds both gains (within rounding).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Gap, GapReport

#: Gaps listed by default.
DEFAULT_PLAN_SIZE = 10


@dataclass(frozen=True)
class PlanStep:
    """One step of the plan."""

    number: int
    gap: Gap
    score_after: float


def learning_plan(report: GapReport, *, size: int = DEFAULT_PLAN_SIZE) -> tuple[PlanStep, ...]:
    """The top ``size`` gaps in order of what closing them adds, with projected scores.

    >>> from skillgap import analyze, load_profile, load_rubric
    >>> report = analyze(load_profile("examples/junior-ml-engineer-profile.yaml"),
    ...                  load_rubric("ml-engineer-entry"))
    >>> steps = learning_plan(report, size=3)
    >>> [s.number for s in steps], steps[0].score_after > report.overall.score
    ([1, 2, 3], True)
    """
    steps: list[PlanStep] = []
    running = report.overall.score
    for number, gap in enumerate([g for g in report.gaps if g.gain > 0][: max(0, size)], start=1):
        running = min(100.0, running + gap.gain)
        steps.append(PlanStep(number, gap, round(running, 1)))
    return tuple(steps)


__all__ = ["DEFAULT_PLAN_SIZE", "PlanStep", "learning_plan"]
