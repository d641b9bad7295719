"""What the person typed in the address bar, as an http(s) address (or why it is refused)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_ADDRESS_CHARS = 4096
_HOST_LIKE = re.compile(r"^(localhost|[\w-]+(\.[\w-]+)+|\[[0-9a-f:.]+\])(:\d+)?([/?#].*)?$", re.I)


@dataclass(frozen=True)
class Address:
    url: str = ""  # the address to load, when usable
    refused: str = ""  # why not: "empty", "scheme" (with ``scheme``), "invalid"
    scheme: str = ""


def parse_address(text: str) -> Address:
    """``example.org/team`` -> ``https://example.org/team``; only http and https load (a page
    in FaceAudit's browser must not open files, nor other programs' addresses)."""
    typed = text.strip()
    if not typed:
        return Address(refused="empty")
    if len(typed) > MAX_ADDRESS_CHARS or any(ch.isspace() or ord(ch) < 32 for ch in typed):
        return Address(refused="invalid")
    match = re.match(r"^([a-z][a-z0-9+.-]*):", typed, re.I)
    if match and not _HOST_LIKE.match(typed):
        scheme = match.group(1).lower()
        if scheme not in ("http", "https"):
            return Address(refused="scheme", scheme=scheme)
    elif not typed.lower().startswith(("http://", "https://")):
        if not _HOST_LIKE.match(typed):
            return Address(refused="invalid")
        typed = "https://" + typed
    try:
        parts = urlsplit(typed)
        parts.port  # noqa: B018 (raises ValueError on a malformed port)
    except ValueError:
        return Address(refused="invalid")
    if not parts.hostname:
        return Address(refused="invalid")
    return Address(url=typed)
