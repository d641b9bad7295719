"""Real-world-shaped pages: FaceAudit fetches the images a browser shows, at the URLs written.

Each page reproduces a failure class seen on saved copies of real pages (issue 10): a wrong
declared charset, markup that breaks a non-browser parser, escapes a CDN or image proxy
needs kept, commas inside srcset URLs, very deep nesting. The expected requests are what
headless Chromium requests for the same pages, with two deliberate differences (measured
by hand, see docs/ARCHITECTURE.md): a page declaring a legacy charset whose bytes are UTF-8
is read as UTF-8 (Chromium requests mojibake URLs that do not exist), and ``|`` stays
unescaped in paths as the URL Standard says (Chromium escapes it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from faceaudit.collect.extract import extract_page, parse_srcset

if TYPE_CHECKING:
    from .conftest import RunCollect, Site


def _serve_images(site: Site, paths: list[str], make_image: Callable[..., bytes]) -> None:
    for index, path in enumerate(paths):
        site.static(path.split("?")[0], make_image((index * 13 % 256, 90, index * 29 % 256)))


def _requested(site: Site, page: str) -> set[str]:
    return {path for path in site.paths_hit() if path != page}


@pytest.mark.parametrize(
    ("declared", "header"),
    [
        ('<meta charset="windows-1252">', "text/html"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">', "text/html"),
        ("", "text/html; charset=iso-8859-1"),
        ('<meta charset="x-no-such-charset">', "text/html; charset=utf-16"),
    ],
    ids=["meta-legacy", "meta-multibyte", "http-latin1", "unknown-and-utf16"],
)
def test_wrong_declared_charset_loses_nothing(
    site: Site, run: RunCollect, make_image: Callable[..., bytes], declared: str, header: str
) -> None:
    paths = [f"/photos/équipe-{index}.jpg" for index in range(14)] + ["/photos/日本.jpg"]
    body = f"<!doctype html><html><head>{declared}<title>Équipe — café</title></head><body>"
    body += "".join(
        f'<figure><img src="{path}"><figcaption>Été</figcaption></figure>' for path in paths
    )
    page = site.static("/team.html", (body + "</body></html>").encode("utf-8"), header)
    served = ["/photos/%C3%A9quipe-" + str(index) + ".jpg" for index in range(14)] + [
        "/photos/%E6%97%A5%E6%9C%AC.jpg"
    ]
    _serve_images(site, served, make_image)

    result = run([page])

    assert _requested(site, "/team.html") == set(served)
    assert len(result.by_url()) == 15
    assert not result.errors


def test_malformed_markup_keeps_every_later_image(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    huge_script = "var t='<img src=/not-an-image.jpg>'; var a = [" + "1," * 300_000 + "];"
    backgrounds = "".join(
        f'<div class="tile" style="background-image:url(/bg/{index}.jpg)"><p>tile {index}'
        for index in range(20)
    )
    body = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><title>News</title></head>
<script>{huge_script}</script>
<!--[if IE]><link rel="stylesheet" href="/ie.css"><img src="/ie-only.jpg"><![endif]-->
<!--[if !IE]><!--><img src="/not-ie.jpg"><!--<![endif]-->
</head><body><div id=main><table><tr><td><table><tr><td><img src="/nested.jpg"></td></tr>
</table><p>unclosed <b>bold <i>italic</b> text</i></div></div></span>
<form><table><tr><td>cell<div>{backgrounds}</form></table>
<img src=/after.jpg alt="a > b"><img src='/quoted.jpg'/>
</body></html>"""
    page = site.static("/news.html", body.encode("utf-8"))
    served = [f"/bg/{index}.jpg" for index in range(20)]
    served += ["/not-ie.jpg", "/nested.jpg", "/after.jpg", "/quoted.jpg"]
    _serve_images(site, served, make_image)

    run([page])

    # The conditional comment is a comment to a browser: its image is not shown.
    assert _requested(site, "/news.html") == set(served)


