"""Peak memory of a scan of one page of 20 photos of 35 MP, for 1, 2, 4 and 8 workers.

A page of very large photos (event and press photos: a real photo blown up, real faces
planted 60-120 px wide, camera-like grain so the JPEGs weigh what real ones do) is served
on 127.0.0.1; ``faceaudit scan --reference ... --workers N`` runs on it as a child process,
once per worker count. Printed for each: the peak RSS of the scan process (``ru_maxrss``
from ``wait4``: the largest single process of its tree), the peak of the whole tree (the
scan and its decoder processes, sampled every 20 ms) and the scan's time. Target: the
tree's peak under 1 GB whatever the worker count (``--workers N`` is also what
``--threads N`` gives).

    .venv/bin/python benchmarks/bench_memory.py [--photos 20] [--megapixels 35]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import psutil

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "benchmarks"))

from bench_large_photos import SHARED_FACES, face_patches, scene  # noqa: E402
from bench_scan import start_server  # noqa: E402


def build_page(root: Path, photos: int, megapixels: float) -> None:
    """``photos`` JPEGs of ``megapixels`` (3:2) and the page showing them, made once."""
    marker = root / f"built-{photos}-{megapixels}"
    if marker.exists():
        return
    shutil.rmtree(root, ignore_errors=True)
    (root / "img").mkdir(parents=True)
    from faceaudit.faces.engine import FaceEngine
    from faceaudit.faces.modelpacks import ModelStore
    from faceaudit.paths import resolve_paths

    engine = FaceEngine(ModelStore(resolve_paths().models).require("buffalo_sc"), threads=2)
    patches = face_patches(engine)
    rng = random.Random(5)
    height = int((megapixels * 1e6 / 1.5) ** 0.5)
    width = int(height * 1.5)
    grain = np.random.default_rng(5).integers(-10, 11, size=(512, 512, 3), dtype=np.int16)
    for number in range(photos):
        image, _boxes = scene((width, height), patches, 5, rng)
        for y in range(0, height, 512):  # camera-like grain: JPEGs of real-photo weight
            for x in range(0, width, 512):
                block = image[y : y + 512, x : x + 512]
                noise = grain[: block.shape[0], : block.shape[1]]
                block[:] = np.clip(block.astype(np.int16) + noise, 0, 255).astype(np.uint8)
        ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 90])
        assert ok
        (root / "img" / f"{number:05d}.jpg").write_bytes(encoded.tobytes())
    tags = "".join(f'<img src="/img/{n:05d}.jpg">' for n in range(photos))
    (root / "index.html").write_text(f"<html><body>{tags}</body></html>")
    marker.touch()


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def run_scan(page: str, reference: Path, workers: int, home: Path) -> dict[str, float]:
    """One `faceaudit scan` child process: its peaks and its time."""
    environment = dict(os.environ, FACEAUDIT_HOME=str(home))
    command = [sys.executable, "-m", "faceaudit", "scan", "--reference", str(reference)]
    command += ["--workers", str(workers), "--json", "--quiet", page]
    started = time.monotonic()
    child = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, text=True)
    process = psutil.Process(child.pid)
    peak = 0
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.append(child.stdout.read()))  # type: ignore[union-attr]
    reader.start()
    while True:
        # wait4, not Popen.poll: it also gives the child's own rusage (ru_maxrss).
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            break
        with contextlib.suppress(psutil.Error):
            peak = max(peak, _tree_rss(process))
        time.sleep(0.02)
    reader.join()
    seconds = time.monotonic() - started
    result = json.loads(output[0]) if output and output[0].strip() else {}
    stats = result.get("stats", {})
    return {
        "tree_peak": peak / 1e6,
        "max_process": usage.ru_maxrss * 1024 / 1e6,
        "seconds": seconds,
        "images": stats.get("images", 0),
        "faces": stats.get("faces", 0),
        "errors": stats.get("errors", 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--megapixels", type=float, default=35.0)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument(
        "--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "faceaudit-bench-35mp"
    )
    args = parser.parse_args()
    if not SHARED_FACES.is_dir():
        sys.exit(f"bench_memory needs real photos: {SHARED_FACES} is absent")
    build_page(args.corpus_dir, args.photos, args.megapixels)
    sizes = [path.stat().st_size for path in (args.corpus_dir / "img").glob("*.jpg")]
    print(
        f"{len(sizes)} photos of {args.megapixels:.0f} MP, JPEG {min(sizes) / 2**20:.1f}-"
        f"{max(sizes) / 2**20:.1f} MiB each, {os.cpu_count()} cores"
    )
    server, sites = start_server(args.corpus_dir, 0.0, 1)
    work = Path(tempfile.mkdtemp(prefix="faceaudit-bench-memory-"))
    reference = SHARED_FACES / "face_recognition_examples" / "obama.jpg"
    rows = []
    try:
        for workers in args.workers:
            row = run_scan(sites[0] + "index.html", reference, workers, work / f"w{workers}")
            rows.append((workers, row))
            print(
                f"  --workers {workers}: tree peak {row['tree_peak']:6.0f} MB, largest process "
                f"{row['max_process']:6.0f} MB, {row['seconds']:5.1f} s "
                f"({row['images']} images, {row['faces']} faces, {row['errors']} errors)",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    print("\npeak RSS of the whole scan (process + decoders), measured in this run:")
    for workers, row in rows:
        print(f"  --workers {workers}: {row['tree_peak'] / 1000:5.2f} GB  target < 1 GB")


if __name__ == "__main__":
    main()
