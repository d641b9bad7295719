"""Render mode: pages loaded in a real browser (QtWebEngine's Chromium) in a process of its own.

The renderer (``python -m faceaudit.gui.render.child``: Qt lives in the GUI package only) loads
a page offscreen, scrolls it to the end in steps so lazy images load, waits for the network to
settle within a deadline, and answers the image addresses the page shows (img ``currentSrc``
and srcset candidates, picture sources, CSS backgrounds, video posters and files) and its
links. The collector then fetches and decodes those images through its guarded path (caps,
address checks per connection, cache, contained decoding) rather than taking the browser's
bytes: QtWebEngine gives no access to response bodies short of the DevTools protocol, and
the guarded path is the one every other image goes through, so hashes, provenance and limits
mean the same thing for a rendered page.

Containment: the process tree's resident memory is watched and the tree killed above the
cap; a page that does not answer within its deadline (plus a margin) costs the process, which
the next page starts again. Each source gets a fresh off-the-record profile (no cookie,
storage or cache carried to the next source, nothing written to disk).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import selectors
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from faceaudit.collect.netguard import AddressPolicy
from faceaudit.errors import FaceAuditError

RENDER_MODULE = "faceaudit.gui.render.child"
PAGE_DEADLINE = 30.0  # seconds for one page: load, scroll, settle
MEMORY_LIMIT = 1536 * 1024 * 1024  # bytes, the renderer's whole process tree
START_TIMEOUT = 60.0  # a cold start on a loaded 2-core machine takes a few seconds
ANSWER_MARGIN = 15.0  # over the page deadline before the renderer counts as hung
MAX_ANSWER_BYTES = 16 * 1024 * 1024
WATCH_INTERVAL = 0.2
INSTALL_HINT = (
    "Install the PySide6 add-ons matching your PySide6 (they hold QtWebEngine): "
    "run `bash installer/setup.sh` again, or `.venv/bin/pip install -e '.[browser]'`. "
    "Without --render, the scan works as before."
)


class RenderUnavailable(FaceAuditError):
    """QtWebEngine (the PySide6 add-ons) is not installed, or cannot start here."""


class RenderError(FaceAuditError):
    """One page could not be rendered (the run goes on)."""


@dataclass(frozen=True)
class RenderedPage:
    """What the browser showed on one page."""

    url: str  # after redirects, as the browser serialised it
    title: str
    images: tuple[tuple[str, str, str], ...]  # (url, found_by, kind: image | video)
    links: tuple[str, ...]
    loaded: bool
    settled: bool  # False: the deadline came first; the images shown by then are listed
    seconds: float
    blocked: tuple[str, ...] = ()  # hosts the page tried to reach on a refused address
    suppressed: tuple[str, ...] = ()  # alert, confirm, prompt, popup, permission
    downloads: int = 0  # downloads the page started (all refused)

    @classmethod
    def from_answer(cls, answer: dict[str, Any]) -> RenderedPage:
        images = []
        for item in answer.get("images") or []:
            if isinstance(item, list) and len(item) == 2:
                url, how = str(item[0]), str(item[1])
                images.append((url, how, "video" if how == "video" else "image"))
        return cls(
            url=str(answer.get("url") or ""),
            title=str(answer.get("title") or ""),
            images=tuple(images),
            links=tuple(str(link) for link in answer.get("links") or ()),
            loaded=bool(answer.get("loaded", True)),
            settled=bool(answer.get("settled")),
            seconds=float(answer.get("seconds") or 0.0),
            blocked=tuple(str(host) for host in answer.get("blocked") or ()),
            suppressed=tuple(str(what) for what in answer.get("suppressed") or ()),
            downloads=int(answer.get("downloads") or 0),
        )


@dataclass
class RendererStats:
    pages: int = 0
    restarts: int = 0
    peak_rss: int = 0  # bytes, the largest the process tree was seen at
    killed: list[str] = field(default_factory=list)  # why the process was killed


class Renderer:
    """One renderer process, started on first use, one page at a time (thread-safe)."""

    def __init__(
        self,
        *,
        memory_limit: int = MEMORY_LIMIT,
        start_timeout: float = START_TIMEOUT,
        python: str | None = None,
    ) -> None:
        self.memory_limit = memory_limit
        self.start_timeout = start_timeout
        self.python = python or sys.executable
        self.stats = RendererStats()
        self._process: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._killed_for: str | None = None
        self._watcher: threading.Thread | None = None
        self._unavailable: RenderUnavailable | None = None

    # -- the process -----------------------------------------------------------------------

    def start(self) -> None:
        """Start the process now (raises RenderUnavailable without QtWebEngine)."""
        with self._lock:
            self._ensure_started()

    def _ensure_started(self) -> None:
        if self._unavailable is not None:
            raise self._unavailable
        if self._process is not None and self._process.poll() is None:
            return
        if self._process is not None:
            self.stats.restarts += 1
        self._killed_for = None
        self._buffer = b""
        self._process = subprocess.Popen(
            [self.python, "-m", RENDER_MODULE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # Chromium's messages may name pages: not kept
            start_new_session=True,  # its own process group, killed as one
        )
        self._watcher = threading.Thread(
            target=self._watch, args=(self._process,), name="faceaudit-render-watch", daemon=True
        )
        self._watcher.start()
        first = self._read_answer(self.start_timeout)
        if first is not None and "unavailable" in first:
            self._stop_process()
            self._unavailable = unavailable_error(str(first["unavailable"]))
            raise self._unavailable
        if first is None or not first.get("ready"):
            reason = self._killed_for or "it did not start"
            self._stop_process()
            raise start_error(reason)

    def _watch(self, process: subprocess.Popen[bytes]) -> None:
        """Kill the renderer's whole process tree when it holds more than the memory cap."""
        import psutil

        try:
            root = psutil.Process(process.pid)
        except psutil.Error:
            return
        while process.poll() is None:
            total = 0
            with contextlib.suppress(psutil.Error):
                for member in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += member.memory_info().rss
            self.stats.peak_rss = max(self.stats.peak_rss, total)
            if total > self.memory_limit:
                self._killed_for = (
                    f"it used more than {self.memory_limit // (1024 * 1024)} MB of memory"
                )
                self.stats.killed.append(self._killed_for)
                _kill_tree(process)
                return
            time.sleep(WATCH_INTERVAL)

    def _read_answer(self, timeout: float) -> dict[str, Any] | None:
        """The next JSON line from the renderer, or None (timeout, exit, garbage)."""
        process = self._process
        if process is None or process.stdout is None:
            return None
        stream = process.stdout
        until = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(stream, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                left = until - time.monotonic()
                if left <= 0 or len(self._buffer) > MAX_ANSWER_BYTES:
                    return None
                if not selector.select(min(left, 0.5)):
                    continue
                chunk = os.read(stream.fileno(), 65536)
                if not chunk:
                    return None
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        try:
            answer = json.loads(line)
        except ValueError:
            return None
        return answer if isinstance(answer, dict) else None

    def _stop_process(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            if process.stdin is not None:
                process.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)  # it ends when its input closes
        _kill_tree(process)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
        if process.stdout is not None:
            process.stdout.close()

    def close(self) -> None:
        with self._lock:
            self._stop_process()

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- pages -----------------------------------------------------------------------------

    def render(
        self,
        url: str,
        policy: AddressPolicy,
        *,
        deadline: float = PAGE_DEADLINE,
        profile: str = "",
    ) -> RenderedPage:
        """Load, scroll, settle and list what ``url`` shows; ``policy`` is the collector's
        address rule for the source; ``profile`` names the source (a new name, a new
        profile)."""
        with self._lock:
            self._ensure_started()
            process = self._process
            assert process is not None and process.stdin is not None
            request = {
                "op": "render",
                "id": next(self._ids),
                "url": url,
                "allowed": sorted(str(address) for address in policy.allowed),
                "port": policy.port,
                "deadline": deadline,
                "profile": profile,
            }
            try:
                process.stdin.write(json.dumps(request).encode() + b"\n")
                process.stdin.flush()
            except OSError:
                pass  # it died: the read below says so
            answer = self._read_answer(deadline + ANSWER_MARGIN)
            if answer is None or answer.get("id") != request["id"]:
                reason = self._killed_for or (
                    f"it did not answer within {deadline + ANSWER_MARGIN:.0f} s"
                    if process.poll() is None
                    else "it stopped"
                )
                self._stop_process()
                raise page_error(reason)
            self.stats.pages += 1
            return RenderedPage.from_answer(answer)


# What a source's failure says (stored in the case as English; gui/messages/reasons.py
# recognises each sentence and says it in the window's language).


def unavailable_error(detail: str) -> RenderUnavailable:
    return RenderUnavailable(
        f"Rendering pages needs QtWebEngine, which is not installed here ({detail}).",
        INSTALL_HINT,
    )


def start_error(reason: str) -> RenderError:
    return RenderError(
        f"The page renderer could not start ({reason}).",
        "Check that QtWebEngine runs on this computer (faceaudit selftest), or scan "
        "without --render.",
    )


def page_error(reason: str) -> RenderError:
    return RenderError(
        f"The browser could not render this page: {reason}.",
        "The page may be too heavy for the renderer; its plain images were "
        "still examined. Scan it again without rendering, or save its images "
        "and add them as files.",
    )


def not_loaded_message() -> str:
    return (
        "The browser could not load this page (unreachable, or refused because it is on "
        "your own network); its plain images were still examined."
    )


def still_loading_message(deadline: float) -> str:
    return (
        f"This page was still loading after {deadline:.0f} s (the render deadline): the "
        "images it showed by then were examined, later ones may be missing."
    )


def blocked_message(hosts: tuple[str, ...]) -> str:
    return (
        "The page tried to reach addresses on your own network or computer "
        f"({', '.join(hosts[:5])}); the browser refused them."
    )


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the renderer's process group and any child that left it."""
    import psutil

    members: list[Any] = []
    with contextlib.suppress(psutil.Error):
        members = psutil.Process(process.pid).children(recursive=True)
    if hasattr(os, "killpg") and process.poll() is None:  # the group is still its own
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
    for member in members:
        with contextlib.suppress(psutil.Error):
            member.kill()
    with contextlib.suppress(OSError):
        process.kill()
