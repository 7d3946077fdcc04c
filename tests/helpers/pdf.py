"""A tiny, honest PDF writer for tests and benchmarks.

It writes real PDF 1.4 files: a catalog, a page tree, pages with a text content stream
in Helvetica (WinAnsi, so Latin-1 text works), optional image XObjects, and a correct
cross-reference table with byte offsets. pypdf (and any PDF viewer) reads them like any
other PDF; nothing here is a mock.

>>> data = pdf_from_lines(["Ada Lovelace", "Skills: Python, PyTorch"])
>>> data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
True
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

PAGE_WIDTH = 612
PAGE_HEIGHT = 792
LEADING = 14
TOP = 750
LEFT = 56


@dataclass(frozen=True)
class Run:
    """Text drawn at a position (PDF points from the bottom-left corner)."""

    x: float
    y: float
    text: str
    size: float = 10


@dataclass
class Page:
    """One page: text runs, and optionally a grey image covering part of it."""

    runs: list[Run] = field(default_factory=list)
    image: bool = False


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(page: Page) -> bytes:
    parts: list[bytes] = []
    if page.image:
        parts.append(b"q 400 0 0 300 100 400 cm /Im1 Do Q\n")
    for run in page.runs:
        parts.append(
            b"BT /F1 %g Tf %g %g Td (" % (run.size, run.x, run.y) + _escape(run.text) + b") Tj ET\n"
        )
    return b"".join(parts)


def build_pdf(pages: Sequence[Page], *, compress: bool = True, zero_pages: bool = False) -> bytes:
    """PDF bytes for ``pages`` (``zero_pages`` writes a valid document with no pages)."""
    objects: dict[int, bytes] = {}
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[3] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    # A 2x2 grey image, shared by every page that shows one.
    pixels = bytes([0x40, 0xC0, 0xC0, 0x40])
    objects[4] = (
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace "
        b"/DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n"
        % len(pixels)
        + pixels
        + b"\nendstream"
    )
    kids: list[int] = []
    number = 5
    for page in [] if zero_pages else pages:
        stream = _content(page)
        if compress:
            stream = zlib.compress(stream)
            head = b"<< /Length %d /Filter /FlateDecode >>" % len(stream)
        else:
            head = b"<< /Length %d >>" % len(stream)
        objects[number + 1] = head + b"\nstream\n" + stream + b"\nendstream"
        xobject = b" /XObject << /Im1 4 0 R >>" if page.image else b""
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R >>%s >> /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, xobject, number + 1)
        )
        kids.append(number)
        number += 2
    objects[2] = (
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % k for k in kids)
        + b"] /Count %d >>" % len(kids)
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for key in sorted(objects):
        offsets[key] = len(out)
        out += b"%d 0 obj\n" % key + objects[key] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for key in range(1, size):
        out += b"%010d 00000 n \n" % offsets[key] if key in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def pages_from_lines(lines: Sequence[str], *, per_page: int = 50, size: float = 10) -> list[Page]:
    """Lay lines out top to bottom, ``per_page`` to a page."""
    pages: list[Page] = []
    for start in range(0, max(1, len(lines)), per_page):
        chunk = lines[start : start + per_page]
        pages.append(
            Page([Run(LEFT, TOP - i * LEADING, line, size) for i, line in enumerate(chunk)])
        )
    return pages


def pdf_from_lines(lines: Sequence[str], *, per_page: int = 50, compress: bool = True) -> bytes:
    """A PDF showing ``lines``, one text line each, ``per_page`` lines to a page."""
    return build_pdf(pages_from_lines(lines, per_page=per_page), compress=compress)


def two_column_pdf(left: Sequence[str], right: Sequence[str], *, row_wise: bool) -> bytes:
    """A one-page, two-column PDF.

    ``row_wise`` draws the columns the way some generators do: left line 1, right line
    1, left line 2, ... so reading the content stream in order interleaves the columns.
    """
    runs: list[Run] = []
    rows = max(len(left), len(right))
    if row_wise:
        for i in range(rows):
            if i < len(left):
                runs.append(Run(LEFT, TOP - i * LEADING, left[i]))
            if i < len(right):
                runs.append(Run(330, TOP - i * LEADING, right[i]))
    else:
        runs += [Run(LEFT, TOP - i * LEADING, t) for i, t in enumerate(left)]
        runs += [Run(330, TOP - i * LEADING, t) for i, t in enumerate(right)]
    return build_pdf([Page(runs)])


def image_only_pdf(pages: int = 1) -> bytes:
    """A 'scanned' PDF: every page is an image, with no text at all."""
    return build_pdf([Page(image=True) for _ in range(pages)])


def encrypted_pdf(
    lines: Sequence[str], *, user_password: str = "secret", owner_password: str = "owner"
) -> bytes:
    """A PDF encrypted with pypdf (RC4-128; no extra crypto package needed)."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_from_lines(lines))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def shared_content_pdf(pages: int, content_kb: int) -> bytes:
    """A PDF whose pages all draw one content stream of about ``content_kb`` KB (a
    hostile shape: the page limit alone does not bound the work of reading it)."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    resources = writer._add_object(DictionaryObject({NameObject("/Font"): fonts}))
    line = b"BT /F1 10 Tf 72 700 Td (Built Python and PyTorch models on Kubernetes) Tj ET"
    stream = StreamObject()
    stream.set_data(
        b"\n".join(
            [b"BT /F1 10 Tf 72 720 Td (Jane Roe) Tj ET"] + [line] * (content_kb * 1024 // len(line))
        )
    )
    contents = writer._add_object(stream)
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = contents
        page[NameObject("/Resources")] = resources
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def form_bomb_pdf(depth: int, *, lines: Sequence[str] = ("Jane Roe", "Python")) -> bytes:
    """A small PDF that keeps a PDF reader busy for hours: its page draws form X1, which
    draws X2 twice, which draws X3 twice, ... so reading the page's text walks
    ``2 ** depth`` copies of the last form (depth 18 already takes PDFium about a second;
    each level doubles it). Nothing is malformed: only the work is unbounded. The page
    also shows ``lines`` directly, so the file is a resume until the bomb is reached."""
    text = b" ".join(
        b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (LEFT, TOP - i * LEADING, _escape(line))
        for i, line in enumerate(lines)
    )
    first = 10
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /X %d 0 R >> /Font << /F1 5 0 R >> >> >>" % first,
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    page = text + b" /X Do"
    objects[4] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page), page)
    for level in range(depth):
        number = first + level
        if level < depth - 1:
            body = b"/X Do /X Do"
            resources = b"<< /XObject << /X %d 0 R >> >>" % (number + 1)
        else:
            body = b"BT /F1 10 Tf 72 100 Td (deep) Tj ET"
            resources = b"<< /Font << /F1 5 0 R >> >>"
        objects[number] = (
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources %s "
            b"/Length %d >>\nstream\n%s\nendstream" % (resources, len(body), body)
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    size = max(objects) + 1
    xref = out.tell()
    out.write(b"xref\n0 %d\n" % size)
    for number in range(size):
        if number in offsets:
            out.write(b"%010d 00000 n \n" % offsets[number])
        else:
            out.write(b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()
