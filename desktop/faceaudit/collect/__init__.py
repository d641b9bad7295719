"""Web and local collection: turns the person's Sources into Candidates (images and video frames).

The API the scan uses
=====================

Sources
    ``parse_url_list(text, csv_rows=False) -> ParsedURLs(urls, errors, duplicates)`` reads
    typed/pasted text; ``parse_url_file(path)`` reads a .txt or .csv list. Comments (``#``)
    and blanks are ignored, duplicates merge after normalisation, unusable lines come back
    as ``LineError(line, text, reason)`` with 1-based line numbers. A Source given to the
    Collector is an http(s) URL (page, image or video) or a local path (image, video, folder
    scanned recursively, or ZIP archive read in memory).

Collecting
    ``Collector(settings: CollectSettings, http_cache_dir: Path).collect(sources, on_candidate,
    on_error, on_progress=None, cancel=None) -> CollectStats`` blocks until done, using
    ``settings.concurrency`` worker threads of its own; call it from a worker thread, never
    from the GUI thread. Set ``cancel`` (a ``threading.Event``) to stop: workers stop between
    requests and while streaming; ``CollectStats.cancelled`` is then True.

    Callbacks run on the collector's worker threads but **never concurrently** (they are
    serialised), so the consumer needs no lock of its own. ``on_candidate`` may block to
    apply backpressure (e.g. ``queue.put`` on a bounded queue): collection then pauses,
    which keeps memory bounded. Do not call back into the Collector from a callback.

    * ``on_candidate(Candidate)``: ``data`` holds the encoded image bytes as received (decode
      them with :class:`faceaudit.collect.sandbox.ContainedDecoder`, never in-process);
      ``frame`` holds a decoded BGR frame of a video, with ``provenance.frame_time`` in
      seconds (every frame of one video shares the video file's ``sha256``). Each distinct
      set of bytes is delivered once; ``also_at`` lists the other placements on the same
      page (e.g. the same URL as ``img`` and ``og:image``). When the same bytes turn up
      again later (another page, another URL), a *repeat* Candidate is delivered instead:
      ``repeat_of`` = the earlier ``sha256``, no ``data`` and no ``frame``; attach the
      earlier findings to its Provenance.
    * ``on_error(SourceError)``: one plain-language sentence per failed URL or file (the run
      goes on). Loud notices (TLS checks turned off for a source) also arrive here.
      SVG drawings are skipped without an error; videos inside ZIP archives are skipped.
    * ``on_progress(CollectProgress)``: counts after every finished request.

Decoding
    ``ContainedDecoder(workers, memory_budget, timeout).decode(data) -> np.ndarray`` (BGR)
    or :class:`faceaudit.errors.ImageError`, in memory-limited worker processes; a crashed
    worker is replaced. It is thread-safe; close it (or use it as a context manager).
    Videos are sampled the same way: the collector runs OpenCV/FFmpeg on the downloaded
    file in a process of its own (``sandbox.sample_frames_contained``), so a crash there is
    a per-video error.

Modules
    ``urls`` (normalisation, lists), ``netguard`` (address policy at connection level),
    ``fetch`` (the guarded per-worker HTTP client), ``decoding`` (bounded Content-Encoding),
    ``cache``, ``extract`` (HTML placements), ``video`` (frame sampling), ``local`` (files,
    folders, ZIP), ``sandbox`` (contained decoding), ``collector`` (scheduling, dedupe).

Cache and network
    ``clear_cache(http_cache_dir)`` deletes every cached response. ``describe_proxy(settings)``
    says which proxy, if any, requests go through and why. robots.txt is honoured for pages
    reached by crawling (``depth`` > 0) when ``settings.robots`` is True; pages the person
    lists are fetched like a browser visit would. With ``settings.sitemap`` the site's
    sitemaps (robots.txt ``Sitemap:`` lines, else ``/sitemap.xml``) add their same-site pages
    (module ``sitemap``: hostile XML, gzip bombs and nesting are bounded there).
"""

from __future__ import annotations

from pathlib import Path

from faceaudit.collect.cache import clear_cache as _clear_entries
from faceaudit.collect.collector import (
    Collector,
    CollectProgress,
    CollectSettings,
    CollectStats,
)
from faceaudit.collect.fetch import USER_AGENT
from faceaudit.collect.fetch import describe_proxy as _describe_limits
from faceaudit.collect.sandbox import ContainedDecoder
from faceaudit.collect.types import Candidate, Provenance, SourceError
from faceaudit.collect.urls import (
    InvalidURL,
    LineError,
    ParsedURLs,
    normalise_url,
    parse_url_file,
    parse_url_list,
)


def describe_proxy(settings: CollectSettings) -> str:
    """Which proxy requests go through (settings, environment variables, or none)."""
    return _describe_limits(settings.fetch_limits())


def clear_cache(http_cache_dir: Path) -> None:
    """Delete every cached page and image, and any leftover video spool files."""
    import shutil

    _clear_entries(http_cache_dir)
    shutil.rmtree(Path(http_cache_dir) / "spool", ignore_errors=True)


__all__ = [
    "USER_AGENT",
    "Candidate",
    "CollectProgress",
    "CollectSettings",
    "CollectStats",
    "Collector",
    "ContainedDecoder",
    "InvalidURL",
    "LineError",
    "ParsedURLs",
    "Provenance",
    "SourceError",
    "clear_cache",
    "describe_proxy",
    "normalise_url",
    "parse_url_file",
    "parse_url_list",
]
