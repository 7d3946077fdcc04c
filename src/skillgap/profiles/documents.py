"""PDF and DOCX resumes: extract the text, clean what extraction leaves behind, parse it.

Both loaders end in :func:`skillgap.profiles.resume_text.parse_resume_text`, so sections,
declared skills, jobs and education are recognised exactly as for a text resume.

What can go wrong with a document is a clear, one-line error, never a traceback:

* **PDF**: not a PDF at all, truncated or corrupt, encrypted with a password, zero
  pages, more pages than ``Limits.max_pdf_pages``, or pages with no text layer (a
  scanned resume: run OCR first). pypdf's own warnings and log messages are captured
  here, so nothing leaks to stderr (and ``-W error`` test runs stay green).
* **DOCX**: not a zip archive (an old ``.doc`` renamed?), a zip without
  ``word/document.xml``, or an archive that would unpack to more than
  ``Limits.max_docx_uncompressed_bytes``. The declared sizes are checked first, then
  every member is actually decompressed with a running count, so a zip that lies in
  its headers is caught too (zipfile also stops at the declared size and checks CRCs).

Extraction artefacts are cleaned by :func:`clean_extracted_text` (a pure function):
hyphenation at line ends, ligatures, bullet glyphs from symbol fonts, letter-spaced
headings and short words glued to the next one by the layout. Two-column PDFs whose
content stream interleaves the columns line by line are detected from text positions
and re-read column by column from pypdf's layout mode.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LimitExceededError, ProfileError
from ..io.read import sha256_hex
from ..limits import Limits, human_bytes
from ..profile import Profile

#: Most members a DOCX archive may have (a real one has a few dozen).
MAX_DOCX_MEMBERS = 10_000
_CHUNK = 1 << 20
_DOCUMENT_XML = "word/document.xml"


# --------------------------------------------------------------------------- cleaning

# A word broken across lines with a hyphen: "experi-\nence". Only joined when both sides
# are lower-case letters and the first part is not itself part of a hyphenated compound
# ("end-to-\nend" keeps its hyphen).
_LINE_HYPHEN_RE = re.compile(r"(?<![\w-])([^\W\d_]*[a-z])-[ \t]*\n[ \t]*([a-z][^\W\d_]*)[ \t]*")
_COMPOUND_HYPHEN_RE = re.compile(r"([^\W\d_]+-[^\W\d_]*[a-z])-[ \t]*\n[ \t]*([a-z])")
# Bullets drawn with symbol fonts (Symbol, Wingdings) come out as private-use characters.
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
_ALNUM_RE = re.compile(r"[^\W_]")
_BULLET_GLYPHS = "•●▪■◦‣∙⁃◆◇►▸▹➢➤✓✔❖⦿⦾○□·"
_LEADING_GLYPH_RE = re.compile(rf"^([ \t]*)[{_BULLET_GLYPHS}][ \t]*", re.MULTILINE)
_INNER_GLYPH_RE = re.compile(rf"[ \t]+[{_BULLET_GLYPHS}](?=[ \t])")
# Word's "o" sub-bullet (Courier New) at the start of a line.
_O_BULLET_RE = re.compile(r"^([ \t]*)o[ \t]+(?=\S)", re.MULTILINE)
# Letter-spaced headings: "S K I L L S" (four or more single letters, single spaces).
_LETTER_SPACED_RE = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
# A short function word glued to the next word by the layout: "inPHP", "forJS",
# "usingPython". Only lower-case function words followed by a capital are split.
_GLUED_RE = re.compile(
    r"\b(in|for|and|of|to|with|using|on|at|from|via|by|into|including)"
    r"(?=[A-Z](?:[a-z]{2,}|[A-Z0-9+#]))"
)
_PAGE_NUMBER_RE = re.compile(
    r"^[ \t]*(?:page[ \t]+)?\d{1,3}[ \t]*(?:of|/)[ \t]*\d{1,3}[ \t]*$", re.IGNORECASE | re.MULTILINE
)
_TRAILING_SPACE_RE = re.compile(r"[ \t]+$", re.MULTILINE)
_MANY_BLANK_LINES_RE = re.compile(r"\n{3,}")


def clean_extracted_text(text: str) -> str:
    """Undo the damage text extraction does to a resume.

    >>> clean_extracted_text("Built Kuber-\\nnetes clusters inPython\\n\\uf0b7 S K I L L S")
    'Built Kubernetes\\nclusters in Python\\n• SKILLS'
    """
    from ..text import prepare_text

    text = prepare_text(text)  # NFKC: ligatures (ﬁ, ﬂ, ﬀ) become letters
    text = _PRIVATE_USE_RE.sub("•", text)
    text = _LEADING_GLYPH_RE.sub(r"\1• ", text)
    text = _INNER_GLYPH_RE.sub(" •", text)
    text = _O_BULLET_RE.sub(r"\1• ", text)
    text = _COMPOUND_HYPHEN_RE.sub(r"\1-\2", text)
    # The joined word stays on the first line; the rest of the second line follows it.
    text = _LINE_HYPHEN_RE.sub(_join_hyphenated, text)
    text = _LETTER_SPACED_RE.sub(lambda m: m.group().replace(" ", ""), text)
    text = _GLUED_RE.sub(r"\1 ", text)
    text = _PAGE_NUMBER_RE.sub("", text)
    text = _TRAILING_SPACE_RE.sub("", text)
    return _MANY_BLANK_LINES_RE.sub("\n\n", text).strip("\n") + "\n"


def _join_hyphenated(match: re.Match[str]) -> str:
    return f"{match.group(1)}{match.group(2)}\n"


def _finish(text: str, limits: Limits) -> tuple[str, tuple[str, ...]]:
    text = clean_extracted_text(text)
    if len(text) > limits.max_text_chars:
        note = (
            f"text cut to the first {limits.max_text_chars:,} characters (--max-text "
            "raises the limit)"
        )
        return text[: limits.max_text_chars], (note,)
    return text, ()


def _profile(
    text: str, warnings_: tuple[str, ...], *, display: str, fmt: str, data: bytes
) -> Profile:
    from . import _require_text
    from .resume_text import parse_resume_text

    profile = parse_resume_text(
        text, source=display, fmt=fmt, sha256=sha256_hex(data), warnings=warnings_
    )
    return _require_text(profile, display)


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


def _has_images(page: Any) -> bool:
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        return any(
            (xobjects[name].get_object() or {}).get("/Subtype") == "/Image" for name in xobjects
        )
    except Exception:
        return False


def extract_pdf_text(data: bytes, *, display: str, limits: Limits) -> str:
    """The text of a PDF, page by page, or a :class:`ProfileError` saying why not."""
    if b"%PDF-" not in data[:1024]:
        raise ProfileError(
            "is not a PDF (no '%PDF-' header); the file is damaged or has the wrong extension",
            path=display,
        )
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
                f"is not a readable PDF (truncated or corrupt: {_reason(exc)})", path=display
            ) from exc
        if count == 0:
            raise ProfileError("is a PDF with no pages: nothing to score", path=display)
        if count > limits.max_pdf_pages:
            raise LimitExceededError(
                f"has {count:,} pages, over the limit of {limits.max_pdf_pages:,}; raise it "
                "with --max-pages if the file is genuine",
                path=display,
            )
        texts: list[str] = []
        images = False
        for number, page in enumerate(reader.pages, start=1):
            try:
                page_text = _page_text(page)
            except Exception as exc:
                raise ProfileError(
                    f"page {number} cannot be read (corrupt PDF: {_reason(exc)})", path=display
                ) from exc
            if not page_text.strip():
                images = images or _has_images(page)
            texts.append(page_text)
    text = "\n\n".join(texts)
    # Fewer than ten letters or digits in the whole document: counted by a scan that
    # stops at the tenth ([^\W_] is exactly str.isalnum).
    if sum(1 for _ in itertools.islice(_ALNUM_RE.finditer(text), 10)) < 10:
        reason = (
            _SCANNED
            if images or not text.strip()
            else _SCANNED.replace("has no extractable text", "has almost no extractable text")
        )
        raise ProfileError(reason, path=display)
    return text


def _reason(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= 120 else message[:119] + "…"


# --------------------------------------------------------------------------- DOCX


def check_docx_archive(data: bytes, *, display: str, limits: Limits) -> None:
    """Refuse a .docx that is not a Word zip, or that unpacks to too much.

    Declared sizes are checked first (cheap); then every member is decompressed in
    chunks with a running total, so an archive whose headers lie is bounded too.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        hint = (
            " (an old Word .doc? save it as .docx or PDF)"
            if data[:4] == b"\xd0\xcf\x11\xe0"
            else ""
        )
        raise ProfileError(f"is not a DOCX file: not a zip archive{hint}", path=display) from exc
    limit = limits.max_docx_uncompressed_bytes
    with archive:
        members = archive.infolist()
        if len(members) > MAX_DOCX_MEMBERS:
            raise LimitExceededError(
                f"is a zip with {len(members):,} members, over the "
                f"{MAX_DOCX_MEMBERS:,} a DOCX can have",
                path=display,
            )
        if _DOCUMENT_XML not in {m.filename for m in members}:
            raise ProfileError(
                f"is a zip archive but not a Word document (no "
                f"{_DOCUMENT_XML}); give a .docx saved by Word, LibreOffice "
                "or Google Docs",
                path=display,
            )
        declared = sum(m.file_size for m in members)
        if declared > limit:
            raise LimitExceededError(
                f"would unpack to {human_bytes(declared)}, over the {human_bytes(limit)} "
                "limit for DOCX files (a zip bomb?); raise it with --max-docx-size if the "
                "file is genuine",
                path=display,
            )
        total = 0
        try:
            for member in members:
                with archive.open(member) as handle:
                    while chunk := handle.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            raise LimitExceededError(
                                f"unpacks to more than the {human_bytes(limit)} limit for "
                                "DOCX files (a zip bomb?); raise it with --max-docx-size if "
                                "the file is genuine",
                                path=display,
                            )
        except LimitExceededError:
            raise
        except Exception as exc:
            raise ProfileError(f"is a damaged DOCX ({_reason(exc)})", path=display) from exc


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_T, _TAB, _BR, _CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_NB_HYPHEN, _TXBX = f"{_W}noBreakHyphen", f"{_W}txbxContent"
_SKIP_IN_PARAGRAPH = frozenset({_TXBX, f"{_W}del", f"{_W}delText", _MC_FALLBACK, f"{_W}instrText"})


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _NB_HYPHEN:
                parts.append("-")
            elif isinstance(tag, str) and tag not in _SKIP_IN_PARAGRAPH:
                walk(child)  # runs inside hyperlinks, insertions, smart tags, fields

    walk(p)
    return "".join(parts)


