"""URLs: serialised the way a browser does (WHATWG URL), site checks, and the person's URLs.

A URL FaceAudit fetches is the URL written in the page, resolved against its base and
serialised like a browser's ``href``: existing percent-escapes are kept exactly (``%2C``,
``%2F`` and ``%3A`` stay as they are: a signed CDN URL or ``?url=https%3A%2F%2F...`` is a
different request when decoded), and only what a URL may not contain is escaped (spaces,
quotes, non-ASCII ...). :func:`url_key` is the separate comparison form that merges
equivalent spellings (RFC 3986 §6.2.2) for de-duplication; it is never fetched.
"""

from __future__ import annotations

import codecs
import csv
import ipaddress
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit, urlunsplit

import idna

from faceaudit.errors import FaceAuditError

WEB_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_URL_LENGTH = 8192
# A header cell that marks the first row of a CSV export, not a URL.
_CSV_HEADERS = {"url", "urls", "link", "links", "address", "page", "source", "sources"}
# The WHATWG percent-encode sets of special (http/https) URLs, beyond C0 controls and
# non-ASCII: what a browser escapes in a path and in a query.
_PATH_ESCAPED = frozenset(' "#<>?^`{}')
_QUERY_ESCAPED = frozenset(" \"#<>'")
_BARE_HOST = re.compile(r"^[\w.-]+\.[a-z]{2,}(:\d+)?(/|$)", re.IGNORECASE)
_FORBIDDEN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|]")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


class InvalidURL(ValueError):
    """A string that is not a usable http(s) URL; the message says why in plain words."""


def _ipv4_number(part: str) -> int | None:
    lowered = part.lower()
    try:
        if lowered.startswith("0x"):
            return int(lowered[2:] or "0", 16)
        if len(part) > 1 and part.startswith("0"):
            return int(part[1:], 8)
        return int(part, 10) if part.isdigit() else None
    except ValueError:
        return None


def _ipv4(host: str) -> str | None:
    """A host a browser reads as an IPv4 address (``0x7f.1``, ``2130706433``), dotted."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if _ipv4_number(parts[-1]) is None or len(parts) > 4:
        return None
    numbers = [_ipv4_number(part) for part in parts]
    if any(number is None for number in numbers):
        raise InvalidURL(f"the host name {host!r} is not a valid IPv4 address")
    values = [number for number in numbers if number is not None]
    if any(value > 255 for value in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        raise InvalidURL(f"the host name {host!r} is not a valid IPv4 address")
    address = values[-1] + sum(
        value << (8 * (3 - index)) for index, value in enumerate(values[:-1])
    )
    return str(ipaddress.IPv4Address(address))


def _normalise_host(host: str) -> str:
    host = _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), host.strip()).rstrip(".")
    if not host:
        raise InvalidURL("it has no host name")
    if ":" in host:
        try:
            return f"[{ipaddress.IPv6Address(host.strip('[]')).compressed}]"
        except ValueError as error:
            raise InvalidURL(f"{host} is not a valid IPv6 address") from error
    try:
        # IDNs travel as punycode (UTS #46, non-transitional, as browsers do).
        ascii_host = idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError) as error:
        if not host.isascii() or _FORBIDDEN_HOST.search(host):
            raise InvalidURL(f"the host name {host!r} is not valid") from error
        ascii_host = host.lower()  # e.g. an underscore, which browsers accept
    if _FORBIDDEN_HOST.search(ascii_host) or ".." in ascii_host:
        raise InvalidURL(f"the host name {host!r} is not valid")
    return _ipv4(ascii_host) or ascii_host


def _escape(text: str, escaped: frozenset[str], encoding: str = "utf-8") -> str:
    """Percent-encode what a browser would, keeping every existing escape as it is."""
    out: list[str] = []
    for char in text:
        if char in escaped or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"%{ord(char):02X}")
        elif ord(char) > 0x7E:
            # Non-ASCII in a query is encoded in the page's encoding (the URL Standard);
            # what that encoding cannot represent becomes a numeric character reference.
            try:
                data = char.encode(encoding)
            except UnicodeEncodeError:
                out.append(f"%26%23{ord(char)}%3B")
            else:
                out.append("".join(f"%{byte:02X}" for byte in data))
        else:
            out.append(char)
    return "".join(out)


_DOT_SEGMENTS = {".": ".", "%2e": ".", "..": "..", ".%2e": "..", "%2e.": "..", "%2e%2e": ".."}


def _remove_dot_segments(path: str) -> str:
    segments = path.split("/")[1:]
    output: list[str] = []
    for index, segment in enumerate(segments):
        dots = _DOT_SEGMENTS.get(segment.lower())
        last = index == len(segments) - 1
        if dots == "..":
            if output:
                output.pop()
            if last:
                output.append("")
        elif dots == ".":
            if last:
                output.append("")
        else:
            output.append(segment)
    return "/" + "/".join(output)


def _clean(url: str) -> str:
    """What a browser's URL parser ignores: outer spaces/controls, inner tabs and newlines."""
    text = url.strip("".join(map(chr, range(0x21))))
    return re.sub(r"[\t\n\r]", "", text)


