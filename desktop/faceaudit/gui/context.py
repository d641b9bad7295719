"""What every screen is handed: the App, the open Case, the dialogs, settings and the worker.

No global state: the window builds one GuiContext and passes it to each screen; tests build
their own on a throw-away data folder. Screens talk to each other only through the signals
here (or the main window's), never by importing another screen's widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from faceaudit.errors import FaceAuditError
from faceaudit.gui.crash import CrashLog
from faceaudit.gui.dialogs import Dialogs
from faceaudit.gui.worker import CancelToken, Task, Worker

if TYPE_CHECKING:
    from faceaudit.app import App
    from faceaudit.faces.modelpacks import ModelStore
    from faceaudit.store import Case, CaseStore, KdfParams

SETTINGS_FILE = "settings.ini"


def open_settings(app: App) -> QSettings:
    """The window's settings live in the data folder (an INI file), so ``FACEAUDIT_HOME`` /
    ``--data-dir`` keeps them too and a throw-away folder leaves no trace elsewhere."""
    path = app.paths.ensure_base() / SETTINGS_FILE
    return QSettings(str(path), QSettings.Format.IniFormat)


class GuiContext(QObject):
    case_opened = Signal(object)  # the open faceaudit.store.Case
    case_closed = Signal()  # screens drop everything personal they hold
    cases_changed = Signal()  # a case was added or removed other than by the Cases screen
    findings_changed = Signal()
    requests_changed = Signal()
    references_changed = Signal()
    sources_changed = Signal()
    navigate = Signal(str)  # a screen asks the main window to show another screen by key
    models_ready = Signal()  # the face models are loaded (in the background)
    models_failed = Signal(object)  # why they could not be loaded (an exception)

    def __init__(
        self,
        app: App,
        dialogs: Dialogs | None = None,
        settings: QSettings | None = None,
        kdf: KdfParams | None = None,
        worker: Worker | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.dialogs = dialogs or Dialogs()
        self.settings = settings if settings is not None else open_settings(app)
        self.worker = worker or Worker()
        self.crash_log = CrashLog(app.paths.base / "logs")
        self._kdf = kdf
        self._case: Case | None = None
        self._case_store: CaseStore | None = None
        self._model_store: ModelStore | None = None
        self.models_loaded = False
        self._until_shown: list[Callable[[], object]] | None = None

    # -- start-up ------------------------------------------------------------------------

    def hold_until_shown(self) -> None:
        """From now until :meth:`shown`, :meth:`when_shown` keeps what it is given: work a
        screen starts at once (listing the cases) would share the interpreter with the
        window's first paint, which the person would wait for."""
        self._until_shown = []

    def when_shown(self, action: Callable[[], object]) -> None:
        """Run ``action`` now, or once the window is first painted while it is held."""
        if self._until_shown is None:
            action()
        else:
            self._until_shown.append(action)

    def shown(self) -> None:
        held, self._until_shown = self._until_shown or [], None
        for action in held:
            action()

    # -- the open case -------------------------------------------------------------------

    @property
    def case(self) -> Case | None:
        return self._case

    @property
    def case_store(self) -> CaseStore:
        if self._case_store is None:
            from faceaudit.store import DEFAULT_KDF, CaseStore

            self._case_store = CaseStore(
                self.app.paths, kdf=self._kdf or DEFAULT_KDF, caseworker=self.app.caseworker or None
            )
        return self._case_store

    @property
    def model_store(self) -> ModelStore:
        if self._model_store is None:
            from faceaudit.faces.modelpacks import ModelStore

            self._model_store = ModelStore(self.app.paths.models)
        return self._model_store

    @model_store.setter
    def model_store(self, store: ModelStore) -> None:
        self._model_store = store

    def preload_models(self) -> Task:
        """Load the face models in the background: the window never waits for them."""

        def loaded(_models: object) -> None:
            self.models_loaded = True
            self.models_ready.emit()

        return self.run(
            lambda: self.app.engine.models, on_result=loaded, on_error=self.models_failed.emit
        )

    def open_case(self, case: Case) -> None:
        """Make ``case`` the open one (closing any other first: one case at a time)."""
        if self._case is not None and self._case is not case:
            self.close_case()
        self._case = case
        self.settings.setValue("cases/last", case.name)
        self.case_opened.emit(case)

    def close_case(self) -> None:
        case, self._case = self._case, None
        if case is None:
            return
        # Screens drop their models first, then the database closes.
        self.case_closed.emit()
        case.close()

    # -- work off the GUI thread -----------------------------------------------------------

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> Task:
        return self.worker.run(
            fn,
            *args,
            on_result=on_result,
            on_error=on_error,
            on_progress=on_progress,
            cancel=cancel,
        )

    # -- errors, in words ------------------------------------------------------------------

    def error_text(self, error: BaseException) -> str:
        """What to tell the person, in the window's language (the core's English when the
        failure has no translated words), or where the crash log is."""
        if isinstance(error, FaceAuditError):
            from faceaudit.gui.messages.errors import error_words

            what, todo = error_words(error)
            return f"{what}\n\n{todo}".strip()
        return self.crash_text(self.log_crash(error))

    @staticmethod
    def crash_text(log: Path) -> str:
        return QCoreApplication.translate(
            "GuiContext",
            "Something went wrong and FaceAudit could not finish this. Nothing you saved "
            "before was lost.\n\nA report without any personal data was written to:\n%1\n"
            "You can attach it to a bug report.",
        ).replace("%1", str(log))

    def log_crash(self, error: BaseException) -> Path:
        return self.crash_log.write(error)

    def report_error(self, parent: QWidget | None, error: BaseException) -> None:
        title = QCoreApplication.translate("GuiContext", "FaceAudit")
        self.dialogs.warning(parent, title, self.error_text(error))
