"""skillgap: measure the gap between a candidate and a role.

The library is the product; the CLI is a thin layer over it::

    >>> from skillgap import analyze, load_profile, load_rubric
    >>> report = analyze(load_profile("examples/plain-text-resume.txt"), load_rubric())
    >>> report.rubric.id
    'principal-ml-engineer'

Names are imported lazily so that ``import skillgap`` (and the CLI's start-up) stays
fast: nothing heavy is loaded until it is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .analysis import PreparedRubric, analyze
    from .errors import (
        InputError,
        Problem,
        ProfileError,
        RubricError,
        SkillgapError,
        UsageError,
    )
    from .matching.evidence import Evidence
    from .matching.index import SkillIndex
    from .profiles.load import load_profile
    from .profiles.model import Profile
    from .report.model import GapReport
    from .rubric.bundled import bundled_rubric_ids
    from .rubric.model import Rubric
    from .rubric.parse import load_rubric

_LAZY = {
    "analyze": "analysis",
    "PreparedRubric": "analysis",
    "load_profile": "profiles",
    "load_rubric": "rubric.parse",
    "bundled_rubric_ids": "rubric.bundled",
    "Rubric": "rubric.model",
    "Profile": "profiles.model",
    "GapReport": "report.model",
    "SkillIndex": "matching.index",
    "Evidence": "matching.evidence",
    "SkillgapError": "errors",
    "InputError": "errors",
    "RubricError": "errors",
    "ProfileError": "errors",
    "UsageError": "errors",
    "Problem": "errors",
}

__all__ = [
    "Evidence",
    "GapReport",
    "InputError",
    "PreparedRubric",
    "Problem",
    "Profile",
    "ProfileError",
    "Rubric",
    "RubricError",
    "SkillIndex",
    "SkillgapError",
    "UsageError",
    "__version__",
    "analyze",
    "bundled_rubric_ids",
    "load_profile",
    "load_rubric",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'skillgap' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
