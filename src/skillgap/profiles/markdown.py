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
# Liquid/Jinja/Hugo template tags and output: {% ... %}, {{ ... }} (see _blank_between).
_TEMPLATES = (("{%", "%}"), ("{{", "}}"))
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


def _blank_between(text: str, opening: str, closing: str) -> str:
    """``text`` with every ``opening … closing`` blanked but its line breaks, in one pass:
    an opening never closed is left as written (a lazy regex would scan to the end from
    each of them, which is quadratic in a file of many)."""
    parts: list[str] = []
    done = 0
    while (start := text.find(opening, done)) != -1:
        end = text.find(closing, start + len(opening))
        if end == -1:
            break  # no closing after this one, so none after any later opening either
        end += len(closing)
        parts.append(text[done:start])
        parts.append("\n" * text.count("\n", start, end))
        done = end
    parts.append(text[done:])
    return "".join(parts)


def rendered_lines(text: str) -> list[str]:
    """The lines of a Markdown document with what rendering hides blanked.

    >>> rendered_lines("---\\nlayout: cv\\n---\\nSkills\\n======\\n* **Python**<!-- x -->")
    ['', '', '', 'Skills', '', '* Python']
    """
    text = _FRONT_MATTER_RE.sub(_blank, text, count=1)
    if "<!--" in text:
        text = _COMMENT_RE.sub(_blank, text)
    for opening, closing in _TEMPLATES:
        if opening in text:
            text = _blank_between(text, opening, closing)
    if "<" in text:
        text = _TAG_RE.sub(_untag, text)
    text = _RULE_RE.sub("", text)
    return [clean_markdown_line(line) for line in text.split("\n")]


__all__ = ["rendered_lines"]
