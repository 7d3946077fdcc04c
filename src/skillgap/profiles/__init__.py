"""Profile loaders: one per input format, each able to recognise its own files.

:func:`load_profile` reads a file once, asks every registered loader how sure it is
that the file is its format (:meth:`ProfileLoader.sniff`), and hands the bytes to the
most confident one. ``format=`` forces a loader. A file no loader accepts gets an
error listing the formats we do accept. New formats join by adding a loader to
:func:`loaders`; nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import ProfileError, UsageError
from ..io.read import decode_text, read_bytes, sha256_hex
from ..limits import DEFAULT_LIMITS, Limits
from ..profile import Profile


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


_STRUCTURED_EXTENSIONS = (".json", ".yaml", ".yml")
_TEXT_EXTENSIONS = (".txt", ".text", "")
_MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")


def _decode(data: bytes, display: str, limits: Limits) -> tuple[str, tuple[str, ...]]:
    from ..text import prepare_text

    text = prepare_text(decode_text(data, path=display))
    warnings: tuple[str, ...] = ()
    if len(text) > limits.max_text_chars:
        text = text[: limits.max_text_chars]
        warnings = (
            (
                f"text cut to the first {limits.max_text_chars:,} characters "
                "(--max-text raises the limit)"
            ),
        )
    return text, warnings


def _require_text(profile: Profile, display: str) -> Profile:
    if (
        profile.text_length == 0
        and not profile.jobs
        and not profile.education
        and not profile.self_assessed
    ):
        raise ProfileError(
            "has no usable text: nothing to score (is it empty or only whitespace?)", path=display
        )
    return profile


@dataclass(frozen=True)
class SkillgapProfileLoader:
    """skillgap's own YAML/JSON profile format (docs/profile-format.md)."""

    format: str = "skillgap"
    description: str = "skillgap profile (YAML or JSON; docs/profile-format.md)"

    def sniff(self, path: Path, head: bytes) -> int:
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            return 60
        if suffix == ".json" or head.lstrip().startswith(b"{"):
            return 40
        return 0

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        from .structured import (
            load_json_resume,
            load_skillgap_profile,
            looks_like_json_resume,
            parse_structured,
        )

        text, _ = _decode(data, display, limits)
        located = parse_structured(text, path=path, display=display, limits=limits)
        if looks_like_json_resume(located.data):
            profile = load_json_resume(located, display=display, sha256=sha256_hex(data))
        else:
            profile = load_skillgap_profile(located, display=display, sha256=sha256_hex(data))
        return _require_text(profile, display)


@dataclass(frozen=True)
class JsonResumeLoader:
    """JSON Resume (jsonresume.org), as JSON or YAML."""

    format: str = "json-resume"
    description: str = "JSON Resume (jsonresume.org), JSON or YAML"

    def sniff(self, path: Path, head: bytes) -> int:
        looks = (
            b'"basics"' in head
            or b"jsonresume" in head
            or b'"position"' in head
            or head.lstrip().startswith(b"basics:")
            or b"\nbasics:" in head
        )
        if not looks:
            return 0
        return (
            80
            if path.suffix.lower() in (*_STRUCTURED_EXTENSIONS, "")
            or head.lstrip().startswith(b"{")
            else 0
        )

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        from .structured import load_json_resume, parse_structured

        text, _ = _decode(data, display, limits)
        located = parse_structured(text, path=path, display=display, limits=limits)
        return _require_text(
            load_json_resume(located, display=display, sha256=sha256_hex(data)), display
        )


@dataclass(frozen=True)
class TextResumeLoader:
    """Plain-text resumes."""

    format: str = "text"
    description: str = "plain-text resume (.txt)"

    def sniff(self, path: Path, head: bytes) -> int:
        suffix = path.suffix.lower()
        if suffix in _TEXT_EXTENSIONS:
            return 50
        if suffix in (*_STRUCTURED_EXTENSIONS, *_MARKDOWN_EXTENSIONS, ".pdf", ".docx"):
            return 0
        return 10  # unknown extension: try it as text; binary files are refused there

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        from .resume_text import parse_resume_text

        text, warnings = _decode(data, display, limits)
        profile = parse_resume_text(
            text, source=display, fmt=self.format, sha256=sha256_hex(data), warnings=warnings
        )
        return _require_text(profile, display)


@dataclass(frozen=True)
class MarkdownResumeLoader:
    """Markdown resumes."""

    format: str = "markdown"
    description: str = "Markdown resume (.md)"

    def sniff(self, path: Path, head: bytes) -> int:
        return 70 if path.suffix.lower() in _MARKDOWN_EXTENSIONS else 0

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        from .resume_text import parse_resume_text

        text, warnings = _decode(data, display, limits)
        profile = parse_resume_text(
            text,
            source=display,
            fmt=self.format,
            sha256=sha256_hex(data),
            markdown=True,
            warnings=warnings,
        )
        return _require_text(profile, display)


def loaders() -> tuple[ProfileLoader, ...]:
    """Every registered loader, in a fixed order (ties in sniffing go to the first)."""
    from .documents import DocxResumeLoader, PdfResumeLoader

    return (
        JsonResumeLoader(),
        SkillgapProfileLoader(),
        MarkdownResumeLoader(),
        PdfResumeLoader(),
        DocxResumeLoader(),
        TextResumeLoader(),
    )


def profile_formats() -> tuple[str, ...]:
    """Format ids accepted by ``--profile-format``."""
    return tuple(loader.format for loader in loaders())


def detect_loader(path: Path, data: bytes) -> ProfileLoader:
    """The loader most confident that ``data`` (read from ``path``) is its format."""
    head = data[:4096]
    best: ProfileLoader | None = None
    best_score = 0
    for loader in loaders():
        score = loader.sniff(path, head)
        if score > best_score:
            best, best_score = loader, score
    if best is None:
        accepted = "; ".join(loader.description for loader in loaders())
        raise ProfileError(f"unrecognised profile format; accepted formats: {accepted}", path=path)
    return best


def load_profile(
    path: str | Path,
    *,
    format: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    display: str | None = None,
) -> Profile:
    """Load a candidate profile from a file, detecting its format.

    >>> load_profile("examples/plain-text-resume.txt").format
    'text'

    Raises :class:`~skillgap.errors.ProfileError` (or another
    :class:`~skillgap.errors.InputError`) with a one-line message naming the file.
    """
    path = Path(path)
    shown = display or str(path)
    data = read_bytes(path, limits=limits)
    if not data.strip():
        raise ProfileError("file is empty: nothing to score", path=shown)
    if format is not None:
        chosen = {loader.format: loader for loader in loaders()}.get(format)
        if chosen is None:
            raise UsageError(
                f"unknown profile format '{format}'; choose one of: {', '.join(profile_formats())}"
            )
    else:
        chosen = detect_loader(path, data)
    return chosen.load(path, data, display=shown, limits=limits)
