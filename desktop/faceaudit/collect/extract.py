"""Finding every image and video a page shows, and the links a crawl may follow.

Placements covered: ``<img src>``, ``srcset`` and ``<picture><source>`` (largest candidate),
lazy-load attributes, Open Graph / Twitter images, ``<link rel=image_src>``, CSS
``background(-image): url(...)`` in ``style`` attributes and ``<style>`` blocks, video
posters, links to images, ``<video src>`` / ``<source>`` files, ``<noscript>`` fallbacks and
``data:`` URIs. Relative URLs resolve against ``<base href>`` and the page's final URL.

Pages are decoded by the WHATWG sniffing order (:mod:`faceaudit.collect.encoding`) and parsed
by the WHATWG HTML algorithm, as a browser with scripting off parses them (Lexbor, through
selectolax): unclosed tags, stray end tags, misnested tables and ``<!--[if IE]>`` comments
build the tree a browser builds. The parser never fetches anything and never runs scripts.
URLs are kept as the page writes them (see :mod:`faceaudit.collect.urls`).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import re
from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from faceaudit.collect.encoding import decode_page
from faceaudit.collect.urls import InvalidURL, normalise_url, site_of, url_key

MAX_IMAGES_PER_PAGE = 2000
MAX_LINKS_PER_PAGE = 5000
MAX_DATA_URI_BYTES = 4 * 1024 * 1024
# The tree builder's work grows with depth x elements (each new element looks down the
# stack of open elements), so a page of 100,000 nested <div>s would take minutes. Browsers
# stop nesting at 512 levels; pages far deeper than any real page are reported, not parsed.
MAX_NESTING_WORK = 30_000_000
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".jfif")
VIDEO_EXTENSIONS = (".mp4", ".m4v", ".webm", ".mov")
LAZY_SRC_ATTRIBUTES = (
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-large-file",
    "data-orig-file",
    "data-echo",
)
LAZY_SRCSET_ATTRIBUTES = ("data-srcset", "data-lazy-srcset", "data-original-set")
_CSS_BACKGROUND = re.compile(r"background(?:-image)?\s*:([^;{}]*)", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)


@dataclass
class Placement:
    """One URL the page shows as an image or video, and every way it is placed."""

    url: str  # absolute URL as the page writes it (see urls.normalise_url), or a data: key
    kind: str  # image | video
    found_by: list[str] = field(default_factory=list)
    data: bytes | None = None  # decoded bytes of a data: URI


@dataclass
class PageContents:
    images: list[Placement]  # images and videos, in page order, one entry per URL
    links: list[str]  # same-site page links, normalised, for crawling
    dropped_images: int = 0  # placements beyond MAX_IMAGES_PER_PAGE (repeats included)
    invalid_urls: int = 0
    too_deep: bool = False  # not parsed: nested far deeper than browsers build trees
    encoding: str = "utf-8"  # how the bytes were read (encoding.DecodedPage.encoding)


def _srcset_descriptors(value: str, position: int) -> tuple[list[str], int]:
    """The descriptor tokens after a srcset URL (HTML Standard, "parse a srcset attribute")."""
    descriptors: list[str] = []
    current, state, length = "", "in", len(value)
    while position < length:
        char = value[position]
        if state == "in":
            if char.isspace():
                if current:
                    descriptors.append(current)
                current, state = "", "after"
            elif char == ",":
                position += 1
                break
            elif char == "(":
                current += char
                state = "parens"
            else:
                current += char
        elif state == "parens":
            current += char
            if char == ")":
                state = "in"
        elif not char.isspace():
            state = "in"
            continue
        position += 1
    if current:
        descriptors.append(current)
    return descriptors, position


_SRCSET_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _candidate_size(descriptors: list[str]) -> float | None:
    """The width (w, ranked above any density) or density (x) of a candidate; None when its
    descriptors are invalid, which drops the candidate as a browser drops it."""
    width = density = None
    height_seen = False
    for token in descriptors:
        number, unit = token[:-1], token[-1:].lower()
        if unit == "w" and width is None and density is None and number.isdigit():
            width = int(number)
            if width <= 0:
                return None
        elif unit == "x" and width is None and density is None and not height_seen:
            if not _SRCSET_NUMBER.fullmatch(number) or float(number) < 0:
                return None
            density = float(number)
        elif unit == "h" and not height_seen and width is not None and number.isdigit():
            height_seen = True
        else:
            return None
    if width is not None:
        return width * 1000.0
    return density if density is not None else 1.0


def parse_srcset(value: str) -> list[tuple[str, float]]:
    """The candidates of a srcset, per the HTML Standard: (url, size), where size is the
    width (w) times 1000 or the density (x). A comma inside a URL
    (``/c_fill,f_auto,w_80/x.jpg``) is part of it; candidates end at a comma that follows
    whitespace, or one that ends the URL token."""
    results: list[tuple[str, float]] = []
    position, length = 0, len(value)
    while position < length:
        while position < length and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < length and not value[position].isspace():
            position += 1
        url = value[start:position]
        descriptors: list[str] = []
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            descriptors, position = _srcset_descriptors(value, position)
        size = _candidate_size(descriptors)
        if url and size is not None:
            results.append((url, size))
    return results


def largest_in_srcset(value: str) -> str | None:
    candidates = parse_srcset(value)
    if not candidates:
        return None
    return max(candidates, key=lambda candidate: candidate[1])[0]


def decode_data_uri(uri: str) -> tuple[str, bytes] | None:
    """(media type, bytes) of a ``data:`` URI, or None if it is not a usable image."""
    header, separator, payload = uri.partition(",")
    if not separator or not header.lower().startswith("data:"):
        return None
    media = header[5:].split(";", 1)[0].strip().lower() or "text/plain"
    if len(payload) > MAX_DATA_URI_BYTES * 4 // 3 + 4:
        return None
    try:
        if header.lower().endswith(";base64"):
            data = base64.b64decode(re.sub(r"\s+", "", payload), validate=False)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
    return media, data


def _looks_like(url: str, extensions: tuple[str, ...]) -> bool:
    try:
        path = urlsplit(url).path.lower()
    except ValueError:  # e.g. "a://[" — an invalid URL links to nothing
        return False
    return path.endswith(extensions)


class _Collector:
    def __init__(self, base: str, page_url: str, url_encoding: str) -> None:
        self.base = base
        self.url_encoding = url_encoding
        self.page_site = site_of(page_url)
        self.by_url: dict[str, Placement] = {}  # by url_key: one entry per image
        self.order: list[Placement] = []
        self.links: dict[str, str] = {}  # url_key -> URL
        self.dropped = 0
        self.invalid = 0

    def add(self, raw: str | None, found_by: str, kind: str = "image") -> None:
        if not raw:
            return
        raw = raw.strip()
        if not raw or raw.startswith("#") or raw.lower().startswith(("javascript:", "about:")):
            return
        if len(self.order) >= MAX_IMAGES_PER_PAGE:
            self.dropped += 1  # counted, not parsed: a page of 100,000 images stays cheap
            return
        if raw.lower().startswith("data:"):
            self._add_data(raw, found_by)
            return
        try:
            url = normalise_url(raw, base=self.base, encoding=self.url_encoding)
        except InvalidURL:
            self.invalid += 1
            return
        self._place(url, kind, found_by)

    def _add_data(self, raw: str, found_by: str) -> None:
        decoded = decode_data_uri(raw)
        if decoded is None or not decoded[0].startswith(("image/", "video/")):
            return
        media, data = decoded
        if len(data) < 64:  # transparent placeholder pixels, never a photo
            return
        key = f"data:{media};base64,{base64.b64encode(data[:24]).decode()}…({len(data)} bytes)"
        placement = self._place(key, "image", found_by)
        if placement is not None and placement.data is None:
            placement.data = data

    def _place(self, url: str, kind: str, found_by: str) -> Placement | None:
        key = url_key(url)
        placement = self.by_url.get(key)
        if placement is None:
            if len(self.order) >= MAX_IMAGES_PER_PAGE:
                self.dropped += 1
                return None
            placement = Placement(url, kind)
            self.by_url[key] = placement
            self.order.append(placement)
        if found_by not in placement.found_by:
            placement.found_by.append(found_by)
        return placement

    def add_link(self, raw: str | None) -> None:
        if not raw or len(self.links) >= MAX_LINKS_PER_PAGE:
            return
        try:
            url = normalise_url(raw, base=self.base, encoding=self.url_encoding)
        except InvalidURL:
            return
        if site_of(url) == self.page_site:
            self.links.setdefault(url_key(url), url)

    def add_css(self, css: str, found_by: str = "css") -> None:
        for declaration in _CSS_BACKGROUND.finditer(css):
            for match in _CSS_URL.finditer(declaration.group(1)):
                self.add(match.group(2), found_by)


_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*?(/?)>")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "param",
        "keygen",
    }
)
# End tags a parser implies (a new <p> closes the last one): they do not nest.
_SELF_CLOSING_BY_SIBLING = frozenset(
    {
        "p",
        "li",
        "dd",
        "dt",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "rb",
        "rt",
        "rp",
        "caption",
        "colgroup",
    }
)


def _nesting_work(text: str) -> int:
    """An upper bound of the tree builder's work on ``text``: the sum of the depths at which
    elements open (unclosed elements counted as open)."""
    if text.count("<") < 4096:  # so few tags cannot cost much, however they nest
        return 0
    depth = work = 0
    for closing, name, self_closed in _TAG.findall(text):
        name = name.lower()
        if name in _VOID or name in _SELF_CLOSING_BY_SIBLING or self_closed:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            work += depth
            depth += 1
            if work > MAX_NESTING_WORK:
                break
    return work


def _inside(element: LexborNode, tag: str) -> bool:
    ancestor = element.parent
    while ancestor is not None:
        if ancestor.tag == tag:
            return True
        ancestor = ancestor.parent
    return False


def extract_page(html: bytes, page_url: str, content_type: str | None = None) -> PageContents:
    """Every image/video placement and same-site link of an HTML page (``page_url`` is the
    final URL after redirects)."""
    decoded = decode_page(html, content_type)
    if _nesting_work(decoded.text) > MAX_NESTING_WORK:
        return PageContents([], [], too_deep=True, encoding=decoded.encoding)
    root = LexborHTMLParser(decoded.text).root
    if root is None:
        return PageContents([], [], encoding=decoded.encoding)
    # Non-ASCII in a query is sent in the page's encoding; UTF-16 pages use UTF-8 there.
    url_encoding = "utf-8" if decoded.encoding.startswith("utf") else decoded.encoding
    base = page_url
    for element in root.css("base[href]"):
        href = element.attributes.get("href")
        if href:
            with contextlib.suppress(InvalidURL):
                base = normalise_url(href, base=page_url, encoding=url_encoding)
            break
    found = _Collector(base, page_url, url_encoding)
    for element in root.traverse(include_text=False):
        _visit(element, found)
    return PageContents(
        found.order,
        list(found.links.values()),
        found.dropped,
        found.invalid,
        encoding=decoded.encoding,
    )


def _visit(element: LexborNode, found: _Collector) -> None:
    tag = element.tag
    if not tag or not element.is_element_node:
        return
    attributes = element.attributes
    style = attributes.get("style")
    if style:
        found.add_css(style)
    if tag == "img":
        by = "noscript" if _inside(element, "noscript") else None
        found.add(attributes.get("src"), by or "img")
        srcset = attributes.get("srcset")
        if srcset:
            found.add(largest_in_srcset(srcset), by or "srcset")
        for attribute in LAZY_SRC_ATTRIBUTES:
            found.add(attributes.get(attribute), by or "lazy")
        for attribute in LAZY_SRCSET_ATTRIBUTES:
            value = attributes.get(attribute)
            if value:
                found.add(largest_in_srcset(value), by or "lazy")
    elif tag == "source":
        parent = element.parent
        parent_tag = parent.tag if parent is not None else ""
        if parent_tag in ("video", "audio"):
            if parent_tag == "video":
                found.add(attributes.get("src"), "video", kind="video")
        else:
            for attribute in ("srcset", *LAZY_SRCSET_ATTRIBUTES):
                value = attributes.get(attribute)
                if value:
                    found.add(largest_in_srcset(value), "picture")
    elif tag == "video":
        found.add(attributes.get("poster"), "poster")
        found.add(attributes.get("src"), "video", kind="video")
    elif tag == "meta":
        key = (attributes.get("property") or attributes.get("name") or "").strip().lower()
        if key in ("og:image", "og:image:url", "og:image:secure_url"):
            found.add(attributes.get("content"), "og:image")
        elif key in ("twitter:image", "twitter:image:src"):
            found.add(attributes.get("content"), "twitter:image")
    elif tag == "link":
        rels = (attributes.get("rel") or "").lower().split()
        if "image_src" in rels:
            found.add(attributes.get("href"), "link")
    elif tag == "style":
        found.add_css(element.text(deep=True))
    elif tag == "a":
        href = attributes.get("href")
        if href and _looks_like(href, IMAGE_EXTENSIONS):
            found.add(href, "a-href")
        elif href and _looks_like(href, VIDEO_EXTENSIONS):
            found.add(href, "a-href", kind="video")
        else:
            found.add_link(href)


def shown_page(images: list[tuple[str, str, str]], links: list[str], page_url: str) -> PageContents:
    """The placements a browser reported for a rendered page: ``(url, found_by, kind)`` in
    page order, absolute as the browser serialised them, then checked and de-duplicated as
    for a fetched page (data: URIs decoded, javascript: and other schemes dropped)."""
    found = _Collector(page_url, page_url, "utf-8")
    for url, found_by, kind in images:
        if url.lower().startswith(("http:", "https:", "data:")):
            found.add(url, found_by, kind)
    for link in links:
        found.add_link(link)
    return PageContents(found.order, list(found.links.values()), found.dropped, found.invalid)
