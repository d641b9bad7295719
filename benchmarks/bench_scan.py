"""Benchmark of the scan pipeline: does fetching hide behind inference, and how cheap is a re-scan?

A corpus of real photos (crops, rescales and mirror images of ../shared/faces) is served on
127.0.0.1 by a separate process that adds a fixed latency to every response. Measured in one
run, on this machine:

1. the pipelined scan of a Case (first scan: cold HTTP cache, empty embedding cache), with the
   peak RSS of the scanning process (and of its decoder processes) sampled during it;
2. the re-scan of the unchanged corpus (HTTP cache revalidation + per-image embedding cache);
3. fetch-bound time: the same collection alone, candidates dropped;
4. CPU-bound time: decoding and face analysis of the already-downloaded bytes on the same
   worker threads, nothing fetched;
5. a plain loop over insightface ``FaceAnalysis.get()`` on the downloaded images.

Targets: pipelined wall time <= 1.2 x max(fetch-bound, CPU-bound); re-scan >= 10x faster
than the first scan; peak RSS < 1 GB on a 2,000-image corpus.

``--several-hosts`` measures instead a scan at web latency over several hosts (default 90
pages on 6 hosts, 100 and 250 ms per response): its wall time against the larger of the
same scan without latency and a plain 8-connection parallel download of the same files at
that latency. Target <= 1.2.

    .venv/bin/python benchmarks/bench_scan.py                 # 2,000 images, 10 ms latency
    .venv/bin/python benchmarks/bench_scan.py --images 300 --latency 0.1 --skip-plain-loop
    .venv/bin/python benchmarks/bench_scan.py --several-hosts --images 360 --per-page 4
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import psutil

PROJECT = Path(__file__).resolve().parents[1]
SHARED_FACES = PROJECT.parent / "shared" / "faces"

SERVER = r"""
import sys, threading, time
from hashlib import sha256
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

root, latency, sites = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
# Like a typical static file server: validators, and images last changed a month ago.
from email.utils import formatdate
published = formatdate(time.time() - 30 * 86400, usegmt=True)
# Bodies preloaded, so the server spends as little as possible of the cores the scan measures.
files = {}
for path in root.rglob("*"):
    if path.suffix in (".html", ".jpg"):
        body = path.read_bytes()
        kind = "text/html" if path.suffix == ".html" else "image/jpeg"
        files["/" + path.relative_to(root).as_posix()] = (body, kind, sha256(body).hexdigest()[:16])

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        time.sleep(latency)  # the injected network latency of every response
        found = files.get(self.path)
        if found is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body, kind, etag = found
        if self.headers.get("If-None-Match") == f'"{etag}"':
            self.send_response(304)
            self.send_header("ETag", f'"{etag}"')
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", f'"{etag}"')
        self.send_header("Last-Modified", published)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