def normalise_url(url: str, base: str | None = None, *, encoding: str = "utf-8") -> str:
    """The URL as a browser serialises it: lower-case scheme, punycode host, no default
    port, no fragment, no credentials, dot segments resolved; escapes kept as written.

    ``base`` resolves a relative URL first (as written in a page, so tabs and newlines inside
    it are dropped like a browser drops them; a typed URL with control characters is
    refused). ``encoding`` is the page's, for non-ASCII in the query. Raises
    :class:`InvalidURL` with the reason.
    """
    text = _clean(url) if base is not None else url.strip()
    if not text:
        raise InvalidURL("it is empty")
    if len(text) > MAX_URL_LENGTH:
        raise InvalidURL(f"it is longer than {MAX_URL_LENGTH} characters")
    if base is None and any(ord(char) < 32 for char in text):
        raise InvalidURL("it contains control characters")
    # Special URLs treat "\\" as "/" before the query.
    cut = re.search(r"[?#]", text)
    end = cut.start() if cut else len(text)
    text = text[:end].replace("\\", "/") + text[end:]
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
    path = _escape(_remove_dot_segments(parts.path or "/"), _PATH_ESCAPED)
    query = _escape(parts.query, _QUERY_ESCAPED, encoding)
    return urlunsplit((scheme, netloc, path, query, ""))


