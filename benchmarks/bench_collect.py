"""Collection throughput against a loopback site with injected latency.

Serves N pages with M distinct JPEG images each on 127.0.0.1, every response delayed by a
fixed latency (standing in for a real server's round trip), and collects them at several
concurrency settings. Prints pages/s and images/s, and each as a ratio against
concurrency 1 — all measured in this one run, so the ratios compare like with like.

    .venv/bin/python benchmarks/bench_collect.py [--pages 20] [--images 10] [--latency 0.03]
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from PIL import Image

from faceaudit.collect import Candidate, Collector, CollectSettings, SourceError
from loopback import Routes, serve


def build_site(pages: int, images: int) -> Routes:
    routes: Routes = {}
    for page in range(pages):
        tags = []
        for index in range(images):
            buffer = io.BytesIO()
            color = (page * 7 % 256, index * 23 % 256, (page * images + index) % 256)
            Image.new("RGB", (320, 240), color).save(buffer, "JPEG", quality=85)
            path = f"/img/{page}/{index}.jpg"
            routes[path] = (buffer.getvalue(), "image/jpeg")
            tags.append(f'<img src="{path}">')
        routes[f"/page/{page}"] = (
            f"<html><body>{''.join(tags)}</body></html>".encode(),
            "text/html",
        )
    return routes


def measure(urls: list[str], concurrency: int) -> tuple[float, int, int, int]:
    candidates: list[Candidate] = []
    errors: list[SourceError] = []
    settings = CollectSettings(
        concurrency=concurrency, per_host=concurrency, use_cache=False, use_env_proxy=False
    )
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        stats = Collector(settings, Path(cache)).collect(urls, candidates.append, errors.append)
        seconds = time.perf_counter() - started
    return seconds, stats.pages, stats.images, len(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--images", type=int, default=10)
    parser.add_argument(
        "--latency", type=float, default=0.03, help="seconds added to each response"
    )
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2, 4, 8, 16])
    args = parser.parse_args()

    process, port = serve(build_site(args.pages, args.images), args.latency)
    urls = [f"http://127.0.0.1:{port}/page/{page}" for page in range(args.pages)]
    print(
        f"{args.pages} pages x {args.images} images, {args.latency * 1000:.0f} ms latency per "
        f"request, {args.pages * (args.images + 1)} requests per run"
    )
    print(f"{'concurrency':>11} {'seconds':>8} {'pages/s':>8} {'images/s':>9} {'ratio':>6}")
    baseline: float | None = None
    try:
        for concurrency in args.concurrency:
            seconds, pages, images, errors = measure(urls, concurrency)
            assert errors == 0 and pages == args.pages and images == args.pages * args.images
            images_per_second = images / seconds
            baseline = baseline or images_per_second
            print(
                f"{concurrency:>11} {seconds:>8.2f} {pages / seconds:>8.1f} "
                f"{images_per_second:>9.1f} {images_per_second / baseline:>5.2f}x"
            )
    finally:
        process.kill()
        process.join()


if __name__ == "__main__":
    main()
