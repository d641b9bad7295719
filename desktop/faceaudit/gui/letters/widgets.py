"""Pieces of the letter wizard: who the letter goes to, what it asks, when it was sent."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
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
    QRadioButton,
    QWidget,
)

from faceaudit.gui.letters import words
from faceaudit.letters import drafting
from faceaudit.letters.citations import LANGUAGES
from faceaudit.letters.deadlines import JURISDICTIONS, LETTER_TYPES
from faceaudit.letters.directory import Operator
from faceaudit.letters.tracking import CHANNELS

FIRST_LETTERS = tuple(t for t in LETTER_TYPES if t not in drafting.FOLLOW_UPS)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(accessible: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setDisplayFormat("d MMMM yyyy")  # month names in the window's language (QLocale)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(accessible)
    return edit


class OperatorBox(QGroupBox):
    """The operator: the directory's record for the site, one found by searching the
    directory, or details typed by hand."""

    changed = Signal()
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("1. Who the letter goes to"), parent)
        self.found: Operator | None = None
        self.site = ""
        self.fixed: Operator | None = None  # a follow-up goes to the original's operator
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.directory_radio = QRadioButton(self.tr("From FaceAudit's directory"))
        self.manual_radio = QRadioButton(self.tr("Enter the details by hand"))
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(self.tr("Search the directory"))
        self.search_edit.setPlaceholderText(self.tr("Another operator: a name or a domain"))
        self.search_button = QPushButton(self.tr("Searc&h"))
        self.results_box = QComboBox()
        self.results_box.setAccessibleName(self.tr("Operators found in the directory"))
        self.results_box.setVisible(False)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.search_button)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Operator's name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Example Media SAS"))
        self.address_edit = QPlainTextEdit()
        self.address_edit.setAccessibleName(self.tr("Operator's postal address"))
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(64)
        self.email_edit = QLineEdit()
        self.email_edit.setAccessibleName(self.tr("Operator's privacy e-mail address"))
        self.email_edit.setPlaceholderText(self.tr("e.g. privacy@example.org"))
        self.manual = QWidget()
        form = QFormLayout(self.manual)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("Postal &address:"), self.address_edit)
        form.addRow(self.tr("Privacy &e-mail:"), self.email_edit)
        self.hint = QLabel(
            self.tr(
                "Find them in the site's privacy policy or legal notice (look for “data "
                "controller”, “privacy”, “imprint” or “legal notice”)."
            )
        )
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(self.summary)
        layout.addRow(self.directory_radio)
        layout.addRow(search_row)
        layout.addRow(self.results_box)
        layout.addRow(self.manual_radio)
        layout.addRow(self.manual)
        layout.addRow(self.hint)
        self.directory_radio.toggled.connect(self._mode_changed)
        self.search_button.clicked.connect(
            lambda: self.search_requested.emit(self.search_edit.text())
        )
        self.search_edit.returnPressed.connect(self.search_button.click)
        self.results_box.currentIndexChanged.connect(self._result_chosen)
        for edit in (self.name_edit, self.email_edit):
            edit.textChanged.connect(self.changed)
        self.address_edit.textChanged.connect(self.changed)

    def set_site(self, site: str, found: Operator | None) -> None:
        self.site, self.found, self.fixed = site, found, None
        self.name_edit.clear()
        self.address_edit.clear()
        self.email_edit.clear()
        self.search_edit.clear()
        self.results_box.clear()
        self.results_box.setVisible(False)
        for widget in (self.search_edit, self.search_button, self.results_box):
            widget.setEnabled(True)
        self.directory_radio.setEnabled(found is not None)
        self.manual_radio.setEnabled(True)
        if found is not None:
            self.directory_radio.setChecked(True)
        else:
            self.manual_radio.setChecked(True)
        self._mode_changed()

    def set_fixed(self, operator: Operator) -> None:
        """A reminder or complaint: the operator of the letter it follows up."""
        self.fixed = operator
        self.directory_radio.setEnabled(False)
        self.manual_radio.setEnabled(False)
        for widget in (self.search_edit, self.search_button, self.results_box):
            widget.setEnabled(False)
        self.manual.setVisible(False)
        self.hint.setVisible(False)
        self.summary.setText(self._describe(operator))

    def show_results(self, found: list[Operator]) -> None:
        """What a directory search found: the first is chosen, the others offered."""
        self.results_box.blockSignals(True)
        self.results_box.clear()
        for operator in found:
            self.results_box.addItem(operator.name, operator)
        self.results_box.blockSignals(False)
        self.results_box.setVisible(len(found) > 1)
        if not found:
            self.summary.setText(
                self.tr("Nothing found in the directory for “%1”: enter the details by hand.")
                .replace("%1", self.search_edit.text().strip())
            )  # fmt: skip
            self.manual_radio.setChecked(True)
            return
        self._result_chosen()

    def _result_chosen(self) -> None:
        operator = self.results_box.currentData()
        if operator is None:
            return
        self.found = operator
        self.directory_radio.setEnabled(True)
        if self.directory_radio.isChecked():
            self._mode_changed()
        else:
            self.directory_radio.setChecked(True)

    def _mode_changed(self) -> None:
        manual = self.manual_radio.isChecked()
        self.manual.setVisible(manual)
        self.hint.setVisible(manual)
        if manual or self.found is None:
            text = self.tr("FaceAudit's directory does not know who runs %1.").replace(
                "%1", self.site or "—"
            )
            self.summary.setText(text if self.found is None else "")
        else:
            self.summary.setText(self._describe(self.found))
        self.changed.emit()

    def _describe(self, operator: Operator) -> str:
        lines = [operator.name, *operator.address.splitlines()]
        if operator.email:
            lines.append(operator.email)
        elif operator.webform:
            lines.append(self.tr("Web form: %1").replace("%1", operator.webform))
        if operator.verify_before_sending:
            lines.append(self.tr("Check these details before sending: they may be out of date."))
        return "\n".join(line for line in lines if line)

    def operator(self) -> Operator | None:
        """The chosen operator (raises a LetterError for incomplete details typed by hand)."""
        if self.fixed is not None:
            return None  # the core takes the original letter's
        if self.directory_radio.isChecked() and self.found is not None:
            return self.found
        return drafting.given_operator(
            self.name_edit.text(),
            self.address_edit.toPlainText(),
            self.email_edit.text(),
            self.site,
        )


class OptionsBox(QGroupBox):
    """What the letter asks, under which law, in which language."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("2. What the letter asks"), parent)
        self.type_box = QComboBox()
        self.type_box.setAccessibleName(self.tr("Type of letter"))
        for code in FIRST_LETTERS:
            self.type_box.addItem(words.letter_type(code), code)
        self.follow_label = QLabel()
        self.follow_label.setVisible(False)
        self.law_box = QComboBox()
        self.law_box.setAccessibleName(self.tr("Law the letter rests on"))
        self.law_box.addItem(self.tr("Chosen for you (from where you live)"), None)
        for code in JURISDICTIONS:
            self.law_box.addItem(words.regime(code)[:1].upper() + words.regime(code)[1:], code)
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Language of the letter"))
        for code in LANGUAGES:
            self.language_box.addItem(words.language(code), code)
        self.unreviewed_check = QCheckBox(self.tr("Also cite the findings I have not reviewed yet"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setAccessibleName(self.tr("Your reasons"))
        self.reason_edit.setPlaceholderText(
            self.tr(
                "Your particular situation: why being identifiable from these images harms "
                "you (needed for an objection, makes an erasure stronger)."
            )
        )
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(64)
        self.authority_box = QComboBox()
        self.authority_box.setAccessibleName(self.tr("Supervisory authority"))
        self.authority_label = QLabel(self.tr("A&uthority:"))
        self.authority_label.setBuddy(self.authority_box)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Type:"), self.type_box)
        layout.addRow(self.follow_label)
        layout.addRow(self.tr("&Law:"), self.law_box)
        layout.addRow(self.tr("Lan&guage:"), self.language_box)
        layout.addRow(self.unreviewed_check)
        layout.addRow(self.tr("&Reasons:"), self.reason_edit)
        layout.addRow(self.authority_label, self.authority_box)
        self.set_authorities([])
        for box in (self.type_box, self.law_box, self.language_box, self.authority_box):
            box.currentIndexChanged.connect(self.changed)
        self.unreviewed_check.toggled.connect(self.changed)
        self.reason_edit.textChanged.connect(self.changed)

    def set_language(self, code: str) -> None:
        index = self.language_box.findData(code)
        self.language_box.setCurrentIndex(max(index, 0))

    def set_follow_up(self, letter_type: str | None, reference: str = "") -> None:
        """A reminder or complaint about ``reference``, or (None) a first letter."""
        self.type_box.blockSignals(True)
        self.type_box.clear()
        codes = (letter_type,) if letter_type else FIRST_LETTERS
        for code in codes:
            self.type_box.addItem(words.letter_type(code), code)
        self.type_box.blockSignals(False)
        self.type_box.setEnabled(letter_type is None)
        self.unreviewed_check.setVisible(letter_type is None)
        self.follow_label.setVisible(letter_type is not None)
        self.follow_label.setText(
            self.tr("Follows up %1, whose deadline has passed.").replace("%1", reference)
        )
        self.law_box.setCurrentIndex(0)
        self.set_authorities([])

    def set_authorities(self, candidates: list[Operator]) -> None:
        self.authority_box.blockSignals(True)
        self.authority_box.clear()
        for operator in candidates:
            self.authority_box.addItem(operator.name, operator)
        self.authority_box.blockSignals(False)
        self.authority_box.setVisible(bool(candidates))
        self.authority_label.setVisible(bool(candidates))

    def letter_type(self) -> str:
        return str(self.type_box.currentData())

    def request(
        self, operator: Operator | None, follows_up: int | None, site: str = ""
    ) -> drafting.DraftRequest:
        authority = self.authority_box.currentData() if self.authority_box.isVisible() else None
        return drafting.DraftRequest(
            letter_type=self.letter_type(),
            operator=operator,
            language=str(self.language_box.currentData()),
            jurisdiction=self.law_box.currentData(),
            include_unreviewed=self.unreviewed_check.isChecked() and follows_up is None,
            follows_up=follows_up,
            reason=self.reason_edit.toPlainText().strip(),
            authority=authority,
            site=site if follows_up is None else "",
        )


class SendBox(QGroupBox):
    """Mark the letter sent: the day it went and how."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("5. When you have sent it"), parent)
        self.date = date_edit(self.tr("Date it was sent"))
        self.channel_box = QComboBox()
        self.channel_box.setAccessibleName(self.tr("How it was sent"))
        for code in CHANNELS:
            self.channel_box.addItem(words.channel(code), code)
        self.button = QPushButton(self.tr("&Mark sent"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sent on:")))
        row.addWidget(self.date)
        row.addWidget(QLabel(self.tr("by:")))
        row.addWidget(self.channel_box)
        row.addStretch(1)
        # The button on a line of its own: beside the date and the channel it made the
        # letter's steps wider than their column, which then scrolled sideways.
        button_row = QHBoxLayout()
        button_row.addWidget(self.button)
        button_row.addStretch(1)
        layout = QFormLayout(self)
        layout.addRow(row)
        layout.addRow(button_row)
        layout.addRow(self.message)

    def channel(self) -> str:
        return str(self.channel_box.currentData())
