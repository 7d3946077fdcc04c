"""Making profile text inert in each output medium.

Profile text is untrusted. Control characters and terminal escape sequences are
removed everywhere (:func:`skillgap.text.clean_text`); on top of that each medium has
its own syntax to neutralise: Markdown (pipes, backticks, emphasis, links, HTML),
HTML (entities) and CSV (formula prefixes). The terminal renderer never parses profile
text as Rich markup at all: it builds ``rich.text.Text`` objects.
"""

from __future__ import annotations

import html
import re

from ..text import clean_text
from ..text import csv_cell as csv_cell  # re-exported: part of this module's API

_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def plain(text: str | None) -> str:
    """Text with control characters removed and whitespace collapsed to single spaces."""
    return " ".join(clean_text(text or "").split())


def markdown(text: str | None) -> str:
    """Profile text safe inside Markdown, including table cells.

    >>> markdown("C# | <b>x</b> [link](http://e)")
    'C\\\\# \\\\| \\\\<b\\\\>x\\\\</b\\\\> \\\\[link\\\\]\\\\(http://e\\\\)'
    """
    return _MD_SPECIAL_RE.sub(r"\\\1", plain(text))


def html_text(text: str | None) -> str:
    """Profile text safe inside HTML element content and attribute values."""
    return html.escape(plain(text), quote=True)
