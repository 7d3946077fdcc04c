"""PDF and DOCX resumes: real files built by the tests, good ones and every kind of bad one."""

from __future__ import annotations

import io
import random
import warnings
from pathlib import Path

import pytest

from skillgap.errors import LimitExceededError, ProfileError
from skillgap.limits import Limits
from skillgap.matching.index import SkillIndex
from skillgap.profiles import detect_loader, load_profile, profile_formats
from skillgap.profiles.extracted import clean_extracted_text

from .helpers.docx_files import docx_bomb, docx_bytes, zip_bytes
from .helpers.pdf import (
    Page,
    Run,
    build_pdf,
    encrypted_pdf,
    image_only_pdf,
    pdf_from_lines,
    two_column_pdf,
)

RESUME_LINES = [
    "Ada Lovelace",
    "ada@example.com | +44 20 7946 0958",
    "",
    "Experience",
    "Staff Machine Learning Engineer, Acme  Jan 2015 - Present",
    "- Built PyTorch models and deployed them on Kubernetes.",
    "- Led a team of 6 engineers.",
    "",
    "Skills",
    "Python, TensorFlow, Apache Spark",
    "",
    "Education",
    "PhD in Computer Science, Cambridge",
]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def skills(index: SkillIndex, path: Path, **kwargs: object) -> set[str]:
    return set(index.match_profile(load_profile(path, **kwargs)).evidence)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- registry


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


# --------------------------------------------------------------------------- PDF


def test_pdf_resume_gives_sections_declared_skills_jobs_and_education(
    tmp_path: Path, index: SkillIndex
) -> None:
    path = write(tmp_path, "ada.pdf", pdf_from_lines(RESUME_LINES))
    profile = load_profile(path)
    assert profile.format == "pdf"
    assert profile.identity.name == "Ada Lovelace"
    assert {d.name for d in profile.declared_skills} >= {"Python", "TensorFlow", "Apache Spark"}
    assert len(profile.jobs) == 1 and profile.jobs[0].end is None
    assert profile.education[0].degree_level == "phd"
    assert {"PyTorch", "Kubernetes", "Python", "TensorFlow"} <= skills(index, path)


def test_pdf_and_text_of_the_same_resume_match_the_same_skills(
    tmp_path: Path, index: SkillIndex
) -> None:
    pdf = write(tmp_path, "ada.pdf", pdf_from_lines(RESUME_LINES, per_page=7))
    txt = write(tmp_path, "ada.txt", "\n".join(RESUME_LINES).encode())
    assert skills(index, pdf) == skills(index, txt)


def test_multi_page_pdf_reads_every_page(tmp_path: Path, index: SkillIndex) -> None:
    lines = ["Ada Lovelace", "Experience"] + ["Wrote reports."] * 60 + ["Used Terraform daily."]
    path = write(tmp_path, "long.pdf", pdf_from_lines(lines, per_page=20))
    assert "Terraform" in skills(index, path)


def test_row_wise_two_column_pdf_is_read_column_by_column(tmp_path: Path) -> None:
    left = [
        "Experience",
        "Built recommendation models",
        "Deployed services",
        "Led the data team",
        "Wrote design documents",
        "Mentored interns",
    ]
    right = ["Skills", "Python, Go", "Apache Spark", "Terraform", "Airflow", "Docker"]
    path = write(tmp_path, "two.pdf", two_column_pdf(left, right, row_wise=True))
    profile = load_profile(path)
    # The right column's "Skills" heading starts its own section: its items are declared.
    assert {"Apache Spark", "Terraform", "Airflow"} <= {d.name for d in profile.declared_skills}
    text = "\n".join(s.text for s in profile.segments)
    assert "Deployed services" in text and "Deployed services Apache Spark" not in text


def test_column_ordered_two_column_pdf_keeps_pypdf_order(tmp_path: Path) -> None:
    left = ["Experience", "Built recommendation models", "Deployed services"]
    right = ["Skills", "Python, Go", "Terraform"]
    path = write(tmp_path, "two.pdf", two_column_pdf(left, right, row_wise=False))
    assert {"Terraform"} <= {d.name for d in load_profile(path).declared_skills}


def test_pdf_hyphenated_line_ends_are_joined(tmp_path: Path, index: SkillIndex) -> None:
    lines = [
        "Ada Lovelace",
        "Experience",
        "Ran production clusters on Kuber-",
        "netes and wrote Terra-",
        "form modules.",
    ]
    assert {"Kubernetes", "Terraform"} <= skills(
        index, write(tmp_path, "h.pdf", pdf_from_lines(lines))
    )


