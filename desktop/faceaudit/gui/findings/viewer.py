"""The full image of one finding: every face box drawn, this finding's highlighted, provenance."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui import shortcuts
from faceaudit.gui.findings.data import ViewerData

THIS_FACE = QColor("#1a73e8")
OTHER_FINDING = QColor("#c77700")
OTHER_FACE = QColor("#f0f0f0")


def to_qimage(data: ViewerData) -> QImage | None:
    """The decoded pixels as a QImage (any thread; the array is copied)."""
    if data.pixels is None:
        return None
    height, width = data.pixels.shape[:2]
    image = QImage(data.pixels.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888)
    return image.copy()


class ImageWithBoxes(QWidget):
    """Paints the image scaled to fit, with a labelled box on every face."""

    def __init__(self, data: ViewerData, image: QImage | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.image = image
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("The full image, with a box on every face"))

    def sizeHint(self) -> QSize:
        return QSize(720, 520)

    def boxes(self) -> list[tuple[str, QRectF]]:
        """Each drawn box as (kind, rectangle in widget pixels): "this", "finding", "face"."""
        if self.image is None or not self.data.boxes_to_scale:
            return []
        fit = min(self.width() / self.image.width(), self.height() / self.image.height())
        scale = fit * self.data.scale
        left = (self.width() - self.image.width() * fit) / 2
        top = (self.height() - self.image.height() * fit) / 2

        def rect(box: tuple[float, float, float, float]) -> QRectF:
            x1, y1, x2, y2 = box
            return QRectF(left + x1 * scale, top + y1 * scale, (x2 - x1) * scale, (y2 - y1) * scale)

        this = self.data.finding.id
        drawn = [("this", rect(self.data.finding_boxes.get(this, self.data.finding.bbox)))]
        drawn += [("finding", rect(b)) for i, b in self.data.finding_boxes.items() if i != this]
        known = [r for _, r in drawn]
        for box in self.data.face_boxes:
            candidate = rect(box)
            if not any(_same(candidate, other) for other in known):
                drawn.append(("face", candidate))
        return drawn

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self.image is None:
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.data.problem
                or self.tr(
                    "No copy of this image is kept in the case (its evidence setting), so only "
                    "the face crop can be shown. The page may still show it: open the page."
                ),
            )
            return
        fit = min(self.width() / self.image.width(), self.height() / self.image.height())
        target = QRectF(0, 0, self.image.width() * fit, self.image.height() * fit)
        target.moveCenter(QRectF(self.rect()).center())
        painter.drawImage(target, self.image)
        labels = {
            "this": self.tr("This face"),
            "finding": self.tr("Also found"),
            "face": self.tr("Other face"),
        }
        styles = {
            "this": QPen(THIS_FACE, 4),
            "finding": QPen(OTHER_FINDING, 3, Qt.PenStyle.DashLine),
            "face": QPen(OTHER_FACE, 2, Qt.PenStyle.DotLine),
        }
        halo = QPen(QColor(0, 0, 0, 160), 4)  # keeps thin boxes visible on any picture
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for kind, rect in self.boxes():
            if kind != "this":
                painter.setPen(halo)
                painter.drawRect(rect)
            painter.setPen(styles[kind])
            painter.drawRect(rect)
            if labels[kind]:
                text_rect = QRectF(rect.left(), rect.top() - 20, max(rect.width(), 90), 18)
                background = QColor(30, 30, 30, 210) if kind == "face" else styles[kind].color()
                painter.fillRect(text_rect, background)
                painter.setPen(QColor("white"))
                painter.drawText(
                    text_rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, labels[kind]
                )
        painter.end()


def _in_lines(digest: str, width: int = 32) -> str:
    """A hash in short lines (labels cannot wrap a word with no spaces)."""
    return "\n".join(digest[i : i + width] for i in range(0, len(digest), width))


def _same(a: QRectF, b: QRectF) -> bool:
    inter = a.intersected(b)
    area = inter.width() * inter.height()
    return area > 0.7 * min(a.width() * a.height(), b.width() * b.height())


class ViewerDialog(QDialog):
    """Non-modal: opened through ``context.dialogs.open_dialog``; ``decided`` carries the id."""

    decided = Signal(int, str)  # finding id, "confirmed" | "rejected"
    open_page = Signal(str)

    def __init__(self, data: ViewerData, image: QImage | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        finding = data.finding
        self.setWindowTitle(self.tr("Finding {number}").format(number=finding.id))
        self.picture = ImageWithBoxes(data, image)
        legend = QLabel(
            self.tr(
                "Thick blue box: this face. Dashed orange: another face found in the same "
                "image. Dotted white: a face that does not look like yours."
            )
        )
        legend.setWordWrap(True)
        self.details = QFormLayout()
        self._fill_details()
        self.open_button = QPushButton(self.tr("Open page in browser"))
        self.open_button.setEnabled(bool(finding.page_url or finding.image_url))
        self.open_button.clicked.connect(
            lambda: self.open_page.emit(finding.page_url or finding.image_url)
        )
        self.confirm_button = QPushButton(self.tr("That's me"))
        shortcuts.bind(self.confirm_button, shortcuts.CONFIRM_FINDING, self.tr("That's me"))
        self.confirm_button.clicked.connect(lambda: self._decide("confirmed"))
        self.reject_button = QPushButton(self.tr("Not me"))
        shortcuts.bind(self.reject_button, shortcuts.REJECT_FINDING, self.tr("Not me"))
        self.reject_button.clicked.connect(lambda: self._decide("rejected"))
        confirm = shortcuts.action(self, self.tr("That's me"), shortcuts.CONFIRM_FINDING)
        confirm.triggered.connect(lambda: self._decide("confirmed"))
        reject = shortcuts.action(self, self.tr("Not me"), shortcuts.REJECT_FINDING)
        reject.triggered.connect(lambda: self._decide("rejected"))
        close = shortcuts.action(self, self.tr("Close"), shortcuts.VIEW_FINDING)
        close.triggered.connect(self.close)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        for button in (self.confirm_button, self.reject_button, self.open_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)
        side = QWidget()
        side.setMaximumWidth(440)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(self.details)
        side_layout.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.picture, 1)
        body.addWidget(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(legend)
        layout.addLayout(row)
        self.resize(1100, 640)

    def _decide(self, review: str) -> None:
        self.decided.emit(self.data.finding.id, review)
        self.close()

    def _fill_details(self) -> None:
        finding, locale = self.data.finding, QLocale()

        def when(text: str | None) -> str:
            if not text:
                return self.tr("unknown")
            moment = QDateTime.fromString(text.replace("Z", "+00:00"), Qt.DateFormat.ISODate)
            return locale.toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)

        def selectable(text: str) -> QLabel:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

        pages = sorted({s.page_url or s.image_url for s in self.data.sightings})
        evidence = self.data.evidence
        if evidence is None:
            kept = self.tr("No copy kept")
        elif evidence.reduced:
            kept = self.tr("A reduced copy (SHA-256 {sha})").format(
                sha=_in_lines(evidence.stored_sha256)
            )
        else:
            kept = self.tr("The image as it was fetched")
        rows = [
            (self.tr("Page"), finding.page_url or self.tr("(the image itself was listed)")),
            (self.tr("Image"), finding.image_url),
            (self.tr("How it was found"), found_by_text(finding.found_by)),
            (self.tr("First seen"), when(finding.first_seen_at)),
            (self.tr("Last seen"), when(finding.last_seen_at)),
            (self.tr("Similarity"), locale.toString(finding.similarity, "f", 2)),
            (
                self.tr("Seen on %n page(s)", "", len(pages)),
                "\n".join(pages),
            ),
            (self.tr("Image SHA-256"), _in_lines(finding.image_sha256)),
            (self.tr("Copy in the case"), kept),
        ]
        for name, value in rows:
            self.details.addRow(name, selectable(value))


def found_by_text(found_by: str) -> str:
    """How a Candidate was found, in words (Provenance.found_by values)."""
    words = {
        "img": QCoreApplication.translate("FoundBy", "an image on the page"),
        "srcset": QCoreApplication.translate("FoundBy", "a responsive image on the page (srcset)"),
        "picture": QCoreApplication.translate(
            "FoundBy", "a responsive image on the page (picture)"
        ),
        "lazy": QCoreApplication.translate(
            "FoundBy", "an image the page loads later (lazy loading)"
        ),
        "og:image": QCoreApplication.translate(
            "FoundBy", "the picture the page shows when shared (og:image)"
        ),
        "twitter:image": QCoreApplication.translate(
            "FoundBy", "the picture the page shows when shared (twitter:image)"
        ),
        "link": QCoreApplication.translate("FoundBy", "an image linked from the page's head"),
        "css": QCoreApplication.translate("FoundBy", "a background picture of the page (CSS)"),
        "poster": QCoreApplication.translate(
            "FoundBy", "the still shown before a video plays (poster)"
        ),
        "a-href": QCoreApplication.translate("FoundBy", "a link to the image"),
        "noscript": QCoreApplication.translate(
            "FoundBy", "an image for browsers without JavaScript"
        ),
        "data-uri": QCoreApplication.translate("FoundBy", "an image written inside the page"),
        "direct": QCoreApplication.translate("FoundBy", "the image address you listed"),
        "video-frame": QCoreApplication.translate("FoundBy", "a frame of a video"),
        "local": QCoreApplication.translate("FoundBy", "a file on this computer"),
        "archive": QCoreApplication.translate("FoundBy", "a file inside an archive"),
    }
    return words.get(found_by, found_by)
