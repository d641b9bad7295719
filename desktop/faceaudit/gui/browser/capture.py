"""The page as the person saw it: a full-page screenshot and a PDF, taken in the window.

The screenshot is taken one screen at a time: the page is scrolled (by script) to each
position, and once Chromium has drawn two frames there the view is grabbed and pasted into
one tall image; the person's scroll position is restored afterwards. Resizing the view to
the page's height instead would change the layout of pages sized to the window. The image is
bounded (``MAX_HEIGHT`` device pixels: a longer page is captured from its top); the PDF is
Chromium's ``printToPdf`` of the whole page, handed over in memory (never a file).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

from faceaudit.gui.render.harvest import parse_answer

MAX_HEIGHT = 20_000  # device pixels of the screenshot
FRAME_WAIT = 2.0  # at most this long for a scrolled screen to be drawn
MIN_SETTLE = 0.15  # a scrolled screen is grabbed no sooner than this
STEADY_MS = 60  # between two grabs that must agree
POLL_MS = 20
METRICS_JS = """(() => {
  const root = document.scrollingElement || document.documentElement;
  return JSON.stringify({height: root ? root.scrollHeight : 0, view: window.innerHeight,
    y: window.scrollY, title: document.title, url: location.href,
    content: root ? root.clientWidth : 0});
})()"""
SCROLL_JS = """(() => {
  window.scrollTo(0, %d); window.__faceauditDrawn = false;
  requestAnimationFrame(() => requestAnimationFrame(() => { window.__faceauditDrawn = true; }));
  return window.scrollY;
})()"""
DRAWN_JS = "window.__faceauditDrawn === true"


@dataclass
class PageShot:
    """What the capture produced (the PNG is encoded later, off the GUI thread)."""

    url: str
    title: str
    image: QImage
    pdf: bytes
    truncated: bool  # the page was taller than MAX_HEIGHT: its top part only


class PageCapture(QObject):
    """Captures ``view``'s page once; ``finished(PageShot)`` or ``failed(str)``."""

    finished = Signal(object)
    failed = Signal(str)  # "pdf" | "screenshot"

    def __init__(
        self, view: QWebEngineView, parent: QObject | None = None, *, restore_y: int | None = None
    ) -> None:
        """``restore_y``: where to leave the page afterwards (None: where it was)."""
        super().__init__(parent)
        self.wanted_y = restore_y
        self.view = view
        self.page: QWebEnginePage = view.page()
        self.canvas = QImage()
        self.positions: list[int] = []
        self.restore_y = 0
        self.url = ""
        self.title = ""
        self.truncated = False
        self.ratio = 1.0
        self._waited_since = 0.0
        self._previous = QImage()
        self._done = False

    def start(self) -> None:
        self.page.runJavaScript(METRICS_JS, 0, self._measured)

    def _measured(self, answer: object) -> None:
        metrics = parse_answer(answer)
        view_height = max(1, int(metrics.get("view") or self.view.height()))
        height = max(view_height, int(metrics.get("height") or 0))
        where = int(metrics.get("y") or 0)
        self.restore_y = where if self.wanted_y is None else self.wanted_y
        self.url = str(metrics.get("url") or self.page.url().toString())
        self.title = str(metrics.get("title") or self.page.title())[:500]
        self.ratio = max(1.0, self.view.devicePixelRatioF())
        limit = int(MAX_HEIGHT / self.ratio)
        self.truncated = height > limit
        height = min(height, limit)
        # The page's width without its scroll bar: grabbed with it, each screen's bar would
        # be pasted into the tall image, one above the other.
        content = int(metrics.get("content") or 0)
        view_width = content if 0 < content <= self.view.width() else self.view.width()
        width = max(1, round(view_width * self.ratio))
        self.canvas = QImage(width, round(height * self.ratio), QImage.Format.Format_RGB32)
        self.canvas.fill(0xFFFFFFFF)
        self.positions = list(range(0, max(1, height - view_height + 1), view_height))
        if self.positions[-1] + view_height < height:
            self.positions.append(height - view_height)  # the last screen, flush with the end
        self._next()

    def _next(self) -> None:
        if self._done:
            return
        if not self.positions:
            self.page.runJavaScript(f"window.scrollTo(0, {self.restore_y})", 0)
            self.page.printToPdf(self._printed)
            return
        target = self.positions.pop(0)
        self._waited_since = time.monotonic()
        self.page.runJavaScript(SCROLL_JS % target, 0, lambda y: self._scrolled(target, y))

    def _scrolled(self, target: int, answer: object) -> None:
        where = int(answer) if isinstance(answer, int | float) else target
        self.page.runJavaScript(DRAWN_JS, 0, lambda drawn: self._drawn(where, drawn))

    def _drawn(self, where: int, drawn: object) -> None:
        if drawn is not True and time.monotonic() - self._waited_since < FRAME_WAIT:
            QTimer.singleShot(
                POLL_MS,
                self,
                lambda: self.page.runJavaScript(DRAWN_JS, 0, lambda d: self._drawn(where, d)),
            )
            return
        self._previous = QImage()
        self._steady(where)

    def _steady(self, where: int) -> None:
        """Grab until two grabs a moment apart agree: the page having drawn the new position
        is not the view having shown it, and a grab in between pastes the previous screen
        a second time (one capture in five, offscreen)."""
        shot = self.view.grab().toImage()
        if shot.isNull():
            self._fail("screenshot")
            return
        waited = time.monotonic() - self._waited_since
        steady = waited >= MIN_SETTLE and shot == self._previous
        if not steady and waited < FRAME_WAIT + MIN_SETTLE:
            self._previous = shot
            QTimer.singleShot(STEADY_MS, self, lambda: self._steady(where))
            return
        painter = QPainter(self.canvas)
        painter.drawImage(QPoint(0, round(where * self.ratio)), shot)  # the bar falls outside
        painter.end()
        self._next()

    def _printed(self, data: object) -> None:
        pdf = bytes(data) if data is not None else b""  # type: ignore[call-overload]
        if not pdf.startswith(b"%PDF-"):
            self._fail("pdf")
            return
        self._done = True
        self.finished.emit(PageShot(self.url, self.title, self.canvas, pdf, self.truncated))

    def _fail(self, what: str) -> None:
        if not self._done:
            self._done = True
            self.failed.emit(what)


def png_bytes(image: QImage) -> bytes:
    """Encode the screenshot (any thread: QImage, unlike QPixmap, may leave the GUI thread)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes
        raise ValueError("the screenshot could not be encoded")
    buffer.close()
    return bytes(data.data())
