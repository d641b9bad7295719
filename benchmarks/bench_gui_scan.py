"""Benchmark: the same scan from the window (offscreen, through the Scan screen) and the CLI.

One loopback corpus of real photos (bench_scan's: crops, rescales and mirror images of
../shared/faces) served by a separate process on 127.0.0.1. Each round makes two fresh data
folders (cold HTTP cache, empty face cache), each with the same case (one reference photo,
the corpus pages as sources), and scans one from the Scan screen (click Start, until the
runner reports the end) and the other with the in-process CLI entry (``faceaudit --data-dir
D scan --case NAME --passphrase-file F --quiet --json``, the whole call timed: argument
parsing, case open, scan, output). The order alternates between rounds, the medians are
compared. Target: window / CLI <= 1.05.

    QT_QPA_PLATFORM=offscreen nice -n 10 .venv/bin/python benchmarks/bench_gui_scan.py
    ... --images 120 --per-page 6 --rounds 3 --latency 0.01
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_scan import SHARED_FACES, build_corpus, start_server  # the same corpus and server

PASSPHRASE = "benchmark passphrase, not a secret"  # noqa: S105 (a throw-away case)


def make_case(data_dir: Path, pages: list[str], reference: Path, engine: Any) -> None:
    from faceaudit.paths import resolve_paths
    from faceaudit.store import CaseStore, KdfParams, Person

    store = CaseStore(resolve_paths(str(data_dir)), kdf=KdfParams(n=2**12, r=8, p=1))
    with store.create("bench", PASSPHRASE, person=Person(full_name="Bench Mark")) as case:
        photo = reference.read_bytes()
        (enrolled,) = engine.enrol([("me.jpg", photo)])
        case.add_reference("me.jpg", photo, enrolled)
        case.add_sources(pages)


def scan_in_window(data_dir: Path) -> tuple[float, dict[str, Any]]:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from faceaudit.app import App
    from faceaudit.gui.context import GuiContext
    from faceaudit.gui.main_window import MainWindow
    from faceaudit.gui.scan.view import ScanScreen
    from faceaudit.store import CaseStore, KdfParams

    qapp = QApplication.instance() or QApplication([])
    app = App.create(data_dir=str(data_dir))
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    context = GuiContext(app, settings=settings, kdf=KdfParams(n=2**12, r=8, p=1))
    window = MainWindow(context)
    window.show()
    case = CaseStore(app.paths, kdf=KdfParams(n=2**12, r=8, p=1)).open("bench", PASSPHRASE)
    context.open_case(case)
    window.show_screen("scan")
    screen = window.screens["scan"]
    assert isinstance(screen, ScanScreen)
    loop = QEventLoop()
    result: dict[str, Any] = {}

    def ended(outcome: Any) -> None:
        result["outcome"] = outcome
        loop.quit()

    def failed(error: BaseException) -> None:
        result["error"] = error
        loop.quit()

    screen.runner.finished.connect(ended)
    screen.runner.failed.connect(failed)
    QTimer.singleShot(0, screen.start_button.click)
    started = time.perf_counter()
    loop.exec()
    seconds = time.perf_counter() - started
    if "error" in result:
        raise SystemExit(f"the window's scan failed: {result['error']!r}")
    context.worker.wait()
    context.close_case()
    window.close()
    window.deleteLater()
    qapp.processEvents()
    return seconds, result["outcome"].stats


def scan_with_cli(data_dir: Path) -> tuple[float, dict[str, Any]]:
    import json

    from faceaudit.cli import main

    secret = data_dir / "passphrase.txt"
    secret.write_text(PASSPHRASE)
    secret.chmod(0o600)
    argv = ["--data-dir", str(data_dir), "scan", "--case", "bench"]
    argv += ["--passphrase-file", str(secret), "--quiet", "--json"]
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        status = main(argv)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"the CLI scan failed with status {status}")
    return seconds, json.loads(out.getvalue())["stats"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=60)
    parser.add_argument("--per-page", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--latency", type=float, default=0.01, help="seconds per response")
    parser.add_argument(
        "--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "faceaudit-bench-corpus"
    )
    args = parser.parse_args()
    if not SHARED_FACES.is_dir():
        sys.exit(f"bench_gui_scan needs real photos: {SHARED_FACES} is absent")
    from faceaudit.app import App

    pages = build_corpus(args.corpus_dir, args.images, args.per_page)
    server, sites = start_server(args.corpus_dir, args.latency, 1)
    reference = SHARED_FACES / "face_recognition_examples" / "obama.jpg"
    engine = App.create(data_dir=tempfile.mkdtemp(prefix="faceaudit-bench-")).engine
    times: dict[str, list[float]] = {"window": [], "cli": []}
    try:
        with tempfile.TemporaryDirectory(prefix="faceaudit-bench-gui-") as work:
            for round_number in range(args.rounds):
                order = ("window", "cli") if round_number % 2 == 0 else ("cli", "window")
                for how in order:
                    data_dir = Path(work) / f"{how}-{round_number}"
                    make_case(data_dir, [sites[0] + page for page in pages], reference, engine)
                    scan = scan_in_window if how == "window" else scan_with_cli
                    seconds, stats = scan(data_dir)
                    times[how].append(seconds)
                    print(
                        f"round {round_number + 1} {how:>6}: {seconds:6.2f} s "
                        f"({stats.get('pages')} pages, {stats.get('images')} images, "
                        f"{stats.get('faces')} faces, {stats.get('findings')} findings; "
                        f"the scan's own clock: {stats.get('seconds', 0):.2f} s)",
                        flush=True,
                    )
    finally:
        server.terminate()
        server.wait()
    window, cli = statistics.median(times["window"]), statistics.median(times["cli"])
    print(f"median window {window:.2f} s, median CLI {cli:.2f} s")
    print(f"window / CLI: {window / cli:.3f}x (target <= 1.05x)")


if __name__ == "__main__":
    main()
