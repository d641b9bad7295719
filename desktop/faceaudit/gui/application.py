"""Builds the Qt application and the main window over an App (the one place that does)."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from faceaudit import __version__
from faceaudit.gui import i18n, theme
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtWidgets import QDialog

    from faceaudit.app import App
    from faceaudit.letters.overview import DueRequest

LANGUAGE_KEY = "interface/language"  # "system", "en" or "fr"
THEME_KEY = "interface/theme"  # "system", "light" or "dark"
EXIT_WHEN_SHOWN_ENV = "FACEAUDIT_EXIT_WHEN_SHOWN"


def qt_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # QtWebEngine (the Browser screen, loaded only when first shown) needs its OpenGL
    # contexts shared, which can only be asked before the QApplication exists.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    # Fractional scale factors (125 %, 150 %) drawn as they are, not rounded.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    # Fusion (the theme's palettes are made for it) chosen as Qt starts: set afterwards,
    # the style's Python wrapper costs the window's first paint 8 ms (issue 8).
    style = [] if "-style" in argv else ["-style", "fusion"]
    qapp = QApplication([sys.argv[0] if sys.argv else "faceaudit", *style, *argv])
    qapp.setProperty(theme.FUSION_AT_START, bool(style))
    qapp.setApplicationName("FaceAudit")
    qapp.setOrganizationName("FaceAudit")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName("org.faceaudit.FaceAudit")  # installer/linux/<this>.desktop
    return qapp


def prepare_translations() -> None:
    """Compile stale .qm files when running from a checkout (installed builds ship them)."""
    with contextlib.suppress(OSError, i18n.CompileError):
        i18n.compile_all()


def build_window(context: GuiContext) -> MainWindow:
    """Translations, theme and the main window for a context (tests call this too)."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    translations = i18n.Translations()
    translations.install(i18n.resolve_language(str(context.settings.value(LANGUAGE_KEY, ""))))
    qapp.setProperty("faceaudit_language", translations.language)
    scheme = str(context.settings.value(THEME_KEY, "system"))
    theme.apply(qapp, scheme)
    theme.follow_system(qapp, lambda: str(context.settings.value(THEME_KEY, "system")))
    window = MainWindow(context)
    window.translations = translations  # type: ignore[attr-defined]  # kept alive with the window
    return window


def has_cases(context: GuiContext) -> bool:
    """Whether any case exists, without importing the store (start-up stays light)."""
    folder = context.app.paths.cases
    return any(p.is_dir() and not p.name.startswith(".") for p in folder.iterdir())


def begin(window: MainWindow) -> QDialog | None:
    """After the window is shown: the first run if a step is missing, else load the models
    in the background. Returns the first-run dialog when one was opened."""
    from faceaudit.gui.firstrun.view import FirstRunDialog, first_run_needed

    context = window.context
    # Not before the first paint: reading them imports the letters core on the worker, and
    # the paint would wait for the interpreter meanwhile.
    after_first_paint(window, lambda: announce_due_requests(window))
    after_first_paint(window, lambda: announce_due_deletions(window))
    if not first_run_needed(context):
        # Not before the window is drawn: loading the models imports onnxruntime and
        # insightface for seconds, and the window's first paint would wait on that thread.
        after_first_paint(window, context.preload_models)
        return None
    dialog = FirstRunDialog(context, has_cases(context), window)
    context.dialogs.open_dialog(dialog)
    return dialog


def announce_due_requests(window: MainWindow) -> None:
    """Say in the status bar which requests are due or overdue: at start-up (every case,
    without a passphrase) and each time a case opens. Read on the worker, Letters screen
    or not: the letters core takes a tenth of a second to import."""
    context = window.context

    def read() -> tuple[list[DueRequest], dt.date]:
        import datetime as dt

        from faceaudit.gui.letters import data

        today = dt.date.today()
        return list(data.open_requests(context.case_store, today)), today

    def show(found: tuple[list[DueRequest], dt.date]) -> None:
        from faceaudit.gui.letters.notice import due_notice_text

        say(window, "requests", due_notice_text(*found))

    def load() -> None:
        # A case that cannot be read is listed by the Cases screen; nothing to add here.
        context.run(read, on_result=show, on_error=lambda _error: None)

    load()
    context.case_opened.connect(lambda _case: load())


def say(window: MainWindow, kind: str, text: str) -> None:
    """Show one start-up notice beside the others in the status bar (each kind is read on
    its own worker: whichever comes last must not hide the others)."""
    window.notices[kind] = text
    window.statusBar().showMessage("  ".join(t for t in window.notices.values() if t))


class DueDeletions(QObject):
    """The notice: lupdate takes a plural (%n) from ``self.tr`` in a class only."""

    def text(self, names: list[str]) -> str:
        return self.tr("%n case(s) due for deletion: %1.", "", len(names)).replace(
            "%1", ", ".join(names)
        )


def announce_due_deletions(window: MainWindow) -> None:
    """Say in the status bar which closed cases are past their retention period (read
    without any passphrase, on the worker), beside what is said of due requests."""
    context = window.context

    def read() -> list[str]:
        from faceaudit.store.retention import due_for_deletion

        return [c.name for c in due_for_deletion(context.case_store)]

    def show(names: list[str]) -> None:
        if not names:
            return
        say(window, "deletions", DueDeletions().text(names))

    context.run(read, on_result=show, on_error=lambda _error: None)


def run(app: App, argv: list[str]) -> int:
    qapp = qt_application(argv)
    prepare_translations()
    context = GuiContext(app)
    context.hold_until_shown()

    def crashed(_error: BaseException, path: Path) -> None:
        title = QCoreApplication.translate("GuiContext", "FaceAudit")
        context.dialogs.warning(QApplication.activeWindow(), title, context.crash_text(path))

    context.crash_log.install(on_crash=crashed)
    window = build_window(context)
    if os.environ.get(EXIT_WHEN_SHOWN_ENV):
        window.installEventFilter(FirstPaintReporter(window))
    window.show()

    def started() -> None:
        # Once the window is drawn: the cases' list, then the first run or the model
        # preload (deciding imports the model-pack code; the person sees the window first).
        context.shown()
        begin(window)

    after_first_paint(window, started)
    return int(qapp.exec())


PAINT_FALLBACK_MS = 3000  # a window never painted (started minimised) still loads the models


class _AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, action: Callable[[], object]) -> None:
        super().__init__(window)
        self.window, self.action, self.done = window, action, False
        window.installEventFilter(self)
        QTimer.singleShot(PAINT_FALLBACK_MS, self, self.fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self, self.fire)  # once the paint is finished
        return False

    def fire(self) -> None:
        if not self.done:
            self.done = True
            self.window.removeEventFilter(self)
            self.action()


def after_first_paint(window: QWidget, action: Callable[[], object]) -> None:
    """Run ``action`` once, just after the window's next paint (at the latest after
    PAINT_FALLBACK_MS: a window already drawn, or never drawn, waits no longer)."""
    _AfterFirstPaint(window, action)


class FirstPaintReporter(QObject):
    """Smoke checks and the start-up benchmark: say when the window is first painted (what
    the person first sees), on the system-wide monotonic clock, then close it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.reported = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.reported and event.type() == QEvent.Type.Paint:
            self.reported = True
            # The CPU time too: on a busy machine it varies far less than the clock.
            shown, cpu = time.monotonic(), time.process_time()
            print(f"faceaudit: window shown {shown:.6f} cpu {cpu:.6f}", flush=True)
            QTimer.singleShot(0, self.window.close)
        return False
