"""URLs as a batch shows them (skillgap.batch.urls): never with the credentials they carry."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.batch.files import output_kind
from skillgap.batch.urls import redact_url, scrub, url_name, url_secrets
from skillgap.errors import UsageError


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("s3://bucket/inbox/cv.pdf", "s3://bucket/inbox/cv.pdf"),
        ("s3://AKIAXXXX:wJalr/K7MDENG+bPxRfiCY@bucket/cv.pdf", "s3://bucket/cv.pdf"),
        ("ftp://anna@host/cv.pdf", "ftp://host/cv.pdf"),
        ("sftp://anna:p@ss@host/cv.pdf", "sftp://host/cv.pdf"),
        ("s3://bucket/me@example.pdf", "s3://bucket/me@example.pdf"),
        (
            "https://acct.blob.core.windows.net/box/cv.pdf?sv=2024-08-04&sp=r&sig=abc%2Bdef%3D",
            "https://acct.blob.core.windows.net/box/cv.pdf?sv=2024-08-04&sp=r",
        ),
        (
            (
                "https://b.s3.amazonaws.com/cv.pdf?X-Amz-Algorithm=AWS4&X-Amz-Credential=AK%2F1"
                "&X-Amz-Security-Token=t0k&X-Amz-Signature=f00d"
            ),
            "https://b.s3.amazonaws.com/cv.pdf?X-Amz-Algorithm=AWS4",
        ),
        ("gs://b/cv.pdf?token=abc&generation=7", "gs://b/cv.pdf?generation=7"),
        ("az://box/cv.pdf?sig=only", "az://box/cv.pdf"),
        ("simplecache::s3://k:s@b/cv.pdf", "simplecache::s3://b/cv.pdf"),
        ("memory:///inbox/a.txt", "memory:///inbox/a.txt"),
        ("file:///tmp/inbox/*.pdf", "file:///tmp/inbox/*.pdf"),
    ],
)
def test_credentials_are_stripped_from_urls(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_every_url_in_a_message_is_redacted_and_bare_secrets_scrubbed() -> None:
    url = "s3://AKIA:s3cr3t@bucket/cv.pdf?X-Amz-Signature=deadbeef"
    message = f"AccessDenied reading {url} (key AKIA:s3cr3t, signature deadbeef)"
    cleaned = scrub(message, url)
    assert "s3cr3t" not in cleaned and "deadbeef" not in cleaned
    assert "s3://bucket/cv.pdf" in cleaned
    assert url_secrets(url) == ("AKIA:s3cr3t", "deadbeef")


def test_text_without_urls_is_left_alone() -> None:
    assert redact_url("inbox/grace.txt: file is empty") == "inbox/grace.txt: file is empty"


def test_the_output_format_of_a_url_follows_its_path() -> None:
    assert output_kind("memory://out/results.csv") == "csv"
    assert output_kind("s3://k:s@b/x/ranking.PARQUET?versionId=3") == "parquet"
    assert output_kind(Path("local.jsonl")) == "jsonl"
    assert url_name("file:///tmp/out.md") == "out.md"
    with pytest.raises(UsageError) as caught:
        output_kind("s3://KEY:SECRET@bucket")
    assert "SECRET" not in str(caught.value)
