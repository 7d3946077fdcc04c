"""The rubrics and career ladders shipped with skillgap, as package data.

Bundled rubrics live in ``skillgap/rubrics/<id>.yaml`` and ladders in
``skillgap/ladders/<id>.yaml``; both are read with :mod:`importlib.resources`, so they
work from a wheel or a zip. A bundled rubric is shown in messages as
``<id>.yaml (bundled)``.
"""

from __future__ import annotations

from importlib import resources

#: How the name of a bundled rubric ends in messages and positions.
BUNDLED_SUFFIX = " (bundled)"


def _names(folder: str) -> list[str]:
    return sorted(entry.name for entry in resources.files("skillgap").joinpath(folder).iterdir())


def _read(folder: str, name: str) -> bytes:
    data: bytes = resources.files("skillgap").joinpath(folder).joinpath(name).read_bytes()
    return data


def _ids(folder: str) -> list[str]:
    return [name[:-5] for name in _names(folder) if name.endswith(".yaml")]


def bundled_rubric_ids() -> list[str]:
    """Ids of the rubrics shipped with skillgap, sorted.

    >>> "principal-ml-engineer" in bundled_rubric_ids()
    True
    """
    return _ids("rubrics")


def bundled_ladder_ids() -> list[str]:
    """Ids of the career ladders shipped with skillgap, sorted."""
    return _ids("ladders")


def bundled_rubric_bytes(rubric_id: str) -> bytes:
    """The bytes of a bundled rubric (the id must be one of :func:`bundled_rubric_ids`)."""
    return _read("rubrics", f"{rubric_id}.yaml")


def bundled_ladder_bytes(ladder_id: str) -> bytes:
    """The bytes of a bundled ladder (the id must be one of :func:`bundled_ladder_ids`)."""
    return _read("ladders", f"{ladder_id}.yaml")


def bundled_display(rubric_id: str) -> str:
    """How a bundled rubric is named in messages: ``principal-ml-engineer.yaml (bundled)``."""
    return f"{rubric_id}.yaml{BUNDLED_SUFFIX}"


def bundled_text_for_display(display: str) -> str | None:
    """The text of the bundled rubric named ``display`` as :func:`bundled_display` names
    it, or None if ``display`` names no bundled rubric."""
    if not display.endswith(BUNDLED_SUFFIX):
        return None
    name = display[: -len(BUNDLED_SUFFIX)]
    if name not in _names("rubrics"):
        return None
    return _read("rubrics", name).decode("utf-8")


__all__ = [
    "BUNDLED_SUFFIX",
    "bundled_display",
    "bundled_ladder_bytes",
    "bundled_ladder_ids",
    "bundled_rubric_bytes",
    "bundled_rubric_ids",
    "bundled_text_for_display",
]
