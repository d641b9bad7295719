"""How many decoded pixels the scan holds at once, whatever its number of workers.

A 35 MP photo is about 105 MB of BGR pixels, plus what decoding and detection need beside
them; eight workers each holding one would need over 4 GB. Each inference thread asks the
budget before decoding an image and gives the pixels back once the image is analysed, so
memory is bounded by the budget, not by the worker count. Admission is first come, first
served (a large photo is not overtaken for ever by small ones), and a photo larger than the
whole budget is admitted alone, so every image is analysed eventually.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

from faceaudit.imaging import MAX_PIXELS

# Two of the largest photos FaceAudit decodes (40 MP each): two workers analyse event photos
# side by side, and the peak of a scan of 35 MP photos stays under 1 GB whatever the worker
# count (benchmarks/bench_memory.py).
DEFAULT_PIXEL_BUDGET = 2 * MAX_PIXELS


class PixelBudget:
    """A counting gate over decoded pixels, shared by the threads of one scan."""

    def __init__(self, pixels: int = DEFAULT_PIXEL_BUDGET) -> None:
        if pixels < 1:
            raise ValueError("a pixel budget must be positive")
        self.total = pixels
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
