"""Clinic > Audit log: the open case's log in a table model, its chain's state in words (a
tampered file is named), the CSV export; nothing without a case; due deletions at start-up."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt

from faceaudit.gui.application import announce_due_deletions
from faceaudit.gui.clinic.audit import AuditPanel
from faceaudit.gui.clinic.view import ClinicScreen
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow
from faceaudit.store import DB_FILE

PASSPHRASE = "correct horse battery staple"


def panel_of(window: MainWindow) -> AuditPanel:
    window.show_screen("clinic")
    screen = window.screens["clinic"]
    assert isinstance(screen, ClinicScreen)
    screen.show_panel("audit")
    panel = screen.panels["audit"]
    assert isinstance(panel, AuditPanel)
    return panel


def test_the_log_its_state_and_the_csv_export(
    main_window: MainWindow,
    gui_context: GuiContext,
    qtbot: Any,
    qtmodeltester: Any,
    dialogs: Any,
    sandbox_home: Path,
    screenshot: Any,
) -> None:
    panel = panel_of(main_window)
    assert "Open a case" in panel.state_label.text() and not panel.export_button.isEnabled()
    store = gui_context.case_store
    store.caseworker = "Volunteer Sam"
    case = store.create("client-02", PASSPHRASE)
    case.add_sources(["http://127.0.0.1:9/a.html"])
    with qtbot.waitSignal(gui_context.case_opened):
        gui_context.open_case(case)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    qtmodeltester.check(panel.model)
    assert "intact: 2 entries" in panel.state_label.text()
    assert panel.model.index(1, 3).data() == "Source added"  # the action in words
    assert panel.model.index(1, 2).data() == "Volunteer Sam"
    screenshot(panel, "clinic-audit")

    target = sandbox_home / "out" / "log.csv"
    dialogs.save_files.append(str(target))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved 2 entries" in panel.message_label.text())
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert [r["action"] for r in rows] == ["case_created", "source_added"]
    assert target.stat().st_mode & 0o077 == 0

    # Someone edits the file without the passphrase: the next check names the entry.
    conn = sqlite3.connect(case.directory / DB_FILE)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET caseworker = 'nobody' WHERE seq = 2")
    conn.commit()
    conn.close()
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "broken at entry 2" in panel.state_label.text())
    assert panel.state_label.property("state") == "bad"
    screenshot(panel, "clinic-audit-broken")

    with qtbot.waitSignal(gui_context.case_closed):
        gui_context.close_case()
    assert "Open a case" in panel.state_label.text() and panel.model.rowCount() == 0


def test_start_up_says_which_closed_cases_are_due_for_deletion(
    main_window: MainWindow, gui_context: GuiContext, qtbot: Any
) -> None:
    store = gui_context.case_store
    with store.create("old-client", PASSPHRASE) as case:
        case.mark_closed("done", retention_days=0)
    with store.create("kept-client", PASSPHRASE) as case:
        case.mark_closed("done", retention_days=30)
    main_window.statusBar().clearMessage()
    announce_due_deletions(main_window)
    qtbot.waitUntil(lambda: "due for deletion" in main_window.statusBar().currentMessage())
    message = main_window.statusBar().currentMessage()
    assert "1 case due for deletion: old-client." in message and "kept-client" not in message


def test_the_deletion_notice_and_the_due_requests_notice_both_stay(
    main_window: MainWindow, gui_context: GuiContext, qtbot: Any
) -> None:
    from faceaudit.gui.application import say

    store = gui_context.case_store
    with store.create("old-client", PASSPHRASE) as case:
        case.mark_closed("done", retention_days=0)
    announce_due_deletions(main_window)
    qtbot.waitUntil(lambda: "due for deletion" in main_window.statusBar().currentMessage())
    say(main_window, "requests", "2 request(s) overdue")  # as the requests' reader says it
    message = main_window.statusBar().currentMessage()
    assert "due for deletion" in message and "2 request(s) overdue" in message
    say(main_window, "requests", "")  # nothing due any more: only the deletions remain
    assert main_window.statusBar().currentMessage().startswith("1 case due for deletion")


def test_the_log_reads_in_french(window_factory: Any, gui_context: GuiContext, qtbot: Any) -> None:
    window = window_factory("fr")
    window.show_screen("clinic")
    panel = window.screens["clinic"].panels["audit"]  # type: ignore[attr-defined]
    case = gui_context.case_store.create("client-05", PASSPHRASE)
    case.add_sources(["http://127.0.0.1:9/a.html"])
    with qtbot.waitSignal(gui_context.case_opened):
        gui_context.open_case(case)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.model.index(1, 3).data() == "Source ajoutée"
    when = panel.model.index(1, 1).data()  # local time, the month as French writes it
    month = QLocale(QLocale.Language.French).monthName(
        dt.date.today().month, QLocale.FormatType.ShortFormat
    )
    assert month in when and "T" not in when
