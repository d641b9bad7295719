"""The case forms: create a case (also used by the first run) and unlock one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.cases.passphrase import MIN_CHARS, strength
from faceaudit.gui.widgets import hint_label, set_state

LANGUAGES = ("", "en", "fr", "de", "es", "it")


class CreateCaseForm(QWidget):
    """Name, optional details, passphrase twice with a strength hint and the no-recovery
    warning. Emits ``submitted`` with the values; the caller creates the case off-thread."""

    submitted = Signal(str, str, object)  # name, passphrase, faceaudit.store.Person

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. camille"))
        self.name_edit.setAccessibleName(self.tr("Case name"))
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setAccessibleName(self.tr("Your full name (optional)"))
        self.email_edit = QLineEdit()
        self.email_edit.setAccessibleName(self.tr("E-mail address (optional)"))
        self.address_edit = QLineEdit()
        self.address_edit.setAccessibleName(self.tr("Postal address (optional)"))
        self.country_edit = QLineEdit()
        self.country_edit.setMaxLength(2)
        self.country_edit.setPlaceholderText(self.tr("FR, GB, DE..."))
        self.country_edit.setAccessibleName(self.tr("Country code (optional)"))
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Language of the letters"))
        names = {
            "": self.tr("Same as the window"),
            "en": self.tr("English"),
            "fr": self.tr("French"),
            "de": self.tr("German"),
            "es": self.tr("Spanish"),
            "it": self.tr("Italian"),
        }
        for code in LANGUAGES:
            self.language_box.addItem(names[code], code)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(self.tr("Passphrase again"))
        self.strength_label = QLabel()
        self.strength_label.setWordWrap(True)
        self.strength_label.setAccessibleName(self.tr("Passphrase strength"))
        self.warning_label = QLabel(
            self.tr(
                "There is no recovery: if you forget this passphrase, nobody — not even "
                "FaceAudit — can open the case again. Write it down somewhere safe."
            )
        )
        self.warning_label.setWordWrap(True)
        self.warning_label.setProperty("state", "warn")
        # Shown only when this computer has a clinic passphrase (set_clinic_available).
        self.own_radio = QRadioButton(self.tr("A passphrase of its &own"))
        self.clinic_radio = QRadioButton(self.tr("The c&linic passphrase"))
        self.lock_group = QButtonGroup(self)
        for radio in (self.own_radio, self.clinic_radio):
            self.lock_group.addButton(radio)
        self.own_radio.setChecked(True)
        self.lock_hint = hint_label(
            self.tr(
                "With the clinic passphrase, every caseworker opens this case with the one "
                "passphrase of the clinic. With a passphrase of its own, only that passphrase "
                "opens it, e.g. when the client keeps the case. Either way the case has its "
                "own key, and the clinic passphrase opens no case created with its own. A "
                "clinic case can be given its own passphrase later."
            )
        )
        self.lock_row = QWidget()
        lock_layout = QVBoxLayout(self.lock_row)
        lock_layout.setContentsMargins(0, 0, 0, 0)
        lock_layout.addWidget(self.own_radio)
        lock_layout.addWidget(self.clinic_radio)
        lock_layout.addWidget(self.lock_hint)
        self.passphrase_label = QLabel(self.tr("&Passphrase:"))
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self._showing_mismatch = False
        self.create_button = QPushButton(self.tr("Create the case"))
        self.create_button.setDefault(True)

        form = self.form_layout = QFormLayout()
        form.addRow(self.tr("Case &name:"), self.name_edit)
        form.addRow(self.tr("&Full name:"), self.full_name_edit)
        form.addRow(self.tr("&E-mail:"), self.email_edit)
        form.addRow(self.tr("Postal &address:"), self.address_edit)
        form.addRow(self.tr("&Country:"), self.country_edit)
        form.addRow(self.tr("&Letters in:"), self.language_box)
        form.addRow(self.tr("Lock it with:"), self.lock_row)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        form.addRow("", self.strength_label)
        form.addRow(self.tr("&Repeat it:"), self.confirm_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Only the case name is required. Your details are used in the letters to "
                    "the sites, and are stored encrypted in the case."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)

        self.passphrase_edit.textChanged.connect(self._passphrase_changed)
        self.confirm_edit.textChanged.connect(self._update_button)
        self.name_edit.textChanged.connect(self._update_button)
        self.create_button.clicked.connect(self._submit)
        self.confirm_edit.returnPressed.connect(self._submit)
        self.passphrase_edit.returnPressed.connect(self._submit_if_clinic)
        self.lock_group.buttonToggled.connect(lambda *_: self._lock_changed())
        form.setRowVisible(self.lock_row, False)
        self._passphrase_changed("")

    def set_clinic_available(self, available: bool) -> None:
        """Offer the clinic passphrase (chosen by default) when this computer has one."""
        self.form_layout.setRowVisible(self.lock_row, available)
        (self.clinic_radio if available else self.own_radio).setChecked(True)
        self._lock_changed()

    def uses_clinic(self) -> bool:
        return self.clinic_radio.isChecked() and self.form_layout.isRowVisible(self.lock_row)

    def _lock_changed(self) -> None:
        clinic = self.uses_clinic()
        self.passphrase_label.setText(
            self.tr("Clinic &passphrase:") if clinic else self.tr("&Passphrase:")
        )
        self.passphrase_edit.setAccessibleName(
            self.tr("Clinic passphrase") if clinic else self.tr("Passphrase")
        )
        for widget in (self.strength_label, self.confirm_edit):
            self.form_layout.setRowVisible(widget, not clinic)
        self.warning_label.setVisible(not clinic)
        self._passphrase_changed(self.passphrase_edit.text())

    def _submit_if_clinic(self) -> None:
        if self.uses_clinic():
            self._submit()

    def _passphrase_changed(self, text: str) -> None:
        state, words = strength(text) if not self.uses_clinic() else ("", "")
        set_state(self.strength_label, state, words)
        self._update_button()

    def _update_button(self) -> None:
        passphrase = self.passphrase_edit.text()
        if self.uses_clinic():  # checked when the clinic key was set up; a wrong one is said
            self.create_button.setEnabled(bool(self.name_edit.text().strip() and passphrase))
            set_state(self.error_label, "", "")
            self._showing_mismatch = False
            return
        ready = bool(self.name_edit.text().strip()) and len(passphrase) >= MIN_CHARS
        self.create_button.setEnabled(ready and passphrase == self.confirm_edit.text())
        differ = bool(self.confirm_edit.text()) and passphrase != self.confirm_edit.text()
        if differ:
            set_state(self.error_label, "bad", self.tr("The two passphrases differ."))
            self._showing_mismatch = True
        elif self._showing_mismatch:
            set_state(self.error_label, "", "")
            self._showing_mismatch = False

    def _submit(self) -> None:
        if not self.create_button.isEnabled():
            return
        from faceaudit.store import Person

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        person = Person(
            full_name=text(self.full_name_edit),
            email=text(self.email_edit),
            postal_address=text(self.address_edit),
            country=(text(self.country_edit) or "").upper() or None,
            language=self.language_box.currentData() or None,
        )
        self.set_busy(True)
        self.submitted.emit(self.name_edit.text().strip(), self.passphrase_edit.text(), person)

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.create_button.setText(
            self.tr("Creating the case...") if busy else self.tr("Create the case")
        )

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self._update_button()
        set_state(self.error_label, "bad", text)
        self._showing_mismatch = False

    def clear_secrets(self) -> None:
        self.passphrase_edit.clear()
        self.confirm_edit.clear()


class CreateCaseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, clinic_available: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(520)
        self.form = CreateCaseForm(self)
        self.form.set_clinic_available(clinic_available)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)


class UnlockDialog(QDialog):
    """Asks for a case's passphrase (its own, the clinic's, or either: ``kinds``, from its key
    file); a wrong one is said inline and the person tries again."""

    submitted = Signal(str)

    def __init__(
        self, case_name: str, parent: QWidget | None = None, kinds: tuple[str, ...] = ("case",)
    ) -> None:
        super().__init__(parent)
        self.case_name = case_name
        self.kinds = kinds
        self.setWindowTitle(self.tr("Open the case %1").replace("%1", case_name))
        self.setMinimumWidth(440)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if kinds == ("clinic",):
            prompt = self.tr("The clinic passphrase (the case %1 is locked under it):")
        elif "clinic" in kinds:
            prompt = self.tr(
                "Passphrase of the case %1, or the clinic passphrase (either opens it):"
            )
        else:
            prompt = self.tr("Passphrase of the case %1:")
        self.prompt_label = QLabel(prompt.replace("%1", case_name))
        self.prompt_label.setWordWrap(True)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.passphrase_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        if not self.passphrase_edit.text():
            self._say("bad", self.tr("Type the passphrase first."))
            return
        self.set_busy(True)
        self.submitted.emit(self.passphrase_edit.text())

    def set_busy(self, busy: bool) -> None:
        self.open_button.setEnabled(not busy)
        self.passphrase_edit.setEnabled(not busy)
        if busy:
            self._say("", self.tr("Unlocking..."))

    def wrong_passphrase(self) -> None:
        self.set_busy(False)
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus()
        if self.kinds == ("clinic",):
            words = self.tr(
                "That is not the clinic passphrase. Check Caps Lock and the keyboard layout, "
                "then try again."
            )
        elif "clinic" in self.kinds:
            words = self.tr(
                "That is neither the case's passphrase nor the clinic passphrase. Check Caps "
                "Lock and the keyboard layout, then try again."
            )
        else:
            words = self.tr(
                "That passphrase does not open this case. Check Caps Lock and the keyboard "
                "layout, then try again."
            )
        self._say("bad", words)

    def failed(self, text: str) -> None:
        self.set_busy(False)
        self._say("bad", text)

    def _say(self, state: str, text: str) -> None:
        set_state(self.error_label, state, text)
        # A shown dialog does not grow by itself for a wrapped message: it was drawn clipped.
        self.adjustSize()

    def done_unlocking(self) -> None:
        self.passphrase_edit.clear()
        self.accept()
