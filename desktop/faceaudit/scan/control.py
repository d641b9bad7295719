"""Pause, resume and cancel for a running scan, and the progress it reports.

Plain threading primitives and dataclasses, so the CLI and (later) the GUI thread can drive a
scan without the core knowing about Qt. The token is checked between images: an onnxruntime
call cannot be interrupted, so a cancel takes effect once the images in flight are done.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


class ScanControl:
    """A cooperative pause/cancel token shared by the caller and the scan's threads."""

    def __init__(self, cancel_event: threading.Event | None = None) -> None:
        # A caller's own cancel flag may be shared (the GUI's worker token): setting it
        # stops the scan as cancel() does.
        self._cancel = cancel_event if cancel_event is not None else threading.Event()
        self._running = threading.Event()  # set = not paused
        self._running.set()

    # -- used by the caller (CLI, GUI) ---------------------------------------------------

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def cancel(self) -> None:
        self._cancel.set()
        self._running.set()  # a paused scan must wake up to see the cancel

    # -- used by the scan ------------------------------------------------------------------

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    @property
    def cancel_event(self) -> threading.Event:
        """The raw event, for parts (the collector) that take a ``threading.Event``."""
        return self._cancel

    def checkpoint(self, timeout: float | None = None) -> bool:
        """Block while paused; True if the scan should go on, False once cancelled.

        With a timeout, returns after at most that long even if still paused (True then means
        "not cancelled, maybe still paused": callers loop).
        """
        self._running.wait(timeout)
        return not self._cancel.is_set()


@dataclass(frozen=True)
class SourceTally:
    """One source's part of a running scan, for a per-source view of the progress.

    ``state``: waiting (nothing received yet), collecting, done, failed or skipped (the
    listed address itself was not fetched on purpose: robots.txt, a size limit, not an
    image; ``error`` says why), or "done earlier" (by the interrupted part of a resumed scan).
    ``pages`` is known once the source is finished.
    """

    source: str
    state: str = "waiting"
    pages: int = 0
    images: int = 0
    faces: int = 0
    findings: int = 0
    errors: int = 0  # addresses that could not be fetched or read
    skipped: int = 0  # addresses not fetched on purpose (robots.txt, size, not an image)
    error: str | None = None


@dataclass(frozen=True)
class ScanProgress:
    """A snapshot of a running scan, sent to the progress callback.

    ``rate`` is images per second since the scan started; ``eta_seconds`` is None until enough
    is known to estimate it (at least one source finished).
    """

    sources_total: int
    sources_done: int
    images_seen: int  # candidates received from the collector (same bytes counted once)
    images_done: int  # analysed, from the models or from the embedding cache
    images_cached: int  # of images_done, answered by the per-image embedding cache
    faces: int
    findings: int
    errors: int
    elapsed_seconds: float
    rate: float
    eta_seconds: float | None
    paused: bool = False
    phase: str = "scanning"  # scanning | finishing | done | cancelled
    pages: int = 0  # pages read, of the sources finished so far
    video_frames: int = 0  # of images_done, frames sampled from videos
    sources: tuple[SourceTally, ...] = ()  # per source, in the order listed

    def line(self) -> str:
        """One human line, for a terminal's status line."""
        eta = "" if self.eta_seconds is None else f", ~{self.eta_seconds:.0f}s left"
        state = " (paused)" if self.paused else ""
        return (
            f"sources {self.sources_done}/{self.sources_total}, images {self.images_done}"
            f"/{self.images_seen}, faces {self.faces}, findings {self.findings}, "
            f"errors {self.errors}, {self.rate:.1f} img/s{eta}{state}"
        )
