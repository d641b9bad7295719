"""Screenshots of the Letters screen in each state worth seeing: en/fr, light/dark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from .conftest import PASSPHRASE, sent_letter

pytestmark = [pytest.mark.models]


def test_letters_screenshots(
    window_factory: Any, screenshot: Any, qtbot: Any, gui_context: Any, dialogs: Any,
    meta_case: Any, tmp_path: Path,
) -> None:  # fmt: skip
    from faceaudit.store import Person

    sent_letter(meta_case, tmp_path, days_ago=45)
    empty = gui_context.case_store.create("empty", PASSPHRASE, person=Person(full_name="A"))
    empty.close()
    meta_case.close()
    for language in ("en", "fr"):
        for scheme in ("light", "dark"):
            window = window_factory(language=language, scheme=scheme)
            window.resize(1280, 900)
            window.show()
            qtbot.waitExposed(window)
            window.show_screen("letters")
            screen = window.screens["letters"]
            gui_context.open_case(gui_context.case_store.open("empty", PASSPHRASE))
            qtbot.waitUntil(lambda s=screen: s.loaded)
            screenshot(window, "letters-no-findings")

            gui_context.open_case(gui_context.case_store.open("camille", PASSPHRASE))
            qtbot.waitUntil(lambda s=screen: s.loaded and s.sites.rowCount() == 1)
            assert screen.select_site("instagram.com")
            options = screen.wizard.options_box
            options.type_box.setCurrentIndex(options.type_box.findData("erasure"))
            qtbot.mouseClick(screen.wizard.preview_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda s=screen: bool(s.wizard.preview.toPlainText()))
            screenshot(window, "letters-preview")

            wizard = screen.wizard
            dialogs.save_files.append(str(tmp_path / f"{language}-{scheme}" / "erasure.pdf"))
            qtbot.mouseClick(wizard.export_buttons["pdf"], Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda w=wizard: w.saved is not None and not w.busy)
            qtbot.mouseClick(wizard.send_box.button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda w=wizard: w.sent_letter is not None)
            scroll = wizard.parentWidget().parentWidget()
            scroll.ensureWidgetVisible(wizard.send_box)
            screenshot(window, "letters-saved-and-sent")

            screen.tabs.setCurrentIndex(1)
            qtbot.waitUntil(lambda s=screen: s.tracker.model.rowCount() >= 2)
            screen.tracker.select(1)
            qtbot.waitUntil(lambda s=screen: s.tracker.details.details is not None)
            screenshot(window, "letters-tracker-overdue")

            # The request answered, with the operator's reply kept in the case.
            tracker, sent = screen.tracker, wizard.sent_letter
            tracker.select(sent)
            steps = tracker.steps
            steps.step_box.setCurrentIndex(steps.step_box.findData("answered"))
            reply = tmp_path / f"reply-{language}-{scheme}.pdf"
            reply.write_bytes(b"%PDF-1.4 reply")
            steps.set_reply(reply)
            steps.outcome_box.setCurrentIndex(steps.outcome_box.findData("partly"))
            qtbot.mouseClick(steps.record_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(
                lambda t=tracker, n=sent: t.model.items[t.model.row_of(n)].status == "answered"
            )
            tracker.select(sent)
            qtbot.waitUntil(lambda t=tracker: t.details.replies.count() == 1
                            and t.details.details is not None)  # fmt: skip
            screenshot(window, "letters-tracker-answered")
            window.close()
