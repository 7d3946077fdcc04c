"""PDF text with pypdfium2 (PDFium, the PDF engine of Chromium): about ten times faster
than pypdf, and it keeps lines whole where pypdf breaks every word onto its own line.

:func:`pdfium_text` returns ``None`` whenever pypdfium2 is not installed or cannot open
the file, and the caller falls back to pypdf (:mod:`.pdf_resume`), which also reads some
damaged files PDFium refuses. What is certain from PDFium alone — a password, no pages,
too many pages — is an error here. Two-column pages drawn row by row are read column by
column, as with pypdf (the same test on the positions of the text, here PDFium's text
rectangles).

PDFium is native code: a Python time limit (SIGALRM) cannot stop it mid-call. The batch
runs files in worker processes with a watchdog that ends a worker stuck past its time
limit (:mod:`skillgap.batch.pool`), so a PDF that sends PDFium into a loop costs one
worker, not the batch.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..errors import LimitExceededError, ProfileError
from ..limits import Limits

#: PDFium's error for a wrong or missing password (FPDF_ERR_PASSWORD).
_ERR_PASSWORD = 4


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF and the library that read it."""

    text: str
    #: "pypdfium2 5.15.2": recorded in the profile, the report and the batch audit trail.
    reader: str
    #: Pages with no text that carry images (a scan), for the "run OCR" message.
    image_pages: int = 0


def check_page_count(count: int, *, display: str, limits: Limits) -> None:
    """A PDF with no pages, or more than ``limits.max_pdf_pages``, is refused (by
    either reader)."""
    if count == 0:
        raise ProfileError("is a PDF with no pages: nothing to score", path=display)
    if count > limits.max_pdf_pages:
        raise LimitExceededError(
            f"has {count:,} pages, over the limit of {limits.max_pdf_pages:,}; raise it "
            "with --max-pages if the file is genuine",
            path=display,
        )


def pdfium_version() -> str | None:
    """ "pypdfium2 X.Y.Z", or None when it is not installed."""
    try:
        import pypdfium2
    except ImportError:
        return None
    return f"pypdfium2 {getattr(pypdfium2, '__version__', None) or _version()}"


@functools.lru_cache(maxsize=1)
def _version() -> str:
    """The installed version (read once: the package metadata takes ~3 ms to parse, as
    much as extracting a page)."""
    from importlib.metadata import version

    return version("pypdfium2")


def pdfium_text(data: bytes, *, display: str, limits: Limits) -> PdfText | None:
    """The text of a PDF, page by page, read with PDFium; None when PDFium is missing or
    cannot open the file or one of its pages (the caller tries pypdf, which reads some
    damaged files and otherwise says what is wrong)."""
    reader = pdfium_version()
    if reader is None:
        return None
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _ERR_PASSWORD:
            raise ProfileError(
                "is encrypted (password-protected); remove the password (for example "
                "print it to a new PDF) and try again",
                path=display,
            ) from exc
        return None
    except Exception:
        return None
    try:
        count = len(document)
        check_page_count(count, display=display, limits=limits)
        texts: list[str] = []
        images = 0
        length = 0
        for number in range(count):
            try:
                page_text, has_images = _page(document, number)
            except pdfium.PdfiumError:
                return None  # a damaged page: pypdf may read it, or say what is wrong
            images += has_images and not page_text.strip()
            texts.append(page_text)
            length += len(page_text) + 2
            if length > limits.max_text_chars:
                break  # the text is cut there anyway (with a warning): read no further
    finally:
        document.close()
    return PdfText("\n\n".join(texts), reader, images)


def _page(document: Any, number: int) -> tuple[str, bool]:
    """One page's text (columns read one after the other when drawn row by row), and
    whether it has images."""
    page = document[number]
    try:
        textpage = page.get_textpage()
        try:
            width, height = page.get_size()
            text = _normalise(textpage.get_text_range())
            gutter = _row_by_row_gutter(textpage, width)
            if gutter is not None:
                left = textpage.get_text_bounded(0, 0, gutter - 1, height)
                right = textpage.get_text_bounded(gutter - 1, 0, width, height)
                text = _normalise(left) + "\n" + _normalise(right)
            has_images = not text.strip() and _has_images(page)
        finally:
            textpage.close()
    finally:
        page.close()
    return text, has_images


def _normalise(text: str) -> str:
    """PDFium's text as the other readers give it: LF line ends, pages' form feeds as
    line ends, and a word hyphenated across a line end joined (PDFium already removed the
    line break and marks the hyphen with U+FFFE, or U+0002 in older builds)."""
    return _PDFIUM_TEXT.sub(lambda m: _REPLACE[m.group()], text)


_REPLACE = {"\r\n": "\n", "\r": "\n", "\x0c": "\n", "\ufffe": "", "\x02": ""}
_PDFIUM_TEXT = re.compile("|".join(re.escape(k) for k in _REPLACE))


class _Run(NamedTuple):
    """One rectangle of text (a tuple: a page has hundreds, made in a loop)."""

    left: float
    bottom: float
    right: float
    top: float


def _row_by_row_gutter(textpage: Any, width: float) -> float | None:
    """Where the second column starts, when the page draws two columns row by row
    (left, right, left, ...), else None. The test of :mod:`.pdf_resume` on PDFium's text
    rectangles (runs of text on one line, in drawing order): many rows (a third of the
    page's lines at least) where the next run starts to the right across a wide gap at
    the same x, then comes back down-left; and both sides carrying a fair share of the
    text."""
    count = textpage.count_rects()
    if count < 12 or width <= 0:
        return None
    get_rect = textpage.get_rect
    runs = [_Run._make(get_rect(i)) for i in range(min(count, 5000))]
    # The page's usual line height stands for the font size: a rectangle is as tall as
    # its glyphs, and a bullet's is a third of a line.
    heights = sorted(r.top - r.bottom for r in runs)
    usual = max(1.0, heights[len(heights) // 2])
    starts: list[int] = []
    for a, b in itertools.pairwise(runs):
        size = max(usual, a.top - a.bottom)
        if a.right - a.left < 1.5 * size:
            continue  # a bullet or a lone glyph before the text it marks, not a column
        same_row = abs(a.bottom - b.bottom) < 0.5 * size
        if same_row and b.left - a.right > 2.5 * size and 0.25 * width < b.left < 0.75 * width:
            starts.append(round(b.left))
    if len(starts) < 5:
        return None
    gutter = max(set(starts), key=lambda x: (sum(1 for s in starts if abs(s - x) <= 3), -x))
    rows = sum(1 for s in starts if abs(s - gutter) <= 3)
    # Most of the page's lines, not a small table inside one column ("Top 50 | Microsoft").
    lines = len({round(r.bottom / usual) for r in runs})
    if rows < max(5, 0.3 * lines):
        return None
    edge = gutter - 3
    left = sum(r.right - r.left for r in runs if r.left < edge)
    right = sum(r.right - r.left for r in runs if r.left >= edge)
    if min(left, right) < 0.25 * (left + right):
        return None
    back = sum(
        1
        for a, b in itertools.pairwise(runs)
        if a.left >= edge and b.left < edge and b.bottom < a.bottom - 1
    )
    return float(gutter) if back >= max(5, rows // 2) else None


def _has_images(page: Any) -> bool:
    import pypdfium2.raw as raw

    try:
        return any(obj.type == raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2))
    except Exception:
        return False


__all__ = ["PdfText", "check_page_count", "pdfium_text", "pdfium_version"]
