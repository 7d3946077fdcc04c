"""Filesystems for the tests of batches over URLs: fsspec's ``memory://``, and two made
for the tests on top of it: one whose URLs carry credentials (as ``s3://KEY:SECRET@``
and SAS-signed URLs do), and one that reports no sizes and counts what is read."""

from __future__ import annotations

from typing import Any, ClassVar

import fsspec
from fsspec.implementations.memory import MemoryFileSystem

#: The secret the credential-carrying URLs hold: it must appear in no output.
SECRET = "TOPSECRETvalue"


def clear_memory() -> None:
    """Empty fsspec's in-memory filesystem (shared by every instance in this process)."""
    MemoryFileSystem.store.clear()
    MemoryFileSystem.pseudo_dirs[:] = [""]


def write_memory(files: dict[str, str | bytes]) -> MemoryFileSystem:
    """Put ``files`` (path → content) in the in-memory filesystem."""
    fs = MemoryFileSystem()
    for path, content in files.items():
        fs.pipe_file(path, content.encode() if isinstance(content, str) else content)
    return fs


class SignedMemoryFileSystem(MemoryFileSystem):  # type: ignore[misc]  # fsspec is untyped
    """``signedmem://KEY:SECRET@box/cv.txt?sig=SECRET``: the memory filesystem behind URLs
    that carry credentials, which it drops from paths (as a real store takes them as
    credentials). A file named ``forbidden.txt`` fails to open with an error quoting the
    credentials, as careless libraries do."""

    protocol = "signedmem"
    root_marker = "/"

    @classmethod
    def _strip_protocol(cls, path: str) -> str:
        if path.startswith("signedmem://"):
            path = path[len("signedmem://") :]
        path = path.split("?", 1)[0]
        if "@" in path.split("/", 1)[0]:
            path = path.split("@", 1)[1]
        return "/" + path.lstrip("/")

    def _open(self, path: str, mode: str = "rb", **kwargs: Any) -> Any:
        if path.endswith("forbidden.txt"):
            raise RuntimeError(f"AccessDenied for KEY:{SECRET} with sig={SECRET}")
        return super()._open(path, mode, **kwargs)


class UnsizedMemoryFileSystem(MemoryFileSystem):  # type: ignore[misc]  # fsspec is untyped
    """``unsized://``: the memory filesystem, but reporting no file sizes, and counting
    the bytes read from it."""

    protocol = "unsized"
    root_marker = "/"
    bytes_read: ClassVar[list[int]] = []

    @classmethod
    def _strip_protocol(cls, path: str) -> str:
        return "/" + path.removeprefix("unsized://").lstrip("/")

    def info(self, path: str, **kwargs: Any) -> dict[str, Any]:
        return {**super().info(path, **kwargs), "size": None}

    def _open(self, path: str, mode: str = "rb", **kwargs: Any) -> Any:
        handle = super()._open(path, mode, **kwargs)
        read = handle.read
        counts = self.bytes_read

        def counted(size: int = -1) -> bytes:
            data: bytes = read(size)
            counts.append(len(data))
            return data

        handle.read = counted
        return handle


def register_test_filesystems() -> None:
    """Make ``signedmem://`` and ``unsized://`` known to fsspec (in this process)."""
    fsspec.register_implementation("signedmem", SignedMemoryFileSystem, clobber=True)
    fsspec.register_implementation("unsized", UnsizedMemoryFileSystem, clobber=True)
