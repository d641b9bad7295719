"""A robots.txt that cannot be read is said as such, never as the site asking not to crawl."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING

from .conftest import send

if TYPE_CHECKING:
    from .conftest import RunCollect, Site


def test_a_robots_txt_that_times_out_is_not_a_disallow(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    release = threading.Event()

    def never_answers(request: BaseHTTPRequestHandler) -> None:
        release.wait(3.0)  # past the read timeout below

    site.add("/robots.txt", never_answers)
    site.static("/", b'<a href="/one">1</a>')
    site.static("/one", b'<img src="/i.jpg">')
    site.static("/i.jpg", make_image((9, 9, 9)), "image/jpeg")
    try:
        result = run([site.url("/")], depth=1, read_timeout=0.5, deadline=1.0, max_retries=0)
    finally:
        release.set()
    error = result.error_for(site.url("/one"))
    assert "robots.txt" in error and "could not be read" in error and "timed out" in error
    assert "asks crawlers not to" not in error


def test_a_robots_txt_server_error_is_not_a_disallow(site: Site, run: RunCollect) -> None:
    site.add("/robots.txt", lambda request: send(request, b"busy", "text/plain", 503))
    site.static("/", b'<a href="/one">1</a>')
    site.static("/one", b"<p>nothing</p>")
    result = run([site.url("/")], depth=1, max_retries=0)
    error = result.error_for(site.url("/one"))
    assert "could not be read" in error and "503" in error
    assert "asks crawlers not to" not in error


def test_a_real_disallow_is_still_said_as_one(site: Site, run: RunCollect) -> None:
    site.static("/robots.txt", b"User-agent: *\nDisallow: /one\n", "text/plain")
    site.static("/", b'<a href="/one">1</a>')
    site.static("/one", b"<p>nothing</p>")
    result = run([site.url("/")], depth=1)
    assert "asks crawlers not to fetch" in result.error_for(site.url("/one"))
