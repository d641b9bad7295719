"""Crash-contained decoding of untrusted image bytes and videos.

Decoders are C code fed by hostile servers. :class:`ContainedDecoder` runs
:func:`faceaudit.imaging.decode` (which probes the header and refuses oversized images
first) in worker processes started with ``spawn`` (forking a threaded GUI app is unsafe)
and limited by ``RLIMIT_AS``: a segfault, an abort or a runaway allocation costs one worker,
which is replaced, and the caller gets an :class:`~faceaudit.errors.ImageError`.

On platforms without ``resource`` (Windows) the memory limit is not applied; the crash
containment still is.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from faceaudit.collect.video import Frame, VideoError
from faceaudit.errors import ImageError, coded

DEFAULT_MEMORY_BUDGET = 1536 * 1024 * 1024  # on top of what the worker uses after imports
DEFAULT_TIMEOUT = 30.0
STARTUP_TIMEOUT = 120.0


def _limit_memory(budget: int) -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        import psutil

        used = psutil.Process().memory_info().vms
        limit = used + budget
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass  # macOS refuses RLIMIT_AS; containment still holds


def _worker_main(conn: Connection, budget: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C belongs to the parent
    # Imports first, so the limit is measured on top of the loaded libraries.
    from faceaudit import imaging
    from faceaudit.memory import release_freed_memory

    _limit_memory(budget)
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        op = message[0]
        if op == "decode":
            _decode_and_send(conn, message[1], imaging)
            release_freed_memory()  # else the process stays as large as its largest image
        elif op == "probe":
            try:
                info = imaging.probe(message[1])
                conn.send(("ok", info.width, info.height))
            except ImageError as error:
                conn.send(("error", error.what, error.todo, error.code, error.params))
        elif op == "fault":
            _fault(message[1])
        elif op == "stop":
            return


_OUT_OF_MEMORY: tuple[str, str, str, str, dict[str, str]] = (
    "error",
    "Decoding the image needed more memory than FaceAudit allows for one picture.",
    "The picture is too large or built to exhaust memory; use a smaller copy.",
    "image-out-of-memory",
    {},
)


def _error_from(reply: Any) -> ImageError:
    """The worker's ("error", what, todo, code, params) as the ImageError it was."""
    return coded(ImageError(reply[1], reply[2]), reply[3], **reply[4])


def _decode_and_send(conn: Connection, data: bytes, imaging: Any) -> None:
    """("ok", shape), then the RGB rows in bands (Pillow's copy and one band in memory, not
    three copies of the image); an empty band ends early, followed by the error."""
    try:
        decoded = imaging.decode_rgb(data)
    except ImageError as error:
        conn.send(("error", error.what, error.todo, error.code, error.params))
        return
    except MemoryError:
        conn.send(_OUT_OF_MEMORY)
        return
    with decoded.image:
        conn.send(("ok", decoded.shape))
        try:
            for band in decoded.bands():
                conn.send_bytes(band)
        except MemoryError:
            conn.send_bytes(b"")
            conn.send(_OUT_OF_MEMORY)


def _fault(kind: str) -> None:
    """Real failures for the tests of crash containment (never sent by the scan)."""
    if kind == "abort":
        os.abort()
    if kind == "allocate":
        hog = []
        while True:  # until RLIMIT_AS stops it
            hog.append(np.ones(64 * 1024 * 1024, dtype=np.uint8))
    if kind == "hang":
        threading.Event().wait()


_T = TypeVar("_T")


class _Stalled(Exception):
    """A worker did not answer within the time limit."""


