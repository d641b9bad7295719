"""Clinic > Clinic passphrase: set up the clinic-wide passphrase, or change it.

The core is :class:`faceaudit.store.clinic.Clinic` (Argon2id, about a third of a second per
derivation: always on the worker). Nothing here needs an open case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from faceaudit.gui.cases.passphrase import MIN_CHARS, strength
from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import hint_label, password_edit, set_state

if TYPE_CHECKING:
    from faceaudit.store import CaseStore


@dataclass(frozen=True)
class ClinicStatus:
    set_up_at: str | None  # None: no clinic passphrase on this computer
    cases_under_it: int
    cases_of_their_own: int


def clinic_status(store: CaseStore) -> ClinicStatus:
    """Whether the clinic key exists, and how many cases each kind of passphrase opens
    (key files only: no passphrase, nothing personal)."""
    from faceaudit.errors import FaceAuditError

    key_file = store.clinic.key_file()
    under = own_only = 0
    for summary in store.list():
        try:
            case_key = store.key_file(summary.name)
        except FaceAuditError:
            continue
        if key_file and case_key.clinic and case_key.clinic.clinic_id == key_file.clinic_id:
            under += 1
        elif case_key.clinic is None:
            own_only += 1
    return ClinicStatus(key_file.created_at if key_file else None, under, own_only)


class ClinicPassphrasePanel(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ClinicPassphrasePanel", "Clinic passphrase")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.status: ClinicStatus | None = None
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.current_edit = password_edit(self.tr("Current clinic passphrase"))
        self.new_edit = password_edit(self.tr("New clinic passphrase"))
        self.repeat_edit = password_edit(self.tr("New clinic passphrase again"))
        self.strength_label = QLabel()
        self.strength_label.setWordWrap(True)
        self.warning_label = QLabel(
            self.tr(
                "There is no recovery: if the clinic passphrase is forgotten, the cases that "
                "have no passphrase of their own cannot be opened again. Keep it somewhere safe."
            )
        )
        self.warning_label.setWordWrap(True)
        self.warning_label.setProperty("state", "warn")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)
        self.submit_button = QPushButton()
        self.submit_button.setDefault(True)

        self.form = QFormLayout()
        self.form.addRow(self.tr("C&urrent passphrase:"), self.current_edit)
        self.form.addRow(self.tr("&New passphrase:"), self.new_edit)
        self.form.addRow("", self.strength_label)
        self.form.addRow(self.tr("&Repeat it:"), self.repeat_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "A clinic can open all its clients' cases with one clinic passphrase, or "
                    "give each case a passphrase of its own; both work side by side (choose "
                    "when creating a case). Either way each case keeps its own key: the clinic "
                    "passphrase opens only the cases created under it, never one with its own "
                    "passphrase. Changing it re-locks only the clinic key, not the cases."
                )
            )
        )
        layout.addWidget(self.status_label)
        layout.addLayout(self.form)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

        self.new_edit.textChanged.connect(self._update)
        self.repeat_edit.textChanged.connect(self._update)
        self.current_edit.textChanged.connect(self._update)
        self.repeat_edit.returnPressed.connect(self.submit)
        self.submit_button.clicked.connect(self.submit)
        context.case_opened.connect(lambda _case: self.refresh())  # a case was just created
        self._busy = False
        self._show(None)
        self.refresh()

    @property
    def set_up(self) -> bool:
        return self.status is not None and self.status.set_up_at is not None

    def refresh(self) -> None:
        self.context.run(
            clinic_status,
            self.context.case_store,
            on_result=self._show,
            on_error=lambda error: set_state(
                self.status_label, "bad", self.context.error_text(error)
            ),
        )

    def _show(self, status: ClinicStatus | None) -> None:
        self.status = status
        if status is None:
            set_state(self.status_label, "", self.tr("Reading the clinic key..."))
        elif status.set_up_at is None:
            set_state(
                self.status_label,
                "",
                self.tr(
                    "No clinic passphrase is set up on this computer: every case has a "
                    "passphrase of its own. Set one up to create cases under it."
                ),
            )
        else:
            text = self.tr("A clinic passphrase is set up (since %1).").replace(
                "%1", status.set_up_at.replace("T", " ").removesuffix("Z") + " UTC"
            )
            text += " " + self.tr("It opens %n case(s).", "", status.cases_under_it)
            text += " " + self.tr(
                "%n case(s) have only a passphrase of their own.", "", status.cases_of_their_own
            )
            set_state(self.status_label, "good", text)
        self.form.setRowVisible(self.current_edit, self.set_up)
        self.submit_button.setText(
            self.tr("Change the clinic passphrase")
            if self.set_up
            else self.tr("Set up the clinic passphrase")
        )
        self._update()

    def _update(self) -> None:
        new = self.new_edit.text()
        state, words = strength(new)
        set_state(self.strength_label, state, words)
        ready = (
            self.status is not None
            and not self._busy
            and len(new) >= MIN_CHARS
            and new == self.repeat_edit.text()
            and (not self.set_up or bool(self.current_edit.text()))
        )
        self.submit_button.setEnabled(ready)
        if self.repeat_edit.text() and new != self.repeat_edit.text():
            set_state(self.message_label, "bad", self.tr("The two passphrases differ."))
        elif self.message_label.property("state") == "bad" and not self._busy:
            set_state(self.message_label, "", "")

    def submit(self) -> None:
        if not self.submit_button.isEnabled():
            return
        store = self.context.case_store
        new = self.new_edit.text()
        changing = self.set_up
        self._busy = True
        self._update()
        set_state(
            self.message_label,
            "",
            self.tr("Changing the clinic passphrase...")
            if changing
            else self.tr("Setting up the clinic passphrase..."),
        )
        if changing:
            current = self.current_edit.text()
            task: Any = (store.clinic.change_passphrase, current, new)
        else:
            task = (store.clinic.init, new)
        self.context.run(
            *task,
            on_result=lambda _result: self._done(changing),
            on_error=self._failed,
        )

    def _done(self, changed: bool) -> None:
        self._busy = False
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        set_state(
            self.message_label,
            "good",
            self.tr("The clinic passphrase was changed. The cases under it open with the new one.")
            if changed
            else self.tr("The clinic passphrase is set up. New cases can now be created under it."),
        )
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        from faceaudit.store import WrongPassphraseError

        self._busy = False
        self._update()
        if isinstance(error, WrongPassphraseError):
            self.current_edit.selectAll()
            self.current_edit.setFocus()
            text = self.tr(
                "That is not the current clinic passphrase. Nothing was changed; try again."
            )
        else:
            text = self.context.error_text(error)
        set_state(self.message_label, "bad", text)
