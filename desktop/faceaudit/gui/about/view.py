"""The About box: version, licences, where releases are published. No update check."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from faceaudit import __version__
from faceaudit.gui.about.model import components, releases_url


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About FaceAudit"))
        self.setObjectName("AboutDialog")
        self.version_label = QLabel(self.tr("FaceAudit %1").replace("%1", __version__))
        self.version_label.setProperty("role", "title")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        rows = "".join(
            f"<tr><td>{escape(c.name)}</td><td>{escape(c.version)}</td>"
            f"<td>{escape(c.licence)}</td></tr>"
            for c in components()
        )
        weights = escape(
            self.tr(
                "InsightFace model weights (buffalo_sc, buffalo_l): non-commercial research use "
                "only. Commercial use needs a licence from InsightFace."
            )
        )
        # lupdate does not see tr() inside f-strings: translate first, then format.
        headers = [self.tr("Part"), self.tr("Version"), self.tr("Licence")]
        header_row = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
        self.licences_label = QLabel(
            f"<table cellspacing='6'><tr>{header_row}</tr>{rows}</table><p><b>{weights}</b></p>"
        )
        self.licences_label.setWordWrap(True)
        self.licences_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        url = releases_url()
        if url:
            where = self.tr("New versions are published at: %1").replace(
                "%1", f"<a href='{escape(url, quote=True)}'>{escape(url)}</a>"
            )
        else:
            where = escape(
                self.tr(
                    "New versions are published on the project's releases page, with the "
                    "source code."
                )
            )
        no_check = escape(
            self.tr(
                "FaceAudit never checks for updates by itself: nothing leaves this computer "
                "except the pages you list and the model download."
            )
        )
        self.releases_label = QLabel(f"<p>{where}</p><p>{no_check}</p>")
        self.releases_label.setWordWrap(True)
        self.releases_label.setOpenExternalLinks(False)
        self.releases_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.version_label)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Find where your own face appears on the pages you list, on your own "
                    "computer, and ask the sites to act."
                )
            )
        )
        layout.addWidget(self.licences_label)
        layout.addWidget(self.releases_label)
        layout.addWidget(buttons)
