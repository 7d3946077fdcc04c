"""Text extracted from PDF and DOCX files (skillgap.profiles.extracted): ligatures, broken
words, bullets and page furniture cleaned before parsing."""

from __future__ import annotations

import pytest

from skillgap.profiles.extracted import clean_extracted_text


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
