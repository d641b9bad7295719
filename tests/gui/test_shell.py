"""The shell: `faceaudit` opens the window, navigation, the About box, geometry, errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QScrollArea

from faceaudit import __version__
from faceaudit.gui import shortcuts
from faceaudit.gui.application import EXIT_WHEN_SHOWN_ENV
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.screens import SCREENS

from .conftest import RecordingDialogs


def window_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {"QT_QPA_PLATFORM": "offscreen", "FACEAUDIT_HOME": str(home), EXIT_WHEN_SHOWN_ENV: "1"}
    )
    return env


def test_no_arguments_and_python_m_open_the_window(sandbox_home: Path) -> None:
    faceaudit = Path(sys.executable).with_name("faceaudit")
    for command in ([str(faceaudit)], [sys.executable, "-m", "faceaudit"]):
        done = subprocess.run(
            command, env=window_env(sandbox_home), capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert "faceaudit: window shown" in done.stdout
        assert "usage:" not in done.stdout


def test_the_window_without_arguments_takes_the_global_options_defaults() -> None:
    # `faceaudit` alone skips argparse on its way to the window (start-up, issue 8): the
    # defaults it uses must be what parsing an empty command line gives.
    from faceaudit.cli import WINDOW_DEFAULTS, global_options

    assert vars(WINDOW_DEFAULTS) == vars(global_options().parse_args([]))


def test_the_navigation_icons_come_once_the_window_is_shown(gui_context: GuiContext) -> None:
    gui_context.hold_until_shown()
    window = MainWindow(gui_context)
    items = [window.navigation.item(row) for row in range(window.navigation.count())]
    assert all(item.icon().isNull() for item in items)
    gui_context.shown()
    assert not any(item.icon().isNull() for item in items)
    window.close()


def test_subcommands_still_run_in_the_terminal(sandbox_home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "faceaudit", "case", "list"],
        env=window_env(sandbox_home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "window shown" not in done.stdout


def test_no_screen_means_the_command_line_help(sandbox_home: Path) -> None:
    env = window_env(sandbox_home)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "faceaudit"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0
    assert "usage: faceaudit" in done.stdout
    assert "no screen" in done.stderr


def test_navigation_lists_the_screens_and_switches(main_window: MainWindow, qtbot: Any) -> None:
    keys = [e.key for e in SCREENS if e.key in main_window.screens]
    assert keys[0] == "cases"
    assert main_window.navigation.count() == len(main_window.screens)
    for key in reversed(keys[1:]):
        with qtbot.waitSignal(main_window.screen_shown) as shown:
            main_window.show_screen(key)
        assert shown.args == [key]
        assert main_window.stack.currentWidget() is main_window.screens[key]
    main_window.show_screen("cases")
    first = main_window.navigation.item(0)
    assert shortcuts.SHOW_CASES.text() in first.toolTip()
    # Keyboard only: the navigation list takes focus and arrows move between screens.
    if len(keys) > 1:
        main_window.navigation.setFocus()
        qtbot.keyClick(main_window.navigation, Qt.Key.Key_Down)
        assert main_window.current_key() == keys[1]


def test_geometry_is_kept_and_nothing_personal(
    main_window: MainWindow, gui_context: GuiContext
) -> None:
    main_window.resize(900, 640)
    main_window.close()
    geometry = gui_context.settings.value("window/geometry")
    assert isinstance(geometry, QByteArray)
    assert not geometry.isEmpty()
    assert set(gui_context.settings.allKeys()) <= {
        "window/geometry",
        "interface/language",
        "interface/theme",
        "cases/last",
    }


def test_about_box_shows_version_and_licences(
    main_window: MainWindow, dialogs: RecordingDialogs
) -> None:
    dialog = main_window.show_about()
    assert dialogs.last("dialog").extra is dialog
    assert __version__ in dialog.version_label.text()
    licences = dialog.licences_label.text()
    for text in ("GPL-3.0-or-later", "LGPL", "onnxruntime", "MIT", "non-commercial"):
        assert text in licences
    assert "never checks for updates" in dialog.releases_label.text()


def test_about_box_says_where_releases_are_published(main_window: MainWindow) -> None:
    import tomllib

    from .conftest import PROJECT_ROOT

    urls = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["urls"]
    dialog = main_window.show_about()
    text = dialog.releases_label.text()
    assert urls["Releases"].endswith("/releases")
    assert f"New versions are published at: <a href='{urls['Releases']}'>" in text


def test_unexpected_errors_are_words_and_a_log_not_a_traceback(
    gui_context: GuiContext, dialogs: RecordingDialogs
) -> None:
    try:
        raise KeyError("camille@example.org")
    except KeyError as error:
        gui_context.report_error(None, error)
    shown = dialogs.last("warning").text
    assert "Traceback" not in shown
    assert "camille@example.org" not in shown
    assert str(gui_context.crash_log.path) in shown
    assert "camille@example.org" not in gui_context.crash_log.path.read_text()


def test_dark_and_light_palettes(window_factory: Any, qapp: QApplication) -> None:
    window_factory(scheme="dark")
    dark = qapp.palette().window().color().lightness()
    window_factory(scheme="light")
    light = qapp.palette().window().color().lightness()
    assert dark < 100 < light


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_current_screen_is_highlighted_in_the_navigation(
    window_factory: Any, qtbot: Any, scheme: str
) -> None:
    # The navigation's style sheet must keep the selection visible: white text on no
    # highlight made the current screen's name vanish.
    window = window_factory(scheme=scheme)
    window.show()
    qtbot.waitExposed(window)
    navigation = window.navigation
    rect = navigation.visualItemRect(navigation.item(navigation.currentRow()))
    image = navigation.viewport().grab(rect).toImage()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    highlight = app.palette().color(QPalette.ColorRole.Highlight).rgb()
    points = [(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)]
    hits = sum(1 for x, y in points if image.pixelColor(x, y).rgb() == highlight)
    assert hits > len(points) // 3


def test_a_window_built_after_a_case_was_opened_says_which_is_open(
    opened_case: Any, window_factory: Any
) -> None:
    window = window_factory()
    assert window.case_label.text() == "Case: camille (open)"
    assert window.lock_action.isEnabled()
    assert "camille" in window.windowTitle()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_screen_fits_the_window_default_width(
    window_factory: Any, opened_case: Any, qtbot: Any, language: str
) -> None:
    # The window is as wide as its widest screen needs: a row of buttons or filters too
    # many made it wider than a laptop screen (1,429 px in French with Findings built).
    window = window_factory(language=language)
    window.show()
    qtbot.waitExposed(window)
    for key in window.screens:
        window.show_screen(key)
    assert window.minimumSizeHint().width() <= 1100
    # Nor does a screen scroll sideways at that width (Settings kept an empty bar in French).
    for area in window.screens["settings"].findChildren(QScrollArea):
        assert not area.horizontalScrollBar().isVisible()
    # With a case open, the letter's steps fit their column beside the site list (five
    # export buttons in a row made them scroll sideways).
    letters = window.screens["letters"]
    window.show_screen("letters")
    qtbot.waitUntil(lambda: letters.wizard.minimumSizeHint().width() <= letters.right.width())
