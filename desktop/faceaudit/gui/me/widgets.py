"""The Me screen's pieces: the face picker and the drop area."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.me.enrol import ChooseFace


class FacePickerDialog(QDialog):
    """ "This photo shows several people: which one is you?" Emits the chosen face's index."""

    chosen = Signal(int)

    def __init__(self, choice: ChooseFace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        self.setWindowTitle(self.tr("Which one is you?"))
        explanation = QLabel(
            self.tr(
                "%1 shows %n people. Pick your face: only that part of the photo is kept, the "
                "others are not stored.",
                "",
                len(choice.faces),
            ).replace("%1", choice.label)
        )
        explanation.setWordWrap(True)
        self.faces = QListWidget()
        self.faces.setViewMode(QListView.ViewMode.IconMode)
        self.faces.setIconSize(QSize(120, 120))
        self.faces.setAccessibleName(self.tr("Faces in the photo"))
        for number, image in enumerate(choice.thumbnails, start=1):
            item = QListWidgetItem(
                QIcon(QPixmap.fromImage(image)), self.tr("Face %1").replace("%1", str(number))
            )
            item.setData(Qt.ItemDataRole.UserRole, number - 1)
            self.faces.addItem(item)
        self.faces.setCurrentRow(0)
        self.faces.itemActivated.connect(lambda _item: self._accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("This is me"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.faces)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        item = self.faces.currentItem()
        if item is None:
            return
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()


class PhotoDropList(QListView):
    """The references list, which also takes photo files dropped on it."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
