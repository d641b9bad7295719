"""The first run against a loopback model source serving the real buffalo_sc files:
welcome, licence, download with progress (and cancel), models loading, the first case."""

from __future__ import annotations

import io
import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from faceaudit.app import App
from faceaudit.faces.modelpacks import ModelStore, parse_manifest
from faceaudit.gui.application import begin
from faceaudit.gui.context import GuiContext
from faceaudit.gui.firstrun.model import licence_accepted
from faceaudit.gui.firstrun.view import FirstRunDialog, first_run_needed
from faceaudit.gui.main_window import MainWindow
from faceaudit.paths import Paths

from ..conftest import CASE_PASSPHRASE

pytestmark = pytest.mark.models
HOLD_TIMEOUT = 60.0  # a held response gives up after this long, so a failed test cannot hang


class ModelSource:
    """127.0.0.1 serving a zip of the real model files; can hold the body after 1 MiB."""

    def __init__(self, archive: bytes) -> None:
        self.archive = archive
        self.hold = False
        self.released = threading.Event()
        self.requests = 0
        source = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                source.requests += 1
                body = source.archive
                self.send_response(200)
                self.send_header("Content-Type", "application/zip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    if source.hold:
                        self.wfile.write(body[: 1 << 21])
                        self.wfile.flush()
                        source.released.wait(HOLD_TIMEOUT)
                        self.wfile.write(body[1 << 21 :])
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/buffalo_sc.zip"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def model_archive(model_pack_dir: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for onnx in sorted(model_pack_dir.glob("*.onnx")):
            archive.write(onnx, onnx.name)
    return buffer.getvalue()


@pytest.fixture
def model_source(model_archive: bytes, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModelSource]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    source = ModelSource(model_archive)
    yield source
    source.close()


@pytest.fixture
def gui_app(sandbox_home: Path, tmp_path: Path) -> Iterator[App]:
    """No model pack installed: its folder is empty."""
    app = App(paths=Paths(base=sandbox_home, models=tmp_path / "models"), threads=2)
    yield app
    app.close()


@pytest.fixture
def loopback_models(gui_context: GuiContext, model_source: ModelSource) -> ModelStore:
    """The real manifest (sizes, SHA-256, licence) with one source: the loopback server."""
    manifest_path = Path(__file__).resolve().parents[3] / "models" / "manifest.json"
    data = json.loads(manifest_path.read_text(encoding="utf-8"))
    pack = data["packs"]["buffalo_sc"]
    pack["sources"] = [
        {
            "id": "loopback",
            "kind": "archive",
            "url": model_source.url,
            "members": {f["name"]: f["name"] for f in pack["files"]},
        }
    ]
    store = ModelStore(gui_context.app.paths.models, manifest=parse_manifest(data, "test"))
    gui_context.model_store = store
    return store


def start(main_window: MainWindow, gui_context: GuiContext) -> FirstRunDialog:
    assert first_run_needed(gui_context)
    dialog = begin(main_window)
    assert isinstance(dialog, FirstRunDialog)
    assert dialog.isVisible()
    return dialog


def accept_licence(dialog: FirstRunDialog, qtbot: Any) -> None:
    assert dialog.current() is dialog.welcome
    assert "web pages you list" in dialog.welcome.text.text()
    assert "no cloud service" in dialog.welcome.text.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current() is dialog.licence
    assert "non-commercial research" in dialog.licence.text.text()
    assert not dialog.next_button.isEnabled()  # an explicit accept is needed
    dialog.licence.accept_box.setChecked(True)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current() is dialog.model_page


def test_first_run_downloads_the_models_and_creates_the_case(
    loopback_models: ModelStore,
    main_window: MainWindow,
    gui_context: GuiContext,
    model_source: ModelSource,
    qtbot: Any,
    screenshot: Any,
) -> None:
    dialog = start(main_window, gui_context)
    screenshot(dialog, "firstrun-welcome")
    accept_licence(dialog, qtbot)
    assert licence_accepted(gui_context.settings, "buffalo_sc")
    assert not dialog.next_button.isEnabled()  # no models yet
    screenshot(dialog, "firstrun-models")

    with qtbot.waitSignal(gui_context.models_ready, timeout=120_000):
        qtbot.mouseClick(dialog.model_page.download_button, Qt.MouseButton.LeftButton)
        assert dialog.model_page.progress.isVisible()
        qtbot.waitUntil(lambda: dialog.ready, timeout=120_000)
    assert "installed and checked" in dialog.model_page.status_label.text()
    assert loopback_models.status("buffalo_sc").verified
    assert gui_context.models_loaded

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current() is dialog.case_page
    form = dialog.case_form
    form.name_edit.setText("camille")
    form.passphrase_edit.setText(CASE_PASSPHRASE)
    form.confirm_edit.setText(CASE_PASSPHRASE)
    screenshot(dialog, "firstrun-case")
    with qtbot.waitSignal(gui_context.case_opened, timeout=30_000):
        qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert main_window.current_key() == "me"
    assert not first_run_needed(gui_context)


def test_download_can_be_cancelled_and_retried(
    loopback_models: ModelStore,
    main_window: MainWindow,
    gui_context: GuiContext,
    model_source: ModelSource,
    qtbot: Any,
) -> None:
    dialog = start(main_window, gui_context)
    accept_licence(dialog, qtbot)
    model_source.hold = True
    qtbot.mouseClick(dialog.model_page.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "MB" in dialog.model_page.status_label.text(), timeout=60_000)
    assert dialog.model_page.cancel_button.isVisible()
    qtbot.mouseClick(dialog.model_page.cancel_button, Qt.MouseButton.LeftButton)
    model_source.released.set()  # the next bytes reach the core, which then stops
    qtbot.waitUntil(lambda: "cancelled" in dialog.model_page.status_label.text(), timeout=60_000)
    assert not dialog.ready and not dialog.next_button.isEnabled()
    assert not loopback_models.status("buffalo_sc").verified

    model_source.hold = False
    qtbot.mouseClick(dialog.model_page.download_button, Qt.MouseButton.LeftButton)  # "Try again"
    qtbot.waitUntil(lambda: dialog.ready, timeout=120_000)
    assert loopback_models.status("buffalo_sc").verified


def test_an_unreachable_source_is_said_in_words(
    loopback_models: ModelStore,
    main_window: MainWindow,
    gui_context: GuiContext,
    model_source: ModelSource,
    qtbot: Any,
) -> None:
    dialog = start(main_window, gui_context)
    accept_licence(dialog, qtbot)
    model_source.close()
    qtbot.mouseClick(dialog.model_page.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.model_page.status_label.property("state") == "bad", timeout=60_000
    )
    shown = dialog.model_page.status_label.text()
    assert "could not be fetched" in shown and "Traceback" not in shown
    assert dialog.model_page.download_button.isVisible()  # "Try again"
