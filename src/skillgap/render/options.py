"""How a report is rendered: colour, width and the optional sections."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderOptions:
    """How to render: colour, width, and optional sections."""

    color: bool = False
    width: int = 100
    max_evidence: int = 2
    #: The terminal report's every requirement with its evidence (``--details``); without
    #: it, one screen: scores, verdict, ladder, blocking gaps and top gaps.
    details: bool = False
    #: Add the learning plan (the top gaps with next steps, resources and effort).
    plan: bool = False
    #: How many gaps the learning plan lists.
    plan_size: int = 10


__all__ = ["RenderOptions"]