def test_pypdf_warnings_never_escape(
    tmp_path: Path, recwarn: pytest.WarningsRecorder, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged xref makes pypdf warn and log; the loader keeps both to itself."""
    data = pdf_from_lines(RESUME_LINES)
    broken = data.replace(b"startxref\n", b"startxref\n9").replace(b"xref\n0 ", b"xref\n0 ")
    path = write(tmp_path, "broken-xref.pdf", broken)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        profile = load_profile(path)
    assert profile.identity.name == "Ada Lovelace"
    assert not recwarn.list
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("zero.pdf", b"", "file is empty"),
        ("random.pdf", random.Random(4).randbytes(3000), "is not a PDF (no '%PDF-' header)"),
        ("truncated.pdf", pdf_from_lines(RESUME_LINES)[:300], "is not a readable PDF"),
        ("image-only.pdf", image_only_pdf(2), "no extractable text — scanned? run OCR first"),
        ("no-pages.pdf", build_pdf([], zero_pages=True), "is a PDF with no pages"),
        ("blank.pdf", build_pdf([Page()]), "no extractable text"),
    ],
)
def test_bad_pdf_is_one_clear_error(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message


def test_encrypted_pdf_says_it_needs_the_password_removed(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.pdf", encrypted_pdf(RESUME_LINES))
    with pytest.raises(ProfileError, match=r"encrypted .*remove the password"):
        load_profile(path)


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path, index: SkillIndex) -> None:
    """Restrictions-only PDFs (empty user password) are common and perfectly readable."""
    path = write(tmp_path, "restricted.pdf", encrypted_pdf(RESUME_LINES, user_password=""))
    assert "PyTorch" in skills(index, path)


def test_pdf_with_more_pages_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "long.pdf", pdf_from_lines(["Python"] * 30, per_page=5))
    with pytest.raises(
        LimitExceededError, match="has 6 pages, over the limit of 5; raise it with --max-pages"
    ):
        load_profile(path, limits=Limits(max_pdf_pages=5))


def test_scanned_page_with_a_little_text_is_still_refused(tmp_path: Path) -> None:
    """A scan with a stray page number is not a zero-skill candidate."""
    page = Page(runs=[Run(300, 40, "1")], image=True)
    with pytest.raises(ProfileError, match="scanned"):
        load_profile(write(tmp_path, "scan.pdf", build_pdf([page])))


# --------------------------------------------------------------------------- DOCX


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


# --------------------------------------------------------------------------- other files


def test_json_schema_is_not_a_resume(tmp_path: Path) -> None:
    schema = (
        b'{"$schema": "http://json-schema.org/draft-07/schema#", "title": "Resume",'
        b' "type": "object", "properties": {"basics": {"type": "object"}}}'
    )
    with pytest.raises(ProfileError, match="is a JSON Schema, not a resume"):
        load_profile(write(tmp_path, "schema.json", schema))


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_text_resume_in_any_common_encoding(
    tmp_path: Path, index: SkillIndex, encoding: str, bom: bytes
) -> None:
    text = (
        "José Müller\nCafé owner turned engineer, résumé\n\nExperience\n"
        "Built PyTorch models for the naïve Bayes team at Zürich office.\n"
        "Deployed them on Kubernetes with Terraform.\n" * 3
    )
    path = write(tmp_path, "resume.txt", bom + text.encode(encoding))
    profile = load_profile(path)
    assert profile.identity.name == "José Müller"
    assert "Zürich" in profile.segments[-1].text
    assert {"PyTorch", "Kubernetes", "Terraform"} <= skills(index, path)


# --------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Arti\ufb01cial intelligence, work\ufb02ows", "Artificial intelligence, workflows\n"),
        ("Deployed on Kuber-\nnetes clusters", "Deployed on Kubernetes\nclusters\n"),
        ("end-to-\nend testing", "end-to-end testing\n"),
        ("Python -\nnumpy", "Python -\nnumpy\n"),
        ("\uf0b7 Built models\n\uf0a7 Led teams", "• Built models\n• Led teams\n"),
        ("Java • Shell \u25aa Python", "Java • Shell • Python\n"),
        ("o Wrote docs", "• Wrote docs\n"),
        ("S K I L L S", "SKILLS\n"),
        ("wrote code inPHP and forJS usingPython", "wrote code in PHP and for JS using Python\n"),
        ("JavaScript, PyTorch, iOS, LinkedIn", "JavaScript, PyTorch, iOS, LinkedIn\n"),
        ("Page 2 of 3\nPython", "Python\n"),
    ],
)
def test_clean_extracted_text(raw: str, clean: str) -> None:
    assert clean_extracted_text(raw) == clean
