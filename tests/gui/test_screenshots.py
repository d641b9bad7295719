"""Screenshots of every screen, in English and French, light and dark (tests/screenshots/)."""

from __future__ import annotations

from typing import Any

import pytest

from faceaudit.gui.main_window import MainWindow


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_screen_is_drawn(
    window_factory: Any, screenshot: Any, qtbot: Any, language: str, scheme: str
) -> None:
    window: MainWindow = window_factory(language=language, scheme=scheme)
    window.show()
    qtbot.waitExposed(window)
    for key in window.screens:
        window.show_screen(key)
        path = screenshot(window, f"screen-{key}")
        assert path.stat().st_size > 1000
    about = window.show_about()
    screenshot(about, "about")
    about.close()


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_browser_with_a_page(
    window_factory: Any,
    screenshot: Any,
    qtbot: Any,
    opened_case: Any,
    folder_site: Any,
    language: str,
    scheme: str,
) -> None:
    pytest.importorskip("PySide6.QtWebEngineCore", reason="the browser needs the add-ons")
    url = folder_site.add(
        "team.html",
        b"<!doctype html><title>Team</title><body style='font:16px sans-serif'>"
        b"<h1>Our team</h1><p>Photos of the team day.</p></body>",
    )
    window: MainWindow = window_factory(language=language, scheme=scheme)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("browser")
    pane = window.screens["browser"].pane
    with qtbot.waitSignal(pane.page.loadFinished, timeout=30_000):
        pane.load(url)
    pane.load("file:///etc/passwd")  # the refusal, in words
    path = screenshot(window, "screen-browser-page")
    # A window's grab leaves Chromium's surface blank: paint the page's own capture over it
    # (the capture waits for Chromium to draw; its first screen is what the view shows).
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QPainter

    from faceaudit.gui.browser.capture import PageCapture

    capture = PageCapture(pane.view)
    with qtbot.waitSignal(capture.finished, timeout=30_000) as captured:
        capture.start()
    page = captured.args[0].image
    shot = window.grab()
    ratio = shot.devicePixelRatio()
    view = QRect(0, 0, round(pane.view.width() * ratio), round(pane.view.height() * ratio))
    painter = QPainter(shot)
    painter.drawImage(pane.view.mapTo(window, QPoint(0, 0)), page.copy(view))
    painter.end()
    assert shot.save(str(path))
    assert path.stat().st_size > 1000
