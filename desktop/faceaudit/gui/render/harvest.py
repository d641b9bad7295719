"""Scroll a loaded page to its end, wait for it to settle, and list the images it shows.

Shared by the renderer process (``faceaudit.gui.render.child``) and the in-app browser.
Everything is driven by QTimer and runJavaScript callbacks: nothing blocks the event loop.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage

from faceaudit.gui.render.guard import RequestClock

# A page is settled when no request started for QUIET seconds, the document is complete and
# no (eager) image is still loading.
QUIET = 0.5
POLL_MS = 100
STEP_WAIT = 3.0  # at most this long waiting for one scroll step to settle
MAX_STEPS = 80  # scroll steps per page (an endless feed stops here, or at the deadline)
SCROLL_JS = """(() => {
  const before = window.scrollY;
  window.scrollBy(0, Math.max(200, Math.floor(window.innerHeight * 0.9)));
  const root = document.scrollingElement || document.documentElement;
  return JSON.stringify({y: window.scrollY, moved: window.scrollY !== before,
    height: root ? root.scrollHeight : 0, view: window.innerHeight});
})()"""
STATE_JS = """(() => {
  const root = document.scrollingElement || document.documentElement;
  let loading = 0;
  for (const img of document.images) if (!img.complete && img.loading !== "lazy") loading++;
  return JSON.stringify({ready: document.readyState === "complete", loading,
    height: root ? root.scrollHeight : 0});
})()"""


def shown_images_script() -> str:
    return resources.files(__package__).joinpath("shown.js").read_text(encoding="utf-8")


@dataclass
class Harvest:
    """What one page showed."""

    url: str = ""
    title: str = ""
    images: list[tuple[str, str]] = field(default_factory=list)  # (absolute URL, how placed)
    links: list[str] = field(default_factory=list)
    loaded: bool = True  # False: the page itself could not be loaded (refused, unreachable)
    settled: bool = False  # False: the deadline came first (what was shown by then is kept)
    steps: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "images": [list(item) for item in self.images],
            "links": self.links,
            "loaded": self.loaded,
            "settled": self.settled,
            "steps": self.steps,
            "seconds": round(self.seconds, 3),
        }


class Harvester(QObject):
    """Scrolls ``page`` in steps, settles, collects; emits ``finished(Harvest)`` once."""

    finished = Signal(object)

    def __init__(
        self,
        page: QWebEnginePage,
        clock: RequestClock,
        deadline: float,
        parent: QObject | None = None,
        *,
        quiet: float = QUIET,
        max_steps: int = MAX_STEPS,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.clock = clock
        self.quiet = quiet
        self.max_steps = max_steps
        self.result = Harvest()
        self._started = time.monotonic()
        self._done = False
        self._collecting = False
        self._last_height = -1
        self._step_started = 0.0
        self._moved = True
        self._waiting_load = False
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max(1, int(deadline * 1000)))
        self._deadline.timeout.connect(self._out_of_time)
        self._poll = QTimer(self)
        self._poll.setSingleShot(True)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_state)

    def start(self) -> None:
        """Begin at the top of an already loaded page (the in-app browser's)."""
        self._deadline.start()
        self._step_started = time.monotonic()
        self._poll.start()  # settle the first screen before scrolling

    def load(self, url: str) -> None:
        """Load ``url``, then scroll, settle and collect; the deadline covers the load."""
        self._deadline.start()
        self._waiting_load = True
        self.page.loadFinished.connect(self._loaded)
        self.page.setUrl(QUrl(url))

    def _loaded(self, ok: bool) -> None:
        if not self._waiting_load or self._done or self._collecting:
            return
        self._waiting_load = False
        if not ok:
            self.result.loaded = False
            self._finish({})
            return
        self._step_started = time.monotonic()
        self._poll.start()

    # -- the steps ---------------------------------------------------------------------------

    def _scroll(self) -> None:
        if self._done or self._collecting:
            return
        self.result.steps += 1
        self._step_started = time.monotonic()
        self.page.runJavaScript(SCROLL_JS, 0, self._scrolled)

    def _scrolled(self, answer: object) -> None:
        if self._done or self._collecting:
            return
        state = parse_answer(answer)
        self._moved = bool(state.get("moved"))
        self._poll.start()

    def _check_state(self) -> None:
        if self._done or self._collecting:
            return
        self.page.runJavaScript(STATE_JS, 0, self._state)

    def _state(self, answer: object) -> None:
        if self._done or self._collecting:
            return
        state = parse_answer(answer)
        waited = time.monotonic() - self._step_started
        settled = (
            bool(state.get("ready"))
            and not state.get("loading")
            and self.clock.idle_for() >= self.quiet
        )
        if not settled and waited < STEP_WAIT:
            self._poll.start()
            return
        height = int(state.get("height") or 0)
        grew = height != self._last_height
        self._last_height = height
        if settled and not self._moved and not grew:
            self.result.settled = True
            self._collect()
        elif self.result.steps >= self.max_steps:
            self._collect()  # an endless feed: what it showed so far
        else:
            self._scroll()  # settled or not, the next screen (the deadline bounds the page)

    def _out_of_time(self) -> None:
        if not self._done and not self._collecting:
            self.page.triggerAction(QWebEnginePage.WebAction.Stop)
            self._collect()

    def _collect(self) -> None:
        self._collecting = True
        self._poll.stop()
        self.page.runJavaScript(shown_images_script(), 0, self._collected)
        # A page whose script loop never yields would never answer: the deadline's second
        # half is the last word.
        QTimer.singleShot(5000, self, lambda: self._finish({}))

    def _collected(self, answer: object) -> None:
        self._finish(parse_answer(answer))

    def _finish(self, found: dict[str, Any]) -> None:
        if self._done:
            return
        self._done = True
        self._deadline.stop()
        self._poll.stop()
        result = self.result
        result.url = str(found.get("url") or self.page.url().toString())
        result.title = str(found.get("title") or "")[:500]
        result.images = [
            (str(item[0]), str(item[1]))
            for item in found.get("images") or []
            if isinstance(item, list) and len(item) == 2
        ]
        result.links = [str(link) for link in found.get("links") or []]
        result.seconds = time.monotonic() - self._started
        self.finished.emit(result)


def parse_answer(answer: object) -> dict[str, Any]:
    """A runJavaScript answer that should be a JSON object, or {} (a page may answer anything)."""
    if not isinstance(answer, str):
        return {}
    try:
        value = json.loads(answer)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
