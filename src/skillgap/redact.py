"""Blind mode: remove identity from reports without touching a single score.

Scores never read identity in the first place (see :mod:`skillgap.scoring`); blind
mode additionally removes it from what is *shown*: the candidate's name and file name,
and any e-mail address, phone number, URL, street address or the candidate's name that
happens to sit inside a quoted line of evidence.
"""

from __future__ import annotations

import re
from typing import Any

from .profile import Profile
from .report import GapReport

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_RE = re.compile(
    r"(?:\b(?:https?://|www\.)\S+)"
    r"|(?:\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|me|ai|co|in|uk|de|edu|info|app)"
    r"(?:/\S*)?\b)",
    re.IGNORECASE,
)
_PHONE_RE = re.compile(r"\+?\(?\d[\d \t().-]{7,}\d")
_YEAR_RANGE_RE = re.compile(r"^(?:19|20)\d\d\s*[-–.]\s*(?:19|20)\d\d$")
_DATE_RANGE_RE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*\d{1,2}\s*[-–]\s*(?:19|20)\d\d")
_ADDRESS_RE = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w.]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
    r"Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Square|Sq|Terrace|Parkway|Pkwy)\b\.?"
)


def is_phone_number(text: str) -> bool:
    """Does a run of digits and separators look like a phone number (not dates)?

    >>> is_phone_number("+44 20 7946 0958"), is_phone_number("2015 - 2019")
    (True, False)
    """
    digits = sum(ch.isdigit() for ch in text)
    if digits < 9 or digits > 15 or "/" in text:
        return False
    return not _YEAR_RANGE_RE.match(text.strip()) and not _DATE_RANGE_RE.search(text)


def _phone(match: re.Match[str]) -> str:
    return "[phone]" if is_phone_number(match.group()) else match.group()


def redact_text(text: str, *, names: tuple[str, ...] = ()) -> str:
    """Replace contact details and the given name words in ``text``.

    >>> redact_text("Ada Lovelace, ada@example.com, +44 20 7946 0958", names=("Ada Lovelace",))
    '[name] [name], [email], [phone]'
    """
    text = _EMAIL_RE.sub("[email]", text)
    text = _URL_RE.sub("[link]", text)
    text = _ADDRESS_RE.sub("[address]", text)
    text = _PHONE_RE.sub(_phone, text)
    for name in names:
        for word in name.split():
            if len(word) >= 2 and any(ch.isalpha() for ch in word):
                text = re.sub(
                    rf"(?<!\w){re.escape(word)}(?!\w)", "[name]", text, flags=re.IGNORECASE
                )
    return text


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
