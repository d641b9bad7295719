"""Reading sitemaps (sitemaps.org): the pages a site lists for crawlers, as hostile input.

A sitemap is XML (``<urlset>`` of ``<url><loc>``, or a ``<sitemapindex>`` of further
sitemaps), plain text (one URL a line), either one gzip-compressed or not. Whatever the
server sends is treated like a page:

* the XML parser is expat fed in pieces, with document type declarations refused outright:
  sitemaps never need one, and without one there are no entities to expand (billion
  laughs, quadratic blow-up) and no external entities to fetch (XXE);
* gzip is inflated a piece at a time and stopped at ``MAX_SITEMAP_BYTES`` of XML (a small
  file can inflate to gigabytes);
* at most ``MAX_SITEMAP_URLS`` page addresses and ``MAX_CHILD_SITEMAPS`` sitemaps are taken
  from one file, and only those on the same site (scheme, host and port) as the file:
  the same rule as for the links of a page, so nothing the person did not list is asked.
"""

from __future__ import annotations

import xml.parsers.expat
from dataclasses import dataclass, field

from faceaudit.collect.decoding import DecodeChain, EncodingError
from faceaudit.collect.urls import InvalidURL, normalise_url, site_of

MAX_SITEMAP_BYTES = 16 * 1024 * 1024  # of XML or text, after gzip (sitemaps.org allows 50 MB)
MAX_SITEMAP_URLS = 50_000  # per file, the protocol's own limit
MAX_CHILD_SITEMAPS = 1_000  # per index
MAX_URL_CHARS = 8192  # one <loc>; longer text is not a URL anyone publishes
_FEED = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"


class SitemapError(ValueError):
    """The file is not a sitemap FaceAudit can read; ``str()`` says why, in plain words."""


@dataclass
class SitemapContents:
    pages: list[str] = field(default_factory=list)  # same-site page URLs, in file order
    sitemaps: list[str] = field(default_factory=list)  # same-site sitemaps of an index
    other_site: int = 0  # addresses skipped because they are on another site
    truncated: str | None = None  # why only part of the file was read, if it was


class _Stop(Exception):
    """Enough was read: the caps are reached."""


class _Reader:
    def __init__(self, url: str) -> None:
        self.url = url
        self.site = site_of(url)
        self.contents = SitemapContents()
        self.path: list[str] = []
        self.text: list[str] = []
        self.text_size = 0
        self.root: str | None = None

    # -- expat callbacks ----------------------------------------------------------------

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1].lower()  # "namespace localname" with namespaces on
        if self.root is None:
            self.root = local
            if local not in ("urlset", "sitemapindex"):
                raise SitemapError(
                    f"it is XML but not a sitemap (its root element is <{local}>, not "
                    "<urlset> or <sitemapindex>)"
                )
        self.path.append(local)
        if local == "loc":
            self.text, self.text_size = [], 0

    def end(self, name: str) -> None:
        local = self.path.pop() if self.path else ""
        # <loc> of a <url> is a page, of a <sitemap> a sitemap; others (the <image:loc> of
        # Google's image extension) are not pages.
        if local == "loc" and self.path and self.path[-1] in ("url", "sitemap"):
            self.add("".join(self.text).strip(), self.path[-1] == "sitemap")

    def characters(self, data: str) -> None:
        if self.path and self.path[-1] == "loc" and self.text_size <= MAX_URL_CHARS:
            self.text.append(data)
            self.text_size += len(data)

    def doctype(self, *args: object) -> None:
        raise SitemapError(
            "it declares a document type (DOCTYPE), which sitemaps never need and which "
            "can be used to exhaust memory; it was not read"
        )

    def external(self, *args: object) -> int:
        self.doctype()
        return 0  # never reached: doctype() raises

    # -- what the file lists ------------------------------------------------------------

    def add(self, text: str, is_sitemap: bool) -> None:
        contents = self.contents
        if not text or len(text) > MAX_URL_CHARS:
            return
        try:
            url = normalise_url(text, base=self.url)
        except InvalidURL:
            return
        if site_of(url) != self.site:
            contents.other_site += 1
            return
        if is_sitemap:
            if len(contents.sitemaps) >= MAX_CHILD_SITEMAPS:
                contents.truncated = f"it lists more than {MAX_CHILD_SITEMAPS} sitemaps"
                raise _Stop
            contents.sitemaps.append(url)
        else:
            if len(contents.pages) >= MAX_SITEMAP_URLS:
                contents.truncated = f"it lists more than {MAX_SITEMAP_URLS} pages"
                raise _Stop
            contents.pages.append(url)


