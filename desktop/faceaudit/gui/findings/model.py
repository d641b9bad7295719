"""The findings as Qt item models: every finding of the open Case, filtered, grouped by site.

``FindingsModel`` holds one row per Finding (read once from the Case, refreshed on
``findings_changed``); ``FindingsFilter`` keeps what the person asked to see; ``SiteGroups``
puts a header row before each site's tiles. Views never touch the Case: only roles.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractProxyModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from faceaudit.letters.directory import domain_of
from faceaudit.store.records import FindingRow

Index = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    """Named roles of every findings model (the grouping proxy adds ``IS_HEADER``)."""

    FINDING_ID = Qt.ItemDataRole.UserRole + 1
    SITE = enum.auto()
    SIMILARITY = enum.auto()
    VERDICT = enum.auto()  # "match" | "possible"
    REVIEW = enum.auto()  # "unreviewed" | "confirmed" | "rejected"
    IS_NEW = enum.auto()
    PAGE_URL = enum.auto()
    IMAGE_URL = enum.auto()
    FOUND_BY = enum.auto()
    FIRST_SEEN = enum.auto()
    LAST_SEEN = enum.auto()
    IMAGE_SHA256 = enum.auto()
    BBOX = enum.auto()
    ROW = enum.auto()  # the FindingRow itself
    IS_HEADER = enum.auto()
    GROUP_COUNT = enum.auto()  # header rows: how many tiles follow


LOCAL_SITE = "file"  # the site of findings in the person's own folders and archives


def site_of(row: FindingRow) -> str:
    """The site a finding belongs to: the page's host, else the image's (local files: 'file')."""
    for url in (row.page_url, row.image_url):
        if url and "://" in url and not url.startswith("file:"):
            return domain_of(url)
    return LOCAL_SITE


@dataclass(frozen=True)
class Tile:
    row: FindingRow
    site: str


def display_order(tile: Tile) -> tuple[str, float, int]:
    """By site, then strongest first (ties: oldest first)."""
    return (tile.site, -tile.row.similarity, tile.row.id)


class FindingsModel(QAbstractListModel):
    """One row per Finding, in display order (by site, strongest first); data only via roles.

    Sorting here rather than in a proxy keeps Python out of the proxy's sort comparisons:
    5,000 findings cost ~60,000 of them.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tiles: list[Tile] = []
        self._row_of: dict[int, int] = {}
        self._texts: TileTexts | None = None

    # -- filling -------------------------------------------------------------------------

    def set_findings(self, rows: Sequence[FindingRow]) -> None:
        self.beginResetModel()
        self._tiles = sorted((Tile(row, site_of(row)) for row in rows), key=display_order)
        self._row_of = {tile.row.id: i for i, tile in enumerate(self._tiles)}
        self.endResetModel()

    def clear(self) -> None:
        self.set_findings([])

    def set_texts(self, texts: TileTexts) -> None:
        """The translated words tiles are described with (display and accessible text)."""
        self._texts = texts

    def set_review(self, finding_id: int, review: str) -> None:
        """Show a decision already stored in the Case."""
        row = self._row_of.get(finding_id)
        if row is None:
            return
        tile = self._tiles[row]
        self._tiles[row] = Tile(replace(tile.row, review=review), tile.site)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Role.REVIEW, Role.ROW, Qt.ItemDataRole.DisplayRole])

    def refresh_thumbnail(self, finding_id: int) -> None:
        row = self._row_of.get(finding_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    # -- reading -------------------------------------------------------------------------

    def rows(self) -> list[FindingRow]:
        return [tile.row for tile in self._tiles]

    def row_for(self, finding_id: int) -> int | None:
        return self._row_of.get(finding_id)

    def finding(self, finding_id: int) -> FindingRow | None:
        row = self._row_of.get(finding_id)
        return None if row is None else self._tiles[row].row

    def sites(self) -> list[str]:
        return sorted({tile.site for tile in self._tiles})

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._tiles)

    def roleNames(self) -> dict[int, QByteArray]:
        names = {int(role): QByteArray(role.name.lower().encode()) for role in Role}
        names[int(Qt.ItemDataRole.DisplayRole)] = QByteArray(b"display")
        return names

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tiles):
            return None
        tile = self._tiles[index.row()]
        row = tile.row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts.describe(row, tile.site) if self._texts else tile.site
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._texts.tooltip(row, tile.site) if self._texts else row.image_url
        if role == Role.SITE:
            return tile.site
        if role == Role.ROW:
            return row
        if role == Role.IS_HEADER:
            return False
        if role == Role.BBOX:
            return list(row.bbox)
        attribute = _ROW_ATTRIBUTES.get(role)
        if attribute is None:
            return None
        value = getattr(row, attribute)
        return "" if value is None else value


_ROW_ATTRIBUTES: dict[int, str] = {
    Role.FINDING_ID: "id",
    Role.SIMILARITY: "similarity",
    Role.VERDICT: "verdict",
    Role.REVIEW: "review",
    Role.IS_NEW: "is_new",
    Role.PAGE_URL: "page_url",
    Role.IMAGE_URL: "image_url",
    Role.FOUND_BY: "found_by",
    Role.FIRST_SEEN: "first_seen_at",
    Role.LAST_SEEN: "last_seen_at",
    Role.IMAGE_SHA256: "image_sha256",
}


