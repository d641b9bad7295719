"""The Sources screen's "render in a browser" option: saved with the source, honoured by the
window's scan (a real QtWebEngine on a loopback page whose photo a script inserts), and
greyed out, saying how to install the add-ons, when they are missing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.render import available
from faceaudit.gui.settings.view import SettingsScreen
from faceaudit.gui.sources.model import SETTINGS
from faceaudit.gui.sources.view import SourcesScreen
from faceaudit.store import SourceSettings

from .conftest import PhotoSite
from .test_scan_honours_settings import scan_once

# The person's photo appears only once a script has run (tests/collect/test_render.py).
INSERTED = """<html><body><h1>Team</h1><img src="/img/other.jpg">
<script>
  setTimeout(() => {
    const img = document.createElement("img"); img.src = "/img/me.jpg";
    document.body.appendChild(img);
  }, 200);
</script></body></html>"""


def sources_of(window: MainWindow) -> SourcesScreen:
    window.show_screen("sources")
    screen = window.screens["sources"]
    assert isinstance(screen, SourcesScreen)
    return screen


def test_the_deadline_the_window_states_is_the_renderers() -> None:
    from faceaudit.collect import CollectSettings
    from faceaudit.collect.render import PAGE_DEADLINE

    assert available.PAGE_DEADLINE_SECONDS == PAGE_DEADLINE == CollectSettings().render_deadline


def test_the_cheap_check_agrees_with_importing_qtwebengine() -> None:
    try:
        import PySide6.QtWebEngineCore  # noqa: F401
    except ImportError:
        importable = False
    else:
        importable = True
    assert available.webengine_installed() is importable


def test_a_new_source_keeps_the_option_and_the_table_says_so(
    main_window: MainWindow, opened_case: Any, qtbot: Any, screenshot: Any
) -> None:
    if not available.webengine_installed():
        pytest.skip("the option is offered only with the PySide6 add-ons")
    sources = sources_of(main_window)
    box = sources.new_settings.render_box
    assert box.isEnabled() and not sources.new_settings.render_hint.isVisible()
    assert "30 s" in box.toolTip() and "Slower" in box.toolTip()
    box.setChecked(True)
    sources.paste.setPlainText("https://example.org/gallery")
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 1, timeout=10_000)
    assert opened_case.sources()[0].settings.render is True
    description = sources.model.data(sources.model.index(0, SETTINGS))
    assert description == "This page only, rendered in a browser"
    sources.table.selectRow(0)
    assert sources.row_settings.render_box.isChecked()
    screenshot(main_window, "sources-render-chosen")


MISSING_WORDS = {"en": "is not installed", "fr": "n’est pas installé"}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_without_the_add_ons_the_option_is_greyed_and_says_how_to_install(
    window_factory: Any,
    opened_case: Any,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    screenshot: Any,
    language: str,
) -> None:
    monkeypatch.setattr(available, "webengine_installed", lambda: False)
    main_window = window_factory(language=language)
    main_window.show()
    qtbot.waitExposed(main_window)
    # Saved with the option elsewhere (faceaudit scan --render --case, another computer).
    opened_case.add_sources(["https://example.org/feed"], settings=SourceSettings(render=True))
    sources = sources_of(main_window)  # built now, after the check was made to say "missing"
    qtbot.waitUntil(lambda: sources.model.rowCount() == 1, timeout=10_000)
    sources.table.selectRow(0)
    for editor in (sources.new_settings, sources.row_settings):
        assert not editor.render_box.isEnabled()
        assert editor.render_hint.isVisible()
        assert MISSING_WORDS[language] in editor.render_hint.text()
        assert ".[browser]" in editor.render_box.toolTip()
    # The steps are said once on the screen, under the new sources' box.
    assert ".[browser]" in sources.new_settings.render_hint.text()
    assert ".[browser]" not in sources.row_settings.render_hint.text()
    # Greyed out, the box still keeps what was saved: saving the row does not drop it.
    assert sources.row_settings.render_box.isChecked()
    assert sources.row_settings.settings().render is True
    screenshot(main_window, "sources-render-missing")

    main_window.show_screen("settings")
    settings = main_window.screens["settings"]
    assert isinstance(settings, SettingsScreen)
    state = settings.network.browser_state.text()
    assert MISSING_WORDS[language].replace("’", "'") in state and ".[browser]" in state


def test_the_settings_screen_says_what_pages_in_the_browser_cannot_reach(
    main_window: MainWindow,
) -> None:
    main_window.show_screen("settings")
    settings = main_window.screens["settings"]
    assert isinstance(settings, SettingsScreen)
    text = settings.network.browser_hint.text()
    assert "cannot reach this computer, your local network or link-local addresses" in text
    assert "downloads, pop-ups and dialogs are refused" in text
    installed = available.webengine_installed()
    assert ("is installed" in settings.network.browser_state.text()) is installed


@pytest.mark.models
def test_the_window_scan_renders_a_source_only_when_asked(
    scan_window: MainWindow, enrolled: Any, photo_site: PhotoSite, qtbot: Any
) -> None:
    pytest.importorskip("PySide6.QtWebEngineCore", reason="render mode needs the PySide6 add-ons")
    page = photo_site.page("/team.html", INSERTED)
    sources = sources_of(scan_window)
    sources.paste.setPlainText(page)
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 1, timeout=10_000)
    assert enrolled.sources()[0].settings.render is False

    plain = scan_once(scan_window, qtbot)
    assert plain.status == "done" and plain.findings == []  # the stranger only

    sources = sources_of(scan_window)
    sources.table.selectRow(0)
    sources.row_settings.render_box.setChecked(True)
    qtbot.mouseClick(sources.save_settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "next scans" in sources.status_label.text(), timeout=10_000)
    assert enrolled.sources()[0].settings.render is True
    model = sources.model
    qtbot.waitUntil(
        lambda: "rendered in a browser" in str(model.data(model.index(0, SETTINGS))),
        timeout=10_000,
    )

    rendered = scan_once(scan_window, qtbot)
    assert rendered.status == "done", rendered.errors
    assert [f.image_url for f in rendered.findings] == [photo_site.url("/img/me.jpg")]
    assert rendered.findings[0].found_by == "rendered:img"
    assert rendered.findings[0].page_url == page
