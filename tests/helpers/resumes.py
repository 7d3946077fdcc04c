"""One resume written as lines (to build PDF, DOCX and text files from), and the skills a
file gives evidence of."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from skillgap.matching.index import SkillIndex
from skillgap.profiles import load_profile

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


def skills(index: SkillIndex, path: Path, **kwargs: Any) -> set[str]:
    """The skills ``index`` finds evidence of in the profile at ``path``."""
    return set(index.match_profile(load_profile(path, **kwargs)).evidence)
