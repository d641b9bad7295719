"""The screen registry: which screens the main window shows, in navigation order.

A screen is a ``QWidget`` built as ``Screen(context, parent=None)`` with a static
``title()`` (translated at call time) and optionally ``icon()``. Its module is imported only
when the window is built, so adding a screen is one line here. Keys are stable: other code
asks ``main_window.show_screen("findings")``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ScreenEntry:
    key: str
    module: str
    class_name: str

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
    ScreenEntry("cases", "faceaudit.gui.cases.view", "CasesScreen"),
    ScreenEntry("me", "faceaudit.gui.me.view", "MeScreen"),
    ScreenEntry("sources", "faceaudit.gui.sources.view", "SourcesScreen"),
    ScreenEntry("scan", "faceaudit.gui.scan.view", "ScanScreen"),
    # -- wt-gallery --
    ScreenEntry("findings", "faceaudit.gui.findings.view", "FindingsScreen"),
    ScreenEntry("letters", "faceaudit.gui.letters.view", "LettersScreen"),
    # -- wt-gui --
    ScreenEntry("clinic", "faceaudit.gui.clinic.view", "ClinicScreen"),
    ScreenEntry("settings", "faceaudit.gui.settings.view", "SettingsScreen"),
    # later: ScreenEntry("browser", ...) for the in-app browser
)
