"""Finding every image and video a page shows, and the links a crawl may follow.

Placements covered: ``<img src>``, ``srcset`` and ``<picture><source>`` (largest candidate),
lazy-load attributes, Open Graph / Twitter images, ``<link rel=image_src>``, CSS
``background(-image): url(...)`` in ``style`` attributes and ``<style>`` blocks, video
posters, links to images, ``<video src>`` / ``<source>`` files, ``<noscript>`` fallbacks and
``data:`` URIs. Relative URLs resolve against ``<base href>`` and the page's final URL.

The parser never fetches anything and never runs scripts; malformed HTML is parsed leniently.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import re
from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes, urlsplit

import lxml.etree
import lxml.html

from faceaudit.collect.urls import InvalidURL, normalise_url, site_of

MAX_IMAGES_PER_PAGE = 2000
MAX_LINKS_PER_PAGE = 5000
MAX_DATA_URI_BYTES = 4 * 1024 * 1024
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

    url: str  # normalised absolute URL, or the data: URI itself
    kind: str  # image | video
    found_by: list[str] = field(default_factory=list)
    data: bytes | None = None  # decoded bytes of a data: URI


@dataclass
class PageContents:
    images: list[Placement]  # images and videos, in page order, one entry per URL
    links: list[str]  # same-site page links, normalised, for crawling
    dropped_images: int = 0  # placements beyond MAX_IMAGES_PER_PAGE (repeats included)
    invalid_urls: int = 0


def parse_srcset(value: str) -> list[tuple[str, float]]:
    """The candidates of a srcset: (url, size) where size is the width (w) or density (x)."""
    results: list[tuple[str, float]] = []
    position, length = 0, len(value)
    while position < length:
        while position < length and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < length and not value[position].isspace():
            position += 1
        url = value[start:position]
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth, start = 0, position
            while position < length and (value[position] != "," or depth > 0):
                depth += {"(": 1, ")": -1}.get(value[position], 0)
                position += 1
            descriptor = value[start:position].strip()
        if url:
            results.append((url, _descriptor_size(descriptor)))
    return results


def _descriptor_size(descriptor: str) -> float:
    for token in descriptor.split():
        try:
            if token.endswith("w"):
                # a width in pixels ranks above any density
                return float(token[:-1]) * 1000
            if token.endswith("x"):
                return float(token[:-1])
        except ValueError:
            continue
    return 1.0


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
    def __init__(self, base: str, page_url: str) -> None:
        self.base = base
        self.page_site = site_of(page_url)
        self.by_url: dict[str, Placement] = {}
        self.order: list[Placement] = []
        self.links: dict[str, None] = {}
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
            url = normalise_url(raw, base=self.base)
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
        placement = self.by_url.get(url)
        if placement is None:
            if len(self.order) >= MAX_IMAGES_PER_PAGE:
                self.dropped += 1
                return None
            placement = Placement(url, kind)
            self.by_url[url] = placement
            self.order.append(placement)
        if found_by not in placement.found_by:
            placement.found_by.append(found_by)
        return placement

    def add_link(self, raw: str | None) -> None:
        if not raw or len(self.links) >= MAX_LINKS_PER_PAGE:
            return
        try:
            url = normalise_url(raw, base=self.base)
        except InvalidURL:
            return
        if site_of(url) == self.page_site:
            self.links[url] = None

    def add_css(self, css: str, found_by: str = "css") -> None:
        for declaration in _CSS_BACKGROUND.finditer(css):
            for match in _CSS_URL.finditer(declaration.group(1)):
                self.add(match.group(2), found_by)


def _parse(html: bytes, encoding: str | None) -> lxml.html.HtmlElement | None:
    for candidate in (encoding, None):
        try:
            parser = lxml.html.HTMLParser(encoding=candidate, recover=True, no_network=True)
            root = lxml.html.document_fromstring(html, parser=parser)
        except (LookupError, lxml.etree.ParserError, ValueError, TypeError):
            continue
        return root
    return None


def _charset(content_type: str | None) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def _inside(element: lxml.html.HtmlElement, tag: str) -> bool:
    return any(ancestor.tag == tag for ancestor in element.iterancestors())


def extract_page(html: bytes, page_url: str, content_type: str | None = None) -> PageContents:
    """Every image/video placement and same-site link of an HTML page (``page_url`` is the
    final URL after redirects)."""
    root = _parse(html, _charset(content_type))
    if root is None:
        return PageContents([], [])
    base = page_url
    for element in root.iter("base"):
        href = element.get("href")
        if href:
            with contextlib.suppress(InvalidURL):
                base = normalise_url(href, base=page_url)
            break
    found = _Collector(base, page_url)
    noscript_html: list[str] = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        style = element.get("style")
        if style:
            found.add_css(style)
        if tag == "img":
            by = "noscript" if _inside(element, "noscript") else None
            found.add(element.get("src"), by or "img")
            srcset = element.get("srcset")
            if srcset:
                found.add(largest_in_srcset(srcset), by or "srcset")
            for attribute in LAZY_SRC_ATTRIBUTES:
                found.add(element.get(attribute), by or "lazy")
            for attribute in LAZY_SRCSET_ATTRIBUTES:
                value = element.get(attribute)
                if value:
                    found.add(largest_in_srcset(value), by or "lazy")
        elif tag == "source":
            parent = element.getparent()
            parent_tag = (
                parent.tag.lower() if parent is not None and isinstance(parent.tag, str) else ""
            )
            if parent_tag in ("video", "audio"):
                if parent_tag == "video":
                    found.add(element.get("src"), "video", kind="video")
            else:
                for attribute in ("srcset", *LAZY_SRCSET_ATTRIBUTES):
                    value = element.get(attribute)
                    if value:
                        found.add(largest_in_srcset(value), "picture")
        elif tag == "video":
            found.add(element.get("poster"), "poster")
            found.add(element.get("src"), "video", kind="video")
        elif tag == "meta":
            key = (element.get("property") or element.get("name") or "").strip().lower()
            if key in ("og:image", "og:image:url", "og:image:secure_url"):
                found.add(element.get("content"), "og:image")
            elif key in ("twitter:image", "twitter:image:src"):
                found.add(element.get("content"), "twitter:image")
        elif tag == "link":
            rels = (element.get("rel") or "").lower().split()
            if "image_src" in rels:
                found.add(element.get("href"), "link")
        elif tag == "style":
            found.add_css(element.text_content())
        elif tag == "a":
            href = element.get("href")
            if href and _looks_like(href, IMAGE_EXTENSIONS):
                found.add(href, "a-href")
            elif href and _looks_like(href, VIDEO_EXTENSIONS):
                found.add(href, "a-href", kind="video")
            else:
                found.add_link(href)
        elif tag == "noscript" and len(element) == 0 and element.text and "<" in element.text:
            # Some parsers keep <noscript> content as text: parse it as a fragment.
            noscript_html.append(element.text)
    for fragment in noscript_html:
        inner = _parse(fragment.encode("utf-8"), "utf-8")
        if inner is not None:
            for image in inner.iter("img"):
                found.add(image.get("src"), "noscript")
    return PageContents(found.order, list(found.links), found.dropped, found.invalid)
