"""Render the icon (icons/faceaudit.svg) to the PNG sizes, .ico and .icns the recipes use.

    python installer/render_icons.py [OUTPUT_DIR]     (default: build/icons)

Run by build.sh with the build's Python: Qt's SVG renderer draws each size from the vector
(small sizes stay sharp), Pillow packs the Windows .ico and the macOS .icns.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))
import layout  # noqa: E402


def render(svg: Path, size: int, target: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"cannot write {target}")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / layout.ICON_PNG_DIR
    out.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication([])
    pngs = {}
    for size in layout.ICON_SIZES:
        pngs[size] = out / f"faceaudit-{size}.png"
        render(ROOT / layout.ICON_SVG, size, pngs[size])
    largest = Image.open(pngs[max(layout.ICON_SIZES)])
    largest.save(out / "faceaudit.ico", sizes=[(s, s) for s in layout.ICON_SIZES if s <= 256])
    largest.save(out / "faceaudit.icns")
    print(f"icons: {len(pngs)} PNG sizes, faceaudit.ico and faceaudit.icns in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
