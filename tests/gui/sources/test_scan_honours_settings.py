"""A scan started from the Scan screen follows what the Settings screen saved: here robots.txt,
which keeps a crawler off a folder the person's own photo sits in."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.scan.view import ScanScreen
from faceaudit.gui.settings.view import SettingsScreen
from faceaudit.store import SourceSettings

from .conftest import PhotoSite

pytestmark = pytest.mark.models

SCAN_TIMEOUT = 180_000


def scan_once(window: MainWindow, qtbot: Any) -> Any:
    scan = window.screens["scan"]
    assert isinstance(scan, ScanScreen)
    window.show_screen("scan")
    qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: scan.outcome is not None and not scan.runner.running, timeout=SCAN_TIMEOUT
    )
    outcome = scan.outcome
    scan.outcome = None
    return outcome


def test_the_window_scan_honours_the_saved_robots_setting(
    scan_window: MainWindow, enrolled: Any, photo_site: PhotoSite, qtbot: Any
) -> None:
    photo_site.serve("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    start = photo_site.page("/start.html", '<a href="/private/me.html">my page</a>')
    photo_site.page("/private/me.html", '<img src="/img/me.jpg">')
    enrolled.add_sources([start], settings=SourceSettings(depth=1))

    honoured = scan_once(scan_window, qtbot)
    assert honoured.status == "done" and honoured.findings == []
    assert any("robots.txt" in str(error.error) for error in honoured.errors)

    settings = scan_window.screens["settings"]
    assert isinstance(settings, SettingsScreen)
    scan_window.show_screen("settings")
    settings.network.robots.setChecked(False)
    assert "Saved" in settings.saved_label.text()

    ignored = scan_once(scan_window, qtbot)
    assert ignored.status == "done"
    assert [f.image_url for f in ignored.findings] == [photo_site.url("/img/me.jpg")]
