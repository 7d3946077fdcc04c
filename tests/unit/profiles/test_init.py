"""Loading a profile (skillgap.profiles: load_profile and its registry of loaders): the
formats recognised by content, a forced format, and the files no loader can use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.profiles import detect_loader, load_profile, profile_formats
from tests.helpers.docx_files import docx_bytes
from tests.helpers.files import write
from tests.helpers.loading import profile_error
from tests.helpers.pdf import pdf_from_lines
from tests.helpers.resumes import RESUME_LINES


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.md", b"  \n\n\t\n", "file is empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("truncated.json", b'{"basics": {"name": "A", "summary": "Python', "ends early"),
        # Comments and trailing commas are read (as JSON5); a file broken besides is not.
        ("comments.json", b'{"basics": {"name": "A"} // note\n', "because of a comment"),
        ("trailing.json", b'{"basics": {"name": "A",}} x', "because of a trailing comma"),
        ("list.json", b"[1, 2, 3]", "is a list, not a profile"),
        (
            "schema.json",
            json.dumps(
                {"$schema": "http://json-schema.org/draft-07/schema#", "properties": {"basics": {}}}
            ).encode(),
            "is a JSON Schema",
        ),
    ],
)
def test_unusable_profiles(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    assert expected in profile_error(write(tmp_path, name, content))


def test_forced_format_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path, "resume.data", "# Sam\n\n## Skills\n- Python\n")
    assert load_profile(path, format="markdown").format == "markdown"
    with pytest.raises(Exception, match="unknown profile format 'pdf2'"):
        load_profile(path, format="pdf2")


def test_document_formats_are_registered_before_text() -> None:
    formats = profile_formats()
    assert "pdf" in formats and "docx" in formats
    assert formats.index("pdf") < formats.index("text")
    assert formats.index("docx") < formats.index("text")


def test_pdf_and_docx_are_recognised_by_content_whatever_the_name(tmp_path: Path) -> None:
    pdf = write(tmp_path, "resume.bin", pdf_from_lines(RESUME_LINES))
    docx = write(tmp_path, "resume", docx_bytes(RESUME_LINES))
    assert detect_loader(pdf, pdf.read_bytes()).format == "pdf"
    assert detect_loader(docx, docx.read_bytes()).format == "docx"


def test_text_that_mentions_a_pdf_header_is_not_a_pdf(tmp_path: Path) -> None:
    """A CSV or note quoting "no '%PDF-' header" is read as text; a real header after a
    little junk (as some writers leave) is still a PDF."""

    note = b"Jane Roe\nSKILLS\nPython\nerror: is not a PDF (no '%PDF-' header)\n"
    assert detect_loader(tmp_path / "notes.csv", note).format == "text"
    assert detect_loader(tmp_path / "x.bin", b"\r\n\r\n%PDF-1.7\n%...").format == "pdf"
