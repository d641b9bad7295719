"""Every keyboard shortcut, declared once; tooltips show them (see :func:`with_shortcut`).

A screen never writes a key sequence itself: it asks for one of these by name. wt-gallery
adds the Findings and Letters shortcuts in their own block below to keep merges trivial.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class Shortcut(NamedTuple):  # not a dataclass: dataclasses is not loaded at start-up
    name: str
    keys: QKeySequence.StandardKey | str

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)

    def text(self) -> str:
        """The shortcut as the person's platform writes it (Ctrl+Q, ⌘Q...)."""
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)


# -- the shell (wt-gui) ----------------------------------------------------------------------
QUIT = Shortcut("quit", QKeySequence.StandardKey.Quit)
LOCK_CASE = Shortcut("lock_case", "Ctrl+L")
SHOW_CASES = Shortcut("show_cases", "Ctrl+1")
SHOW_ME = Shortcut("show_me", "Ctrl+2")
SHOW_SOURCES = Shortcut("show_sources", "Ctrl+3")
SHOW_SCAN = Shortcut("show_scan", "Ctrl+4")
SHOW_FINDINGS = Shortcut("show_findings", "Ctrl+5")
SHOW_LETTERS = Shortcut("show_letters", "Ctrl+6")
SHOW_CLINIC = Shortcut("show_clinic", "Ctrl+7")
SHOW_BROWSER = Shortcut("show_browser", "Ctrl+8")  # added after the others: keeps their keys
SHOW_SETTINGS = Shortcut("show_settings", QKeySequence.StandardKey.Preferences)
HELP_ABOUT = Shortcut("about", "F1")
NEW_CASE = Shortcut("new_case", QKeySequence.StandardKey.New)
OPEN_CASE = Shortcut("open_case", QKeySequence.StandardKey.Open)
ADD_REFERENCE = Shortcut("add_reference", "Ctrl+Shift+R")
ADD_SOURCES = Shortcut("add_sources", "Ctrl+Shift+A")
START_SCAN = Shortcut("start_scan", "F5")
PAUSE_SCAN = Shortcut("pause_scan", "F6")
CANCEL_SCAN = Shortcut("cancel_scan", "Shift+F5")
DELETE_SELECTED = Shortcut("delete_selected", QKeySequence.StandardKey.Delete)

# Screens by navigation key: Ctrl+<n> shows the n-th (the Browser, added later, is Ctrl+8).
SCREEN_SHORTCUTS = {
    "cases": SHOW_CASES,
    "me": SHOW_ME,
    "sources": SHOW_SOURCES,
    "scan": SHOW_SCAN,
    "findings": SHOW_FINDINGS,
    "letters": SHOW_LETTERS,
    "clinic": SHOW_CLINIC,
    "browser": SHOW_BROWSER,
    "settings": SHOW_SETTINGS,
}

# -- Findings and Letters (wt-gallery) ------------------------------------------------------
CONFIRM_FINDING = Shortcut("confirm_finding", "Y")
REJECT_FINDING = Shortcut("reject_finding", "N")
VIEW_FINDING = Shortcut("view_finding", "Space")
UNDO_REVIEW = Shortcut("undo_review", QKeySequence.StandardKey.Undo)
REVEAL_FACES = Shortcut("reveal_faces", "R")  # the selected tiles; Shift+R: every face
REVEAL_ALL_FACES = Shortcut("reveal_all_faces", "Shift+R")
DRAFT_LETTER = Shortcut("draft_letter", "Ctrl+Shift+L")
EXPORT_CALENDAR = Shortcut("export_calendar", "Ctrl+Shift+E")

# -- Sources and Scan (wt-sources) ------------------------------------------------------------
IMPORT_SOURCES = Shortcut("import_sources", "Ctrl+Shift+I")
RETRY_SOURCE = Shortcut("retry_source", "Ctrl+R")


def with_shortcut(text: str, shortcut: Shortcut) -> str:
    """A tooltip that names the shortcut: "Lock the case (Ctrl+L)"."""
    keys = shortcut.text()
    if not keys:
        return text
    return (
        QCoreApplication.translate("shortcuts", "%1 (%2)").replace("%1", text).replace("%2", keys)
    )


def bind(widget: QWidget, shortcut: Shortcut, tooltip: str) -> None:
    """Give a button or action its tooltip naming the shortcut (the key itself is an action)."""
    widget.setToolTip(with_shortcut(tooltip, shortcut))


def action(parent: QWidget, text: str, shortcut: Shortcut, tooltip: str = "") -> QAction:
    """A window-wide QAction with the declared shortcut and a tooltip that names it."""
    act = QAction(text, parent)
    act.setShortcut(shortcut.sequence())
    act.setToolTip(with_shortcut(tooltip or text.replace("&", ""), shortcut))
    parent.addAction(act)
    return act


# -- the in-app browser (wt-browser); active while the Browser screen has the focus ----------
BROWSER_BACK = Shortcut("browser_back", "Alt+Left")
BROWSER_FORWARD = Shortcut("browser_forward", "Alt+Right")
BROWSER_RELOAD = Shortcut("browser_reload", "Ctrl+F5")  # F5 starts the case's scan
BROWSER_STOP = Shortcut("browser_stop", "Esc")
BROWSER_ADDRESS = Shortcut("browser_address", "Alt+D")  # Ctrl+L locks the case
SCAN_THIS_PAGE = Shortcut("scan_this_page", "Ctrl+Shift+S")
