"""The selected request in words: every date recorded, its outcome, and the operator's
replies kept in the case (listed by name; saved out only when the person asks)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.letters import words
from faceaudit.gui.letters.data import Details
from faceaudit.gui.letters.model import format_date
from faceaudit.letters.tracking import Tracked


class DetailsBox(QGroupBox):
    save_requested = Signal()  # save the replies kept for the shown letter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The selected request"), parent)
        self.item: Tracked | None = None
        self.details: Details | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.replies = QListWidget()
        self.replies.setAccessibleName(self.tr("The operator's replies kept in the case"))
        self.replies.setMaximumHeight(80)
        self.save_button = QPushButton(self.tr("Sa&ve the replies…"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Replies kept:")))
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.replies)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save_requested)
        self.show_item(None)

    def show_item(self, item: Tracked | None) -> None:
        self.item = item
        self.details = None
        self.replies.clear()
        self.save_button.setEnabled(False)
        self.summary.setText(
            self.describe(item) if item else self.tr("Select a letter to see its dates.")
        )

    def show_details(self, details: Details) -> None:
        """The outcome and replies, loaded off the GUI thread for the letter still shown."""
        if self.item is None or self.item.letter.id != details.letter_id:
            return
        self.details = details
        self.summary.setText(self.describe(self.item, details))
        self.replies.clear()
        locale = QLocale()
        for reply in details.replies:
            size = locale.formattedDataSize(reply.byte_size)
            added = reply.added_at[:10]
            self.replies.addItem(
                self.tr("%1 (%2, added %3)")
                .replace("%1", reply.file_name)
                .replace("%2", size)
                .replace("%3", _date_text(added))
            )  # fmt: skip
        if not details.replies:
            self.replies.addItem(self.tr("None"))
        self.save_button.setEnabled(bool(details.replies))

    def describe(self, item: Tracked, details: Details | None = None) -> str:
        letter, request = item.letter, item.request
        lines = [
            f"FA-{letter.id} · {words.short_type(letter.letter_type)} · {letter.operator.name}"
            f" · {words.regime(letter.jurisdiction)}"
        ]
        if request is None:
            lines.append(self.tr("A draft: not marked sent yet."))
            return "\n".join(lines)
        sent = self.tr("Sent on %1 (%2).").replace("%1", format_date(request.sent_at))
        lines.append(sent.replace("%2", words.channel(request.channel)))
        if request.received_at is not None:
            lines.append(
                self.tr("Received by the operator on %1.").replace(
                    "%1", format_date(request.received_at)
                )
            )
        lines.append(self.tr("Answer due by %1.").replace("%1", format_date(request.due_at)))
        if request.extended_due_at is not None:
            announced = request.extension_announced_at
            text = (
                self.tr(
                    "An extension to %1, announced on %2 after the period had ended, is on "
                    "record: it does not count."
                )
                if request.extension_late
                else self.tr("Extended by the operator to %1 (announced on %2).")
            )
            lines.append(
                text.replace("%1", format_date(request.extended_due_at)).replace(
                    "%2", format_date(announced) if announced else "—"
                )
            )
        if request.paused_at is not None:
            lines.append(
                self.tr("Clock paused since %1: the organisation waits for ID or clarification.")
                .replace("%1", format_date(request.paused_at))
            )  # fmt: skip
        if request.paused_days:
            lines.append(self.tr("%n day(s) paused so far.", "", request.paused_days))
        if request.answered_at is not None:
            answered = self.tr("Answered on %1.").replace("%1", format_date(request.answered_at))
            if details is not None and details.outcome is not None:
                code, on = details.outcome
                answered = (
                    self.tr("Answered on %1: %2.")
                    .replace("%1", format_date(on))
                    .replace("%2", words.outcome(code).lower())
                )  # fmt: skip
            lines.append(answered)
        if request.closed_at is not None:
            lines.append(self.tr("Closed on %1.").replace("%1", format_date(request.closed_at)))
        if request.notes:
            lines.append(self.tr("Notes: %1").replace("%1", request.notes.replace("\n", " · ")))
        return "\n".join(lines)


def _date_text(iso: str) -> str:
    try:
        return format_date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso
