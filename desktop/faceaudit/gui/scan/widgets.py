"""Pieces of the Scan screen: the live counts, and the words of a scan's summary."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from faceaudit.gui.messages.reasons import reason_text
from faceaudit.scan.control import ScanProgress


class ScanWords(QObject):
    """How long, and what a scan did, in words (a QObject, so that tr() knows plural forms)."""

    def duration_text(self, seconds: float) -> str:
        """ "42 s", "3 min 05 s", "1 h 02 min": short, and never a fake precision."""
        whole = max(0, round(seconds))
        if whole < 60:
            return self.tr("%1 s").replace("%1", str(whole))
        minutes, rest = divmod(whole, 60)
        if minutes < 60:
            return self.tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", f"{rest:02d}")
        hours, minutes = divmod(minutes, 60)
        return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{minutes:02d}")

    def summary_text(self, outcome: Any) -> str:
        """What the scan did, in a few plain sentences (counts of the whole scan)."""
        locale = QLocale()
        stats = outcome.stats
        places = len({f.finding_id or id(f) for f in outcome.findings})
        if outcome.status == "cancelled":
            head = self.tr("Scan stopped after %1.")
        else:
            head = self.tr("Scan finished in %1.")
        parts = [head.replace("%1", self.duration_text(float(stats.get("seconds", 0))))]
        parts.append(
            self.tr("%n page(s) read", "", int(stats.get("pages", 0)))
            + ", "
            + self.tr("%n image(s) analysed", "", int(stats.get("images", 0)))
            + ", "
            + self.tr("%n face(s) seen.", "", int(stats.get("faces", 0)))
        )
        if places:
            parts.append(self.tr("Your face may appear in %n place(s): review them.", "", places))
        else:
            parts.append(self.tr("Your face was not found on the sources scanned."))
        comparison = outcome.comparison or {}
        if outcome.previous_scan_id is not None and comparison:
            parts.append(
                self.tr("Since the previous scan: %1 new, %2 gone, %3 not checked this time.")
                .replace("%1", locale.toString(int(comparison.get("new", 0))))
                .replace("%2", locale.toString(int(comparison.get("gone", 0))))
                .replace("%3", locale.toString(int(comparison.get("unchecked", 0))))
            )
        if outcome.errors:
            parts.append(
                self.tr("%n address(es) could not be read (listed below).", "", len(outcome.errors))
            )
        if outcome.status == "cancelled":
            parts.append(self.tr("What was analysed is kept; Continue picks up where it stopped."))
        return " ".join(parts)

    def problems_list(self, outcome: Any, limit: int = 200) -> str:
        lines = [f"{error.url}: {reason_text(error.error)}" for error in outcome.errors[:limit]]
        if len(outcome.errors) > limit:
            lines.append(self.tr("... and %n more.", "", len(outcome.errors) - limit))
        return "\n".join(lines)


class CountsPanel(QWidget):
    """Pages, images, video frames, faces, matches, errors; rate and time left, in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = ScanWords(self)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        names = [
            ("pages", self.tr("Pages read")),
            ("images", self.tr("Images analysed")),
            ("frames", self.tr("Video frames")),
            ("faces", self.tr("Faces")),
            ("matches", self.tr("Could be you")),
            ("errors", self.tr("Problems")),
            ("rate", self.tr("Speed")),
            ("left", self.tr("Time left")),
        ]
        for position, (key, label) in enumerate(names):
            row, column = divmod(position, 4)
            caption = QLabel(label)
            caption.setProperty("role", "hint")
            value = QLabel("–")
            value.setProperty("role", "count")
            value.setAccessibleName(label)
            caption.setBuddy(value)
            grid.addWidget(caption, row * 2, column)
            grid.addWidget(value, row * 2 + 1, column)
            self.values[key] = value

    def clear(self) -> None:
        for value in self.values.values():
            value.setText("–")

    def show_progress(self, progress: ScanProgress) -> None:
        locale = QLocale()
        counts = {
            "pages": progress.pages,
            "images": progress.images_done,
            "frames": progress.video_frames,
            "faces": progress.faces,
            "matches": progress.findings,
            "errors": progress.errors,
        }
        for key, count in counts.items():
            self.values[key].setText(locale.toString(count))
        self.values["rate"].setText(
            self.tr("%1 images/s").replace("%1", locale.toString(progress.rate, "f", 1))
        )
        if progress.phase != "scanning":
            left = self.tr("none")
        elif progress.paused:
            left = self.tr("paused")
        elif progress.eta_seconds is None:
            left = self.tr("estimating...")
        else:
            left = self.tr("about %1").replace("%1", self.words.duration_text(progress.eta_seconds))
        self.values["left"].setText(left)
