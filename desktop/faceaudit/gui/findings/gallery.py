"""The grid of face tiles: a QListView flowing tiles left to right, one line per site header."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView

from faceaudit.gui.findings.delegate import CROP, FindingDelegate
from faceaudit.gui.findings.model import Role, index_of_finding
from faceaudit.gui.findings.thumbnails import ThumbnailLoader


class FindingsGallery(QListView):
    """Shows a :class:`SiteGroups` model; the screen owns the actions (review, viewer)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        ratio = self.devicePixelRatioF()
        self.loader = ThumbnailLoader(QSize(int(CROP * ratio), int(CROP * ratio)), parent=self)
        self.tile_delegate = FindingDelegate(self.loader, self.viewport(), self)
        self.setItemDelegate(self.tile_delegate)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSpacing(4)
        self.setUniformItemSizes(False)  # header rows are a line wide
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.verticalScrollBar().setSingleStep(24)
        self.loader.ready.connect(self._thumbnail_arrived)
        self.loader.unavailable.connect(self._thumbnail_arrived)

    def _thumbnail_arrived(self, finding_id: int) -> None:
        # Only that tile is repainted; updates coalesce into one paint per frame.
        model = self.model()
        index = index_of_finding(model, finding_id) if model is not None else QModelIndex()
        if index.isValid():
            self.viewport().update(self.visualRect(index))

    def finding_id_at(self, index: QModelIndex) -> int | None:
        if not index.isValid() or index.data(Role.IS_HEADER):
            return None
        value = index.data(Role.FINDING_ID)
        return None if value is None else int(value)

    def current_finding_id(self) -> int | None:
        return self.finding_id_at(self.currentIndex())

    def selected_finding_ids(self) -> list[int]:
        """The selected tiles (the current one if none is selected), in display order."""
        indexes = sorted(self.selectionModel().selectedIndexes(), key=lambda i: i.row())
        ids = [i for i in (self.finding_id_at(index) for index in indexes) if i is not None]
        if not ids and (current := self.current_finding_id()) is not None:
            ids = [current]
        return ids

    def select_finding(self, finding_id: int) -> bool:
        model = self.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if self.finding_id_at(index) == finding_id:
                self.setCurrentIndex(index)
                self.scrollTo(index)
                return True
        return False

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Any) -> QModelIndex:
        """Arrow keys skip the site headers (they are not tiles)."""
        index = super().moveCursor(action, modifiers)
        model = self.model()
        if model is None or not index.isValid() or not index.data(Role.IS_HEADER):
            return index
        step = -1 if action in self._BACKWARD else 1
        row = index.row() + step
        if 0 <= row < model.rowCount():
            return model.index(row, 0)
        return self.currentIndex()

    _BACKWARD = (
        QAbstractItemView.CursorAction.MoveUp,
        QAbstractItemView.CursorAction.MoveLeft,
        QAbstractItemView.CursorAction.MovePrevious,
        QAbstractItemView.CursorAction.MovePageUp,
    )
