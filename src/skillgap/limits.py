"""Resource limits for untrusted input.

Resumes come from strangers and rubrics from other people's repositories, so every
loader is bounded. Each limit has a CLI option that raises it; the error that a limit
raises names both the limit and the option (see ``docs/security.md``).
"""

from __future__ import annotations

from dataclasses import dataclass

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


def human_bytes(size: int) -> str:
    """``1536`` -> ``'1.5 KB'``; used in limit messages."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - loop always returns
