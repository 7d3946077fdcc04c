"""Markdown as a reader sees it rendered, line for line.

A Markdown resume, above all one published with a static-site generator (Jekyll, Hugo,
academic page templates), carries text no reader of the rendered page sees: YAML front
matter (``layout: archive``), HTML comments hiding unfinished sections, template tags
(``{% include base_path %}``), HTML tags, and the ``=====`` / ``-----`` lines under
setext headings. None of it is evidence, and a commented-out "Talks" section is not a
talk given. :func:`rendered_lines` blanks all of it and keeps the line count, so every
line number in a report still points at the file as written; the line-level clean-up
(links, emphasis, ``#`` headings) is :func:`.sections.clean_markdown_line`.
"""

from __future__ import annotations

import re

from .sections import clean_markdown_line

# Front matter: the file's first line is "---" and a later line closes it.
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?=\n|\Z)", re.DOTALL)
# An HTML comment, or one never closed (it hides the rest of the file when rendered).
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# Liquid/Jinja/Hugo template tags and output: {% ... %}, {{ ... }}.
_TEMPLATE_RE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
# A line of only "=" or "-" (setext heading underline, or a thematic break).
_RULE_RE = re.compile(r"^ {0,3}(?:=+|-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$", re.MULTILINE)
# An HTML tag (its text between tags stays): <ul>, </a>, <img src="..." alt="...">.
_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
# Tags inside a run of text go without a trace; any other tag separates words.
_INLINE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
    ]
)


def _untag(match: re.Match[str]) -> str:
    return "" if match.group(1).lower() in _INLINE_TAGS else " "


def _blank(match: re.Match[str]) -> str:
    """The match replaced by its line breaks only (line numbers stay true)."""
    return "\n" * match.group().count("\n")


def rendered_lines(text: str) -> list[str]:
    """The lines of a Markdown document with what rendering hides blanked.

    >>> rendered_lines("---\\nlayout: cv\\n---\\nSkills\\n======\\n* **Python**<!-- x -->")
    ['', '', '', 'Skills', '', '* Python']
    """
    text = _FRONT_MATTER_RE.sub(_blank, text, count=1)
    if "<!--" in text:
        text = _COMMENT_RE.sub(_blank, text)
    if "{%" in text or "{{" in text:
        text = _TEMPLATE_RE.sub(_blank, text)
    if "<" in text:
        text = _TAG_RE.sub(_untag, text)
    text = _RULE_RE.sub("", text)
    return [clean_markdown_line(line) for line in text.split("\n")]


__all__ = ["rendered_lines"]