def _text_boxes(p: Any) -> list[Any]:
    """Text boxes anchored in a paragraph (the modern copy; never the VML fallback)."""
    boxes = []
    for box in p.iter(_TXBX):
        parent = box.getparent()
        while parent is not None and parent is not p:
            if parent.tag == _MC_FALLBACK:
                break
            parent = parent.getparent()
        else:
            boxes.append(box)
    # Nested boxes are reached through their outer box.
    return [b for b in boxes if not any(o is not b and b in set(o.iter(_TXBX)) for o in boxes)]


def _block_lines(container: Any, out: list[str]) -> None:
    """Lines of text from a body, cell, header, footer or text box, in reading order."""
    for child in container:
        tag = child.tag
        if tag == _P:
            out.append(_paragraph_text(child))
            for box in _text_boxes(child):
                _block_lines(box, out)
        elif tag == _TBL:
            _table_lines(child, out)
        elif isinstance(tag, str) and not tag.endswith(("}sectPr", "}tblPr", "}tblGrid")):
            _block_lines(child, out)  # content controls (w:sdt), custom XML, ...


def _table_lines(table: Any, out: list[str]) -> None:
    """A table, row by row.

    A row whose cells each hold one short line is a real table row ("MSc | Data Science
    | 2015") and stays on one line; a row of cells with several paragraphs is a layout
    table (two-column resumes made in Word), read cell by cell.
    """
    for row in table.iter(_TR):
        if row.getparent() is not table and row.getparent().getparent() is not table:
            continue  # rows of nested tables are read with their cell
        cells: list[list[str]] = []
        for cell in row:
            if cell.tag != _TC:
                continue
            lines: list[str] = []
            _block_lines(cell, lines)
            lines = [line for line in lines if line.strip()]
            if lines:
                cells.append(lines)
        if not cells:
            continue
        if all(len(c) == 1 and len(c[0]) <= 80 for c in cells):
            out.append(" | ".join(c[0].strip() for c in cells))
        else:
            for lines in cells:
                out.extend(lines)
                out.append("")


