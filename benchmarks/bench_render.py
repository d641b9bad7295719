"""Render mode against plain mode on the same loopback pages, and the renderer's peak memory.

Serves N pages on 127.0.0.1 (in a process of its own), each placing some images in its HTML
and inserting others by script once loaded; every response is delayed by a fixed latency
(a real server's round trip). Collects all the pages once in plain mode, then once in render
mode (QtWebEngine's Chromium in the renderer process, the start included), and prints pages
per minute of each, their ratio, the images each found, and the peak resident memory of the
renderer's whole process tree (Renderer.stats.peak_rss, sampled every 0.2 s) — all measured
in this one run, so the ratio compares like with like.

    .venv/bin/python benchmarks/bench_render.py [--pages 20] [--static 2] [--scripted 2]
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from PIL import Image

from faceaudit.collect import Candidate, Collector, CollectSettings, SourceError
from faceaudit.collect.render import RendererStats
from loopback import Routes, serve

PAGE = """<html><body><h1>Page {page}</h1>{static}
<script>
  setTimeout(() => {{
    for (const src of {scripted}) {{
      const img = document.createElement("img"); img.src = src; document.body.appendChild(img);
    }}
  }}, 100);
</script></body></html>"""


def build_site(pages: int, static: int, scripted: int) -> Routes:
    routes: Routes = {}
    for page in range(pages):
        paths = []
        for index in range(static + scripted):
            buffer = io.BytesIO()
            color = (page * 11 % 256, index * 37 % 256, (page + index * 5) % 256)
            Image.new("RGB", (320, 240), color).save(buffer, "JPEG", quality=85)
            path = f"/img/{page}/{index}.jpg"
            routes[path] = (buffer.getvalue(), "image/jpeg")
            paths.append(path)
        html = PAGE.format(
            page=page,
            static="".join(f'<img src="{path}">' for path in paths[:static]),
            scripted=repr(paths[static:]).replace("'", '"'),
        )
        routes[f"/page/{page}"] = (html.encode(), "text/html; charset=utf-8")
    return routes


def measure(
    urls: list[str], render: bool, concurrency: int
) -> tuple[float, int, int, list[SourceError], RendererStats | None]:
    candidates: list[Candidate] = []
    errors: list[SourceError] = []
    settings = CollectSettings(
        concurrency=concurrency,
        per_host=concurrency,
        use_cache=False,
        use_env_proxy=False,
        render=render,
    )
    with tempfile.TemporaryDirectory() as cache:
        collector = Collector(settings, Path(cache))
        started = time.perf_counter()
        stats = collector.collect(urls, candidates.append, errors.append)
        seconds = time.perf_counter() - started
    return seconds, stats.pages, stats.images, errors, collector.render_stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--static", type=int, default=2, help="images placed in the HTML")
    parser.add_argument("--scripted", type=int, default=2, help="images inserted by script")
    parser.add_argument("--latency", type=float, default=0.03, help="seconds per response")
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    process, port = serve(build_site(args.pages, args.static, args.scripted), args.latency)
    urls = [f"http://127.0.0.1:{port}/page/{page}" for page in range(args.pages)]
    print(
        f"{args.pages} pages, each {args.static} images in the HTML + {args.scripted} inserted "
        f"by script, {args.latency * 1000:.0f} ms latency per response, "
        f"{args.concurrency} workers"
    )
    print(f"{'mode':>7} {'seconds':>8} {'pages/min':>10} {'images':>7} {'errors':>7}")
    try:
        rows = {}
        for mode in ("plain", "render"):
            seconds, pages, images, errors, renderer = measure(
                urls, render=mode == "render", concurrency=args.concurrency
            )
            assert pages == args.pages, (mode, pages, errors[:3])
            rows[mode] = (pages * 60 / seconds, renderer)
            print(
                f"{mode:>7} {seconds:>8.2f} {pages * 60 / seconds:>10.1f} {images:>7} "
                f"{len(errors):>7}"
            )
        plain_rate, _ = rows["plain"]
        render_rate, renderer = rows["render"]
        print(f"plain mode reads {plain_rate / render_rate:.1f}x as many pages per minute")
        if renderer is not None:
            print(
                f"renderer: {renderer.pages} pages rendered, {renderer.restarts} restarts, "
                f"peak memory of its process tree {renderer.peak_rss / 2**20:.0f} MB"
            )
    finally:
        process.kill()
        process.join()


if __name__ == "__main__":
    main()
