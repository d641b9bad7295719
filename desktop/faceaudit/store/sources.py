"""What counts as a Source: an http(s) URL with a host, or a local file or folder that exists."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from faceaudit.localfiles import special_file_kind
from faceaudit.store.errors import StoreError

MAX_SOURCE_CHARS = 4096


class InvalidSourceError(StoreError):
    """An entry that is neither a usable web address nor an existing local file or folder."""


# "www.example.org/page" or "example.org": a web address without its scheme.
_LOOKS_LIKE_A_HOST = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,}(:\d+)?(/\S*)?$", re.IGNORECASE)


def normalise_source(entry: str) -> str:
    """The form a Source is stored in: the URL as given, or an absolute local path.

    Only http and https are fetched; other schemes (file:, ftp:, javascript:, data:) are
    refused here rather than later, so the person learns about a typo when adding it.
    """
    text = entry.strip()
    if not text:
        raise InvalidSourceError("An empty line is not a source.", "Give a URL or a path.")
    if len(text) > MAX_SOURCE_CHARS:
        raise InvalidSourceError(
            f"A source of {len(text)} characters is too long.",
            f"Give a URL or path under {MAX_SOURCE_CHARS} characters.",
        )
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text) and "://" in text:
        raise InvalidSourceError(
            f"{text!r} contains spaces or control characters, which a URL cannot hold.",
            "Copy the address again from the browser's address bar.",
        )
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme in ("http", "https"):
        return _checked_url(text)
    if "://" in text or scheme in ("javascript", "data", "mailto", "about"):
        raise InvalidSourceError(
            f"{text!r} is not a web address FaceAudit fetches (only http:// and https://).",
            "Give the page's http(s) address, or the path of a local file or folder.",
        )
    return _checked_path(text)


def _checked_url(text: str) -> str:
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (raises ValueError on a malformed port)
    except ValueError:
        parts = None
    if parts is None or not parts.hostname:
        raise InvalidSourceError(
            f"{text!r} is not a complete web address (no host name).",
            "Give the full address, e.g. https://example.org/about.",
        )
    return text


def _checked_path(text: str) -> str:
    try:
        path = Path(text).expanduser()
        exists = path.exists()
    except (RuntimeError, ValueError, OSError):  # "~nobody", NUL bytes, over-long names
        exists = False
    if not exists:
        if _LOOKS_LIKE_A_HOST.match(text):
            raise InvalidSourceError(
                f"{text!r} is neither a web address nor an existing file or folder.",
                f"Did you mean https://{text} ? Web addresses start with https:// (or http://).",
            )
        raise InvalidSourceError(
            f"{text!r} is neither a web address nor an existing file or folder.",
            "Start web addresses with http:// or https://, or check the path.",
        )
    kind = special_file_kind(path)
    if kind is not None:  # a device or named pipe would never end, or block, when scanned
        raise InvalidSourceError(
            f"{text!r} is {kind}, not a file or folder.",
            "Give the path of a picture, a video, a folder or a .zip archive.",
        )
    return str(path.resolve())