def test_urls_are_requested_exactly_as_written(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    written = [
        "/upload/c_fill,f_auto,w_80/x.jpg",
        "/wp/photo.jpg?resize=350%2C200&amp;ssl=1",
        "/proxy?url=https%3A%2F%2Fcdn.example%2Fa%2Fb.jpg&amp;w=640",
        "/signed/a%2Fb%3Ac.jpg?sig=AbC%2b%2f%3d",
        "/%7Euser/caf%c3%a9.jpg",
        "/p|pipe^[x].jpg",
        "/a b.jpg?q=x y",
        "/dots/./../dots/real.jpg",
    ]
    on_the_wire = [
        "/upload/c_fill,f_auto,w_80/x.jpg",
        "/wp/photo.jpg?resize=350%2C200&ssl=1",
        "/proxy?url=https%3A%2F%2Fcdn.example%2Fa%2Fb.jpg&w=640",
        "/signed/a%2Fb%3Ac.jpg?sig=AbC%2b%2f%3d",
        "/%7Euser/caf%c3%a9.jpg",
        "/p|pipe%5E[x].jpg",  # the URL Standard escapes ^ in paths (Chromium also escapes |)
        "/a%20b.jpg?q=x%20y",
        "/dots/real.jpg",
    ]
    routes: dict[str, bytes] = {}
    for index, path in enumerate(on_the_wire):
        routes[path] = make_image((index * 30, 10, 200))

    def by_exact_target(request: object) -> None:
        from .conftest import send

        target = request.path  # type: ignore[attr-defined]
        if target in routes:
            send(request, routes[target], "image/jpeg")  # type: ignore[arg-type]
        else:
            send(request, b"no such image", "text/plain", status=404)  # type: ignore[arg-type]

    body = "".join(f'<img src="{path}">' for path in written)
    page = site.static("/exact.html", f"<html><body>{body}</body></html>".encode())
    for path in on_the_wire:
        site.routes[path.split("?")[0]] = by_exact_target

    result = run([page])

    assert sorted(_requested(site, "/exact.html")) == sorted(on_the_wire)
    assert not result.errors, result.errors
    # Findings and letters cite the address the page gave, resolved against it.
    assert {url.split(str(site.port), 1)[1] for url in result.by_url()} == set(on_the_wire)


def test_idn_and_base_resolution_in_the_page() -> None:
    html = """<base href="https://Bücher.example/shop/"><img src="../Straße/%2c.jpg">
    <img src="//xn--bcher-kva.example/shop/../Straße/%2c.jpg#frag">
    <a href="https://xn--bcher-kva.example/next?p=1&amp;q=%E4"></a>"""
    contents = extract_page(html.encode(), "https://xn--bcher-kva.example/index.html")
    # The same image written two ways is one placement; the URL is the first spelling.
    assert [image.url for image in contents.images] == [
        "https://xn--bcher-kva.example/Stra%C3%9Fe/%2c.jpg"
    ]
    assert contents.links == ["https://xn--bcher-kva.example/next?p=1&q=%E4"]


def test_query_of_a_legacy_encoded_page_uses_its_encoding() -> None:
    html = '<meta charset="windows-1252"><img src="/s?q=caf\xe9"><img src="/s?q=\u65e5">'
    contents = extract_page(html.encode("cp1252", errors="xmlcharrefreplace"), "https://a.example/")
    assert [image.url for image in contents.images] == [
        "https://a.example/s?q=caf%E9",
        "https://a.example/s?q=%26%2326085%3B",  # what the encoding cannot write, as browsers do
    ]


@pytest.mark.parametrize(
    ("srcset", "expected"),
    [
        ("/upload/c_fill,f_auto,w_80/x.jpg 80w, /upload/c_fill,w_800/x.jpg 800w",
         ["/upload/c_fill,f_auto,w_80/x.jpg", "/upload/c_fill,w_800/x.jpg"]),
        ("a.jpg 1x,b.jpg 2x", ["a.jpg", "b.jpg"]),
        ("a.jpg,b.jpg 2x", ["a.jpg,b.jpg"]),  # no whitespace after the comma: one URL
        ("a.jpg, b.jpg", ["a.jpg", "b.jpg"]),
        ("a.jpg,, b.jpg 2x", ["a.jpg", "b.jpg"]),
        ("data:image/png;base64,iVBOR 1x", ["data:image/png;base64,iVBOR"]),
        ("a.jpg 100w 2x, b.jpg 2q, c.jpg -1x, d.jpg 1.5x", ["d.jpg"]),  # invalid ones dropped
        ("a.jpg (max-width: 1px, 2px) 1x, b.jpg 2x", ["b.jpg"]),
    ],
)  # fmt: skip
def test_srcset_follows_the_html_standard(srcset: str, expected: list[str]) -> None:
    assert [url for url, _size in parse_srcset(srcset)] == expected


@pytest.mark.parametrize("depth", [300, 3000])
def test_images_nested_deep_are_kept(depth: int) -> None:
    html = "<div><span>" * (depth // 2) + '<img src="/deep.jpg">' + "</span></div>" * (depth // 2)
    contents = extract_page(html.encode(), "https://a.example/")
    assert [image.url for image in contents.images] == ["https://a.example/deep.jpg"]
    assert not contents.too_deep


def test_absurdly_deep_page_is_reported_quickly(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    html = "<div>" * 200_000 + '<img src="/deep.jpg">'
    page = site.static("/deep.html", html.encode())
    site.static("/deep.jpg", make_image((1, 2, 3)), "image/jpeg")
    started = time.monotonic()
    result = run([page])
    assert time.monotonic() - started < 10
    assert "nested too deeply" in result.error_for(page)
