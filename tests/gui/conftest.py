"""GUI test fixtures: offscreen Qt, a sandboxed data folder per test, recording dialogs.

Every test gets its own FACEAUDIT_HOME (the suite's autouse ``sandbox_home``), its own
settings file and thread pool, and a :class:`RecordingDialogs` so no real modal dialog opens.
``screenshot(widget, name)`` writes ``tests/screenshots/<language>-<theme>/<name>.png``.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from faceaudit.app import App
from faceaudit.gui import i18n
from faceaudit.gui.application import LANGUAGE_KEY, THEME_KEY, build_window
from faceaudit.gui.context import GuiContext
from faceaudit.gui.dialogs import Dialogs
from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.worker import Worker
from faceaudit.store import KdfParams

# As the window's qt_application does: the Browser screen's QtWebEngine needs it set before
# pytest-qt's QApplication exists (this module is imported before the qapp fixture runs).
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = PROJECT_ROOT / "tests" / "screenshots"
TEST_KDF = KdfParams(n=2**10, r=8, p=1)  # cheap scrypt for tests; the app keeps 2^17


@dataclass
class DialogCall:
    kind: str
    title: str = ""
    text: str = ""
    extra: Any = None


@dataclass
class RecordingDialogs(Dialogs):
    """Records every dialog; answers from queues the test fills (default: No / cancelled)."""

    calls: list[DialogCall] = field(default_factory=list)
    answers: deque[bool] = field(default_factory=deque)
    open_files: deque[list[str]] = field(default_factory=deque)
    save_files: deque[str | None] = field(default_factory=deque)
    directories: deque[str | None] = field(default_factory=deque)
    opened_urls: list[str] = field(default_factory=list)
    dialogs: list[QDialog] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [call.kind for call in self.calls]

    def last(self, kind: str) -> DialogCall:
        for call in reversed(self.calls):
            if call.kind == kind:
                return call
        raise AssertionError(f"no {kind} dialog was shown; shown: {self.kinds()}")

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.calls.append(DialogCall("warning", title, text))

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.calls.append(DialogCall("information", title, text))

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = self.answers.popleft() if self.answers else False
        self.calls.append(DialogCall("question", title, text, answer))
        return answer

    def get_open_files(self, parent: QWidget | None, caption: str, filter: str) -> list[str]:
        files = self.open_files.popleft() if self.open_files else []
        self.calls.append(DialogCall("open_files", caption, filter, files))
        return files

    def get_save_file(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: str,
        filter: str,
    ) -> str | None:
        path = self.save_files.popleft() if self.save_files else None
        self.calls.append(DialogCall("save_file", caption, suggested, path))
        return path

    def get_existing_dir(self, parent: QWidget | None, caption: str, start: str = "") -> str | None:
        path = self.directories.popleft() if self.directories else None
        self.calls.append(DialogCall("existing_dir", caption, start, path))
        return path

    def open_url(self, url: str) -> bool:
        self.calls.append(DialogCall("open_url", text=url))
        self.opened_urls.append(url)
        return True

    def open_dialog(self, dialog: QDialog) -> None:
        self.calls.append(DialogCall("dialog", dialog.windowTitle(), extra=dialog))
        self.dialogs.append(dialog)
        dialog.show()  # not modal: the test drives it


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files the window loads (the test command compiles them too)."""
    i18n.compile_all()


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def gui_settings(tmp_path: Path) -> QSettings:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "en")
    settings.setValue(THEME_KEY, "light")
    return settings


@pytest.fixture
def gui_app(sandbox_home: Path) -> Iterator[App]:
    app = App.create(data_dir=str(sandbox_home), threads=2)
    yield app
    app.close()


@pytest.fixture
def gui_context(
    qapp: QApplication, gui_app: App, dialogs: RecordingDialogs, gui_settings: QSettings
) -> Iterator[GuiContext]:
    pool = QThreadPool()
    pool.setMaxThreadCount(4)
    context = GuiContext(
        gui_app, dialogs=dialogs, settings=gui_settings, kdf=TEST_KDF, worker=Worker(pool)
    )
    yield context
    context.worker.cancel_all()
    assert context.worker.wait(30_000), "a worker was still running 30 s after the test"
    context.close_case()


@pytest.fixture
def window_factory(qtbot: Any, gui_context: GuiContext) -> Iterator[Callable[..., MainWindow]]:
    """Builds the main window in a language and theme (default: English, light)."""
    built: list[MainWindow] = []

    def build(language: str = "en", scheme: str = "light") -> MainWindow:
        gui_context.settings.setValue(LANGUAGE_KEY, language)
        gui_context.settings.setValue(THEME_KEY, scheme)
        for old in built:
            old.translations.remove()  # type: ignore[attr-defined]
        window = build_window(gui_context)
        qtbot.addWidget(window)
        built.append(window)
        return window

    yield build
    for window in built:
        window.translations.remove()  # type: ignore[attr-defined]


@pytest.fixture
def main_window(window_factory: Callable[..., MainWindow], qtbot: Any) -> MainWindow:
    window = window_factory()
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def screenshot(qapp: QApplication) -> Callable[[QWidget, str], Path]:
    """Save a widget as tests/screenshots/<language>-<theme>/<name>.png (git-ignored)."""

    def save(widget: QWidget, name: str) -> Path:
        language = qapp.property("faceaudit_language") or "en"
        scheme = "dark" if qapp.property("faceaudit_dark") else "light"
        folder = SCREENSHOTS / f"{language}-{scheme}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not write {path}"
        return path

    return save


CASE_PASSPHRASE = "violet tractor spoon orbit"


@pytest.fixture
def real_engine(gui_app: App, face_engine: Any) -> Any:
    """The suite's loaded face engine (real buffalo_sc models), shared with the window's App."""
    gui_app._engine = face_engine
    return face_engine


@pytest.fixture
def opened_case(gui_context: GuiContext) -> Any:
    """A new case "camille", open in the window's context (cheap scrypt)."""
    from faceaudit.store import Person

    case = gui_context.case_store.create(
        "camille", CASE_PASSPHRASE, person=Person(full_name="Camille Martin")
    )
    gui_context.open_case(case)
    return case


class FolderSite:
    """A folder of real photos and pages served by a real HTTP server on 127.0.0.1."""

    def __init__(self, root: Path) -> None:
        import functools
        import threading
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

        self.root = root
        handler = functools.partial(Quiet, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{path.lstrip('/')}"

    def add(self, path: str, content: bytes) -> str:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        return self.url(path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def folder_site(tmp_path: Path) -> Iterator[FolderSite]:
    """An empty served folder; the test writes its photos and pages."""
    site = FolderSite(tmp_path / "site")
    yield site
    site.close()


@pytest.fixture(scope="session")
def gui_scan_engine(face_engine: object) -> object:
    """The suite's face engine wrapped for scans, models loaded once for the session."""
    from faceaudit.scan.runs import scan_engine

    engine = scan_engine(face_engine)  # type: ignore[arg-type]
    engine.models  # noqa: B018 (load once for the session)
    return engine
