"""Resource limits for untrusted input.

Resumes come from strangers and rubrics from other people's repositories, so every
loader is bounded. Each limit has a CLI option that raises it; the error that a limit
raises names both the limit and the option (see ``docs/security.md``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds applied while reading one input file."""

    #: Largest file read at all, in bytes (``--max-file-size``).
    max_file_bytes: int = 20 * MIB
    #: Most characters of text kept from one profile (``--max-text``).
    max_text_chars: int = 2_000_000
    #: Most YAML/JSON nodes built from one document, aliases expanded (``--max-nodes``).
    max_nodes: int = 200_000
    #: Deepest nesting of YAML/JSON collections.
    max_depth: int = 64
    #: Most PDF pages read from one file (``--max-pages``).
    max_pdf_pages: int = 500
    #: Largest total uncompressed size of a DOCX archive, in bytes.
    max_docx_uncompressed_bytes: int = 200 * MIB

    @classmethod
    def from_options(
        cls,
        *,
        max_file_mb: float | None = None,
        max_text_chars: int | None = None,
        max_nodes: int | None = None,
        max_pdf_pages: int | None = None,
        max_docx_mb: float | None = None,
    ) -> Limits:
        """The default limits with those given changed (sizes in megabytes, as the command
        line takes them).

        >>> Limits.from_options(max_file_mb=1.5, max_pdf_pages=10).max_file_bytes
        1572864
        """
        changes: dict[str, int] = {}
        if max_file_mb is not None:
            changes["max_file_bytes"] = int(max_file_mb * MIB)
        if max_text_chars is not None:
            changes["max_text_chars"] = max_text_chars
        if max_nodes is not None:
            changes["max_nodes"] = max_nodes
        if max_pdf_pages is not None:
            changes["max_pdf_pages"] = max_pdf_pages
        if max_docx_mb is not None:
            changes["max_docx_uncompressed_bytes"] = int(max_docx_mb * MIB)
        return dataclasses.replace(cls(), **changes)

    def describe(self) -> dict[str, int]:
        """The limits as a plain mapping, for audit trails."""
        return {
            "max_file_bytes": self.max_file_bytes,
            "max_text_chars": self.max_text_chars,
            "max_nodes": self.max_nodes,
            "max_depth": self.max_depth,
            "max_pdf_pages": self.max_pdf_pages,
            "max_docx_uncompressed_bytes": self.max_docx_uncompressed_bytes,
        }


DEFAULT_LIMITS = Limits()

#: Seconds one input may take to be read and scored (``--timeout``; 0: no limit).
DEFAULT_TIMEOUT = 60.0


class TimeLimitExceeded(BaseException):
    """Raised in the reading and scoring code when an input runs out of time (a
    BaseException, so that no ``except Exception`` on the way, ours or a library's, can
    swallow it)."""


def _swallowing(frame: Any) -> bool:
    """Would an exception raised in ``frame`` be swallowed ("exception ignored in ...")?
    It would inside a garbage-collector callback or a ``__del__``; the alarm then waits
    for its next round instead of raising where nobody can catch it."""
    import gc

    callbacks = {getattr(callback, "__code__", None) for callback in gc.callbacks}
    while frame is not None:
        if frame.f_code in callbacks or frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False


class Deadline:
    """Raise :class:`TimeLimitExceeded` in this thread once ``seconds`` have passed.

    Uses SIGALRM, so it applies in the main thread on POSIX systems (where the CLI and
    every pool worker score files) and does nothing elsewhere, nor when the process
    already has a real-time timer of its own running (a library caller's; it is left
    alone). :meth:`cancel` may be called any number of times; after the first, the
    alarm can no longer raise.

    Once the time is up the alarm goes off again every :data:`REPEAT_SECONDS` until
    :meth:`cancel`, and it does not raise while the interpreter runs a garbage-collector
    callback or a ``__del__``: an exception there is swallowed ("exception ignored in
    ..."), and the work would run on unbounded.
    """

    #: How often the alarm goes off again once the time is up.
    REPEAT_SECONDS = 0.05

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds
        self._armed = self._installed = False
        self._previous: Any = None

    def start(self) -> None:
        """Start the clock (the alarm may go off before this returns)."""
        import signal
        import threading

        if (
            not self._seconds
            or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0
        ):
            return
        self._armed = self._installed = True
        self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
        signal.setitimer(signal.ITIMER_REAL, self._seconds, self.REPEAT_SECONDS)

    def _on_alarm(self, signum: int, frame: Any) -> None:
        if self._armed and not _swallowing(frame):
            raise TimeLimitExceeded

    def cancel(self) -> None:
        import signal

        self._armed = False
        if self._installed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            # None: the previous handler was not set from Python; the default is.
            signal.signal(
                signal.SIGALRM, self._previous if self._previous is not None else signal.SIG_DFL
            )
            self._installed = False


def human_bytes(size: int) -> str:
    """``1536`` -> ``'1.5 KB'``; used in limit messages."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - loop always returns
