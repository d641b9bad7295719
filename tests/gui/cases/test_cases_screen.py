"""The Cases screen end to end: create, lock, open (wrong passphrase, retry), delete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from faceaudit.gui.cases.view import CasesScreen
from faceaudit.gui.cases.widgets import CreateCaseDialog, UnlockDialog
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow

from ..conftest import RecordingDialogs

PASSPHRASE = "violet tractor spoon orbit"


def cases_screen(window: MainWindow) -> CasesScreen:
    window.show_screen("cases")
    screen = window.screens["cases"]
    assert isinstance(screen, CasesScreen)
    return screen


def create_case(qtbot: Any, screen: CasesScreen, name: str = "camille") -> CreateCaseDialog:
    dialog = screen.new_case()
    form = dialog.form
    qtbot.keyClicks(form.name_edit, name)
    form.full_name_edit.setText("Camille Martin")
    form.email_edit.setText("camille@example.org")
    qtbot.keyClicks(form.passphrase_edit, "short")
    assert "Too short" in form.strength_label.text()
    assert not form.create_button.isEnabled()
    form.passphrase_edit.setText(PASSPHRASE)
    assert form.strength_label.property("state") in ("good", "warn")
    qtbot.keyClicks(form.confirm_edit, PASSPHRASE[:-1] + "X")
    assert "differ" in form.error_label.text()
    assert not form.create_button.isEnabled()
    form.confirm_edit.setText(PASSPHRASE)
    assert form.create_button.isEnabled()
    assert "no recovery" in form.warning_label.text()
    return dialog


def test_create_lock_open_and_delete(
    main_window: MainWindow,
    gui_context: GuiContext,
    dialogs: RecordingDialogs,
    qtbot: Any,
    sandbox_home: Path,
    screenshot: Any,
) -> None:
    screen = cases_screen(main_window)
    qtbot.waitUntil(lambda: screen.empty_label.isVisible())
    dialog = create_case(qtbot, screen)
    screenshot(dialog, "cases-new")
    with qtbot.waitSignal(gui_context.case_opened, timeout=30_000):
        qtbot.mouseClick(dialog.form.create_button, Qt.MouseButton.LeftButton)
    assert gui_context.case is not None and gui_context.case.name == "camille"
    assert gui_context.case.person.full_name == "Camille Martin"
    assert main_window.current_key() == "me"  # next step: the reference photos
    assert not dialog.isVisible()

    main_window.show_screen("cases")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert "open" in screen.status_label.text()
    screenshot(main_window, "cases-open")

    # Lock: the case closes and every screen hears it.
    with qtbot.waitSignal(gui_context.case_closed):
        qtbot.mouseClick(screen.lock_button, Qt.MouseButton.LeftButton)
    assert gui_context.case is None

    # Open with a wrong passphrase: said inline, and the person can try again.
    qtbot.waitUntil(lambda: screen.selected_name() == "camille")
    unlock = screen.open_selected()
    assert isinstance(unlock, UnlockDialog)
    qtbot.keyClicks(unlock.passphrase_edit, "not the passphrase")
    qtbot.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "does not open" in unlock.error_label.text(), timeout=30_000)
    assert unlock.isVisible() and unlock.passphrase_edit.isEnabled()
    assert gui_context.case is None
    label = unlock.error_label  # the whole message is shown, not clipped by the dialog
    assert label.height() >= label.heightForWidth(label.width())
    screenshot(unlock, "cases-wrong-passphrase")
    unlock.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(gui_context.case_opened, timeout=30_000):
        qtbot.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    assert not unlock.isVisible()

    # Nothing secret in the window's settings.
    gui_context.settings.sync()
    settings_text = Path(gui_context.settings.fileName()).read_text(encoding="utf-8")
    assert PASSPHRASE not in settings_text
    assert "camille@example.org" not in settings_text

    # Delete: the question says exactly what goes; "No" keeps everything.
    case_dir = sandbox_home / "cases" / "camille"
    assert case_dir.is_dir()
    qtbot.waitUntil(lambda: screen.selected_name() == "camille")
    assert not screen.delete_selected()
    question = dialogs.last("question").text
    for words in ("camille", "reference photo", "cannot be undone", "not even with the passphrase"):
        assert words in question
    assert case_dir.is_dir()
    dialogs.answers.append(True)
    assert screen.delete_selected()
    qtbot.waitUntil(lambda: not case_dir.exists(), timeout=30_000)
    assert gui_context.case is None
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)


def test_create_refuses_a_taken_name_inline(
    main_window: MainWindow, gui_context: GuiContext, qtbot: Any
) -> None:
    screen = cases_screen(main_window)
    first = create_case(qtbot, screen, "sam")
    with qtbot.waitSignal(gui_context.case_opened, timeout=30_000):
        first.form.create_button.click()
    second = create_case(qtbot, screen, "sam")
    second.form.create_button.click()
    qtbot.waitUntil(lambda: "already exists" in second.form.error_label.text(), timeout=30_000)
    assert second.isVisible()
    assert second.form.create_button.isEnabled()  # fix the name and try again
    assert gui_context.case is not None and gui_context.case.name == "sam"


def test_opening_is_keyboard_only(
    main_window: MainWindow, gui_context: GuiContext, qtbot: Any
) -> None:
    screen = cases_screen(main_window)
    dialog = create_case(qtbot, screen, "kim")
    with qtbot.waitSignal(gui_context.case_opened, timeout=30_000):
        qtbot.keyClick(dialog.form.confirm_edit, Qt.Key.Key_Return)
    gui_context.close_case()
    main_window.show_screen("cases")
    qtbot.waitUntil(lambda: screen.selected_name() == "kim")
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(screen.dialog, UnlockDialog) and screen.dialog.isVisible())
    unlock = screen.dialog
    qtbot.keyClicks(unlock.passphrase_edit, PASSPHRASE)
    with qtbot.waitSignal(gui_context.case_opened, timeout=30_000):
        qtbot.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