servers = [ThreadingHTTPServer(("127.0.0.1", 0), Handler) for _ in range(sites)]
for server in servers:
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
print(" ".join(str(server.server_address[1]) for server in servers), flush=True)
threading.Event().wait()
"""


# -- the corpus ---------------------------------------------------------------------------


def _source_photos() -> list[Path]:
    if not SHARED_FACES.is_dir():
        sys.exit(f"bench_scan needs real photos: {SHARED_FACES} is absent")
    photos = sorted((SHARED_FACES / "deepface").glob("*.jpg"))
    examples = SHARED_FACES / "face_recognition_examples"
    photos += sorted(examples.rglob("*.jpg")) + sorted(examples.rglob("*.jpeg"))
    return photos


def _variant(image: np.ndarray, rng: random.Random) -> np.ndarray:
    """A crop (60-100 % of each side), a rescale (long side 320-1024 px), maybe mirrored."""
    height, width = image.shape[:2]
    crop_w, crop_h = int(width * rng.uniform(0.6, 1.0)), int(height * rng.uniform(0.6, 1.0))
    left, top = rng.randint(0, width - crop_w), rng.randint(0, height - crop_h)
    crop = image[top : top + crop_h, left : left + crop_w]
    scale = rng.randint(320, 1024) / max(crop.shape[:2])
    crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return cv2.flip(crop, 1) if rng.random() < 0.5 else crop


def build_corpus(root: Path, images: int, per_page: int, seed: int = 7) -> list[str]:
    """Write the pages and images under ``root`` (reused when already there); page paths."""
    marker = root / f"corpus-{images}-{per_page}-{seed}.done"
    pages = [f"page-{index:04d}.html" for index in range((images + per_page - 1) // per_page)]
    if marker.exists():
        return pages
    rng = random.Random(seed)
    photos = [cv2.imread(str(path)) for path in _source_photos()]
    photos = [photo for photo in photos if photo is not None]
    (root / "img").mkdir(parents=True, exist_ok=True)
    for number in range(images):
        variant = _variant(rng.choice(photos), rng)
        cv2.imwrite(
            str(root / "img" / f"{number:05d}.jpg"), variant, [cv2.IMWRITE_JPEG_QUALITY, 85]
        )
    for index, page in enumerate(pages):
        numbers = range(index * per_page, min(images, (index + 1) * per_page))
        tags = "".join(f'<img src="img/{number:05d}.jpg">' for number in numbers)
        (root / page).write_text(f"<html><body>{tags}</body></html>")
    marker.touch()
    return pages


# -- measuring ------------------------------------------------------------------------------


class PeakRss:
    """Samples the RSS of this process (and, separately, of its children) every 50 ms."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        self.peak_self = 0
        self.peak_children = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak_self = max(self.peak_self, self.process.memory_info().rss)
            children = 0
            for child in self.process.children(recursive=True):
                try:
                    children += child.memory_info().rss
                except psutil.Error:
                    continue
            self.peak_children = max(self.peak_children, children)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def start_server(root: Path, latency: float, sites: int) -> tuple[subprocess.Popen[str], list[str]]:
    """``sites`` web sites (one port each, so one host each) serving the corpus, in a process."""
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(root), str(latency), str(sites)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    ports = server.stdout.readline().split()
    return server, [f"http://127.0.0.1:{port}/" for port in ports]


def _fetch_only(collector: Any, sources: list[str], threads: int) -> dict[str, bytes]:
    """The scan's collection alone, grouped by host as the scan does; the bytes kept aside."""
    from urllib.parse import urlsplit

    downloaded: dict[str, bytes] = {}
    never = threading.Event()

    def keep(candidate: Any) -> None:
        if candidate.data is not None:
            downloaded[candidate.provenance.sha256] = candidate.data

    by_host: dict[str, list[str]] = {}
    for source in sources:
        by_host.setdefault(urlsplit(source).netloc, []).append(source)

    def collect_site(site_sources: list[str]) -> None:
        for source in site_sources:
            collector.collect_source(source, keep, lambda error: None, never)

    with ThreadPoolExecutor(max_workers=min(threads, len(by_host))) as pool:
        list(pool.map(collect_site, by_host.values()))
    return downloaded


def _cpu_seconds(process: psutil.Process) -> float:
    """CPU time of a process and of its children (the decoder processes), so far."""
    total = process.cpu_times()  # children_*: decoder processes already ended and reaped
    seconds = total.user + total.system + total.children_user + total.children_system
    for child in process.children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        seconds += times.user + times.system
    return seconds


def _timed_scan(scan: Callable[[], Any]) -> tuple[Any, float]:
    started = time.monotonic()
    outcome = scan()
    return outcome, time.monotonic() - started


def _cpu_bound(
    engine: Any, references: Any, blobs: list[bytes], workers: int, contained: bool
) -> float:
    """Decode + analyse + match the downloaded bytes on ``workers`` threads, nothing fetched."""
    from faceaudit.collect.sandbox import ContainedDecoder
    from faceaudit.imaging import decode

    with ContainedDecoder(workers=workers) as sandbox:
        decoder = sandbox.decode if contained else decode
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(decoder, blobs[:workers]))  # start the decoder processes untimed

            def analyse(data: bytes) -> None:
                engine.match(engine.analyze(decoder(data)), references)

            started = time.monotonic()
            list(pool.map(analyse, blobs))
            return time.monotonic() - started


