"""Reading files and decoding their text (skillgap.io.read): files that report no size,
missing files and folders, and text in every common encoding (BOMs, UTF-16 without one,
legacy code pages found by detection), with stray control characters cleaned, not fatal."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from skillgap.errors import InputError, LimitExceededError
from skillgap.io.read import read_bytes
from skillgap.limits import Limits
from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile
from tests.helpers.files import write
from tests.helpers.loading import profile_error
from tests.helpers.resumes import skills


def test_reading_a_file_that_reports_no_size(tmp_path: Path) -> None:
    """A pipe has no size: it is still read whole, and still bounded by the limit."""
    fifo = tmp_path / "resume.pipe"
    os.mkfifo(fifo)
    payload = b"Python and Kubernetes\n" * 5000

    def feed() -> None:
        try:
            with fifo.open("wb") as handle:
                handle.write(payload)
        except BrokenPipeError:
            pass  # the reader stopped at the limit, as it should

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        assert read_bytes(fifo) == payload
    finally:
        writer.join()
    writer = threading.Thread(target=feed)
    writer.start()
    try:
        with pytest.raises(LimitExceededError, match="over the"):
            read_bytes(fifo, limits=Limits(max_file_bytes=1000))
    finally:
        writer.join()


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "no such file" in profile_error(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        load_profile(tmp_path)


# --------------------------------------------------------------------------- decoding


def test_text_in_legacy_encodings_is_decoded(tmp_path: Path) -> None:
    text = "Zoë Müller\n\nSUMMARY\nDéveloppeuse Python, café-driven.\n"
    for encoding in ("cp1252", "utf-16", "utf-8-sig"):
        profile = load_profile(write(tmp_path, f"r-{encoding}.txt", text.encode(encoding)))
        assert profile.identity.name == "Zoë Müller"
        assert "Développeuse" in profile.segments[-1].text


def test_nul_bytes_and_control_characters_are_removed_not_fatal(tmp_path: Path) -> None:
    path = write(tmp_path, "nul.txt", "Sam Example\n\nSUMMARY\nPython\x00 and PyTorch\x07 models\n")
    profile = load_profile(path)
    assert all("\x00" not in s.text and "\x07" not in s.text for s in profile.segments)


def test_invalid_utf8_is_decoded_by_detection(tmp_path: Path) -> None:
    data = "SUMMARY\nIngénieur Python, spécialisé en apprentissage automatique.\n" * 3
    profile = load_profile(write(tmp_path, "r.txt", data.encode("cp1252")))
    assert "Ingénieur" in profile.segments[0].text


def test_utf16_without_bom(tmp_path: Path) -> None:
    data = "SUMMARY\nPython and PyTorch engineer.\n".encode("utf-16-le")
    profile = load_profile(write(tmp_path, "r.txt", data))
    assert "PyTorch" in profile.segments[0].text


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
