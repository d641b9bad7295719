"""Small widgets every screen uses: titles, hints, state labels, the "open a case first" page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.context import GuiContext

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtWidgets import QLineEdit


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "title")
    label.setAccessibleName(text)
    return label


def hint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def password_edit(accessible: str) -> QLineEdit:
    """A field whose text is never shown (a passphrase), named for screen readers."""
    from PySide6.QtWidgets import QLineEdit  # not at start-up: the first screen has none

    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible)
    return edit


def set_state(label: QLabel, state: str, text: str) -> None:
    """Show a message with its state ("good", "warn", "bad", ""), in words and in colour."""
    label.setText(text)
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setVisible(bool(text))


class NeedsCase(QStackedWidget):
    """Shows ``content`` while a case is open, and a short "open a case first" page otherwise."""

    def __init__(self, context: GuiContext, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.content = content
        empty = QWidget()
        layout = QVBoxLayout(empty)
        layout.addStretch(1)
        self.empty_label = QLabel(self.tr("Open or create a case first."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.go_button = QPushButton(self.tr("Go to Cases"))
        self.go_button.clicked.connect(lambda: context.navigate.emit("cases"))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.go_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.addWidget(empty)
        self.addWidget(content)
        context.case_opened.connect(lambda _case: self.setCurrentIndex(1))
        context.case_closed.connect(lambda: self.setCurrentIndex(0))
        self.setCurrentIndex(1 if context.case is not None else 0)


def local_date(value: dt.date | str | None) -> str:
    """A day as the window's language writes it ("2 Dec 2026", "2 déc. 2026"); a stored ISO
    date or time may be given as text. Unreadable text is shown as it is."""
    import datetime as dt  # not at start-up: the first screen shows no date

    if not value:
        return ""
    day = value
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    assert isinstance(day, dt.date)
    from PySide6.QtCore import QDate  # Qt classes cost their first use: not at start-up

    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def local_time(stamp: str) -> str:
    """A stored UTC time (ISO 8601) in this computer's time zone, as the language writes it."""
    from PySide6.QtCore import QDateTime, QTimeZone

    moment = QDateTime.fromString(stamp.replace("Z", "+00:00"), Qt.DateFormat.ISODate)
    if not moment.isValid():
        return stamp
    local = moment.toTimeZone(QTimeZone.systemTimeZone())
    return QLocale().toString(local, "d MMM yyyy HH:mm:ss")
