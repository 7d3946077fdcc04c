"""Blind mode: remove identity from reports without touching a single score.

Scores never read identity in the first place (see :mod:`skillgap.scoring`); blind
mode additionally removes it from what is *shown*: the candidate's name and file name,
and any e-mail address, phone number, URL, street address or the candidate's name that
happens to sit inside quoted text of the report's areas (every ``text`` and ``context``:
evidence, ignored mentions, self-assessments, degrees), with
:func:`skillgap.identity.redact_text`.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from ..identity import redact_text
from ..profiles.model import Profile
from .build import updated
from .model import GapReport

_QUOTED = frozenset({"text", "context"})
_V = TypeVar("_V")


def _redacted(value: _V, names: tuple[str, ...]) -> _V:
    """``value`` with every quoted text inside it redacted (unchanged parts shared)."""
    if isinstance(value, BaseModel):
        changes: dict[str, Any] = {}
        for name in type(value).model_fields:
            item = getattr(value, name)
            new = (
                redact_text(item, names=names)
                if name in _QUOTED and isinstance(item, str)
                else _redacted(item, names)
            )
            if new is not item:
                changes[name] = new
        return updated(value, **changes) if changes else value
    if isinstance(value, tuple):
        items = tuple(_redacted(item, names) for item in value)
        same = all(new is old for new, old in zip(items, value, strict=True))
        return value if same else items  # type: ignore[return-value]
    return value


def redact_report(report: GapReport, profile: Profile, *, keep_source: bool = False) -> GapReport:
    """The same report with identity removed (scores untouched)."""
    names = tuple(n for n in (profile.identity.name,) if n)
    hidden: dict[str, Any] = {"name": None}
    if not keep_source:
        hidden["source"] = None
    return updated(
        report,
        areas=_redacted(report.areas, names),
        candidate=updated(report.candidate, **hidden),
        blind=True,
    )


__all__ = ["redact_report"]
