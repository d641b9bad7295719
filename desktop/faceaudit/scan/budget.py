"""How many decoded pixels (and encoded bytes) the scan holds at once, whatever its workers.

A 35 MP photo is about 105 MB of BGR pixels, plus what decoding and detection need beside
them; eight workers each holding one would need over 4 GB. Each inference thread asks the
budget before decoding an image and gives the pixels back once the image is analysed, so
memory is bounded by the budget, not by the worker count. Admission is first come, first
served (a large photo is not overtaken for ever by small ones), and a photo larger than the
whole budget is admitted alone, so every image is analysed eventually. The encoded bytes
fetched and waiting for analysis have a budget of their own, so the collector does not
download a whole page of large photos ahead.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from faceaudit.imaging import MAX_PIXELS

# Two 24 MP photos side by side, or one of up to 40 MP (the largest FaceAudit decodes) at a
# time: a scan of 35 MP photos then stays under 1 GB whatever the worker count
# (benchmarks/bench_memory.py); web-sized photos (1-2 MP) are never held back.
DEFAULT_PIXEL_BUDGET = MAX_PIXELS * 6 // 5
# Encoded images (bytes) fetched and waiting for analysis, all workers together: past this
# the collector waits. A page of 20 photos of 7 MB would otherwise all be held at once.
DEFAULT_HELD_BYTES = 32 * 1024 * 1024


class Budget:
    """A counting gate over an amount (decoded pixels, bytes), shared by a scan's threads."""

    def __init__(self, total: int) -> None:
        if total < 1:
            raise ValueError("a budget must be positive")
        self.total = total
        self.in_use = 0
        self._waiting: deque[object] = deque()
        self._condition = threading.Condition()

    @property
    def waiting(self) -> int:
        """Images waiting to be admitted."""
        with self._condition:
            return len(self._waiting)

    def _fits(self, pixels: int) -> bool:
        return self.in_use == 0 or self.in_use + pixels <= self.total

    def acquire(self, pixels: int, timeout: float | None = None) -> bool:
        """Wait until ``pixels`` fit (or nothing else is admitted), in arrival order.
        False if ``timeout`` seconds passed first."""
        pixels = max(0, pixels)
        ticket = object()
        with self._condition:
            self._waiting.append(ticket)
            admitted = self._condition.wait_for(
                lambda: self._waiting[0] is ticket and self._fits(pixels), timeout
            )
            if admitted:
                self.in_use += pixels
            self._waiting.remove(ticket)
            self._condition.notify_all()  # the next in line may fit too
            return admitted

    def acquire_unless(self, pixels: int, stop: Callable[[], bool], poll: float = 0.05) -> bool:
        """:meth:`acquire`, giving up (False) once ``stop()`` is true."""
        while not stop():
            if self.acquire(pixels, timeout=poll):
                return True
        return False

    def release(self, pixels: int) -> None:
        with self._condition:
            self.in_use -= max(0, pixels)
            self._condition.notify_all()

    @contextmanager
    def admit(self, pixels: int) -> Iterator[None]:
        """Hold ``pixels`` of the budget for the ``with`` block."""
        self.acquire(pixels)
        try:
            yield
        finally:
            self.release(pixels)
