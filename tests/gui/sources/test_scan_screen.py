"""The Scan screen end to end: real photos on a loopback site, the real model, the real store.

Start, watch each source, see the summary and go to the findings; stop mid-scan and
continue; pause; retry a failed source from the Sources screen; and the plain messages of
a case that cannot be scanned yet or a hostile server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.scan.model import STATE_ROLE, ScanSourcesModel
from faceaudit.gui.scan.view import ScanScreen
from faceaudit.gui.sources.model import LIVE_ROLE, STATE
from faceaudit.gui.sources.model import STATE_ROLE as SOURCE_STATE_ROLE
from faceaudit.gui.sources.view import SourcesScreen
from faceaudit.store import source_states as states

from .conftest import PhotoSite

pytestmark = pytest.mark.models

SCAN_TIMEOUT = 180_000


def screens(window: MainWindow) -> tuple[SourcesScreen, ScanScreen]:
    sources, scan = window.screens["sources"], window.screens["scan"]
    assert isinstance(sources, SourcesScreen) and isinstance(scan, ScanScreen)
    return sources, scan


def finished(scan: ScanScreen) -> bool:
    return scan.outcome is not None and not scan.runner.running


def states_by_url(sources: SourcesScreen) -> dict[str, str]:
    model = sources.model
    return {
        item.url: model.data(model.index(row, 0), SOURCE_STATE_ROLE)
        for row, item in enumerate(model.items())
    }


def test_scan_from_the_window_shows_each_source_and_the_result(
    scan_window: MainWindow,
    enrolled: Any,
    photo_site: PhotoSite,
    person_photos: dict[str, list[Path]],
    tmp_path: Path,
    qtbot: Any,
    qtmodeltester: Any,
    screenshot: Any,
) -> None:
    sources, scan = screens(scan_window)
    folder = tmp_path / "holiday"
    folder.mkdir()
    (folder / "me.jpg").write_bytes(person_photos["obama"][0].read_bytes())
    scan_window.show_screen("sources")
    listed = [
        photo_site.url("/you.html"),
        photo_site.url("/stranger.html"),
        photo_site.url("/words.html"),
        photo_site.url("/missing.html"),
        str(folder),
    ]
    sources.paste.setPlainText("\n".join(listed))
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 5, timeout=10_000)

    scan_window.show_screen("scan")
    with qtbot.waitSignals(
        [scan_window.context.findings_changed, scan_window.context.sources_changed],
        timeout=SCAN_TIMEOUT,
    ):
        qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
        assert scan.runner.running and not scan.start_button.isEnabled()
    qtbot.waitUntil(lambda: finished(scan), timeout=SCAN_TIMEOUT)
    assert scan.outcome.status == "done"

    # Per source, live rows: the last report has each one's end.
    rows = {t.source: t for t in scan.model.tallies()}
    assert rows[listed[0]].state == "done" and rows[listed[0]].findings == 1
    assert rows[listed[1]].faces == 1 and rows[listed[1]].findings == 0
    assert rows[listed[3]].state == "failed"
    qtmodeltester.check(scan.model)
    assert scan.counts.values["pages"].text() == "3"
    assert scan.counts.values["matches"].text() == "2"
    assert scan.counts.values["errors"].text() == "1"
    text = scan.summary.text()
    assert "Scan finished in" in text and "3 pages read" in text
    assert "Your face may appear in 2 places: review them." in text
    assert "1 address could not be read" in text
    assert "404" in scan.problems.toPlainText()
    screenshot(scan_window, "scan-finished")

    with qtbot.waitSignal(scan_window.context.navigate) as navigated:
        qtbot.mouseClick(scan.findings_button, Qt.MouseButton.LeftButton)
    assert navigated.args == ["findings"]

    # The Sources screen now tells each source's state, in words.
    scan_window.show_screen("sources")
    qtbot.waitUntil(
        lambda: states_by_url(sources).get(listed[0]) == states.YOU_APPEAR, timeout=10_000
    )
    found = states_by_url(sources)
    assert found[listed[1]] == states.NOT_YOU
    assert found[listed[2]] == states.FETCHED
    assert found[listed[3]] == states.FAILED
    assert found[str(folder.resolve())] == states.YOU_APPEAR
    words = [sources.model.data(sources.model.index(r, STATE)) for r in range(5)]
    assert words[0] == "You appear: 1 face to review"
    assert words[1] == "1 face, none of them you"
    assert words[2] == "Read (1 page), no image on it"
    assert words[3].startswith("Failed: ") and "404" in words[3]
    screenshot(scan_window, "sources-after-scan")

    # Retry the failed source once it is back: only its state changes.
    photo_site.page("/missing.html", '<img src="/img/other.jpg">')
    sources.table.setFocus()
    sources.table.selectRow(3)
    with qtbot.waitSignal(scan.runner.finished, timeout=SCAN_TIMEOUT):
        sources.retry_action.trigger()  # Ctrl+R on the table
    qtbot.waitUntil(lambda: states_by_url(sources)[listed[3]] == states.NOT_YOU, timeout=10_000)
    assert states_by_url(sources)[listed[0]] == states.YOU_APPEAR
    assert "scanned again" in sources.status_label.text()


def test_stop_mid_scan_then_continue(
    scan_window: MainWindow, enrolled: Any, photo_site: PhotoSite, qtbot: Any, screenshot: Any
) -> None:
    sources, scan = screens(scan_window)
    enrolled.add_sources([photo_site.url("/you.html"), photo_site.url("/more.html")])
    scan_window.context.sources_changed.emit()
    scan_window.show_screen("scan")
    photo_site.hold_images()
    qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: photo_site.held > 0, timeout=30_000)

    # The window answers while the scan waits on the network.
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5_000)
    timer.stop()
    assert scan.runner.running
    # Both screens show each source live, from the scan's own reports.
    qtbot.waitUntil(lambda: scan.model.rowCount() == 2, timeout=10_000)
    assert sources.model.data(sources.model.index(0, 0), LIVE_ROLE) is not None
    assert sources.model.data(sources.model.index(0, STATE)).startswith(("Scanning", "Waiting"))

    qtbot.mouseClick(scan.cancel_button, Qt.MouseButton.LeftButton)
    assert "Stopping after the images being analysed" in scan.message.text()
    assert not scan.cancel_button.isEnabled()
    photo_site.release()
    qtbot.waitUntil(lambda: finished(scan), timeout=SCAN_TIMEOUT)
    assert scan.outcome.status == "cancelled"
    assert "Scan stopped after" in scan.summary.text()
    qtbot.waitUntil(lambda: scan.continue_button.isVisible(), timeout=10_000)
    screenshot(scan_window, "scan-stopped")

    qtbot.mouseClick(scan.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(scan) and scan.outcome.status == "done", timeout=SCAN_TIMEOUT)
    assert scan.outcome.resumed
    assert not scan.continue_button.isVisible()
    assert enrolled.resumable_scan() is None


def test_closing_the_case_mid_scan_stops_it_and_drops_what_was_shown(
    scan_window: MainWindow, enrolled: Any, photo_site: PhotoSite, qtbot: Any, dialogs: Any
) -> None:
    sources, scan = screens(scan_window)
    enrolled.add_sources([photo_site.url("/you.html")])
    scan_window.show_screen("scan")
    photo_site.hold_images()
    qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: photo_site.held > 0 and scan.model.rowCount() == 1, timeout=30_000)
    scan_window.context.close_case()
    photo_site.release()
    qtbot.waitUntil(lambda: not scan.runner.running, timeout=SCAN_TIMEOUT)
    assert scan.model.rowCount() == 0 and sources.model.rowCount() == 0
    assert scan.summary.text() == "" and not scan.message.isVisible()
    assert "warning" not in dialogs.kinds()  # closing on purpose is not an error


def test_closing_the_window_stops_a_paused_scan_promptly(
    scan_window: MainWindow, enrolled: Any, photo_site: PhotoSite, qtbot: Any
) -> None:
    _, scan = screens(scan_window)
    enrolled.add_sources([photo_site.url("/you.html")])
    scan_window.show_screen("scan")
    photo_site.hold_images()
    qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: photo_site.held > 0, timeout=30_000)
    qtbot.mouseClick(scan.pause_button, Qt.MouseButton.LeftButton)
    photo_site.release()
    with qtbot.waitSignal(scan.runner.finished, timeout=30_000) as ended:
        scan_window.context.worker.cancel_all()  # what closing the window does first
    assert ended.args[0].status == "cancelled"


def test_pause_and_resume(
    scan_window: MainWindow, enrolled: Any, photo_site: PhotoSite, qtbot: Any, screenshot: Any
) -> None:
    _, scan = screens(scan_window)
    enrolled.add_sources([photo_site.url("/you.html")])
    scan_window.show_screen("scan")
    photo_site.hold_images()
    qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: photo_site.held > 0, timeout=30_000)
    qtbot.mouseClick(scan.pause_button, Qt.MouseButton.LeftButton)
    assert scan.runner.paused and scan.pause_button.text() == "&Resume"
    photo_site.release()
    qtbot.waitUntil(lambda: "Paused." in scan.message.text(), timeout=30_000)
    assert scan.counts.values["left"].text() == "paused"
    screenshot(scan_window, "scan-paused")
    # Paused: the core takes no new image (one taken as the pause came may still finish),
    # so of the page's two images at most one is analysed however long the pause lasts.
    qtbot.wait(1000)
    assert scan.runner.last_progress.images_done <= 1
    assert scan.runner.running and scan.runner.paused
    qtbot.mouseClick(scan.pause_button, Qt.MouseButton.LeftButton)
    assert not scan.runner.paused
    qtbot.waitUntil(lambda: finished(scan), timeout=SCAN_TIMEOUT)
    assert scan.outcome.status == "done" and scan.outcome.stats["images"] == 2


def test_no_reference_and_missing_models_are_said_plainly(
    scan_window: MainWindow, opened_case: Any, photo_site: PhotoSite, qtbot: Any, real_engine: Any
) -> None:
    _, scan = screens(scan_window)
    scan_window.show_screen("scan")
    qtbot.waitUntil(lambda: "no photo of you" in scan.message.text(), timeout=10_000)
    with qtbot.waitSignal(scan.runner.failed, timeout=10_000):
        qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    assert "Add one or two on the Me screen" in scan.message.text()
    assert scan.message.property("state") in ("bad", "warn")
    assert scan.start_button.isEnabled()  # nothing is stuck: add a photo and scan


def test_missing_face_models_are_said_plainly(
    scan_window: MainWindow, enrolled: Any, photo_site: PhotoSite, qtbot: Any
) -> None:
    _, scan = screens(scan_window)
    enrolled.add_sources([photo_site.url("/you.html")])
    app = scan_window.context.app
    app.close()  # drop the loaded engine: the next scan looks for the pack again
    app.model_pack = "pack_that_is_not_installed"
    scan_window.show_screen("scan")
    with qtbot.waitSignal(scan.runner.failed, timeout=30_000):
        qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    assert "The face models are missing or damaged" in scan.message.text()
    assert "welcome screen" in scan.message.text()
    assert "faceaudit models fetch" not in scan.message.text()  # no command line in the window


def test_no_sources_then_a_hostile_server(
    scan_window: MainWindow, enrolled: Any, photo_site: PhotoSite, qtbot: Any
) -> None:
    _, scan = screens(scan_window)
    scan_window.show_screen("scan")
    scan_window.context.references_changed.emit()
    qtbot.waitUntil(lambda: "no source to scan" in scan.message.text(), timeout=10_000)
    qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "on the Sources screen" in scan.message.text(), timeout=10_000)

    # A server that lies: a "JPEG" of garbage, an image too large to be one, a page of junk.
    photo_site.serve("/img/fake.jpg", b"\xff\xd8\xff" + b"\x00garbage" * 200, "image/jpeg")
    photo_site.serve("/img/huge.jpg", b"\xff\xd8\xff" + b"0" * (33 * 2**20), "image/jpeg")
    hostile = photo_site.page(
        "/hostile.html",
        '<img src="/img/fake.jpg"><img src="/img/huge.jpg">' + "<div>" * 5000 + "\x00\xff",
    )
    enrolled.add_sources([hostile])
    scan_window.context.sources_changed.emit()
    qtbot.mouseClick(scan.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(scan), timeout=SCAN_TIMEOUT)
    assert scan.outcome.status == "done"
    problems = scan.problems.toPlainText()
    assert "fake.jpg" in problems and "huge.jpg" in problems
    assert "Traceback" not in problems
    rows = scan.model.tallies()
    assert rows[0].errors + rows[0].skipped == 2
    assert scan.model.data(scan.model.index(0, 0), STATE_ROLE) == "done"


def test_model_on_its_own(qtmodeltester: Any) -> None:
    qtmodeltester.check(ScanSourcesModel())
