"""Word resumes (.docx): check the archive, extract the text in reading order, parse it.

What can go wrong with a DOCX is a clear, one-line error, never a traceback: not a zip
archive (an old ``.doc`` renamed?), a zip without ``word/document.xml``, or an archive
that would unpack to more than ``Limits.max_docx_uncompressed_bytes``. The declared
sizes are checked first, then every member is actually decompressed with a running
count, so a zip that lies in its headers is caught too (zipfile also stops at the
declared size and checks CRCs).

Text comes from the headers, the body (paragraphs, tables and text boxes, in reading
order) and the footers, read with python-docx's XML tree.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LimitExceededError, ProfileError
from ..limits import Limits, human_bytes
from .base import short_reason
from .extracted import document_profile, finish_extracted
from .model import Profile

#: Most members a DOCX archive may have (a real one has a few dozen).
MAX_DOCX_MEMBERS = 10_000


_CHUNK = 1 << 20


_DOCUMENT_XML = "word/document.xml"


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
            raise ProfileError(f"is a damaged DOCX ({short_reason(exc)})", path=display) from exc


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
    """Text boxes anchored in a paragraph (the modern copy; never the VML fallback).

    A box inside another box is reached through its outer box, so only the outermost
    are returned: each box's ancestors are walked once (linear in the boxes, where
    comparing every box with every other was cubic: 20,000 boxes in one paragraph hung).
    """
    boxes = []
    for box in p.iter(_TXBX):
        parent = box.getparent()
        while parent is not None and parent is not p:
            if parent.tag in (_MC_FALLBACK, _TXBX):  # the fallback copy, or a nested box
                break
            parent = parent.getparent()
        else:
            boxes.append(box)
    return boxes


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
        raise ProfileError(f"is not a readable DOCX ({short_reason(exc)})", path=display) from exc
    text = "\n".join([*headers, *body_lines, *footers])
    if not text.strip():
        raise ProfileError(
            "is a DOCX with no text in it (only images?); give the resume with its text",
            path=display,
        )
    return text


def _is_docx_zip(head: bytes) -> bool:
    # The first member of a Word zip is almost always [Content_Types].xml; word/ paths
    # show up in the local headers near the start.
    return head.startswith(b"PK\x03\x04") and (b"[Content_Types].xml" in head or b"word/" in head)


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
        text, notes = finish_extracted(
            extract_docx_text(data, display=display, limits=limits), limits
        )
        return document_profile(text, notes, display=display, fmt=self.format, data=data)


__all__ = ["MAX_DOCX_MEMBERS", "DocxResumeLoader", "check_docx_archive", "extract_docx_text"]
