"""Writing the small input files tests build in a temporary folder."""

from __future__ import annotations

from pathlib import Path


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    """``tmp_path / name`` holding ``content`` (text is written as UTF-8)."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def profile_file(tmp_path: Path, body: str) -> Path:
    """A skillgap profile, ``me.yaml``, holding ``body``."""
    path = tmp_path / "me.yaml"
    path.write_text(body, "utf-8")
    return path
