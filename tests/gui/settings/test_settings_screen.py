"""The Settings screen: what it shows, that changes are saved where the scan reads them,
and that unusable saved values are said in words."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from faceaudit.config import Config, config_path, load_config
from faceaudit.faces.thresholds import DEFAULT_THRESHOLDS, MATCH_LEVELS
from faceaudit.gui.application import LANGUAGE_KEY, THEME_KEY
from faceaudit.gui.context import GuiContext
from faceaudit.gui.firstrun.model import licence_key
from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.settings.model import PacksModel
from faceaudit.gui.settings.view import SettingsScreen
from faceaudit.scan.runs import web_collector

from ..conftest import RecordingDialogs


@pytest.fixture
def settings_screen(main_window: MainWindow, qtbot: Any) -> SettingsScreen:
    main_window.show_screen("settings")
    screen = main_window.screens["settings"]
    assert isinstance(screen, SettingsScreen)
    qtbot.waitUntil(lambda: screen.packs.state_label.text() != "being checked…", timeout=30_000)
    return screen


def test_shows_the_pack_its_licence_and_the_measured_levels(
    settings_screen: SettingsScreen, main_window: MainWindow
) -> None:
    packs = settings_screen.packs
    assert packs.selected() == "buffalo_sc" and packs.in_use_label.text() == "buffalo_sc"
    assert "checked against its SHA-256" in packs.state_label.text()
    assert "non-commercial research use only" in packs.licence_label.text()
    matching = settings_screen.matching
    assert matching.buttons["standard"].isChecked()
    standard = matching.buttons["standard"].toolTip()
    assert "38 of 38 (100 %)" in standard and "0 of 262 (0 %)" in standard
    assert "37 of 38 (97 %)" in matching.buttons["strict"].toolTip()
    assert settings_screen.network.robots.isChecked()
    assert str(main_window.context.app.paths.base) in settings_screen.data_path_label.text()


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(
    window_factory: Any, screenshot: Any, qtbot: Any, language: str, scheme: str
) -> None:
    window = window_factory(language=language, scheme=scheme)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("settings")
    screen = window.screens["settings"]
    assert isinstance(screen, SettingsScreen)
    qtbot.waitUntil(lambda: screen.packs.verify_button.isEnabled(), timeout=30_000)
    screenshot(window, "settings")
    screen.network.robots.setChecked(False)
    scroll_to(screen, screen.network)
    screenshot(window, "settings-network")
    screen.language.setCurrentIndex(screen.language.findData("fr" if language == "en" else "en"))
    scroll_to(screen, screen.interface_box)
    screenshot(window, "settings-interface")


def click_level(qtbot: Any, screen: SettingsScreen, level: str) -> None:
    button = screen.matching.buttons[level]
    # On the indicator: a radio button only reacts to clicks on its circle and its words.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def scroll_to(screen: SettingsScreen, widget: Any) -> None:
    from PySide6.QtWidgets import QScrollArea

    scroll = screen.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(widget, 0, 0)


def test_changes_are_saved_where_the_scan_and_the_engine_read_them(
    settings_screen: SettingsScreen, gui_context: GuiContext, qtbot: Any
) -> None:
    app = gui_context.app
    click_level(qtbot, settings_screen, "strict")
    network = settings_screen.network
    network.connect_timeout.setValue(5)
    network.concurrency.setValue(3)
    network.per_host.setValue(3)
    network.robots.setChecked(False)
    assert "Saved" in settings_screen.saved_label.text()
    assert "Linked pages are visited even where" in network.robots_warning.text()

    saved = load_config(app.paths).config  # config.toml, which `faceaudit scan` reads too
    assert saved == Config(
        match_level="strict", connect_timeout=5.0, concurrency=3, per_host=3, robots=False
    )
    assert app.engine.thresholds == MATCH_LEVELS["strict"]
    collector = web_collector(app.paths).settings  # what the Scan screen's scan is given
    assert (collector.connect_timeout, collector.concurrency, collector.per_host) == (5, 3, 3)
    assert collector.robots is False

    # Fewer requests in all than to one site is impossible: the per-site limit follows.
    network.concurrency.setValue(2)
    assert network.per_host.value() == 2 and load_config(app.paths).config.per_host == 2

    # A new window over the same data folder shows what was saved.
    again = SettingsScreen(gui_context)
    qtbot.addWidget(again)
    assert again.matching.buttons["strict"].isChecked()
    assert again.network.connect_timeout.value() == 5 and not again.network.robots.isChecked()

    settings_screen.restore_defaults()
    assert load_config(app.paths).config == Config()
    assert settings_screen.matching.buttons["standard"].isChecked()
    assert app.engine.thresholds == DEFAULT_THRESHOLDS


def test_the_level_chosen_on_screen_is_the_one_the_engine_judges_with(
    settings_screen: SettingsScreen,
    gui_context: GuiContext,
    real_engine: Any,
    person_photos: dict[str, list[Path]],
    qtbot: Any,
) -> None:
    from faceaudit.faces.types import Verdict
    from faceaudit.imaging import load_image

    engine = gui_context.app.engine
    reference = engine.enrol_image("ref", load_image(person_photos["obama"][0]), "x")
    faces = engine.analyze(load_image(person_photos["obama"][1]))
    similarity = engine.match(faces, [reference])[0].similarity
    click_level(qtbot, settings_screen, "strict")
    strict = gui_context.app.engine
    expected = Verdict.MATCH if similarity >= 0.45 else Verdict.POSSIBLE
    assert strict.match(faces, [reference])[0].verdict is expected
    assert real_engine.thresholds == DEFAULT_THRESHOLDS  # the shared engine is untouched


def test_unusable_saved_values_are_said_and_replaced(gui_context: GuiContext, qtbot: Any) -> None:
    from faceaudit.app import App

    config_path(gui_context.app.paths).write_text("[network]\nconcurrency = 500\n")
    gui_context.app = App.create(data_dir=str(gui_context.app.paths.base), threads=2)
    screen = SettingsScreen(gui_context)
    qtbot.addWidget(screen)
    assert "could not be used" in screen.problems_label.text()
    assert "concurrency must be from 1 to 32, not 500" in screen.problems_label.text()
    assert screen.network.concurrency.value() == 8


def test_data_folder_opens_in_the_file_manager(
    settings_screen: SettingsScreen, dialogs: RecordingDialogs, gui_context: GuiContext, qtbot: Any
) -> None:
    qtbot.mouseClick(settings_screen.open_folder_button, Qt.MouseButton.LeftButton)
    assert dialogs.opened_urls == [str(gui_context.app.paths.base)]


def test_language_applies_at_restart_and_theme_at_once(
    settings_screen: SettingsScreen, gui_settings: QSettings, qapp: QApplication
) -> None:
    interface = settings_screen
    interface.language.setCurrentIndex(interface.language.findData("fr"))
    assert gui_settings.value(LANGUAGE_KEY) == "fr"
    assert "next time FaceAudit starts" in interface.language_hint.text()
    interface.theme.setCurrentIndex(interface.theme.findData("dark"))
    assert gui_settings.value(THEME_KEY) == "dark"
    assert qapp.property("faceaudit_dark") is True
    interface.theme.setCurrentIndex(interface.theme.findData("light"))
    assert qapp.property("faceaudit_dark") is False


def test_another_pack_needs_its_licence_accepted_and_its_files(
    settings_screen: SettingsScreen, gui_settings: QSettings, qtbot: Any
) -> None:
    packs = settings_screen.packs
    packs.select("buffalo_l")
    qtbot.waitUntil(lambda: packs.state_label.text() != "being checked…", timeout=30_000)
    assert not packs.use_button.isEnabled()
    if "not installed" in packs.state_label.text():
        assert packs.download_button.isEnabled()
    packs.accept_box.setChecked(True)
    assert str(gui_settings.value(licence_key("buffalo_l"))).lower() == "true"
    assert not packs.accept_box.isEnabled()  # accepted once, stays accepted


def test_packs_model_is_a_correct_qt_model(gui_context: GuiContext, qtmodeltester: Any) -> None:
    qtmodeltester.check(PacksModel(gui_context.model_store.packs()))


def test_verifying_rehashes_in_the_background(
    settings_screen: SettingsScreen, gui_context: GuiContext, qtbot: Any
) -> None:
    main_thread = threading.get_ident()
    seen: list[int] = []
    store = gui_context.model_store
    original = store.verify

    def verify(name: str) -> Any:
        seen.append(threading.get_ident())
        return original(name)

    store.verify = verify  # type: ignore[method-assign]
    task = settings_screen.check_pack("buffalo_sc", full=True)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert seen and seen[0] != main_thread
    assert "checked against its SHA-256" in settings_screen.packs.state_label.text()


def test_a_settings_file_that_cannot_be_written_is_said_in_french(
    window_factory: Any, gui_context: GuiContext, qtbot: Any
) -> None:
    window = window_factory("fr")
    window.show_screen("settings")
    screen = window.screens["settings"]
    assert isinstance(screen, SettingsScreen)
    before = gui_context.app.config
    path = config_path(gui_context.app.paths)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir()  # a folder where the file should be: the write fails, as on a full disk
    screen.network.connect_timeout.setValue(7)
    text = screen.saved_label.text()
    assert text.startswith("Non enregistré : le fichier des réglages n'a pas pu être écrit")
    assert "Rien d'autre n'a été modifié" in text
    assert gui_context.app.config == before
