"""Inputs and outputs anywhere fsspec reaches: ``s3://``, ``gs://``, ``az://``,
``file://``, ``memory://`` and every protocol of the filesystem packages installed.

fsspec is optional (``pip install 'skillgap[cloud]'``, plus the package of each
protocol: s3fs, gcsfs, adlfs, ...) and imported only when an argument is a URL, so a
batch of local paths never loads it. Credentials come from those packages' own
configuration (environment variables, config files, instance roles), never from
skillgap's options; what a URL carries itself is stripped (:mod:`.urls`) before it is
shown or recorded.

* :func:`expand_url` lists the files a URL names: a file, a folder (walked, hidden
  names skipped) or a glob, as the local inputs are (:mod:`.inputs`).
* :func:`read_url` reads one, in the worker that scores it (the URL travels to the
  worker, not the bytes), with the same size limit as a local file: the size is checked
  before reading where the filesystem reports it, and never more than the limit and one
  byte is read.
* :func:`staged_output` gives a batch a local file to write and puts the finished file
  (and its ``.meta.json`` sidecar) at the URL at the end: under a temporary name renamed
  into place where the filesystem can rename, in one upload on object stores (where a
  single upload is atomic).
"""

from __future__ import annotations

import contextlib
import difflib
import secrets
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import InputError, LimitExceededError, OutputError, SkillgapError
from ..limits import Limits, human_bytes
from .files import META_SUFFIX
from .urls import redact_url, scrub

#: What to install for URLs at all.
INSTALL_HINT = "pip install 'skillgap[cloud]'"

#: Protocols of object stores: no rename, but one upload is all-or-nothing.
_OBJECT_STORES = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "oss"})

_GLOB_CHARS = frozenset("*?[")


