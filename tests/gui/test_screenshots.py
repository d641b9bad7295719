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
