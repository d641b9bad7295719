"""URLs: normalisation (so duplicates merge), site checks, and the person's URL lists."""

from __future__ import annotations

import csv
import ipaddress
import re
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote, urlsplit, urlunsplit

WEB_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_URL_LENGTH = 8192
# A header cell that marks the first row of a CSV export, not a URL.
_CSV_HEADERS = {"url", "urls", "link", "links", "address", "page", "source", "sources"}
# Characters kept as they are in paths and queries; everything else is percent-encoded.
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"
_SAFE_QUERY = _SAFE_PATH + "?"
_BARE_HOST = re.compile(r"^[\w.-]+\.[a-z]{2,}(:\d+)?(/|$)", re.IGNORECASE)


class InvalidURL(ValueError):
    """A string that is not a usable http(s) URL; the message says why in plain words."""


def _normalise_host(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    if not host:
        raise InvalidURL("it has no host name")
    if ":" in host:
        try:
            return f"[{ipaddress.IPv6Address(host.strip('[]')).compressed}]"
        except ValueError as error:
            raise InvalidURL(f"{host} is not a valid IPv6 address") from error
    try:
        # IDNs travel as punycode, so the same site typed either way merges.
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise InvalidURL(f"the host name {host!r} is not valid") from error
    if not re.fullmatch(r"[a-z0-9._-]+", ascii_host) or ".." in ascii_host:
        raise InvalidURL(f"the host name {host!r} is not valid")
    return ascii_host


def _requote(part: str, safe: str) -> str:
    # Decode then re-encode, so "%7E", "~" and "a b" / "a%20b" merge; keep encoded delimiters.
    return quote(unquote(part, errors="surrogateescape"), safe=safe, errors="surrogateescape")


def normalise_url(url: str, base: str | None = None) -> str:
    """The canonical form of an http(s) URL: lower-case scheme and host, punycode host,
    no default port, no fragment, no credentials, percent-encoding made uniform.

    ``base`` resolves a relative URL first. Raises :class:`InvalidURL` with the reason.
    """
    from urllib.parse import urljoin

    text = url.strip()
    if not text:
        raise InvalidURL("it is empty")
    if len(text) > MAX_URL_LENGTH:
        raise InvalidURL(f"it is longer than {MAX_URL_LENGTH} characters")
    if any(ord(char) < 32 for char in text):
        raise InvalidURL("it contains control characters")
    if base is not None:
        try:
            text = urljoin(base, text)
        except ValueError as error:
            raise InvalidURL(f"it cannot be parsed ({error})") from error
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise InvalidURL(f"it cannot be parsed ({error})") from error
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise InvalidURL(
            f"only http and https addresses can be fetched, not {scheme or 'a relative'!s} ones"
        )
    host = _normalise_host(parts.hostname or "")
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _requote(parts.path or "/", _SAFE_PATH)
    query = _requote(parts.query, _SAFE_QUERY)
    return urlunsplit((scheme, netloc, path, query, ""))


def is_web_url(text: str) -> bool:
    try:
        return urlsplit(text.strip()).scheme.lower() in WEB_SCHEMES
    except ValueError:  # "http://[" — still meant as a web address; normalise_url says why not
        return text.strip().lower().startswith(("http://", "https://"))


def site_of(url: str) -> tuple[str, str]:
    """(scheme, host[:port]) — what "the same site" means for crawling."""
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def host_of(url: str) -> str:
    return urlsplit(url).hostname or ""


class LineError(NamedTuple):
    line: int  # 1-based, as an editor shows it
    text: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text!r} is not a usable URL: {self.reason}."


class ParsedURLs(NamedTuple):
    """The usable URLs (normalised, first occurrence kept, in order) and the lines refused."""

    urls: list[str]
    errors: list[LineError]
    duplicates: int = 0


def _candidate_text(line: str, csv_row: bool) -> str:
    """The URL part of a line: a CSV row's first non-empty cell, else the first word."""
    cells = next(csv.reader([line]), []) if csv_row else line.split()
    for cell in cells:
        if cell.strip():
            return cell.strip()
    return ""


def parse_url_list(text: str, *, csv_rows: bool = False) -> ParsedURLs:
    """Parse pasted text or a .txt/.csv file: one URL per line (a CSV row's first cell).

    Blank lines and ``#`` comments are ignored, a CSV header row is skipped (with
    ``csv_rows``, otherwise the first word of a line is the URL and the rest a note), a bare
    ``example.com/page`` is read as https, duplicates merge after normalisation, and every
    unusable line is reported with its line number.
    """
    urls: list[str] = []
    seen: set[str] = set()
    errors: list[LineError] = []
    duplicates = 0
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        line = re.split(r"\s+#", line, maxsplit=1)[0].strip()
        candidate = _candidate_text(line, csv_rows).strip("<>\"'")
        if not candidate:
            continue  # an empty CSV row
        if not urls and not errors and candidate.lower() in _CSV_HEADERS:
            continue
        if "://" not in candidate and _BARE_HOST.match(candidate):
            candidate = "https://" + candidate
        try:
            url = normalise_url(candidate)
        except InvalidURL as error:
            errors.append(LineError(number, raw_line.strip(), str(error)))
            continue
        if url in seen:
            duplicates += 1
            continue
        seen.add(url)
        urls.append(url)
    return ParsedURLs(urls, errors, duplicates)


MAX_LIST_FILE_BYTES = 4 * 1024 * 1024


def parse_url_file(path: str | Path) -> ParsedURLs:
    """Read a .txt or .csv list of URLs (UTF-8, or Latin-1 as a fallback)."""
    from faceaudit.errors import FaceAuditError

    file_path = Path(path)
    try:
        if file_path.stat().st_size > MAX_LIST_FILE_BYTES:
            raise FaceAuditError(
                f"{file_path} is larger than {MAX_LIST_FILE_BYTES // 2**20} MiB; "
                "it does not look like a list of URLs.",
                "Split the list into smaller files.",
            )
        data = file_path.read_bytes()
    except OSError as error:
        raise FaceAuditError(
            f"The URL list {file_path} cannot be read ({error.strerror}).",
            "Check the file name and its permissions.",
        ) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return parse_url_list(text, csv_rows=file_path.suffix.lower() == ".csv")
