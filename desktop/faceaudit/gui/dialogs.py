"""Every modal dialog and file dialog goes through one :class:`Dialogs` object.

Screens never call ``QMessageBox`` or ``QFileDialog`` themselves, so tests hand the window a
recording ``Dialogs`` (tests/gui/conftest.py) and no test ever blocks on a real modal dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


class Dialogs:
    """The real dialogs. Keep the method set small: each is a seam tests replace."""

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def get_open_files(self, parent: QWidget | None, caption: str, filter: str) -> list[str]:
        files, _chosen_filter = QFileDialog.getOpenFileNames(parent, caption, "", filter)
        return list(files)

    def get_save_file(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: str,
        filter: str,
    ) -> str | None:
        path, _chosen_filter = QFileDialog.getSaveFileName(parent, caption, suggested, filter)
        return path or None

    def get_existing_dir(self, parent: QWidget | None, caption: str, start: str = "") -> str | None:
        path = QFileDialog.getExistingDirectory(parent, caption, start)
        return path or None

    def open_url(self, url: str) -> bool:
        """Open a page, a file or a mailto: link with the system's own program."""
        qurl = QUrl(url) if "://" in url or url.startswith("mailto:") else QUrl.fromLocalFile(url)
        return bool(QDesktopServices.openUrl(qurl))

    def open_dialog(self, dialog: QDialog) -> None:
        """Show one of our own dialogs window-modal without blocking (``open()``, not
        ``exec()``): the caller listens to its ``accepted``/``finished`` signals."""
        dialog.open()
