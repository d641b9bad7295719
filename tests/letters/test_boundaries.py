"""Letters are core code downstream of the scan: no Qt, no face engine, no network client."""

from __future__ import annotations

import subprocess
import sys


def test_letters_import_neither_qt_nor_the_face_engine() -> None:
    probe = (
        "import sys\n"
        "import faceaudit.letters.render, faceaudit.letters.export, faceaudit.letters.tracking\n"
        "import faceaudit.letters.directory, faceaudit.cli.letters\n"
        "import faceaudit.letters.overview, faceaudit.letters.calendar\n"
        "banned = ('PySide6', 'faceaudit.faces.engine', 'onnxruntime', 'insightface', 'requests')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in banned or m in banned))\n"
    )
    command = [sys.executable, "-c", probe]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
