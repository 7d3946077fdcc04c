"""What every profile loader is, and what they share.

A loader recognises its own files (:meth:`ProfileLoader.sniff`) and turns their bytes
into a :class:`~skillgap.profiles.model.Profile` (:meth:`ProfileLoader.load`); the
registry in :mod:`skillgap.profiles` picks the most confident one.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Protocol

from ..errors import ProfileError
from ..io.read import decode_text
from ..limits import Limits
from ..text import prepare_text
from .model import Profile


class ProfileLoader(Protocol):
    """What a profile loader provides."""

    @property
    def format(self) -> str:
        """Format id, as accepted by ``--profile-format``."""

    @property
    def description(self) -> str:
        """One line for ``--help`` and error messages."""

    def sniff(self, path: Path, head: bytes) -> int:
        """0 if the file is not this format; higher the surer (100 = certain)."""

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        """Turn the file's bytes into a Profile or raise a SkillgapError."""


STRUCTURED_EXTENSIONS = (".json", ".yaml", ".yml")


TEXT_EXTENSIONS = (".txt", ".text", "")


MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")


def decode_profile_text(
    data: bytes, display: str, limits: Limits, *, cut: bool = True
) -> tuple[str, tuple[str, ...]]:
    """The cleaned text of a profile file, cut to ``limits.max_text_chars`` (with a
    warning). A structured file (``cut=False``) is never cut here: half a JSON document
    does not parse; :func:`cap_text` caps the text read from it instead."""
    text = prepare_text(decode_text(data, path=display))
    warnings: tuple[str, ...] = ()
    if cut and len(text) > limits.max_text_chars:
        text = text[: limits.max_text_chars]
        warnings = (
            (
                f"text cut to the first {limits.max_text_chars:,} characters "
                "(--max-text raises the limit)"
            ),
        )
    return text, warnings


def cap_text(profile: Profile, limits: Limits) -> Profile:
    """A structured profile with its running text cut to ``limits.max_text_chars`` in
    all (the later fields lose out), with a warning, as a text resume is cut."""
    budget = limits.max_text_chars
    if sum(len(s.text) for s in profile.segments) <= budget:
        return profile
    kept = []
    for segment in profile.segments:
        if budget <= 0:
            break
        kept.append(dataclasses.replace(segment, text=segment.text[:budget]))
        budget -= len(segment.text)
    note = (
        f"text cut to the first {limits.max_text_chars:,} characters (--max-text raises the limit)"
    )
    return dataclasses.replace(profile, segments=tuple(kept), warnings=(*profile.warnings, note))


def require_text(profile: Profile, display: str) -> Profile:
    if (
        profile.text_length == 0
        and not profile.jobs
        and not profile.education
        and not profile.self_assessed
        and not profile.declared_skills
    ):
        raise ProfileError(
            "has no usable text: nothing to score (is it empty or only whitespace?)", path=display
        )
    return profile


def short_reason(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= 120 else message[:119] + "…"
