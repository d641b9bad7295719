"""Sitemaps: robots.txt Sitemap lines, /sitemap.xml, indexes, gzip; hostile files stay harmless."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from faceaudit.collect.sitemap import (
    MAX_SITEMAP_BYTES,
    SitemapError,
    parse_sitemap,
    sitemaps_in_robots,
)

from .conftest import Site

if TYPE_CHECKING:
    from .conftest import RunCollect

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(*locs: str) -> bytes:
    entries = "".join(f"<url><loc>{loc}</loc><lastmod>2026-01-01</lastmod></url>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NS}>{entries}</urlset>'.encode()


def index(*locs: str) -> bytes:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return f'<?xml version="1.0"?><sitemapindex {NS}>{entries}</sitemapindex>'.encode()


def _pages_with_images(site: Site, make_image: Callable[..., bytes], count: int) -> None:
    for number in range(count):
        site.static(f"/i{number}.jpg", make_image((number * 40, 10, 10)), "image/jpeg")
        site.static(f"/p{number}", f'<img src="/i{number}.jpg">'.encode())


def test_robots_sitemap_index_and_gzip_reach_the_whole_site(
    site: Site, other_site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    _pages_with_images(site, make_image, 4)
    site.static("/", b"<p>home, no links</p>")
    site.static(
        "/robots.txt",
        f"User-agent: *\nDisallow: /p3\nSitemap: {site.url('/maps/index.xml')}\n"
        f"Sitemap: {other_site.url('/sitemap.xml')}\n".encode(),
        "text/plain",
    )
    site.static("/maps/index.xml", index("/maps/a.xml", site.url("/maps/b.xml.gz")), "text/xml")
    site.static(
        "/maps/a.xml",
        urlset(site.url("/p0"), "/p1", other_site.url("/elsewhere"), site.url("/p3")),
        "application/xml",
    )
    site.static("/maps/b.xml.gz", gzip.compress(urlset(site.url("/p2"))), "application/gzip")
    other_site.static("/sitemap.xml", urlset(other_site.url("/x")), "application/xml")

    without = run([site.url("/")], use_cache=False)
    assert without.by_url() == {}
    assert "/robots.txt" not in site.paths_hit()  # nothing more is asked without --sitemap

    found = run([site.url("/")], sitemap=True, use_cache=False)
    assert set(found.by_url()) == {site.url(f"/i{n}.jpg") for n in (0, 1, 2)}
    assert found.by_url()[site.url("/i1.jpg")].provenance.page_url == site.url("/p1")
    assert "robots.txt" in found.error_for(site.url("/p3"))  # crawled pages honour robots.txt
    assert other_site.hits == []  # another site's sitemap and pages are never asked
    assert "/sitemap.xml" not in site.paths_hit()  # robots.txt named the sitemaps


def test_default_sitemap_page_limit_and_no_link_following(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    _pages_with_images(site, make_image, 5)
    site.static("/p0", b'<img src="/i0.jpg"><a href="/p4">more</a>')
    site.static("/sitemap.xml", urlset(*(site.url(f"/p{n}") for n in range(4))), "text/xml")

    capped = run([site.url("/p0")], sitemap=True, max_pages=3, use_cache=False)
    assert set(capped.by_url()) == {site.url(f"/i{n}.jpg") for n in (0, 1, 2)}
    assert "limit of 3" in capped.error_for(site.url("/sitemap.xml"))
    assert "/p4" not in site.paths_hit()  # depth 0: links of the pages are not followed


def test_a_site_without_sitemap_is_said_so(site: Site, run: RunCollect) -> None:
    site.static("/", b"<p>home</p>")
    result = run([site.url("/")], sitemap=True, use_cache=False)
    assert "has no sitemap" in result.error_for(site.url("/sitemap.xml"))
    assert result.stats is not None and result.stats.pages == 1


def test_text_sitemap_and_nested_indexes_are_bounded(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    _pages_with_images(site, make_image, 2)
    site.static("/", b"<p>home</p>")
    site.static("/robots.txt", f"Sitemap: {site.url('/s0.xml')}\n".encode(), "text/plain")
    for level in range(6):  # an index of an index of an index...
        site.static(f"/s{level}.xml", index(site.url(f"/s{level + 1}.xml")), "text/xml")
    site.static("/s1.xml", index("/s2.xml", "/list.txt"), "text/xml")
    site.static("/list.txt", f"{site.url('/p0')}\n\n{site.url('/p1')}\n".encode(), "text/plain")

    result = run([site.url("/")], sitemap=True, use_cache=False)
    assert set(result.by_url()) == {site.url("/i0.jpg"), site.url("/i1.jpg")}
    assert any("nest more than" in error.error for error in result.errors)
    assert "/s2.xml" in site.paths_hit() and "/s3.xml" not in site.paths_hit()


def _billion_laughs() -> bytes:
    """Ten levels of entities, each ten of the one before: 10^9 "lol"s once expanded."""
    levels = ['<!ENTITY lol0 "lol">']
    levels += [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    declarations = "".join(levels)
    body = f'<?xml version="1.0"?><!DOCTYPE lolz [{declarations}]>'
    return (body + "<urlset><url><loc>&lol9;</loc></url></urlset>").encode()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (_billion_laughs(), "document type"),
        (
            b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<urlset><url><loc>&x;</loc></url></urlset>",
            "document type",
        ),
        (b"<urlset><url><loc>&undefined;</loc></url></urlset>", "not well-formed"),
        (b"<html><body>a page</body></html>", "not a sitemap"),
        (b"\x00\x01\x02binary" * 100, "neither XML nor a text list"),
        (b"\x1f\x8b\x08\x00garbage-gzip", "gzip compression is corrupt"),
        (b"", "neither XML nor a text list"),
    ],
)
def test_hostile_sitemaps_are_refused_with_a_reason(body: bytes, reason: str) -> None:
    with pytest.raises(SitemapError, match=reason):
        parse_sitemap(body, "http://127.0.0.1:8000/sitemap.xml")


def _gzip_bomb(inflated_mib: int) -> bytes:
    """<urlset>, then ``inflated_mib`` MiB of spaces, then one <url>: a few hundred KB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(b"<urlset>")]
    spaces = b" " * 2**20
    parts += [packer.compress(spaces) for _ in range(inflated_mib)]
    parts.append(packer.compress(b"<url><loc>http://127.0.0.1:8000/p</loc></url></urlset>"))
    parts.append(packer.flush())
    return b"".join(parts)


