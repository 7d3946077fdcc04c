"""Word resumes (skillgap.profiles.docx_resume): real DOCX files built by the tests, good
ones (paragraphs, tables, headers and footers) and every kind of bad one, zip bombs
included."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from skillgap.errors import LimitExceededError, ProfileError
from skillgap.limits import Limits
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from tests.helpers.docx_files import docx_bomb, docx_bytes, zip_bytes
from tests.helpers.files import write
from tests.helpers.resumes import RESUME_LINES, skills


def test_docx_reads_paragraphs_tables_headers_and_footers(
    tmp_path: Path, index: SkillIndex
) -> None:
    data = docx_bytes(
        ["Experience", "Staff ML Engineer, Acme  Jan 2015 - Present", "Built PyTorch models."],
        table=[["Skills", "Kubernetes, Terraform"], ["Tools", "Apache Airflow"]],
        after_table=["Education", "MSc in Machine Learning"],
        header="Grace Hopper | grace@example.com",
        footer="Also fluent in Scala and Rust",
    )
    path = write(tmp_path, "grace.docx", data)
    profile = load_profile(path)
    assert profile.format == "docx"
    assert profile.identity.email == "grace@example.com"
    found = skills(index, path)
    assert {"PyTorch", "Kubernetes", "Terraform", "Airflow", "Scala"} <= found
    # A one-line-per-cell table row stays one line: "Skills | Kubernetes, Terraform".
    assert {"Kubernetes", "Terraform"} <= {d.name for d in profile.declared_skills}
    assert profile.education and profile.education[0].degree_level == "master"


def test_docx_layout_table_is_read_cell_by_cell(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    grid = document.add_table(rows=1, cols=2)
    grid.cell(0, 0).text = "Skills"
    grid.cell(0, 0).add_paragraph("Python, Terraform")
    grid.cell(0, 1).text = "Experience"
    grid.cell(0, 1).add_paragraph("Built data pipelines")
    buffer = io.BytesIO()
    document.save(buffer)
    profile = load_profile(write(tmp_path, "layout.docx", buffer.getvalue()))
    assert {"Python", "Terraform"} == {d.name for d in profile.declared_skills}
    assert any(
        "Built data pipelines" in s.text for s in profile.segments if s.source == "experience"
    )


def test_docx_and_text_of_the_same_resume_match_the_same_skills(
    tmp_path: Path, index: SkillIndex
) -> None:
    docx = write(tmp_path, "ada.docx", docx_bytes(RESUME_LINES))
    txt = write(tmp_path, "ada.txt", "\n".join(RESUME_LINES).encode())
    assert skills(index, docx) == skills(index, txt)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("zero.docx", b"", "file is empty"),
        (
            "not-a-zip.docx",
            b"This is plain text pretending to be Word.\n" * 5,
            "is not a DOCX file: not a zip archive",
        ),
        (
            "old-word.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "not a zip archive (an old Word .doc? save it as .docx or PDF)",
        ),
        (
            "other.docx",
            zip_bytes({"hello.txt": b"hi"}),
            "is a zip archive but not a Word document (no word/document.xml)",
        ),
        ("empty-body.docx", docx_bytes([]), "is a DOCX with no text in it"),
    ],
)
def test_bad_docx_is_one_clear_error(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert expected in str(caught.value)


def test_docx_bomb_is_refused_from_its_declared_size(tmp_path: Path) -> None:
    """1 GiB of XML in a 1 MB file: refused before anything is unpacked."""
    path = write(tmp_path, "bomb.docx", docx_bomb(1 << 30))
    assert path.stat().st_size < 2_000_000
    with pytest.raises(
        LimitExceededError,
        match=r"would unpack to 1\.0 GB, over the 200\.0 MB "
        "limit for DOCX files \\(a zip bomb\\?\\)",
    ):
        load_profile(path)


def test_docx_bomb_with_lying_headers_is_bounded(tmp_path: Path) -> None:
    """Headers claiming 1 KB for 64 MB of XML: decompression stops at the limit."""
    path = write(tmp_path, "liar.docx", docx_bomb(64 << 20, declared=1024))
    with pytest.raises(ProfileError, match=r"damaged DOCX|zip bomb"):
        load_profile(path)


def test_docx_over_a_lowered_limit_is_refused_while_unpacking(tmp_path: Path) -> None:
    path = write(tmp_path, "big.docx", docx_bomb(8 << 20))
    with pytest.raises(LimitExceededError, match="raise it with --max-docx-size"):
        load_profile(path, limits=Limits(max_docx_uncompressed_bytes=4 << 20))
