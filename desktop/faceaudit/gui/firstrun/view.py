"""The first run: welcome, the model licence, the model download, the first case.

Shown over the main window when the licence was never accepted, the model pack is missing
or there is no case yet; each page is skipped when its step is already done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.cases.widgets import CreateCaseForm
from faceaudit.gui.context import GuiContext
from faceaudit.gui.firstrun.model import (
    DONE_KEY,
    FetchCancelled,
    FetchProgress,
    accept_licence,
    fetch_pack,
    licence_accepted,
    pack_ready,
)
from faceaudit.gui.firstrun.widgets import LicencePage, ModelPage, WelcomePage
from faceaudit.gui.widgets import title_label
from faceaudit.gui.worker import CancelToken, Task

if TYPE_CHECKING:
    from faceaudit.store import Case


def first_run_needed(context: GuiContext) -> bool:
    pack = context.app.model_pack
    return not (
        str(context.settings.value(DONE_KEY, "")).lower() == "true"
        and licence_accepted(context.settings, pack)
        and pack_ready(context.model_store, pack)
    )


class FirstRunDialog(QDialog):
    finished_first_run = Signal()

    def __init__(self, context: GuiContext, has_cases: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Welcome to FaceAudit"))
        self.setMinimumSize(640, 520)
        pack_name = context.app.model_pack
        pack = context.model_store.pack(pack_name)
        self.fetch_task: Task | None = None
        self.cancel_token: CancelToken | None = None

        self.welcome = WelcomePage()
        self.licence = LicencePage(
            pack_name, pack.licence.name, pack.licence.summary, pack.licence.url
        )
        self.model_page = ModelPage(pack_name, max(1, round(pack.size / 1e6)))
        self.case_page = QWidget()
        self.case_form = CreateCaseForm()
        case_layout = QVBoxLayout(self.case_page)
        case_layout.addWidget(title_label(self.tr("Your first case")))
        case_layout.addWidget(self.case_form)
        case_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.steps: list[QWidget] = [self.welcome]
        if not licence_accepted(context.settings, pack_name):
            self.steps.append(self.licence)
        self.steps.append(self.model_page)  # also where the person sees the models are fine
        if not has_cases:
            self.steps.append(self.case_page)
        for page in self.steps:
            self.pages.addWidget(page)

        self.back_button = QPushButton(self.tr("&Back"))
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setDefault(True)
        self.skip_button = QPushButton(self.tr("&Skip: I will create a case later"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.skip_button.clicked.connect(self.finish)
        self.licence.accepted_changed.connect(lambda _on: self._update_buttons())
        self.model_page.download_requested.connect(lambda: self.download())
        self.model_page.local_copy_requested.connect(self.use_local_copy)
        self.model_page.cancel_requested.connect(self.cancel_download)
        self.case_form.submitted.connect(self._create_case)
        self.ready = pack_ready(context.model_store, pack_name)
        if self.ready:
            self.model_page.show_ready()
        self._update_buttons()

    # -- moving between pages ----------------------------------------------------------------

    def current(self) -> QWidget | None:
        return self.pages.currentWidget()

    def back(self) -> None:
        self.pages.setCurrentIndex(max(0, self.pages.currentIndex() - 1))
        self._update_buttons()

    def next(self) -> None:
        page = self.current()
        if page is self.licence:
            accept_licence(self.context.settings, self.context.app.model_pack)
        if self.pages.currentIndex() + 1 >= self.pages.count():
            self.finish()
            return
        self.pages.setCurrentIndex(self.pages.currentIndex() + 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.current()
        last = self.pages.currentIndex() + 1 >= self.pages.count()
        self.back_button.setEnabled(self.pages.currentIndex() > 0 and self.fetch_task is None)
        self.skip_button.setVisible(page is self.case_page)
        self.next_button.setVisible(page is not self.case_page)
        self.next_button.setText(self.tr("&Finish") if last else self.tr("&Next"))
        if page is self.licence:
            self.next_button.setEnabled(self.licence.accept_box.isChecked())
        elif page is self.model_page:
            self.next_button.setEnabled(self.ready)
        else:
            self.next_button.setEnabled(True)

    # -- the model pack ----------------------------------------------------------------------

    def download(self, local_path: str | None = None) -> Task:
        self.cancel_token = CancelToken()
        self.model_page.set_downloading(True)
        self.fetch_task = self.context.run(
            fetch_pack,
            self.context.model_store,
            self.context.app.model_pack,
            local_path,
            on_progress=self._progress,
            on_result=self._fetched,
            on_error=self._fetch_failed,
            cancel=self.cancel_token,
        )
        self._update_buttons()
        return self.fetch_task

    def use_local_copy(self) -> None:
        files = self.context.dialogs.get_open_files(
            self, self.tr("The model pack"), self.tr("Model pack (*.zip *.whl)")
        )
        if files:
            self.download(files[0])

    def cancel_download(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()

    def _progress(self, update: FetchProgress) -> None:
        self.model_page.show_progress(update.file_name, update.done, update.total)

    def _fetched(self, _report: Any) -> None:
        self.fetch_task = None
        self.ready = True
        self.model_page.show_ready()
        self.context.preload_models()  # in the background; nothing waits for it
        self._update_buttons()

    def _fetch_failed(self, error: BaseException) -> None:
        self.fetch_task = None
        if isinstance(error, FetchCancelled):
            text = self.tr("The download was cancelled. What was fetched is kept for next time.")
        else:
            text = self.context.error_text(error)
        self.model_page.show_failed(text)
        self._update_buttons()

    # -- the first case ----------------------------------------------------------------------

    def _create_case(self, name: str, passphrase: str, person: Any) -> None:
        def created(case: Case) -> None:
            self.case_form.clear_secrets()
            self.context.open_case(case)
            self.finish()
            self.context.navigate.emit("me")

        self.context.run(
            self.context.case_store.create,
            name,
            passphrase,
            person,
            on_result=created,
            on_error=lambda error: self.case_form.show_error(self.context.error_text(error)),
        )

    def finish(self) -> None:
        self.cancel_download()
        self.context.settings.setValue(DONE_KEY, "true")
        self.finished_first_run.emit()
        self.accept()
