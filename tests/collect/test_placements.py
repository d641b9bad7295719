"""Every image placement of a realistic page is found, with its provenance."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from faceaudit.collect import normalise_url

if TYPE_CHECKING:
    from .conftest import RunCollect, Site


def test_every_placement_is_found_with_provenance(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    images = {
        name: make_image((index * 20 % 256, 255 - index * 10, index * 7 % 256))
        for index, name in enumerate(
            [
                "img.jpg", "small.jpg", "large.jpg", "lazy.jpg", "lazyset.jpg", "pic-1x.jpg",
                "pic-2x.jpg", "og.jpg", "tw.jpg", "link.jpg", "inline-css.jpg", "style-css.jpg",
                "poster.jpg", "anchor.jpg", "noscript.jpg",
            ]
        )
    }  # fmt: skip
    for name, body in images.items():
        site.static(f"/media/{name}", body, "image/jpeg")
    data_png = make_image((1, 2, 3), "PNG", (40, 40))
    import base64

    data_uri = "data:image/png;base64," + base64.b64encode(data_png).decode()
    page = f"""<!doctype html><html><head>
      <base href="/media/">
      <meta property="og:image" content="og.jpg">
      <meta name="twitter:image" content="tw.jpg">
      <link rel="image_src" href="link.jpg">
      <style>.hero {{ background-image: url("style-css.jpg"); }}</style>
    </head><body>
      <img src="img.jpg" alt="plain">
      <img src="small.jpg" srcset="small.jpg 320w, large.jpg 1280w">
      <img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="lazy.jpg"
           data-srcset="lazyset.jpg 2x">
      <picture><source srcset="pic-1x.jpg 1x, pic-2x.jpg 2x"><img src="img.jpg"></picture>
      <div style="background: url('inline-css.jpg') no-repeat"></div>
      <video poster="poster.jpg"></video>
      <a href="anchor.jpg">full size</a>
      <noscript><img src="noscript.jpg"></noscript>
      <img src="{data_uri}">
      <img src="missing.jpg">
    </body></html>""".encode()
    site.static("/gallery/page.html", page)
    site.static("/start", b"", headers={"Location": "/gallery/page.html"}, status=302)

    result = run([site.url("/start")])

    final_page = site.url("/gallery/page.html")
    found = {
        c.provenance.image_url.rsplit("/", 1)[-1]: c
        for c in result.candidates
        if not c.provenance.image_url.startswith("data:")
    }
    expected_by = {
        "img.jpg": "img", "large.jpg": "srcset", "lazy.jpg": "lazy", "lazyset.jpg": "lazy",
        "pic-2x.jpg": "picture", "og.jpg": "og:image", "tw.jpg": "twitter:image",
        "link.jpg": "link", "inline-css.jpg": "css", "style-css.jpg": "css",
        "poster.jpg": "poster", "anchor.jpg": "a-href", "noscript.jpg": "noscript",
        "small.jpg": "img",
    }  # fmt: skip
    assert set(found) == set(expected_by)
    for name, how in expected_by.items():
        provenance = found[name].provenance
        assert provenance.found_by == how, name
        assert provenance.page_url == final_page  # the final URL after the redirect
        assert provenance.image_url == normalise_url(site.url(f"/media/{name}"))  # <base href>
        assert provenance.http_status == 200
        assert provenance.final_url == provenance.image_url
        assert provenance.byte_size == len(images[name])
        assert provenance.sha256 == hashlib.sha256(images[name]).hexdigest()
        assert provenance.content_type == "image/jpeg"
        assert provenance.fetched_at and provenance.fetched_at.endswith("Z")
        assert provenance.source == site.url("/start")
        assert found[name].data == images[name]
    # picture's <img src> repeats img.jpg: fetched once, the second placement is in also_at
    assert "pic-1x.jpg" not in found and "pic-2x.jpg" in found
    # The 1x1 placeholder is ignored; the real data: URI is decoded.
    data_candidates = [c for c in result.candidates if c.provenance.image_url.startswith("data:")]
    assert len(data_candidates) == 1 and data_candidates[0].data == data_png
    assert data_candidates[0].provenance.found_by == "data-uri"
    assert data_candidates[0].provenance.content_type == "image/png"
    # The broken image is one clear error; the run went on.
    assert "no longer exists (HTTP 404)" in result.error_for(site.url("/media/missing.jpg"))
    assert result.stats is not None and result.stats.pages == 1


def test_same_bytes_at_several_urls_are_delivered_once(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    photo = make_image((200, 10, 10))
    site.static("/a.jpg", photo, "image/jpeg")
    site.static("/copy-of-a.jpg", photo, "image/jpeg")
    site.static("/p1", b'<img src="/a.jpg"><meta property="og:image" content="/a.jpg">')
    site.static("/p2", b'<img src="/copy-of-a.jpg"><img src="/a.jpg">')

    result = run([site.url("/p1"), site.url("/p2")], concurrency=1)

    with_bytes = [c for c in result.candidates if c.data is not None]
    repeats = [c for c in result.candidates if c.repeat_of is not None]
    assert len(with_bytes) == 1
    digest = hashlib.sha256(photo).hexdigest()
    assert with_bytes[0].provenance.sha256 == digest
    assert [p.found_by for p in with_bytes[0].also_at] == ["og:image"]
    assert len(repeats) == 2
    assert {(r.provenance.page_url, r.provenance.image_url) for r in repeats} == {
        (site.url("/p2"), site.url("/copy-of-a.jpg")),
        (site.url("/p2"), site.url("/a.jpg")),
    }
    assert all(r.repeat_of == digest and r.data is None and r.frame is None for r in repeats)
    # /a.jpg was downloaded once for both pages.
    assert site.paths_hit().count("/a.jpg") == 1


def test_direct_image_and_content_type_lies(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    photo = make_image((0, 90, 0), "PNG")
    direct = site.static("/photo", photo, "text/html")  # an image served as HTML
    lying = site.static("/fake.jpg", b"<html><body>login first</body></html>", "image/jpeg")
    page = site.static("/page", f'<img src="{lying}">'.encode())

    moved = site.static("/old-photo", b"", headers={"Location": "/photo"}, status=301)
    result = run([direct, page, moved])

    repeat = next(c for c in result.candidates if c.provenance.image_url == moved)
    assert repeat.repeat_of == hashlib.sha256(photo).hexdigest()
    assert repeat.provenance.final_url == direct and repeat.provenance.http_status == 200
    candidate = result.by_url()[direct]
    assert candidate.provenance.found_by == "direct"
    assert candidate.provenance.page_url is None
    assert candidate.provenance.content_type == "image/png"
    assert "returned a web page" in result.error_for(lying)


def test_crawl_follows_same_site_links_to_depth_with_robots(
    site: Site, other_site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    for index in range(4):
        site.static(f"/i{index}.jpg", make_image((index * 50, 0, 0)), "image/jpeg")
    site.static("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    site.static("/", b'<img src="/i0.jpg"><a href="/one">1</a><a href="/private/x">p</a>'
                + f'<a href="{other_site.url("/")}">elsewhere</a>'.encode())  # fmt: skip
    site.static("/one", b'<img src="/i1.jpg"><a href="/two">2</a><a href="/#top">top</a>')
    site.static("/two", b'<img src="/i2.jpg">')
    site.static("/private/x", b'<img src="/i3.jpg">')
    other_site.static("/", b"<p>another site</p>")

    shallow = run([site.url("/")])
    assert set(shallow.by_url()) == {site.url("/i0.jpg")}

    site.hits.clear()
    deep = run([site.url("/")], depth=1, use_cache=False)
    assert set(deep.by_url()) == {site.url("/i0.jpg"), site.url("/i1.jpg")}
    assert "robots.txt" in deep.error_for(site.url("/private/x"))
    assert "/private/x" not in site.paths_hit()
    assert other_site.hits == []  # other sites are never crawled

    capped = run([site.url("/")], depth=5, max_pages=2, use_cache=False)
    assert set(capped.by_url()) == {site.url("/i0.jpg"), site.url("/i1.jpg")}

    ignoring_robots = run([site.url("/")], depth=1, robots=False, use_cache=False)
    assert site.url("/i3.jpg") in ignoring_robots.by_url()
