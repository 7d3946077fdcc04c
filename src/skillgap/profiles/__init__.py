"""Profile loaders: one per input format, each able to recognise its own files.

:func:`load_profile` (in :mod:`.load`) reads a file once, asks every registered loader
how sure it is that the file is its format (:meth:`ProfileLoader.sniff`), and hands the
bytes to the most confident one. ``format=`` forces a loader. A file no loader accepts
gets an error listing the formats we do accept. New formats join by adding a loader to
:func:`loaders`; nothing else changes. The package imports :mod:`.load` on first use of
these names, so modules that need only :mod:`.model` do not load every reader.

* :mod:`.model` — the :class:`~.model.Profile` every loader produces;
* :mod:`.base` — the loader protocol and what loaders share;
* :mod:`.skillgap_profile`, :mod:`.json_resume` — the structured formats, read with
  positions through :mod:`.structured`;
* :mod:`.resume_text` — resumes as text or Markdown: sections (:mod:`.sections`), skills
  lines (:mod:`.skills_line`), dates (:mod:`.dates`) and degrees (:mod:`.degrees`);
* :mod:`.pdf_resume`, :mod:`.docx_resume` — documents, whose text is cleaned by
  :mod:`.extracted` and then parsed as resume text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import ProfileLoader
    from .load import detect_loader, load_profile, loaders, profile_formats

#: Names re-exported from :mod:`.load` and :mod:`.base`, imported on first use.
_LAZY = {
    "ProfileLoader": "base",
    "detect_loader": "load",
    "load_profile": "load",
    "loaders": "load",
    "profile_formats": "load",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ProfileLoader",
    "detect_loader",
    "load_profile",
    "loaders",
    "profile_formats",
]