def url_key(url: str) -> str:
    """The comparison form of a URL from :func:`normalise_url`, for de-duplication only:
    escapes of unreserved characters decoded, other escapes in upper case (RFC 3986
    §6.2.2), so ``/%7Euser`` and ``/~user`` are one image. Never fetched."""

    def unescape(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else match.group(0).upper()

    return _ESCAPE.sub(unescape, url)


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


def csv_delimiter(text: str) -> str:
    """The list's CSV separator: a semicolon where a comma is the decimal mark (Excel in
    French, German, Italian...), a tab from some exports, else a comma — whichever separates
    cells on the most lines."""
    lines = [line for line in text.splitlines()[:200] if line.strip() and line[0] != "#"]
    counts = {sep: sum(sep in line for line in lines) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > counts[","] else ","


def _candidate_text(line: str, csv_row: bool, delimiter: str = ",") -> str:
    """The URL part of a line: a CSV row's first non-empty cell, else the first word."""
    cells = next(csv.reader([line], delimiter=delimiter), []) if csv_row else line.split()
    for cell in cells:
        if cell.strip():
            return cell.strip()
    return ""


class ListEntry(NamedTuple):
    """One meaningful line of a list: its number, the line as written, and the entry on it."""

    line: int
    text: str
    value: str


MAX_LIST_ENTRIES = 100_000  # one list; README "Limits" (100,000 failing URLs take minutes)


class ListTooLongError(FaceAuditError):
    """A list of more entries than one scan takes."""


def list_entries(text: str, *, csv_rows: bool = False) -> Iterator[ListEntry]:
    """The entries of pasted text or a .txt/.csv list, one per line (a CSV row's first cell).

    Blank lines and ``#`` comments are ignored, a CSV header row is skipped (with
    ``csv_rows``, otherwise the first word of a line is the entry and the rest a note). The
    one reader of lists: ``scan --urls-file`` and ``sources add --urls-file`` both use it.
    More than MAX_LIST_ENTRIES entries raise ListTooLongError (nothing of the list is used).
    """
    first = True
    count = 0
    delimiter = csv_delimiter(text) if csv_rows else ","
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        line = re.split(r"\s+#", line, maxsplit=1)[0].strip()
        candidate = _candidate_text(line, csv_rows, delimiter).strip("<>\"'")
        if not candidate:
            continue  # an empty CSV row
        if first and candidate.lower() in _CSV_HEADERS:
            first = False
            continue
        first = False
        count += 1
        if count > MAX_LIST_ENTRIES:
            raise ListTooLongError(
                f"The list has more than {MAX_LIST_ENTRIES:,} entries (line {number} is past "
                "that); nothing of it was used.",
                f"Split it into lists of at most {MAX_LIST_ENTRIES:,} and scan them in turn.",
            )
        yield ListEntry(number, raw_line.strip(), candidate)


def with_scheme(candidate: str) -> str:
    """A bare ``example.com/page`` (or ``www.example.org``) read as https; anything else as is."""
    if "://" not in candidate and _BARE_HOST.match(candidate):
        return "https://" + candidate
    return candidate


def parse_url_list(text: str, *, csv_rows: bool = False) -> ParsedURLs:
    """Parse pasted text or a .txt/.csv file (see :func:`list_entries`): a bare
    ``example.com/page`` is read as https, duplicates merge after normalisation, and every
    unusable line is reported with its line number.
    """
    urls: list[str] = []
    seen: set[str] = set()  # url_key of every URL kept
    errors: list[LineError] = []
    duplicates = 0
    for entry in list_entries(text, csv_rows=csv_rows):
        try:
            url = normalise_url(with_scheme(entry.value))
        except InvalidURL as error:
            errors.append(LineError(entry.line, entry.text, str(error)))
            continue
        if url_key(url) in seen:
            duplicates += 1
            continue
        seen.add(url_key(url))
        urls.append(url)
    return ParsedURLs(urls, errors, duplicates)


MAX_LIST_FILE_BYTES = 4 * 1024 * 1024


def parse_url_file(path: str | Path) -> ParsedURLs:
    """Read a .txt or .csv list of URLs (UTF-8, or Latin-1 as a fallback)."""
    text, csv_rows = read_list_file(path)
    return parse_url_list(text, csv_rows=csv_rows)


def read_list_file(path: str | Path) -> tuple[str, bool]:
    """A list file's text (UTF-8, or Latin-1 as a fallback) and whether it is CSV.

    Only a regular file of at most MAX_LIST_FILE_BYTES is read (never a device or a pipe).
    """
    from faceaudit.localfiles import read_capped

    file_path = Path(path)
    data = read_capped(
        file_path,
        MAX_LIST_FILE_BYTES,
        role="URL list",
        error=FaceAuditError,
        too_large_todo="It does not look like a list of URLs: split it into smaller files.",
    )
    return decode_list_bytes(data), file_path.suffix.lower() == ".csv"


def decode_list_bytes(data: bytes) -> str:
    """A list file's text: UTF-32/UTF-16 by their byte-order mark (Windows' Notepad and Excel
    save "Unicode" text as UTF-16), UTF-16 without one when every other byte is zero, then
    UTF-8 (with or without a BOM), then Latin-1."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 > len(sample):
        # ASCII text in UTF-16 has a zero in every other byte: which ones says the order.
        even_zeros = sample[0::2].count(0)
        codec = "utf-16-be" if even_zeros > sample[1::2].count(0) else "utf-16-le"
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")
