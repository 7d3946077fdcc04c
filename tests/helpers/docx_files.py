"""Real DOCX files built with python-docx, and hostile zips built by hand."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Sequence


def docx_bytes(
    paragraphs: Sequence[str] = (),
    *,
    table: Sequence[Sequence[str]] = (),
    header: str | None = None,
    footer: str | None = None,
    after_table: Sequence[str] = (),
) -> bytes:
    """A Word document: paragraphs, then a table (rows of cells), then more paragraphs."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(r) for r in table))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    for text in after_table:
        document.add_paragraph(text)
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A plain zip archive (deflated) with the given members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _deflated_zeros(size: int) -> tuple[bytes, int]:
    """Raw deflate of ``size`` zero bytes, built from one repeated 1 MiB block, and its CRC.

    After a full flush the compressor's state is reset, so each block of zeros
    compresses to the same bytes: a gigabyte costs a few milliseconds to build.
    """
    block = 1 << 20
    assert size % block == 0
    zeros = bytes(block)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    count = size // block
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)  # about 0.2 s per GiB
    return piece * count + tail, crc


def docx_bomb(uncompressed: int = 1 << 30, *, declared: int | None = None) -> bytes:
    """A 'DOCX' whose word/document.xml unpacks to ``uncompressed`` bytes of zeros.

    ``declared`` writes a different (lying) uncompressed size into the zip headers.
    The archive is written by hand, so the headers say exactly what we choose.
    """
    data, crc = _deflated_zeros(uncompressed)
    size = uncompressed if declared is None else declared
    members = [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", None)]
    out = bytearray()
    central = bytearray()
    for name, content in members:
        encoded = name.encode()
        offset = len(out)
        if content is None:
            body, member_crc, member_size = data, crc, size
        else:
            body = zlib.compress(content)[2:-4]
            member_crc, member_size = zlib.crc32(content), len(content)
        out += (
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                0,
                8,
                0,
                0,
                member_crc,
                len(body),
                member_size,
                len(encoded),
                0,
            )
            + encoded
            + body
        )
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                member_crc,
                len(body),
                member_size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0
    )
    return bytes(out)


def docx_with_body_xml(body_xml: str) -> bytes:
    """A real Word document whose body starts with ``body_xml`` (WordprocessingML, the
    ``w:`` prefix bound), for shapes python-docx cannot write: text boxes, a million runs."""
    base = docx_bytes(["Jane Roe", "SKILLS", "Python"])
    source = zipfile.ZipFile(io.BytesIO(base))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.index("<w:body>") + len("<w:body>")
                data = (text[:at] + body_xml + text[at:]).encode("utf-8")
            archive.writestr(member, data)
    return buffer.getvalue()
