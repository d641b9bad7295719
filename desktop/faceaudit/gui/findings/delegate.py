"""Paints a finding tile (face crop, verdict band, review) and the site headers between them.

The verdict is written out ("Strong match", "Possible match — could be a look-alike") with
the similarity; colour only repeats it. Crops are blurred unless the tile is hovered, the
person revealed it with a key, or they asked to see every face.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from faceaudit.gui.findings.model import Role
from faceaudit.gui.findings.thumbnails import ThumbnailLoader
from faceaudit.store.records import FindingRow

Index = QModelIndex | QPersistentModelIndex

CROP = 148
PAD = 8
LINE = 19
TILE = QSize(CROP + 2 * PAD, CROP + 2 * PAD + 4 * LINE + 4)
HEADER_HEIGHT = 34
# Verdict colours, readable as a stripe on light and dark backgrounds; the words carry the meaning.
BAND_COLOURS = {"match": QColor("#2e8540"), "possible": QColor("#c77700")}
REVIEW_COLOURS = {"confirmed": QColor("#2e8540"), "rejected": QColor("#b3261e")}


class FindingDelegate(QStyledItemDelegate):
    def __init__(self, loader: ThumbnailLoader, view: QWidget, parent: Any = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self._view = view
        self.reveal_all = False
        self.revealed: set[int] = set()  # tiles shown by key
        self._texts: dict[tuple[str, str], QStaticText] = {}

    # -- words -----------------------------------------------------------------------

    def band_text(self, verdict: str) -> str:
        return self.tr("Strong match") if verdict == "match" else self.tr("Possible match")

    def similarity_text(self, similarity: float) -> str:
        number = QLocale().toString(similarity, "f", 2)
        return self.tr("similarity {value}").format(value=number)

    def lookalike_text(self) -> str:
        return self.tr("could be a look-alike")

    def review_text(self, review: str) -> str:
        if review == "confirmed":
            return self.tr("✓ That's me")
        if review == "rejected":
            return self.tr("✗ Not me")
        return self.tr("Not reviewed")

    def header_text(self, site: str, count: int) -> str:
        name = self.tr("Your own files") if site == "file" else site
        return self.tr("{site} — %n finding(s)", "", count).format(site=name)

    # -- geometry --------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.data(Role.IS_HEADER):
            width = self._view.width() - 3 * PAD
            # Header rows fill a line of the flow so each site starts on its own line.
            return QSize(max(width, TILE.width()), HEADER_HEIGHT)
        return TILE

    def is_revealed(self, finding_id: int, hovered: bool) -> bool:
        return self.reveal_all or hovered or finding_id in self.revealed

    # -- painting --------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        try:
            if index.data(Role.IS_HEADER):
                self._paint_header(painter, option, index)
            else:
                self._paint_tile(painter, option, index)
        finally:
            painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_rect = rect.adjusted(PAD, 0, -PAD, -6)
        text = self.header_text(index.data(Role.SITE), index.data(Role.GROUP_COUNT) or 0)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(
            rect.left() + PAD, rect.bottom() - 2, rect.right() - PAD, rect.bottom() - 2
        )

    def _static(self, text: str, font: QFont) -> QStaticText:
        """Laid-out text, elided to the tile, kept per string and font: shaping text is most
        of a tile's painting cost."""
        key = (text, font.key())
        static = self._texts.get(key)
        if static is None:
            if len(self._texts) > 4096:
                self._texts.clear()
            elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, CROP)
            static = QStaticText(elided)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=font)
            self._texts[key] = static
        return static

    def _paint_tile(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        row: FindingRow = index.data(Role.ROW)
        review, verdict = row.review, row.verdict
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        frame = rect.adjusted(2, 2, -2, -2)
        if selected:
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(frame, 6, 6)
        elif review in REVIEW_COLOURS:
            painter.setPen(QPen(REVIEW_COLOURS[review], 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 6, 6)
        if bool(state & QStyle.StateFlag.State_HasFocus):
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 7, 7)

        crop = QRect(rect.left() + PAD, rect.top() + PAD, CROP, CROP)
        self._paint_crop(painter, crop, row.id, hovered, review == "rejected", palette)
        if row.is_new:
            font = QFont(option.font)
            painter.setFont(font)
            self._paint_badge(painter, crop, self._static(self.tr("new"), font), palette)

        painter.setPen(
            palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        left, top = crop.left(), crop.bottom() + 6
        painter.fillRect(
            QRect(left, top + 2, 5, LINE - 5),
            BAND_COLOURS.get(verdict, palette.color(QPalette.ColorRole.Mid)),
        )
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawStaticText(
            QPointF(left + 9, top + 1), self._static(self.band_text(verdict), bold)
        )
        plain = QFont(option.font)
        painter.setFont(plain)
        lines = [self.similarity_text(row.similarity)]
        if verdict == "possible":
            lines.append(self.lookalike_text())
        for number, text in enumerate(lines, 1):
            painter.drawStaticText(
                QPointF(left, top + 1 + number * LINE), self._static(text, plain)
            )
        if review in REVIEW_COLOURS and not selected:
            painter.setPen(REVIEW_COLOURS[review])
        painter.drawStaticText(
            QPointF(left, top + 1 + 3 * LINE), self._static(self.review_text(review), plain)
        )

    def _paint_badge(
        self, painter: QPainter, crop: QRect, text: QStaticText, palette: QPalette
    ) -> None:
        """A "new" tag on the crop's corner (words, not only a colour)."""
        size = text.size()
        badge = QRect(
            crop.left() + 4, crop.top() + 4, int(size.width()) + 10, int(size.height()) + 4
        )
        painter.fillRect(badge, palette.color(QPalette.ColorRole.Highlight))
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawStaticText(QPointF(badge.left() + 5, badge.top() + 2), text)

    def _paint_crop(
        self,
        painter: QPainter,
        crop: QRect,
        finding_id: int,
        hovered: bool,
        rejected: bool,
        palette: QPalette,
    ) -> None:
        thumb = self.loader.get(finding_id)
        if thumb is None:
            painter.fillRect(crop, palette.color(QPalette.ColorRole.Mid))
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            label = (
                self.tr("No picture")
                if self.loader.is_unavailable(finding_id)
                else self.tr("Loading…")
            )
            painter.drawText(crop, Qt.AlignmentFlag.AlignCenter, label)
            return
        pixmap = thumb.sharp if self.is_revealed(finding_id, hovered) else thumb.blurred
        target = QRect(0, 0, pixmap.width(), pixmap.height())
        target.moveCenter(crop.center())
        if rejected:
            painter.setOpacity(0.45)
        painter.drawPixmap(target, pixmap)
        painter.setOpacity(1.0)
