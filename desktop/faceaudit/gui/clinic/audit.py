"""The Clinic screen's Audit panel: the open case's audit log, whether its chain is intact,
and an export as CSV (the CLI's ``faceaudit audit --case NAME --csv``).

The log and its check are read off the GUI thread; the check names the first broken entry
in the window's language (``AuditWords``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import hint_label, local_time, set_state
from faceaudit.store import audit
from faceaudit.store.audit import AuditEntry, AuditVerification

Index = QModelIndex | QPersistentModelIndex


class AuditWords(QObject):
    """The chain's state and the actions in words (tr() context: AuditWords)."""

    def action(self, code: str) -> str:
        """What was done, in the window's language (the stored code when unknown)."""
        words = {
            audit.CASE_CREATED: self.tr("Case created"),
            audit.CASE_OPENED: self.tr("Case opened"),
            audit.PERSON_UPDATED: self.tr("Person's details changed"),
            audit.SETTINGS_CHANGED: self.tr("Case settings changed"),
            audit.PASSPHRASE_CHANGED: self.tr("Passphrase changed"),
            audit.REFERENCE_ADDED: self.tr("Reference photo added"),
            audit.REFERENCE_REMOVED: self.tr("Reference photo removed"),
            audit.SOURCE_ADDED: self.tr("Source added"),
            audit.SOURCE_REMOVED: self.tr("Source removed"),
            audit.SCAN_STARTED: self.tr("Scan started"),
            audit.SCAN_RESUMED: self.tr("Scan resumed"),
            audit.SCAN_FINISHED: self.tr("Scan finished"),
            audit.REVIEW: self.tr("Findings reviewed"),
            audit.FACE_CACHE_CLEARED: self.tr("Face cache cleared"),
            audit.LETTER_GENERATED: self.tr("Letter drafted"),
            audit.LETTER_WRITTEN: self.tr("Letter files written"),
            audit.LETTER_DISCARDED: self.tr("Draft letter discarded"),
            audit.REPLY_ADDED: self.tr("Operator's reply kept"),
            audit.REQUEST_MARKED: self.tr("Request updated"),
            audit.EXPORTED: self.tr("Case exported (hand-off)"),
            audit.IMPORTED: self.tr("Case imported (hand-off)"),
            audit.CONSENT_RECORDED: self.tr("Client's consent recorded"),
            audit.REPORT_GENERATED: self.tr("Report made"),
            audit.ERASURE_RECHECKED: self.tr("Promised erasure re-checked"),
            audit.MANDATE_RECORDED: self.tr("Mandate recorded"),
            audit.CAPTURE_ADDED: self.tr("Page captured in the browser"),
            audit.CASE_CLOSED: self.tr("Case closed"),
            audit.CASE_REOPENED: self.tr("Case reopened"),
            audit.RETENTION_CHANGED: self.tr("Retention changed"),
            audit.AUDIT_BREAK_FOUND: self.tr("Break in the log found"),
        }
        return words.get(code, code)

    def state(self, status: AuditVerification) -> str:
        if status.ok:
            return self.tr(
                "The audit log is intact: %n entry(ies), each chained to the one before.",
                "",
                status.entries,
            )
        first, last = str(status.seq), str(status.last_seq or status.seq)
        reasons = {
            "altered": self.tr("entry %1 was changed after it was written").replace("%1", first),
            "missing": self.tr("entries %1 to %2 are missing (deleted from the file)"),
            "unchained": self.tr(
                "entry %1 does not follow the entry before it (reordered or inserted)"
            ).replace("%1", first),
            "truncated": self.tr("entries %1 to %2 were cut from the end of the log"),
            "head_missing": self.tr("the record of its newest entry is missing"),
            "head_altered": self.tr("the record of its newest entry was changed"),
        }
        reason = reasons.get(status.problem or "", "").replace("%1", first).replace("%2", last)
        return (
            self.tr(
                "The audit log is broken at entry %1: %2. Entries from there on cannot be "
                "vouched for; restore the case from a backup if the change was not yours."
            )
            .replace("%1", first)
            .replace("%2", reason)
        )