class TileTexts(Protocol):
    """Plain-language words for a tile, supplied by the view (which owns the translations)."""

    def describe(self, row: FindingRow, site: str) -> str: ...

    def tooltip(self, row: FindingRow, site: str) -> str: ...


# -- filters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What the person asked to see. ``None`` means any."""

    new_only: bool = False
    verdict: str | None = None  # "match" | "possible"
    review: str | None = None  # "unreviewed" | "reviewed" | "confirmed" | "rejected"
    site: str | None = None

    def accepts(self, row: FindingRow, site: str) -> bool:
        if self.new_only and not row.is_new:
            return False
        if self.verdict is not None and row.verdict != self.verdict:
            return False
        if self.site is not None and site != self.site:
            return False
        if self.review == "reviewed":
            return row.review != "unreviewed"
        return self.review is None or row.review == self.review


_NO_FILTER = Filters()


class FindingsFilter(QSortFilterProxyModel):
    """The findings the filters keep, in the source's order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filters = Filters()

    @property
    def filters(self) -> Filters:
        return self._filters

    def set_filters(self, filters: Filters) -> None:
        if filters != self._filters:
            self.beginFilterChange()
            self._filters = filters
            self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._filters == _NO_FILTER:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        row = index.data(Role.ROW)
        return row is not None and self._filters.accepts(row, index.data(Role.SITE))


# -- grouping by site ------------------------------------------------------------------------


class SiteGroups(QAbstractProxyModel):
    """A header row before each site's tiles, over a model sorted by site.

    The mapping is rebuilt (with a reset) whenever the source's rows change; a change of
    data only is passed through, so a review decision repaints one tile.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # ("header", tiles that follow, site) or ("tile", source row, site)
        self._entries: list[tuple[str, int, str]] = []
        self._proxy_of: dict[int, int] = {}

    def setSourceModel(self, source: Any) -> None:
        old = self.sourceModel()
        if old is not None:
            old.disconnect(self)
        self.beginResetModel()
        super().setSourceModel(source)
        for signal in (
            source.modelReset,
            source.layoutChanged,
            source.rowsInserted,
            source.rowsRemoved,
            source.rowsMoved,
        ):
            signal.connect(self._rebuild)
        for signal in (source.modelAboutToBeReset, source.layoutAboutToBeChanged):
            signal.connect(self._about_to_rebuild)
        source.rowsAboutToBeInserted.connect(self._about_to_rebuild)
        source.rowsAboutToBeRemoved.connect(self._about_to_rebuild)
        source.rowsAboutToBeMoved.connect(self._about_to_rebuild)
        source.dataChanged.connect(self._source_data_changed)
        self._map()
        self.endResetModel()

    _resetting = False

    def _about_to_rebuild(self, *_: object) -> None:
        if not self._resetting:
            self._resetting = True
            self.beginResetModel()

    def _rebuild(self, *_: object) -> None:
        if not self._resetting:
            self.beginResetModel()
        self._map()
        self._resetting = False
        self.endResetModel()

    def _map(self) -> None:
        source = self.sourceModel()
        self._entries, self._proxy_of = [], {}
        if source is None:
            return
        header_at, current = -1, None
        for row in range(source.rowCount()):
            site = source.index(row, 0).data(Role.SITE)
            if header_at < 0 or site != current:
                header_at, current = len(self._entries), site
                self._entries.append(("header", 0, site))
            _, count, _ = self._entries[header_at]
            self._entries[header_at] = ("header", count + 1, site)
            self._proxy_of[row] = len(self._entries)
            self._entries.append(("tile", row, site))

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Any = ()) -> None:
        for row in range(top.row(), bottom.row() + 1):
            proxy_row = self._proxy_of.get(row)
            if proxy_row is not None:
                index = self.index(proxy_row, 0)
                self.dataChanged.emit(index, index, roles)

    # -- QAbstractProxyModel -------------------------------------------------------------

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or column != 0 or not 0 <= row < len(self._entries):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._entries)

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._entries):
            return QModelIndex()
        kind, value, _ = self._entries[proxy_index.row()]
        if kind != "tile":
            return QModelIndex()
        return self.sourceModel().index(value, 0)

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        proxy_row = self._proxy_of.get(source_index.row())
        return QModelIndex() if proxy_row is None else self.index(proxy_row, 0)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._entries[index.row()][0] == "header":
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        kind, value, site = self._entries[index.row()]
        if kind == "tile":
            return super().data(index, role)
        if role == Role.IS_HEADER:
            return True
        if role == Role.GROUP_COUNT:
            return value
        if role in (Role.SITE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return site
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        source = self.sourceModel()
        return source.roleNames() if source is not None else {}

    def is_header(self, row: int) -> bool:
        return 0 <= row < len(self._entries) and self._entries[row][0] == "header"


def index_of_finding(model: Any, finding_id: int) -> QModelIndex:
    """The index showing ``finding_id`` in ``model`` (a FindingsModel or proxies over one)."""
    chain = [model]
    while isinstance(chain[-1], QAbstractProxyModel):
        chain.append(chain[-1].sourceModel())
    base = chain.pop()
    row = base.row_for(finding_id) if isinstance(base, FindingsModel) else None
    if row is None:
        return QModelIndex()
    index = base.index(row, 0)
    for proxy in reversed(chain):
        index = proxy.mapFromSource(index)
    return index
