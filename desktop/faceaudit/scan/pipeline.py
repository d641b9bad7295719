"""The scan pipeline: sources -> candidates -> faces -> findings, fetching overlapping inference.

Threads and queues (all bounded, so memory does not grow with the number of sources):

* **fetching**: a collector that can take every source at once (``collect_sources``, as
  :class:`faceaudit.scan.runs.WebCollector` does) runs them all in one collection on one
  fetch thread: its request threads serve every host at the same time, within a global and a
  per-host limit, and report each source as soon as its last request ends. Otherwise
  ``fetch_sources`` fetch threads each collect one source at a time, sources of one host one
  after the other. Either way candidates go into ``candidates`` (maxsize ``queue_size``); a
  full queue blocks the collector, the backpressure that keeps downloads from racing ahead.
* **inference threads** (``workers``) decode an image and run ``engine.analyze`` on it.
  onnxruntime releases the GIL, so threads share one copy of the models; at most
  ``2 * workers`` images are in flight, so each worker always has its next image ready.
  Memory does not grow with ``workers``: an image is decoded only once its pixels fit the
  scan's pixel budget (:mod:`faceaudit.scan.budget`), and the collector waits while
  ``held_bytes`` of fetched images wait for analysis.
* the **scan thread** (the caller of :meth:`Scanner.run`) owns the sink: it looks up the
  per-image embedding cache, dispatches work, writes results in resumable order and sends
  progress. Only this thread touches the store.

Why threads and not processes for inference: the models are shared in memory (one copy, not
one per process) and no image or face list is pickled across a pipe; decoding is the only
step that handles hostile bytes, and it goes through the collector's crash-contained decoder
when one is given (``decoder``; faceaudit.scan.runs gives it by default).
``benchmarks/bench_scan.py`` measures what that containment costs (1.1-1.25x the CPU time
of in-process decoding on 2,000 web-sized photos) and how close the pipeline comes to the
larger of fetch-bound and CPU-bound time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

import numpy as np

from faceaudit import bounds
from faceaudit.collect.types import Candidate, Provenance, SourceError
from faceaudit.errors import FaceAuditError, ImageError
from faceaudit.faces.types import Face, FaceMatch, Reference, Verdict
from faceaudit.memory import release_freed_memory
from faceaudit.scan.budget import DEFAULT_HELD_BYTES, DEFAULT_PIXEL_BUDGET, Budget
from faceaudit.scan.control import ScanControl, ScanProgress, SourceTally
from faceaudit.scan.sinks import FindingReport, ScanSink, finding_identity, image_key

ProgressCallback = Callable[[ScanProgress], None]
Decoder = Callable[[bytes], np.ndarray]
Measure = Callable[[bytes], int]  # the pixels an image will take once decoded (its header)

BATCH_SECONDS = 0.2  # longest a group of store writes stays uncommitted
PROGRESS_INTERVAL = 0.25  # seconds between progress callbacks (the last one is always sent)
_POLL = 0.05  # how long the scan thread waits on one queue before looking at the other
RELEASE_MEMORY_FROM = 8_000_000  # pixels of an image after which freed memory is given back


class FaceBackend(Protocol):
    """The part of the FaceEngine the scan uses."""

    def analyze(self, image: np.ndarray) -> list[Face]: ...

    def match(self, faces: Sequence[Face], references: Sequence[Reference]) -> list[FaceMatch]: ...


class MultiSourceCollector(Protocol):
    """Collects many sources in one run; ``on_source_done(source, counts)`` as each ends.
    Callbacks are never concurrent and may block (backpressure)."""

    def collect_sources(
        self,
        sources: Sequence[str],
        on_candidate: Callable[[Candidate], None],
        on_error: Callable[[SourceError], None],
        on_source_done: Callable[[str, dict[str, Any]], None],
        cancel: threading.Event,
    ) -> None: ...


class SourceCollector(Protocol):
    """Collects one source, calling back for each candidate and each per-URL error.

    ``on_candidate`` may block (backpressure). Returns counters for the source (``pages``...).
    Raises FaceAuditError when the source as a whole fails.
    """

    def collect_source(
        self,
        source: str,
        on_candidate: Callable[[Candidate], None],
        on_error: Callable[[SourceError], None],
        cancel: threading.Event,
    ) -> dict[str, Any]: ...


def _cores() -> int:
    return min(bounds.MAX_CORES, max(1, os.cpu_count() or 1))


@dataclass(frozen=True)
class ScanSettings:
    workers: int = field(default_factory=_cores)  # inference threads, one core each
    fetch_sources: int = 4  # sources (of different hosts) collected at the same time
    queue_size: int = 8  # candidates waiting for inference
    keep_evidence: bool = True  # keep the image bytes of a finding (encrypted, in a case)
    contain_decoding: bool = True  # decode in crash-contained processes (collect.sandbox)
    pixel_budget: int = DEFAULT_PIXEL_BUDGET  # decoded pixels held at once, all workers
    held_bytes: int = DEFAULT_HELD_BYTES  # encoded images fetched and not yet analysed

    def __post_init__(self) -> None:
        bounds.check("workers", self.workers)  # each worker holds a decoded photo

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class ScanOutcome:
    status: str  # done | cancelled
    findings: list[FindingReport]
    errors: list[SourceError]
    stats: dict[str, Any]
    comparison: dict[str, int] | None = None  # new / gone / unchanged / unchecked, in a case
    scan_id: int | None = None
    resumed: bool = False
    previous_scan_id: int | None = None


# -- messages between the threads ----------------------------------------------------------


@dataclass
class _Job:
    key: str
    candidate: Candidate
    cached: list[Face] | None  # faces known from the cache: only thumbnails are needed


@dataclass
class _Result:
    key: str
    faces: list[Face]
    fresh: bool  # faces came from the models (store them in the cache)
    wanted: list[tuple[FaceMatch, bytes]]  # findings with their thumbnails
    evidence: bytes | None
    error: str | None = None


@dataclass
class _Pending:
    """An image in flight, and every place (source, provenance) it was seen meanwhile."""

    places: list[tuple[str, Provenance]] = field(default_factory=list)
    held: int = 0  # bytes of the held budget its candidate takes until it is written


@dataclass
class _SourceEnd:
    source: str
    stats: dict[str, Any]
    error: str | None  # the source as a whole failed (its listed URL or path)
    reported: bool  # the error already went through on_error (do not count it twice)
    kind: str = "failed"  # or "skipped": robots.txt, a size limit, not an image


@dataclass
class _Counters:
    images_seen: int = 0
    images_done: int = 0
    images_cached: int = 0
    faces: int = 0
    findings: int = 0
    errors: int = 0
    pages: int = 0
    video_frames: int = 0
    sources_done: int = 0
    sources_failed: int = 0
    http_from_cache: int = 0  # responses the HTTP cache answered (304 Not Modified)
    bytes_downloaded: int = 0


def _held_size(item: object) -> int:
    """The bytes a (source, candidate) item holds until its image is written (0: others)."""
    if not isinstance(item, tuple):
        return 0
    candidate = item[1]
    if candidate.data is not None:
        return len(candidate.data)
    if candidate.frame is not None:
        return int(np.asarray(candidate.frame).nbytes)
    return 0


def _place_key(location: str) -> str:
    """A URL or path in a form where trivial spelling differences do not matter."""
    from faceaudit.collect.urls import InvalidURL, is_web_url, normalise_url

    text = location.strip()
    if is_web_url(text):
        try:
            return normalise_url(text)
        except InvalidURL:
            return text
    return text.rstrip("/")


def _host_of(source: str) -> str:
    """The site a source is on (scheme, host and port); local paths share one "host"."""
    from urllib.parse import urlsplit

    parts = urlsplit(source.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc.lower()}"
    return "local"


def _same_place_keys(source: str) -> set[str]:
    return {source.strip(), _place_key(source)}


def _encode_frame(frame: np.ndarray) -> bytes:
    import cv2

    ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        raise ImageError("A video frame could not be encoded as JPEG.", "")
    return encoded.tobytes()


class Scanner:
    """Runs one scan of a list of sources against the person's references."""

    def __init__(
        self,
        engine: FaceBackend,
        references: Sequence[Reference],
        collector: SourceCollector,
        sink: ScanSink,
        settings: ScanSettings | None = None,
        *,
        control: ScanControl | None = None,
        on_progress: ProgressCallback | None = None,
        decoder: Decoder | None = None,
        measure: Measure | None = None,
        thumbnail: Callable[[np.ndarray, Face], bytes] | None = None,
    ) -> None:
        if not references:
            raise FaceAuditError(
                "There is no reference photo to compare faces with.",
                "Enrol at least one photo of yourself first.",
            )
        self.engine = engine
        self.references = list(references)
        self.collector = collector
        self.sink = sink
        self.settings = settings or ScanSettings()
        self.control = control or ScanControl()
        self.on_progress = on_progress
        if decoder is None:
            from faceaudit.imaging import decode

            decoder = decode
        self.decoder: Decoder = decoder
        if measure is None:
            from faceaudit.imaging import probe

            def measure(data: bytes) -> int:
                return probe(data).pixels

        self.measure: Measure = measure
        self.budget = Budget(self.settings.pixel_budget)
        self.held = Budget(self.settings.held_bytes)
        if thumbnail is None:
            from faceaudit.faces.engine import face_thumbnail

            thumbnail = face_thumbnail
        self.thumbnail: Callable[[np.ndarray, Face], bytes] = thumbnail
        self._counters = _Counters()
        self._finding_identities: set[tuple[Any, ...]] = set()
        self._pending: dict[str, _Pending] = {}
        self._outstanding: dict[str, int] = {}  # source -> images in flight
        self._ended: dict[str, _SourceEnd] = {}
        self._repeats: dict[str, list[Candidate]] = {}  # source -> repeats waiting for it to end
        self._found: dict[str, list[tuple[float | None, FaceMatch, bytes]]] = {}  # sha -> finds
        self._sources_total = 0
        self._tallies: dict[str, SourceTally] = {}  # each source's own counts, for progress
        self._started = 0.0
        self._last_progress = 0.0
        self._batch: contextlib.ExitStack | None = None
        self._batch_opened = 0.0

    # -- the public entry point ---------------------------------------------------------------

    def run(self, sources: Sequence[str], *, resume: bool = False) -> ScanOutcome:
        sources = list(dict.fromkeys(sources))
        settings = self.settings
        skip = self.sink.begin(sources, settings.as_dict(), resume)
        todo = [source for source in sources if source not in skip]
        self._sources_total = len(sources)
        self._counters.sources_done = len(sources) - len(todo)
        self._tallies = {
            source: SourceTally(source, "waiting" if source in todo else "done earlier")
            for source in sources
        }
        self._started = time.monotonic()
        candidates: queue.Queue[Any] = queue.Queue(maxsize=settings.queue_size)
        results: queue.Queue[_Result] = queue.Queue()
        in_flight_limit = max(1, 2 * settings.workers)
        in_flight = 0

        by_host: dict[str, list[str]] = {}
        for source in todo:
            by_host.setdefault(_host_of(source), []).append(source)
        together = hasattr(self.collector, "collect_sources")
        fetchers = ThreadPoolExecutor(
            max_workers=1 if together else max(1, min(settings.fetch_sources, len(by_host) or 1)),
            thread_name_prefix="scan-fetch",
        )
        inference = ThreadPoolExecutor(
            max_workers=max(1, settings.workers), thread_name_prefix="scan-infer"
        )
        try:
            if together:
                fetchers.submit(self._fetch_together, todo, candidates)
            else:
                for same_host in by_host.values():
                    fetchers.submit(self._fetch_sources, same_host, candidates)
            sources_left = len(todo)
            item: Any = None
            result: _Result | None = None
            while True:
                self._open_batch()
                if result is not None:
                    self._finish_image(result)
                    in_flight -= 1
                    result = None
                if item is not None:
                    if isinstance(item, _SourceEnd):
                        sources_left -= 1
                    in_flight += self._take(item, inference, results)
                    item = None
                in_flight -= self._drain(results)
                if self.control.cancelled:
                    break
                if sources_left == 0 and in_flight == 0 and candidates.empty():
                    break
                if time.monotonic() - self._batch_opened > BATCH_SECONDS:
                    self._commit()
                self._progress()
                if in_flight >= in_flight_limit or self.control.paused:
                    result = self._next(results)
                else:
                    item = self._next(candidates)
            # Cancelled or finished: write what is already being analysed, then stop.
            while in_flight > 0:
                result = self._next(results)
                if result is not None:
                    self._open_batch()
                    self._finish_image(result)
                    in_flight -= 1 + self._drain(results)
                    result = None
            self._commit()
        except BaseException as error:
            self._abandon_batch(error)
            self.control.cancel()  # stop the fetch threads before waiting for them
            raise
        finally:
            self._unblock(candidates)
            fetchers.shutdown(wait=True, cancel_futures=True)
            inference.shutdown(wait=True)
        status = "cancelled" if self.control.cancelled else "done"
        stats = self._stats()
        self.sink.finish(stats, status)
        self._progress(final=status)
        return ScanOutcome(
            status=status,
            findings=self.sink.findings(),
            errors=self.sink.errors(),
            stats=stats,
            comparison=self.sink.comparison(),
        )

    # -- fetch threads --------------------------------------------------------------------------

    def _put(self, candidates: queue.Queue[Any], item: object) -> bool:
        """Block until the scan thread takes the item (backpressure), unless cancelled; a
        candidate first waits until its bytes fit the held budget."""
        size = _held_size(item)
        if size and not self.held.acquire_unless(size, lambda: self.control.cancelled):
            return False
        while not self.control.cancelled:
            try:
                candidates.put(item, timeout=_POLL)
                return True
            except queue.Full:
                continue
        self.held.release(size)
        return False

    def _fetch_together(self, sources: list[str], candidates: queue.Queue[Any]) -> None:
        collector = cast(MultiSourceCollector, self.collector)
        by_text = {source.strip(): source for source in sources}
        listed = {source: _same_place_keys(source) for source in sources}
        failures: dict[str, SourceError] = {}  # errors about a listed URL/path itself
        ended: set[str] = set()

        def on_candidate(candidate: Candidate) -> None:
            source = by_text.get(candidate.provenance.source, candidate.provenance.source)
            self._put(candidates, (source, candidate))

        def on_error(error: SourceError) -> None:
            source = by_text.get(error.source or "", error.source or "")
            if (
                source in listed
                and source not in failures
                and error.page_url is None
                and _place_key(error.url) in listed[source]
            ):
                failures[source] = error
            self._put(candidates, error)

        def on_source_done(text: str, counts: dict[str, Any]) -> None:
            source = by_text.get(text, text)
            ended.add(source)
            failure = failures.get(source)
            self._put(
                candidates,
                _SourceEnd(
                    source,
                    counts,
                    failure.error if failure else None,
                    reported=True,
                    kind=failure.kind if failure else "failed",
                ),
            )

        try:
            collector.collect_sources(
                sources, on_candidate, on_error, on_source_done, self.control.cancel_event
            )
        except Exception as failure:  # a bug must not take the scan down: end every source
            message = f"The source could not be collected: {type(failure).__name__}: {failure}"
            for source in sources:
                if source not in ended:
                    self._put(candidates, _SourceEnd(source, {}, message, reported=False))

    def _fetch_sources(self, sources: list[str], candidates: queue.Queue[Any]) -> None:
        for source in sources:
            if self.control.cancelled:
                return
            self._fetch_source(source, candidates)

    def _fetch_source(self, source: str, candidates: queue.Queue[Any]) -> None:
        stats: dict[str, Any] = {}
        failures: list[SourceError] = []  # errors about the listed URL/path itself
        listed = _same_place_keys(source)

        def on_candidate(candidate: Candidate) -> None:
            self._put(candidates, (source, candidate))

        def on_error(error: SourceError) -> None:
            if not failures and error.page_url is None and _place_key(error.url) in listed:
                failures.append(error)
            self._put(candidates, error)

        try:
            stats = self.collector.collect_source(
                source,
                on_candidate,
                on_error,
                self.control.cancel_event,
            )
        except FaceAuditError as failure:
            self._put(candidates, _SourceEnd(source, stats, str(failure), reported=False))
            return
        except Exception as failure:  # a bug in one source must not take the scan down
            message = f"The source could not be collected: {type(failure).__name__}: {failure}"
            self._put(candidates, _SourceEnd(source, stats, message, reported=False))
            return
        first = failures[0] if failures else None
        self._put(
            candidates,
            _SourceEnd(
                source,
                stats or {},
                first.error if first else None,
                reported=True,
                kind=first.kind if first else "failed",
            ),
        )

    def _unblock(self, candidates: queue.Queue[Any]) -> None:
        """Empty the queue so fetch threads blocked on put() see the cancel and return."""
        while True:
            try:
                self.held.release(_held_size(candidates.get_nowait()))
            except queue.Empty:
                return

    # -- inference threads ------------------------------------------------------------------

    def _analyse(self, job: _Job) -> _Result:
        try:
            return self._analyse_image(job)
        except FaceAuditError as failure:
            return _Result(job.key, [], False, [], None, error=str(failure))
        except Exception as failure:  # one bad image never aborts the scan; say what happened
            return _Result(
                job.key,
                [],
                False,
                [],
                None,
                error=f"The image could not be analysed: {type(failure).__name__}: {failure}",
            )

    def _analyse_image(self, job: _Job) -> _Result:
        """Decode and analyse once the image's pixels fit the scan's budget: memory stays
        bounded by the budget, not by the number of workers."""
        candidate = job.candidate
        if candidate.frame is not None:
            height, width = np.asarray(candidate.frame).shape[:2]
            pixels = int(height) * int(width)
        elif candidate.data is not None:
            pixels = self.measure(candidate.data)
        else:
            raise ImageError("The collector passed an image without bytes.", "")
        try:
            with self.budget.admit(pixels):
                return self._analyse_pixels(job)  # its pixels are freed before the budget is
        finally:
            if pixels >= RELEASE_MEMORY_FROM:
                release_freed_memory()

    def _analyse_pixels(self, job: _Job) -> _Result:
        candidate = job.candidate
        if candidate.frame is not None:
            image = np.asarray(candidate.frame)
        else:
            assert candidate.data is not None
            image = self.decoder(candidate.data)
        fresh = job.cached is None
        faces = self.engine.analyze(image) if job.cached is None else job.cached
        matches = self.engine.match(faces, self.references) if faces else []
        wanted = [(m, self.thumbnail(image, m.face)) for m in matches if m.verdict != Verdict.NO]
        evidence: bytes | None = None
        if wanted and self.settings.keep_evidence:
            evidence = candidate.data if candidate.data is not None else _encode_frame(image)
        return _Result(job.key, faces, fresh, wanted, evidence)

    # -- the scan thread --------------------------------------------------------------------------

    def _take_candidate(self, source: str, candidate: Candidate) -> _Job | None:
        """Record a candidate; return the work it needs, or None if nothing is to be computed."""
        if candidate.data is None and candidate.frame is None:
            # A repeat of earlier bytes of the same source: its findings are attached once the
            # source's images are all written (the original may still be in flight).
            self._repeats.setdefault(source, []).append(candidate)
            return None
        key = image_key(candidate.provenance)
        also_at = candidate.also_at
        if candidate.frame is not None and also_at:
            # A video's other placements ride on its first frame: they show every frame, so
            # they get all frames' findings (with their times) once the source is written.
            sha = candidate.provenance.sha256
            self._repeats.setdefault(source, []).extend(
                Candidate(place, repeat_of=sha) for place in also_at
            )
            also_at = ()
        places = [(source, p) for p in (candidate.provenance, *also_at)]
        pending = self._pending.get(key)
        if pending is not None:  # the same bytes are already being analysed
            self._attach(pending, source, places)
            return None
        self._counters.images_seen += 1
        cached = self.sink.cached_faces(key)
        if cached is not None:
            self._counters.images_cached += 1
            matches = self.engine.match(cached, self.references) if cached else []
            wanted = [m for m in matches if m.verdict != Verdict.NO]
            # Pixels are needed only for the thumbnail of a face that is not a finding yet.
            if all(self.sink.has_finding(candidate.provenance, m) for m in wanted):
                known = [(m, b"") for m in wanted]  # the store keeps the first thumbnail
                self._write(key, places, _Result(key, cached, False, known, None))
                return None
        pending = _Pending()
        self._pending[key] = pending
        self._attach(pending, source, places)
        return _Job(key, candidate, cached)

    def _attach(self, pending: _Pending, source: str, places: list[tuple[str, Provenance]]) -> None:
        if not any(known == source for known, _ in pending.places):
            self._outstanding[source] = self._outstanding.get(source, 0) + 1
        pending.places.extend(places)

    def _drain(self, results: queue.Queue[_Result]) -> int:
        done = 0
        while True:
            try:
                result = results.get_nowait()
            except queue.Empty:
                return done
            self._finish_image(result)
            done += 1

    def _next(self, source: queue.Queue[Any]) -> Any:
        """The next item of a queue, or None after a short wait (the loop then looks again)."""
        try:
            return source.get(timeout=_POLL)
        except queue.Empty:
            return None

    def _take(
        self, item: object, inference: ThreadPoolExecutor, results: queue.Queue[_Result]
    ) -> int:
        """Handle one item from the fetch threads; returns how many images it put in flight."""
        if isinstance(item, _SourceEnd):
            self._ended[item.source] = item
            self._maybe_finish_source(item.source)
            return 0
        if isinstance(item, SourceError):
            self._record_error(item)
            return 0
        source, candidate = cast(tuple[str, Candidate], item)
        self._tally(source, state="collecting")
        job = self._take_candidate(source, candidate)
        if job is None:
            self.held.release(_held_size(item))
            return 0
        self._pending[job.key].held = _held_size(item)
        future = inference.submit(self._analyse, job)
        future.add_done_callback(lambda done: results.put(done.result()))
        return 1

    # Writes are grouped into one store transaction (one disk flush) per batch: a batch is
    # committed every BATCH_SECONDS and before each progress report (so what progress says
    # is on disk); a kill loses at most that much work, which the resumed scan redoes.

    def _open_batch(self) -> None:
        if self._batch is None:
            batch = contextlib.ExitStack()
            batch.enter_context(self.sink.batch())
            self._batch = batch
            self._batch_opened = time.monotonic()

    def _commit(self) -> None:
        batch, self._batch = self._batch, None
        if batch is not None:
            batch.close()

    def _abandon_batch(self, error: BaseException) -> None:
        batch, self._batch = self._batch, None
        if batch is not None:
            batch.__exit__(type(error), error, error.__traceback__)  # rolls the batch back

    def _finish_image(self, result: _Result) -> None:
        pending = self._pending.pop(result.key)
        self.held.release(pending.held)
        self._write(result.key, pending.places, result)
        for source in dict.fromkeys(source for source, _ in pending.places):
            self._outstanding[source] -= 1
            self._maybe_finish_source(source)

    def _write(self, key: str, places: list[tuple[str, Provenance]], result: _Result) -> None:
        """Write one image's outcome in resumable order (see faceaudit.scan.sinks)."""
        self._counters.images_done += 1
        if places and places[0][1].frame_time is not None:
            self._counters.video_frames += 1
        for source in dict.fromkeys(source for source, _ in places):
            tally = self._tallies.get(source)
            if tally is not None:
                self._tallies[source] = dataclasses.replace(
                    tally,
                    images=tally.images + 1,
                    faces=tally.faces + (0 if result.error else len(result.faces)),
                    findings=tally.findings + (0 if result.error else len(result.wanted)),
                )
        for _, provenance in places:
            self.sink.record_image(key, provenance)
        if result.error is not None:
            for _, provenance in places:
                self._record_error(
                    SourceError(
                        url=provenance.image_url,
                        error=result.error,
                        source=provenance.source,
                        page_url=provenance.page_url,
                    )
                )
            self.sink.mark_image_processed(key, 0)
            return
        if result.fresh:
            self.sink.store_faces(key, result.faces)
        self._counters.faces += len(result.faces)
        for _, provenance in places:
            for match, thumbnail in result.wanted:
                self.sink.add_finding(key, provenance, match, thumbnail, result.evidence)
                self._count_finding(key, provenance, match)
        if result.wanted:
            sha = places[0][1].sha256
            frame_time = places[0][1].frame_time
            known = self._found.setdefault(sha, [])
            known.extend((frame_time, match, thumbnail) for match, thumbnail in result.wanted)
        self.sink.mark_image_processed(key, len(result.faces))

    def _write_repeat(self, candidate: Candidate) -> None:
        """Attach the findings of earlier identical bytes (every frame, for a video) here too."""
        sha = candidate.repeat_of or candidate.provenance.sha256
        places = [candidate.provenance, *candidate.also_at]
        found = self._found.get(sha, [])
        for place in places:
            self.sink.record_image(image_key(place), place)
            for frame_time, match, thumbnail in found:
                at = place
                if frame_time is not None:
                    at = dataclasses.replace(place, frame_time=frame_time, found_by="video-frame")
                self.sink.add_finding(image_key(at), at, match, thumbnail, None)
                self._count_finding(image_key(at), at, match)

    def _count_finding(self, key: str, provenance: Provenance, match: FaceMatch) -> None:
        # Counted as the findings list shows them, so progress and summary agree with it.
        identity = finding_identity(key, provenance, match)
        if identity not in self._finding_identities:
            self._finding_identities.add(identity)
            self._counters.findings += 1

    def _record_error(self, error: SourceError) -> None:
        self._counters.errors += 1
        self.sink.image_error(error)
        tally = self._tallies.get(error.source or "")
        if tally is not None:
            name = "skipped" if error.kind == "skipped" else "errors"
            self._tallies[tally.source] = dataclasses.replace(
                tally, **{name: getattr(tally, name) + 1}
            )

    def _tally(self, source: str, **changes: Any) -> None:
        """Update one source's counts; a finished source is never shown as collecting again."""
        tally = self._tallies.get(source)
        if tally is None:
            return
        if changes.get("state") == "collecting" and tally.state != "waiting":
            del changes["state"]
        if changes:
            self._tallies[source] = dataclasses.replace(tally, **changes)

    def _maybe_finish_source(self, source: str) -> None:
        end = self._ended.get(source)
        if end is None or self._outstanding.get(source, 0) > 0:
            return
        del self._ended[source]
        for repeat in self._repeats.pop(source, []):
            self._write_repeat(repeat)
        self._counters.pages += int(end.stats.get("pages", 0))
        self._counters.http_from_cache += int(end.stats.get("from_cache", 0))
        self._counters.bytes_downloaded += int(end.stats.get("bytes_downloaded", 0))
        self._counters.sources_done += 1
        stats = dict(end.stats)
        if end.error is not None:
            self._counters.sources_failed += 1
            if not end.reported:
                self._record_error(SourceError(url=source, error=end.error, source=source))
            stats["failure_kind"] = end.kind
        self._tally(
            source,
            state="done" if end.error is None else end.kind,
            pages=int(end.stats.get("pages", 0)),
            error=end.error,
        )
        self.sink.source_done(source, end.error, stats)

    # -- reporting --------------------------------------------------------------------------------

    def _stats(self) -> dict[str, Any]:
        counters = self._counters
        return {
            "sources": self._sources_total,
            "sources_done": counters.sources_done,
            "sources_failed": counters.sources_failed,
            "pages": counters.pages,
            "images": counters.images_done,
            "images_cached": counters.images_cached,
            "faces": counters.faces,
            "findings": counters.findings,
            "errors": counters.errors,
            "http_from_cache": counters.http_from_cache,
            "bytes_downloaded": counters.bytes_downloaded,
            "seconds": round(time.monotonic() - self._started, 3),
        }

    def _progress(self, final: str | None = None) -> None:
        if self.on_progress is None:
            return
        now = time.monotonic()
        if final is None and now - self._last_progress < PROGRESS_INTERVAL:
            return
        self._last_progress = now
        self._commit()
        counters = self._counters
        elapsed = max(now - self._started, 1e-6)
        rate = counters.images_done / elapsed
        self.on_progress(
            ScanProgress(
                sources_total=self._sources_total,
                sources_done=counters.sources_done,
                images_seen=counters.images_seen,
                images_done=counters.images_done,
                images_cached=counters.images_cached,
                faces=counters.faces,
                findings=counters.findings,
                errors=counters.errors,
                elapsed_seconds=elapsed,
                pages=counters.pages,
                video_frames=counters.video_frames,
                sources=tuple(self._tallies.values()),
                rate=rate,
                eta_seconds=None if final else self._eta(elapsed, rate),
                paused=self.control.paused,
                phase=final or "scanning",
            )
        )

    def _eta(self, elapsed: float, rate: float) -> float | None:
        counters = self._counters
        if counters.sources_done == 0 or self._sources_total == 0:
            return None
        fraction = counters.sources_done / self._sources_total
        by_sources = elapsed * (1 - fraction) / fraction
        queued = counters.images_seen - counters.images_done
        by_images = queued / rate if rate > 0 else 0.0
        return max(by_sources, by_images)