class _Worker:
    def __init__(self, context: Any, budget: int) -> None:
        parent, child = context.Pipe()
        self.conn: Connection = parent
        self.process = context.Process(
            target=_worker_main, args=(child, budget), name="faceaudit-decoder", daemon=True
        )
        self._kill_lock = threading.Lock()
        self._killed = False
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        """Startup (spawn + imports) is not counted in a decode's time limit."""
        try:
            return self.conn.poll(timeout) and self.conn.recv() == ("ready",)
        except (EOFError, OSError):
            return False

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        """Once, whoever asks first: close() and a background start may both retire a worker,
        and closing its pipe twice would close whatever file reused the descriptor."""
        with self._kill_lock:
            if self._killed:
                return
            self._killed = True
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class ContainedDecoder:
    """Decode untrusted image bytes in a pool of limited worker processes. Thread-safe.

    ``decode(data)`` returns a BGR uint8 array or raises ImageError (corrupt, too large,
    out of memory, crashed, timed out). Workers start on first use; call :meth:`close`.
    """

    def __init__(
        self,
        workers: int = 1,
        memory_budget: int = DEFAULT_MEMORY_BUDGET,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._budget = memory_budget
        self._timeout = timeout
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        self._slots = max(1, workers)
        for _ in range(self._slots):
            self._idle.put(None)  # a slot; the process starts when first needed
        self._closed = False
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        self.crashes = 0

    def __enter__(self) -> ContainedDecoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self._budget)
        with self._lock:
            self._all.append(worker)
        if not worker.wait_ready(STARTUP_TIMEOUT):
            self._retire(worker)
            raise ImageError(
                "The image decoder process could not be started.",
                "Check that the computer has free memory, then run the scan again.",
            )
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def warm_up(self) -> None:
        """Start the worker processes now, in the background: a scan's first images then do
        not wait about a second for them (spawn and imports) while downloads pile up."""

        def start_each() -> None:
            for _ in range(self._slots):
                worker = self._idle.get()
                try:
                    if not self._closed and (worker is None or not worker.alive()):
                        worker = self._start()
                        if self._closed:  # closed meanwhile: close() did not see it
                            self._retire(worker)
                            worker = None
                except ImageError:
                    worker = None  # the first decode tries again and says why
                finally:
                    self._idle.put(worker)

        threading.Thread(target=start_each, name="faceaudit-decoder-start", daemon=True).start()

    def decode(self, data: bytes) -> np.ndarray:
        return self._call(("decode", data), self._receive_pixels)

    def pixels(self, data: bytes) -> int:
        """Width x height from the header (read in a worker too), refused over MAX_PIXELS:
        what decoding will hold, known before any pixel is decoded."""
        return self._call(("probe", data), lambda worker, reply: reply[1] * reply[2])

    def _inject_fault(self, kind: str) -> np.ndarray:
        """Test hook: make a worker really abort, over-allocate or hang, then report it."""
        return self._call(("fault", kind), self._receive_pixels)

    def _receive_pixels(self, worker: _Worker, reply: tuple[Any, ...]) -> np.ndarray:
        """The bands after ("ok", shape), read straight into the one array they fill."""
        from faceaudit.imaging import rgb_to_bgr_in_place

        shape = tuple(reply[1])
        array = np.empty(shape, dtype=np.uint8)
        view = array.reshape(-1).data
        offset = 0
        while offset < len(view):
            if not worker.conn.poll(self._timeout):
                raise _Stalled
            received = worker.conn.recv_bytes_into(view, offset)
            if received == 0:  # the worker gave up part-way: the error follows
                failure = worker.conn.recv()
                raise _error_from(failure)
            offset += received
        return rgb_to_bgr_in_place(array)

    def _call(self, message: tuple[Any, ...], receive: Callable[[_Worker, Any], _T]) -> _T:
        if self._closed:
            raise ImageError("The image decoder was shut down.", "")
        worker = self._idle.get()
        try:
            if worker is None or not worker.alive():
                worker = self._start()
            try:
                worker.conn.send(message)
                if not worker.conn.poll(self._timeout):
                    raise _Stalled
                reply = worker.conn.recv()
                if reply[0] == "error":
                    raise _error_from(reply)
                return receive(worker, reply)
            except MemoryError:  # this process could not hold the pixels: the pipe is
                self._retire(worker)  # left mid-image, so that worker cannot be reused
                worker = None
                raise _error_from(_OUT_OF_MEMORY) from None
            except _Stalled:
                self._retire(worker)
                worker = None
                raise coded(
                    ImageError(
                        f"Decoding the image took longer than {self._timeout:.0f} s and was "
                        "stopped.",
                        "The file may be built to stall decoders; try another copy.",
                    ),
                    "image-decoder-timeout",
                    seconds=f"{self._timeout:.0f}",
                ) from None
            except (EOFError, OSError, BrokenPipeError):
                code = worker.process.exitcode if worker is not None else None
                if worker is not None:
                    worker.process.join(timeout=5)
                    code = worker.process.exitcode
                    self._retire(worker)
                worker = None
                self.crashes += 1
                raise coded(
                    ImageError(
                        f"The image decoder crashed on this file ({_describe_exit(code)}); "
                        "FaceAudit carried on without it.",
                        "The file is corrupt or malicious; skip it.",
                    ),
                    "image-decoder-crashed",
                ) from None
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            with contextlib.suppress(Exception):
                worker.conn.send(("stop",))
            worker.process.join(timeout=2)
            worker.kill()


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "it stopped answering"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


