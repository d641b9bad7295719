"""The Clinic screen: panels from its registry, in tabs, and its words in French."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from faceaudit.gui.clinic.view import ClinicScreen
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.screens import ScreenEntry


class NotePanel(QWidget):
    @staticmethod
    def title() -> str:
        return "Notes"

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        QLabel("a panel", self)


def test_panels_become_tabs_and_missing_ones_are_left_out(
    gui_context: GuiContext, qtbot: Any
) -> None:
    entries = (
        ScreenEntry("notes", __name__, "NotePanel"),
        ScreenEntry("later", "faceaudit.gui.clinic.not_landed_yet", "LaterPanel"),
    )
    screen = ClinicScreen(gui_context, entries=entries)
    qtbot.addWidget(screen)
    assert list(screen.panels) == ["notes"]
    assert screen.tabs.count() == 1
    assert screen.tabs.tabText(0) == "Notes"
    assert screen.empty_label.isHidden()
    screen.show_panel("notes")
    assert screen.tabs.currentWidget() is screen.panels["notes"]


def test_without_panels_the_screen_says_so(gui_context: GuiContext, qtbot: Any) -> None:
    screen = ClinicScreen(gui_context, entries=())
    qtbot.addWidget(screen)
    assert not screen.empty_label.isHidden()
    assert screen.tabs.isHidden()


def test_the_clinic_screen_is_in_the_navigation_in_french(window_factory: Any) -> None:
    window: MainWindow = window_factory("fr")
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert "Clinique" in titles
    window.show_screen("clinic")
    assert window.current_key() == "clinic"
