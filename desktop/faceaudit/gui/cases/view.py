"""The Cases screen: every case on this computer; create, open, lock and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui import shortcuts
from faceaudit.gui.cases.model import NAME_ROLE, CasesModel
from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import hint_label, set_state, title_label

if TYPE_CHECKING:
    from faceaudit.gui.cases.widgets import CreateCaseDialog, UnlockDialog
    from faceaudit.store import Case, CaseStore, CaseSummary


def _cases_and_locks(store: CaseStore) -> tuple[list[CaseSummary], dict[str, tuple[str, ...]]]:
    """The cases, and which passphrases open each (from their key files; no passphrase)."""
    from faceaudit.errors import FaceAuditError

    rows = store.list()
    locks: dict[str, tuple[str, ...]] = {}
    for summary in rows:
        try:
            key_file = store.key_file(summary.name)
        except FaceAuditError:
            continue  # the row says it cannot be read
        wraps = (("case", key_file.own), ("clinic", key_file.clinic))
        locks[summary.name] = tuple(kind for kind, wrap in wraps if wrap is not None)
    return rows, locks


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
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setColumnHidden(CasesModel.COLUMNS.index("opens_with"), True)  # see _listed
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())

        self.new_button = QPushButton(self.tr("&New case..."))
        shortcuts.bind(self.new_button, shortcuts.NEW_CASE, self.tr("Create a new case"))
        self.open_button = QPushButton(self.tr("&Open..."))
        shortcuts.bind(self.open_button, shortcuts.OPEN_CASE, self.tr("Open the selected case"))
        self.lock_button = QPushButton(self.tr("&Lock"))
        shortcuts.bind(self.lock_button, shortcuts.LOCK_CASE, self.tr("Close and lock the case"))
        self.delete_button = QPushButton(self.tr("&Delete..."))
        self.delete_button.setToolTip(self.tr("Delete the selected case for good"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.empty_label = hint_label(
            self.tr("There is no case yet. Create one to start: it takes a minute.")
        )

        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.lock_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Cases")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "A case is one person's file: their reference photos, the pages to search, "
                    "what was found and the letters. Each case is encrypted with its own key, "
                    "opened by its passphrase (in a clinic, maybe the clinic passphrase)."
                )
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.empty_label)
        self.empty_label.hide()  # until the list says there are no cases
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.table, self.new_button)

        for shortcut, slot in (
            (shortcuts.NEW_CASE, self.new_case),
            (shortcuts.OPEN_CASE, self.open_selected),
        ):
            act = shortcuts.action(self, "", shortcut)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
        self.new_button.clicked.connect(self.new_case)
        self.open_button.clicked.connect(self.open_selected)
        self.lock_button.clicked.connect(context.close_case)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        context.case_opened.connect(lambda _case: self._case_changed())
        context.case_closed.connect(self._case_changed)
        context.cases_changed.connect(self.refresh)
        self.dialog: Any = None
        context.when_shown(self.refresh)
        self._update_buttons()

    # -- list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """List the cases off the GUI thread (the store's first import is not instant)."""
        self.context.run(
            # The store is built on the worker too: its crypto takes a second to import.
            lambda: _cases_and_locks(self.context.case_store),
            on_result=lambda listed: self._listed(*listed),
            on_error=lambda error: self.context.report_error(self, error),
        )

    def _listed(
        self, rows: list[CaseSummary], locks: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        selected = self.selected_name() or self.context.settings.value("cases/last", "")
        self.model.set_cases(rows, locks)
        # Which passphrase opens a case matters only where a clinic passphrase is in use.
        self.table.setColumnHidden(
            CasesModel.COLUMNS.index("opens_with"), not self.model.any_clinic_case()
        )
        self.empty_label.setVisible(not rows)
        row = self.model.row_of(str(selected))
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return str(self.model.data(rows[0], NAME_ROLE))

    def _update_buttons(self) -> None:
        name = self.selected_name()
        open_case = self.context.case
        self.open_button.setEnabled(
            name is not None and (open_case is None or open_case.name != name)
        )
        self.delete_button.setEnabled(name is not None)
        self.lock_button.setEnabled(open_case is not None)

    def _case_changed(self) -> None:
        case = self.context.case
        if case is None:
            set_state(self.status_label, "", self.tr("No case is open; the cases are locked."))
        else:
            set_state(
                self.status_label, "good", self.tr("The case %1 is open.").replace("%1", case.name)
            )
        self.refresh()

    # -- create ------------------------------------------------------------------------------

    def new_case(self) -> CreateCaseDialog:
        from faceaudit.gui.cases.widgets import CreateCaseDialog  # not built at start-up

        dialog = CreateCaseDialog(
            self, clinic_available=self.context.app.paths.clinic_key.is_file()
        )
        dialog.form.submitted.connect(
            lambda name, passphrase, person: self._create(dialog, name, passphrase, person)
        )
        self.dialog = dialog
        self.context.dialogs.open_dialog(dialog)
        return dialog

    def _create(self, dialog: CreateCaseDialog, name: str, passphrase: str, person: Any) -> None:
        def created(case: Case) -> None:
            dialog.form.clear_secrets()
            dialog.accept()
            self.context.open_case(case)
            self.context.navigate.emit("me")

        under_clinic = dialog.form.uses_clinic()
        self.context.run(
            lambda: self.context.case_store.create(
                name, passphrase, person, under_clinic=under_clinic
            ),
            on_result=created,
            on_error=lambda error: dialog.form.show_error(self.context.error_text(error)),
        )

    # -- open ------------------------------------------------------------------------------

    def open_selected(self) -> UnlockDialog | None:
        name = self.selected_name()
        if name is None:
            return None
        return self.unlock(name)

    def unlock(self, name: str) -> UnlockDialog:
        from faceaudit.gui.cases.widgets import UnlockDialog

        dialog = UnlockDialog(name, self, self._unlock_kinds(name))
        dialog.submitted.connect(lambda passphrase: self._open(dialog, name, passphrase))
        self.dialog = dialog
        self.context.dialogs.open_dialog(dialog)
        return dialog

    def _unlock_kinds(self, name: str) -> tuple[str, ...]:
        """Which passphrases open the case: as listed, else from its small key file; a
        damaged one is said when opening."""
        from faceaudit.errors import FaceAuditError

        listed = self.model.locks_of(name)
        if listed:
            return listed
        try:
            key_file = self.context.case_store.key_file(name)
        except FaceAuditError:
            return ("case",)
        kinds = (("case", key_file.own), ("clinic", key_file.clinic))
        return tuple(kind for kind, wrap in kinds if wrap is not None) or ("case",)

    def _open(self, dialog: UnlockDialog, name: str, passphrase: str) -> None:
        from faceaudit.store import WrongPassphraseError

        def opened(case: Case) -> None:
            dialog.done_unlocking()
            self.context.open_case(case)

        def failed(error: BaseException) -> None:
            if isinstance(error, WrongPassphraseError):
                dialog.wrong_passphrase()
            else:
                dialog.failed(self.context.error_text(error))

        # scrypt takes a noticeable moment: never on the GUI thread.
        self.context.run(
            self.context.case_store.open, name, passphrase, on_result=opened, on_error=failed
        )

    # -- delete ------------------------------------------------------------------------------

    def delete_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        summary: CaseSummary = self.model.summary(rows[0].row())
        if not self.context.dialogs.question(
            self, self.tr("Delete the case?"), self.deletion_text(summary)
        ):
            return False
        if self.context.case is not None and self.context.case.name == summary.name:
            self.context.close_case()
        self.context.run(
            self.context.case_store.delete,
            summary.name,
            on_result=lambda _none: self._deleted(summary.name),
            on_error=lambda error: self.context.report_error(self, error),
        )
        return True

    def _deleted(self, name: str) -> None:
        if self.context.settings.value("cases/last") == name:
            self.context.settings.remove("cases/last")
        set_state(self.status_label, "", self.tr("The case %1 was deleted.").replace("%1", name))
        self.refresh()

    def deletion_text(self, summary: CaseSummary) -> str:
        exports = self.context.app.paths.base / "exports" / summary.name
        lines = [
            self.tr("Delete the case “%1” for good?").replace("%1", summary.name),
            "",
            self.tr("This destroys, on this computer:"),
            "• " + self.tr("%n reference photo(s) and their face data", "", summary.references),
            "• " + self.tr("%n source(s) you listed", "", summary.sources),
            "• "
            + self.tr(
                "%n finding(s) with their face thumbnails and evidence", "", summary.findings
            ),
            "• " + self.tr("%n scan(s), your details and the tracked requests", "", summary.scans),
            "• " + self.tr("the letters drafted for it in %1").replace("%1", str(exports)),
            "",
            self.tr(
                "The case's key is destroyed first, so nothing can be decrypted afterwards, "
                "not even with the passphrase. This cannot be undone. Letters you saved "
                "elsewhere are not touched."
            ),
        ]
        return "\n".join(lines)

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
