"""PDF resumes with a text layer: extract the text (with PDFium through pypdfium2, else
pypdf; :mod:`.pdfium_text`), clean it, parse it.

What can go wrong with a PDF is a clear, one-line error, never a traceback: not a PDF
at all, truncated or corrupt, encrypted with a password, zero pages, more pages than
``Limits.max_pdf_pages``, or pages with no text layer (a scanned resume: run OCR
first). pypdf's own warnings and log messages are captured here, so nothing leaks to
stderr (and ``-W error`` test runs stay green).

Two-column PDFs whose content stream interleaves the columns line by line are detected
from text positions and re-read column by column from pypdf's layout mode.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import ProfileError
from ..limits import Limits
from .base import short_reason
from .extracted import document_profile, finish_extracted
from .model import Profile
from .pdfium_text import PdfText, check_page_count, pdfium_text

_ALNUM_RE = re.compile(r"[^\W_]")


# --------------------------------------------------------------------------- PDF


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Keep pypdf's warnings and log records to ourselves while it reads a file.

    pypdf reports recoverable damage through ``warnings`` and through loggers named
    ``pypdf.*``. Neither may reach the user's terminal (a batch would print hundreds of
    lines) nor become an exception under ``-W error``.
    """
    logger = logging.getLogger("pypdf")
    handler = logging.NullHandler()
    previous = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = previous


_SCANNED = (
    "has no extractable text — scanned? run OCR first (for example 'ocrmypdf "
    "in.pdf out.pdf') or give the resume as DOCX or text"
)


@dataclass
class _Chunk:
    x: float
    y: float
    size: float
    text: str


