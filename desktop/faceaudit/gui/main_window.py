"""The main window: a navigation list, the registered screens, a menu and a status bar.

It only composes: no feature logic lives here. Screens come from :mod:`faceaudit.gui.screens`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from faceaudit.gui import shortcuts
from faceaudit.gui.context import GuiContext
from faceaudit.gui.screens import SCREENS, ScreenEntry

if TYPE_CHECKING:
    from faceaudit.gui.about.view import AboutDialog

_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_NAVIGATION_ICONS = {  # the style's own icons (QStyle.StandardPixmap names)
    "cases": "SP_DirClosedIcon",
    "me": "SP_FileDialogInfoView",
    "sources": "SP_DriveNetIcon",
    "browser": "SP_DesktopIcon",
    "scan": "SP_BrowserReload",
    "findings": "SP_FileDialogContentsView",
    "letters": "SP_FileDialogDetailedView",
    "clinic": "SP_ComputerIcon",
    "settings": "SP_FileDialogListView",
}


class MainWindow(QMainWindow):
    screen_shown = Signal(str)  # the key of the screen now shown
    about_requested = Signal()

    def __init__(self, context: GuiContext, entries: tuple[ScreenEntry, ...] = SCREENS) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("FaceAudit"))
        self.setObjectName("MainWindow")
        self.screen_actions: dict[str, QAction] = {}
        self.notices: dict[str, str] = {}  # the status bar's start-up notices, by kind

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Screens"))
        self.navigation.setSpacing(1)
        self.navigation.setIconSize(QSize(18, 18))
        self.stack = QStackedWidget()
        self.screens = Screens(self)
        for entry in entries:
            self._add_screen(entry)
        # Room for the icons, which come after the first paint.
        self.navigation.setFixedWidth(
            self.navigation.sizeHintForColumn(0) + 48 + self.navigation.iconSize().width()
        )
        context.when_shown(self._set_navigation_icons)
        self.navigation.currentRowChanged.connect(self._row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.case_label = QLabel()
        self.statusBar().addPermanentWidget(self.case_label)
        self._build_menus()
        context.case_opened.connect(self._case_opened)
        context.case_closed.connect(self._case_closed)
        context.navigate.connect(self._navigate)
        # A window built while a case is already open (several windows in turn) says so.
        if context.case is not None:
            self._case_opened(context.case)
        else:
            self._case_closed()
        self.restore_geometry()
        if self.navigation.count():
            self.navigation.setCurrentRow(0)

    # -- screens ---------------------------------------------------------------------------

    def _add_screen(self, entry: ScreenEntry) -> None:
        # A placeholder holds the screen's place in the stack until it is first shown.
        placeholder = QWidget()
        self.screens.register(entry, placeholder)
        self.stack.addWidget(placeholder)
        key, title = entry.key, entry.title()
        item = QListWidgetItem(title)
        item.setData(_KEY_ROLE, key)
        shortcut = shortcuts.SCREEN_SHORTCUTS.get(key)
        if shortcut is not None:
            item.setToolTip(shortcuts.with_shortcut(title, shortcut))
            act = shortcuts.action(self, title, shortcut)
        else:
            act = QAction(title, self)
        act.triggered.connect(lambda _checked=False, k=key: self.show_screen(k))
        self.screen_actions[key] = act
        self.navigation.addItem(item)

    def _build_screen(self, entry: ScreenEntry, placeholder: QWidget) -> QWidget:
        screen_class = entry.load()
        if screen_class is None:
            raise KeyError(f"the screen {entry.key!r} could not be loaded")
        screen: QWidget = screen_class(self.context, self)
        screen.setObjectName(f"screen-{entry.key}")
        index = self.stack.indexOf(placeholder)
        self.stack.insertWidget(index, screen)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        return screen

    def _set_navigation_icons(self) -> None:
        # The style's own icons: they follow the platform and scale on high-DPI screens.
        from PySide6.QtWidgets import QStyle

        style = self.style()
        for row, key in enumerate(self.screens):
            name = _NAVIGATION_ICONS.get(key)
            if name is not None:
                item = self.navigation.item(row)
                item.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, name)))

    def show_screen(self, key: str) -> None:
        if key not in self.screens:
            raise KeyError(f"no screen registered under {key!r}")
        self.navigation.setCurrentRow(self.screens.index(key))

    def _navigate(self, key: str) -> None:
        # A screen may point at one that has not landed yet (e.g. "findings"): stay put.
        if key in self.screens:
            self.show_screen(key)

    def current_key(self) -> str | None:
        item = self.navigation.currentItem()
        return None if item is None else str(item.data(_KEY_ROLE))

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.screens[self.screens.key_at(row)]  # built on first show
        self.stack.setCurrentIndex(row)
        self.screen_shown.emit(self.current_key() or "")

    # -- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = shortcuts.action(
            self, self.tr("&Lock the case"), shortcuts.LOCK_CASE, self.tr("Close and lock the case")
        )
        self.lock_action.triggered.connect(self.context.close_case)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = shortcuts.action(self, self.tr("&Quit"), shortcuts.QUIT)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for act in self.screen_actions.values():
            view_menu.addAction(act)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = shortcuts.action(self, self.tr("&About FaceAudit"), shortcuts.HELP_ABOUT)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def show_about(self) -> AboutDialog:
        # Loaded when asked for: package metadata takes a tenth of a second to read.
        from faceaudit.gui.about.view import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context.dialogs.open_dialog(dialog)
        self.about_requested.emit()
        return dialog

    # -- case state ------------------------------------------------------------------------

    def _case_opened(self, case: object) -> None:
        name = getattr(case, "name", "")
        self.case_label.setText(self.tr("Case: %1 (open)").replace("%1", name))
        self.lock_action.setEnabled(True)
        self.setWindowTitle(self.tr("%1 — FaceAudit").replace("%1", name))

    def _case_closed(self) -> None:
        self.case_label.setText(self.tr("No case open"))
        self.lock_action.setEnabled(False)
        self.setWindowTitle(self.tr("FaceAudit"))

    # -- geometry and closing ----------------------------------------------------------------

    def restore_geometry(self) -> None:
        geometry = self.context.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.settings.setValue("window/geometry", self.saveGeometry())
        self.context.settings.sync()
        # Running work stops at its next checkpoint before the case it writes to closes.
        self.context.worker.cancel_all()
        self.context.worker.wait(15000)
        self.context.close_case()
        super().closeEvent(event)


def window_icon() -> QIcon:
    return QIcon.fromTheme("faceaudit")


class Screens(Mapping[str, QWidget]):
    """The window's screens by key, each built when first asked for (shown, or looked up
    by a test): the window starts with one screen built, not all of them."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._entries: dict[str, tuple[ScreenEntry, QWidget]] = {}
        self._built: dict[str, QWidget] = {}

    def register(self, entry: ScreenEntry, placeholder: QWidget) -> None:
        self._entries[entry.key] = (entry, placeholder)

    def __getitem__(self, key: str) -> QWidget:
        built = self._built.get(key)
        if built is None:
            entry, placeholder = self._entries[key]
            built = self._built[key] = self._window._build_screen(entry, placeholder)
        return built

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def index(self, key: str) -> int:
        return list(self._entries).index(key)

    def key_at(self, row: int) -> str:
        return list(self._entries)[row]

    def built(self) -> dict[str, QWidget]:
        """The screens built so far (without building the others)."""
        return dict(self._built)
