"""The Settings screen: model pack, match threshold, network, data folder, interface.

What the engine honours (model pack, match level, network limits, robots.txt) is saved in
the data folder's config.toml through the App, the same file ``faceaudit scan`` and
``collect`` read; language and theme are the window's own and stay in its settings.ini.
Every change is saved at once, and said so.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from faceaudit.config import Config, config_path
from faceaudit.gui import theme
from faceaudit.gui.application import LANGUAGE_KEY, THEME_KEY
from faceaudit.gui.context import GuiContext
from faceaudit.gui.firstrun.model import (
    FetchCancelled,
    FetchProgress,
    accept_licence,
    fetch_pack,
    licence_accepted,
)
from faceaudit.gui.settings.model import PacksModel, language_choices, theme_choices
from faceaudit.gui.settings.widgets import ChoiceCombo, MatchLevelBox, ModelPackBox, NetworkBox
from faceaudit.gui.widgets import hint_label, set_state, title_label
from faceaudit.gui.worker import CancelToken, Task


class SettingsScreen(QWidget):
    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cancel_token: CancelToken | None = None
        self.fetch_task: Task | None = None
        self.packs_model = PacksModel(context.model_store.packs(), self)

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.packs = ModelPackBox(self.packs_model)
        self.matching = MatchLevelBox()
        self.network = NetworkBox()
        self.data_box = self._data_folder_box()
        self.interface_box = self._interface_box()
        self.defaults_button = QPushButton(self.tr("Restore the defaults"))
        self.defaults_button.setToolTip(
            self.tr("Match threshold and network settings back to how FaceAudit comes")
        )

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(title_label(self.tr("Settings")))
        layout.addWidget(self.problems_label)
        for box in (self.packs, self.matching, self.network, self.data_box, self.interface_box):
            layout.addWidget(box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.defaults_button)
        bottom.addWidget(self.saved_label, 1)
        layout.addLayout(bottom)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Its text wraps and the window is never narrower than the content needs, yet Qt
        # kept a horizontal bar (with nothing to scroll) from the first layout in French.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.show_config(context.app.config)
        problems = context.app.config_problems
        set_state(
            self.problems_label,
            "warn" if problems else "",
            self.tr("Some saved settings could not be used, so their defaults apply:")
            + "\n"
            + "\n".join(problems)
            if problems
            else "",
        )
        set_state(self.saved_label, "", "")

        self.matching.level_changed.connect(lambda level: self.save(match_level=level))
        self.network.changed.connect(lambda: self.save(**self.network.values()))
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.packs.use_requested.connect(lambda name: self.save(model_pack=name))
        self.packs.verify_requested.connect(lambda name: self.check_pack(name, full=True))
        self.packs.download_requested.connect(self.download)
        self.packs.cancel_requested.connect(self.cancel_download)
        self.packs.licence_accepted.connect(self._licence_accepted)
        context.case_opened.connect(lambda case: self.packs.show_case_pack(case.model_pack))
        context.case_closed.connect(lambda: self.packs.show_case_pack(None))
        for pack in context.model_store.packs():
            self.check_pack(pack.name)

    @staticmethod
    def title() -> str:
        return QApplication.translate("SettingsScreen", "Settings")

    # -- showing and saving ------------------------------------------------------------------

    def show_config(self, config: Config) -> None:
        in_use = self.context.app.model_pack
        accepted = {
            pack.name
            for pack in self.context.model_store.packs()
            if licence_accepted(self.context.settings, pack.name)
        }
        self.packs.set_in_use(in_use, accepted)
        self.packs.select(in_use)
        self.matching.set_level(config.match_level)
        self.network.set_config(config)

    def save(self, **changes: Any) -> bool:
        """Save one change at once; the next scan and the next photo added use it."""
        config = dataclasses.replace(self.context.app.config, **changes)
        try:
            self.context.app.update_config(config)
        except OSError as error:
            why = self.tr(
                "Not saved: the settings file could not be written (%1). Nothing else was "
                "changed; check that the data folder is writable and has free space."
            )
            set_state(self.saved_label, "bad", why.replace("%1", error.strerror or str(error)))
            return False
        except ValueError as error:
            why = self.tr("Not saved: %1 Nothing else was changed.")
            set_state(self.saved_label, "bad", why.replace("%1", str(error)))
            return False
        set_state(self.problems_label, "", "")
        if "model_pack" in changes:
            self.show_config(config)
            if self.context.case is not None:
                self.packs.show_case_pack(self.context.case.model_pack)
        set_state(
            self.saved_label,
            "good",
            self.tr("Saved. The next scan uses these settings, and so does the command line."),
        )
        return True

    def restore_defaults(self) -> None:
        defaults = Config()
        keep = {"model_pack": self.context.app.config.model_pack}
        if self.save(**{**dataclasses.asdict(defaults), **keep}):
            self.show_config(self.context.app.config)

    # -- the model pack ---------------------------------------------------------------------

    def check_pack(self, name: str, full: bool = False) -> Task:
        store = self.context.model_store
        check = store.verify if full else store.status
        return self.context.run(
            check,
            name,
            on_result=self.packs_model.set_status,
            on_error=lambda error: self.context.report_error(self, error),
        )

    def _licence_accepted(self, name: str) -> None:
        accept_licence(self.context.settings, name)

    def download(self, name: str) -> Task:
        self.cancel_token = CancelToken()
        self.packs.set_downloading(True)

        def progress(update: FetchProgress) -> None:
            self.packs.show_progress(update.done, update.total)

        def fetched(report: Any) -> None:
            self.fetch_task = None
            self.packs.set_downloading(False)
            self.packs_model.set_status(report.status)

        def failed(error: BaseException) -> None:
            self.fetch_task = None
            self.packs.set_downloading(False)
            if not isinstance(error, FetchCancelled):
                self.context.report_error(self, error)
            self.check_pack(name)

        self.fetch_task = self.context.run(
            fetch_pack,
            self.context.model_store,
            name,
            None,
            on_progress=progress,
            on_result=fetched,
            on_error=failed,
            cancel=self.cancel_token,
        )
        return self.fetch_task

    def cancel_download(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()

    # -- data folder and interface -----------------------------------------------------------

    def _data_folder_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Data folder"))
        base = self.context.app.paths.base
        self.data_path_label = hint_label(str(base))
        self.data_path_label.setAccessibleName(self.tr("Data folder"))
        self.open_folder_button = QPushButton(self.tr("Open in the file manager"))
        self.open_folder_button.clicked.connect(self.open_data_folder)
        layout = QVBoxLayout(box)
        layout.addWidget(self.data_path_label)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Your cases (encrypted with their passphrases), the cache of fetched "
                    "pages, exported letters and these settings (%1). To keep everything in "
                    "another folder, start FaceAudit with --data-dir FOLDER or set "
                    "FACEAUDIT_HOME."
                ).replace("%1", config_path(self.context.app.paths).name)
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.open_folder_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def open_data_folder(self) -> None:
        folder = self.context.app.paths.ensure_base()
        if not self.context.dialogs.open_url(str(folder)):
            self.context.dialogs.warning(
                self,
                self.tr("Data folder"),
                self.tr(
                    "No file manager could open %1. The folder is there; open it by hand."
                ).replace("%1", str(folder)),
            )

    def _interface_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Interface"))
        settings = self.context.settings
        self.language = ChoiceCombo(language_choices(), self.tr("Language"))
        self.language.set_key(str(settings.value(LANGUAGE_KEY, "system") or "system"))
        self.language_hint = hint_label()
        self.theme = ChoiceCombo(theme_choices(), self.tr("Theme"))
        self.theme.set_key(str(settings.value(THEME_KEY, "system") or "system"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.language_hint)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(
            hint_label(
                self.tr("Following the system, FaceAudit turns light or dark when the system does.")
            )
        )
        self.language.currentIndexChanged.connect(lambda _i: self._language_chosen())
        self.theme.currentIndexChanged.connect(lambda _i: self._theme_chosen())
        return box

    def _language_chosen(self) -> None:
        self.context.settings.setValue(LANGUAGE_KEY, self.language.key())
        self.context.settings.sync()
        set_state(
            self.language_hint,
            "",
            self.tr("The new language is used the next time FaceAudit starts."),
        )

    def _theme_chosen(self) -> None:
        scheme = self.theme.key()
        self.context.settings.setValue(THEME_KEY, scheme)
        self.context.settings.sync()
        qapp = QApplication.instance()
        if isinstance(qapp, QApplication):
            theme.apply(qapp, scheme)  # at once: the palette reaches every widget
