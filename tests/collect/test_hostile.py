"""Hostile and broken servers: each case gets a clear per-URL error, the run goes on,
nothing crashes and memory stays bounded."""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import tracemalloc
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING

import brotli
import pytest

if TYPE_CHECKING:
    from .conftest import RunCollect, Site


def _headers(request: BaseHTTPRequestHandler, extra: dict[str, str], status: int = 200) -> None:
    request.send_response(status)
    for name, value in extra.items():
        request.send_header(name, value)
    request.end_headers()
    request.wfile.flush()


def _stopped(request: BaseHTTPRequestHandler) -> bool:
    request.close_connection = True
    return False


def test_dripping_server_is_cut_off_at_the_deadline(site: Site, run: RunCollect) -> None:
    stop = threading.Event()

    def drip_body(request: BaseHTTPRequestHandler) -> None:
        _headers(request, {"Content-Type": "image/jpeg", "Content-Length": "1000000"})
        while not stop.wait(0.05):
            request.wfile.write(b"x")
            request.wfile.flush()

    def drip_headers(request: BaseHTTPRequestHandler) -> None:
        request.wfile.write(b"HTTP/1.1 200 OK\r\n")
        while not stop.wait(0.05):
            request.wfile.write(b"X-Slow: y\r\n")
            request.wfile.flush()

    def drip_then_close(request: BaseHTTPRequestHandler) -> None:
        # No length, "Connection: close": the body ends when the server hangs up, so
        # http.client hands the socket over to the response. Gives up after ~10 s.
        _headers(request, {"Content-Type": "image/jpeg", "Connection": "close"})
        request.close_connection = True
        for _ in range(200):
            if stop.wait(0.05):
                return
            request.wfile.write(b"x")
            request.wfile.flush()

    body_url = site.add("/drip.jpg", drip_body)
    header_url = site.add("/drip-headers.jpg", drip_headers)
    close_url = site.add("/drip-close.jpg", drip_then_close)
    try:
        result = run([body_url, header_url, close_url], deadline=1.0, read_timeout=0.5)
    finally:
        stop.set()
    for url in (body_url, header_url, close_url):
        assert "did not deliver the response within 1 s" in result.error_for(url)
    assert result.stats is not None and result.stats.seconds < 4


def test_endless_body_is_cut_at_the_cap_with_bounded_memory(site: Site, run: RunCollect) -> None:
    block = b"\xff\xd8\xff" + b"\0" * (64 * 1024 - 3)

    def endless(request: BaseHTTPRequestHandler) -> None:
        _headers(request, {"Content-Type": "image/jpeg", "Connection": "close"})
        while True:
            request.wfile.write(block)

    url = site.add("/endless.jpg", endless)
    tracemalloc.start()
    try:
        result = run([url], max_image_bytes=2 * 1024 * 1024)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "larger than the 2 MiB limit" in result.error_for(url)
    assert peak < 12 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"


def _chunked(request: BaseHTTPRequestHandler, body: bytes, headers: dict[str, str]) -> None:
    _headers(request, {**headers, "Content-Length": str(len(body))})
    request.wfile.write(body)


@pytest.mark.parametrize("coding", ["gzip", "br", "deflate"])
def test_compression_bombs_are_capped_by_decoded_size(
    site: Site, run: RunCollect, coding: str
) -> None:
    inflated = b"<html>" + b" " * (64 * 1024 * 1024)
    if coding == "gzip":
        bomb = gzip.compress(inflated, compresslevel=6)
    elif coding == "br":
        bomb = brotli.compress(inflated, quality=1)
    else:
        import zlib

        bomb = zlib.compress(inflated, 6)
    del inflated
    url = site.add(
        "/bomb",
        lambda r: _chunked(r, bomb, {"Content-Type": "text/html", "Content-Encoding": coding}),
    )
    tracemalloc.start()
    try:
        result = run([url], max_page_bytes=1024 * 1024)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "page is larger than the 1 MiB limit" in result.error_for(url)
    # Decompression stopped near the cap: far below the 64 MiB the bomb expands to.
    assert peak < 12 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"


