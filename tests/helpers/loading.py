"""Loading an input that must fail: the one-line message it fails with."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.errors import InputError, RubricError
from skillgap.profiles import load_profile
from skillgap.rubric.parse import load_rubric


def rubric_error(path: Path) -> str:
    """The message ``load_rubric(path)`` fails with (one line, checked)."""
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def profile_error(path: Path) -> str:
    """The message ``load_profile(path)`` fails with (one line naming the file, checked)."""
    with pytest.raises(InputError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message
