"""The reference photos as a list model: face crop, label and quality badges in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPixmap

from faceaudit.gui.me.enrol import Quality, ReferenceItem

ID_ROLE = Qt.ItemDataRole.UserRole + 1
QUALITY_ROLE = Qt.ItemDataRole.UserRole + 2
BADGES_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


def badges(quality: Quality) -> list[tuple[bool, str]]:
    """(good?, words) for each quality measure: colour is never the only carrier."""
    translate = QCoreApplication.translate
    locale = QLocale()
    good, low = translate("ReferencesModel", "good"), translate("ReferencesModel", "low")
    return [
        (
            quality.face_ok,
            translate("ReferencesModel", "Face size: %1 px (%2)")
            .replace("%1", locale.toString(quality.face_pixels))
            .replace("%2", good if quality.face_ok else low),
        ),
        (
            quality.sharp_ok,
            translate("ReferencesModel", "Sharpness: %1").replace(
                "%1", good if quality.sharp_ok else low
            ),
        ),
        (
            quality.clear_ok,
            translate("ReferencesModel", "Face clearly visible: %1 (%2)")
            .replace("%1", locale.toString(quality.det_score, "f", 2))
            .replace("%2", good if quality.clear_ok else low),
        ),
    ]


class ReferencesModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ReferenceItem] = []
        self._pixmaps: dict[int, QPixmap] = {}  # in memory only: face crops are biometric

    def set_items(self, items: list[ReferenceItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._pixmaps.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.set_items([])

    def item(self, row: int) -> ReferenceItem:
        return self._items[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role, name in (
            (ID_ROLE, b"referenceId"),
            (QUALITY_ROLE, b"quality"),
            (BADGES_ROLE, b"badges"),
        ):
            names[role] = QByteArray(name)
        return names

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ID_ROLE:
            return item.id
        if role == QUALITY_ROLE:
            return item.quality
        if role == BADGES_ROLE:
            return badges(item.quality)
        if role == Qt.ItemDataRole.DisplayRole:
            marks = "\n".join(("✓ " if ok else "! ") + words for ok, words in badges(item.quality))
            return f"{item.label}\n{marks}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            words = "; ".join(words for _ok, words in badges(item.quality))
            return f"{item.label}: {words}"
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmaps.get(item.id)
            if pixmap is None:
                # QPixmap only on the GUI thread; the QImage was decoded on the worker.
                pixmap = QPixmap.fromImage(item.thumbnail)
                self._pixmaps[item.id] = pixmap
            return pixmap
        return None