def _word(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class AuditModel(QAbstractTableModel):
    """The log's entries, one row each (the newest last)."""

    COLUMNS = ("seq", "at", "caseworker", "action", "details")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = AuditWords(self)
        self.entries: list[AuditEntry] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        entry = self.entries[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "seq":
            return str(entry.seq)
        if column == "at":
            return local_time(entry.at)
        if column == "action":
            return self.words.action(entry.action)
        if column == "details":
            return ", ".join(f"{k}={_word(v)}" for k, v in sorted(entry.details.items()))
        return getattr(entry, column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {
            "seq": QCoreApplication.translate("AuditModel", "No."),
            "at": QCoreApplication.translate("AuditModel", "Time"),
            "caseworker": QCoreApplication.translate("AuditModel", "Caseworker"),
            "action": QCoreApplication.translate("AuditModel", "Action"),
            "details": QCoreApplication.translate("AuditModel", "Details"),
        }
        return names[self.COLUMNS[section]]


class AuditPanel(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("AuditPanel", "Audit log")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.words = AuditWords(self)
        self.generation = 0
        self.status: AuditVerification | None = None
        self.model = AuditModel(self)
        self.intro = hint_label(
            self.tr(
                "Every action on the case, with its time and caseworker. The log holds no "
                "photos, faces or client's name; each entry is chained to the one before, so "
                "a change made to the file outside FaceAudit is found."
            )
        )
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        # A wrapped label asks for its height from its width: let it take all of it.
        self.state_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.state_label.setMinimumHeight(self.state_label.fontMetrics().lineSpacing() * 3)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.refresh_button = QPushButton(self.tr("Check again"))
        self.export_button = QPushButton(self.tr("Export as CSV..."))
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export_csv)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.state_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        context.case_opened.connect(lambda _case: self.reload())
        context.case_closed.connect(self.show_no_case)
        context.findings_changed.connect(self.reload)
        context.requests_changed.connect(self.reload)
        context.references_changed.connect(self.reload)
        context.sources_changed.connect(self.reload)
        if context.case is not None:
            self.reload()
        else:
            self.show_no_case()

    def show_no_case(self) -> None:
        self.generation += 1
        self.model.set_entries([])
        self.status = None
        set_state(self.state_label, "", self.tr("Open a case to see its audit log."))
        set_state(self.message_label, "", "")
        self.refresh_button.setEnabled(False)
        self.export_button.setEnabled(False)

    def reload(self) -> None:
        case = self.context.case
        if case is None:
            self.show_no_case()
            return
        self.generation += 1
        generation = self.generation

        def read() -> tuple[list[AuditEntry], AuditVerification]:
            return case.audit_log(), case.verify_audit()

        def show(found: tuple[list[AuditEntry], AuditVerification]) -> None:
            if generation != self.generation:
                return  # a newer reading (or the case closed) came since
            entries, status = found
            self.status = status
            self.model.set_entries(entries)
            self.table.scrollToBottom()
            set_state(self.state_label, "good" if status.ok else "bad", self.words.state(status))
            self.refresh_button.setEnabled(True)
            self.export_button.setEnabled(True)

        def failed(error: BaseException) -> None:
            if generation == self.generation:
                self.context.report_error(self, error)

        self.context.run(read, on_result=show, on_error=failed)

    def export_csv(self) -> None:
        case = self.context.case
        if case is None:
            return
        suggested = str(self.context.app.paths.base / "exports" / case.name / "audit-log.csv")
        chosen = self.context.dialogs.get_save_file(
            self, self.tr("Export the audit log"), suggested, self.tr("CSV files (*.csv)")
        )
        if not chosen:
            return
        entries = list(self.model.entries)

        def write() -> Path:
            import os

            from faceaudit.cli.audit import audit_csv

            path = Path(chosen)
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(audit_csv(entries))
            return path

        def written(path: Path) -> None:
            set_state(
                self.message_label,
                "good",
                self.tr("Saved %n entry(ies) to %1.", "", len(entries)).replace("%1", str(path)),
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):
                from faceaudit.cli import os_error_message

                error = os_error_message(error)
            self.context.report_error(self, error)

        self.context.run(write, on_result=written, on_error=failed)
