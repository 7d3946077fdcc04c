"""Blind mode: remove identity from reports without touching a single score.

Scores never read identity in the first place (see :mod:`skillgap.scoring`); blind
mode additionally removes it from what is *shown*: the candidate's name and file name,
and any e-mail address, phone number, URL, street address or the candidate's name that
happens to sit inside a quoted line of evidence (:func:`skillgap.identity.redact_text`).
"""

from __future__ import annotations

from typing import Any

from .identity import redact_text
from .profiles.model import Profile
from .report import GapReport


def _walk(value: Any, names: tuple[str, ...]) -> Any:
    if isinstance(value, dict):
        return {
            k: (
                redact_text(v, names=names)
                if k in ("text", "context") and isinstance(v, str)
                else _walk(v, names)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_walk(v, names) for v in value]
    return value


def redact_report(report: GapReport, profile: Profile, *, keep_source: bool = False) -> GapReport:
    """The same report with identity removed (scores untouched)."""
    names = tuple(n for n in (profile.identity.name,) if n)
    data = report.model_dump(mode="json")
    data["areas"] = _walk(data["areas"], names)
    data["candidate"]["name"] = None
    if not keep_source:
        data["candidate"]["source"] = None
    data["blind"] = True
    return GapReport.model_validate(data)


__all__ = ["redact_report"]
