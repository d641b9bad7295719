"""The Browser screen in a real QtWebEngine: a loopback page whose photo of the person is
inserted by script is loaded, scanned with "Scan this page", and kept as a capture."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6.QtWebEngineCore", reason="the browser needs the PySide6 add-ons")

from PySide6.QtGui import QImage

from faceaudit.gui.browser.profile import profile_dir
from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.scan.runner import ScanRunner

pytestmark = [pytest.mark.models, pytest.mark.shared]

PAGE = """<!doctype html><html><head><title>Team day</title></head>
<body style="margin:0"><h1>Our team</h1><div id="gallery"></div>
<div style="height:2600px;background:linear-gradient(#fff,#36c)">a long page</div>
<p id="end">the end</p>
<script>
  fetch("http://127.0.0.2:%(other)d/router").catch(() => {});
  setTimeout(() => {
    for (const name of ["me.jpg", "other.jpg"]) {
      const img = document.createElement("img"); img.src = "/img/" + name; img.width = 300;
      document.getElementById("gallery").appendChild(img);
    }
  }, 150);
</script></body></html>"""


class Server:
    """A real HTTP server on one loopback address; remembers every path asked for."""

    def __init__(self, host: str, routes: dict[str, tuple[bytes, str]]) -> None:
        self.routes = routes
        self.asked: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.asked.append(self.path)
                body, kind = server.routes.get(self.path, (b"not found", "text/plain"))
                self.send_response(200 if self.path in server.routes else 404)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://{self.httpd.server_address[0]}:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def sites(person_photos: dict[str, list[Path]]) -> Iterator[tuple[Server, Server]]:
    other = Server("127.0.0.2", {"/router": (b"admin", "text/plain")})
    routes = {
        "/img/me.jpg": (person_photos["obama"][1].read_bytes(), "image/jpeg"),
        "/img/other.jpg": (person_photos["biden"][0].read_bytes(), "image/jpeg"),
    }
    site = Server("127.0.0.1", routes)
    routes["/team.html"] = (
        (PAGE % {"other": other.port}).encode(),
        "text/html; charset=utf-8",
    )
    yield site, other
    site.close()
    other.close()


@pytest.fixture
def enrolled(opened_case: Any, real_engine: Any, person_photos: dict[str, list[Path]]) -> Any:
    photo = person_photos["obama"][0].read_bytes()
    (reference,) = real_engine.enrol([("me.jpg", photo)])
    opened_case.add_reference("me.jpg", photo, reference)
    return opened_case


def browser(window: MainWindow, qtbot: Any) -> Any:
    window.resize(1200, 900)
    window.show_screen("browser")
    screen = window.screens["browser"]
    qtbot.waitUntil(lambda: screen.pane is not None, timeout=10_000)
    return screen


def load(pane: Any, url: str, qtbot: Any) -> None:
    with qtbot.waitSignal(pane.page.loadFinished, timeout=30_000) as loaded:
        pane.load(url)
    assert loaded.args == [True]


def test_scan_this_page_finds_the_scripted_photo_and_keeps_a_capture(
    main_window: MainWindow,
    enrolled: Any,
    sites: tuple[Server, Server],
    qtbot: Any,
    screenshot: Any,
) -> None:
    site, other = sites
    pane = browser(main_window, qtbot).pane
    assert pane.scan_button.isEnabled() is False  # nothing loaded yet
    page_url = site.url("/team.html")
    load(pane, page_url, qtbot)
    runner = ScanRunner.of(main_window.context)
    with qtbot.waitSignal(runner.finished, timeout=60_000) as finished:
        qtbot.mouseClick(pane.scan_button, qtbot_button())
    outcome = finished.args[0]
    qtbot.waitUntil(lambda: "could be you" in pane.status.text(), timeout=10_000)
    assert "1 that could be you" in pane.status.text(), pane.status.text()
    screenshot(main_window, "screen-browser-scanned")  # the result line (the page is blank)

    [finding] = enrolled.findings()
    assert (finding.page_url, finding.image_url, finding.found_by) == (
        page_url,
        site.url("/img/me.jpg"),
        "browser:img",
    )
    [source] = enrolled.sources()
    assert source.url_or_path == page_url and source.seen_in_browser
    # The page reached for 127.0.0.2: refused before any request left.
    assert "127.0.0.2" in pane.guard.blocked
    assert other.asked == []

    [capture] = enrolled.captures()
    qtbot.waitUntil(lambda: enrolled.capture(capture.id).scan_id == outcome.scan_id)
    pdf = enrolled.capture_bytes(capture.id, "pdf")
    png = enrolled.capture_bytes(capture.id, "png")
    assert pdf.startswith(b"%PDF-")
    assert hashlib.sha256(pdf).hexdigest() == capture.pdf_sha256
    assert hashlib.sha256(png).hexdigest() == capture.png_sha256
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    assert (image.width(), image.height()) == (capture.png_width, capture.png_height)
    assert image.height() > pane.view.height() * pane.view.devicePixelRatioF()
    # The screens were stitched from the page's top to its end: the heading's dark text at
    # the top, the gradient's blue near the end (a blank or repeated screen has neither).
    column = [image.pixelColor(40, y) for y in range(0, image.height(), 10)]
    top, bottom = column[: len(column) // 8], column[len(column) // 2 :]
    assert any(c.lightness() < 80 for c in top)
    assert any(c.blue() - c.red() > 80 for c in bottom)
    # Without the page's scroll bar: grabbed with it, every screen pasted its own bar down
    # the right edge. The edge is the page's gradient, as in the middle (a screen grabbed
    # before the view showed its new position repeats the photos there instead).
    ratio = pane.view.devicePixelRatioF()
    assert image.width() < round(pane.view.width() * ratio)
    for y in range(image.height() // 3, image.height(), 50):
        edge = image.pixelColor(image.width() - 2, y)
        middle = image.pixelColor(image.width() // 2, y)
        assert (
            max(
                abs(edge.red() - middle.red()),
                abs(edge.green() - middle.green()),
                abs(edge.blue() - middle.blue()),
            )
            <= 8
        ), (y, edge.name(), middle.name())
    folder = Path(__file__).resolve().parents[2] / "screenshots" / "en-light"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "browser-capture.png").write_bytes(png)  # git-ignored, to look at
    assert capture.page_url == page_url
    assert enrolled.capture_title(capture.id) == "Team day"


def test_refused_addresses_and_forgetting_logins(
    main_window: MainWindow, opened_case: Any, sites: tuple[Server, Server], qtbot: Any
) -> None:
    site, _other = sites
    pane = browser(main_window, qtbot).pane
    pane.load("file:///etc/passwd")
    assert "file:" in pane.status.text()
    assert pane.page.url().scheme() != "file"

    folder = profile_dir(opened_case.directory)
    assert not folder.exists() and not pane.profile.persistent
    pane.stay_box.setChecked(True)
    assert pane.profile.persistent and folder.is_dir()
    load(pane, site.url("/team.html"), qtbot)
    pane.forget_button.click()

    qtbot.waitUntil(lambda: not folder.exists(), timeout=20_000)
    assert not pane.profile.persistent and not pane.stay_box.isChecked()
    assert "deleted" in pane.status.text()


def test_without_a_case_and_on_lock(
    main_window: MainWindow, gui_context: Any, qtbot: Any, sites: tuple[Server, Server]
) -> None:
    main_window.show_screen("browser")
    screen = main_window.screens["browser"]
    assert screen.pane is None and screen.needs_case.currentIndex() == 0
    from faceaudit.store import Person

    case = gui_context.case_store.create("dana", "violet tractor spoon orbit", person=Person())
    gui_context.open_case(case)
    qtbot.waitUntil(lambda: screen.pane is not None, timeout=10_000)
    assert screen.needs_case.currentIndex() == 1
    load(screen.pane, sites[0].url("/team.html"), qtbot)
    main_window.lock_action.trigger()
    assert screen.pane is None and screen.needs_case.currentIndex() == 0


def qtbot_button() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


WITHOUT_ADDONS = """
import json, os, sys
sys.modules["PySide6.QtWebEngineCore"] = None  # as if the add-ons were not installed
sys.modules["PySide6.QtWebEngineWidgets"] = None
from faceaudit.app import App
from faceaudit.gui import application
from faceaudit.gui.context import GuiContext
from faceaudit.store import KdfParams, Person
app = App.create()
qapp = application.qt_application([])
context = GuiContext(app, kdf=KdfParams(n=2**10, r=8, p=1))
window = application.build_window(context)
window.show()
case = context.case_store.create("dana", "violet tractor spoon orbit", person=Person())
context.open_case(case)
window.show_screen("browser")
screen = window.screens["browser"]
print(json.dumps({"pane": screen.pane is not None, "text": screen.missing_label.text(),
                  "shown": screen.missing_label.isVisible()}))
context.close_case()
"""


def test_without_the_add_ons_the_screen_says_how_to_get_them(sandbox_home: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACEAUDIT_HOME": str(sandbox_home)}
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_ADDONS], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert said["pane"] is False and said["shown"] is True
    assert "pip install -e '.[browser]'" in said["text"]
