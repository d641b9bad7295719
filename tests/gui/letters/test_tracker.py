"""The tracker: overdue requests offer the reminder, then the complaint, pre-filled; drafts
are discarded, sent dates corrected, answers recorded; deadlines go to a .ics file; the
window says at start-up which requests are due or overdue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from faceaudit.gui.application import begin
from faceaudit.gui.letters.model import RequestsModel, SitesModel, format_date
from faceaudit.letters import corrections, tracking

from .conftest import PASSPHRASE, sent_letter
from .test_letter_wizard import open_screen, preview

pytestmark = [pytest.mark.models]


def test_overdue_offers_the_reminder_then_the_complaint(
    qtbot, window_factory, gui_context, dialogs, meta_case, tmp_path: Path
) -> None:
    first = sent_letter(meta_case, tmp_path, days_ago=60)
    screen = open_screen(qtbot, window_factory, gui_context, meta_case)
    tracker = screen.tracker
    assert tracker.model.rowCount() == 1
    assert tracker.model.index(0, RequestsModel.STATUS).data() == "⚠ Overdue"
    assert tracker.model.index(0, 0).data(RequestsModel.OVERDUE_ROLE) is True
    left = tracker.model.index(0, RequestsModel.LEFT).data()
    assert left.startswith("overdue by ") and left.endswith(" days")
    assert "1 request overdue" in tracker.banner.text()
    assert "draft the reminder" in tracker.banner.text()
    assert "1 request overdue" in screen.case_notice()

    tracker.select(first)
    assert tracker.reminder_button.isEnabled() and not tracker.complaint_button.isEnabled()
    qtbot.mouseClick(tracker.reminder_button, Qt.MouseButton.LeftButton)
    wizard = screen.wizard
    assert screen.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: not wizard.busy and bool(wizard.preview.toPlainText()))
    assert wizard.options_box.letter_type() == "reminder"
    assert f"Follows up FA-{first}" in wizard.options_box.follow_label.text()
    assert "Meta Platforms Ireland" in wizard.operator_box.summary.text()
    text = wizard.preview.toPlainText()
    assert f"FA-{first}" in text  # the reminder cites the request it follows up
    assert "attach them yourself" in wizard.export_message.text()  # the earlier letter
    assert "Keep proof that you sent this reminder" in wizard.export_message.text()

    dialogs.save_files.append(str(tmp_path / "reminder.txt"))
    qtbot.mouseClick(wizard.export_buttons["txt"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tracker.model.rowCount() == 2)
    reminder = tracker.model.items[1].letter
    assert reminder.letter_type == "reminder" and reminder.parent_request_id is not None

    # With the reminder drafted, the first request's next step is the complaint.
    tracker.select(first)
    assert tracker.complaint_button.isEnabled() and not tracker.reminder_button.isEnabled()
    qtbot.mouseClick(tracker.complaint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy and bool(wizard.preview.toPlainText()))
    assert wizard.options_box.letter_type() == "complaint"
    complaint = wizard.preview.toPlainText()
    assert "CNIL" in complaint or "Commission nationale" in complaint
    assert f"FA-{first}" in complaint


def test_discard_correct_and_record_the_answer(
    qtbot, window_factory, gui_context, dialogs, meta_case, tmp_path: Path
) -> None:
    sent = sent_letter(meta_case, tmp_path, days_ago=10)
    screen = open_screen(qtbot, window_factory, gui_context, meta_case)
    assert screen.select_site("instagram.com")
    preview(qtbot, screen)
    dialogs.save_files.append(str(tmp_path / "draft.txt"))
    qtbot.mouseClick(screen.wizard.export_buttons["txt"], Qt.MouseButton.LeftButton)
    tracker = screen.tracker
    qtbot.waitUntil(lambda: tracker.model.rowCount() == 2)
    draft = tracker.model.items[1].letter.id
    assert tracker.model.index(1, RequestsModel.STATUS).data() == "Draft, not sent"

    tracker.select(draft)
    assert tracker.discard_button.isEnabled() and not tracker.undo_button.isEnabled()
    qtbot.mouseClick(tracker.discard_button, Qt.MouseButton.LeftButton)  # answered No
    assert dialogs.last("question").extra is False and tracker.model.rowCount() == 2
    dialogs.answers.append(True)
    qtbot.mouseClick(tracker.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tracker.model.rowCount() == 1)
    assert "discarded" in tracker.message.text()

    tracker.select(sent)
    assert tracker.undo_button.isEnabled() and not tracker.discard_button.isEnabled()
    steps = tracker.steps
    steps.step_box.setCurrentIndex(steps.step_box.findData("edit"))
    steps.date.setDate(QDate.currentDate().addDays(5))
    qtbot.mouseClick(steps.record_button, Qt.MouseButton.LeftButton)
    assert "in the future" in tracker.message.text()
    corrected = dt.date.today() - dt.timedelta(days=3)
    steps.date.setDate(QDate(corrected.year, corrected.month, corrected.day))
    qtbot.mouseClick(steps.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tracking.require_request(meta_case, sent).sent_at == corrected)
    qtbot.waitUntil(lambda: "corrected" in tracker.message.text())

    qtbot.waitUntil(lambda: tracker.model.items[0].request.sent_at == corrected)
    tracker.select(sent)
    steps.step_box.setCurrentIndex(steps.step_box.findData("answered"))
    early = corrected - dt.timedelta(days=1)
    steps.date.setDate(QDate(early.year, early.month, early.day))
    qtbot.mouseClick(steps.record_button, Qt.MouseButton.LeftButton)
    assert "before the request was sent" in tracker.message.text()
    assert corrections.outcome_of(meta_case, sent) is None
    steps.date.setDate(QDate(corrected.year, corrected.month, corrected.day))
    steps.outcome_box.setCurrentIndex(steps.outcome_box.findData("partly"))
    qtbot.mouseClick(steps.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: corrections.outcome_of(meta_case, sent) is not None)
    assert corrections.outcome_of(meta_case, sent) == ("partly", corrected)
    qtbot.waitUntil(lambda: tracker.model.index(0, RequestsModel.STATUS).data() == "Answered")
    assert tracker.model.index(0, RequestsModel.LEFT).data() == "—"


def test_deadlines_to_a_calendar_file(
    qtbot, window_factory, gui_context, dialogs, meta_case, tmp_path: Path
) -> None:
    letter_id = sent_letter(meta_case, tmp_path, days_ago=5)
    due = tracking.require_request(meta_case, letter_id).effective_due
    screen = open_screen(qtbot, window_factory, gui_context, meta_case)
    tracker = screen.tracker
    target = tmp_path / "calendar" / "deadlines"  # no suffix: .ics is added
    dialogs.save_files.append(str(target))
    qtbot.mouseClick(tracker.calendar_button, Qt.MouseButton.LeftButton)
    written = target.with_name("deadlines.ics")
    qtbot.waitUntil(lambda: "1 deadline written" in tracker.message.text())
    text = written.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.count("BEGIN:VEVENT") == 1
    assert f"DTSTART;VALUE=DATE:{due.strftime('%Y%m%d')}" in text
    assert f"FA-{letter_id}" in text

    # A folder that cannot be written to is said inline, in words.
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    dialogs.save_files.append(str(blocker / "deadlines.ics"))
    qtbot.mouseClick(tracker.calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be written" in tracker.message.text())
    assert tracker.message.property("state") == "bad"


def test_start_up_says_which_requests_are_overdue(
    qtbot, window_factory, gui_context, meta_case, tmp_path: Path
) -> None:
    sent_letter(meta_case, tmp_path, days_ago=60)
    gui_context.close_case()  # start-up: no case open, no passphrase given
    window = window_factory()
    window.show()
    qtbot.waitExposed(window)
    begin(window)
    qtbot.waitUntil(lambda: "overdue" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert "1 request overdue" in message and "FA-1 to meta (case camille)" in message
    screen = window.screens["letters"]
    assert screen.due_notice() == message

    # Opening the case says it again, and the screen shows it too.
    window.statusBar().clearMessage()
    gui_context.open_case(gui_context.case_store.open("camille", PASSPHRASE))
    qtbot.waitUntil(lambda: "overdue" in window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: "1 request overdue" in screen.case_notice())


def test_closing_the_case_drops_everything(qtbot, window_factory, gui_context, meta_case):
    screen = open_screen(qtbot, window_factory, gui_context, meta_case)
    assert screen.select_site("instagram.com")
    preview(qtbot, screen)
    assert "Barack Obama" in screen.wizard.preview.toPlainText()
    gui_context.close_case()
    assert screen.sites.rowCount() == 0 and screen.tracker.model.rowCount() == 0
    assert screen.wizard.draft is None and screen.wizard.preview.toPlainText() == ""
    assert screen.wizard.directory is None


def test_models_pass_qtmodeltester(qtmodeltester, qtbot, window_factory, gui_context, meta_case,
                                   tmp_path: Path) -> None:  # fmt: skip
    sent_letter(meta_case, tmp_path, days_ago=40)
    screen = open_screen(qtbot, window_factory, gui_context, meta_case)
    qtmodeltester.check(screen.sites)
    qtmodeltester.check(screen.tracker.model)
    names = screen.tracker.model.roleNames()
    assert names[RequestsModel.DAYS_LEFT_ROLE] == b"daysLeft"
    assert screen.sites.roleNames()[SitesModel.NEEDS_LETTER_ROLE] == b"needsLetter"
    assert screen.sites.index(0).data(SitesModel.NEEDS_LETTER_ROLE) is False  # cited


def test_calendar_and_its_failure_in_french(
    qtbot, window_factory, gui_context, dialogs, meta_case, tmp_path: Path
) -> None:
    letter_id = sent_letter(meta_case, tmp_path, days_ago=5)
    due = tracking.require_request(meta_case, letter_id).effective_due
    screen = open_screen(qtbot, window_factory, gui_context, meta_case, language="fr")
    tracker = screen.tracker
    target = tmp_path / "echeances.ics"
    dialogs.save_files.append(str(target))
    qtbot.mouseClick(tracker.calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and tracker.message.property("state") == "good")
    # Unfolded (RFC 5545 folds long lines with CRLF + space) and unescaped for reading.
    text = target.read_bytes().decode("utf-8").replace("\r\n ", "").replace("\\,", ",")
    assert "X-WR-CALNAME:Échéances FaceAudit" in text
    assert f"SUMMARY:Réponse attendue à la demande Accès FA-{letter_id}" in text
    assert format_date(due) in text and "Lettres et demandes" in text
    assert "answer" not in text.lower() and "camille" in text  # the case's name, no English

    blocker = tmp_path / "a file"
    blocker.write_text("x")
    dialogs.save_files.append(str(blocker / "deadlines.ics"))
    qtbot.mouseClick(tracker.calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tracker.message.property("state") == "bad")
    assert "Le calendrier n'a pas pu être écrit" in tracker.message.text()