def test_a_gzip_bomb_stops_at_the_cap_without_the_memory() -> None:
    bomb = _gzip_bomb(1024)  # 1 GiB of XML once inflated
    assert len(bomb) < 2 * 2**20
    tracemalloc.start()
    try:
        contents = parse_sitemap(bomb, "http://127.0.0.1:8000/sitemap.xml.gz")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert contents.pages == []
    assert contents.truncated is not None and "larger than" in contents.truncated
    assert peak < 3 * MAX_SITEMAP_BYTES


def test_a_hostile_server_sitemap_is_one_message(site: Site, run: RunCollect) -> None:
    site.static("/", b"<p>home</p>")
    site.static(
        "/sitemap.xml",
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><urlset><url><loc>&a;</loc></url></urlset>',
        "text/xml",
    )
    result = run([site.url("/")], sitemap=True, use_cache=False)
    assert "document type" in result.error_for(site.url("/sitemap.xml"))
    assert result.stats is not None and result.stats.pages == 1


def test_sitemap_lines_of_robots_keep_only_the_same_site() -> None:
    robots = "https://example.org/robots.txt"
    lines = ["/a.xml", "https://example.org/b.xml", "https://cdn.example.org/c.xml", "x:"]
    assert sitemaps_in_robots(lines, robots) == [
        "https://example.org/a.xml",
        "https://example.org/b.xml",
    ]
    assert sitemaps_in_robots(None, robots) == []


def test_namespaces_cdata_and_image_extension() -> None:
    body = (
        f'<urlset {NS} xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
        "<url><loc><![CDATA[https://example.org/a?x=1&y=2]]></loc>"
        "<image:image><image:loc>https://example.org/photo.jpg</image:loc></image:image></url>"
        "<url><loc> https://example.org/b%2Cc </loc></url></urlset>"
    ).encode()
    contents = parse_sitemap(body, "https://example.org/sitemap.xml")
    assert contents.pages == ["https://example.org/a?x=1&y=2", "https://example.org/b%2Cc"]
