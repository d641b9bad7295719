"""Every modal dialog and file dialog goes through one :class:`Dialogs` object.

Screens never call ``QMessageBox`` or ``QFileDialog`` themselves, so tests hand the window a
recording ``Dialogs`` (tests/gui/conftest.py) and no test ever blocks on a real modal dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The modules, not their classes: a Qt class costs its first use a millisecond or two, and
# the window's start-up should not pay for dialogs nobody has opened yet.
from PySide6 import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget


class Dialogs:
    """The real dialogs. Keep the method set small: each is a seam tests replace."""

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        QtWidgets.QMessageBox.warning(parent, title, text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        QtWidgets.QMessageBox.information(parent, title, text)

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QtWidgets.QMessageBox.question(
            parent,
            title,
            text,
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def get_open_files(self, parent: QWidget | None, caption: str, filter: str) -> list[str]:
        files, _chosen_filter = QtWidgets.QFileDialog.getOpenFileNames(parent, caption, "", filter)
        return list(files)

    def get_save_file(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: str,
        filter: str,
    ) -> str | None:
        path, _chosen_filter = QtWidgets.QFileDialog.getSaveFileName(
            parent, caption, suggested, filter
        )
        return path or None

    def get_existing_dir(self, parent: QWidget | None, caption: str, start: str = "") -> str | None:
        path = QtWidgets.QFileDialog.getExistingDirectory(parent, caption, start)
        return path or None

    def open_url(self, url: str) -> bool:
        """Open a page, a file or a mailto: link with the system's own program."""
        qurl = (
            QtCore.QUrl(url)
            if "://" in url or url.startswith("mailto:")
            else QtCore.QUrl.fromLocalFile(url)
        )
        return bool(QtGui.QDesktopServices.openUrl(qurl))

    def open_dialog(self, dialog: QDialog) -> None:
        """Show one of our own dialogs window-modal without blocking (``open()``, not
        ``exec()``): the caller listens to its ``accepted``/``finished`` signals."""
        dialog.open()
