"""The Browser screen: the person browses in FaceAudit's Chromium, per case, and scans a page.

This module loads no QtWebEngine: the pane (:mod:`.pane`) does, once the screen is shown with
a case open; Chromium's switches (:func:`faceaudit.gui.render.chromium.prepare`) are set just
before. Without the PySide6 add-ons the screen says how to install them. When the case
closes or is locked, the pane is dropped: the page goes blank and an off-the-record profile
takes everything it held with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import NeedsCase, hint_label, set_state, title_label

if TYPE_CHECKING:
    from faceaudit.gui.browser.pane import BrowserPane


class BrowserScreen(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("BrowserScreen", "Browser")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pane: BrowserPane | None = None
        self.missing: str | None = None  # why QtWebEngine cannot start here

        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.addWidget(title_label(self.tr("Browse and scan a page")))
        self.missing_label = hint_label()
        self.missing_label.setAccessibleName(self.tr("Why the browser is not available"))
        self.missing_label.setVisible(False)
        self.content_layout.addWidget(self.missing_label)
        self.needs_case = NeedsCase(context, content)
        outer = QVBoxLayout(self)
        outer.addWidget(self.needs_case)

        context.case_opened.connect(lambda _case: self._case_opened())
        context.case_closed.connect(self.drop_pane)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_pane()

    def _case_opened(self) -> None:
        self.drop_pane()
        if self.isVisible():
            self.ensure_pane()

    def ensure_pane(self) -> BrowserPane | None:
        """The browser of the open case, built on first need (None: no case, or no add-ons)."""
        case = self.context.case
        if self.pane is not None or case is None:
            return self.pane
        from faceaudit.gui.render import chromium

        chromium.prepare(headless=False)  # before the first QtWebEngine object
        self.missing = chromium.webengine_missing()
        if self.missing is not None:
            set_state(
                self.missing_label,
                "warn",
                self.tr(
                    "The in-app browser needs the PySide6 add-ons (they hold QtWebEngine), "
                    "which are not installed. Run “bash installer/setup.sh” again, or "
                    "“.venv/bin/pip install -e '.[browser]'”, then start FaceAudit again. "
                    "Everything else works without them."
                ),
            )
            return None
        from faceaudit.gui.browser.pane import BrowserPane

        self.pane = BrowserPane(self.context, case)
        self.content_layout.addWidget(self.pane, 1)
        return self.pane

    def drop_pane(self) -> None:
        pane, self.pane = self.pane, None
        if pane is not None:
            pane.drop()
            pane.hide()
            pane.deleteLater()
