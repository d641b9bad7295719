"""What the Settings screen shows: the model packs as a list model, each match level's
measured meaning in words, and the choices for language and theme."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from faceaudit.faces.thresholds import CALIBRATION, MATCH_LEVELS, Measured

if TYPE_CHECKING:
    from faceaudit.faces.modelpacks import Pack, PackStatus

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # "verified" | "damaged" | "not installed" | ""
LICENCE_ROLE = Qt.ItemDataRole.UserRole + 3  # (name, summary, url)
SIZE_ROLE = Qt.ItemDataRole.UserRole + 4  # bytes

_Index = QModelIndex | QPersistentModelIndex


# lupdate finds translate("Context", "text") calls, not a helper of our own.
translate = QCoreApplication.translate


def pack_title(name: str, size: int) -> str:
    """E.g. "buffalo_sc · InsightFace · 16 MB to download"."""
    megabytes = QLocale().toString(max(1, round(size / 1_000_000)))
    return (
        translate("SettingsModel", "%1 · InsightFace · %2 MB to download")
        .replace("%1", name)
        .replace("%2", megabytes)
    )


def state_words(state: str) -> str:
    return {
        "verified": translate("SettingsModel", "installed, every file checked against its SHA-256"),
        "damaged": translate("SettingsModel", "damaged: some files do not match their SHA-256"),
        "not installed": translate("SettingsModel", "not installed"),
    }.get(state, translate("SettingsModel", "being checked…"))


@dataclass
class PackRow:
    pack: Pack
    state: str = ""  # unknown until checked off the GUI thread


class PacksModel(QAbstractListModel):
    """The model packs of the manifest, with the state of each on this computer."""

    def __init__(self, packs: list[Pack] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = [PackRow(pack) for pack in packs or []]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role, name in (
            (NAME_ROLE, b"packName"),
            (STATE_ROLE, b"state"),
            (LICENCE_ROLE, b"licence"),
            (SIZE_ROLE, b"size"),
        ):
            names[role] = QByteArray(name)
        return names

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return pack_title(row.pack.name, row.pack.size)
        if role == NAME_ROLE:
            return row.pack.name
        if role == STATE_ROLE:
            return row.state
        if role == LICENCE_ROLE:
            licence = row.pack.licence
            return (licence.name, licence.summary, licence.url)
        if role == SIZE_ROLE:
            return row.pack.size
        if role == Qt.ItemDataRole.ToolTipRole:
            # The manifest's technical title (detector and recogniser) is the same in
            # every language.
            return f"{row.pack.title}\n{state_words(row.state)}"
        return None

    def row_of(self, name: str) -> int:
        for number, row in enumerate(self._rows):
            if row.pack.name == name:
                return number
        return -1

    def set_status(self, status: PackStatus) -> None:
        number = self.row_of(status.name)
        if number < 0:
            return
        self._rows[number].state = status.state
        index = self.index(number)
        self.dataChanged.emit(index, index, [STATE_ROLE, Qt.ItemDataRole.ToolTipRole])


# -- the match levels ----------------------------------------------------------------------

LEVEL_ORDER = ("strict", "standard", "lenient")


def level_title(level: str) -> str:
    return {
        "strict": translate("SettingsModel", "Strict"),
        "standard": translate("SettingsModel", "Standard (recommended)"),
        "lenient": translate("SettingsModel", "Lenient"),
    }[level]


def _pairs(count: int, total: int) -> str:
    locale = QLocale()
    percent = locale.toString(100.0 * count / total, "f", 0)
    return (
        translate("SettingsModel", "%1 of %2 (%3 %)")
        .replace("%1", locale.toString(count))
        .replace("%2", locale.toString(total))
        .replace("%3", percent)
    )


def level_meaning(level: str) -> str:
    """What a level did on the labelled photo pairs, in words (the calibration's figures)."""
    thresholds = MATCH_LEVELS[level]
    match: Measured = CALIBRATION[thresholds.match]
    possible: Measured = CALIBRATION[thresholds.possible]
    locale = QLocale()
    bands = (
        translate(
            "SettingsModel", '"Strong match" from a similarity of %1, "Possible match" from %2.'
        )
        .replace("%1", locale.toString(thresholds.match, "f", 2))
        .replace("%2", locale.toString(thresholds.possible, "f", 2))
    )
    same = translate(
        "SettingsModel", "Photos of the same person recognised: %1 of the pairs."
    ).replace("%1", _pairs(match.same_accepted, match.same_pairs))
    strangers = translate(
        "SettingsModel", "Two different people taken for one: %1 of the pairs."
    ).replace("%1", _pairs(match.different_accepted, match.different_pairs))
    shown = translate(
        "SettingsModel", "Different people shown to you as a possible match: %1 of the pairs."
    ).replace("%1", _pairs(possible.different_accepted, possible.different_pairs))
    return f"{bands}\n{same}\n{strangers}\n{shown}"


def calibration_note() -> str:
    measured = CALIBRATION[MATCH_LEVELS["standard"].match]
    return (
        translate(
            "SettingsModel",
            "Measured with the buffalo_sc model on %1 labelled pairs of photos (%2 of the "
            "same person, %3 of different people). None in a few hundred is not never: a scan "
            "compares thousands of faces, so every finding waits for your review before it "
            "goes into a letter. A stricter level also refuses more of your own photos as "
            "references.",
        )
        .replace("%1", QLocale().toString(measured.same_pairs + measured.different_pairs))
        .replace("%2", QLocale().toString(measured.same_pairs))
        .replace("%3", QLocale().toString(measured.different_pairs))
    )


# -- interface choices ---------------------------------------------------------------------


def language_choices() -> list[tuple[str, str]]:
    """(key, label): each language in its own name, as language menus do."""
    return [
        ("system", translate("SettingsModel", "Same as the system")),
        ("en", "English"),
        ("fr", "Français"),
    ]


def theme_choices() -> list[tuple[str, str]]:
    return [
        ("system", translate("SettingsModel", "Follow the system")),
        ("light", translate("SettingsModel", "Light")),
        ("dark", translate("SettingsModel", "Dark")),
    ]
