"""The tracker's "what happened" box: one step at a time, as ``requests mark`` and
``requests edit|outcome`` record them (sent, answered with its outcome and reply file,
extended with the operator's reason, UK clock paused and resumed, closed, send date corrected).

The box only collects the person's answers and says which steps fit the selected letter;
the tracker runs the step off the GUI thread and reports what the core said.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from faceaudit.gui.letters import words
from faceaudit.gui.letters.widgets import date_edit, to_date
from faceaudit.gui.widgets import hint_label
from faceaudit.letters.corrections import OUTCOMES
from faceaudit.letters.tracking import CHANNELS, Tracked

STEPS = ("sent", "answered", "extended", "paused", "resumed", "closed", "edit")


def steps_for(item: Tracked | None) -> tuple[str, ...]:
    """The steps that make sense for the letter as it stands (the core refuses the others)."""
    if item is None:
        return ()
    request = item.request
    if request is None:
        return ("sent",)
    uk = item.letter.jurisdiction == "uk"
    if request.status == "closed":
        return ("edit",)
    if request.status == "answered":
        return ("answered", "closed", "edit")
    if request.paused_at is not None:
        return ("resumed", "answered", "closed", "edit")
    steps = ["answered"]
    if request.extended_due_at is None:
        steps.append("extended")
    if uk:  # only UK law stops the clock (Art. 12A UK GDPR)
        steps.append("paused")
    return (*steps, "closed", "edit")


def from_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class StepsBox(QGroupBox):
    """Record what happened to the selected request."""

    record_requested = Signal()
    reply_requested = Signal()  # the person wants to choose the reply file

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record what happened"), parent)
        self.reply: Path | None = None
        self.step_box = QComboBox()
        self.step_box.setAccessibleName(self.tr("What happened"))
        self.date = date_edit(self.tr("The day it happened"))
        self.date_label = QLabel()
        self.date_label.setBuddy(self.date)
        self.channel_box = QComboBox()
        self.channel_box.setAccessibleName(self.tr("How it was sent"))
        for code in CHANNELS:
            self.channel_box.addItem(words.channel(code), code)
        self.received_check = QCheckBox(self.tr("The operator received it on:"))
        self.received_date = date_edit(self.tr("The day the operator received it"))
        self.outcome_box = QComboBox()
        self.outcome_box.setAccessibleName(self.tr("What the operator did"))
        for code in OUTCOMES:
            self.outcome_box.addItem(words.outcome(code), code)
        self.reply_button = QPushButton(self.tr("Attach the reply &file…"))
        self.reply_button.setToolTip(
            self.tr("The operator's reply (a PDF, an e-mail, a scan), kept encrypted in the case")
        )
        self.reply_label = QLabel(self.tr("No file attached"))
        self.reply_clear = QPushButton(self.tr("Remove"))
        self.reply_clear.setAccessibleName(self.tr("Do not attach the reply file"))
        self.reply_row = QHBoxLayout()
        self.reply_row.addWidget(self.reply_button)
        self.reply_row.addWidget(self.reply_label, 1)
        self.reply_row.addWidget(self.reply_clear)
        self.until_check = QCheckBox(self.tr("Until a date the operator gave:"))
        self.until_date = date_edit(self.tr("The new due date the operator gave"))
        self.note_edit = QLineEdit()
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note_edit)
        self.hint = hint_label()
        self.record_button = QPushButton(self.tr("Rec&ord"))

        self.form = QFormLayout(self)
        self.form.addRow(self.tr("&What happened:"), self.step_box)
        self.form.addRow(self.date_label, self.date)
        self.form.addRow(self.tr("C&hannel:"), self.channel_box)
        self.form.addRow(self.received_check, self.received_date)
        self.form.addRow(self.tr("Ou&tcome:"), self.outcome_box)
        self.form.addRow(self.tr("Reply:"), self.reply_row)
        self.form.addRow(self.until_check, self.until_date)
        self.form.addRow(self.note_label, self.note_edit)
        self.form.addRow(self.hint)
        self.form.addRow(self.record_button)

        self.step_box.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.received_check.toggled.connect(self.received_date.setEnabled)
        self.until_check.toggled.connect(self.until_date.setEnabled)
        self.reply_button.clicked.connect(self.reply_requested)
        self.reply_clear.clicked.connect(lambda: self.set_reply(None))
        self.record_button.clicked.connect(self.record_requested)
        self.set_item(None)

    def step_name(self, code: str) -> str:
        return {
            "sent": self.tr("I sent the letter"),
            "answered": self.tr("The operator answered"),
            "extended": self.tr("The operator extended the deadline"),
            "paused": self.tr("The organisation asked for ID or clarification (clock stops)"),
            "resumed": self.tr("I sent what it asked for (clock runs again)"),
            "closed": self.tr("The request is closed"),
            "edit": self.tr("Correct the send date"),
        }[code]

    def set_item(self, item: Tracked | None) -> None:
        """Offer the steps that fit ``item`` (none: the box is disabled)."""
        previous = self.step()
        self.step_box.blockSignals(True)
        self.step_box.clear()
        for code in steps_for(item):
            self.step_box.addItem(self.step_name(code), code)
        index = self.step_box.findData(previous)
        self.step_box.setCurrentIndex(max(index, 0))
        self.step_box.blockSignals(False)
        self.setEnabled(self.step_box.count() > 0)
        request = item.request if item else None
        today = QDate.currentDate()
        self.date.setDate(today)
        self.received_check.setChecked(False)
        self.received_date.setDate(today)
        self.until_check.setChecked(False)
        due = request.effective_due if request else None
        self.until_date.setDate(from_qdate(due) if due else today)
        if request is not None:
            index = self.channel_box.findData(request.channel)
            self.channel_box.setCurrentIndex(max(index, 0))
        self.note_edit.clear()
        self.set_reply(None)
        self._show_fields()

    def step(self) -> str | None:
        code = self.step_box.currentData()
        return str(code) if code else None

    def _show_fields(self) -> None:
        step = self.step()
        self.form.setRowVisible(self.channel_box, step == "sent")
        self.form.setRowVisible(self.received_check, step in ("sent", "edit"))
        self.form.setRowVisible(self.outcome_box, step == "answered")
        self.form.setRowVisible(self.reply_row, step == "answered")
        self.form.setRowVisible(self.until_check, step == "extended")
        self.form.setRowVisible(self.note_edit, step not in (None, "sent", "edit"))
        self.received_date.setEnabled(self.received_check.isChecked())
        self.until_date.setEnabled(self.until_check.isChecked())
        self.date_label.setText(
            {
                "sent": self.tr("&Sent on:"),
                "answered": self.tr("&Answered on:"),
                "extended": self.tr("&Announced on:"),
                "paused": self.tr("&Asked on:"),
                "resumed": self.tr("&It got it on:"),
                "closed": self.tr("C&losed on:"),
                "edit": self.tr("&Sent on:"),
            }.get(step or "", self.tr("&Date:"))
        )
        self.note_label.setText(
            self.tr("The operator's r&eason:") if step == "extended" else self.tr("&Note:")
        )
        self.note_edit.setPlaceholderText(
            self.tr("As the operator wrote it (the law requires it to give reasons)")
            if step == "extended"
            else self.tr("Optional, kept with the request")
        )
        self.hint.setText(
            {
                "answered": self.tr(
                    "Record what the operator did; you can record it again if it answers "
                    "again (the latest counts)."
                ),
                "extended": self.tr(
                    "The operator may extend the period once, by up to two more months, if it "
                    "tells you within the first month and says why (Art. 12(3) GDPR). Without a "
                    "date, FaceAudit counts the longest the law allows."
                ),
                "paused": self.tr(
                    "UK law stops the clock while the organisation waits for ID or "
                    "clarification it asked for (Art. 12A UK GDPR)."
                ),
                "resumed": self.tr(
                    "The days the clock stood still are added to the due date."
                ),
                "edit": self.tr("The due date is counted again from the corrected date."),
            }.get(step or "", "")
        )  # fmt: skip
        self.hint.setVisible(bool(self.hint.text()))

    def set_reply(self, path: Path | None) -> None:
        self.reply = path
        self.reply_label.setText(path.name if path else self.tr("No file attached"))
        self.reply_clear.setEnabled(path is not None)

    # -- what the person gave --------------------------------------------------------------

    def day(self) -> dt.date:
        return to_date(self.date.date())

    def received(self) -> dt.date | None:
        return to_date(self.received_date.date()) if self.received_check.isChecked() else None

    def until(self) -> dt.date | None:
        return to_date(self.until_date.date()) if self.until_check.isChecked() else None

    def outcome(self) -> str:
        return str(self.outcome_box.currentData())

    def channel(self) -> str:
        return str(self.channel_box.currentData())

    def note(self) -> str:
        return self.note_edit.text().strip()
