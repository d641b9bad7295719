"""Ready-made scans for the CLI and the GUI: one-shot (memory only) and of a Case (durable).

Both build the same :class:`~faceaudit.scan.pipeline.Scanner`; they differ in the sink and in
where the references come from.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from faceaudit.collect.types import Candidate, ShownPage, SourceError
from faceaudit.errors import FaceAuditError
from faceaudit.faces.types import Reference
from faceaudit.scan.case_sink import CaseSink
from faceaudit.scan.control import ScanControl
from faceaudit.scan.pipeline import (
    Decoder,
    FaceBackend,
    Measure,
    ProgressCallback,
    Scanner,
    ScanOutcome,
    ScanSettings,
    SourceCollector,
)
from faceaudit.scan.sinks import MemorySink

if TYPE_CHECKING:
    from faceaudit.faces.engine import FaceEngine
    from faceaudit.paths import Paths
    from faceaudit.store import Case, SourceSettings


def default_workers(threads: int) -> int:
    """Inference threads for a CPU budget of ``threads`` cores: one single-threaded session each.

    Measured on the 65 deepface photos, on a 2-core machine also busy with other work: two
    threads with 1-thread sessions took 2.6 s, one thread with a 2-thread session 12.2 s (its
    intra-op threads wait on each other at every operator when the cores are shared).
    """
    return max(1, threads)


def scan_engine(engine: FaceEngine) -> FaceEngine:
    """The same models and thresholds with one-thread sessions, for the scan's worker threads.

    Sessions load lazily, so this costs nothing until the scan analyses its first image.
    """
    from faceaudit.faces.engine import FaceEngine

    if engine.threads == 1:
        return engine
    return FaceEngine(engine.pack_dir, threads=1, thresholds=engine.thresholds)


# Decoder processes of a scan: decoding takes a few percent of the time analysis does, and
# each process costs about 50 MB of its own, so their number follows the cores, not
# --workers (eight workers on two cores would otherwise start eight of them).
MAX_DECODER_PROCESSES = 4


def decoder_processes(workers: int) -> int:
    cores = os.cpu_count() or 1
    return max(1, min(workers, MAX_DECODER_PROCESSES, (cores + 1) // 2))


@contextmanager
def image_decoder(settings: ScanSettings) -> Iterator[tuple[Decoder, Measure]]:
    """Decode untrusted bytes in crash-contained worker processes (or in-thread, if asked),
    and read the size of an image from its header the same way."""
    if not settings.contain_decoding:
        from faceaudit.imaging import decode, probe

        yield decode, lambda data: probe(data).pixels
        return
    from faceaudit.collect.sandbox import ContainedDecoder

    with ContainedDecoder(workers=decoder_processes(settings.workers)) as contained:
        contained.warm_up()
        yield contained.decode, contained.pixels


def _run(
    engine: FaceBackend,
    references: Sequence[Reference],
    sources: Sequence[str],
    collector: SourceCollector,
    sink: Any,
    settings: ScanSettings,
    *,
    resume: bool,
    control: ScanControl | None,
    on_progress: ProgressCallback | None,
) -> ScanOutcome:
    with image_decoder(settings) as (decoder, measure):
        scanner = Scanner(
            engine,
            references,
            collector,
            sink,
            settings,
            control=control,
            on_progress=on_progress,
            decoder=decoder,
            measure=measure,
        )
        return scanner.run(sources, resume=resume)


def scan_one_shot(
    engine: FaceBackend,
    references: Sequence[Reference],
    sources: Sequence[str],
    collector: SourceCollector,
    settings: ScanSettings | None = None,
    *,
    control: ScanControl | None = None,
    on_progress: ProgressCallback | None = None,
) -> ScanOutcome:
    """Scan without a case: faces and findings stay in memory and are returned."""
    return _run(
        engine,
        references,
        sources,
        collector,
        MemorySink(),
        settings or ScanSettings(),
        resume=False,
        control=control,
        on_progress=on_progress,
    )


def scan_case(
    engine: FaceBackend,
    case: Case,
    collector: SourceCollector,
    settings: ScanSettings | None = None,
    *,
    resume: bool = False,
    cache_namespace: str = "buffalo_sc",
    control: ScanControl | None = None,
    on_progress: ProgressCallback | None = None,
    references: Sequence[Reference] | None = None,
    source_changes: Mapping[str, Any] | None = None,
    only_sources: Collection[int] | None = None,
) -> ScanOutcome:
    """Scan the case's sources with its references; ``resume`` continues an unfinished scan.

    ``only_sources`` (source ids) scans just those, e.g. to retry one that failed: findings
    of the other sources are then "not checked" by this scan, never "gone".

    ``references`` replaces the case's stored embeddings, e.g. the stored photos re-embedded
    with another model pack (embeddings of different packs cannot be compared). Each source
    is collected with the settings saved with it (depth, max pages...); ``source_changes``
    (e.g. ``{"depth": 2}``) changes them for every source, and is saved for the next scans.
    """
    references = list(references) if references is not None else case.references()
    if not references:
        raise FaceAuditError(
            "This case has no reference photo yet, so there is nothing to compare faces with.",
            "Add a photo of yourself with `faceaudit enroll --case NAME PHOTO`.",
        )
    rows = case.sources()
    if only_sources is not None:
        rows = [row for row in rows if row.id in only_sources]
    else:
        # Pages seen in the in-app browser are scanned from there (faceaudit.scan.browser):
        # a plain fetch may see an empty shell. Their findings stay "not checked".
        rows = [row for row in rows if not row.seen_in_browser]
    sources = [row.url_or_path for row in rows]
    if not sources:
        raise FaceAuditError(
            "This case lists no source to scan.",
            "Add the pages to search with `faceaudit sources add --case NAME URL...`.",
        )
    sink = CaseSink(case, cache_namespace)
    with case.exclusive_scan():
        browser = getattr(collector, "set_browser_sources", None)
        if browser is not None:
            browser([row.url_or_path for row in rows if row.seen_in_browser])
        configure = getattr(collector, "configure_sources", None)
        if configure is not None:
            defaults = collector.default_source_settings()  # type: ignore[attr-defined]
            configure(_source_settings(case, rows, source_changes or {}, defaults))
        outcome = _run(
            engine,
            references,
            sources,
            collector,
            sink,
            settings or ScanSettings(),
            resume=resume,
            control=control,
            on_progress=on_progress,
        )
    outcome.scan_id = sink.scan_id
    outcome.stats = sink.stats or outcome.stats  # a resumed scan: both parts
    outcome.resumed = sink.resumed
    outcome.previous_scan_id = sink.previous_scan_id
    return outcome


def _source_settings(
    case: Case, rows: Sequence[Any], changes: Mapping[str, Any], defaults: SourceSettings
) -> dict[str, SourceSettings]:
    """Each source's saved settings (``defaults`` if none yet) with ``changes`` applied; saved
    with the source, so the next scan reaches the same pages."""
    chosen = {}
    for row in rows:
        saved = row.settings if "depth" in row.options else defaults
        settings = dataclasses.replace(saved, **changes) if changes else saved
        if settings != row.settings or "depth" not in row.options:
            case.set_source_settings(row.id, settings)
        chosen[row.url_or_path] = settings
    return chosen


# -- the collector, one source at a time ----------------------------------------------------------

BROWSER_ONLY_REASON = (
    "This page was seen in the in-app browser: FaceAudit does not fetch it on its own (it may "
    "show nothing without a browser, or without your login). Scan it again from the Browser "
    "screen."
)


class WebCollector:
    """Adapts faceaudit.collect's Collector to the pipeline: all sources in one collection
    (``collect_sources``, what the scan uses: requests of every host overlap), or one source
    per call (``collect_source``). Either way the scan learns when each source is finished
    (to mark it done for --resume). A source with settings of its own (``per_source``:
    depth, max pages...) is collected with them.
    """

    def __init__(
        self,
        paths: Paths,
        *,
        depth: int = 0,
        max_pages: int | None = None,
        network: dict[str, Any] | None = None,
        use_cache: bool = True,
    ) -> None:
        from faceaudit.collect import CollectSettings
        from faceaudit.config import load_config

        self.http_cache = paths.http_cache
        # The person's saved network settings (timeouts, limits, robots.txt), then the caller's.
        options: dict[str, Any] = {
            "depth": depth,
            "use_cache": use_cache,
            **load_config(paths).config.network_options(),
            **(network or {}),
        }
        if max_pages is not None:
            options["max_pages"] = max_pages
        self.settings = CollectSettings(**options)
        self.max_pages = max_pages
        self.per_source: dict[str, Any] = {}  # source -> CollectSettings
        # Pages seen in the in-app browser: what it showed (ShownPage) is collected instead
        # of the page; such a source without it is not fetched (see set_browser_sources).
        self.shown: dict[str, ShownPage] = {}
        self.browser_sources: set[str] = set()
        self._local = threading.local()

    def set_browser_sources(self, sources: Collection[str]) -> None:
        """Sources seen in the in-app browser: collected only from what it showed."""
        self.browser_sources = set(sources)

    def _unseen(self, source: str) -> bool:
        return source in self.browser_sources and source not in self.shown

    def _not_fetched(self, source: str, on_error: Callable[[SourceError], None]) -> None:
        on_error(
            SourceError(
                url=source,
                error=BROWSER_ONLY_REASON,
                source=source,
                kind="skipped",
            )
        )

    def default_source_settings(self) -> SourceSettings:
        """The settings of a source that has none saved yet: this collector's."""
        from faceaudit.store import SourceSettings

        return SourceSettings(
            depth=self.settings.depth,
            max_pages=self.max_pages,
            sitemap=self.settings.sitemap,
            render=self.settings.render,
        )

    def configure_sources(self, settings: Mapping[str, SourceSettings]) -> None:
        """Collect each of these sources with its own depth, page limit, sitemap, render."""
        known = {f.name for f in dataclasses.fields(self.settings)}
        self.per_source = {
            source: dataclasses.replace(
                self.settings,
                **{
                    key: value
                    for key, value in chosen.to_options().items()
                    if key in known and value is not None
                },
            )
            for source, chosen in settings.items()
        }

    def collect_source(
        self,
        source: str,
        on_candidate: Callable[[Candidate], None],
        on_error: Callable[[SourceError], None],
        cancel: threading.Event,
    ) -> dict[str, Any]:
        if self._unseen(source):
            self._not_fetched(source, on_error)
            return {"checked": []}
        settings = self.per_source.get(source, self.settings)
        collectors = getattr(self._local, "collectors", None)
        if collectors is None:
            collectors = self._local.collectors = {}
        collector = collectors.get(settings)
        if collector is None:
            from faceaudit.collect import Collector

            collector = collectors[settings] = Collector(settings, self.http_cache)
        stats = collector.collect(
            [source], on_candidate=on_candidate, on_error=on_error, cancel=cancel, shown=self.shown
        )
        counts = _as_counts(stats)
        counts["checked"] = list(getattr(stats, "checked", ()))
        return counts

    def collect_sources(
        self,
        sources: Sequence[str],
        on_candidate: Callable[[Candidate], None],
        on_error: Callable[[SourceError], None],
        on_source_done: Callable[[str, dict[str, Any]], None],
        cancel: threading.Event,
    ) -> None:
        """Every source in one collection: requests of all hosts overlap (within the global
        and per-host limits) and each source is reported as soon as it is finished."""
        from faceaudit.collect import Collector

        def done(source: str, stats: object) -> None:
            counts = _as_counts(stats)
            counts["checked"] = list(getattr(stats, "checked", ()))
            on_source_done(source, counts)

        for source in [source for source in sources if self._unseen(source)]:
            self._not_fetched(source, on_error)
            on_source_done(source, {"checked": []})
        sources = [source for source in sources if not self._unseen(source)]
        if not sources:
            return
        Collector(self.settings, self.http_cache).collect(
            sources,
            on_candidate=on_candidate,
            on_error=on_error,
            cancel=cancel,
            on_source_done=done,
            per_source=self.per_source,
            separate_sources=True,  # each source resumable and reported as if alone
            shown=self.shown,
        )


def _as_counts(stats: object) -> dict[str, Any]:
    if stats is None:
        return {}
    if dataclasses.is_dataclass(stats) and not isinstance(stats, type):
        fields = dataclasses.asdict(stats)
    elif isinstance(stats, dict):
        fields = stats
    else:
        fields = vars(stats)
    return {name: value for name, value in fields.items() if isinstance(value, int | float)}


def web_collector(
    paths: Paths,
    *,
    depth: int = 0,
    max_pages: int | None = None,
    network: dict[str, Any] | None = None,
    use_cache: bool = True,
) -> WebCollector:
    """The scan's collector; ``network`` holds CollectSettings fields (robots, TLS, proxy...)
    chosen for this scan, over the saved settings of config.toml (faceaudit.config).

    ``use_cache=False`` keeps every response in memory only (nothing under cache/http).
    """
    return WebCollector(
        paths, depth=depth, max_pages=max_pages, network=network, use_cache=use_cache
    )