# -- videos ------------------------------------------------------------------------------------

VIDEO_FRAME_TIMEOUT = 60.0  # between two frames: FFmpeg seeking through a long gap is slow


def _video_worker_main(conn: Connection, path: str, options: dict[str, Any], budget: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # first: Ctrl+C during the imports too
    from faceaudit.collect import video

    _limit_memory(budget)
    if options.pop("_fault", None) == "abort":
        os.abort()
    try:
        for frame in video.sample_frames(Path(path), **options):
            conn.send(
                ("frame", frame.time, frame.scene_change, frame.image.shape, frame.image.tobytes())
            )
            # Wait for the reader: frames are not produced faster than the scan takes them.
            if conn.recv() != "next":
                return
        conn.send(("done",))
    except video.VideoError as error:
        conn.send(("error", str(error)))
    except MemoryError:
        conn.send(("error", "decoding the video needed more memory than FaceAudit allows"))
    except (EOFError, OSError):
        return  # the scan stopped reading (cancelled, or the video is not needed): just end


def sample_frames_contained(
    path: Path,
    *,
    memory_budget: int = DEFAULT_MEMORY_BUDGET,
    frame_timeout: float = VIDEO_FRAME_TIMEOUT,
    _fault: str | None = None,
    **options: Any,
) -> Iterator[Frame]:
    """:func:`faceaudit.collect.video.sample_frames`, run in its own limited process.

    FFmpeg parses the whole container of a hostile file; a crash, a runaway allocation or a
    stall ends that process only and becomes a VideoError for this one video.
    """
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    if _fault is not None:
        options["_fault"] = _fault
    process = context.Process(
        target=_video_worker_main,
        args=(child, str(path), options, memory_budget),
        name="faceaudit-video",
        daemon=True,
    )
    process.start()
    child.close()
    try:
        first = True
        while True:
            # The first wait includes the worker's start-up (spawn and imports).
            if not parent.poll(STARTUP_TIMEOUT if first else frame_timeout):
                raise VideoError(
                    f"the video decoder produced nothing for {frame_timeout:.0f} s and was stopped"
                )
            first = False
            try:
                message = parent.recv()
            except (EOFError, OSError):
                process.join(timeout=5)
                raise VideoError(
                    f"the video decoder crashed on this file ({_describe_exit(process.exitcode)})"
                ) from None
            if message[0] == "done":
                return
            if message[0] == "error":
                raise VideoError(message[1])
            _tag, time, scene_change, shape, raw = message
            image = np.frombuffer(raw, dtype=np.uint8).reshape(shape).copy()
            yield Frame(time=time, image=image, scene_change=scene_change)
            parent.send("next")
    finally:
        with contextlib.suppress(Exception):
            parent.close()
        process.join(timeout=2)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
