"""The Qt binding the project installs keeps Python's None alive across void calls.

PySide6 6.12.0 (with Python 3.11, where None is not immortal) drops one reference to None
per call of a method returning void; a window that paints a few thousand tiles then dies
with "Fatal Python error: none_dealloc". pyproject.toml excludes that release.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_drop_references_to_none(qapp) -> None:
    label = QLabel()
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(200):
            label.setText("x")
            painter.setPen(QColor("red"))
            painter.save()
            painter.restore()
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after >= before - 5, f"{before - after} references to None lost in 800 void calls"
