"""Reading files and decoding their text, safely.

Every loader reads through :func:`read_bytes` (size limit, clear errors) and decodes
text through :func:`decode_text` (BOMs, UTF-16, legacy encodings by detection, binary
files refused). Nothing here guesses silently: a file we cannot decode is an error that
says so.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from pathlib import Path

from ..errors import InputError, LimitExceededError
from ..limits import DEFAULT_LIMITS, Limits, human_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


#: How long a named pipe (``<(cat resume.txt)``) may stay silent before it is given up on.
PIPE_WAIT_SECONDS = 10.0


def read_bytes(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read a whole file, refusing directories, missing files and files over the limit.

    A named pipe is read as long as something writes to it; one nobody writes to is an
    error after :data:`PIPE_WAIT_SECONDS`, not a wait for ever.
    """
    try:
        if path.is_dir():
            raise InputError("is a directory, not a file", path=path)
        info = path.stat()
        if stat.S_ISFIFO(info.st_mode):
            return _read_pipe(path, limits)
        size = info.st_size
        if size > limits.max_file_bytes:
            raise LimitExceededError(
                f"file is {human_bytes(size)}, over the {human_bytes(limits.max_file_bytes)} "
                "limit; raise it with --max-file-size if the file is genuine",
                path=path,
            )
        with path.open("rb") as handle:
            # Ask for what stat() reported plus one byte (asking for the whole limit
            # would allocate that much for every small file); a file that grew since, or
            # that reports no size (a pipe), is read on, still one byte past the limit.
            budget = limits.max_file_bytes + 1
            data = handle.read(min(size + 1, budget))
            if len(data) > size and len(data) < budget:
                data += handle.read(budget - len(data))
    except FileNotFoundError as exc:
        raise InputError("no such file", path=path) from exc
    except PermissionError as exc:
        raise InputError("permission denied", path=path) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory, not a file", path=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
    if len(data) > limits.max_file_bytes:
        raise _over_limit(path, limits)
    return data


def _over_limit(path: Path, limits: Limits) -> LimitExceededError:
    """The error for a file that turned out longer than the size limit while read."""
    return LimitExceededError(
        f"file is over the {human_bytes(limits.max_file_bytes)} limit; "
        "raise it with --max-file-size if the file is genuine",
        path=path,
    )


def _read_pipe(path: Path, limits: Limits) -> bytes:
    import select
    import time

    budget = limits.max_file_bytes + 1
    chunks: list[bytes] = []
    total = 0
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        deadline = time.monotonic() + PIPE_WAIT_SECONDS
        while total < budget:
            wait = deadline - time.monotonic()
            ready = select.select([fd], [], [], max(0.0, wait))[0] if wait > 0 else []
            if not ready:
                raise InputError(
                    f"nothing was written to this pipe for {PIPE_WAIT_SECONDS:g} s; "
                    "name a file, or start the program that writes to it",
                    path=path,
                )
            chunk = os.read(fd, min(1 << 16, budget - total))
            if not chunk:
                break  # the writer closed it
            chunks.append(chunk)
            total += len(chunk)
            deadline = time.monotonic() + PIPE_WAIT_SECONDS
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limits.max_file_bytes:
        raise _over_limit(path, limits)
    return data


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of some bytes (used for rubric and input fingerprints)."""
    return hashlib.sha256(data).hexdigest()


_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f]")
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "cp1250", "mac_roman")


def _looks_like_utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 text by its pattern of zero bytes."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _is_binary(text: str) -> bool:
    """True when decoded text is mostly control characters (a binary file)."""
    sample = text[:8192]
    if not sample:
        return False
    # A stray NUL or control character (some exports have them) is cleaned later; a file
    # made of them is not text.
    if sample.count("\x00") > max(2, 0.01 * len(sample)):
        return True
    return len(_CONTROL_RE.findall(sample)) > 0.1 * len(sample)


def decode_text(data: bytes, *, path: Path | str, detect: bool = True) -> str:
    """Decode file bytes to text.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded directly; BOM-less
    UTF-16 is recognised by its zero bytes; anything else that is not valid UTF-8 is
    decoded by charset detection when ``detect`` is true, else refused with the offset
    of the first bad byte. Binary content is refused.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (byte {exc.start}); re-save it as UTF-8",
                    path=path,
                ) from exc
            return _refuse_binary(text, path)
    utf16 = _looks_like_utf16_without_bom(data)
    if utf16 is not None:
        try:
            return _refuse_binary(data.decode(utf16), path)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all; fall through to the binary check below
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[:8192]
        if head.count(0) > (0 if not detect else max(2, 0.01 * len(head))):
            raise InputError(
                "is a binary file, not text; give a resume as text, Markdown, PDF, DOCX, "
                "JSON Resume or a skillgap profile",
                path=path,
            ) from exc
        if not detect:
            line = data[: exc.start].count(b"\n") + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise InputError(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
                path=path,
                line=line,
                column=column,
            ) from exc
        text = _detect_and_decode(data, path)
    return _refuse_binary(text, path)


def _detect_and_decode(data: bytes, path: Path | str) -> str:
    from charset_normalizer import from_bytes  # heavy-ish; only for non-UTF-8 files

    results = from_bytes(data)
    best = results.best()
    if best is not None:
        # Short Western texts often fit several single-byte code pages equally well, and
        # the detector's tie-break can land on a DOS or Baltic page (cp775: "José" ->
        # "Josķ"). The legacy encodings resumes actually arrive in are the Western ones,
        # so one of those wins whenever it is as clean and as coherent as the best.
        for preferred in _WESTERN:
            for match in results:
                if (
                    match.encoding == preferred
                    and match.chaos <= best.chaos + 0.01
                    and match.coherence >= best.coherence - 0.1
                ):
                    return str(match)
    if best is None:
        raise InputError(
            "is not text in any encoding we can detect (binary file?); give a resume as "
            "text, Markdown, PDF, DOCX, JSON Resume or a skillgap profile",
            path=path,
        )
    return str(best)


def _refuse_binary(text: str, path: Path | str) -> str:
    if _is_binary(text):
        raise InputError(
            "is a binary file, not text; give a resume as text, Markdown, PDF, DOCX, "
            "JSON Resume or a skillgap profile",
            path=path,
        )
    return text
