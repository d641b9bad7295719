"""Clinic > Retention: close the open case, the list of closed cases due for deletion, delete
one after the question (a receipt is kept), the receipts listed; nothing without a case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from faceaudit.gui.clinic.retention import RetentionPanel
from faceaudit.gui.clinic.view import ClinicScreen
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow
from faceaudit.store.receipts import read_receipts

PASSPHRASE = "correct horse battery staple"


def panel_of(window: MainWindow) -> RetentionPanel:
    window.show_screen("clinic")
    screen = window.screens["clinic"]
    assert isinstance(screen, ClinicScreen)
    screen.show_panel("retention")
    panel = screen.panels["retention"]
    assert isinstance(panel, RetentionPanel)
    return panel


def test_close_list_delete_and_receipts(
    main_window: MainWindow, gui_context: GuiContext, qtbot: Any, dialogs: Any, screenshot: Any
) -> None:
    panel = panel_of(main_window)
    qtbot.waitUntil(lambda: "Open a case" in panel.case_label.text())
    assert not panel.close_button.isEnabled()
    store = gui_context.case_store
    with qtbot.waitSignal(gui_context.case_opened):
        gui_context.open_case(store.create("client-03", PASSPHRASE))
    qtbot.waitUntil(lambda: panel.close_button.isEnabled())
    panel.outcome_box.setCurrentIndex(panel.outcome_box.findData("abandoned"))
    panel.days_box.setValue(0)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.due_model.rowCount() == 1)
    assert panel.reopen_button.isEnabled() and "was closed" in panel.case_label.text()
    assert panel.due_model.item(0, 0).text() == "client-03"
    assert panel.due_model.item(0, 2).text() == "Abandoned"
    screenshot(panel, "clinic-retention")

    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert "Choose a case" in panel.message_label.text()
    panel.due_view.selectRow(0)
    dialogs.answers.append(False)  # "No": nothing is deleted
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert store.exists("client-03")
    dialogs.answers.append(True)
    with qtbot.waitSignal(gui_context.case_closed):
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "was deleted" in panel.message_label.text(), timeout=20_000)
    qtbot.waitUntil(lambda: panel.receipt_model.rowCount() == 1)
    assert not store.exists("client-03") and panel.due_model.rowCount() == 0
    receipt = read_receipts(gui_context.app.paths.base).receipts[0]
    assert panel.receipt_model.item(0, 1).text() == receipt.case_id
