"""The window step of ``faceaudit --self-test``: the main window, opened and closed offscreen.

Kept apart from :mod:`faceaudit.selftest` so that only this step loads Qt. In a standalone
build it also proves the window's French translations were shipped (they are build products).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from faceaudit.errors import FaceAuditError

if TYPE_CHECKING:
    from faceaudit.app import App


def open_and_close_window(app: App) -> str:
    if "PySide6.QtWidgets" not in sys.modules:
        # Before Qt starts: the check must not depend on (or appear on) the person's screen.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from faceaudit.gui import i18n
    from faceaudit.gui.application import build_window, qt_application
    from faceaudit.gui.context import GuiContext

    def quiet_offscreen(kind: QtMsgType, _context: object, message: str) -> None:
        # The offscreen platform's notes about what it cannot do are not the app's problems.
        if "does not support" not in message:
            print(f"Qt: {message}", file=sys.stderr)

    previous = qInstallMessageHandler(quiet_offscreen)
    qapp = qt_application([])
    context = GuiContext(app)
    window = build_window(context)
    try:
        window.show()
        qapp.processEvents()
        if not window.isVisible():
            raise FaceAuditError("the main window did not show")
        screens = len(window.screens)
    finally:
        window.close()
        qapp.processEvents()
        window.deleteLater()
        qInstallMessageHandler(previous)
    features = i18n.features()
    french = [f for f in features if i18n.qm_path(i18n.ts_path(f, "fr")).is_file()]
    if getattr(sys, "frozen", False) and len(french) < len(features):
        missing = ", ".join(sorted(set(features) - set(french)))
        raise FaceAuditError(f"this build lacks the French translation of: {missing}")
    return (
        f"main window with {screens} screen(s) shown offscreen and closed; "
        f"French translations for {len(french)} of {len(features)} parts"
    )
