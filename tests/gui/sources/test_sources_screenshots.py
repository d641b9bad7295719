"""Screenshots of the Sources and Scan screens after a real scan, in en/fr, light/dark."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from faceaudit.gui.scan.view import ScanScreen
from faceaudit.gui.sources.model import STATE_ROLE
from faceaudit.gui.sources.view import SourcesScreen

from .conftest import PhotoSite

pytestmark = pytest.mark.models


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screens_after_a_scan(
    window_factory: Any,
    enrolled: Any,
    photo_site: PhotoSite,
    qtbot: Any,
    screenshot: Any,
    language: str,
    scheme: str,
) -> None:
    window = window_factory(language=language, scheme=scheme)
    window.show()
    qtbot.waitExposed(window)
    sources, scan = window.screens["sources"], window.screens["scan"]
    assert isinstance(sources, SourcesScreen) and isinstance(scan, ScanScreen)
    window.show_screen("sources")
    sources.paste.setPlainText(
        "\n".join(
            [
                photo_site.url("/you.html"),
                photo_site.url("/stranger.html"),
                photo_site.url("/words.html"),
                photo_site.url("/missing.html"),
                "www.example.org/team",
            ]
        )
    )
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 4, timeout=10_000)
    screenshot(window, "sources-added")

    window.show_screen("scan")
    with qtbot.waitSignal(scan.runner.finished, timeout=180_000):
        qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    screenshot(window, "scan-result")

    window.show_screen("sources")
    qtbot.waitUntil(
        lambda: sources.model.data(sources.model.index(0, 0), STATE_ROLE) == "you_appear",
        timeout=10_000,
    )
    sources.table.selectRow(3)
    screenshot(window, "sources-states")
