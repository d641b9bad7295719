"""The screen registry: which screens the main window shows, in navigation order.

A screen is a ``QWidget`` built as ``Screen(context, parent=None)`` with a static
``title()`` (translated at call time). The navigation names it from the entry alone: its
module is imported and the screen built only when the person first opens it (start-up
builds one screen, not all), so a screen must take the case already open from
``context.case``. Adding a screen is one line here. Keys are stable: other code asks
``main_window.show_screen("findings")``.
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication


class ScreenEntry(NamedTuple):  # not a dataclass: dataclasses is not loaded at start-up
    key: str
    module: str
    class_name: str
    # The screen's title as its class translates it (context = the class name), so the
    # navigation can show it without importing the screen; a test checks they agree.
    title_text: str = ""

    def title(self) -> str:
        return QCoreApplication.translate(self.class_name, self.title_text)

    def load(self) -> Any:
        """The screen class (a QWidget subclass built as ``Screen(context, parent)``), or
        None while its feature folder has not landed yet."""
        try:
            module = importlib.import_module(self.module)
        except ModuleNotFoundError as error:
            if error.name and self.module.startswith(error.name):
                return None
            raise
        return getattr(module, self.class_name)


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry("cases", "faceaudit.gui.cases.view", "CasesScreen", "Cases"),
    ScreenEntry("me", "faceaudit.gui.me.view", "MeScreen", "Me"),
    ScreenEntry("sources", "faceaudit.gui.sources.view", "SourcesScreen", "Sources"),
    ScreenEntry("browser", "faceaudit.gui.browser.view", "BrowserScreen", "Browser"),
    ScreenEntry("scan", "faceaudit.gui.scan.view", "ScanScreen", "Scan"),
    ScreenEntry("findings", "faceaudit.gui.findings.view", "FindingsScreen", "Findings"),
    ScreenEntry("letters", "faceaudit.gui.letters.view", "LettersScreen", "Letters & requests"),
    ScreenEntry("clinic", "faceaudit.gui.clinic.view", "ClinicScreen", "Clinic"),
    ScreenEntry("settings", "faceaudit.gui.settings.view", "SettingsScreen", "Settings"),
)
