"""Identity in text: e-mail addresses, phone numbers, links and street addresses.

Identity is shown in reports (unless blind) and never scored. Two places need to
recognise it, with the same patterns:

* resume parsing (:mod:`skillgap.profiles.resume_text`) keeps the candidate's contact
  details and blanks them out of the text that is evidence, so that a link such as
  ``github.com/pytorch-fan`` is never read as a skill;
* blind mode (:mod:`skillgap.report.redact`) removes them from quoted evidence with
  :func:`redact_text`.
"""

from __future__ import annotations

import re

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A run of digits and phone punctuation long enough to be a phone number; whether it is
#: one (and not a date range) is for :func:`is_phone_number` to say.
PHONE_RUN_RE = re.compile(r"\+?\(?\d[\d \t().-]{7,}\d")
#: A phone-like run that stands alone (not inside a word or a longer number).
PHONE_RE = re.compile(rf"(?<!\w){PHONE_RUN_RE.pattern}(?!\w)")
#: The heart of :data:`PHONE_RE` without its look-arounds: quick to scan for, and every
#: phone number contains a match, so a line without one holds no phone number.
PHONE_HINT_RE = re.compile(r"\d[\d \t().-]{7,}\d")
#: Links a resume gives for its candidate: web addresses and profile pages.
LINK_RE = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin|github|gitlab)\.com/\S+", re.IGNORECASE)
#: Anything that looks like a web address or a domain name, for redaction.
URL_RE = re.compile(
    r"(?:\b(?:https?://|www\.)\S+)"
    r"|(?:\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|me|ai|co|in|uk|de|edu|info|app)"
    r"(?:/\S*)?\b)",
    re.IGNORECASE,
)
ADDRESS_RE = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w.]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
    r"Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Square|Sq|Terrace|Parkway|Pkwy)\b\.?"
)
_YEAR_RANGE_RE = re.compile(r"^(?:19|20)\d\d\s*[-–.]\s*(?:19|20)\d\d$")
_DATE_RANGE_RE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*\d{1,2}\s*[-–]\s*(?:19|20)\d\d")


def is_phone_number(text: str) -> bool:
    """Does a run of digits and separators look like a phone number (not dates)?

    >>> is_phone_number("+44 20 7946 0958"), is_phone_number("2015 - 2019")
    (True, False)
    """
    digits = sum(ch.isdigit() for ch in text)
    if digits < 9 or digits > 15 or "/" in text:
        return False
    return not _YEAR_RANGE_RE.match(text.strip()) and not _DATE_RANGE_RE.search(text)


def may_hold_link(text: str) -> bool:
    """False when ``text`` cannot contain a :data:`LINK_RE` match (checked first: the
    case-insensitive pattern is slow to scan, and most lines hold no link). The three
    markers have no letter whose case folding is special (i, k, s)."""
    if "://" in text:
        return True
    lowered = text.lower()
    return "www." in lowered or ".com/" in lowered


def _phone(match: re.Match[str]) -> str:
    return "[phone]" if is_phone_number(match.group()) else match.group()


def redact_text(text: str, *, names: tuple[str, ...] = ()) -> str:
    """Replace contact details and the given name words in ``text``.

    >>> redact_text("Ada Lovelace, ada@example.com, +44 20 7946 0958", names=("Ada Lovelace",))
    '[name] [name], [email], [phone]'
    """
    text = EMAIL_RE.sub("[email]", text)
    text = URL_RE.sub("[link]", text)
    text = ADDRESS_RE.sub("[address]", text)
    text = PHONE_RUN_RE.sub(_phone, text)
    for name in names:
        for word in name.split():
            if len(word) >= 2 and any(ch.isalpha() for ch in word):
                text = re.sub(
                    rf"(?<!\w){re.escape(word)}(?!\w)", "[name]", text, flags=re.IGNORECASE
                )
    return text


__all__ = [
    "ADDRESS_RE",
    "EMAIL_RE",
    "LINK_RE",
    "PHONE_HINT_RE",
    "PHONE_RE",
    "PHONE_RUN_RE",
    "URL_RE",
    "is_phone_number",
    "may_hold_link",
    "redact_text",
]
