"""Clinic > Case passphrase: give a clinic case its own passphrase (for a hand-off), change
it; nothing without an open case; a wrong current passphrase changes nothing."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt

from faceaudit.gui.clinic.case_passphrase import CasePassphrasePanel
from faceaudit.gui.clinic.view import ClinicScreen
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow
from faceaudit.store import KEY_FILE, Argon2Params

CLINIC = "orange kettle violin harbour"
OWN = "seven quiet lanterns drifting"


def panel_of(window: MainWindow) -> CasePassphrasePanel:
    window.show_screen("clinic")
    screen = window.screens["clinic"]
    assert isinstance(screen, ClinicScreen)
    screen.show_panel("case-passphrase")
    panel = screen.panels["case-passphrase"]
    assert isinstance(panel, CasePassphrasePanel)
    return panel


def fill(qtbot: Any, panel: CasePassphrasePanel, current: str, new: str) -> None:
    for edit, text in (
        (panel.current_edit, current),
        (panel.new_edit, new),
        (panel.repeat_edit, new),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_give_a_clinic_case_its_own_passphrase(
    main_window: MainWindow, gui_context: GuiContext, qtbot: Any, screenshot: Any
) -> None:
    panel = panel_of(main_window)
    assert "Open a case to change its passphrase" in panel.status_label.text()
    assert not panel.current_edit.isEnabled() and not panel.submit_button.isEnabled()

    store = gui_context.case_store
    store.clinic.kdf = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)  # cheap
    store.clinic.init(CLINIC)
    with qtbot.waitSignal(gui_context.case_opened):
        gui_context.open_case(store.create("client-01", CLINIC, under_clinic=True))
    qtbot.waitUntil(lambda: panel.kinds == ("clinic",))
    assert "opens only with the clinic passphrase" in panel.status_label.text()
    assert panel.submit_button.text() == "Give the case its own passphrase"
    key_path = store.case_dir("client-01") / KEY_FILE
    before = key_path.read_bytes()

    fill(qtbot, panel, "not the clinic passphrase", OWN)
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was changed" in panel.message_label.text(), timeout=30_000)
    assert key_path.read_bytes() == before

    fill(qtbot, panel, CLINIC, OWN)
    screenshot(panel, "clinic-case-passphrase")
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "now opens with its new passphrase" in panel.message_label.text(), timeout=30_000
    )
    assert "and the clinic passphrase" in panel.message_label.text()
    qtbot.waitUntil(lambda: panel.kinds == ("case", "clinic"))
    assert panel.current_edit.text() == panel.new_edit.text() == ""  # no secret kept
    assert {"own", "clinic"} <= json.loads(key_path.read_text()).keys()
    with store.open("client-01", OWN) as other:
        assert other.unlocked_with == "case"
    assert gui_context.case is not None and not gui_context.case.closed  # still open

    with qtbot.waitSignal(gui_context.case_closed):
        gui_context.close_case()
    assert not panel.submit_button.isEnabled()


def test_the_panel_in_french(window_factory: Any, qtbot: Any, screenshot: Any) -> None:
    for scheme in ("light", "dark"):
        window: MainWindow = window_factory("fr", scheme)
        window.show()
        panel = panel_of(window)
        screen = window.screens["clinic"]
        assert isinstance(screen, ClinicScreen)
        assert screen.tabs.tabText(screen.tabs.indexOf(panel)) == "Phrase secrète du dossier"
        assert "Ouvrez un dossier" in panel.status_label.text()
        label = panel.status_label
        qtbot.waitUntil(lambda lb=label: lb.height() >= lb.heightForWidth(lb.width()))
        screenshot(window, "clinic-case-passphrase-panel")
