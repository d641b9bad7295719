"""The Sources screen: what the case searches, how far, and what the last scan found on each.

Paste many addresses at once (a bad line is reported with its number, the rest are kept),
import a .txt/.csv list (the CLI's reader), add folders and ZIP archives; each row tells the
source's state from the last scan that reached it, with Retry and Remove.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faceaudit.errors import FaceAuditError
from faceaudit.gui import shortcuts
from faceaudit.gui.context import GuiContext
from faceaudit.gui.scan.runner import ScanRunner, scan_error_text
from faceaudit.gui.sources import data
from faceaudit.gui.sources.model import SOURCE, STATE, SourcesModel
from faceaudit.gui.sources.widgets import SourceSettingsEditor, problems_text
from faceaudit.gui.widgets import NeedsCase, hint_label, set_state, title_label
from faceaudit.store.source_list import SourceList, parse_source_list, read_source_list_file

LIST_FILTER = "*.txt *.csv"
ARCHIVE_FILTER = "*.zip"


class SourcesScreen(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("SourcesScreen", "Sources")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = ScanRunner.of(context)
        self.model = SourcesModel(self)
        self.suggestions: list[str] = []
        self.retrying: int | None = None

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Where to look")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "List the pages where your photo might be (your employer's team page, a "
                    "club, a school, a news article), image or video addresses, or folders and "
                    "ZIP archives on this computer. FaceAudit contacts only these sites."
                )
            )
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_adding())
        splitter.addWidget(self._build_table())
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(NeedsCase(context, content))

        context.case_opened.connect(lambda _case: self.reload())
        context.case_closed.connect(self._drop_everything)
        context.sources_changed.connect(self.reload)
        self.runner.started.connect(lambda _only: self._update_buttons())
        self.runner.progressed.connect(lambda progress: self.model.set_live(progress.sources))
        self.runner.finished.connect(self._scan_ended)
        self.runner.failed.connect(self._scan_failed)
        if context.case is not None:
            self.reload()
        self._update_buttons()

    # -- building ----------------------------------------------------------------------------

    def _build_adding(self) -> QWidget:
        box = QGroupBox(self.tr("Add sources"))
        self.paste = QPlainTextEdit()
        self.paste.setPlaceholderText(
            self.tr("Paste addresses here, one per line, e.g.\nhttps://example.org/team")
        )
        self.paste.setAccessibleName(self.tr("Addresses to add, one per line"))
        self.paste.setTabChangesFocus(True)
        self.paste.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("&Add these"))
        shortcuts.bind(self.add_button, shortcuts.ADD_SOURCES, self.tr("Add the pasted addresses"))
        self.import_button = QPushButton(self.tr("&Import a list..."))
        shortcuts.bind(
            self.import_button,
            shortcuts.IMPORT_SOURCES,
            self.tr("Add the addresses of a .txt or .csv file (one per line)"),
        )
        self.folder_button = QPushButton(self.tr("Add a &folder..."))
        self.folder_button.setToolTip(self.tr("Look at the photos and videos in a folder"))
        self.archive_button = QPushButton(self.tr("Add a &ZIP archive..."))
        self.archive_button.setToolTip(
            self.tr("Look at the photos in a ZIP archive, e.g. a social network's data export")
        )
        self.new_settings = SourceSettingsEditor()
        self.new_settings.setAccessibleName(self.tr("How far to look on new sources"))
        self.add_label = QLabel()
        self.add_label.setWordWrap(True)
        self.add_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_label.setAccessibleName(self.tr("What was added, and the lines that were not"))
        self.add_label.setVisible(False)
        self.suggest_button = QPushButton(self.tr("Add them with https://"))
        self.suggest_button.setVisible(False)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.import_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        feedback = QHBoxLayout()
        feedback.addWidget(self.add_label, 1)
        feedback.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignTop)
        # What was added goes under the paste box, beside the settings column: when the
        # window is short, the paste box gives way rather than the settings' check boxes.
        left = QVBoxLayout()
        left.addWidget(self.paste)
        left.addLayout(buttons)
        left.addLayout(feedback)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("New sources:")))
        right.addWidget(self.new_settings)
        right.addStretch(1)
        layout = QHBoxLayout(box)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        add_action = shortcuts.action(self, "", shortcuts.ADD_SOURCES)
        add_action.triggered.connect(self.add_pasted)
        import_action = shortcuts.action(self, "", shortcuts.IMPORT_SOURCES)
        import_action.triggered.connect(self.import_list)
        self.add_button.clicked.connect(self.add_pasted)
        self.import_button.clicked.connect(self.import_list)
        self.folder_button.clicked.connect(self.add_folder)
        self.archive_button.clicked.connect(self.add_archives)
        self.suggest_button.clicked.connect(self.add_suggestions)
        return box

    def _build_table(self) -> QWidget:
        panel = QWidget()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("The case's sources and what the last scan found"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(SOURCE, 320)

        self.retry_button = QPushButton(self.tr("&Retry"))
        shortcuts.bind(
            self.retry_button, shortcuts.RETRY_SOURCE, self.tr("Scan the selected source again")
        )
        self.remove_button = QPushButton(self.tr("Re&move..."))
        shortcuts.bind(
            self.remove_button, shortcuts.DELETE_SELECTED, self.tr("Remove the selected sources")
        )
        self.row_settings = SourceSettingsEditor(install_steps=False)  # said above already
        self.row_settings.setAccessibleName(self.tr("How far to look on the selected source"))
        self.save_settings_button = QPushButton(self.tr("&Save for this source"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setVisible(False)
        self.status_label.setAccessibleName(self.tr("Sources: messages"))

        self.retry_action = self._table_action(self.tr("Retry"), shortcuts.RETRY_SOURCE)
        self.retry_action.triggered.connect(self.retry_selected)
        self.remove_action = self._table_action(self.tr("Remove..."), shortcuts.DELETE_SELECTED)
        self.remove_action.triggered.connect(self.remove_selected)
        self.retry_button.clicked.connect(self.retry_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_settings_button.clicked.connect(self.save_row_settings)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)

        selected = QGroupBox(self.tr("How far to look on the selected source"))
        selected_layout = QHBoxLayout(selected)
        selected_layout.addWidget(self.row_settings, 1)
        selected_layout.addWidget(self.save_settings_button, 0, Qt.AlignmentFlag.AlignBottom)
        row_buttons = QVBoxLayout()
        row_buttons.addWidget(self.retry_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        actions = QHBoxLayout()
        actions.addLayout(row_buttons)
        actions.addWidget(selected, 1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        return panel

    def _table_action(self, text: str, shortcut: shortcuts.Shortcut) -> QAction:
        act = QAction(text, self.table)
        act.setShortcut(shortcut.sequence())
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(act)
        return act

    # -- showing -------------------------------------------------------------------------------

    def reload(self) -> None:
        case = self.context.case
        if case is None:
            return
        self.context.run(data.load_sources, case, on_result=self._loaded, on_error=self._report)

    def _loaded(self, items: list[data.SourceItem]) -> None:
        if self.context.case is None:
            return
        selected = set(self.selected_ids())
        self.model.set_items(items)
        for row, item in enumerate(items):
            if item.id in selected:
                self.table.selectRow(row)
        self._update_buttons()

    def _drop_everything(self) -> None:
        self.model.clear()
        self.paste.clear()
        self.suggestions = []
        set_state(self.add_label, "", "")
        self.suggest_button.setVisible(False)
        set_state(self.status_label, "", "")

    def _report(self, error: BaseException) -> None:
        set_state(self.status_label, "bad", self.context.error_text(error))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.item(row).id for row in rows if row < self.model.rowCount()]

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            row = self.model.row_of(ids[0])
            if row is not None:
                self.row_settings.set_settings(self.model.item(row).settings)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_case = self.context.case is not None
        chosen = len(self.selected_ids())
        busy = self.runner.running
        for widget in (self.retry_button, self.retry_action):
            widget.setEnabled(has_case and chosen == 1 and not busy)
        for widget in (self.remove_button, self.remove_action):
            widget.setEnabled(has_case and chosen > 0 and not busy)
        self.row_settings.setEnabled(chosen == 1)
        self.save_settings_button.setEnabled(has_case and chosen == 1 and not busy)

    # -- adding --------------------------------------------------------------------------------

    def add_pasted(self) -> None:
        text = self.paste.toPlainText()
        if not text.strip():
            set_state(self.add_label, "warn", self.tr("Paste one or more addresses first."))
            return
        try:
            listed = parse_source_list(text, bare_hosts="suggest")
        except FaceAuditError as error:  # ListTooLongError: more than one scan takes
            set_state(self.add_label, "bad", self.context.error_text(error))
            return
        self._add(listed, where="", clear_paste=True)

    def add_suggestions(self) -> None:
        self._add(parse_source_list("\n".join(self.suggestions)), where="", clear_paste=False)

    def import_list(self) -> None:
        files = self.context.dialogs.get_open_files(
            self, self.tr("Import a list of addresses"), LIST_FILTER
        )
        for path in files:
            try:
                listed = read_source_list_file(path)
            except Exception as error:  # FaceAuditError: unreadable, too large
                set_state(self.add_label, "bad", self.context.error_text(error))
                return
            self._add(listed, where=path, clear_paste=False)

    def add_folder(self) -> None:
        folder = self.context.dialogs.get_existing_dir(self, self.tr("Add a folder of photos"))
        if folder:
            self._add(parse_source_list(folder), where="", clear_paste=False)

    def add_archives(self) -> None:
        files = self.context.dialogs.get_open_files(
            self, self.tr("Add ZIP archives"), ARCHIVE_FILTER
        )
        if files:
            self._add(parse_source_list("\n".join(files)), where="", clear_paste=False)

    def _add(self, listed: SourceList, *, where: str, clear_paste: bool) -> None:
        case = self.context.case
        if case is None:
            return
        settings = self.new_settings.settings()

        def added(result: data.Added) -> None:
            self._show_added(result, where)
            if clear_paste:
                # Keep the refused lines in the box, so the person can fix them there.
                kept = [p.text for p in result.listed.problems]
                self.paste.setPlainText("\n".join(kept))
            self.context.sources_changed.emit()

        self.context.run(
            data.add_sources,
            case,
            listed,
            settings,
            on_result=added,
            on_error=lambda error: set_state(self.add_label, "bad", self.context.error_text(error)),
        )

    def _show_added(self, result: data.Added, where: str) -> None:
        parts = [self.tr("Added %n source(s).", "", result.added)]
        if result.already:
            parts.append(self.tr("%n already listed.", "", result.already))
        if result.listed.duplicates:
            parts.append(self.tr("%n repeated line(s) ignored.", "", result.listed.duplicates))
        problems = result.listed.problems
        if problems:
            parts.append(self.tr("%n line(s) not added:", "", len(problems)))
        text = " ".join(parts)
        if problems:
            text += "\n" + problems_text(problems, where)
        self.suggestions = [p.suggestion for p in problems if p.suggestion]
        self.suggest_button.setVisible(bool(self.suggestions))
        set_state(self.add_label, "warn" if problems else "good", text)

    # -- per row -------------------------------------------------------------------------------

    def retry_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or self.context.case is None:
            return
        if self.runner.running:
            set_state(
                self.status_label,
                "warn",
                self.tr("A scan is running; retry this source when it has finished."),
            )
            return
        self.retrying = ids[0]
        set_state(self.status_label, "", self.tr("Scanning this source again..."))
        self.runner.start(only_sources=[ids[0]])

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        case = self.context.case
        if not ids or case is None or self.runner.running:
            return
        question = self.tr(
            "Remove %n source(s) from the case? What the scans found there stays in the case; "
            "later scans no longer read them, so those findings show as not checked.",
            "",
            len(ids),
        )
        if not self.context.dialogs.question(self, self.tr("Remove sources"), question):
            return

        def removed(count: int) -> None:
            set_state(self.status_label, "good", self.tr("Removed %n source(s).", "", count))
            self.context.sources_changed.emit()

        self.context.run(data.remove_sources, case, ids, on_result=removed, on_error=self._report)

    def save_row_settings(self) -> None:
        ids = self.selected_ids()
        case = self.context.case
        if len(ids) != 1 or case is None:
            return
        settings = self.row_settings.settings()

        def saved(_none: Any) -> None:
            set_state(
                self.status_label, "good", self.tr("Saved: the next scans of this source use it.")
            )
            self.context.sources_changed.emit()

        self.context.run(
            data.save_settings, case, ids[0], settings, on_result=saved, on_error=self._report
        )

    # -- the scan ------------------------------------------------------------------------------

    def _scan_ended(self, _outcome: object) -> None:
        if self.retrying is not None:
            set_state(self.status_label, "good", self.tr("The source was scanned again."))
        self.retrying = None
        self._update_buttons()  # the states themselves come with sources_changed

    def _scan_failed(self, error: BaseException) -> None:
        if self.retrying is not None and self.context.case is not None:
            set_state(self.status_label, "bad", scan_error_text(self.context, error))
        self.retrying = None
        self._update_buttons()
