"""Start-up: process start to the main window's first paint, FaceAudit against a bare window.

Run: nice -n 10 .venv/bin/python benchmarks/bench_gui_startup.py [--runs 6]

Both are started the same way, as a new Python process (``python -m faceaudit`` and
``python bare_window.py``), offscreen, and report the system-wide monotonic clock at their
main window's first paint event; the time counts from just before the process is spawned.
Runs alternate, so a load from elsewhere on the machine weighs on both alike; the
fastest run of each and the CPU time the process had used at that paint (all threads) are
printed too, since on a shared machine they vary far less than the median clock time. FaceAudit
starts as a returning person's would: first run done, the model pack installed, no case
open (the face models then load in the background, after the window is shown). The target
is a ratio of at most 1.5 (issue 8).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import faceaudit

SHOWN_MARK = "faceaudit: window shown "
TIMEOUT_S = 180

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    reported = False
    def eventFilter(self, watched, event):
        if not self.reported and event.type() == QEvent.Type.Paint:
            self.reported = True
            shown, cpu = time.monotonic(), time.process_time()
            print(f"faceaudit: window shown {shown:.6f} cpu {cpu:.6f}", flush=True)
            QTimer.singleShot(0, window.close)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 720)
reporter = FirstPaint()
window.installEventFilter(reporter)
window.show()
sys.exit(app.exec())
"""


def returning_home(base: Path) -> Path:
    """A data folder whose first run is done (licence accepted), as after the first start."""
    base.mkdir(parents=True, exist_ok=True)
    (base / "settings.ini").write_text(
        "[firstrun]\ndone=true\n\n[models]\nbuffalo_sc\\licence_accepted=true\n"
        "\n[interface]\nlanguage=en\ntheme=light\n"
    )
    return base


def time_to_window(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the first paint, and the CPU seconds the process used by then."""
    started = time.monotonic()
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    for line in done.stdout.splitlines():
        if line.startswith(SHOWN_MARK):
            shown, _cpu_word, cpu = line[len(SHOWN_MARK) :].split()
            return float(shown) - started, float(cpu)
    raise RuntimeError(f"{command} showed no window (exit {done.returncode}): {done.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=6, help="starts of each (default 6)")
    options = parser.parse_args()
    # As installer/setup.sh leaves it: FaceAudit's modules compiled to bytecode (PySide6's
    # were compiled when pip installed them).
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(faceaudit.__file__).parent)],
        check=True,
        capture_output=True,
    )
    with tempfile.TemporaryDirectory(prefix="faceaudit-startup-") as scratch:
        bare = Path(scratch) / "bare_window.py"
        bare.write_text(BARE_WINDOW)
        home = returning_home(Path(scratch) / "home")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "FACEAUDIT_HOME": str(home),
            "FACEAUDIT_EXIT_WHEN_SHOWN": "1",
        }
        # One start of each first, not counted: the disk cache is warm for both afterwards.
        time_to_window([sys.executable, str(bare)], env)
        time_to_window([sys.executable, "-m", "faceaudit"], env)
        bare_runs, faceaudit_runs = [], []
        for _ in range(options.runs):
            bare_runs.append(time_to_window([sys.executable, str(bare)], env))
            faceaudit_runs.append(time_to_window([sys.executable, "-m", "faceaudit"], env))
    bare_times, bare_cpu = zip(*bare_runs, strict=True)
    faceaudit_times, faceaudit_cpu = zip(*faceaudit_runs, strict=True)
    print(f"start to first paint, {options.runs} alternating runs each (after one warm-up)")
    print(f"  bare PySide6 window  clock {_list(bare_times)}  cpu {_list(bare_cpu)}")
    print(f"  FaceAudit window     clock {_list(faceaudit_times)}  cpu {_list(faceaudit_cpu)}")
    for what, ours, bare_ones in (
        ("median clock time", statistics.median(faceaudit_times), statistics.median(bare_times)),
        ("fastest clock time", min(faceaudit_times), min(bare_times)),
        ("median CPU time", statistics.median(faceaudit_cpu), statistics.median(bare_cpu)),
    ):
        ratio = ours / bare_ones
        verdict = "within" if ratio <= 1.5 else "OVER"
        print(
            f"  {what:<18} FaceAudit {ours:.3f} s / bare {bare_ones:.3f} s = {ratio:.2f}x "
            f"(target <= 1.5x: {verdict})"
        )
    return 0


def _list(times: tuple[float, ...]) -> str:
    return ", ".join(f"{t:.3f}" for t in times)


if __name__ == "__main__":
    raise SystemExit(main())