def extract_docx_text(data: bytes, *, display: str, limits: Limits) -> str:
    """The text of a DOCX: headers, body (paragraphs, tables, text boxes), footers."""
    check_docx_archive(data, display=display, limits=limits)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        document = docx.Document(io.BytesIO(data))
        body_lines: list[str] = []
        _block_lines(document.element.body, body_lines)
        headers: list[str] = []
        footers: list[str] = []
        seen: set[str] = set()
        rels = sorted(document.part.rels.values(), key=lambda r: str(r.rId))
        for rel in rels:
            if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
                continue
            lines: list[str] = []
            _block_lines(rel.target_part.element, lines)
            block = "\n".join(line for line in lines if line.strip())
            if block and block not in seen:
                seen.add(block)
                (headers if rel.reltype == RT.HEADER else footers).append(block)
    except ProfileError:
        raise
    except Exception as exc:
        raise ProfileError(f"is not a readable DOCX ({_reason(exc)})", path=display) from exc
    text = "\n".join([*headers, *body_lines, *footers])
    if not text.strip():
        raise ProfileError(
            "is a DOCX with no text in it (only images?); give the resume with its text",
            path=display,
        )
    return text


# --------------------------------------------------------------------------- loaders


def _is_docx_zip(head: bytes) -> bool:
    # The first member of a Word zip is almost always [Content_Types].xml; word/ paths
    # show up in the local headers near the start.
    return head.startswith(b"PK\x03\x04") and (b"[Content_Types].xml" in head or b"word/" in head)