def _interleaved_columns(chunks: list[_Chunk], width: float) -> bool:
    """Does the content stream draw two columns row by row (left, right, left, ...)?

    Most generators draw one column after the other, and pypdf's plain extraction then
    reads them in order. Some draw each row across both columns, which glues unrelated
    lines together ("Deployed models Terraform") and buries headings. The signature:
    many rows where the stream jumps right across a wide gap to the same x (the second
    column), then back down-left to the next row; and both sides carrying a fair share
    of the text (a column of dates at a tab stop is not a second column).
    """
    if len(chunks) < 12 or width <= 0:
        return False
    starts: list[int] = []
    for a, b in itertools.pairwise(chunks):
        # Helvetica-like fonts average about half an em per character.
        gap = b.x - (a.x + 0.5 * a.size * len(a.text))
        if abs(a.y - b.y) < 1 and gap > 2.5 * a.size and 0.25 * width < b.x < 0.75 * width:
            starts.append(round(b.x))
    if len(starts) < 5:
        return False
    gutter = max(set(starts), key=lambda x: (sum(1 for s in starts if abs(s - x) <= 3), -x))
    rows = sum(1 for s in starts if abs(s - gutter) <= 3)
    if rows < 5:
        return False
    edge = gutter - 3
    left = sum(len(c.text) for c in chunks if c.x < edge)
    right = sum(len(c.text) for c in chunks if c.x >= edge)
    if min(left, right) < 0.25 * (left + right):
        return False
    back = sum(
        1 for a, b in itertools.pairwise(chunks) if a.x >= edge and b.x < edge and b.y < a.y - 1
    )
    return back >= max(5, rows // 2)


_GUTTER_RE = re.compile(r" {3,}")


def _split_layout_columns(layout: str) -> str:
    """Read pypdf's fixed-width layout text column by column.

    The gutter is the character position, in the middle half of the page, that is blank
    in at least nine lines in ten and has text on both sides in the most lines. Lines
    that cross it (a centred name at the top) are kept whole.
    """
    lines = [line.rstrip() for line in layout.split("\n")]
    filled = [line for line in lines if line.strip()]
    width = max((len(line) for line in lines), default=0)
    if width < 20 or not filled:
        return layout
    best, best_count = -1, 0
    for column in range(width // 4, 3 * width // 4):
        crossing = sum(1 for line in filled if len(line) > column and line[column] != " ")
        if crossing > len(filled) // 10:
            continue
        count = sum(
            1
            for line in filled
            if len(line) > column + 1 and line[:column].strip() and line[column:].strip()
        )
        if count > best_count:
            best, best_count = column, count
    if best < 0 or best_count < 3:
        return layout
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        if len(line) > best and line[best] != " ":
            left.append(line)
        else:
            left.append(line[:best].rstrip())
            right.append(line[best:].strip())
    return "\n".join(left) + "\n\n" + "\n".join(right)


def _collapse_spaces(text: str) -> str:
    return "\n".join(_GUTTER_RE.sub("   ", line.strip()) for line in text.split("\n"))


def _page_text(page: Any) -> str:
    chunks: list[_Chunk] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            # Position on the page: text matrix through the current transformation.
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            chunks.append(_Chunk(x, y, abs(size * (tm[0] or 1) * (cm[0] or 1)) or 10, text))

    text: str = page.extract_text(visitor_text=visit) or ""
    try:
        width = float(page.mediabox.width)
    except (TypeError, ValueError, KeyError):
        width = 612.0
    if _interleaved_columns(chunks, width):
        layout: str = page.extract_text(extraction_mode="layout") or ""
        if layout.strip():
            return _collapse_spaces(_split_layout_columns(layout))
    return text


def _content_key(page: Any) -> tuple[Any, ...] | None:
    """What a page draws: its content streams and resources (as object numbers), box and
    rotation. Pages with the same key have the same text, so it is extracted once (a PDF
    of 500 pages sharing one 1 MB content stream took minutes). None when a part is not
    a shared object, so that nothing is reused by mistake."""
    from pypdf.generic import IndirectObject

    try:
        contents = page.raw_get("/Contents")
        resources = page.raw_get("/Resources")
        refs = list(contents) if isinstance(contents, list) else [contents]
        if not all(isinstance(r, IndirectObject) for r in [*refs, resources]):
            return None
        return (
            tuple(r.idnum for r in refs),
            resources.idnum,
            tuple(float(v) for v in page.mediabox),
            int(page.get("/Rotate", 0) or 0),
        )
    except Exception:
        return None


def _has_images(page: Any) -> bool:
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        return any(
            (xobjects[name].get_object() or {}).get("/Subtype") == "/Image" for name in xobjects
        )
    except Exception:
        return False


#: The PDF readers, in the order they are tried: PDFium first (fast, keeps lines whole),
#: pypdf where PDFium is not installed or cannot open the file.
PDF_READERS = ("pypdfium2", "pypdf")


def read_pdf(
    data: bytes, *, display: str, limits: Limits, readers: tuple[str, ...] = PDF_READERS
) -> PdfText:
    """The text of a PDF, page by page, and the library that read it; or a
    :class:`ProfileError` saying why not. ``readers`` are tried in order (see
    :data:`PDF_READERS`): the benchmark and the tests pick one."""
    if b"%PDF-" not in data[:1024]:
        raise ProfileError(
            "is not a PDF (no '%PDF-' header); the file is damaged or has the wrong extension",
            path=display,
        )
    read: PdfText | None = None
    if "pypdfium2" in readers:
        read = pdfium_text(data, display=display, limits=limits)
    if read is None and "pypdf" in readers:
        read = _pypdf_text(data, display=display, limits=limits)
    if read is None:
        raise ProfileError(
            "cannot be read: PDFium cannot open it and pypdf is not among the readers",
            path=display,
        )
    # Fewer than ten letters or digits in the whole document: counted by a scan that
    # stops at the tenth ([^\W_] is exactly str.isalnum).
    if sum(1 for _ in itertools.islice(_ALNUM_RE.finditer(read.text), 10)) < 10:
        reason = (
            _SCANNED
            if read.image_pages or not read.text.strip()
            else _SCANNED.replace("has no extractable text", "has almost no extractable text")
        )
        raise ProfileError(reason, path=display)
    return read


def extract_pdf_text(data: bytes, *, display: str, limits: Limits) -> str:
    """The text of a PDF, page by page, or a :class:`ProfileError` saying why not."""
    return read_pdf(data, display=display, limits=limits).text


def _pypdf_text(data: bytes, *, display: str, limits: Limits) -> PdfText:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    # Many PDFs are "encrypted" with an empty user password (printing or
                    # copying restrictions only); those open without one.
                    opened = reader.decrypt("")
                except DependencyError as exc:
                    raise ProfileError(
                        "is encrypted with AES; reading it needs the 'cryptography' package "
                        "(pip install cryptography), or save an unencrypted copy",
                        path=display,
                    ) from exc
                if not opened:
                    raise ProfileError(
                        "is encrypted (password-protected); remove the password (for example "
                        "print it to a new PDF) and try again",
                        path=display,
                    )
            count = len(reader.pages)
        except ProfileError:
            raise
        except FileNotDecryptedError as exc:
            raise ProfileError(
                "is encrypted (password-protected); remove the password and try again", path=display
            ) from exc
        except Exception as exc:
            raise ProfileError(
                f"is not a readable PDF (truncated or corrupt: {short_reason(exc)})", path=display
            ) from exc
        check_page_count(count, display=display, limits=limits)
        texts: list[str] = []
        images = False
        seen: dict[tuple[Any, ...], str] = {}
        length = 0
        for number, page in enumerate(reader.pages, start=1):
            key = _content_key(page)
            try:
                page_text = seen[key] if key in seen else _page_text(page)
            except Exception as exc:
                raise ProfileError(
                    f"page {number} cannot be read (corrupt PDF: {short_reason(exc)})", path=display
                ) from exc
            if key is not None:
                seen[key] = page_text
            if not page_text.strip():
                images = images or _has_images(page)
            texts.append(page_text)
            length += len(page_text) + 2
            if length > limits.max_text_chars:
                break  # the text is cut there anyway (with a warning): read no further
    return PdfText("\n\n".join(texts), _pypdf_version(), int(images))


def _pypdf_version() -> str:
    import pypdf

    return f"pypdf {pypdf.__version__}"


# --------------------------------------------------------------------------- DOCX


# --------------------------------------------------------------------------- loaders


_LATE_HEADER_RE = re.compile(rb"%PDF-\d\.\d")


@dataclass(frozen=True)
class PdfResumeLoader:
    """PDF resumes with a text layer (read with PDFium, or pypdf as the fallback)."""

    format: str = "pdf"
    description: str = "PDF resume with a text layer (.pdf)"

    def sniff(self, path: Path, head: bytes) -> int:
        if head.startswith(b"%PDF-"):
            return 100
        if _LATE_HEADER_RE.search(head[:1024]):
            # Some writers put junk before the header; readers allow 1 KB. A version
            # must follow ("%PDF-1.7"): text that merely mentions '%PDF-' is not a PDF.
            return 95
        # A damaged file named .pdf gets a PDF error, not "binary file, not text".
        return 90 if path.suffix.lower() == ".pdf" else 0

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        read = read_pdf(data, display=display, limits=limits)
        text, notes = finish_extracted(read.text, limits)
        profile = document_profile(text, notes, display=display, fmt=self.format, data=data)
        return replace(profile, reader=read.reader)


__all__ = ["PDF_READERS", "PdfResumeLoader", "extract_pdf_text", "read_pdf"]
