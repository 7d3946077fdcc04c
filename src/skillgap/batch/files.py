"""The files a batch writes: the format follows the extension; CSV and JSONL outputs get
an audit sidecar ``FILE.meta.json``."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError

#: The output formats, by extension.
OUTPUT_SUFFIXES = (".csv", ".jsonl", ".json", ".md")
#: What the audit sidecar of a CSV or JSONL output adds to its name.
META_SUFFIX = ".meta.json"
#: Version of the batch audit header, summary and row shapes (not of each report inside).
#: 1.1 (additive): rows are ranked eligibility first (no unmet must-have, then by score);
#: CSV gains ``unmet_must_haves``, the JSON ranking ``blocked`` and ``blocking``.
BATCH_SCHEMA_VERSION = "1.1"


OUTPUT_SUFFIXES = (".csv", ".jsonl", ".json", ".md")


META_SUFFIX = ".meta.json"


def output_kind(output: Path | None) -> str:
    """``jsonl``, ``csv``, ``json`` or ``md`` from the output's extension."""
    if output is None or str(output) == "-":
        return "jsonl"
    suffix = output.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise UsageError(
            f"--output must end in {', '.join(OUTPUT_SUFFIXES)} (the format "
            f"follows the extension), not '{output.name}'"
        )
    return suffix[1:]


def meta_path(output: Path) -> Path:
    """The audit sidecar of a CSV or JSONL output: ``FILE.meta.json``."""
    return output.with_name(output.name + META_SUFFIX)


__all__ = ["BATCH_SCHEMA_VERSION", "META_SUFFIX", "OUTPUT_SUFFIXES", "meta_path", "output_kind"]
