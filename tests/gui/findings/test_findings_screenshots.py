"""Screenshots of the Findings screen with a real scanned case: en/fr, light/dark."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from faceaudit.gui.findings.viewer import ViewerDialog

PASSPHRASE = "correct horse battery staple"  # the scanned_case fixture's
pytestmark = [pytest.mark.models, pytest.mark.shared]


def test_findings_and_viewer_screenshots(
    window_factory: Any, screenshot: Any, qtbot: Any, gui_context: Any, dialogs: Any, scanned_case
) -> None:
    case, _ = scanned_case
    rows = case.findings()
    case.review(rows[0].id, "confirmed")
    case.close()
    for language in ("en", "fr"):
        for scheme in ("light", "dark"):
            window = window_factory(language=language, scheme=scheme)
            window.resize(1280, 820)
            window.show()
            qtbot.waitExposed(window)
            # Closing the window locks the case: each window opens it again, as a person would.
            gui_context.open_case(gui_context.case_store.open(case.name, PASSPHRASE))
            window.show_screen("findings")
            screen = window.screens["findings"]
            qtbot.waitUntil(lambda s=screen: s.model.rowCount() == len(rows))
            loader = screen.gallery.loader
            qtbot.waitUntil(lambda lo=loader: lo.cached_count() == len(rows), timeout=20_000)
            screen.gallery.select_finding(rows[-1].id)
            screen.gallery.setFocus()
            qtbot.keyClick(screen.gallery, Qt.Key.Key_R)  # this one face shown, others blurred
            assert screenshot(window, "findings-review").stat().st_size > 10_000
            qtbot.keyClick(screen.gallery, Qt.Key.Key_Space)
            qtbot.waitUntil(
                lambda: any(isinstance(d, ViewerDialog) for d in dialogs.dialogs), timeout=30_000
            )
            viewer = next(d for d in dialogs.dialogs if isinstance(d, ViewerDialog))
            qtbot.waitExposed(viewer)
            screenshot(viewer, "findings-viewer")
            viewer.close()
            dialogs.dialogs.clear()
            window.close()
