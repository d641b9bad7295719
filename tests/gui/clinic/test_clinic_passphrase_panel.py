"""Clinic > Clinic passphrase: set it up, change it (a wrong current one is said inline and
changes nothing), in English and French, light and dark."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from faceaudit.gui.clinic.passphrase import ClinicPassphrasePanel
from faceaudit.gui.clinic.view import ClinicScreen
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow

CLINIC = "orange kettle violin harbour"
NEW = "seven quiet lanterns drifting"


def fill(
    qtbot: Any, panel: ClinicPassphrasePanel, new: str, repeat: str, current: str = ""
) -> None:
    for edit, text in (
        (panel.current_edit, current),
        (panel.new_edit, new),
        (panel.repeat_edit, repeat),
    ):
        edit.clear()
        if text:
            qtbot.keyClicks(edit, text)


def clinic_panel(window: MainWindow) -> ClinicPassphrasePanel:
    window.show_screen("clinic")
    screen = window.screens["clinic"]
    assert isinstance(screen, ClinicScreen)
    screen.show_panel("passphrase")
    panel = screen.panels["passphrase"]
    assert isinstance(panel, ClinicPassphrasePanel)
    return panel


def test_set_up_then_change_the_clinic_passphrase(
    main_window: MainWindow, gui_context: GuiContext, qtbot: Any, screenshot: Any
) -> None:
    panel = clinic_panel(main_window)  # the window's English plural forms are loaded
    qtbot.waitUntil(lambda: panel.status is not None)
    assert "No clinic passphrase is set up" in panel.status_label.text()
    assert not panel.form.isRowVisible(panel.current_edit)
    assert panel.submit_button.text() == "Set up the clinic passphrase"

    fill(qtbot, panel, "short", "short")
    assert "Too short" in panel.strength_label.text() and not panel.submit_button.isEnabled()
    fill(qtbot, panel, CLINIC, CLINIC[:-1] + "X")
    assert "differ" in panel.message_label.text() and not panel.submit_button.isEnabled()
    fill(qtbot, panel, CLINIC, CLINIC)
    assert panel.submit_button.isEnabled()
    screenshot(panel, "clinic-passphrase-setup")
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is set up. New cases" in panel.message_label.text(), timeout=30_000)
    store = gui_context.case_store
    assert store.clinic.exists()
    qtbot.waitUntil(lambda: panel.set_up)
    assert "A clinic passphrase is set up" in panel.status_label.text()
    assert "It opens 0 cases." in panel.status_label.text()
    assert panel.form.isRowVisible(panel.current_edit)
    assert panel.new_edit.text() == "" and panel.repeat_edit.text() == ""  # no secret kept

    store.create("client-01", CLINIC, under_clinic=True).close()
    store.create("walk-in", "a passphrase of its own").close()
    panel.refresh()
    qtbot.waitUntil(lambda: "It opens 1 case." in panel.status_label.text())
    assert "1 case has only a passphrase of its own." in panel.status_label.text()

    before = store.clinic.key_path.read_bytes()
    fill(qtbot, panel, NEW, NEW, current="not the clinic passphrase")
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not the current clinic passphrase" in panel.message_label.text())
    assert store.clinic.key_path.read_bytes() == before
    assert panel.submit_button.isEnabled()  # the person can try again

    fill(qtbot, panel, NEW, NEW, current=CLINIC)
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "was changed" in panel.message_label.text(), timeout=30_000)
    with store.open("client-01", NEW) as case:
        assert case.unlocked_with == "clinic"
    screenshot(panel, "clinic-passphrase-change")


def test_a_damaged_clinic_key_is_said_in_words(gui_context: GuiContext, qtbot: Any) -> None:
    key_path = gui_context.app.paths.clinic_key
    key_path.parent.mkdir(mode=0o700)
    key_path.write_bytes(b"not a key file")
    panel = ClinicPassphrasePanel(gui_context)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.status_label.property("state") == "bad")
    assert "clinic key file" in panel.status_label.text() and "backup" in panel.status_label.text()
    assert not panel.submit_button.isEnabled()


def test_the_panel_is_a_tab_of_the_clinic_screen_in_french(
    window_factory: Any, qtbot: Any, screenshot: Any
) -> None:
    words = {
        "en": ("Clinic passphrase", "No clinic passphrase", "Set up the clinic passphrase"),
        "fr": (
            "Phrase secrète de la clinique",
            "Aucune phrase secrète de clinique",
            "Configurer la phrase secrète de la clinique",
        ),
    }
    for language in ("en", "fr"):
        for scheme in ("light", "dark"):
            window: MainWindow = window_factory(language, scheme)
            window.show()
            panel = clinic_panel(window)
            screen = window.screens["clinic"]
            assert isinstance(screen, ClinicScreen)
            tab, status, button = words[language]
            assert screen.tabs.tabText(screen.tabs.indexOf(panel)) == tab
            qtbot.waitUntil(lambda p=panel: p.status is not None)
            assert status in panel.status_label.text()
            assert panel.submit_button.text() == button
            label = panel.status_label  # laid out again for its new words before the picture
            qtbot.waitUntil(lambda lb=label: lb.height() >= lb.heightForWidth(lb.width()))
            screenshot(window, "clinic-passphrase-panel")
