"""Clinic > Case passphrase: change the open case's own passphrase, or give a case locked
under the clinic passphrase one of its own (to hand it to the client: a hand-off carries
only the case's own passphrase). ``CaseStore.change_passphrase`` rewrites only the key file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from faceaudit.gui.cases.passphrase import MIN_CHARS, strength
from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import hint_label, password_edit, set_state


class CasePassphrasePanel(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("CasePassphrasePanel", "Case passphrase")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kinds: tuple[str, ...] | None = None  # which passphrases open the open case
        self._busy = False
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.current_edit = password_edit(self.tr("Current passphrase"))
        self.new_edit = password_edit(self.tr("New passphrase of the case"))
        self.repeat_edit = password_edit(self.tr("New passphrase of the case again"))
        self.strength_label = QLabel()
        self.strength_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)
        self.submit_button = QPushButton(self.tr("Change the case's passphrase"))
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
                    "Give the open case a passphrase of its own, or change it. For a case under "
                    "the clinic passphrase, the current passphrase can be the clinic's: the case "
                    "then opens with either, and can be handed to the client with its own. "
                    "Only the case's key file changes."
                )
            )
        )
        layout.addWidget(self.status_label)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.textChanged.connect(self._update)
        self.repeat_edit.returnPressed.connect(self.submit)
        self.submit_button.clicked.connect(self.submit)
        context.case_opened.connect(lambda _case: self.refresh())
        context.case_closed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        case = self.context.case
        self.kinds = None
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.clear()
            edit.setEnabled(case is not None)
        if case is None:
            set_state(
                self.status_label,
                "",
                self.tr(
                    "Open a case to change its passphrase or give a clinic case one of its own."
                ),
            )
            self._update()
            return
        name = case.name
        self.context.run(
            self.context.case_store.key_file,
            name,
            on_result=lambda key_file: self._show(name, key_file),
            on_error=lambda error: set_state(
                self.status_label, "bad", self.context.error_text(error)
            ),
        )
        self._update()

    def _show(self, name: str, key_file: object) -> None:
        case = self.context.case
        if case is None or case.name != name:
            return  # another case was opened meanwhile: its own reading follows
        own, clinic = getattr(key_file, "own", None), getattr(key_file, "clinic", None)
        self.kinds = tuple(k for k, wrap in (("case", own), ("clinic", clinic)) if wrap)
        if own is None:
            text = self.tr("The case %1 opens only with the clinic passphrase.")
        elif clinic is None:
            text = self.tr("The case %1 opens with its own passphrase.")
        else:
            text = self.tr("The case %1 opens with its own passphrase and the clinic passphrase.")
        set_state(self.status_label, "", text.replace("%1", name))
        self.submit_button.setText(
            self.tr("Give the case its own passphrase")
            if own is None
            else self.tr("Change the case's passphrase")
        )
        self._update()

    def _update(self) -> None:
        new = self.new_edit.text()
        state, words = strength(new)
        set_state(self.strength_label, state, words)
        self.submit_button.setEnabled(
            self.kinds is not None
            and self.context.case is not None
            and not self._busy
            and bool(self.current_edit.text())
            and len(new) >= MIN_CHARS
            and new == self.repeat_edit.text()
        )
        if self.repeat_edit.text() and new != self.repeat_edit.text():
            set_state(self.message_label, "bad", self.tr("The two passphrases differ."))
        elif self.message_label.property("state") == "bad" and not self._busy:
            set_state(self.message_label, "", "")

    def submit(self) -> None:
        case = self.context.case
        if not self.submit_button.isEnabled() or case is None:
            return
        name = case.name
        self._busy = True
        self._update()
        set_state(self.message_label, "", self.tr("Changing the case's passphrase..."))
        self.context.run(
            self.context.case_store.change_passphrase,
            name,
            self.current_edit.text(),
            self.new_edit.text(),
            on_result=lambda _none: self._done(name),
            on_error=self._failed,
        )

    def _done(self, name: str) -> None:
        self._busy = False
        clinic = self.kinds is not None and "clinic" in self.kinds
        self.refresh()
        set_state(
            self.message_label,
            "good",
            (
                self.tr("The case %1 now opens with its new passphrase and the clinic passphrase.")
                if clinic
                else self.tr("The case %1 now opens with its new passphrase.")
            ).replace("%1", name),
        )

    def _failed(self, error: BaseException) -> None:
        from faceaudit.store import WrongPassphraseError

        self._busy = False
        self._update()
        if isinstance(error, WrongPassphraseError):
            self.current_edit.selectAll()
            self.current_edit.setFocus()
            text = self.tr(
                "That passphrase does not open this case. Nothing was changed; try again."
            )
        else:
            text = self.context.error_text(error)
        set_state(self.message_label, "bad", text)
