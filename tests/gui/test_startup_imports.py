"""The window is drawn before the heavy parts load: numpy, OpenCV, onnxruntime, insightface,
requests, cryptography and the scan pipeline are imported when a screen first needs them (on
the worker, for the store), not at start-up
(benchmarks/bench_gui_startup.py measures the time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "numpy",
    "cv2",
    "onnxruntime",
    "insightface",
    "requests",
    "cryptography",
    "faceaudit.scan.pipeline",
    # Chromium (the Browser screen's, or the render mode's) starts only when asked for.
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
)

BUILD_WINDOW = """
import json, sys
from faceaudit.app import App
from faceaudit.gui import application
app = App.create()
qapp = application.qt_application([])
window = application.build_window(application.GuiContext(app))
window.show()
application.begin(window)  # what follows the show: the first run or the model preload
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in {heavy_roots}
                        or name in {heavy})))
sys.exit(0)
"""


def test_building_and_showing_the_window_loads_no_heavy_module(sandbox_home: Path) -> None:
    roots = {name.split(".")[0] for name in HEAVY if "." not in name}
    script = BUILD_WINDOW.replace("{heavy_roots}", repr(roots)).replace("{heavy}", repr(set(HEAVY)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACEAUDIT_HOME": str(sandbox_home)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], f"imported while the window starts: {loaded}"
