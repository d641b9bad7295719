"""The case's sources as a table model: address, state from the last scan in words, settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from faceaudit.gui.messages.reasons import reason_text
from faceaudit.gui.sources.data import SourceItem
from faceaudit.scan.control import SourceTally
from faceaudit.store import SourceSettings
from faceaudit.store import source_states as states

ID_ROLE = Qt.ItemDataRole.UserRole + 1
URL_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # one of store.source_states.STATES
SETTINGS_ROLE = Qt.ItemDataRole.UserRole + 4  # SourceSettings
REASON_ROLE = Qt.ItemDataRole.UserRole + 5  # why it failed or was skipped, or None
LIVE_ROLE = Qt.ItemDataRole.UserRole + 6  # the running scan's SourceTally, or None

SOURCE, STATE, CHECKED, SETTINGS = range(4)
_Index = QModelIndex | QPersistentModelIndex


class SourceWords(QObject):
    """A source's state and settings in words (a QObject, so that tr() knows plural forms)."""

    def state_text(self, state: states.SourceState) -> str:
        """The state in words, reason included: colour is never the only carrier."""
        kind = state.state
        if kind == states.NOT_SCANNED:
            return self.tr("Not scanned yet")
        if kind == states.FAILED:
            return self.tr("Failed: %1").replace("%1", reason_text(state.reason or ""))
        if kind == states.SKIPPED:
            return self.tr("Skipped: %1").replace("%1", reason_text(state.reason or ""))
        if kind == states.FETCHED:
            text = self.tr("Read (%n page(s)), no image on it", "", state.pages)
        elif kind == states.NO_FACE:
            text = self.tr("%n image(s), no face", "", state.images)
        elif kind == states.NOT_YOU:
            text = self.tr("%n face(s), none of them you", "", state.faces)
        else:
            text = self.tr("You appear: %n face(s) to review", "", state.findings)
        if state.problems:
            text += self.tr(
                " (%n address(es) not read: see the scan's problems)", "", state.problems
            )
        return text

    def live_text(self, tally: SourceTally) -> str:
        """What the running scan is doing with a source."""
        if tally.state == "waiting":
            return self.tr("Waiting to be scanned")
        if tally.state == "collecting":
            return self.tr("Scanning: %n image(s) so far", "", tally.images)
        if tally.state in ("failed", "skipped"):
            label = self.tr("Failed: %1") if tally.state == "failed" else self.tr("Skipped: %1")
            return label.replace("%1", reason_text(tally.error or ""))
        if tally.state == "done earlier":
            return self.tr("Scanned before the scan was stopped")
        if tally.findings:
            return self.tr("You appear: %n face(s) to review", "", tally.findings)
        if tally.faces:
            return self.tr("%n face(s), none of them you", "", tally.faces)
        if tally.images:
            return self.tr("%n image(s), no face", "", tally.images)
        return self.tr("Read (%n page(s)), no image on it", "", tally.pages)

    def settings_text(self, settings: SourceSettings) -> str:
        locale = QLocale()
        if settings.depth == 0:
            text = self.tr("This page only")
        else:
            text = self.tr("Links %n level(s) deep", "", settings.depth)
        if settings.max_pages is not None:
            text += ", " + self.tr("at most %1 pages").replace(
                "%1", locale.toString(settings.max_pages)
            )
        if settings.sitemap:
            text += ", " + self.tr("sitemap")
        if settings.render:
            text += ", " + self.tr("rendered in a browser")
        return text


def checked_text(item: SourceItem) -> str:
    when = item.state.checked_at
    if not when:
        return ""
    moment = QDateTime.fromString(when, Qt.DateFormat.ISODate)
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


class SourcesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[SourceItem] = []
        self._live: dict[str, SourceTally] = {}
        self.words = SourceWords(self)

    def set_items(self, items: list[SourceItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._live = {}
        self.endResetModel()

    def clear(self) -> None:
        self.set_items([])

    def items(self) -> list[SourceItem]:
        return list(self._items)

    def item(self, row: int) -> SourceItem:
        return self._items[row]

    def row_of(self, source_id: int) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == source_id:
                return row
        return None

    def set_live(self, tallies: tuple[SourceTally, ...]) -> None:
        """The running scan's per-source counts (shown until the store's states are reloaded)."""
        self._live = {tally.source: tally for tally in tallies}
        if self._items:
            self.dataChanged.emit(self.index(0, STATE), self.index(len(self._items) - 1, STATE), [])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            SOURCE: self.tr("Source"),
            STATE: self.tr("Last scan"),
            CHECKED: self.tr("Checked"),
            SETTINGS: self.tr("How far"),
        }.get(section)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role, name in (
            (ID_ROLE, b"sourceId"),
            (URL_ROLE, b"url"),
            (STATE_ROLE, b"state"),
            (SETTINGS_ROLE, b"settings"),
            (REASON_ROLE, b"reason"),
            (LIVE_ROLE, b"live"),
        ):
            names[role] = QByteArray(name)
        return names

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        live = self._live.get(item.url)
        if role == ID_ROLE:
            return item.id
        if role == URL_ROLE:
            return item.url
        if role == STATE_ROLE:
            return item.state.state
        if role == SETTINGS_ROLE:
            return item.settings
        if role == REASON_ROLE:
            return item.state.reason
        if role == LIVE_ROLE:
            return live
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._text(item, live, index.column())
        return None

    def _text(self, item: SourceItem, live: SourceTally | None, column: int) -> str:
        if column == SOURCE:
            return item.url
        if column == STATE:
            return (
                self.words.live_text(live)
                if live is not None
                else self.words.state_text(item.state)
            )
        if column == CHECKED:
            return checked_text(item)
        return self.words.settings_text(item.settings)
