"""The report is core code downstream of the scan: no Qt, no face engine, no network client
(a re-check's scan is the caller's: the CLI and the window run the ordinary scan)."""

from __future__ import annotations

import subprocess
import sys


def test_the_report_imports_neither_qt_nor_the_face_engine() -> None:
    probe = (
        "import sys\n"
        "import faceaudit.report, faceaudit.report.pdf, faceaudit.report.html\n"
        "import faceaudit.report.erasure, faceaudit.report.steps\n"
        "banned = ('PySide6', 'faceaudit.faces.engine', 'onnxruntime', 'insightface', 'requests',"
        " 'faceaudit.scan.pipeline', 'faceaudit.collect.fetch')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in banned or m in banned))\n"
    )
    command = [sys.executable, "-c", probe]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
