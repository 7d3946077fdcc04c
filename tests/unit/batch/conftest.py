"""Folders of inputs the batch tests share: a mixed inbox and one with a slow resume."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.batch import STRONG, WEAK, json_resume
from tests.helpers.docx_files import docx_bytes, zip_bytes
from tests.helpers.pdf import encrypted_pdf, image_only_pdf, pdf_from_lines


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good resumes in every format and one of each kind of bad file."""
    return write_mixed(tmp_path)


def write_mixed(tmp_path: Path) -> Path:
    """Write the ``mixed`` folder in ``tmp_path`` (as ``inbox``); its path."""
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    files = {
        "grace.txt": STRONG.encode(),
        "grace-copy.txt": STRONG.encode(),
        "tim.md": WEAK.encode(),
        "nested/ada.pdf": pdf_from_lines(
            STRONG.replace("Grace Hopper", "Ada Lovelace").splitlines()
        ),
        "nested/alan.docx": docx_bytes(STRONG.replace("Grace Hopper", "Alan Turing").splitlines()),
        "eve.json": json_resume("Eve Adams"),
        "empty.txt": b"",
        "random.pdf": bytes(range(256)) * 8,
        "locked.pdf": encrypted_pdf(["Python"]),
        "scan.pdf": image_only_pdf(),
        "notzip.docx": b"plain text, not a zip",
        "nodoc.docx": zip_bytes({"a.txt": b"x"}),
        "schema.json": b'{"$schema": "http://json-schema.org/draft-07/schema#", '
        b'"properties": {"basics": {}}, "definitions": {}}',
        ".hidden/secret.txt": STRONG.encode(),
        ".dotfile.txt": STRONG.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def slow(tmp_path: Path) -> Path:
    """Two quick resumes and one that takes seconds to score (2 MB of skill mentions)."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "grace.txt").write_text(STRONG)
    (folder / "tim.md").write_text(WEAK)
    (folder / "huge.txt").write_text("Summary\n" + "Python developer, Kubernetes on AWS. " * 60000)
    return folder
