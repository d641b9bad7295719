"""Ready-made scans for the CLI and the GUI: one-shot (memory only) and of a Case (durable).

Both build the same :class:`~faceaudit.scan.pipeline.Scanner`; they differ in the sink and in
where the references come from.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from faceaudit.collect.types import Candidate, SourceError
from faceaudit.errors import FaceAuditError
from faceaudit.faces.types import Reference
from faceaudit.scan.case_sink import CaseSink
from faceaudit.scan.control import ScanControl
from faceaudit.scan.pipeline import (
    Decoder,
    FaceBackend,
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
    from faceaudit.store import Case


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


@contextmanager
def image_decoder(settings: ScanSettings) -> Iterator[Decoder]:
    """Decode untrusted bytes in crash-contained worker processes (or in-thread, if asked)."""
    if not settings.contain_decoding:
        from faceaudit.imaging import decode

        yield decode
        return
    from faceaudit.collect.sandbox import ContainedDecoder

    with ContainedDecoder(workers=settings.workers) as contained:
        yield contained.decode


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
    with image_decoder(settings) as decoder:
        scanner = Scanner(
            engine,
            references,
            collector,
            sink,
            settings,
            control=control,
            on_progress=on_progress,
            decoder=decoder,
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
) -> ScanOutcome:
    """Scan the case's sources with its references; ``resume`` continues an unfinished scan.

    ``references`` replaces the case's stored embeddings, e.g. the stored photos re-embedded
    with another model pack (embeddings of different packs cannot be compared).
    """
    references = list(references) if references is not None else case.references()
    if not references:
        raise FaceAuditError(
            "This case has no reference photo yet, so there is nothing to compare faces with.",
            "Add a photo of yourself with `faceaudit enroll --case NAME PHOTO`.",
        )
    sources = [row.url_or_path for row in case.sources()]
    if not sources:
        raise FaceAuditError(
            "This case lists no source to scan.",
            "Add the pages to search with `faceaudit sources add --case NAME URL...`.",
        )
    sink = CaseSink(case, cache_namespace)
    with case.exclusive_scan():
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
    outcome.resumed = sink.resumed
    outcome.previous_scan_id = sink.previous_scan_id
    return outcome


# -- the collector, one source at a time ----------------------------------------------------------


class WebCollector:
    """Adapts faceaudit.collect's Collector to the pipeline's one-source-at-a-time protocol.

    Sources are collected one per call so the scan knows when each one is finished (and can
    mark it done for --resume); several calls run at the same time on the fetch threads, each
    thread with a Collector of its own (a Collector runs one collection at a time).
    """

    def __init__(
        self,
        paths: Paths,
        *,
        depth: int = 0,
        max_pages: int | None = None,
        network: dict[str, Any] | None = None,
    ) -> None:
        from faceaudit.collect import CollectSettings

        self.http_cache = paths.http_cache
        options: dict[str, Any] = {"depth": depth, **(network or {})}
        if max_pages is not None:
            options["max_pages"] = max_pages
        self.settings = CollectSettings(**options)
        self._local = threading.local()

    def collect_source(
        self,
        source: str,
        on_candidate: Callable[[Candidate], None],
        on_error: Callable[[SourceError], None],
        cancel: threading.Event,
    ) -> dict[str, Any]:
        collector = getattr(self._local, "collector", None)
        if collector is None:
            from faceaudit.collect import Collector

            collector = self._local.collector = Collector(self.settings, self.http_cache)
        stats = collector.collect(
            [source], on_candidate=on_candidate, on_error=on_error, cancel=cancel
        )
        return _as_counts(stats)


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
) -> WebCollector:
    """The scan's collector; ``network`` holds CollectSettings fields (robots, TLS, proxy...)."""
    return WebCollector(paths, depth=depth, max_pages=max_pages, network=network)
