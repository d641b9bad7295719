"""Where the person is most exposed: confirmed appearances per site, as a small bar chart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QLocale, QRect, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from faceaudit.gui.findings.delegate import BAND_COLOURS
from faceaudit.gui.findings.model import LOCAL_SITE
from faceaudit.store.records import FindingRow

ROW_HEIGHT = 22
MAX_SITES = 12


class SiteSummary(QWidget):
    """One bar per site (most confirmed first); clicking a bar asks to show that site."""

    site_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: list[tuple[str, int, int]] = []  # site, confirmed, still to review
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Confirmed appearances per site"))
        self.setMouseTracking(True)

    def set_findings(self, rows: Iterable[tuple[FindingRow, str]]) -> None:
        confirmed: Counter[str] = Counter()
        pending: Counter[str] = Counter()
        for row, site in rows:
            if row.review == "confirmed":
                confirmed[site] += 1
            elif row.review == "unreviewed":
                pending[site] += 1
        sites = set(confirmed) | set(pending)
        ordered = sorted(sites, key=lambda s: (-confirmed[s], -pending[s], s))
        self.counts = [(s, confirmed[s], pending[s]) for s in ordered[:MAX_SITES]]
        self.setAccessibleDescription("\n".join(self.lines()))
        self.setToolTip("\n".join(self.lines()))
        self.updateGeometry()
        self.update()

    def site_name(self, site: str) -> str:
        return self.tr("Your own files") if site == LOCAL_SITE else site

    def lines(self) -> list[str]:
        """The chart in words (tooltip and screen readers)."""
        return [
            self.tr("{site}: %n confirmed", "", confirmed).format(site=self.site_name(site))
            + (self.tr(", %n to review", "", pending) if pending else "")
            for site, confirmed, pending in self.counts
        ]

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self.counts)) * ROW_HEIGHT + 8)

    def minimumSizeHint(self) -> QSize:
        # Narrower than it likes: names are elided, bars scale (a laptop screen in French).
        return QSize(220, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        if not self.counts:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft, self.tr("Nothing found yet."))
            return
        locale = QLocale()
        label_width = min(170, self.width() // 2)
        bar_space = self.width() - label_width - 50
        most = max(max(c + p for _, c, p in self.counts), 1)
        for row, (site, confirmed, pending) in enumerate(self.counts):
            top = 4 + row * ROW_HEIGHT
            label = QRect(0, top, label_width - 6, ROW_HEIGHT - 4)
            painter.setPen(text)
            name = painter.fontMetrics().elidedText(
                self.site_name(site), Qt.TextElideMode.ElideMiddle, label.width()
            )
            painter.drawText(
                label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, name
            )
            width_confirmed = int(bar_space * confirmed / most)
            width_pending = int(bar_space * pending / most)
            bar = QRect(label_width, top + 3, width_confirmed, ROW_HEIGHT - 10)
            painter.fillRect(bar, BAND_COLOURS["match"])
            # Still to review: an outlined bar after the solid one (shape tells them apart).
            rest = QRect(bar.right() + 1, top + 3, width_pending, ROW_HEIGHT - 10)
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawRect(rest.adjusted(0, 0, -1, -1))
            painter.setPen(text)
            painter.drawText(
                QRect(rest.right() + 6, top, 60, ROW_HEIGHT - 4),
                Qt.AlignmentFlag.AlignVCenter,
                locale.toString(confirmed),
            )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = (int(event.position().y()) - 4) // ROW_HEIGHT
        if 0 <= row < len(self.counts):
            self.site_chosen.emit(self.counts[row][0])
