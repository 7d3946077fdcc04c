"""Reading a job posting file: text, Markdown, HTML, PDF or DOCX, as text.

HTML is reduced to lines with the standard library's parser: each block element a line,
headings as ``# Heading`` lines and list items as ``- item`` lines, the shape
:func:`~.posting.parse_posting` reads best. PDF and DOCX are read by the same code that
reads resumes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits

_BLOCK_TAGS_TEXT = (
    "p div br li ul ol tr table section article header footer dd dt blockquote pre hr "
    "main aside nav form"
)
_BLOCK_TAGS = frozenset(_BLOCK_TAGS_TEXT.split())
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.parts.append(f"\n{'#' * int(tag[1])} ")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS or re.fullmatch(r"h[1-6]", tag):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(" ".join(data.split()) if data.strip() else " ")


def html_text(html: str) -> str:
    """The text of an HTML page, one line per block: headings as ``# Heading`` lines,
    list items as ``- item`` lines.

    >>> html_text("<h2>Requirements</h2><ul><li>Python &amp; SQL</li></ul>")
    '## Requirements\\n- Python & SQL'
    """
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line and line not in ("-", "#"))


_HTML_RE = re.compile(r"<(?:!doctype\s+html|html|body|h[1-6]|ul|li|p|div)\b", re.IGNORECASE)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


#: The most text a posting may have: a long posting is 10-20 KB; drafting reads every
#: line with the matcher, and a 300 KB "posting" already took ten seconds.
MAX_POSTING_CHARS = 100_000


def read_posting(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text of a posting file: text, Markdown, HTML, PDF or DOCX.

    Raises :class:`~skillgap.errors.InputError` (missing, empty, binary, encrypted or
    unreadable file) with one line saying why.
    """
    from ..io.read import decode_text, read_bytes

    data = read_bytes(path, limits=limits)
    display = str(path)
    if not data.strip():
        raise InputError(
            "is empty: give a job posting as text, Markdown, HTML, PDF or DOCX", path=path
        )
    suffix = path.suffix.lower()
    if data[:1024].lstrip().startswith(b"%PDF-") or suffix == ".pdf":
        from ..profiles.pdf_resume import extract_pdf_text

        text = extract_pdf_text(data, display=display, limits=limits)
    elif data.startswith(b"PK\x03\x04") or suffix in (".docx", ".docm", ".dotx"):
        from ..profiles.docx_resume import extract_docx_text

        text = extract_docx_text(data, display=display, limits=limits)
    else:
        try:
            text = decode_text(data, path=path)
        except InputError as exc:
            if "binary" in exc.message:
                raise InputError(
                    "is a binary file, not a posting; give it as text, Markdown, HTML, PDF or DOCX",
                    path=path,
                ) from exc
            raise
        if suffix in _HTML_SUFFIXES or _HTML_RE.search(text[:4096]):
            text = html_text(text)
    text = text[: limits.max_text_chars]
    if not text.strip():
        raise InputError("has no text in it: nothing to draft from", path=path)
    if len(text) > MAX_POSTING_CHARS:
        raise InputError(
            f"has {len(text):,} characters of text, more than a job posting has (at most "
            f"{MAX_POSTING_CHARS:,}); give the posting alone, not a whole site or a "
            "collection of postings",
            path=path,
        )
    return text


__all__ = ["MAX_POSTING_CHARS", "html_text", "read_posting"]
