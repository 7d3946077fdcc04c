"""PDF text with PDFium (pypdfium2) first and pypdf as the fallback: the same text where
both read a file, the reader recorded, and each reader's failures as clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.errors import ProfileError
from skillgap.limits import DEFAULT_LIMITS
from skillgap.profiles import load_profile
from skillgap.profiles.pdf_resume import read_pdf
from skillgap.rubric.parse import load_rubric
from tests.helpers.files import write
from tests.helpers.pdf import encrypted_pdf, pdf_from_lines, two_column_pdf

LINES = [
    "Ada Lovelace",
    "Experience",
    "Senior ML Engineer, Analytical Engines Ltd, 2019 - 2024",
    "Built PyTorch models and served them on Kubernetes.",
    "Skills: Python, SQL, Terraform",
]


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("readers", [("pypdfium2",), ("pypdf",)])
def test_each_reader_gives_the_text_and_says_who_read_it(readers: tuple[str, ...]) -> None:
    read = read_pdf(pdf_from_lines(LINES), display="r.pdf", limits=DEFAULT_LIMITS, readers=readers)
    assert words(read.text) == words("\n".join(LINES))
    assert read.reader.startswith(readers[0] + " ")


def test_pdfium_is_tried_first_and_recorded_in_the_report(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, "r.pdf", pdf_from_lines(LINES)))
    assert profile.reader is not None and profile.reader.startswith("pypdfium2 ")
    report = analyze(profile, load_rubric())
    assert report.candidate.reader == profile.reader
    assert load_profile(write(tmp_path, "r.txt", "\n".join(LINES))).reader is None


def test_a_file_pdfium_cannot_read_goes_to_pypdf_which_says_what_is_wrong() -> None:
    """PDFium repairs more than pypdf does; what it cannot read, pypdf is asked about
    (and its error is the one reported)."""
    data = pdf_from_lines(LINES, compress=False).replace(b"/Kids [", b"/Kidz [")
    with pytest.raises(ProfileError, match="is a PDF with no pages"):
        read_pdf(data, display="r.pdf", limits=DEFAULT_LIMITS)
    garbage = b"%PDF-1.4\n" + bytes(range(256)) * 8
    with pytest.raises(ProfileError, match="is not a readable PDF"):
        read_pdf(garbage, display="r.pdf", limits=DEFAULT_LIMITS)


def test_without_pypdfium2_installed_pypdf_reads_the_file(tmp_path: Path) -> None:
    """A machine without PDFium's wheel: the same text, read by pypdf (a real
    interpreter where importing pypdfium2 fails)."""
    import subprocess
    import sys

    path = write(tmp_path, "r.pdf", pdf_from_lines(LINES))
    script = (
        "import sys; sys.modules['pypdfium2'] = None\n"
        "from skillgap.profiles import load_profile\n"
        f"print(load_profile({str(path)!r}).reader)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.startswith("pypdf "), done.stderr


@pytest.mark.parametrize("readers", [("pypdfium2", "pypdf"), ("pypdf",)])
def test_a_password_is_one_clear_error_with_either_reader(readers: tuple[str, ...]) -> None:
    with pytest.raises(ProfileError, match="is encrypted"):
        read_pdf(encrypted_pdf(LINES), display="r.pdf", limits=DEFAULT_LIMITS, readers=readers)


def test_an_empty_user_password_opens_with_either_reader() -> None:
    data = encrypted_pdf(LINES, user_password="")
    for readers in (("pypdfium2",), ("pypdf",)):
        read = read_pdf(data, display="r.pdf", limits=DEFAULT_LIMITS, readers=readers)
        assert "Lovelace" in read.text


@pytest.mark.parametrize("readers", [("pypdfium2",), ("pypdf",)])
def test_two_columns_drawn_row_by_row_are_read_column_by_column(
    readers: tuple[str, ...],
) -> None:
    left = [f"Left line {i} about Python pipelines" for i in range(14)]
    right = [f"Right line {i} about Kubernetes" for i in range(14)]
    data = two_column_pdf(left, right, row_wise=True)
    text = read_pdf(data, display="r.pdf", limits=DEFAULT_LIMITS, readers=readers).text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines.index(left[-1]) < lines.index(right[0])  # the whole left column first


def test_a_word_hyphenated_across_a_line_end_is_joined_by_both_readers(tmp_path: Path) -> None:
    data = pdf_from_lines(["Ada Lovelace", "Ran clusters on Kuber-", "netes every day."])
    for readers in (("pypdfium2",), ("pypdf",)):
        text = read_pdf(data, display="r.pdf", limits=DEFAULT_LIMITS, readers=readers).text
        assert "\ufffe" not in text and "\x02" not in text
    profile = load_profile(write(tmp_path, "h.pdf", data))
    assert "Kubernetes" in " ".join(s.text for s in profile.segments).replace("\n", " ")
