"""Writing output files safely: atomically, or in place for devices and pipes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import OutputError


def is_special_file(path: Path) -> bool:
    """True for outputs that must be written in place: devices, pipes, sockets.

    ``--output /dev/stdout`` or a FIFO must be written to directly; renaming a temporary
    file over them would replace the device node (as root) instead of writing to it.
    """
    try:
        return path.exists() and not path.is_file()
    except OSError:
        return False


def check_writable(path: Path) -> None:
    """Fail now, before any work, if ``path`` cannot be written: a folder, a folder that
    does not exist, one we may not write in, a read-only file system. (Creates and
    removes a temporary file beside it, the surest test there is.)"""
    if is_special_file(path) and not path.is_dir():
        return
    if path.is_dir():
        raise OutputError("cannot write: it is a folder; name a file in it", path=path)
    folder = path.parent if str(path.parent) else Path()
    try:
        with tempfile.NamedTemporaryFile(
            dir=folder, prefix=f".{path.name}.", suffix=".tmp"
        ) as probe:
            probe.write(b"\n")  # created and written; removed as the block ends
            probe.flush()
    except FileNotFoundError as exc:
        raise OutputError(f"cannot write: folder {folder} does not exist", path=path) from exc
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from exc


def _private_to_normal(path: Path) -> None:
    """Temporary files are created 0600; an output file gets the usual permissions."""
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o666 & ~umask)


@contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """A text handle whose content replaces ``path`` when the block ends without error.

    It writes to a temporary file in the same folder, then renames it over ``path``: a
    reader never sees a half-written file, and an interrupted run leaves the old file (or
    none) in place, with no temporary file behind. Devices and pipes are written in
    place. Errors (missing folder, full disk, no permission) become one clear
    :class:`OutputError`.
    """
    with _atomic(path, binary=False) as handle:
        yield handle


@contextmanager
def atomic_binary(path: Path) -> Iterator[IO[bytes]]:
    """:func:`atomic_text` for bytes (a Parquet file, say)."""
    with _atomic(path, binary=True) as handle:
        yield handle


@contextmanager
def _atomic(path: Path, *, binary: bool) -> Iterator[Any]:
    text_mode: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": ""}
    mode = "wb" if binary else "w"
    if is_special_file(path):
        try:
            with path.open(mode, **text_mode) as device:
                yield device
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from exc
        return
    folder = path.parent if str(path.parent) else Path()
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed after
            mode,
            dir=folder,
            prefix=f".{path.name}.",
            suffix=".tmp",
            delete=False,
            **text_mode,
        )
    except FileNotFoundError as exc:
        raise OutputError(f"cannot write: folder {folder} does not exist", path=path) from exc
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from exc
    temporary = Path(handle.name)
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _private_to_normal(temporary)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_text`)."""
    with atomic_text(path) as handle:
        handle.write(text)


__all__ = ["atomic_binary", "atomic_text", "is_special_file", "write_atomic"]
