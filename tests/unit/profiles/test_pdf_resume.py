"""PDF resumes (skillgap.profiles.pdf_resume): real files built by the tests, good ones and
every kind of bad one."""

from __future__ import annotations

import random
import warnings
from pathlib import Path

import pytest

from skillgap.errors import LimitExceededError, ProfileError
from skillgap.limits import Limits
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from tests.helpers.files import write
from tests.helpers.pdf import (
    Page,
    Run,
    build_pdf,
    encrypted_pdf,
    image_only_pdf,
    pdf_from_lines,
    two_column_pdf,
)
from tests.helpers.resumes import RESUME_LINES, skills


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
