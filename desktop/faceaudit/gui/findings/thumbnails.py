"""Face crops for the gallery: decrypted and decoded off the GUI thread, kept in memory only.

A face crop is biometric data: it never goes to disk, to QPixmapCache or to a log. The
worker turns the Case's sealed JPEG into two ``QImage``s (sharp and blurred); the GUI
thread makes them ``QPixmap``s and keeps the most recently used ones (LRU). Requests are
served most-recent-first, so what is on screen now comes before what was scrolled past.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap

Fetch = Callable[[int], bytes]  # finding id -> the thumbnail's JPEG bytes

IDLE_SECONDS = 2.0  # the decoder thread ends after this long without a request
BLUR_CELLS = 7  # the blurred crop keeps this many cells across: a shape, no identity


@dataclass
class Thumb:
    sharp: QPixmap
    blurred: QPixmap


class _Relay(QObject):
    """Lives on the GUI thread; the worker's emits arrive there queued."""

    decoded = Signal(int, int, QImage, QImage)  # generation, finding id, sharp, blurred
    failed = Signal(int, int)


def decode_thumbnail(data: bytes, size: QSize) -> tuple[QImage, QImage]:
    """The sharp crop scaled into ``size`` and a strongly blurred copy of it (any thread)."""
    image = QImage.fromData(data)
    if image.isNull():
        raise ValueError("not a decodable image")
    sharp = image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    small = sharp.scaled(
        BLUR_CELLS,
        BLUR_CELLS,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    blurred = small.scaled(
        sharp.size(),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    # The raster paint engine's own format: drawing is then a plain copy on the GUI thread.
    native = QImage.Format.Format_ARGB32_Premultiplied
    return sharp.convertToFormat(native), blurred.convertToFormat(native)


class ThumbnailLoader(QObject):
    """Serves tiles' pixmaps; ``ready(finding_id)`` fires when one arrives.

    ``capacity`` bounds the pixmaps kept (two per finding); pending requests beyond
    ``2 * capacity`` are forgotten, oldest first: the person scrolled past them.
    """

    ready = Signal(int)
    unavailable = Signal(int)

    def __init__(self, size: QSize, capacity: int = 600, parent: Any = None) -> None:
        super().__init__(parent)
        self.size = size
        self.capacity = capacity
        self._cache: OrderedDict[int, Thumb] = OrderedDict()
        self._broken: set[int] = set()
        self._fetch: Fetch | None = None
        self._generation = 0
        self._pending: list[int] = []  # a stack: the last request is served first
        self._queued: set[int] = set()
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._busy = False
        # One decoder thread (the Case's lock serialises reads anyway); it ends when idle.
        self._thread: threading.Thread | None = None
        self._relay = _Relay(self)
        self._relay.decoded.connect(self._on_decoded)
        self._relay.failed.connect(self._on_failed)

    def set_source(self, fetch: Fetch | None) -> None:
        """Where thumbnails come from (the open Case); None drops everything (case closed)."""
        with self._lock:
            self._generation += 1
            self._fetch = fetch
            self._pending.clear()
            self._queued.clear()
        self._cache.clear()
        self._broken.clear()

    def cached_count(self) -> int:
        return len(self._cache)

    def pending_count(self) -> int:
        with self._lock:
            return len(self._pending)

    def get(self, finding_id: int) -> Thumb | None:
        """The pixmaps if cached (marked recently used); else None and a request is queued."""
        thumb = self._cache.get(finding_id)
        if thumb is not None:
            self._cache.move_to_end(finding_id)
            return thumb
        if finding_id not in self._broken:
            self._request(finding_id)
        return None

    def is_unavailable(self, finding_id: int) -> bool:
        return finding_id in self._broken

    def _request(self, finding_id: int) -> None:
        with self._lock:
            if self._fetch is None:
                return
            if finding_id in self._queued:
                self._pending.remove(finding_id)
            self._pending.append(finding_id)
            self._queued.add(finding_id)
            overflow = len(self._pending) - 2 * self.capacity
            if overflow > 0:
                for dropped in self._pending[:overflow]:
                    self._queued.discard(dropped)
                del self._pending[:overflow]
            self._wake.notify_all()
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(target=self._work, name="thumbnails", daemon=True)
            self._thread.start()

    def _next(self) -> tuple[int, int, Fetch] | None:
        with self._lock:
            self._busy = False
            if not self._pending or self._fetch is None:
                self._wake.notify_all()  # idle: wait_idle() may return
                self._wake.wait(IDLE_SECONDS)
            if not self._pending or self._fetch is None:
                self._thread = None
                self._wake.notify_all()
                return None
            finding_id = self._pending.pop()
            self._queued.discard(finding_id)
            self._busy = True
            return self._generation, finding_id, self._fetch

    def _work(self) -> None:
        """The worker thread's loop: serve the newest request until none is left."""
        while (job := self._next()) is not None:
            generation, finding_id, fetch = job
            try:
                sharp, blurred = decode_thumbnail(fetch(finding_id), self.size)
            except Exception:  # a closed case, a tampered row: the tile shows a placeholder
                self._relay.failed.emit(generation, finding_id)
                continue
            self._relay.decoded.emit(generation, finding_id, sharp, blurred)

    def _on_decoded(self, generation: int, finding_id: int, sharp: QImage, blurred: QImage) -> None:
        if generation != self._generation:
            return  # decoded for a case that has been closed since
        self._cache[finding_id] = Thumb(QPixmap.fromImage(sharp), QPixmap.fromImage(blurred))
        self._cache.move_to_end(finding_id)
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        self.ready.emit(finding_id)

    def _on_failed(self, generation: int, finding_id: int) -> None:
        if generation == self._generation:
            self._broken.add(finding_id)
            self.unavailable.emit(finding_id)

    def wait_idle(self, seconds: float = 30.0) -> bool:
        """Block until the worker has nothing left to decode (benchmarks, shutdown)."""
        with self._lock:
            return self._wake.wait_for(lambda: not self._pending and not self._busy, seconds)