@dataclass(frozen=True)
class PdfResumeLoader:
    """PDF resumes with a text layer (read with pypdf)."""

    format: str = "pdf"
    description: str = "PDF resume with a text layer (.pdf)"

    def sniff(self, path: Path, head: bytes) -> int:
        if head.startswith(b"%PDF-"):
            return 100
        if b"%PDF-" in head[:1024]:
            return 95  # some writers put junk before the header; readers allow 1 KB
        # A damaged file named .pdf gets a PDF error, not "binary file, not text".
        return 90 if path.suffix.lower() == ".pdf" else 0

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        text, notes = _finish(extract_pdf_text(data, display=display, limits=limits), limits)
        return _profile(text, notes, display=display, fmt=self.format, data=data)


@dataclass(frozen=True)
class DocxResumeLoader:
    """Word resumes (.docx, read with python-docx)."""

    format: str = "docx"
    description: str = "Word resume (.docx)"

    def sniff(self, path: Path, head: bytes) -> int:
        if _is_docx_zip(head):
            return 100
        return 90 if path.suffix.lower() in (".docx", ".docm", ".dotx") else 0

    def load(self, path: Path, data: bytes, *, display: str, limits: Limits) -> Profile:
        text, notes = _finish(extract_docx_text(data, display=display, limits=limits), limits)
        return _profile(text, notes, display=display, fmt=self.format, data=data)


__all__ = [
    "DocxResumeLoader",
    "PdfResumeLoader",
    "check_docx_archive",
    "clean_extracted_text",
    "extract_docx_text",
    "extract_pdf_text",
]
