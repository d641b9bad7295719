"""The cases list: a table model over ``CaseStore.list()`` (nothing biometric, no passphrase)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

if TYPE_CHECKING:
    from faceaudit.store import CaseSummary

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def local_time(iso: str | None) -> str:
    """An ISO-8601 UTC time from the store, in the interface's locale and the local zone."""
    if not iso:
        return ""
    moment = QDateTime.fromString(iso.replace("Z", "+00:00"), Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


class CasesModel(QAbstractTableModel):
    COLUMNS = ("name", "references", "sources", "findings", "last_scan", "opens_with")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._locks: dict[str, tuple[str, ...]] = {}  # case name -> "case" and/or "clinic"

    def set_cases(
        self, rows: list[CaseSummary], locks: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._locks = dict(locks or {})
        self.endResetModel()

    def locks_of(self, name: str) -> tuple[str, ...] | None:
        return self._locks.get(name)

    def any_clinic_case(self) -> bool:
        return any("clinic" in kinds for kinds in self._locks.values())

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, name: str) -> int:
        for row, summary in enumerate(self._rows):
            if summary.name == name:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        translate = QCoreApplication.translate
        return {
            "name": translate("CasesModel", "Case"),
            "references": translate("CasesModel", "Reference photos"),
            "sources": translate("CasesModel", "Sources"),
            "findings": translate("CasesModel", "Findings (to review)"),
            "last_scan": translate("CasesModel", "Last scan"),
            "opens_with": translate("CasesModel", "Opens with"),
        }[self.COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == NAME_ROLE:
            return summary.name
        if role == SUMMARY_ROLE:
            return summary
        if role == Qt.ItemDataRole.DisplayRole and column == "opens_with":
            return self._opens_with(self._locks.get(summary.name, ()))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole and summary.problem:
            return summary.problem
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (
            "name",
            "last_scan",
            "opens_with",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _opens_with(kinds: tuple[str, ...]) -> str:
        translate = QCoreApplication.translate
        if kinds == ("clinic",):
            return translate("CasesModel", "the clinic passphrase")
        if kinds == ("case", "clinic"):
            return translate("CasesModel", "its own or the clinic passphrase")
        if kinds == ("case",):
            return translate("CasesModel", "its own passphrase")
        return ""

    @staticmethod
    def _display(summary: CaseSummary, column: str) -> str:
        locale = QLocale()
        if column == "name":
            if summary.problem:
                return QCoreApplication.translate("CasesModel", "%1 (cannot be read)").replace(
                    "%1", summary.name
                )
            return summary.name
        if summary.problem:
            return ""
        if column == "references":
            return locale.toString(summary.references)
        if column == "sources":
            return locale.toString(summary.sources)
        if column == "findings":
            return (
                QCoreApplication.translate("CasesModel", "%1 (%2)")
                .replace("%1", locale.toString(summary.findings))
                .replace("%2", locale.toString(summary.unreviewed))
            )
        if summary.last_scan_at:
            return local_time(summary.last_scan_at)
        return QCoreApplication.translate("CasesModel", "never")
