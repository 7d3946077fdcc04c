"""URLs as a batch shows and records them: never with the credentials they may carry.

A URL can hold secrets of its own: ``s3://KEY:SECRET@bucket/...`` (user information) or a
signed query (an Azure SAS token's ``sig=``, S3's ``X-Amz-Signature``, a ``token=``). A
batch keeps the URL as given only to read it; everything it shows or records (a row's
``file``, the audit trail, error messages, the summary on stderr) goes through
:func:`redact_url` first. These are plain string functions: nothing here imports fsspec
(:mod:`.remote` does, and only when an argument is a URL).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote

#: A URL inside some text: a scheme, ``://`` and everything up to a space or a quote.
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s'\"<>]*")

#: Query parameters that carry credentials: signatures, tokens, keys, passwords.
_SECRET_PARAMETER = re.compile(
    r"sig|signature|token|credential|secret|passw|pwd|key|auth|session", re.IGNORECASE
)


def is_url(text: str) -> bool:
    """True for an argument that names something through fsspec (it contains ``://``).

    >>> is_url("s3://bucket/resumes/"), is_url("resumes/"), is_url("file:///tmp/a.txt")
    (True, False, True)
    """
    return "://" in text


def in_process_only(url: str) -> bool:
    """True for a URL only this process can read: fsspec's ``memory://`` filesystem lives
    in the memory of the process that made it (worker processes do not share it).

    >>> in_process_only("memory://cv/a.txt"), in_process_only("s3://b/a.txt")
    (True, False)
    """
    return url.rsplit("::", 1)[-1].lower().startswith("memory://")


def _split(url: str) -> tuple[str, str, str, str, str]:
    """``(scheme, userinfo, rest, query, fragment)`` of one URL; ``rest`` is the host and
    path without the user information."""
    scheme, _, rest = url.partition("://")
    rest, _, fragment = rest.partition("#")
    rest, _, query = rest.partition("?")
    at = rest.rfind("@")
    colon = rest.find(":")
    authority = rest.split("/", 1)[0]
    userinfo = ""
    if at >= 0 and 0 <= colon < at:
        # key:secret@bucket/... (a secret may itself hold '/' or '@': cut at the last '@';
        # cutting too much only hides part of the path)
        userinfo, rest = rest[: at + 1], rest[at + 1 :]
    elif "@" in authority:
        cut = authority.rfind("@") + 1
        userinfo, rest = rest[:cut], rest[cut:]
    return scheme, userinfo, rest, query, fragment


def _is_secret(parameter: str) -> bool:
    return bool(_SECRET_PARAMETER.search(unquote(parameter.partition("=")[0])))


def _redact_one(url: str) -> str:
    scheme, _, rest, query, fragment = _split(url)
    kept = "&".join(p for p in query.split("&") if p and not _is_secret(p))
    return f"{scheme}://{rest}{'?' + kept if kept else ''}{'#' + fragment if fragment else ''}"


def redact_url(text: str) -> str:
    """``text`` with every URL in it stripped of credentials: user information and the
    query parameters that carry signatures, tokens, keys or passwords.

    >>> redact_url("s3://AKIA:s/cr+t@bucket/cv.pdf")
    's3://bucket/cv.pdf'
    >>> redact_url("az://box/cv.pdf?sv=2024-01-01&sig=abc%3D&se=2030")
    'az://box/cv.pdf?sv=2024-01-01&se=2030'
    >>> redact_url("error reading https://h/x.pdf?X-Amz-Signature=f00&versionId=3: 403")
    'error reading https://h/x.pdf?versionId=3: 403'
    """
    return _URL_IN_TEXT.sub(lambda match: _redact_one(match.group(0)), text)


def url_secrets(url: str) -> tuple[str, ...]:
    """The secret parts of a URL, as they are written in it (to scrub them from messages
    that quote them without the URL around them).

    >>> url_secrets("s3://AKIA:secret@bucket/x?token=t0k&v=1")
    ('AKIA:secret', 't0k')
    """
    found: list[str] = []
    for part in url.split("::"):  # chained URLs: simplecache::s3://...
        if "://" not in part:
            continue
        _, userinfo, _, query, _ = _split(part)
        if userinfo.rstrip("@"):
            found.append(userinfo.rstrip("@"))
        found += [p.partition("=")[2] for p in query.split("&") if _is_secret(p)]
    return tuple(secret for secret in found if secret)


def scrub(text: str, *urls: str) -> str:
    """A message safe to show: every URL in it redacted, and every secret of ``urls``
    (wherever it appears) replaced by ``***``.

    >>> scrub("403 for AKIA:secret at s3://AKIA:secret@b/x", "s3://AKIA:secret@b/x")
    '403 for *** at s3://b/x'
    """
    for url in urls:
        for secret in url_secrets(url):
            text = text.replace(secret, "***")
    return redact_url(text)


def url_name(url: str) -> str:
    """The last part of a URL's path (its file name), without credentials or query.

    >>> url_name("s3://key:secret@bucket/out/results.parquet?versionId=2")
    'results.parquet'
    >>> url_name("s3://key:secret@bucket")
    'bucket'
    """
    _, _, rest, _, _ = _split(url.rsplit("::", 1)[-1])
    return PurePosixPath(rest).name if rest.strip("/") else ""


__all__ = ["in_process_only", "is_url", "redact_url", "scrub", "url_name", "url_secrets"]
