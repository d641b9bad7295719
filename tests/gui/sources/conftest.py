"""A loopback site of real photos for the Sources and Scan screens, and a case ready to scan.

The site (a real HTTP server on 127.0.0.1) can hold image requests at a gate, so a test
can pause or stop a scan at a known point, and serves a few hostile answers.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from faceaudit.gui.main_window import MainWindow

GATE_TIMEOUT = 60.0  # a held request gives up after this long, so a failed test cannot hang


class PhotoSite:
    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, str]] = {}
        self.gate = threading.Event()
        self.gate.set()
        self.held = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                status, body, kind = site.routes.get(
                    self.path.split("?")[0], (404, b"not found", "text/plain")
                )
                if kind.startswith("image/") and not site.gate.is_set():
                    with site._lock:
                        site.held += 1
                    site.gate.wait(GATE_TIMEOUT)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def serve(self, path: str, body: bytes, kind: str, status: int = 200) -> str:
        self.routes[path] = (status, body, kind)
        return self.url(path)

    def page(self, path: str, html: str) -> str:
        return self.serve(path, html.encode(), "text/html; charset=utf-8")

    def hold_images(self) -> None:
        self.gate.clear()

    def release(self) -> None:
        self.gate.set()

    def close(self) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def photo_site(person_photos: dict[str, list[Path]]) -> Iterator[PhotoSite]:
    """Pages: /you.html (the person and a stranger), /stranger.html, /words.html; images."""
    site = PhotoSite()
    obama, biden = person_photos["obama"], person_photos["biden"]
    site.serve("/img/me.jpg", obama[1].read_bytes(), "image/jpeg")
    site.serve("/img/other.jpg", biden[0].read_bytes(), "image/jpeg")
    site.serve("/img/me-again.jpg", obama[2 % len(obama)].read_bytes(), "image/jpeg")
    site.page("/you.html", '<img src="/img/me.jpg"><img src="/img/other.jpg">')
    site.page("/stranger.html", '<img src="/img/other.jpg">')
    site.page("/words.html", "<p>Nothing but words.</p>")
    site.page("/more.html", '<img src="/img/me-again.jpg"><img src="/img/other.jpg">')
    yield site
    site.close()


@pytest.fixture
def scan_window(main_window: MainWindow, opened_case: Any, real_engine: Any) -> MainWindow:
    """The window with the case open and one reference photo of the person enrolled."""
    return main_window


@pytest.fixture
def enrolled(opened_case: Any, real_engine: Any, person_photos: dict[str, list[Path]]) -> Any:
    photo = person_photos["obama"][0].read_bytes()
    (reference,) = real_engine.enrol([("me.jpg", photo)])
    opened_case.add_reference("me.jpg", photo, reference)
    return opened_case
