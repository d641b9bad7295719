"""Loopback web sites (127.0.0.1 only) built from real photos, for scans end to end."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

GATE_TIMEOUT = 120.0  # a held request gives up after this long, so a failed test cannot hang


class LoopbackSite:
    """A real HTTP server on 127.0.0.1 serving fixed bodies.

    ``hold_images_after(n)`` lets the first ``n`` image requests through and holds the next
    ones until :meth:`release` is called: a scan against the site then stops making
    progress at a known point, which is how the crash test lands its kill mid-scan.
    """

    def __init__(self) -> None:
        self.routes: dict[str, tuple[bytes, str]] = {}
        self.image_requests = 0
        self._free_images: int | None = None
        self._released = threading.Event()
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                route = site.routes.get(self.path.split("?")[0])
                if route is None:
                    self._send(b"not found", "text/plain", 404)
                    return
                body, content_type = route
                if content_type.startswith(("image/", "video/")):
                    site._wait_turn()
                self._send(body, content_type, 200)

            def _send(self, body: bytes, content_type: str, status: int) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def _wait_turn(self) -> None:
        with self._lock:
            self.image_requests += 1
            held = self._free_images is not None and self.image_requests > self._free_images
        if held:
            self._released.wait(GATE_TIMEOUT)

    def hold_images_after(self, count: int) -> None:
        """Counting from now, let ``count`` image requests through, then hold the rest."""
        with self._lock:
            self.image_requests = 0
            self._free_images = count
            self._released.clear()

    def release(self) -> None:
        self._released.set()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(self, path: str, body: bytes, content_type: str) -> str:
        self.routes[path] = (body, content_type)
        return self.url(path)

    def page(self, path: str, html: str) -> str:
        return self.serve(path, html.encode("utf-8"), "text/html; charset=utf-8")

    def image(self, path: str, photo: Path) -> str:
        content_type = "image/png" if photo.suffix == ".png" else "image/jpeg"
        return self.serve(path, photo.read_bytes(), content_type)

    def close(self) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    server = LoopbackSite()
    yield server
    server.close()


@dataclass
class PlantedSite:
    """A site with the person's face planted among strangers, and what a scan must find."""

    start_url: str
    reference: Path
    planted: dict[str, str] = field(default_factory=dict)  # image URL -> placement
    strangers: set[str] = field(default_factory=set)  # image URLs with only strangers
    pages: list[str] = field(default_factory=list)


def plant_obama(site: LoopbackSite, examples: Path) -> PlantedSite:
    """Obama (reference: train/obama/obama.jpg) in six places, among five strangers."""
    train, test = examples / "knn_examples" / "train", examples / "knn_examples" / "test"
    planted = PlantedSite(start_url="", reference=train / "obama" / "obama.jpg")
    images = {
        "/img/obama1.jpg": (test / "obama1.jpg", "img"),
        "/img/together.jpg": (test / "obama_and_biden.jpg", "srcset"),
        "/img/share.jpg": (train / "obama" / "obama2.jpg", "og:image"),
        "/img/banner.jpg": (examples / "obama-720p.jpg", "css"),
        "/img/two.jpg": (examples / "two_people.jpg", "img (linked page)"),
    }
    strangers = {
        "/img/biden.jpg": train / "biden" / "biden.jpg",
        "/img/biden2.jpg": train / "biden" / "biden2.jpg",
        "/img/kit.jpeg": train / "kit_harington" / "john1.jpeg",
        "/img/rose.jpg": train / "rose_leslie" / "img1.jpg",
        "/img/alex.jpg": train / "alex_lacamoire" / "img1.jpg",
        "/img/kit_rose.jpg": test / "kit_with_rose.jpg",
    }
    for path, (photo, how) in images.items():
        planted.planted[site.image(path, photo)] = how
    # The banner's bytes again, under another URL on the linked page: found once, reported twice.
    planted.planted[site.image("/img/banner-copy.jpg", examples / "obama-720p.jpg")] = "copy"
    for path, photo in strangers.items():
        planted.strangers.add(site.image(path, photo))
    home = site.page(
        "/",
        """<!doctype html><html><head><title>Team</title>
        <meta property="og:image" content="/img/share.jpg">
        <style>.hero { background-image: url('/img/banner.jpg'); }</style></head>
        <body><div class="hero"></div>
        <img src="/img/obama1.jpg" alt="">
        <img src="/img/biden.jpg" alt="">
        <img srcset="/img/thumb.jpg 200w, /img/together.jpg 1200w" alt="">
        <img src="/img/rose.jpg" alt=""><img src="/img/kit.jpeg" alt="">
        <a href="/about.html">About us</a>
        </body></html>""",
    )
    about = site.page(
        "/about.html",
        """<!doctype html><html><body>
        <img src="/img/two.jpg"><img src="/img/alex.jpg"><img src="/img/biden2.jpg">
        <img src="/img/banner-copy.jpg">
        <img src="/img/kit_rose.jpg"></body></html>""",
    )
    planted.start_url = home
    planted.pages = [home, about]
    return planted


@pytest.fixture(scope="session")
def scan_face_engine(face_engine: object) -> object:
    """The engine as the scan runs it: one-thread sessions shared by the worker threads."""
    from faceaudit.scan.runs import scan_engine

    engine = scan_engine(face_engine)  # type: ignore[arg-type]
    engine.models  # load once for the session  # noqa: B018
    return engine


@pytest.fixture
def obama_site(site: LoopbackSite, examples_dir: Path) -> PlantedSite:
    return plant_obama(site, examples_dir)


# The cheapest scrypt the store accepts, passed explicitly: the default stays OWASP's.
TEST_KDF_N = 2**10
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def case_store(sandbox_home: Path) -> object:
    from faceaudit.paths import resolve_paths
    from faceaudit.store import CaseStore, KdfParams

    return CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=TEST_KDF_N, r=8, p=1))


@pytest.fixture
def obama_case(case_store, obama_site: PlantedSite, scan_face_engine) -> Iterator[object]:
    """A case about Obama: one reference photo, the planted site as its only source."""
    from faceaudit.store import Person

    case = case_store.create("obama", PASSPHRASE, person=Person(full_name="Barack Obama"))
    photo = obama_site.reference.read_bytes()
    (reference,) = scan_face_engine.enrol([("obama.jpg", photo)])
    case.add_reference("obama.jpg", photo, reference)
    case.add_sources([obama_site.start_url])
    yield case
    case.close()
