"""The running scan, source by source, as a table model fed by the scan's progress reports."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from faceaudit.gui.sources.model import SourceWords
from faceaudit.scan.control import SourceTally

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # waiting | collecting | done | failed | skipped ...
TALLY_ROLE = Qt.ItemDataRole.UserRole + 3  # the SourceTally

SOURCE, STATE, IMAGES, FACES, MATCHES, PROBLEMS = range(6)
_Index = QModelIndex | QPersistentModelIndex


class ScanSourcesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tallies: list[SourceTally] = []
        self.words = SourceWords(self)

    def tallies(self) -> list[SourceTally]:
        return list(self._tallies)

    def set_tallies(self, tallies: tuple[SourceTally, ...] | list[SourceTally]) -> None:
        """Update in place while the sources are the same ones (rows keep their selection)."""
        new = list(tallies)
        if [t.source for t in new] != [t.source for t in self._tallies]:
            self.beginResetModel()
            self._tallies = new
            self.endResetModel()
            return
        changed = [
            row for row, (old, now) in enumerate(zip(self._tallies, new, strict=True)) if old != now
        ]
        self._tallies = new
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], PROBLEMS), [])

    def clear(self) -> None:
        self.set_tallies([])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tallies)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        translate = QCoreApplication.translate
        return {
            SOURCE: translate("ScanSourcesModel", "Source"),
            STATE: translate("ScanSourcesModel", "Now"),
            IMAGES: translate("ScanSourcesModel", "Images"),
            FACES: translate("ScanSourcesModel", "Faces"),
            MATCHES: translate("ScanSourcesModel", "You"),
            PROBLEMS: translate("ScanSourcesModel", "Problems"),
        }.get(section)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role, name in (
            (SOURCE_ROLE, b"source"),
            (STATE_ROLE, b"state"),
            (TALLY_ROLE, b"tally"),
        ):
            names[role] = QByteArray(name)
        return names

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tallies):
            return None
        tally = self._tallies[index.row()]
        if role == SOURCE_ROLE:
            return tally.source
        if role == STATE_ROLE:
            return tally.state
        if role == TALLY_ROLE:
            return tally
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= IMAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        if column == SOURCE:
            return tally.source
        if column == STATE:
            return self.words.live_text(tally)
        count = {
            IMAGES: tally.images,
            FACES: tally.faces,
            MATCHES: tally.findings,
            PROBLEMS: tally.errors + tally.skipped,
        }[column]
        return QLocale().toString(count)
