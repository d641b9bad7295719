"""The Collector: from the person's Sources to Candidates, with worker threads.

See the package docstring (:mod:`faceaudit.collect`) for the contract with the scan.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import tempfile
import threading
import time
import urllib.robotparser
from collections import Counter, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from faceaudit import bounds
from faceaudit.collect import render
from faceaudit.collect.cache import DEFAULT_MAX_CACHE_BYTES, HttpCache, _private_dir
from faceaudit.collect.extract import MAX_IMAGES_PER_PAGE, Placement, extract_page, shown_page
from faceaudit.collect.fetch import (
    USER_AGENT,
    Cancelled,
    Fetcher,
    FetchError,
    FetchLimits,
    Response,
)
from faceaudit.collect.local import LocalError, LocalItem, walk_local
from faceaudit.collect.netguard import AddressPolicy, Watchdog
from faceaudit.collect.render import Renderer, RenderError, RendererStats, RenderUnavailable
from faceaudit.collect.sandbox import sample_frames_contained
from faceaudit.collect.sitemap import (
    MAX_SITEMAP_BYTES,
    SitemapError,
    parse_sitemap,
    sitemaps_in_robots,
)
from faceaudit.collect.types import (
    BROWSER_CHECKED_PREFIX,
    Candidate,
    Provenance,
    ShownPage,
    SourceError,
)
from faceaudit.collect.urls import (
    DEFAULT_PORTS,
    InvalidURL,
    is_web_url,
    normalise_url,
    site_of,
    url_key,
)
from faceaudit.collect.video import VideoError
from faceaudit.imaging import MIME_TYPES, sniff_format

ROBOTS_AGENT = "FaceAudit"
MAX_ROBOTS_BYTES = 512 * 1024
GONE_STATUSES = (404, 410)  # the server says the page or image is no longer there
# Sitemaps of one source: files fetched, and how deep indexes may nest (robots.txt or
# /sitemap.xml is level 0; the protocol allows one index level, hostile sites any number).
MAX_SITEMAPS_PER_SOURCE = 50
MAX_SITEMAP_LEVELS = 3


@dataclass(frozen=True)
class CollectSettings:
    """How collection behaves; every limit has a safe default."""

    depth: int = 0  # 0 = only the listed pages; 1 = also the same-site pages they link to ...
    max_pages: int = 50  # pages fetched per run, listed ones included
    max_images: int = 5000  # images and videos fetched per run
    # Also read the pages the site's sitemaps list (robots.txt "Sitemap:" lines, else
    # /sitemap.xml), same-site only, within max_pages; their own links are not followed.
    sitemap: bool = False
    concurrency: int = 8  # worker threads (requests in flight, all hosts), one session each
    per_host: int = 2  # requests in flight to one host at a time
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # for one whole response
    max_page_bytes: int = 8 * 1024 * 1024
    max_image_bytes: int = 32 * 1024 * 1024
    max_video_bytes: int = 256 * 1024 * 1024
    max_redirects: int = 5
    max_retries: int = 2
    max_retry_wait: float = 30.0
    retry_backoff: float = 1.0
    # A source's total time, from its first request to its last; what is left then is
    # reported as not fetched. And the timeouts one host may cost a run before the rest of
    # its addresses are reported as not fetched (a server that never answers would
    # otherwise cost read_timeout for each of up to 2,000 images).
    source_deadline: float = 900.0
    host_failure_budget: int = 3
    robots: bool = True  # honour robots.txt for pages reached by crawling
    verify_tls: bool = True
    unverified_tls_hosts: frozenset[str] = frozenset()  # loud per-source opt-out
    proxy: str | None = None
    use_env_proxy: bool = True
    user_agent: str = USER_AGENT
    use_cache: bool = True
    # Reuse responses their server declared fresh (and images unchanged for long) without
    # asking again; False asks the server about every page and image on every run.
    honour_freshness: bool = True
    max_cache_bytes: int = DEFAULT_MAX_CACHE_BYTES
    video_every: float = 1.0  # seconds between sampled frames
    video_max_seconds: float = 600.0
    video_max_frames: int = 600
    video_scene_changes: bool = True
    # Render mode (faceaudit.collect.render): pages are also loaded in a browser, scrolled
    # and settled, and the images it shows are fetched like the others.
    render: bool = False
    render_deadline: float = 30.0  # seconds per page: load, scroll, settle
    render_memory_mb: int = 1536  # the renderer's process tree is killed above this

    def __post_init__(self) -> None:
        # The counts a person chooses are capped (faceaudit.bounds): a huge concurrency
        # would start that many threads, a huge depth never end.
        for name in ("depth", "max_pages", "max_images", "concurrency", "per_host"):
            bounds.check(name, getattr(self, name))

    def fetch_limits(self) -> FetchLimits:
        return FetchLimits(
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            deadline=self.deadline,
            max_redirects=self.max_redirects,
            max_retries=self.max_retries,
            max_retry_wait=self.max_retry_wait,
            backoff=self.retry_backoff,
            max_page_bytes=self.max_page_bytes,
            max_image_bytes=self.max_image_bytes,
            max_video_bytes=self.max_video_bytes,
            verify_tls=self.verify_tls,
            unverified_tls_hosts=self.unverified_tls_hosts,
            proxy=self.proxy,
            use_env_proxy=self.use_env_proxy,
            honour_freshness=self.honour_freshness,
        )


@dataclass(frozen=True)
class CollectProgress:
    pages_done: int
    pages_queued: int
    media_done: int
    media_queued: int
    candidates: int
    errors: int
    current: str


@dataclass
class CollectStats:
    pages: int = 0  # pages fetched and read
    images: int = 0  # Candidates with image bytes (distinct bytes)
    frames: int = 0  # Candidates with video frames
    repeats: int = 0  # Candidates repeating earlier bytes at another place
    errors: int = 0
    bytes_downloaded: int = 0
    from_cache: int = 0  # responses answered by the cache (304 Not Modified)
    cancelled: bool = False
    seconds: float = 0.0
    # Pages read, and listed media fetched, or answered "not found" (404/410): the places
    # whose images this run saw, so a face missing from one of them is gone, not unchecked.
    checked: list[str] = field(default_factory=list)


@dataclass
class _Scope:
    """What a run has seen, for de-duplication: of all its sources, or of one source."""

    pages_seen: set[str] = field(default_factory=set)  # url_key of pages scheduled or read
    media_seen: dict[str, _Seen] = field(default_factory=dict)  # url_key -> what it was
    hashes: set[str] = field(default_factory=set)  # sha256 of the bytes delivered


@dataclass
class _Source:
    source: str
    settings: CollectSettings  # its own depth and limits (the network settings are the run's)
    scope: _Scope
    policy: AddressPolicy = field(default_factory=AddressPolicy)
    pages_scheduled: int = 0
    media_scheduled: int = 0
    media_limit_reported: bool = False
    sitemaps_seen: set[str] = field(default_factory=set)  # url_key of sitemap files queued
    sitemap_notes: set[str] = field(default_factory=set)  # limits already reported once
    host: str = ""  # the listed host, whose next source starts when this one is done
    stats: CollectStats = field(default_factory=CollectStats)
    outstanding: int = 0  # its tasks queued or running; 0 again = the source is done
    until: float | None = None  # monotonic time its deadline ends, from its first request


@dataclass
class _Task:
    kind: str  # listed | page | media | local | sitemaps (find them) | sitemap (read one)
    url: str
    source: _Source
    depth: int = 0
    page_url: str | None = None
    placement: Placement | None = None
    guessed: bool = False  # a sitemap nobody named: the site's /sitemap.xml, tried anyway

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc if self.kind != "local" else ""


@dataclass(frozen=True)
class _Seen:
    """What is known about a media URL already fetched in this run."""

    sha256: str
    status: int | None
    final_url: str | None
    fetched_at: str | None
    size: int
    content_type: str | None


class _Scheduler:
    """Tasks for the workers: media before pages (bounds what waits in memory), and at most
    ``per_host`` tasks in flight per host."""

    _SCAN_AHEAD = 64

    def __init__(self, per_host: int, cancel: threading.Event) -> None:
        self.per_host = max(1, per_host)
        self.cancel = cancel
        self.media: deque[_Task] = deque()
        self.pages: deque[_Task] = deque()
        self.busy: Counter[str] = Counter()
        self.in_flight = 0
        self.condition = threading.Condition()

    def put(self, task: _Task) -> None:
        with self.condition:
            (self.media if task.kind == "media" else self.pages).append(task)
            self.condition.notify()

    def _pick(self, tasks: deque[_Task]) -> _Task | None:
        for index, task in enumerate(tasks):
            if index >= self._SCAN_AHEAD:
                return None
            if not task.host or self.busy[task.host] < self.per_host:
                del tasks[index]
                return task
        return None

    def get(self) -> _Task | None:
        with self.condition:
            while not self.cancel.is_set():
                task = self._pick(self.media) or self._pick(self.pages)
                if task is not None:
                    self.in_flight += 1
                    if task.host:
                        self.busy[task.host] += 1
                    return task
                if self.in_flight == 0 and not self.media and not self.pages:
                    self.condition.notify_all()
                    return None
                # Woken by put/done; the timeout only serves to notice a cancel.
                self.condition.wait(0.25)
            self.condition.notify_all()
            return None

    def done(self, task: _Task) -> None:
        with self.condition:
            self.in_flight -= 1
            if task.host:
                self.busy[task.host] -= 1
            self.condition.notify_all()

    def sizes(self) -> tuple[int, int]:
        with self.condition:
            return len(self.pages), len(self.media)


OnCandidate = Callable[[Candidate], None]
OnError = Callable[[SourceError], None]
OnProgress = Callable[[CollectProgress], None]
OnSourceDone = Callable[[str, CollectStats], None]


class Collector:
    """Turns Sources (URLs, files, folders, ZIP archives) into Candidates. One run per call
    of :meth:`collect`; a Collector may be reused for several runs, one at a time."""

    def __init__(self, settings: CollectSettings, http_cache_dir: Path) -> None:
        self.settings = settings
        self.http_cache_dir = _private_dir(Path(http_cache_dir))
        self.cache = (
            HttpCache(self.http_cache_dir, settings.max_cache_bytes) if settings.use_cache else None
        )
        # What the last run's renderer did (pages, restarts, peak memory); None: it rendered
        # nothing. Read by benchmarks/bench_render.py.
        self.render_stats: RendererStats | None = None

    # -- the run ---------------------------------------------------------------------------

    def collect(
        self,
        sources: Sequence[str],
        on_candidate: OnCandidate,
        on_error: OnError,
        on_progress: OnProgress | None = None,
        cancel: threading.Event | None = None,
        on_source_done: OnSourceDone | None = None,
        per_source: Mapping[str, CollectSettings] | None = None,
        separate_sources: bool = False,
        shown: Mapping[str, ShownPage] | None = None,
    ) -> CollectStats:
        """Collect every source in one run: requests of all sources share the workers, at
        most ``per_host`` at a time per host. ``on_source_done(source, stats)`` is called
        (like the other callbacks, never concurrently) as soon as each source's last
        request has finished, with that source's own counts. ``per_source`` gives sources
        a depth and page and image limits of their own (``depth``, ``max_pages``,
        ``max_images``; the rest of this Collector's settings apply to every source).
        ``separate_sources``: each source de-duplicates its pages and images on its own, as
        if collected alone (a scan's sources are finished and resumed one by one).
        ``shown``: sources seen in the in-app browser, by source text: the images the
        browser showed are fetched (through the same guarded path) instead of the page."""
        run = _Run(self, on_candidate, on_error, on_progress, cancel or threading.Event())
        run.on_source_done = on_source_done
        run.per_source = dict(per_source or {})
        run.separate_sources = separate_sources
        run.shown = dict(shown or {})
        try:
            return run.execute(sources)
        finally:
            self.render_stats = run.renderer.stats if run.renderer is not None else None


class _Run:
    def __init__(
        self,
        collector: Collector,
        on_candidate: OnCandidate,
        on_error: OnError,
        on_progress: OnProgress | None,
        cancel: threading.Event,
    ) -> None:
        self.settings = collector.settings
        self.cache = collector.cache
        self.cache_dir = collector.http_cache_dir
        self.on_candidate = on_candidate
        self.on_error = on_error
        self.on_progress = on_progress
        self.on_source_done: OnSourceDone | None = None
        self.cancel = cancel
        self.sources: dict[str, _Source] = {}
        self.per_source: dict[str, CollectSettings] = {}
        self.waiting: dict[str, deque[_Source]] = {}  # listed host -> sources not started
        self.host_timeouts: Counter[str] = Counter()
        self.scheduler = _Scheduler(self.settings.per_host, cancel)
        self.stats = CollectStats()
        self.callback_lock = threading.RLock()  # callbacks are never called concurrently
        self.state_lock = threading.Lock()
        self.pages_done = 0
        self.media_done = 0
        self.shared_scope = _Scope()
        self.separate_sources = False
        self.shown: dict[str, ShownPage] = {}  # sources seen in the in-app browser
        # Per site: its rules (None when it has none) and, if it could not be read, why.
        self.robots: dict[
            tuple[str, str], tuple[urllib.robotparser.RobotFileParser | None, str]
        ] = {}
        self.robots_locks: dict[tuple[str, str], threading.Lock] = {}
        self.watchdog = Watchdog()
        self.spool: Path | None = None
        self.renderer: Renderer | None = None  # started by the first page to render
        self.render_notes: set[str] = set()  # render problems already reported this run

    # -- lifecycle ---------------------------------------------------------------------------

    def execute(self, sources: Sequence[str]) -> CollectStats:
        started = time.monotonic()
        spool_root = _private_dir(self.cache_dir / "spool")
        _remove_stale_spools(spool_root)
        self.spool = Path(tempfile.mkdtemp(prefix="run-", dir=spool_root))
        try:
            self._schedule_sources(sources)
            workers = [
                threading.Thread(target=self._work, name=f"faceaudit-collect-{index}", daemon=True)
                for index in range(max(1, self.settings.concurrency))
            ]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
        finally:
            self.watchdog.close()
            if self.renderer is not None:
                self.renderer.close()
            shutil.rmtree(self.spool, ignore_errors=True)
        self.stats.cancelled = self.cancel.is_set()
        self.stats.seconds = time.monotonic() - started
        return self.stats

    def _schedule_sources(self, sources: Sequence[str]) -> None:
        """The first source of each host starts now, the next when it is finished: a host's
        sources go one after another (findings arrive in the listed order), all hosts at
        once (the global ``concurrency`` is shared by every host)."""
        for raw in dict.fromkeys(sources):
            text = str(raw).strip()
            if not text or text in self.sources:
                continue
            own = self.per_source.get(raw) or self.per_source.get(text) or self.settings
            scope = _Scope() if self.separate_sources else self.shared_scope
            source = self.sources[text] = _Source(text, own, scope)
            host = urlsplit(text).netloc.lower() if is_web_url(text) else "local"
            self.waiting.setdefault(host, deque()).append(source)
        for host in list(self.waiting):
            self._start_next(host)

    def _start_next(self, host: str) -> None:
        while True:
            with self.state_lock:
                queue = self.waiting.get(host)
                if not queue:
                    return
                source = queue.popleft()
                source.host = host
            self._start(source)
            if source.outstanding > 0:
                return
            self._source_done(source)  # nothing to fetch (an unusable URL, a repeat listing)

    def _start(self, source: _Source) -> None:
        text = source.source
        if not is_web_url(text):
            self._queue(_Task("local", text, source))
            return
        if text in self.shown:
            self._start_shown(source, self.shown[text])
            return
        try:
            url = normalise_url(text)
        except InvalidURL as error:
            self._error(text, f"This is not a usable URL: {error}.", source=text)
            return
        if self.settings.verify_tls is False or (
            urlsplit(url).hostname in self.settings.unverified_tls_hosts
        ):
            self._error(
                url,
                "Certificate checks are OFF for this source, as you asked: anyone on the "
                "network path could change what FaceAudit sees. Turn them back on unless "
                "you know why they fail.",
                source=text,
            )
        self._add_page(_Task("listed", url, source), listed=True)

    def _queue(self, task: _Task) -> None:
        with self.state_lock:
            task.source.outstanding += 1
        self.scheduler.put(task)

    def _task_done(self, task: _Task) -> None:
        """Called before the scheduler hears the task is done, so that the next source of
        the host is queued before idle workers may conclude there is nothing left."""
        with self.state_lock:
            task.source.outstanding -= 1
            finished = task.source.outstanding == 0
        if finished and not self.cancel.is_set():
            self._source_done(task.source)
            self._start_next(task.source.host)

    def _source_done(self, source: _Source) -> None:
        if self.on_source_done is not None:
            with self.callback_lock:
                self.on_source_done(source.source, source.stats)

    def _work(self) -> None:
        fetcher = Fetcher(
            self.settings.fetch_limits(),
            cache=self.cache,
            watchdog=self.watchdog,
            spool_dir=self.spool,
            cancel=self.cancel,
            user_agent=self.settings.user_agent,
        )
        try:
            while (task := self.scheduler.get()) is not None:
                try:
                    skipped = self._skip_reason(task)
                    if skipped is not None:
                        self._error(
                            task.url, skipped, source=task.source.source, page_url=task.page_url
                        )
                    else:
                        self._run_task(task, fetcher)
                except Cancelled:
                    pass
                except Exception as error:  # a bug must cost one URL, never the run
                    self._error(
                        task.url,
                        f"FaceAudit failed on this item ({type(error).__name__}: {error}).",
                        source=task.source.source,
                        page_url=task.page_url,
                    )
                finally:
                    self._task_done(task)
                    self.scheduler.done(task)
                    self._progress(task.url)
        finally:
            fetcher.close()

    def _run_task(self, task: _Task, fetcher: Fetcher) -> None:
        if task.kind == "local":
            self._run_local(task)
        elif task.kind == "media":
            self._run_media(task, fetcher)
        elif task.kind == "sitemaps":
            self._find_sitemaps(task, fetcher)
        elif task.kind == "sitemap":
            self._run_sitemap(task, fetcher)
        else:
            self._run_page(task, fetcher)

    # -- callbacks ---------------------------------------------------------------------------

    def _skip_reason(self, task: _Task) -> str | None:
        """Why a task is not run: its source's time is up, or its host is out of budget."""
        if task.kind == "local":
            return None
        budget = self.settings.host_failure_budget
        with self.state_lock:
            source = task.source
            if source.until is None:
                source.until = time.monotonic() + self.settings.source_deadline
            elif time.monotonic() >= source.until:
                return (
                    f"Not fetched: the source's total time limit "
                    f"({self.settings.source_deadline:.0f} s) ran out before this address "
                    "was reached. Scan it again later, or raise the limit if the site is slow."
                )
            timeouts = self.host_timeouts[task.host]
        if budget > 0 and timeouts >= budget:
            return (
                f"Not fetched: {urlsplit(task.url).hostname} did not answer in time "
                f"{timeouts} times in this run, so FaceAudit stopped asking it. "
                "Scan again later, when the site responds."
            )
        return None

    def _fetch(self, task: _Task, fetcher: Fetcher, caps: dict[str, int] | None = None) -> Response:
        """``fetcher.get`` within the source's time limit, counting the host's timeouts."""
        try:
            return fetcher.get(
                task.url,
                task.source.policy,
                caps=caps,
                use_cache=self.settings.use_cache,
                until=task.source.until,
            )
        except FetchError as error:
            if error.timed_out:
                with self.state_lock:
                    self.host_timeouts[task.host] += 1
            raise

    def _error(
        self,
        url: str,
        message: str,
        *,
        source: str | None = None,
        page_url: str | None = None,
        kind: str = "failed",
    ) -> None:
        with self.callback_lock:
            self.stats.errors += 1
            if source in self.sources:
                self.sources[source].stats.errors += 1
            self.on_error(
                SourceError(url=url, error=message, source=source, page_url=page_url, kind=kind)
            )

    def _progress(self, current: str) -> None:
        if self.on_progress is None:
            return
        pages, media = self.scheduler.sizes()
        with self.callback_lock:
            self.on_progress(
                CollectProgress(
                    pages_done=self.pages_done,
                    pages_queued=pages,
                    media_done=self.media_done,
                    media_queued=media,
                    candidates=self.stats.images + self.stats.frames + self.stats.repeats,
                    errors=self.stats.errors,
                    current=current,
                )
            )

    def _emit(self, candidate: Candidate) -> None:
        with self.callback_lock:
            source = self.sources.get(candidate.provenance.source)
            for stats in (self.stats, source.stats if source else None):
                if stats is None:
                    continue
                if candidate.repeat_of is not None:
                    stats.repeats += 1
                elif candidate.frame is not None:
                    stats.frames += 1
                else:
                    stats.images += 1
            self.on_candidate(candidate)

    # -- pages -------------------------------------------------------------------------------

    def _add_page(self, task: _Task, *, listed: bool = False) -> bool:
        key = url_key(task.url)
        with self.state_lock:
            if key in task.source.scope.pages_seen:
                return False
            source = task.source
            if not listed and source.pages_scheduled >= source.settings.max_pages:
                return False
            task.source.scope.pages_seen.add(key)
            source.pages_scheduled += 1
        self._queue(task)
        return True

    def _run_page(self, task: _Task, fetcher: Fetcher) -> None:
        if task.kind == "listed":
            parts = urlsplit(task.url)
            port = parts.port or DEFAULT_PORTS[parts.scheme]
            # The listed address on the listed port: not the other services of that machine.
            task.source.policy = AddressPolicy.for_listed_host(parts.hostname or "", port)
            if task.source.settings.sitemap:  # after the policy: it reaches the same host
                self._queue(_Task("sitemaps", task.url, task.source))
        elif self.settings.robots and (refusal := self._robots_refusal(task, fetcher)):
            self._error(
                task.url,
                refusal,
                source=task.source.source,
                page_url=task.page_url,
                kind="skipped",
            )
            return
        try:
            response = self._fetch(task, fetcher)
        except FetchError as error:
            if error.status in GONE_STATUSES:
                self._checked(task, task.url)
            self._error(
                task.url,
                str(error),
                source=task.source.source,
                page_url=task.page_url,
                kind="skipped" if error.skipped else "failed",
            )
            return
        self._count(task, response)
        if response.kind in ("html", "image", "video"):
            self._checked(task, task.url, response.final_url)
        try:
            if response.kind == "html":
                self._read_page(task, response)
            elif response.kind in ("image", "video"):
                found_by = "direct" if task.kind == "listed" else "link"
                self._deliver(task, response, Placement(task.url, response.kind, [found_by]), None)
            else:
                self._error(
                    task.url,
                    "This address returned neither a web page, an image nor a video "
                    f"(the server called it {response.claimed_type or 'nothing'}).",
                    source=task.source.source,
                    page_url=task.page_url,
                    kind="skipped",
                )
        finally:
            response.discard()

    def _checked(self, task: _Task, *urls: str) -> None:
        with self.state_lock:
            for stats in (self.stats, task.source.stats):
                stats.checked.extend(dict.fromkeys(urls))

    def _count(self, task: _Task, response: Response) -> None:
        with self.state_lock:
            for stats in (self.stats, task.source.stats):
                if response.from_cache:
                    stats.from_cache += 1
                else:
                    stats.bytes_downloaded += response.size

    def _read_page(self, task: _Task, response: Response) -> None:
        assert response.body is not None
        with self.state_lock:
            self.pages_done += 1
            self.stats.pages += 1
            task.source.stats.pages += 1
            task.source.scope.pages_seen.add(url_key(response.final_url))
        contents = extract_page(response.body, response.final_url, response.claimed_type)
        if contents.too_deep:
            self._error(
                task.url,
                "This page's markup is nested too deeply to read safely (far beyond the 512 "
                "levels where browsers stop nesting); FaceAudit did not read its images. "
                "If the page matters, save the images you see and add them as files.",
                source=task.source.source,
            )
        if contents.dropped_images:
            self._error(
                task.url,
                f"The page shows more than {MAX_IMAGES_PER_PAGE} images; only the first "
                f"{MAX_IMAGES_PER_PAGE} were examined ({contents.dropped_images} more "
                "placements skipped).",
                source=task.source.source,
            )
        for placement in contents.images:
            if placement.data is not None:
                self._deliver_data_uri(task, response, placement)
            else:
                self._add_media(
                    _Task(
                        "media",
                        placement.url,
                        task.source,
                        task.depth,
                        response.final_url,
                        placement,
                    )
                )
        if task.depth < task.source.settings.depth:
            for link in contents.links:
                self._add_page(_Task("page", link, task.source, task.depth + 1, response.final_url))
        if task.source.settings.render:
            known = {url_key(placement.url) for placement in contents.images}
            self._render_page(task, response.final_url, known)

    # -- pages seen in the in-app browser ----------------------------------------------------

    def _start_shown(self, source: _Source, page: ShownPage) -> None:
        """Fetch the images the person's browser showed on the page, not the page itself (a
        plain fetch may see an empty shell, or a login page)."""
        try:
            url = normalise_url(page.url)
        except InvalidURL as error:
            self._error(page.url, f"This is not a usable URL: {error}.", source=source.source)
            return
        parts = urlsplit(url)
        # The address the person browsed to, on its port, as for a listed page.
        port = parts.port or DEFAULT_PORTS[parts.scheme]
        source.policy = AddressPolicy.for_listed_host(parts.hostname or "", port)
        with self.state_lock:
            for stats in (self.stats, source.stats):
                stats.checked.append(BROWSER_CHECKED_PREFIX + url)
        shown = shown_page(
            [
                (image, f"browser:{how}", "video" if how == "video" else "image")
                for image, how in page.images
            ],
            [],
            url,
        )
        drawn = 0
        for placement in shown.images:
            if placement.data is not None:
                drawn += 1  # made by the page's scripts: no address to fetch it from
                continue
            self._add_media(_Task("media", placement.url, source, 0, url, placement))
        if drawn:
            self._error(
                url,
                f"{drawn} image(s) on this page were drawn by the page itself (data: "
                "addresses) and were not examined.",
                source=source.source,
                kind="skipped",
            )

    # -- render mode -------------------------------------------------------------------------

    def _render_page(self, task: _Task, page_url: str, known: set[str]) -> None:
        """Add what a browser shows on the page beyond what its HTML already placed."""
        source = task.source
        with self.state_lock:
            if self.renderer is None:
                self.renderer = Renderer(memory_limit=self.settings.render_memory_mb << 20)
            renderer = self.renderer
        deadline = source.settings.render_deadline
        try:
            page = renderer.render(
                page_url, source.policy, deadline=deadline, profile=source.source
            )
        except RenderUnavailable as error:
            if "unavailable" not in self.render_notes:
                self.render_notes.add("unavailable")
                self._error(task.url, f"{error.what} {error.todo}", source=source.source)
            return
        except RenderError as error:
            self._error(task.url, f"{error.what} {error.todo}", source=source.source)
            return
        if not page.loaded:
            self._error(task.url, render.not_loaded_message(), source=source.source)
            return
        if not page.settled:
            self._error(task.url, render.still_loading_message(deadline), source=source.source)
        if page.blocked:
            self._error(
                task.url, render.blocked_message(page.blocked), source=source.source, kind="skipped"
            )
        shown = shown_page(
            [(url, f"rendered:{how}", kind) for url, how, kind in page.images],
            list(page.links),
            page.url or page_url,
        )
        for placement in shown.images:
            if placement.data is not None:
                continue  # a data: image made by a script: its HTML twin is read statically
            if url_key(placement.url) in known:
                continue  # the HTML already placed it
            self._add_media(_Task("media", placement.url, source, task.depth, page_url, placement))
        if task.depth < source.settings.depth:
            for link in shown.links:
                self._add_page(_Task("page", link, source, task.depth + 1, page_url))

    def _add_media(self, task: _Task) -> None:
        source = task.source
        limit = source.settings.max_images
        with self.state_lock:
            within = source.media_scheduled < limit
            if within:
                source.media_scheduled += 1
            report = not within and not source.media_limit_reported
            if report:
                source.media_limit_reported = True
        if within:
            self._queue(task)
        elif report:
            self._error(
                task.url,
                f"This source reached its limit of {limit} images; the rest were "
                "not fetched. Raise the limit or list fewer pages.",
                source=task.source.source,
                page_url=task.page_url,
                kind="skipped",
            )

    # -- robots.txt --------------------------------------------------------------------------

    def _robots_refusal(self, task: _Task, fetcher: Fetcher) -> str:
        """Why robots.txt keeps the crawler off this page, or "" when it may fetch it."""
        parser, unreadable = self._robots_of(task, fetcher)
        if unreadable:
            # RFC 9309 §2.3.1.4: an unreachable robots.txt means "disallow everything" — but
            # the site did not ask that, and the person must not be told it did.
            return (
                f"The site's robots.txt could not be read ({unreadable}), so FaceAudit did not "
                "crawl this page (an unreadable robots.txt counts as 'do not crawl'). Scan "
                "again later, or list the page yourself to check it anyway."
            )
        if parser is None or parser.can_fetch(ROBOTS_AGENT, task.url):
            return ""
        return (
            "The site's robots.txt asks crawlers not to fetch this page, so FaceAudit "
            "skipped it. List the page yourself to check it anyway."
        )

    def _robots_of(
        self, task: _Task, fetcher: Fetcher
    ) -> tuple[urllib.robotparser.RobotFileParser | None, str]:
        """The site's robots.txt, fetched once per run (None: the site has none), and why it
        could not be read, if it could not."""
        site = site_of(task.url)
        with self.state_lock:
            lock = self.robots_locks.setdefault(site, threading.Lock())
        with lock:
            if site not in self.robots:
                self.robots[site] = self._fetch_robots(site, task.source.policy, fetcher)
        return self.robots[site]

    def _fetch_robots(
        self, site: tuple[str, str], policy: AddressPolicy, fetcher: Fetcher
    ) -> tuple[urllib.robotparser.RobotFileParser | None, str]:
        """The site's rules (None: no robots.txt, everything allowed), or why they could not
        be read."""
        url = f"{site[0]}://{site[1]}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(url)
        caps = dict.fromkeys(("html", "image", "video", "other"), MAX_ROBOTS_BYTES)
        try:
            response = fetcher.get(url, policy, caps=caps)
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500:
                return None, ""  # no robots.txt: everything allowed (RFC 9309)
            if error.timed_out:
                return None, "the server timed out"
            if error.status is not None:
                return None, f"the server answered HTTP {error.status}"
            return None, str(error).rstrip(".")
        body = response.body or b""
        response.discard()
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser, ""

    # -- sitemaps ----------------------------------------------------------------------------

    def _find_sitemaps(self, task: _Task, fetcher: Fetcher) -> None:
        """The sitemaps robots.txt names on the listed site, else its /sitemap.xml."""
        scheme, netloc = site_of(task.url)
        robots_url = f"{scheme}://{netloc}/robots.txt"
        parser, _ = self._robots_of(task, fetcher)
        named = sitemaps_in_robots(parser.site_maps() if parser else None, robots_url)
        for url in named or [f"{scheme}://{netloc}/sitemap.xml"]:
            self._add_sitemap(_Task("sitemap", url, task.source, guessed=not named))

    def _add_sitemap(self, task: _Task) -> None:
        source = task.source
        with self.state_lock:
            key = url_key(task.url)
            if key in source.sitemaps_seen:
                return
            full = len(source.sitemaps_seen) >= MAX_SITEMAPS_PER_SOURCE
            if not full:
                source.sitemaps_seen.add(key)
        if full:
            self._note(
                task,
                "sitemaps",
                f"The site has more than {MAX_SITEMAPS_PER_SOURCE} sitemaps; only the first "
                f"{MAX_SITEMAPS_PER_SOURCE} were read.",
            )
            return
        self._queue(task)

    def _note(self, task: _Task, what: str, message: str) -> None:
        """Report a limit of the source once, however many times it is reached."""
        with self.state_lock:
            first = what not in task.source.sitemap_notes
            task.source.sitemap_notes.add(what)
        if first:
            self._error(task.url, message, source=task.source.source)

    def _pages_full(self, source: _Source) -> bool:
        with self.state_lock:
            return source.pages_scheduled >= source.settings.max_pages

    def _run_sitemap(self, task: _Task, fetcher: Fetcher) -> None:
        source = task.source
        if self._pages_full(source):
            return  # the page limit is reached: more sitemaps would add nothing
        caps = dict.fromkeys(("html", "image", "video", "other"), MAX_SITEMAP_BYTES)
        try:
            response = self._fetch(task, fetcher, caps)
        except FetchError as error:
            if task.guessed and error.status in GONE_STATUSES:
                linked = " and the pages it links to" if source.settings.depth else ""
                self._error(
                    task.url,
                    "The site has no sitemap (its robots.txt names none and it has no "
                    f"/sitemap.xml), so only the listed page{linked} was read.",
                    source=source.source,
                )
            else:
                self._error(
                    task.url, f"The sitemap could not be read: {error}", source=source.source
                )
            return
        self._count(task, response)
        try:
            if response.body is None or response.kind in ("image", "video"):
                raise SitemapError(f"it is {'an image' if response.kind == 'image' else 'a video'}")
            contents = parse_sitemap(response.body, response.final_url)
        except SitemapError as error:
            self._error(
                task.url,
                f"This sitemap could not be read: {error}. Its pages were not visited.",
                source=source.source,
            )
            return
        finally:
            response.discard()
        if contents.truncated:
            self._error(
                task.url,
                f"Only part of this sitemap was read: {contents.truncated}.",
                source=source.source,
            )
        if contents.other_site and not (contents.pages or contents.sitemaps):
            self._error(
                task.url,
                f"This sitemap lists only addresses on other sites ({contents.other_site}); "
                "FaceAudit reads only the site you listed.",
                source=source.source,
            )
        level = task.depth + 1
        if contents.sitemaps and level >= MAX_SITEMAP_LEVELS:
            self._note(
                task,
                "levels",
                f"The site's sitemap indexes nest more than {MAX_SITEMAP_LEVELS} levels "
                "deep; the deeper ones were not read.",
            )
        elif contents.sitemaps:
            for url in contents.sitemaps:
                self._add_sitemap(_Task("sitemap", url, source, depth=level))
        # Pages a sitemap lists are read, their links not followed: the sitemap lists the site.
        depth = source.settings.depth
        for url in contents.pages:
            if self._pages_full(source):
                self._note(
                    task,
                    "pages",
                    f"The site's sitemaps list more pages than this source's limit of "
                    f"{source.settings.max_pages}; the rest were not read. Raise the page "
                    "limit (--max-pages) to read more.",
                )
                break
            self._add_page(_Task("page", url, source, depth, response.final_url))

    # -- media -------------------------------------------------------------------------------

    def _run_media(self, task: _Task, fetcher: Fetcher) -> None:
        assert task.placement is not None
        with self.state_lock:
            seen = task.source.scope.media_seen.get(url_key(task.url))
        if seen is not None:
            self._repeat(task, task.placement, seen)
            return
        try:
            response = self._fetch(task, fetcher)
        except FetchError as error:
            self._error(
                task.url,
                str(error),
                source=task.source.source,
                page_url=task.page_url,
                kind="skipped" if error.skipped else "failed",
            )
            return
        self._count(task, response)
        with self.state_lock:
            self.media_done += 1
        try:
            if response.kind in ("image", "video"):
                self._deliver(task, response, task.placement, task.page_url)
            elif _is_svg(response):
                pass  # vector drawings (logos, icons) are not photographs of anyone
            else:
                what = "a web page" if response.kind == "html" else "not an image or a video"
                self._error(
                    task.url,
                    f"This image address returned {what} (the server called it "
                    f"{response.claimed_type or 'nothing'}); it was skipped.",
                    source=task.source.source,
                    page_url=task.page_url,
                    kind="skipped",
                )
        finally:
            response.discard()

    def _provenances(
        self,
        task: _Task,
        placement: Placement,
        page_url: str | None,
        seen: _Seen,
    ) -> tuple[Provenance, tuple[Provenance, ...]]:
        first = Provenance(
            source=task.source.source,
            page_url=page_url,
            image_url=placement.url,
            found_by=placement.found_by[0],
            http_status=seen.status,
            final_url=seen.final_url,
            fetched_at=seen.fetched_at,
            byte_size=seen.size,
            sha256=seen.sha256,
            content_type=seen.content_type,
        )
        others = tuple(replace(first, found_by=how) for how in placement.found_by[1:])
        return first, others

    def _repeat(self, task: _Task, placement: Placement, seen: _Seen) -> None:
        first, others = self._provenances(task, placement, task.page_url, seen)
        self._emit(Candidate(first, also_at=others, repeat_of=seen.sha256))

    def _deliver(
        self, task: _Task, response: Response, placement: Placement, page_url: str | None
    ) -> None:
        content_type = _content_type(response)
        seen = _Seen(
            response.sha256,
            response.status,
            response.final_url,
            response.fetched_at,
            response.size,
            content_type,
        )
        with self.state_lock:
            task.source.scope.media_seen[url_key(placement.url)] = seen
            repeat = response.sha256 in task.source.scope.hashes
            task.source.scope.hashes.add(response.sha256)
        if repeat:
            self._repeat(task, placement, seen)
            return
        first, others = self._provenances(task, placement, page_url, seen)
        if response.kind == "image":
            self._emit(Candidate(first, data=response.body, also_at=others))
        elif response.path is not None:
            self._emit_frames(task, response.path, first, others)

    def _deliver_data_uri(self, task: _Task, response: Response, placement: Placement) -> None:
        data = placement.data or b""
        fmt = sniff_format(data[:64])
        if fmt is None:
            return
        digest = hashlib.sha256(data).hexdigest()
        seen = _Seen(
            digest,
            response.status,
            response.final_url,
            response.fetched_at,
            len(data),
            MIME_TYPES[fmt],
        )
        with self.state_lock:
            repeat = digest in task.source.scope.hashes
            task.source.scope.hashes.add(digest)
        data_placement = Placement(placement.url, "image", ["data-uri", *placement.found_by])
        first, others = self._provenances(task, data_placement, response.final_url, seen)
        if repeat:
            self._emit(Candidate(first, also_at=others, repeat_of=digest))
        else:
            self._emit(Candidate(first, data=data, also_at=others))

    def _emit_frames(
        self, task: _Task, path: Path, first: Provenance, others: tuple[Provenance, ...]
    ) -> None:
        settings = self.settings
        frames = 0
        try:
            for frame in sample_frames_contained(
                path,
                every=settings.video_every,
                max_seconds=settings.video_max_seconds,
                max_frames=settings.video_max_frames,
                scene_changes=settings.video_scene_changes,
            ):
                if self.cancel.is_set():
                    return
                provenance = replace(first, found_by="video-frame", frame_time=frame.time)
                self._emit(
                    Candidate(provenance, frame=frame.image, also_at=others if frames == 0 else ())
                )
                frames += 1
        except VideoError as error:
            self._error(
                first.image_url,
                f"The video could not be sampled: {error}.",
                source=task.source.source,
                page_url=first.page_url,
            )

    # -- local sources -----------------------------------------------------------------------

    def _run_local(self, task: _Task) -> None:
        source = Path(task.url).expanduser()
        for item in walk_local(source, max_video_bytes=self.settings.max_video_bytes):
            if self.cancel.is_set():
                return
            if isinstance(item, LocalError):
                self._error(str(source), str(item), source=task.url)
                continue
            self._deliver_local(task, item)

    def _deliver_local(self, task: _Task, item: LocalItem) -> None:
        digest = item.sha256
        size = (
            len(item.data)
            if item.data is not None
            else (item.path.stat().st_size if item.path else 0)
        )
        fmt = sniff_format(item.data[:64]) if item.data is not None else None
        provenance = Provenance(
            source=task.source.source,
            page_url=None,
            image_url=item.location,
            found_by=item.found_by,
            byte_size=size,
            sha256=digest,
            content_type=MIME_TYPES.get(fmt or "", _video_type(item.path)),
        )
        with self.state_lock:
            repeat = digest in task.source.scope.hashes
            task.source.scope.hashes.add(digest)
            self.media_done += 1
        if repeat:
            self._emit(Candidate(provenance, repeat_of=digest))
        elif item.kind == "image":
            self._emit(Candidate(provenance, data=item.data))
        elif item.path is not None:
            self._emit_frames(task, item.path, provenance, ())


STALE_SPOOL_SECONDS = 24 * 3600


def _remove_stale_spools(spool_root: Path) -> None:
    """Videos left behind by a run that crashed; a run still going is never this old."""
    cutoff = time.time() - STALE_SPOOL_SECONDS
    for folder in spool_root.glob("run-*"):
        with contextlib.suppress(OSError):
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)


def _is_svg(response: Response) -> bool:
    return response.body is not None and b"<svg" in response.body[:4096].lower()


def _content_type(response: Response) -> str | None:
    if response.kind == "image" and response.sniffed_format:
        return MIME_TYPES.get(response.sniffed_format)
    if response.kind == "video":
        return _video_type(response.path)
    return None


def _video_type(path: Path | None) -> str | None:
    if path is None:
        return None
    with contextlib.suppress(OSError), path.open("rb") as handle:
        head = handle.read(12)
        if head[:4] == b"\x1a\x45\xdf\xa3":
            return "video/webm"
        if head[8:12] == b"qt  ":
            return "video/quicktime"
        return "video/mp4"
    return None
