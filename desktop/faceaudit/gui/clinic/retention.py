"""The Clinic screen's Retention panel: close the open case (done or abandoned) with its
retention period, the closed cases due for deletion (delete one, with a receipt), and the
destruction receipts. The same core as ``case close``, ``case due-for-deletion``,
``case delete`` and ``receipts``; everything runs off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import hint_label, local_date, local_time, set_state

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class RetentionPanel(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("RetentionPanel", "Retention")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        self.outcome_box = QComboBox()
        self.outcome_box.addItem(self.tr("Done"), "done")
        self.outcome_box.addItem(self.tr("Abandoned"), "abandoned")
        self.days_box = QSpinBox()
        self.days_box.setRange(0, 36500)
        self.days_box.setValue(context.app.config.retention_days)
        self.days_box.setSuffix(self.tr(" days"))
        self.close_button = QPushButton(self.tr("Close the case"))
        self.reopen_button = QPushButton(self.tr("Reopen the case"))
        self.close_button.clicked.connect(self.close_open_case)
        self.reopen_button.clicked.connect(self.reopen_open_case)
        row = QHBoxLayout()
        for widget in (self.outcome_box, self.days_box, self.close_button, self.reopen_button):
            row.addWidget(widget)
        row.addStretch(1)
        case_box = QGroupBox(self.tr("The open case"))
        case_layout = QVBoxLayout(case_box)
        case_layout.addWidget(self.case_label)
        case_layout.addLayout(row)

        self.due_model = QStandardItemModel(0, 4, self)
        self.due_model.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Closed"), self.tr("Outcome"), self.tr("Delete from")]
        )
        self.due_view = _table(self.due_model)
        self.delete_button = QPushButton(self.tr("Delete the selected case for good..."))
        self.delete_button.clicked.connect(self.delete_selected)
        due_box = QGroupBox(self.tr("Closed cases due for deletion"))
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(
            hint_label(
                self.tr(
                    "Closed cases past their retention period. Deleting destroys the case's key "
                    "and files, its letters and temporary copies, and keeps a receipt without "
                    "personal data."
                )
            )
        )
        due_layout.addWidget(self.due_view)
        due_layout.addWidget(self.delete_button)

        self.receipt_model = QStandardItemModel(0, 3, self)
        self.receipt_model.setHorizontalHeaderLabels(
            [self.tr("Deleted"), self.tr("Case id"), self.tr("By")]
        )
        receipt_box = QGroupBox(self.tr("Destruction receipts"))
        receipt_layout = QVBoxLayout(receipt_box)
        receipt_layout.addWidget(_table(self.receipt_model))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(case_box)
        layout.addWidget(due_box, 1)
        layout.addWidget(receipt_box, 1)
        layout.addWidget(self.message_label)
        context.case_opened.connect(lambda _case: self.refresh())
        context.case_closed.connect(self.refresh)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        case = self.context.case
        store = self.context.case_store
        base = self.context.app.paths.base

        def read() -> tuple[Any, list[Any], list[Any]]:
            from faceaudit.store.receipts import read_receipts
            from faceaudit.store.retention import due_for_deletion

            state = case.lifecycle if case is not None and not case.closed else None
            return state, due_for_deletion(store), read_receipts(base).receipts

        self.context.run(read, on_result=self.show_found, on_error=self.failed)

    def show_found(self, found: tuple[Any, list[Any], list[Any]]) -> None:
        state, due, receipts = found
        case = self.context.case
        if case is None or state is None:
            self.case_label.setText(self.tr("Open a case to close it or to change its retention."))
            self.close_button.setEnabled(False)
            self.reopen_button.setEnabled(False)
        elif state.closed:
            self.case_label.setText(
                self.tr("%1 was closed on %2.")
                .replace("%1", case.name)
                .replace("%2", local_date(state.closed_at))
            )
            self.close_button.setEnabled(False)
            self.reopen_button.setEnabled(True)
        else:
            self.case_label.setText(self.tr("%1 is open.").replace("%1", case.name))
            self.close_button.setEnabled(True)
            self.reopen_button.setEnabled(False)
        self.due_model.removeRows(0, self.due_model.rowCount())
        for item in due:
            cells = [
                item.name,
                local_date(item.lifecycle.closed_at),
                self.outcome_box.itemText(
                    max(self.outcome_box.findData(item.lifecycle.outcome), 0)
                ),
                local_date(item.delete_after),
            ]
            row = [QStandardItem(text) for text in cells]
            row[0].setData(item.name, NAME_ROLE)
            self.due_model.appendRow(row)
        self.delete_button.setEnabled(bool(due))
        self.receipt_model.removeRows(0, self.receipt_model.rowCount())
        for receipt in receipts:
            self.receipt_model.appendRow(
                [
                    QStandardItem(local_time(receipt.deleted_at)),
                    QStandardItem(receipt.case_id),
                    QStandardItem(receipt.deleted_by),
                ]
            )

    def failed(self, error: BaseException) -> None:
        self.context.report_error(self, error)

    # -- changing ----------------------------------------------------------------------------

    def close_open_case(self) -> None:
        case = self.context.case
        if case is None:
            return
        outcome, days = self.outcome_box.currentData(), self.days_box.value()

        def close() -> None:
            case.mark_closed(outcome, days)

        def closed(_result: object) -> None:
            set_state(self.message_label, "good", self.tr("The case is closed."))
            self.refresh()

        self.context.run(close, on_result=closed, on_error=self.failed)

    def reopen_open_case(self) -> None:
        case = self.context.case
        if case is None:
            return

        def reopened(_result: object) -> None:
            set_state(self.message_label, "good", self.tr("The case is open again."))
            self.refresh()

        self.context.run(case.reopen, on_result=reopened, on_error=self.failed)

    def delete_selected(self) -> None:
        rows = self.due_view.selectionModel().selectedRows()
        if not rows:
            set_state(self.message_label, "warn", self.tr("Choose a case in the list first."))
            return
        name = str(rows[0].data(NAME_ROLE))
        question = self.tr(
            "Delete the case %1 for good? Its key is destroyed first: its photos, findings "
            "and letters cannot be recovered, even with the passphrase."
        ).replace("%1", name)
        if not self.context.dialogs.question(self, self.tr("Delete the case"), question):
            return
        if self.context.case is not None and self.context.case.name == name:
            self.context.close_case()
        store = self.context.case_store

        def deleted(_result: object) -> None:
            set_state(
                self.message_label,
                "good",
                self.tr("The case %1 was deleted; a receipt was kept.").replace("%1", name),
            )
            self.refresh()

        self.context.run(lambda: store.delete(name), on_result=deleted, on_error=self.failed)


def _table(model: QStandardItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view
