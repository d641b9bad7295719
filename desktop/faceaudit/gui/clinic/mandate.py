"""The Clinic screen's Mandate panel: the clinic's profile, and the open client's mandate.

The profile is written with the CLI's own code (:func:`faceaudit.clinic.save_profile`, into
``config.toml [clinic]``) and needs no case. The mandate is drafted, recorded and revoked as
``faceaudit mandate`` does it (:mod:`faceaudit.letters.mandate`, :mod:`faceaudit.letters.mandates`),
off the GUI thread; once recorded, the case's letters are the clinic's on the client's behalf.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faceaudit.clinic import ClinicProfile, load_profile, require_profile, save_profile
from faceaudit.errors import FaceAuditError
from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import hint_label, set_state

LANGUAGES = (
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("it", "Italiano"),
)


class MandatePanel(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("MandatePanel", "Mandate")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.busy = False
        self.current: Any = None  # the mandate in force in the open case, once read
        self.generation = 0

        profile_box = QGroupBox(self.tr("The clinic"))
        self.name_edit = QLineEdit()
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(70)
        self.email_edit = QLineEdit()
        self.art80_box = QCheckBox(
            self.tr("A not-for-profit body under GDPR Art. 80(1) (mandates cite Art. 80(1))")
        )
        self.clinic_language = QComboBox()
        for code, name in LANGUAGES:
            self.clinic_language.addItem(name, code)  # each language in its own words
        self.save_button = QPushButton(self.tr("Save the clinic's details"))
        self.save_button.clicked.connect(self.save_profile)
        self.profile_message = hint_label()
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Postal address:"), self.address_edit)
        form.addRow(self.tr("E-mail:"), self.email_edit)
        form.addRow("", self.art80_box)
        form.addRow(self.tr("Language:"), self.clinic_language)
        profile_layout = QVBoxLayout(profile_box)
        profile_layout.addWidget(
            hint_label(
                self.tr(
                    "The clinic's own details, kept on this computer for every case: the "
                    "mandate and the letters sent on a client's behalf print them, and "
                    "operators answer to this address. Art. 80(1) is only for a body properly "
                    "constituted, not for profit, with statutory objectives in the public "
                    "interest and active in data protection."
                )
            )
        )
        profile_layout.addLayout(form)
        profile_layout.addWidget(self.save_button)
        profile_layout.addWidget(self.profile_message)

        mandate_box = QGroupBox(self.tr("The client's mandate"))
        self.need_case = QLabel(self.tr("Open a client's case to draft or record its mandate."))
        self.need_case.setWordWrap(True)
        self.status_label = hint_label()
        self.mandate_language = QComboBox()
        self.mandate_language.addItem(self.tr("The client's language"), None)
        for code, name in LANGUAGES:
            self.mandate_language.addItem(name, code)
        self.draft_button = QPushButton(self.tr("Draft the mandate…"))
        self.draft_button.clicked.connect(self.draft)
        self.signed_on = QDateEdit(QDate.currentDate())
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setMaximumDate(QDate.currentDate())
        self.copy_path: Path | None = None
        self.copy_button = QPushButton(self.tr("Choose the signed copy…"))
        self.copy_button.clicked.connect(self.choose_copy)
        self.copy_label = hint_label(self.tr("No signed copy chosen (optional)."))
        self.record_button = QPushButton(self.tr("Record as signed"))
        self.record_button.clicked.connect(self.record)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.clicked.connect(self.revoke)
        self.mandate_message = hint_label()
        draft_row = QHBoxLayout()
        draft_row.addWidget(QLabel(self.tr("Language:")))
        draft_row.addWidget(self.mandate_language)
        draft_row.addWidget(self.draft_button)
        draft_row.addStretch(1)
        record_row = QHBoxLayout()
        record_row.addWidget(QLabel(self.tr("Signed on:")))
        record_row.addWidget(self.signed_on)
        record_row.addWidget(self.copy_button)
        record_row.addWidget(self.record_button)
        record_row.addWidget(self.revoke_button)
        record_row.addStretch(1)
        mandate_layout = QVBoxLayout(mandate_box)
        mandate_layout.addWidget(self.need_case)
        mandate_layout.addWidget(self.status_label)
        mandate_layout.addLayout(draft_row)
        mandate_layout.addLayout(record_row)
        mandate_layout.addWidget(self.copy_label)
        mandate_layout.addWidget(self.mandate_message)

        layout = QVBoxLayout(self)
        layout.addWidget(profile_box)
        layout.addWidget(mandate_box)
        layout.addStretch(1)

        self._show_profile()
        context.case_opened.connect(lambda _case: self._case_changed())
        context.case_closed.connect(self._case_changed)
        self._case_changed()

    # -- the clinic's profile ----------------------------------------------------------

    def _show_profile(self) -> None:
        try:
            profile = load_profile(self.context.app.paths)
        except FaceAuditError as error:
            set_state(self.profile_message, "bad", self.context.error_text(error))
            return
        if profile is None:
            set_state(self.profile_message, "warn", self.tr("No clinic profile is set yet."))
            return
        self.name_edit.setText(profile.name)
        self.address_edit.setPlainText(profile.address)
        self.email_edit.setText(profile.email)
        self.art80_box.setChecked(profile.art80)
        self.clinic_language.setCurrentIndex(
            max(0, self.clinic_language.findData(profile.language))
        )

    def save_profile(self) -> None:
        profile = ClinicProfile(
            name=self.name_edit.text(),
            address=self.address_edit.toPlainText(),
            email=self.email_edit.text(),
            art80=self.art80_box.isChecked(),
            language=str(self.clinic_language.currentData()),
        )
        try:
            save_profile(self.context.app.paths, profile)  # a small file: no worker needed
        except (FaceAuditError, OSError) as error:
            set_state(self.profile_message, "bad", self.context.error_text(error))
            return
        set_state(self.profile_message, "good", self.tr("The clinic's details were saved."))
        self._update()

    # -- the open case's mandate -------------------------------------------------------

    def _case_changed(self) -> None:
        self.current = None
        self.copy_path = None
        self.copy_label.setText(self.tr("No signed copy chosen (optional)."))
        set_state(self.mandate_message, "", "")
        self.reload()

    def reload(self) -> None:
        case = self.context.case
        self.generation += 1
        generation = self.generation
        if case is None:
            self.status_label.setText("")
            self._update()
            return
        from faceaudit.letters.mandates import current_mandate

        self.context.run(
            current_mandate,
            case,
            on_result=lambda found: self._loaded(case, generation, found),
            on_error=lambda error: self.context.report_error(self, error),
        )

    def _loaded(self, case: Any, generation: int, found: Any) -> None:
        if case is not self.context.case or generation != self.generation:
            return
        self.current = found
        if found is None:
            text = self.tr("No mandate is recorded: the case's letters are the client's own.")
        else:
            kind = (
                self.tr("Art. 80(1) mandate") if found.kind == "art80" else self.tr("Authorisation")
            )
            text = (
                self.tr(
                    "%1 signed on %2 for %3: the case's letters are sent by the clinic on "
                    "the client's behalf."
                )
                .replace("%1", kind)
                .replace("%2", found.signed_on.isoformat())
                .replace("%3", found.clinic.name)
            )
        self.status_label.setText(text)
        self._update()

    def _update(self) -> None:
        has_case = self.context.case is not None
        self.need_case.setVisible(not has_case)
        for widget in (
            self.draft_button,
            self.record_button,
            self.copy_button,
            self.mandate_language,
            self.signed_on,
        ):
            widget.setEnabled(has_case and not self.busy)
        self.revoke_button.setEnabled(has_case and not self.busy and self.current is not None)

    def _profile_or_say(self) -> ClinicProfile | None:
        try:
            return require_profile(self.context.app.paths)
        except FaceAuditError as error:
            set_state(self.mandate_message, "bad", self.context.error_text(error))
            return None

    def draft(self) -> None:
        case = self.context.case
        if case is None or self.busy:
            return
        profile = self._profile_or_say()
        if profile is None:
            return
        folder = self.context.app.paths.exports / case.name
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        chosen = self.context.dialogs.get_save_file(
            self,
            self.tr("Save the mandate"),
            str(folder / f"{case.name}-mandate.pdf"),
            self.tr("PDF files (*.pdf);;Word documents (*.docx);;Text files (*.txt)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        language = self.mandate_language.currentData()
        self._start(self.tr("Drafting the mandate…"))
        self.context.run(
            _draft_mandate,
            case,
            profile,
            language,
            target,
            on_result=self._drafted,
            on_error=self._failed,
        )

    def _drafted(self, written: Path) -> None:
        self.busy = False
        text = self.tr("The mandate was written to %1: have the client sign it, then record it.")
        set_state(self.mandate_message, "good", text.replace("%1", str(written)))
        self._update()

    def choose_copy(self) -> None:
        files = self.context.dialogs.get_open_files(
            self,
            self.tr("The signed mandate"),
            self.tr("Scans and PDF files (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        if files:
            self.copy_path = Path(files[0])
            self.copy_label.setText(
                self.tr("Signed copy: %1 (kept in the case, encrypted)").replace(
                    "%1", self.copy_path.name
                )
            )

    def record(self) -> None:
        case = self.context.case
        if case is None or self.busy:
            return
        profile = self._profile_or_say()
        if profile is None:
            return
        signed = self.signed_on.date().toPython()
        assert isinstance(signed, dt.date)
        self._start(self.tr("Recording the mandate…"))
        self.context.run(
            _record_mandate,
            case,
            profile,
            signed,
            self.copy_path,
            on_result=self._recorded,
            on_error=self._failed,
        )

    def _recorded(self, _record: Any) -> None:
        self.busy = False
        self.copy_path = None
        self.copy_label.setText(self.tr("No signed copy chosen (optional)."))
        set_state(self.mandate_message, "good", self.tr("The mandate was recorded."))
        self.reload()

    def revoke(self) -> None:
        case = self.context.case
        if case is None or self.busy or self.current is None:
            return
        if not self.context.dialogs.question(
            self,
            self.tr("Revoke the mandate"),
            self.tr(
                "The client revoked the mandate today? The case's letters will be the "
                "client's own again."
            ),
        ):
            return
        from faceaudit.letters.mandates import revoke_mandate

        self._start(self.tr("Revoking the mandate…"))
        self.context.run(
            revoke_mandate,
            case,
            dt.date.today(),
            on_result=lambda _record: self._revoked(),
            on_error=self._failed,
        )

    def _revoked(self) -> None:
        self.busy = False
        set_state(self.mandate_message, "good", self.tr("The mandate was revoked."))
        self.reload()

    def _start(self, words: str) -> None:
        self.busy = True
        set_state(self.mandate_message, "", words)
        self._update()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        set_state(self.mandate_message, "bad", self.context.error_text(error))
        self._update()


def _draft_mandate(case: Any, profile: ClinicProfile, language: str | None, target: Path) -> Path:
    """On the worker: the document of ``faceaudit mandate``, for the open case's client."""
    from faceaudit.letters.citations import LANGUAGES as WRITTEN
    from faceaudit.letters.mandate import (
        MandateSpec,
        Party,
        format_for,
        mandate_kind,
        mandate_law,
        render_mandate,
        write_mandate,
    )

    person = case.person
    own = (person.language or "").lower()
    spec = MandateSpec(
        kind=mandate_kind(profile.art80, person.country or ""),
        language=language or (own if own in WRITTEN else profile.language),
        law=mandate_law(person.country or ""),
        client=Party(person.full_name or "", person.postal_address or "", person.email or ""),
        clinic=Party(profile.name, profile.address, profile.email),
    )
    document = render_mandate(spec)
    # The save dialog already asked about replacing an existing file.
    return write_mandate(document, format_for(target, None), target, overwrite=True)


def _record_mandate(
    case: Any, profile: ClinicProfile, signed_on: dt.date, copy_path: Path | None
) -> Any:
    """On the worker: ``faceaudit mandate record`` (the copy read with the CLI's caps)."""
    from faceaudit.letters.mandate import mandate_kind
    from faceaudit.letters.mandates import MAX_COPY_BYTES, Clinic, record_mandate
    from faceaudit.letters.texts import LetterError
    from faceaudit.localfiles import read_capped
    from faceaudit.timestamps import utc_now

    copy = None
    if copy_path is not None:
        data = read_capped(
            copy_path,
            MAX_COPY_BYTES,
            role="signed mandate",
            error=LetterError,
            too_large_todo="Scan it at a lower resolution, or as a PDF.",
        )
        copy = (copy_path.name, data)
    person = case.person
    own = (person.language or "").lower()
    return record_mandate(
        case,
        kind=mandate_kind(profile.art80, person.country or ""),
        language=own if own in ("en", "fr", "de", "es", "it") else profile.language,
        signed_on=signed_on,
        clinic=Clinic(profile.name, profile.address, profile.email, profile.art80),
        recorded_at=utc_now(),
        copy=copy,
    )
