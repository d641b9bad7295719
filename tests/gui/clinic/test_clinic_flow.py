"""A caseworker's day in the window: two clients (one under the clinic passphrase, one with
its own), switching between them without one showing the other's data, the client's report,
and a hand-off exported and imported through the Clinic screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from faceaudit.gui.cases.view import CasesScreen
from faceaudit.gui.clinic.handoff import HandoffPanel
from faceaudit.gui.clinic.view import ClinicScreen
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.sources.model import URL_ROLE
from faceaudit.store import Argon2Params, Person

CLINIC = "orange kettle violin harbour"
OWN = "violet tractor spoon orbit"
EXPORT = "sealed envelope by courier"
CHEAP_ARGON2 = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)


def unlock(qtbot: Any, window: MainWindow, name: str, passphrase: str) -> None:
    window.show_screen("cases")
    cases = window.screens["cases"]
    assert isinstance(cases, CasesScreen)
    qtbot.waitUntil(lambda: cases.model.row_of(name) >= 0)
    dialog = cases.unlock(name)
    dialog.passphrase_edit.setText(passphrase)
    with qtbot.waitSignal(window.context.case_opened, timeout=30_000):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert window.context.case is not None and window.context.case.name == name


def source_urls(window: MainWindow, qtbot: Any, expected: int) -> list[str]:
    window.show_screen("sources")
    model = window.screens["sources"].model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == expected)
    return [model.index(row, 0).data(URL_ROLE) for row in range(model.rowCount())]


def log_actions(panel: Any) -> list[str]:
    return [panel.model.index(row, 3).data() for row in range(panel.model.rowCount())]


def clinic_panel(window: MainWindow, key: str) -> Any:
    window.show_screen("clinic")
    screen = window.screens["clinic"]
    assert isinstance(screen, ClinicScreen)
    screen.show_panel(key)
    return screen.panels[key]


def test_two_clients_a_report_and_a_hand_off(
    main_window: MainWindow,
    gui_context: GuiContext,
    dialogs: Any,
    qtbot: Any,
    tmp_path: Path,
    screenshot: Any,
) -> None:
    store = gui_context.case_store
    store.clinic.kdf = CHEAP_ARGON2
    store.clinic.init(CLINIC)
    with store.create("client-a", CLINIC, under_clinic=True, person=Person(full_name="Ana A")):
        pass
    with store.create("client-b", OWN, person=Person(full_name="Bo B")) as case:
        case.add_sources(["http://127.0.0.1:9/b-gallery.html"])
    gui_context.cases_changed.emit()

    # Client A, with the clinic passphrase: its source, and none of B's.
    unlock(qtbot, main_window, "client-a", CLINIC)
    gui_context.case.add_sources(["http://127.0.0.1:9/a-profile.html"])  # type: ignore[union-attr]
    gui_context.sources_changed.emit()
    assert source_urls(main_window, qtbot, 1) == ["http://127.0.0.1:9/a-profile.html"]
    audit = clinic_panel(main_window, "audit")
    qtbot.waitUntil(lambda: audit.model.rowCount() >= 3)
    assert audit.model.index(audit.model.rowCount() - 1, 3).data() == "Source added"

    # Switching to B closes A first: only B's source, B's log.
    unlock(qtbot, main_window, "client-b", OWN)
    assert source_urls(main_window, qtbot, 1) == ["http://127.0.0.1:9/b-gallery.html"]

    # B's report for the client.
    report = clinic_panel(main_window, "report")
    qtbot.waitUntil(lambda: report.loaded)
    report.format_box.setCurrentIndex(report.format_box.findData("html"))
    page = tmp_path / "client-b-report.html"
    dialogs.save_files.append(str(page))
    qtbot.mouseClick(report.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: report.made is not None, timeout=30_000)
    written = page.read_text("utf-8")
    assert "b-gallery.html" in written and "a-profile.html" not in written

    # Hand B over to another clinic, to an export passphrase, with the client's consent.
    handoff = clinic_panel(main_window, "handoff")
    assert isinstance(handoff, HandoffPanel)
    assert not handoff.export_button.isEnabled()  # no key, passphrase or consent yet
    handoff.to_passphrase_radio.setChecked(True)
    handoff.export_passphrase_edit.setText(EXPORT)
    handoff.export_repeat_edit.setText(EXPORT)
    assert not handoff.export_button.isEnabled()
    assert "consent" in (handoff.export_problem() or "")
    handoff.consent_box.setChecked(True)
    handoff.consent_edit.setText("signed form, 2 December 2026")
    assert handoff.export_button.isEnabled()
    sent = tmp_path / "client-b.age"
    dialogs.save_files.append(str(sent))
    qtbot.mouseClick(handoff.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Exported to" in handoff.export_message.text(), timeout=60_000)
    assert sent.is_file() and EXPORT.encode() not in sent.read_bytes()
    screenshot(handoff, "clinic-handoff")

    # B's log says the client agreed and the case left (the file holds the case as it was).
    b_log = clinic_panel(main_window, "audit")
    b_log.reload()
    qtbot.waitUntil(lambda: "Case exported (hand-off)" in log_actions(b_log))
    assert "Client's consent recorded" in log_actions(b_log)

    # A wrong export passphrase imports nothing and says so.
    names_before = {row.name for row in store.list()}
    dialogs.open_files.append([str(sent)])
    qtbot.mouseClick(handoff.choose_button, Qt.MouseButton.LeftButton)
    handoff.import_passphrase_edit.setText("not the passphrase at all")
    handoff.case_passphrase_edit.setText(OWN)
    handoff.new_name_edit.setText("client-b-copy")
    qtbot.mouseClick(handoff.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: handoff.import_message.property("state") == "bad", timeout=60_000)
    assert {row.name for row in store.list()} == names_before

    # The right one: the copy is listed, opens with B's passphrase, holds B's source.
    handoff.import_passphrase_edit.setText(EXPORT)
    handoff.case_passphrase_edit.setText(OWN)
    qtbot.mouseClick(handoff.import_button, Qt.MouseButton.LeftButton)
    imported = "Imported as client-b-copy"
    qtbot.waitUntil(lambda: imported in handoff.import_message.text(), timeout=60_000)
    unlock(qtbot, main_window, "client-b-copy", OWN)
    assert source_urls(main_window, qtbot, 1) == ["http://127.0.0.1:9/b-gallery.html"]
    copy_log = clinic_panel(main_window, "audit")
    qtbot.waitUntil(lambda: "Case imported (hand-off)" in log_actions(copy_log))
    assert "Report made" in log_actions(copy_log)  # B's history came along
