"""The Cases screen: every case on this computer; create, open, lock and delete."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from faceaudit.gui.cases.model import CasesModel
from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import hint_label, title_label


class CasesScreen(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("CasesScreen", "Cases")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CasesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Cases on this computer"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Cases")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "A case is one person's file: their reference photos, the pages to search, "
                    "what was found and the letters. Each case is encrypted with its own "
                    "passphrase."
                )
            )
        )
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        """List the cases off the GUI thread (the store's first import is not instant)."""
        self.context.run(
            lambda: self.context.case_store.list(),
            on_result=self.model.set_cases,
            on_error=lambda error: self.context.report_error(self, error),
        )
