"""The findings gallery with many findings: time to scroll top to bottom offscreen, worst frame.

Builds a throw-away case holding N findings (real face crops of real photos, spread over
50 sites), shows the review gallery at 1280x800 with QT_QPA_PLATFORM=offscreen, and scrolls
from the top to the bottom in wheel-sized steps. Each frame is: move the scroll bar, then
one event-loop pass that paints what the scroll exposed and the tiles whose crops arrived
meanwhile. Prints the total, the worst and the median frame (the budget for smooth
scrolling is 16.7 ms a frame at 60 Hz), and how many crops the worker decoded meanwhile
(the rest scrolled past before their turn: requests are served most-recent-first).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_gallery.py [--findings 5000]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

from faceaudit.collect.types import Provenance
from faceaudit.faces.thresholds import DEFAULT_THRESHOLDS
from faceaudit.faces.types import Face, FaceMatch
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams

PASSPHRASE = "benchmark passphrase"  # noqa: S105 (a throw-away case)
PROJECT = Path(__file__).resolve().parents[1]
FRAME_BUDGET_MS = 1000 / 60


def photos() -> list[Path]:
    shared = PROJECT.parent / "shared" / "faces" / "deepface"
    if shared.is_dir():
        return sorted(shared.glob("img*.jpg"))
    import insightface

    return sorted((Path(insightface.__file__).parent / "data" / "images").glob("*.*"))


def crops(count: int) -> list[bytes]:
    """Distinct 160 px JPEG crops of real photos (the thumbnail the scan stores)."""
    out = []
    sources = [cv2.imread(str(p)) for p in photos()]
    for i in range(count):
        image = sources[i % len(sources)]
        height, width = image.shape[:2]
        side = min(height, width) * (0.6 + 0.4 * ((i * 7) % 10) / 10)
        top = int((height - side) * ((i * 3) % 5) / 4)
        left = int((width - side) * ((i * 5) % 5) / 4)
        crop = image[top : top + int(side), left : left + int(side)]
        out.append(cv2.imencode(".jpg", cv2.resize(crop, (160, 160)))[1].tobytes())
    return out


def fill(case, count: int) -> None:
    jpegs = crops(min(count, 400))
    scan_id = case.start_scan({"sources": []})
    embedding = np.zeros(512, dtype=np.float32)
    with case.batch():
        for i in range(count):
            similarity = 0.30 + (i * 37 % 60) / 100
            face = Face((10.0, 10.0, 90.0, 110.0), ((0.0, 0.0),) * 5, 0.9, embedding)
            match = FaceMatch(face, similarity, DEFAULT_THRESHOLDS.verdict(similarity), 0)
            site = f"site{i % 50}.example"
            url = f"https://{site}/img/{i}.jpg"
            sha = hashlib.sha256(url.encode()).hexdigest()
            provenance = Provenance(
                source=f"https://{site}/",
                page_url=f"https://{site}/page/{i // 50}",
                image_url=url,
                found_by="img",
                fetched_at="2026-11-30T10:00:00Z",
                sha256=sha,
            )
            case.add_finding(scan_id, sha, provenance, match, jpegs[i % len(jpegs)])
    case.finish_scan(scan_id, {}, "done")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--findings", type=int, default=5000)
    parser.add_argument("--step", type=int, default=120, help="pixels per frame (a wheel notch)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from faceaudit.gui.findings.gallery import FindingsGallery
    from faceaudit.gui.findings.model import FindingsFilter, FindingsModel, SiteGroups

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as base:
        store = CaseStore(resolve_paths(base), kdf=KdfParams(n=2**10, r=8, p=1))
        case = store.create("bench", PASSPHRASE)
        start = time.perf_counter()
        fill(case, args.findings)
        print(f"case filled with {args.findings} findings in {time.perf_counter() - start:.1f} s")

        start = time.perf_counter()
        source, filtered, groups = FindingsModel(), FindingsFilter(), SiteGroups()
        source.set_findings(case.findings())
        filtered.setSourceModel(source)
        groups.setSourceModel(filtered)
        gallery = FindingsGallery()
        gallery.loader.set_source(case.finding_thumbnail)
        gallery.setModel(groups)
        gallery.resize(1280, 800)
        gallery.show()
        app.processEvents()
        gallery.viewport().repaint()
        shown = (time.perf_counter() - start) * 1000
        print(f"models built and gallery shown:  {shown:8.1f} ms ({groups.rowCount()} rows)")

        bar = gallery.verticalScrollBar()
        frames: list[float] = []
        start = time.perf_counter()
        while True:
            frame_start = time.perf_counter()
            bar.setValue(bar.value() + args.step)
            app.processEvents()  # the frame: the exposed strip painted, arrived crops repainted
            frames.append((time.perf_counter() - frame_start) * 1000)
            if bar.value() >= bar.maximum():
                break
        total = time.perf_counter() - start
        gallery.loader.wait_idle()
        app.processEvents()
        decoded = gallery.loader.cached_count()
        over = sum(1 for f in frames if f > FRAME_BUDGET_MS)
        print(f"scroll top to bottom:            {total * 1000:8.1f} ms in {len(frames)} frames")
        print(f"worst frame:                     {max(frames):8.2f} ms")
        print(f"median frame:                    {statistics.median(frames):8.2f} ms")
        print(f"95th percentile frame:           {sorted(frames)[int(len(frames) * 0.95)]:8.2f} ms")
        print(
            f"frames over {FRAME_BUDGET_MS:.1f} ms: {over} of {len(frames)}"
            f" (worst / budget = {max(frames) / FRAME_BUDGET_MS:.2f}x)"
        )
        print(f"crops decoded and cached (LRU):  {decoded} of {args.findings}")
        gallery.loader.set_source(None)
        case.close()


if __name__ == "__main__":
    main()