def _inflated(body: bytes) -> list[bytes] | None:
    """The pieces of a gzip body (capped), or None when the body is not gzip."""
    if not body.startswith(GZIP_MAGIC):
        return None
    chain = DecodeChain("gzip")
    pieces: list[bytes] = []
    size = 0
    try:
        for start in range(0, len(body), _FEED):
            for piece in chain.feed(body[start : start + _FEED]):
                pieces.append(piece)
                size += len(piece)
                if size > MAX_SITEMAP_BYTES:
                    return pieces  # the caller reads up to the cap and says it stopped
        pieces.extend(chain.finish())
    except EncodingError as error:
        if not pieces:
            raise SitemapError(f"its gzip compression is corrupt ({error})") from None
    return pieces


def parse_sitemap(body: bytes, url: str) -> SitemapContents:
    """The same-site pages and sitemaps listed in a sitemap file fetched from ``url``.

    Raises :class:`SitemapError` when the file is neither a sitemap nor a text list.
    """
    pieces = _inflated(body)
    if pieces is None:
        pieces = [body[start : start + _FEED] for start in range(0, len(body), _FEED)]
    head = b"".join(pieces[:1])[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    reader = _Reader(url)
    if not head.startswith(b"<"):
        return _parse_text(pieces, reader)
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = reader.doctype
    parser.EntityDeclHandler = reader.doctype
    parser.ExternalEntityRefHandler = reader.external
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.characters
    size = 0
    try:
        for piece in pieces:
            size += len(piece)
            if size > MAX_SITEMAP_BYTES:
                reader.contents.truncated = (
                    f"it is larger than {MAX_SITEMAP_BYTES // 2**20} MiB of XML"
                )
                return reader.contents
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except _Stop:
        pass
    except xml.parsers.expat.ExpatError as error:
        found = reader.contents
        if not (found.pages or found.sitemaps):
            raise SitemapError(f"it is not well-formed XML ({error})") from None
        found.truncated = f"it stops being well-formed XML ({error})"
    if reader.root is None:
        raise SitemapError("it is empty")
    return reader.contents


def _parse_text(pieces: list[bytes], reader: _Reader) -> SitemapContents:
    """A text sitemap: one absolute http(s) URL a line, UTF-8 (sitemaps.org)."""
    data = b"".join(pieces)[:MAX_SITEMAP_BYTES]
    if b"\x00" in data[:4096]:
        raise SitemapError("it is neither XML nor a text list of addresses")
    listed = 0
    try:
        for line in data.decode("utf-8", errors="replace").splitlines():
            text = line.strip()
            if not text.lower().startswith(("http://", "https://")):
                continue
            listed += 1
            reader.add(text, is_sitemap=False)
    except _Stop:
        pass
    if not listed:
        raise SitemapError("it is neither XML nor a text list of addresses")
    return reader.contents


def sitemaps_in_robots(lines: list[str] | None, robots_url: str) -> list[str]:
    """The same-site sitemaps named by robots.txt ``Sitemap:`` lines (others are ignored)."""
    found: dict[str, None] = {}
    site = site_of(robots_url)
    for text in lines or ():
        try:
            url = normalise_url(text.strip(), base=robots_url)
        except InvalidURL:
            continue
        if site_of(url) == site and len(found) < MAX_CHILD_SITEMAPS:
            found[url] = None
    return list(found)
