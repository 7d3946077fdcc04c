"""The files a batch writes: the format follows the extension; CSV and JSONL outputs get
an audit sidecar ``FILE.meta.json``. An output may be a URL (:mod:`.remote`)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..errors import UsageError
from .urls import is_url, url_name

#: The output formats, by extension.
OUTPUT_SUFFIXES = (".csv", ".jsonl", ".json", ".md", ".parquet")
#: What the audit sidecar of a CSV or JSONL output adds to its name.
META_SUFFIX = ".meta.json"
#: Version of the batch audit header, summary and row shapes (not of each report inside).
#: 1.1 (additive): rows are ranked eligibility first (no unmet must-have, then by score);
#: CSV gains ``unmet_must_haves``, the JSON ranking ``blocked`` and ``blocking``.
#: 1.2 (additive): Parquet outputs (the audit header in their key-value metadata).
#: 1.3 (additive): several rubrics in one batch: the header's ``rubrics`` (instead of
#: ``rubric``), a ``rubric`` column in CSV, ``rubric`` in JSONL error rows and in the JSON
#: ranking, counts of ``rows`` and ``rubrics``.
BATCH_SCHEMA_VERSION = "1.3"


def output_kind(output: Path | str | None) -> str:
    """``jsonl``, ``csv``, ``json``, ``md`` or ``parquet`` from the output's extension (of
    a path, or of a URL's path).

    >>> output_kind(Path("ranking.CSV")), output_kind("s3://b/out/rows.parquet?versionId=1")
    ('csv', 'parquet')
    """
    if output is None or str(output) == "-":
        return "jsonl"
    name = url_name(output) if isinstance(output, str) and is_url(output) else Path(output).name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise UsageError(
            f"--output must end in {', '.join(OUTPUT_SUFFIXES)} (the format "
            f"follows the extension), not '{name}'"
        )
    return suffix[1:]


def meta_path(output: Path) -> Path:
    """The audit sidecar of a CSV or JSONL output: ``FILE.meta.json``."""
    return output.with_name(output.name + META_SUFFIX)


__all__ = ["BATCH_SCHEMA_VERSION", "META_SUFFIX", "OUTPUT_SUFFIXES", "meta_path", "output_kind"]
