"""The learning plan (skillgap.report.plan): the top gaps by gain, with the score each step
would bring."""

from __future__ import annotations

from skillgap.report.model import GapReport
from skillgap.report.plan import learning_plan


def test_plan_is_the_top_gaps_by_gain_with_running_projected_score(junior: GapReport) -> None:
    steps = learning_plan(junior, size=4)
    gains = [g for g in junior.gaps if g.gain > 0][:4]
    assert [s.gap for s in steps] == gains
    assert [s.number for s in steps] == [1, 2, 3, 4]
    running = junior.overall.score
    for step in steps:
        running += step.gap.gain
        assert step.score_after == round(min(100.0, running), 1)
    assert [s.gap.gain for s in steps] == sorted((s.gap.gain for s in steps), reverse=True)


def test_plan_of_a_perfect_report_is_empty(junior: GapReport) -> None:
    perfect = junior.model_copy(update={"gaps": ()})
    assert learning_plan(perfect) == ()


def test_plan_size_is_respected(junior: GapReport) -> None:
    assert len(learning_plan(junior, size=2)) == 2
    assert learning_plan(junior, size=0) == ()