def open_url(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of ``url`` and the path in it.

    A missing fsspec, or a protocol whose package is not installed, is one line naming
    what to install (fsspec's own message for the protocol).
    """
    shown = redact_url(url)
    try:
        import fsspec.core
    except ImportError as exc:
        raise InputError(
            f"reading or writing URLs needs fsspec: {INSTALL_HINT}", path=shown
        ) from exc
    scheme = url.split("://", 1)[0].rsplit("::", 1)[-1]
    try:
        fs, path = fsspec.core.url_to_fs(url)
    except ImportError as exc:
        reason = (str(exc).strip().splitlines() or [""])[0]
        if "install" not in reason.lower():
            reason = f"install the package that gives fsspec the {scheme}:// protocol ({reason})"
        raise InputError(f"cannot open {scheme}:// URLs: {scrub(reason, url)}", path=shown) from exc
    except ValueError as exc:
        if "protocol not known" in str(exc).lower():
            raise InputError(
                f"unknown URL scheme '{scheme}://' (no fsspec filesystem has it)", path=shown
            ) from exc
        raise InputError(f"not a URL fsspec can open: {scrub(str(exc), url)}", path=shown) from exc
    except Exception as exc:  # a filesystem package failing to start: one line, no secrets
        raise InputError(f"cannot open: {_reason(exc, url)}", path=shown) from exc
    return fs, str(path)


def _reason(exc: BaseException, *urls: str) -> str:
    text = str(exc).strip().splitlines()
    return scrub(f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__, *urls)


def _protocols(fs: Any) -> set[str]:
    protocol = fs.protocol
    return {protocol} if isinstance(protocol, str) else set(protocol)


def _is_glob(path: str) -> bool:
    # An http(s) path is the whole URL, whose '?' starts a query, not a pattern.
    return "://" not in path and bool(_GLOB_CHARS & set(path))


def _shown(fs: Any, path: str) -> str:
    return redact_url(str(fs.unstrip_protocol(path)))


def missing_url(url: str) -> str | None:
    """For a URL named on the command line that names nothing (and is no glob), the line
    that says so, with the closest name beside it; None if it exists (or cannot be told
    now: it becomes an error row with the reason). A protocol whose package is missing
    raises :class:`InputError`: nothing can be read."""
    fs, path = open_url(url)
    if _is_glob(path):
        return None
    try:
        if fs.exists(path):
            return None
        parent = path.rstrip("/").rsplit("/", 1)[0] if "/" in path.strip("/") else ""
        names = [PurePosixPath(str(p)).name for p in fs.ls(parent, detail=False)] if parent else []
    except Exception:  # asking failed (no network, no access): an error row says why
        return None
    close = difflib.get_close_matches(PurePosixPath(path).name, names, n=1, cutoff=0.7)
    hint = f"; did you mean '{_shown(fs, parent + '/' + close[0])}'?" if close else ""
    return f"{redact_url(url)}: no such file or folder{hint}"


def _own_files(exclude: Sequence[str]) -> tuple[set[str], set[str]]:
    """Our own outputs among URLs (and their sidecars), and their names (for temporary
    files beside them)."""
    own: set[str] = set()
    names: set[str] = set()
    for url in exclude:
        with contextlib.suppress(SkillgapError):
            fs, path = open_url(url)
            own |= {fs.unstrip_protocol(path), fs.unstrip_protocol(path + META_SUFFIX)}
            names.add(PurePosixPath(path).name)
    return own, names


def expand_url(url: str, *, exclude: Sequence[str] = ()) -> list[tuple[str, str, str | None]]:
    """The files ``url`` names, as ``(shown, path, problem)``: a file as given, a folder
    walked (hidden names skipped), a glob expanded by the filesystem (sorted). ``shown``
    is the URL without credentials; ``path`` is the file's path in the filesystem of
    ``url``, which reads it (:func:`read_url`). A missing file or a glob that matches
    nothing is one entry with a problem."""
    fs, path = open_url(url)
    own, own_names = _own_files(exclude)
    found: list[tuple[str, str, str | None]] = []

    def add(child: str) -> None:
        name = PurePosixPath(child).name
        if fs.unstrip_protocol(child) in own or any(
            name.startswith(f".{n}.") and name.endswith(".tmp") for n in own_names
        ):
            return
        found.append((_shown(fs, child), child, None))

    def walk(folder: str) -> None:
        base = folder.rstrip("/")
        for child, info in sorted(fs.find(folder, withdirs=False, detail=True).items()):
            relative = child[len(base) :].strip("/").split("/")
            if info.get("type") != "directory" and not any(p.startswith(".") for p in relative):
                add(child)

    try:
        if _is_glob(path):
            matches = sorted(fs.glob(path, detail=True).items())
            if not matches:
                return [(redact_url(url), path, "no files match this pattern")]
            fixed = len([p for p in path.split("/") if not _GLOB_CHARS & set(p)])
            for child, info in matches:
                if info.get("type") == "directory":
                    walk(child)
                elif not any(p.startswith(".") for p in child.split("/")[fixed:]) or PurePosixPath(
                    path
                ).name.startswith("."):
                    add(child)
        elif fs.isdir(path):
            walk(path)
        elif fs.exists(path):
            add(path)
        else:
            return [(redact_url(url), path, "no such file or folder")]
    except Exception as exc:  # a listing refused or failed: an error row with the reason
        return [(redact_url(url), path, f"cannot list: {_reason(exc, url)}")]
    return found


def read_url(path: str, *, opener: str, shown: str, limits: Limits) -> bytes:
    """The bytes of ``path`` in the filesystem of the URL ``opener``, refusing folders,
    missing files and files over the size limit (checked before reading where the
    filesystem reports a size; never more than the limit and one byte is read)."""
    fs, _ = open_url(opener)
    budget = limits.max_file_bytes + 1
    chunks: list[bytes] = []
    total = 0
    try:
        info = fs.info(path)
        if info.get("type") == "directory":
            raise InputError("is a directory, not a file", path=shown)
        size = info.get("size")
        if isinstance(size, int) and size > limits.max_file_bytes:
            raise LimitExceededError(
                f"file is {human_bytes(size)}, over the {human_bytes(limits.max_file_bytes)} "
                "limit; raise it with --max-file-size if the file is genuine",
                path=shown,
            )
        # Ask for the reported size and one byte (not the whole limit, which would be
        # allocated for every small file), then read on in steps, one byte past the limit.
        want = min(size + 1, budget) if isinstance(size, int) else min(1 << 20, budget)
        with fs.open(path, "rb") as handle:
            while total < budget:
                chunk = handle.read(min(want, budget - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                want = 1 << 20
    except SkillgapError:
        raise
    except FileNotFoundError as exc:
        raise InputError("no such file", path=shown) from exc
    except PermissionError as exc:
        raise InputError("permission denied", path=shown) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory, not a file", path=shown) from exc
    except Exception as exc:  # network, credentials, throttling: one line, no secrets
        raise InputError(f"cannot read: {_reason(exc, opener)}", path=shown) from exc
    if total > limits.max_file_bytes:
        raise LimitExceededError(
            f"file is over the {human_bytes(limits.max_file_bytes)} limit; "
            "raise it with --max-file-size if the file is genuine",
            path=shown,
        )
    return b"".join(chunks)


def _temporary_beside(path: str) -> str:
    folder, _, name = path.rpartition("/")
    return f"{folder}/.{name}.{secrets.token_hex(4)}.tmp" if folder else f".{name}.tmp"


def _check_writable(fs: Any, path: str, url: str) -> None:
    """Fail before any work if the URL cannot be written: a folder, a missing folder, no
    permission (writes and removes an empty file beside it, the surest test there is)."""
    shown = redact_url(url)
    probe = _temporary_beside(path)
    try:
        if fs.isdir(path):
            raise OutputError("cannot write: it is a folder; name a file in it", path=shown)
        fs.pipe_file(probe, b"")
        fs.rm_file(probe)
    except SkillgapError:
        raise
    except FileNotFoundError as exc:
        folder = _shown(fs, path.rpartition("/")[0] or "/")
        raise OutputError(f"cannot write: folder {folder} does not exist", path=shown) from exc
    except PermissionError as exc:
        raise OutputError("cannot write: permission denied", path=shown) from exc
    except Exception as exc:
        raise OutputError(f"cannot write: {_reason(exc, url)}", path=shown) from exc


def _upload(fs: Any, local: Path, path: str, url: str) -> None:
    """Put ``local`` at ``path``: one upload on object stores, else under a temporary name
    renamed into place, so a reader never sees half a file."""
    try:
        if _protocols(fs) & _OBJECT_STORES:
            fs.put_file(str(local), path)
            return
        temporary = _temporary_beside(path)
        try:
            fs.put_file(str(local), temporary)
            fs.mv(temporary, path)
        except BaseException:
            with contextlib.suppress(Exception):
                fs.rm_file(temporary)
            raise
    except Exception as exc:
        raise OutputError(f"cannot upload: {_reason(exc, url)}", path=redact_url(url)) from exc


@contextmanager
def staged_output(url: str, *, resume: bool = False, streaming: bool = False) -> Iterator[Path]:
    """A local file for a batch to write, put at ``url`` (with its ``.meta.json`` sidecar,
    if one was written) when the block ends.

    The URL is checked before any work. With ``resume``, the existing output is fetched
    first, so the run carries on from it. A ``streaming`` output (JSON Lines) is put at the
    URL even when the block ends with an error or an interruption, so what was finished is
    kept, as it is for a local file; other outputs are left as they were. If the upload
    itself fails, the local file is kept and the error says where.
    """
    fs, path = open_url(url)
    _check_writable(fs, path, url)
    folder = Path(tempfile.mkdtemp(prefix="skillgap-batch-"))
    local = folder / (PurePosixPath(path).name or "output")
    keep = False
    try:
        if resume:
            try:
                if fs.exists(path):
                    fs.get_file(path, str(local))
            except Exception as exc:
                raise InputError(
                    f"cannot read it to resume: {_reason(exc, url)}", path=redact_url(url)
                ) from exc
        try:
            yield local
        except BaseException:
            if streaming and local.exists():
                with contextlib.suppress(Exception):
                    _upload(fs, local, path, url)
            raise
        try:
            _upload(fs, local, path, url)
            sidecar = local.with_name(local.name + META_SUFFIX)
            if sidecar.exists():
                _upload(fs, sidecar, path + META_SUFFIX, url)
        except OutputError as exc:
            keep = True
            raise OutputError(
                f"{exc.message}; the results are kept in {local}", path=exc.path
            ) from exc
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


__all__ = ["INSTALL_HINT", "expand_url", "missing_url", "open_url", "read_url", "staged_output"]
