"""The Clinic screen's Report panel: the report made off the GUI thread, opened, refused
plainly; promised erasures listed and re-checked against a real loopback site."""

from __future__ import annotations

import datetime as dt
import stat
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from faceaudit.gui.clinic.report import ReportPanel
from faceaudit.letters import corrections, tracking
from faceaudit.letters.directory import Operator


def _pdf_text(path: Path) -> str:
    reader = PdfReader(BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def _promise(case: Any, findings: tuple[int, ...]) -> int:
    """An erasure request about ``findings``, sent, answered "complied" today."""
    letter = tracking.record_letter(
        case,
        letter_type="erasure",
        jurisdiction="eu",
        language="en",
        operator=Operator(slug="example", name="Example Ltd"),
        finding_ids=findings,
    )
    tracking.mark_sent(case, letter, dt.date.today() - dt.timedelta(days=10), "email")
    corrections.record_outcome(case, letter, "complied", dt.date.today())
    return letter


@pytest.fixture
def panel(gui_context: Any, qtbot: Any) -> ReportPanel:
    widget = ReportPanel(gui_context)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def test_without_a_case_it_says_what_it_needs(panel: ReportPanel) -> None:
    assert not panel.need_case.isHidden()
    assert "Open a client's case" in panel.need_case.text()
    assert not panel.make_button.isEnabled()
    assert not panel.recheck_button.isVisible()


def test_makes_the_report_off_the_gui_thread_and_opens_it(
    panel: ReportPanel, opened_case: Any, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: panel.loaded)
    assert panel.need_case.isHidden() and panel.make_button.isEnabled()
    assert not panel.no_promise.isHidden()  # no erasure promised yet: said in words
    target = tmp_path / "camille.pdf"
    dialogs.save_files.append(str(target))
    qtbot.mouseClick(panel.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.made is not None, timeout=30_000)
    suggested = dialogs.last("save_file").text
    assert suggested.endswith(".pdf") and "/exports/camille/" in suggested
    message = panel.report_message.text()
    assert "written to" in message and str(target) in message
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Exposure report" in _pdf_text(target)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert dialogs.opened_urls == [str(target)]

    # HTML in French, chosen in the panel.
    panel.format_box.setCurrentIndex(panel.format_box.findData("html"))
    panel.language_box.setCurrentIndex(panel.language_box.findData("fr"))
    page = tmp_path / "rapport"
    dialogs.save_files.append(str(page))
    panel.made = None
    qtbot.mouseClick(panel.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.made is not None, timeout=30_000)
    written = page.with_suffix(".html")
    assert "<h1>Rapport d&#x27;exposition</h1>" in written.read_text("utf-8")


def test_a_place_that_cannot_be_written_is_said_inline(
    panel: ReportPanel, opened_case: Any, dialogs: Any, qtbot: Any, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: panel.loaded)
    dialogs.save_files.append(str(tmp_path / "missing" / "r.pdf"))
    qtbot.mouseClick(panel.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy and panel.report_message.property("state") == "bad")
    assert "does not exist; nothing was written" in panel.report_message.text()
    assert dialogs.kinds() == ["save_file"]  # no traceback, no crash dialog
    assert panel.make_button.isEnabled()


@pytest.mark.models
def test_recheck_after_a_promised_erasure(
    window_factory: Any, screenshot: Any, gui_context: Any, opened_case: Any, qtbot: Any,
    real_engine: Any, gui_scan_engine: Any, folder_site: Any, person_photos: Any,
) -> None:  # fmt: skip
    from faceaudit.scan.pipeline import ScanSettings
    from faceaudit.scan.runs import scan_case, web_collector

    case = opened_case
    photo = person_photos["obama"][0].read_bytes()
    (reference,) = gui_scan_engine.enrol([("me.jpg", photo)])
    case.add_reference("me.jpg", photo, reference)
    folder_site.add("img/me.jpg", person_photos["obama"][1].read_bytes())
    page = folder_site.add("team.html", b'<html><body><img src="img/me.jpg"></body></html>')
    case.add_sources([page])
    paths = gui_context.app.paths
    assert scan_case(gui_scan_engine, case, web_collector(paths), ScanSettings()).status == "done"
    [finding] = case.findings()
    case.review(finding.id, "confirmed")
    with case.connection() as conn:  # that scan ran before the operator's answer
        conn.execute("UPDATE scans SET started_at = '2026-01-05T10:00:00Z'")
    letter = _promise(case, (finding.id,))
    gui_context.requests_changed.emit()

    for language, scheme in (("en", "light"), ("fr", "dark"), ("fr", "light"), ("en", "dark")):
        window = window_factory(language=language, scheme=scheme)
        window.resize(1200, 860)
        window.show()
        qtbot.waitExposed(window)
        window.show_screen("clinic")
        clinic = window.screens["clinic"]
        clinic.show_panel("report")
        panel = clinic.panels["report"]
        qtbot.waitUntil(lambda p=panel: p.loaded and p.model.rowCount() == 1)
        answer = " ".join(
            str(panel.model.index(0, column).data()) for column in range(panel.model.columnCount())
        )
        assert dt.date.today().isoformat() not in answer  # the day as the language writes it
        screenshot(window, "clinic-report")
    # Another screen's signal (requests or findings changed) may have it read them again.
    qtbot.waitUntil(lambda: panel.loaded and panel.model.rowCount() == 1)
    assert panel.model.item(0, 0).text() == f"FA-{letter}"
    panel.table.selectRow(0)
    assert panel.recheck_button.isEnabled()

    # The operator did take the photo down: the page no longer shows it.
    folder_site.add("team.html", b"<html><body><p>Nothing here any more.</p></body></html>")
    qtbot.mouseClick(panel.recheck_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda p=panel: p.erasure_message.property("state") == "good", timeout=60_000)
    assert f"FA-{letter}" in panel.erasure_message.text()
    assert panel.model.item(0, 3).text().startswith("Erasure verified")
    screenshot(window, "clinic-report-verified")
