"""Item models of the Letters screen: the sites that need a letter, and the request tracker.

Both are plain Qt models with named roles (checked with qtmodeltester); they hold what the
core returned (``OperatorFindings``, ``Tracked``) and compute nothing but words and dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from faceaudit.gui.letters import words
from faceaudit.letters.selection import OperatorFindings
from faceaudit.letters.tracking import Tracked

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole.UserRole


def format_date(day: dt.date) -> str:
    """A date as the window's language writes it (``2 December 2026``, ``2 décembre 2026``)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


class SitesModel(QAbstractListModel):
    """One row per operator (or unknown site) the person's findings were seen on."""

    SITE_ROLE = _ROLE + 1
    OPERATOR_ROLE = _ROLE + 2  # the directory's Operator, or None
    FINDINGS_ROLE = _ROLE + 3  # the finding ids (not rejected)
    UNREVIEWED_ROLE = _ROLE + 4
    NEEDS_LETTER_ROLE = _ROLE + 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[OperatorFindings] = []

    def set_groups(self, groups: Sequence[OperatorFindings]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self.endResetModel()

    def clear(self) -> None:
        self.set_groups([])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.groups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.groups):
            return None
        group = self.groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(group)
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.site
        if role == self.SITE_ROLE:
            return group.site
        if role == self.OPERATOR_ROLE:
            return group.operator
        if role == self.FINDINGS_ROLE:
            return list(group.finding_ids)
        if role == self.UNREVIEWED_ROLE:
            return group.unreviewed
        if role == self.NEEDS_LETTER_ROLE:
            return group.needs_letter
        return None

    def _text(self, group: OperatorFindings) -> str:
        count = len(group.finding_ids)
        line = self.tr("%n finding(s)", "", count)
        if group.unreviewed:
            line += self.tr(", %n to review", "", group.unreviewed)
        state = (
            self.tr("needs a letter")
            if group.needs_letter
            else self.tr("every finding is in a letter")
        )
        name = group.name if group.operator else self.tr("%1 (not in the directory)")
        return f"{name.replace('%1', group.site)}\n{line} — {state}"

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names.update(
            {
                self.SITE_ROLE: QByteArray(b"site"),
                self.OPERATOR_ROLE: QByteArray(b"operator"),
                self.FINDINGS_ROLE: QByteArray(b"findings"),
                self.UNREVIEWED_ROLE: QByteArray(b"unreviewed"),
                self.NEEDS_LETTER_ROLE: QByteArray(b"needsLetter"),
            }
        )
        return names


class RequestsModel(QAbstractTableModel):
    """Every letter of the case with its request: due date, days left, status."""

    REFERENCE, TYPE, OPERATOR, SENT, DUE, LEFT, STATUS = range(7)
    LETTER_ID_ROLE = _ROLE + 1
    STATUS_ROLE = _ROLE + 2  # the core's status code as of today
    DUE_ROLE = _ROLE + 3  # the effective due date (datetime.date) or None for a draft
    DAYS_LEFT_ROLE = _ROLE + 4  # int, negative when overdue; None for a draft
    OVERDUE_ROLE = _ROLE + 5
    NEXT_STEP_ROLE = _ROLE + 6  # "reminder", "complaint" or None
    TRACKED_ROLE = _ROLE + 7  # the core's Tracked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Tracked] = []
        self.today = dt.date.today()

    def set_items(self, items: Sequence[Tracked], today: dt.date) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.today = today
        self.endResetModel()

    def clear(self) -> None:
        self.set_items([], self.today)

    def row_of(self, letter_id: int) -> int:
        for row, item in enumerate(self.items):
            if item.letter.id == letter_id:
                return row
        return -1

    def overdue(self) -> list[Tracked]:
        return [item for item in self.items if item.status == "overdue"]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Letter"),
            self.tr("Type"),
            self.tr("Operator"),
            self.tr("Sent"),
            self.tr("Answer due"),
            self.tr("Days left"),
            self.tr("Status"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        request = item.request
        due = request.effective_due if request is not None else None
        left = (due - self.today).days if due is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column(), due, left)
        if role == Qt.ItemDataRole.ToolTipRole and item.next_step:
            return self.tr("The deadline has passed: you can draft the %1 now.").replace(
                "%1", words.short_type(item.next_step).lower()
            )
        if role == self.LETTER_ID_ROLE:
            return item.letter.id
        if role == self.STATUS_ROLE:
            return item.status
        if role == self.DUE_ROLE:
            return due
        if role == self.DAYS_LEFT_ROLE:
            return left
        if role == self.OVERDUE_ROLE:
            return item.status == "overdue"
        if role == self.NEXT_STEP_ROLE:
            return item.next_step
        if role == self.TRACKED_ROLE:
            return item
        return None

    def _text(self, item: Tracked, column: int, due: dt.date | None, left: int | None) -> str:
        request = item.request
        if column == self.REFERENCE:
            return f"FA-{item.letter.id}"
        if column == self.TYPE:
            return words.short_type(item.letter.letter_type)
        if column == self.OPERATOR:
            return item.letter.operator.name
        if column == self.SENT:
            return format_date(request.sent_at) if request is not None else "—"
        if column == self.DUE:
            return format_date(due) if due is not None else "—"
        if column == self.LEFT:
            if left is None or item.status in ("answered", "closed", "paused"):
                return "—"
            return self.days_left_text(left)
        text = words.status(item.status)
        if item.status == "overdue":
            text = "⚠ " + text  # colour is never the only carrier
        return text

    def days_left_text(self, days: int) -> str:
        if days < 0:
            return self.tr("overdue by %n day(s)", "", -days)
        if days == 0:
            return self.tr("due today")
        return self.tr("%n day(s) left", "", days)

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names.update(
            {
                self.LETTER_ID_ROLE: QByteArray(b"letterId"),
                self.STATUS_ROLE: QByteArray(b"status"),
                self.DUE_ROLE: QByteArray(b"due"),
                self.DAYS_LEFT_ROLE: QByteArray(b"daysLeft"),
                self.OVERDUE_ROLE: QByteArray(b"overdue"),
                self.NEXT_STEP_ROLE: QByteArray(b"nextStep"),
                self.TRACKED_ROLE: QByteArray(b"tracked"),
            }
        )
        return names