def _plain_loop(pack: Path, blobs: list[bytes]) -> float:
    from faceaudit.faces import runtime

    runtime.onnxruntime()  # telemetry off before insightface loads onnxruntime
    from insightface.app import FaceAnalysis

    analysis = FaceAnalysis(
        name=str(pack),
        allowed_modules=["detection", "recognition"],
        providers=["CPUExecutionProvider"],
    )
    analysis.prepare(ctx_id=-1)
    images = (cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) for data in blobs)
    analysis.get(next(images))  # warm up
    started = time.monotonic()
    for image in images:
        analysis.get(image)
    return (time.monotonic() - started) * len(blobs) / max(1, len(blobs) - 1)


def _plain_download(urls: list[str], connections: int) -> float:
    """Every file fetched by ``connections`` threads, one keep-alive session each."""
    import requests

    local = threading.local()

    def get(url: str) -> None:
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
            session.trust_env = False
        session.get(url, timeout=30).content  # noqa: B018 - read the whole body

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=connections) as pool:
        list(pool.map(get, urls))
    return time.monotonic() - started


def several_hosts(args: argparse.Namespace) -> None:
    """A scan of pages on several hosts at web latency against what bounds it."""
    from faceaudit.faces.engine import FaceEngine
    from faceaudit.faces.modelpacks import ModelStore
    from faceaudit.paths import resolve_paths
    from faceaudit.scan.pipeline import ScanSettings
    from faceaudit.scan.runs import WebCollector, scan_case
    from faceaudit.store import CaseStore, Person

    pages = build_corpus(args.corpus_dir, args.images, args.per_page)
    hosts = args.sites
    work = Path(tempfile.mkdtemp(prefix="faceaudit-bench-"))
    servers = []
    print(
        f"{args.images} images on {len(pages)} pages of {hosts} hosts, "
        f"{args.workers} inference threads, {os.cpu_count()} cores"
    )
    try:
        paths = resolve_paths(work / "home")
        pack = ModelStore(paths.models).require("buffalo_sc")
        engine = FaceEngine(pack, threads=1)
        photo = (SHARED_FACES / "face_recognition_examples" / "obama.jpg").read_bytes()
        references = engine.enrol([("obama.jpg", photo)])
        settings = ScanSettings(workers=args.workers)

        def scan(latency: float, name: str) -> tuple[float, list[str]]:
            server, sites = start_server(args.corpus_dir, latency, hosts)
            servers.append(server)
            sources = [sites[index % len(sites)] + page for index, page in enumerate(pages)]
            home = resolve_paths(work / name)
            case = CaseStore(home).create(name, "benchmark passphrase", person=Person())
            case.add_reference("obama.jpg", photo, references[0])
            case.add_sources(sources)
            outcome, seconds = _timed_scan(
                lambda: scan_case(engine, case, WebCollector(home), settings)
            )
            case.close()
            images = [f"{sites[i % len(sites)]}img/{n:05d}.jpg" for i, n in _page_images(args)]
            print(
                f"  scan at {latency * 1000:.0f} ms: {seconds:.1f} s "
                f"({outcome.stats['images']} images, {outcome.stats['errors']} errors)"
            )
            return seconds, sources + images

        scan(0.0, "warm-up")  # one-time costs (model sessions, file cache) land on no figure
        no_latency, _ = scan(0.0, "no-latency")
        rows = []
        for latency in args.latencies:
            seconds, urls = scan(latency, f"latency-{latency}")
            download = _plain_download(urls, 8)
            print(f"  plain 8-connection download at {latency * 1000:.0f} ms: {download:.1f} s")
            bound = max(no_latency, download)
            rows.append((latency, seconds / bound))
        print("\nratios, all measured in this run:")
        for latency, ratio in rows:
            label = f"scan at {latency * 1000:.0f} ms / max(no latency, 8-connection download)"
            print(f"  {label:<62} {ratio:5.2f}  target <= 1.2")
    finally:
        for server in servers:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


