"""Start-up builds the first screen only; the others are built when first shown."""

from __future__ import annotations

from typing import Any

from faceaudit.gui.context import GuiContext
from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.screens import SCREENS


def test_only_the_first_screen_is_built_until_another_is_shown(
    main_window: MainWindow, qtbot: Any
) -> None:
    assert list(main_window.screens.built()) == ["cases"]
    assert "letters" in main_window.screens  # registered, not built
    with qtbot.waitSignal(main_window.screen_shown):
        main_window.show_screen("letters")
    assert "letters" in main_window.screens.built()
    assert main_window.stack.currentWidget() is main_window.screens["letters"]
    assert main_window.stack.count() == len(main_window.screens)


def test_navigation_titles_match_the_screens_own(main_window: MainWindow) -> None:
    for row, entry in enumerate(e for e in SCREENS if e.key in main_window.screens):
        screen_class = entry.load()
        assert main_window.navigation.item(row).text() == screen_class.title() == entry.title()


def test_a_screen_built_after_the_case_opened_shows_that_case(
    main_window: MainWindow, opened_case: Any, qtbot: Any
) -> None:
    assert "sources" not in main_window.screens.built()
    main_window.show_screen("sources")
    sources = main_window.screens["sources"]
    qtbot.waitUntil(lambda: sources.add_button.isEnabled())


def test_work_held_until_the_window_is_shown_runs_once_then(gui_context: GuiContext) -> None:
    done: list[str] = []
    gui_context.hold_until_shown()
    gui_context.when_shown(lambda: done.append("listed"))
    assert done == []
    gui_context.shown()
    assert done == ["listed"]
    gui_context.when_shown(lambda: done.append("later"))
    assert done == ["listed", "later"]
