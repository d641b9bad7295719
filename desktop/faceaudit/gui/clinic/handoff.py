"""Clinic > Hand-off: export the open case to one encrypted file for another clinic, or
import a case another clinic sent. The same core as ``case export`` / ``case import``
(faceaudit.handoff): age encryption, a signed manifest, everything checked before anything
is written; both run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from faceaudit.errors import FaceAuditError
from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import hint_label, password_edit, set_state

HANDOFF_FILTER = "FaceAudit hand-off (*.age);;All files (*)"
MIN_EXPORT_CHARS = 12  # the core refuses shorter; said here before the work starts


class HandoffPanel(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("HandoffPanel", "Hand-off")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.busy = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._export_box())
        layout.addWidget(self._import_box())
        layout.addStretch(1)
        context.case_opened.connect(lambda _case: self._update())
        context.case_closed.connect(self._update)
        self._update()

    # -- layout ----------------------------------------------------------------------------

    def _export_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Hand the open case to another clinic"))
        self.export_case_label = QLabel()
        self.to_key_radio = QRadioButton(self.tr("To the receiving clinic's public &key"))
        self.to_passphrase_radio = QRadioButton(self.tr("To an export &passphrase"))
        self.to_key_radio.setChecked(True)
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setAccessibleName(self.tr("Public keys of the receiving clinic"))
        self.recipients_edit.setPlaceholderText("age1…")
        self.recipients_edit.setMaximumHeight(60)
        self.export_passphrase_edit = password_edit(self.tr("Export passphrase"))
        self.export_repeat_edit = password_edit(self.tr("Export passphrase again"))
        self.consent_box = QCheckBox(self.tr("The client agreed to this hand-off"))
        self.consent_edit = QLineEdit()
        self.consent_edit.setAccessibleName(self.tr("How and when the client agreed"))
        self.consent_edit.setPlaceholderText(self.tr("e.g. signed form, 2 December 2026"))
        self.export_button = QPushButton(self.tr("&Export the case…"))
        self.export_message = QLabel()
        self.export_message.setWordWrap(True)
        self.export_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.to_key_radio)
        form.addRow(self.tr("Public keys (one per line):"), self.recipients_edit)
        form.addRow(self.to_passphrase_radio)
        form.addRow(self.tr("Export passphrase:"), self.export_passphrase_edit)
        form.addRow(self.tr("Repeat it:"), self.export_repeat_edit)
        form.addRow(self.consent_box)
        form.addRow(self.tr("How and when:"), self.consent_edit)
        inner = QVBoxLayout(box)
        inner.addWidget(
            hint_label(
                self.tr(
                    "One encrypted file holds the whole case, signed by this clinic. Only the "
                    "receiving clinic's key (or the export passphrase) opens it, and the case "
                    "passphrase is still needed there: give it by another way than the file. "
                    "The client's consent is recorded in the case's log first."
                )
            )
        )
        inner.addWidget(self.export_case_label)
        inner.addLayout(form)
        inner.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        inner.addWidget(self.export_message)
        for widget in (self.to_key_radio, self.to_passphrase_radio, self.consent_box):
            widget.toggled.connect(self._update)
        for edit in (self.export_passphrase_edit, self.export_repeat_edit, self.consent_edit):
            edit.textChanged.connect(self._update)
        self.recipients_edit.textChanged.connect(self._update)
        self.export_button.clicked.connect(self.export)
        return box

    def _import_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Import a case another clinic sent"))
        self.import_file_edit = QLineEdit()
        self.import_file_edit.setAccessibleName(self.tr("Hand-off file"))
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.import_passphrase_edit = password_edit(self.tr("Export passphrase of the file"))
        self.import_passphrase_edit.setPlaceholderText(
            self.tr("only for a file protected by a passphrase")
        )
        self.case_passphrase_edit = password_edit(self.tr("The case's passphrase"))
        self.new_name_edit = QLineEdit()
        self.new_name_edit.setAccessibleName(self.tr("Name of the imported case"))
        self.new_name_edit.setPlaceholderText(self.tr("the sender's name for it"))
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_message = QLabel()
        self.import_message.setWordWrap(True)
        self.import_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("File:"), self.import_file_edit)
        form.addRow("", self.choose_button)
        form.addRow(self.tr("Export passphrase:"), self.import_passphrase_edit)
        form.addRow(self.tr("Case passphrase:"), self.case_passphrase_edit)
        form.addRow(self.tr("Import as:"), self.new_name_edit)
        inner = QVBoxLayout(box)
        inner.addWidget(
            hint_label(
                self.tr(
                    "Everything is checked before anything is written: a wrong key, a damaged "
                    "or altered file imports nothing. A file encrypted to this clinic opens "
                    "with its own key; compare the signer's fingerprint with the sender."
                )
            )
        )
        inner.addLayout(form)
        inner.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)
        inner.addWidget(self.import_message)
        for edit in (self.import_file_edit, self.case_passphrase_edit):
            edit.textChanged.connect(self._update)
        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.import_file)
        return box

    # -- state -----------------------------------------------------------------------------

    def _update(self) -> None:
        case = self.context.case
        self.export_case_label.setText(
            self.tr("Open a client's case to hand it over.")
            if case is None
            else self.tr("The open case: %1").replace("%1", case.name)
        )
        by_key = self.to_key_radio.isChecked()
        self.recipients_edit.setEnabled(by_key)
        for edit in (self.export_passphrase_edit, self.export_repeat_edit):
            edit.setEnabled(not by_key)
        self.consent_edit.setEnabled(self.consent_box.isChecked())
        self.export_button.setEnabled(
            case is not None and not self.busy and self.export_problem() is None
        )
        self.import_button.setEnabled(
            not self.busy
            and bool(self.import_file_edit.text().strip())
            and bool(self.case_passphrase_edit.text())
        )

    def recipients(self) -> list[str]:
        text = self.recipients_edit.toPlainText().replace(",", "\n")
        return [line.strip() for line in text.splitlines() if line.strip()]

    def export_problem(self) -> str | None:
        """What the export form still lacks, in words (None when it can start)."""
        if self.to_key_radio.isChecked():
            if not self.recipients():
                return self.tr("Paste the receiving clinic's public key (age1…).")
        else:
            chosen = self.export_passphrase_edit.text()
            if len(chosen) < MIN_EXPORT_CHARS:
                return self.tr("The export passphrase needs at least %1 characters.").replace(
                    "%1", str(MIN_EXPORT_CHARS)
                )
            if chosen != self.export_repeat_edit.text():
                return self.tr("The two export passphrases differ.")
        if not self.consent_box.isChecked() or not self.consent_edit.text().strip():
            return self.tr("Record the client's consent: tick the box and say how and when.")
        return None

    # -- export ------------------------------------------------------------------------------

    def export(self) -> None:
        case = self.context.case
        problem = self.export_problem()
        if case is None or problem is not None:
            set_state(self.export_message, "bad", problem or "")
            return
        target = self.context.dialogs.get_save_file(
            self, self.tr("Save the hand-off file"), f"{case.name}.age", HANDOFF_FILTER
        )
        if not target:
            return
        by_key = self.to_key_radio.isChecked()
        recipients = self.recipients() if by_key else []
        passphrase = None if by_key else self.export_passphrase_edit.text()
        consent = self.consent_edit.text().strip()
        paths = self.context.app.paths

        def work() -> Any:
            from faceaudit.handoff import signing_key
            from faceaudit.handoff.export import export_case

            return export_case(
                case,
                Path(target),
                key=signing_key(paths),
                consent=consent,
                recipients=recipients,
                passphrase=passphrase,
            )

        self._start(self.export_message, self.tr("Exporting the case…"))
        self.context.run(work, on_result=self._exported, on_error=self._export_failed)

    def _exported(self, result: Any) -> None:
        self._stop()
        self.export_passphrase_edit.clear()
        self.export_repeat_edit.clear()
        set_state(
            self.export_message,
            "good",
            self.tr(
                "Exported to %1 (%2 bytes), signed by this clinic's key %3. Give the case "
                "passphrase to the receiving clinic by another way than the file."
            )
            .replace("%1", str(result.path))
            .replace("%2", QLocale().toString(int(result.size)))
            .replace("%3", result.signer_fingerprint),
        )

    def _export_failed(self, error: BaseException) -> None:
        self._stop()
        set_state(self.export_message, "bad", self.context.error_text(error))

    # -- import ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        files = self.context.dialogs.get_open_files(
            self, self.tr("Choose the hand-off file"), HANDOFF_FILTER
        )
        if files:
            self.import_file_edit.setText(files[0])

    def import_file(self) -> None:
        path = Path(self.import_file_edit.text().strip())
        case_passphrase = self.case_passphrase_edit.text()
        export_passphrase = self.import_passphrase_edit.text() or None
        new_name = self.new_name_edit.text().strip() or None
        store, paths = self.context.case_store, self.context.app.paths
        needs_passphrase = self.tr(
            "This file is protected by an export passphrase: type the one the sender chose."
        )
        needs_key = self.tr(
            "This file is encrypted to a clinic's key, and this computer has no clinic key: "
            "it was meant for another clinic, or for a key kept elsewhere."
        )

        def work() -> Any:
            from faceaudit.handoff import own_key
            from faceaudit.handoff.importer import import_case, protection

            own, _created = own_key(paths, create=False)
            by_key = protection(path) == "recipients"
            if not by_key and not export_passphrase:
                raise FaceAuditError(needs_passphrase)
            if by_key and own is None:
                raise FaceAuditError(needs_key)
            return import_case(
                store,
                path,
                case_passphrase=case_passphrase,
                identity=own if by_key else None,
                passphrase=None if by_key else export_passphrase,
                new_name=new_name,
                own_keys=[own] if own else [],
            )

        self._start(self.import_message, self.tr("Checking and importing the file…"))
        self.context.run(work, on_result=self._imported, on_error=self._import_failed)

    def _imported(self, result: Any) -> None:
        self._stop()
        self.case_passphrase_edit.clear()
        self.import_passphrase_edit.clear()
        trusted = (
            self.tr("a key this clinic trusts")
            if result.signer_trusted
            else self.tr(
                "a key not confirmed yet: compare its fingerprint with the sender by phone or "
                "in person"
            )
        )
        set_state(
            self.import_message,
            "good" if result.signer_trusted else "warn",
            self.tr("Imported as %1, sent by %2, signed by %3 (%4). Open it from Cases.")
            .replace("%1", result.name)
            .replace("%2", result.sender_clinic or self.tr("an unnamed clinic"))
            .replace("%3", result.signer_fingerprint)
            .replace("%4", trusted),
        )
        self.context.cases_changed.emit()

    def _import_failed(self, error: BaseException) -> None:
        self._stop()
        set_state(self.import_message, "bad", self.context.error_text(error))

    # -- busy ------------------------------------------------------------------------------

    def _start(self, label: QLabel, text: str) -> None:
        self.busy = True
        set_state(label, "", text)
        self._update()

    def _stop(self) -> None:
        self.busy = False
        self._update()
