"""The public API (``skillgap.__all__``): every name resolves, none has been taken away,
and importing the package loads nothing heavy until a name is used."""

from __future__ import annotations

import subprocess
import sys

import skillgap

#: The public names of the first release: they may be joined by others, never removed.
FIRST_RELEASE = {
    "Evidence",
    "GapReport",
    "InputError",
    "Problem",
    "Profile",
    "ProfileError",
    "Rubric",
    "RubricError",
    "SkillIndex",
    "SkillgapError",
    "UsageError",
    "__version__",
    "analyze",
    "bundled_rubric_ids",
    "load_profile",
    "load_rubric",
}


def test_every_public_name_resolves() -> None:
    for name in skillgap.__all__:
        assert getattr(skillgap, name) is not None, name


def test_no_public_name_was_taken_away() -> None:
    assert set(skillgap.__all__) >= FIRST_RELEASE


def test_public_names_are_the_objects_their_modules_define() -> None:
    from skillgap.analysis import PreparedRubric, analyze
    from skillgap.rubric.parse import load_rubric

    assert skillgap.analyze is analyze
    assert skillgap.PreparedRubric is PreparedRubric
    assert skillgap.load_rubric is load_rubric


def test_importing_the_package_loads_no_model() -> None:
    code = (
        "import sys, skillgap\n"
        "print([m for m in ('pydantic', 'rapidfuzz', 'skillgap.rubric') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
