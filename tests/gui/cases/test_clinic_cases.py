"""The Cases screen with a clinic passphrase: create a case under it or with its own, open
each with the passphrase it takes (the dialog says which), switch between clients."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt

from faceaudit.gui.cases.view import CasesScreen
from faceaudit.gui.cases.widgets import CreateCaseDialog, UnlockDialog
from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow
from faceaudit.store import KEY_FILE, Argon2Params, CaseStore

CLINIC = "orange kettle violin harbour"
OWN = "violet tractor spoon orbit"
CHEAP_ARGON2 = Argon2Params(time_cost=1, memory_kib=64, parallelism=1)


def cases_screen(window: MainWindow) -> CasesScreen:
    window.show_screen("cases")
    screen = window.screens["cases"]
    assert isinstance(screen, CasesScreen)
    return screen


def set_up_clinic(context: GuiContext) -> CaseStore:
    # The window's store, with a cheap Argon2id for the clinic key (the app keeps RFC 9106's).
    store = context.case_store
    store.clinic.kdf = CHEAP_ARGON2
    store.clinic.init(CLINIC)
    return store


def create(qtbot: Any, screen: CasesScreen, name: str, passphrase: str, *, clinic: bool) -> None:
    dialog = screen.new_case()
    form = dialog.form
    qtbot.keyClicks(form.name_edit, name)
    (form.clinic_radio if clinic else form.own_radio).setChecked(True)
    qtbot.keyClicks(form.passphrase_edit, passphrase)
    if not clinic:
        qtbot.keyClicks(form.confirm_edit, passphrase)
    assert form.create_button.isEnabled()
    with qtbot.waitSignal(screen.context.case_opened, timeout=30_000):
        qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)


def unlock(qtbot: Any, screen: CasesScreen, name: str, passphrase: str) -> UnlockDialog:
    dialog = screen.unlock(name)
    dialog.passphrase_edit.setText(passphrase)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    return dialog


def test_without_a_clinic_key_the_choice_is_not_offered(
    main_window: MainWindow, qtbot: Any
) -> None:
    screen = cases_screen(main_window)
    dialog = screen.new_case()
    assert isinstance(dialog, CreateCaseDialog)
    form = dialog.form
    assert not form.form_layout.isRowVisible(form.lock_row)
    assert screen.table.isColumnHidden(screen.model.COLUMNS.index("opens_with"))
    assert not form.uses_clinic()
    assert form.form_layout.isRowVisible(form.confirm_edit)
    dialog.reject()


def test_clinic_and_own_cases_side_by_side(
    main_window: MainWindow, gui_context: GuiContext, qtbot: Any, screenshot: Any
) -> None:
    store = set_up_clinic(gui_context)
    screen = cases_screen(main_window)

    dialog = screen.new_case()
    form = dialog.form
    assert form.form_layout.isRowVisible(form.lock_row) and form.uses_clinic()  # the default
    assert not form.form_layout.isRowVisible(form.confirm_edit)
    assert form.passphrase_label.text() == "Clinic &passphrase:"
    assert "clinic passphrase opens no case created with its own" in form.lock_hint.text()
    qtbot.keyClicks(form.name_edit, "client-01")
    qtbot.keyClicks(form.passphrase_edit, "not the clinic passphrase")
    screenshot(dialog, "cases-new-clinic")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not the clinic passphrase" in form.error_label.text())
    assert not store.exists("client-01") and dialog.isVisible()
    form.own_radio.setChecked(True)  # the other choice: its own passphrase, typed twice
    assert form.form_layout.isRowVisible(form.confirm_edit)
    assert form.passphrase_label.text() == "&Passphrase:"
    dialog.reject()

    create(qtbot, screen, "client-01", CLINIC, clinic=True)
    key = json.loads((store.case_dir("client-01") / KEY_FILE).read_text())
    assert key["version"] == 2 and "clinic" in key and "own" not in key
    main_window.show_screen("cases")
    create(qtbot, screen, "walk-in", OWN, clinic=False)
    assert json.loads((store.case_dir("walk-in") / KEY_FILE).read_text())["version"] == 1
    gui_context.close_case()

    # Switch between the clients: each opens with its own kind of passphrase, and only that.
    main_window.show_screen("cases")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    column = screen.model.COLUMNS.index("opens_with")
    assert not screen.table.isColumnHidden(column)  # a clinic case is listed: the column shows
    assert screen.model.headerData(column, Qt.Orientation.Horizontal) == "Opens with"
    opens_with = {
        screen.model.index(row, 0).data(): screen.model.index(row, column).data()
        for row in range(2)
    }
    assert opens_with == {"client-01": "the clinic passphrase", "walk-in": "its own passphrase"}
    screenshot(main_window, "cases-clinic-list")
    dialog_a = unlock(qtbot, screen, "client-01", OWN)
    assert "clinic passphrase (the case client-01 is locked under it)" in (
        dialog_a.prompt_label.text()
    )
    qtbot.waitUntil(lambda: "not the clinic passphrase" in dialog_a.error_label.text())
    dialog_a.passphrase_edit.setText(CLINIC)
    with qtbot.waitSignal(gui_context.case_opened, timeout=30_000):
        qtbot.mouseClick(dialog_a.open_button, Qt.MouseButton.LeftButton)
    case_a = gui_context.case
    assert case_a is not None and case_a.name == "client-01"
    assert case_a.unlocked_with == "clinic"

    main_window.show_screen("cases")
    dialog_b = unlock(qtbot, screen, "walk-in", CLINIC)
    assert dialog_b.prompt_label.text() == "Passphrase of the case walk-in:"
    qtbot.waitUntil(lambda: "does not open this case" in dialog_b.error_label.text())
    assert gui_context.case is case_a  # a failed opening leaves the open case alone
    dialog_b.passphrase_edit.setText(OWN)
    with qtbot.waitSignal(gui_context.case_opened, timeout=30_000):
        qtbot.mouseClick(dialog_b.open_button, Qt.MouseButton.LeftButton)
    assert gui_context.case is not None and gui_context.case.name == "walk-in"
    assert case_a.closed  # one case at a time: the other client's case is closed


def test_a_case_with_both_passphrases_says_either_opens_it(
    main_window: MainWindow, gui_context: GuiContext, qtbot: Any, screenshot: Any
) -> None:
    store = set_up_clinic(gui_context)
    store.create("client-02", CLINIC, under_clinic=True).close()
    store.change_passphrase("client-02", CLINIC, OWN)
    screen = cases_screen(main_window)
    screen.refresh()  # made behind the screen's back
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    dialog = unlock(qtbot, screen, "client-02", "neither of them at all")
    assert "or the clinic passphrase (either opens it)" in dialog.prompt_label.text()
    qtbot.waitUntil(lambda: "neither the case's passphrase nor" in dialog.error_label.text())
    screenshot(dialog, "cases-unlock-either")
    dialog.passphrase_edit.setText(OWN)
    with qtbot.waitSignal(gui_context.case_opened, timeout=30_000):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert gui_context.case is not None and gui_context.case.unlocked_with == "case"


def test_the_clinic_choice_in_french(
    window_factory: Any, gui_context: GuiContext, qtbot: Any, screenshot: Any
) -> None:
    set_up_clinic(gui_context)
    for scheme in ("light", "dark"):
        window: MainWindow = window_factory("fr", scheme)
        window.show()
        screen = cases_screen(window)
        dialog = screen.new_case()
        form = dialog.form
        assert form.clinic_radio.text() == "La phrase secrète de la c&linique"
        assert form.passphrase_label.text() == "&Phrase secrète de la clinique :"
        assert "propre clé" in form.lock_hint.text()
        screenshot(dialog, "cases-new-clinic")
        dialog.reject()


def test_the_cases_model_with_its_opens_with_column_passes_qt_checks(
    gui_context: GuiContext, qtmodeltester: Any
) -> None:
    from faceaudit.gui.cases.model import CasesModel
    from faceaudit.gui.cases.view import _cases_and_locks

    store = set_up_clinic(gui_context)
    store.create("client-01", CLINIC, under_clinic=True).close()
    store.create("walk-in", OWN).close()
    (store.case_dir("walk-in") / KEY_FILE).write_text("{}")  # damaged: listed, no lock shown
    rows, locks = _cases_and_locks(store)
    assert locks == {"client-01": ("clinic",)}
    model = CasesModel()
    model.set_cases(rows, locks)
    qtmodeltester.check(model)
    column = model.COLUMNS.index("opens_with")
    assert [model.index(r, column).data() for r in range(2)] == ["the clinic passphrase", ""]