def _page_images(args: argparse.Namespace) -> list[tuple[int, int]]:
    """(page index, image number) of every image of the corpus."""
    return [(number // args.per_page, number) for number in range(args.images)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.010, help="seconds per response")
    parser.add_argument("--sites", type=int, default=4, help="web sites (ports) the pages are on")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "faceaudit-bench-corpus"
    )
    parser.add_argument("--skip-plain-loop", action="store_true")
    parser.add_argument(
        "--fetch-sources", type=int, default=4, help="sources collected at the same time"
    )
    parser.add_argument(
        "--collect-threads", type=int, default=8, help="request threads of each collector"
    )
    parser.add_argument("--several-hosts", action="store_true", help="see the module doc")
    parser.add_argument("--latencies", type=float, nargs="+", default=[0.1, 0.25])
    args = parser.parse_args()
    if args.several_hosts:
        if "--sites" not in sys.argv:
            args.sites = 6
        several_hosts(args)
        return

    from faceaudit.faces.engine import FaceEngine
    from faceaudit.faces.modelpacks import ModelStore
    from faceaudit.paths import resolve_paths
    from faceaudit.scan.pipeline import ScanSettings
    from faceaudit.scan.runs import WebCollector, scan_case
    from faceaudit.store import CaseStore, Person

    pages = build_corpus(args.corpus_dir, args.images, args.per_page)
    server, sites = start_server(args.corpus_dir, args.latency, args.sites)
    sources = [sites[index % len(sites)] + page for index, page in enumerate(pages)]
    work = Path(tempfile.mkdtemp(prefix="faceaudit-bench-"))
    print(
        f"{args.images} images on {len(pages)} pages of {len(sites)} sites, "
        f"{args.latency * 1000:.0f} ms latency, "
        f"{args.workers} inference threads (one-thread sessions), {os.cpu_count()} cores"
    )
    try:
        paths = resolve_paths(work / "home")
        pack = ModelStore(paths.models).require("buffalo_sc")
        engine = FaceEngine(pack, threads=1)
        photo = (SHARED_FACES / "face_recognition_examples" / "obama.jpg").read_bytes()
        references = engine.enrol([("obama.jpg", photo)])
        store = CaseStore(paths)

        def new_case(name: str) -> Any:
            case = store.create(name, "benchmark passphrase", person=Person())
            case.add_reference("obama.jpg", photo, references[0])
            case.add_sources(sources)
            return case

        # 0. Warm-up on a few pages with a throw-away cache, so that one-time costs (loading
        # the models' sessions, the OS file cache) do not land on whichever scan runs first.
        warm_paths = resolve_paths(work / "warm-up")
        warm = CaseStore(warm_paths).create("warm-up", "benchmark passphrase", person=Person())
        warm.add_reference("obama.jpg", photo, references[0])
        warm.add_sources(sources[:3])
        scan_case(engine, warm, WebCollector(warm_paths), ScanSettings(workers=args.workers))
        warm.close()
        # 1. The pipelined first scan (crash-contained decoding, the default), its peak memory.
        case = new_case("contained")
        settings = ScanSettings(workers=args.workers, fetch_sources=args.fetch_sources)
        network: dict[str, Any] = {"concurrency": args.collect_threads}
        cpu_before = _cpu_seconds(psutil.Process()), _cpu_seconds(psutil.Process(server.pid))
        with PeakRss() as rss:
            first, first_time = _timed_scan(
                lambda: scan_case(engine, case, WebCollector(paths, network=network), settings)
            )
        scan_cpu = _cpu_seconds(psutil.Process()) - cpu_before[0]
        server_cpu = _cpu_seconds(psutil.Process(server.pid)) - cpu_before[1]
        stats = first.stats
        print(
            f"pipelined first scan: {first_time:.1f} s ({stats['images']} images, "
            f"{stats['faces']} faces, {len(first.findings)} findings, {stats['errors']} errors)"
        )
        cores = os.cpu_count() or 1
        print(
            f"  cores kept busy: {(scan_cpu + server_cpu) / first_time:.2f} of {cores} "
            f"(scan and its decoders {scan_cpu / first_time:.2f}, "
            f"the test web server {server_cpu / first_time:.2f})"
        )
        # 2. The re-scan of the unchanged corpus.
        again, again_time = _timed_scan(
            lambda: scan_case(engine, case, WebCollector(paths, network=network), settings)
        )
        print(
            f"re-scan: {again_time:.1f} s ({again.stats['images_cached']} images from the "
            f"embedding cache, {again.stats['http_from_cache']} from the HTTP cache), "
            f"{again.comparison}"
        )
        # 2b. The worst case: every page and image asked again (faceaudit scan --revalidate).
        asked, asked_time = _timed_scan(
            lambda: scan_case(
                engine,
                case,
                WebCollector(paths, network={**network, "honour_freshness": False}),
                settings,
            )
        )
        print(
            f"re-scan asking the server about everything (--revalidate): {asked_time:.1f} s "
            f"({asked.stats['images_cached']} images from the embedding cache)"
        )
        case.close()
        # 1b. The same first scan with in-process decoding (no crash containment).
        other_paths = resolve_paths(work / "in-thread")
        other = CaseStore(other_paths)
        case = other.create("in-thread", "benchmark passphrase", person=Person())
        case.add_reference("obama.jpg", photo, references[0])
        case.add_sources(sources)
        in_thread = replace(settings, contain_decoding=False)
        _, in_thread_time = _timed_scan(
            lambda: scan_case(engine, case, WebCollector(other_paths, network=network), in_thread)
        )
        case.close()
        print(f"pipelined first scan, in-process decoding: {in_thread_time:.1f} s")

        # 3. Fetch-bound: the same collection alone (its own cold cache), candidates kept aside.
        fetcher = WebCollector(resolve_paths(work / "fetch-only"), network=network)
        fetch_start = time.monotonic()
        downloaded = _fetch_only(fetcher, sources, settings.fetch_sources)
        fetch_time = time.monotonic() - fetch_start
        blobs = list(downloaded.values())
        print(f"fetch-bound (collection alone): {fetch_time:.1f} s")
        # 4. CPU-bound, on the same threads, with each decoder.
        cpu_time = _cpu_bound(engine, references, blobs, args.workers, contained=True)
        cpu_in_thread = _cpu_bound(engine, references, blobs, args.workers, contained=False)
        print(f"CPU-bound: {cpu_time:.1f} s contained decoding, {cpu_in_thread:.1f} s in-process")
        # 5. A plain loop over FaceAnalysis.get() on the downloaded images.
        plain_time = None if args.skip_plain_loop else _plain_loop(pack, blobs)
        if plain_time is not None:
            print(f"plain FaceAnalysis.get() loop (already downloaded): {plain_time:.1f} s")

        bound = max(fetch_time, cpu_time)
        rss_total = (rss.peak_self + rss.peak_children) / 2**30
        rows = [
            ("pipelined / max(fetch-bound, CPU-bound)", first_time / bound, "target <= 1.2"),
            (
                "  same, both with in-process decoding",
                in_thread_time / max(fetch_time, cpu_in_thread),
                "",
            ),
            ("pipelined / (fetch + CPU, in sequence)", first_time / (fetch_time + cpu_time), ""),
            ("contained / in-process decoding, CPU", cpu_time / cpu_in_thread, ""),
            ("first scan / re-scan", first_time / again_time, "target >= 10"),
            ("first scan / re-scan with --revalidate", first_time / asked_time, "worst case"),
            (
                "peak RSS of the scanning process, GB",
                rss.peak_self / 2**30,
                f"target < 1; {rss_total:.2f} with the decoder processes",
            ),
        ]
        if plain_time is not None:
            rows.insert(
                3,
                ("pipelined / plain FaceAnalysis.get() loop", first_time / plain_time, "no fetch"),
            )
        print("\nratios, all measured in this run:")
        for label, value, note in rows:
            print(f"  {label:<44} {value:6.2f}  {note}")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