def test_chained_and_unknown_encodings_are_refused(site: Site, run: RunCollect) -> None:
    body = gzip.compress(gzip.compress(gzip.compress(b"<html></html>")))
    layered = site.add(
        "/layers",
        lambda r: _chunked(
            r, body, {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip, gzip"}
        ),
    )
    unknown = site.add(
        "/zstd",
        lambda r: _chunked(r, b"abc", {"Content-Type": "text/html", "Content-Encoding": "zstd"}),
    )
    corrupt = site.add(
        "/corrupt",
        lambda r: _chunked(
            r, b"\x1f\x8b\x08\x00garbage", {"Content-Type": "text/html", "Content-Encoding": "gzip"}
        ),
    )
    # Cut short by the server: a page missing its end is reported, not read as if whole.
    page = b"<html><body>" + b"<p>text</p>" * 5000 + b"<img src='/late.jpg'></body></html>"
    truncated = {}
    for coding, packed in (("gzip", gzip.compress(page)), ("br", brotli.compress(page))):
        cut = packed[: len(packed) - 16]
        headers = {"Content-Encoding": coding}
        truncated[coding] = site.static(f"/cut-{coding}", cut, "text/html", headers=headers)
    result = run([layered, unknown, corrupt, *truncated.values()])
    assert "3 compression layers" in result.error_for(layered)
    assert "unsupported compression (zstd)" in result.error_for(unknown)
    assert "gzip body is corrupt" in result.error_for(corrupt)
    for coding, url in truncated.items():
        assert f"{coding} body is corrupt or truncated" in result.error_for(url)


def _redirect(site: Site, path: str, location: str, status: int = 302) -> str:
    return site.static(path, b"", headers={"Location": location}, status=status)


def test_redirect_loops_hops_and_schemes(site: Site, run: RunCollect) -> None:
    loop = _redirect(site, "/loop-a", "/loop-b")
    _redirect(site, "/loop-b", "/loop-a", 301)
    for hop in range(8):
        _redirect(site, f"/hop{hop}", f"/hop{hop + 1}", 307)
    to_file = _redirect(site, "/to-file", "file:///etc/passwd")
    to_ftp = _redirect(site, "/to-ftp", "ftp://127.0.0.1/x.jpg")
    to_js = _redirect(site, "/to-js", "javascript:alert(1)")
    empty = site.static("/no-location", b"", status=302)

    result = run([loop, site.url("/hop0"), to_file, to_ftp, to_js, empty])

    assert "redirects in a loop" in result.error_for(loop)
    assert "redirected more than 5 times" in result.error_for(site.url("/hop0"))
    assert "/hop6" not in site.paths_hit()
    for url in (to_file, to_ftp, to_js):
        assert "redirected to an address FaceAudit does not follow" in result.error_for(url)
    assert "without a target" in result.error_for(empty)


def test_pages_cannot_reach_unlisted_private_addresses(
    site: Site, other_site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    photo = make_image((5, 5, 200))
    other_site.static("/secret.jpg", photo, "image/jpeg")
    other_site.static("/admin", b"<img src='/secret.jpg'>")
    site.static("/ok.jpg", make_image((1, 200, 1)), "image/jpeg")
    secret = other_site.url("/secret.jpg")
    # localhost is a host *name* resolving to 127.0.0.1: the check is on the resolved address.
    by_name = f"http://localhost:{other_site.port}/secret.jpg"
    site.static("/page", f"<img src='/ok.jpg'><img src='{secret}'>".encode())
    redirect = _redirect(site, "/go", other_site.url("/admin"))

    result = run([site.url("/page"), redirect])

    assert site.url("/ok.jpg") in result.by_url()
    assert "private or local network address (127.0.0.2)" in result.error_for(secret)
    assert "private or local network address" in result.error_for(redirect)
    assert other_site.hits == []  # not even one request reached it

    # Listed by the person, the private address is allowed for that source only...
    listed = run([other_site.url("/admin")])
    assert secret in listed.by_url()
    # ...and a page there cannot use that permission to reach a different local address.
    other_site.static("/via-name", f"<img src='{by_name}'>".encode())
    site_from_other = run([other_site.url("/via-name")])
    error = site_from_other.error_for(f"http://localhost:{other_site.port}/secret.jpg")
    assert "private or local network address" in error


def test_a_listed_private_address_is_allowed_on_its_listed_port_only(
    site: Site, other_port: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    other_port.static("/secret.jpg", make_image((5, 200, 5)), "image/jpeg")
    secret = other_port.url("/secret.jpg")
    site.static("/ok.jpg", make_image((200, 5, 5)), "image/jpeg")
    site.static("/page", f"<img src='/ok.jpg'><img src='{secret}'>".encode())
    redirect = _redirect(site, "/go", secret)

    result = run([site.url("/page"), redirect])

    assert site.url("/ok.jpg") in result.by_url()
    for url in (secret, redirect):
        error = result.error_for(url)
        assert f"(port {other_port.port})" in error
        assert "private or local network address (127.0.0.1)" in error
    assert other_port.hits == []  # another service of the same machine was never contacted


def test_the_cache_does_not_hand_private_responses_to_other_sources(
    site: Site, other_site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    photo = make_image((5, 5, 201))
    secret = other_site.static(
        "/secret.jpg", photo, "image/jpeg", headers={"Cache-Control": "max-age=3600"}
    )
    assert secret in run([secret]).by_url()  # listed by the person: fetched and cached
    site.static("/page", f"<img src='{secret}'>".encode())
    other_site.hits.clear()

    result = run([site.url("/page")])

    # A page that may not reach 127.0.0.2 gets nothing from it, not even the cached copy.
    assert secret not in result.by_url()
    assert "private or local network address (127.0.0.2)" in result.error_for(secret)
    assert other_site.hits == []
    assert secret in run([secret]).by_url()  # listed again, the fresh copy is still used
    assert other_site.hits == []


def test_retries_for_rate_limits_and_resets_but_not_for_client_errors(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    photo = make_image((9, 9, 9))
    other_photo = make_image((90, 9, 9))
    calls: dict[str, int] = {"limited": 0, "reset": 0}

    def limited_status(request: BaseHTTPRequestHandler) -> None:
        calls["limited"] += 1
        if calls["limited"] < 3:
            request.send_response(429)
            request.send_header("Retry-After", "0")
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        _chunked(request, photo, {"Content-Type": "image/jpeg"})

    def reset_once(request: BaseHTTPRequestHandler) -> None:
        calls["reset"] += 1
        if calls["reset"] == 1:
            request.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
            request.connection.close()
            request.close_connection = True
            return
        _chunked(request, other_photo, {"Content-Type": "image/jpeg"})

    rate_limited = site.add("/limited.jpg", limited_status)
    reset = site.add("/reset.jpg", reset_once)
    missing = site.static("/gone.jpg", b"no", "text/plain", status=404)
    forbidden = site.static("/forbidden.jpg", b"no", "text/plain", status=403)
    unavailable = site.static(
        "/down.jpg", b"down", "text/plain", status=503, headers={"Retry-After": "0"}
    )

    result = run([rate_limited, reset, missing, forbidden, unavailable], concurrency=1)

    assert rate_limited in result.by_url() and calls["limited"] == 3
    assert reset in result.by_url() and calls["reset"] == 2
    assert site.paths_hit().count("/gone.jpg") == 1
    assert site.paths_hit().count("/forbidden.jpg") == 1
    assert "no longer exists (HTTP 404)" in result.error_for(missing)
    assert "refuses access (HTTP 403)" in result.error_for(forbidden)
    assert "unavailable (503)" in result.error_for(unavailable)
    assert site.paths_hit().count("/down.jpg") == 3  # first try + 2 retries


def test_lying_content_length(site: Site, run: RunCollect) -> None:
    def short(request: BaseHTTPRequestHandler) -> None:
        _headers(
            request, {"Content-Type": "image/jpeg", "Content-Length": "5000", "Connection": "close"}
        )
        request.wfile.write(b"\xff\xd8\xff" + b"\0" * 100)

    huge = site.add(
        "/huge.jpg",
        lambda r: _headers(r, {"Content-Type": "image/jpeg", "Content-Length": str(10 * 2**30)}),
    )
    truncated = site.add("/short.jpg", short)
    result = run([huge, truncated])
    assert "announces 10240 MiB" in result.error_for(huge)
    assert "could not be read" in result.error_for(truncated) or "failed" in result.error_for(
        truncated
    )


def test_huge_pages_and_pages_with_too_many_images(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    site.static("/i.jpg", make_image((3, 3, 3)), "image/jpeg")
    many = "".join(f'<img src="/i.jpg?n={index}">' for index in range(100_000))
    crowded = site.static("/crowded", f"<html><body>{many}</body></html>".encode())
    huge = site.static("/huge", b"<html>" + b"<p>words</p>" * 2_000_000)

    result = run([crowded, huge], max_images=20, max_page_bytes=4 * 1024 * 1024)

    assert "more than 2000 images" in result.error_for(crowded)
    assert "limit of 20 images" in " ".join(error.error for error in result.errors)
    assert result.stats is not None and result.stats.repeats + result.stats.images == 20
    assert "page is larger than the 4 MiB limit" in result.error_for(huge)


def test_malformed_and_non_utf8_pages(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    site.static("/caf%C3%A9.jpg", make_image((40, 0, 0)), "image/jpeg")
    site.static("/%E5%86%99%E7%9C%9F.jpg", make_image((0, 40, 0)), "image/jpeg")
    site.static("/b.jpg", make_image((0, 0, 40)), "image/jpeg")
    latin1 = site.static(
        "/latin1",
        '<html><img src="café.jpg"></html>'.encode("latin-1"),
        "text/html; charset=ISO-8859-1",
    )
    sjis = site.static(
        "/sjis",
        '<html><head><meta charset="shift_jis"></head><img src="写真.jpg"></html>'.encode(
            "shift_jis"
        ),
        "text/html",
    )
    broken = site.static(
        "/broken",
        b"<html><body><img src=b.jpg <div><img src='http://[::1' ><table><tr><td><img src=\"",
        "text/html; charset=no-such-charset",
    )
    result = run([latin1, sjis, broken])
    found = set(result.by_url())
    assert site.url("/caf%C3%A9.jpg") in found
    assert site.url("/%E5%86%99%E7%9C%9F.jpg") in found
    assert site.url("/b.jpg") in found


def test_no_cookies_credentials_or_netrc_are_sent(
    site: Site,
    run: RunCollect,
    make_image: Callable[..., bytes],
    tmp_path: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    netrc = tmp_path / ".netrc"  # type: ignore[operator]
    netrc.write_text("machine 127.0.0.1 login person password secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NETRC", str(netrc))
    site.static("/a.jpg", make_image((7, 7, 7)), "image/jpeg")
    page = f'<img src="/a.jpg"><img src="http://person:pw@127.0.0.1:{site.port}/b.jpg">'
    site.static("/b.jpg", make_image((8, 8, 8)), "image/jpeg")
    site.static("/", page.encode(), headers={"Set-Cookie": "session=abc; Path=/"})

    result = run([site.url("/")], use_env_proxy=True, concurrency=1)

    assert len(result.by_url()) == 2
    for hit in site.hits:
        assert "cookie" not in hit.headers
        assert "authorization" not in hit.headers
        assert hit.headers["user-agent"].startswith("FaceAudit/")


def test_environment_proxy_is_used_only_when_allowed(
    site: Site, run: RunCollect, make_image: Callable[..., bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from faceaudit.collect import CollectSettings, describe_proxy

    photo = make_image((2, 4, 8))
    target = "http://photos.example.invalid/me.jpg"
    site.static(target, photo, "image/jpeg")  # the proxy sees the absolute URL
    monkeypatch.setenv("HTTP_PROXY", f"http://user:pw@127.0.0.1:{site.port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)

    proxied = run([target], use_env_proxy=True)
    assert target in proxied.by_url()
    assert site.paths_hit() == [target]
    described = describe_proxy(CollectSettings())
    assert f"http via http://127.0.0.1:{site.port}" in described and "pw" not in described

    direct = run([target], use_env_proxy=False)
    assert "could not be found" in direct.error_for(target)
    assert describe_proxy(CollectSettings(use_env_proxy=False)) == (
        "Requests go directly to the sites (no proxy)."
    )
    assert "from the settings" in describe_proxy(CollectSettings(proxy="http://10.0.0.1:3128"))
