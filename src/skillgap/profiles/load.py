"""Reading a profile: the registry of loaders, format detection and :func:`load_profile`.

It lives apart from the package's ``__init__`` so that modules needing only the profile
model (the matcher, scoring, ``skillgap validate``) do not import every loader, with the
regular expressions for dates and degrees they compile.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ProfileError, UsageError
from ..io.read import read_bytes
from ..limits import DEFAULT_LIMITS, Limits
from .base import ProfileLoader
from .docx_resume import DocxResumeLoader
from .json_resume import JsonResumeLoader
from .model import Profile
from .pdf_resume import PdfResumeLoader
from .resume_text import MarkdownResumeLoader, TextResumeLoader
from .skillgap_profile import SkillgapProfileLoader


def loaders() -> tuple[ProfileLoader, ...]:
    """Every registered loader, in a fixed order (ties in sniffing go to the first)."""
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


__all__ = [
    "ProfileLoader",
    "detect_loader",
    "load_profile",
    "loaders",
    "profile_formats",
]
