"""Every step ``faceaudit requests`` records, done from the tracker: mark a draft sent (with
its receipt date), the answer with its outcome and the reply file sealed in the case, the
replies saved out, an extension with the operator's reason (and a late one), the UK clock
paused and resumed, closing, undoing the latest step; asserted on what the tracker shows and
on the store afterwards."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from faceaudit.gui.letters.model import RequestsModel, format_date
from faceaudit.gui.letters.tracker import TrackerPanel
from faceaudit.letters import corrections, tracking
from faceaudit.letters.deadlines import compute_deadline

from .conftest import sent_letter
from .test_letter_wizard import open_screen

pytestmark = [pytest.mark.models]
TODAY = dt.date.today()


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_tracker(qtbot, window_factory, gui_context, case, language="en") -> TrackerPanel:
    screen = open_screen(qtbot, window_factory, gui_context, case, language=language)
    screen.tabs.setCurrentIndex(1)
    return screen.tracker


def choose(tracker: TrackerPanel, step: str) -> None:
    box = tracker.steps.step_box
    index = box.findData(step)
    assert index >= 0, f"{step} not offered: {[box.itemData(i) for i in range(box.count())]}"
    box.setCurrentIndex(index)


def offered(tracker: TrackerPanel) -> list[str]:
    box = tracker.steps.step_box
    return [box.itemData(i) for i in range(box.count())]


def record(qtbot, tracker: TrackerPanel) -> None:
    qtbot.mouseClick(tracker.steps.record_button, Qt.MouseButton.LeftButton)


def status_text(tracker: TrackerPanel, letter_id: int) -> str:
    return tracker.model.index(tracker.model.row_of(letter_id), RequestsModel.STATUS).data()


def test_mark_a_draft_sent_from_the_tracker(
    qtbot, window_factory, gui_context, meta_case, tmp_path: Path
) -> None:
    draft = sent_letter(meta_case, tmp_path, days_ago=3, send=False)
    tracker = open_tracker(qtbot, window_factory, gui_context, meta_case)
    tracker.select(draft)
    assert offered(tracker) == ["sent"]
    assert "not marked sent" in tracker.details.summary.text()
    steps = tracker.steps
    sent_on = TODAY - dt.timedelta(days=3)
    steps.date.setDate(qdate(sent_on))
    steps.channel_box.setCurrentIndex(steps.channel_box.findData("post"))
    steps.received_check.setChecked(True)
    steps.received_date.setDate(qdate(sent_on - dt.timedelta(days=1)))
    record(qtbot, tracker)
    assert "cannot be received before it was sent" in tracker.message.text()
    assert tracking.find_request(meta_case, draft) is None  # nothing recorded

    received = sent_on + dt.timedelta(days=2)
    steps.received_date.setDate(qdate(received))
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: tracking.find_request(meta_case, draft) is not None)
    request = tracking.find_request(meta_case, draft)
    assert request.channel == "post" and request.received_at == received
    assert request.sent_at == sent_on
    expected = compute_deadline(
        "eu", "access", received, holiday_country=request.holiday_country
    ).due
    assert request.due_at == expected
    qtbot.waitUntil(lambda: status_text(tracker, draft) == "Sent, waiting")
    assert format_date(request.due_at) in tracker.message.text()
    tracker.select(draft)
    assert "Received by the operator on " + format_date(received) in tracker.details.summary.text()


def test_answer_with_its_reply_file_saved_and_undone(
    qtbot, window_factory, gui_context, dialogs, meta_case, tmp_path: Path
) -> None:
    letter = sent_letter(meta_case, tmp_path, days_ago=10)
    tracker = open_tracker(qtbot, window_factory, gui_context, meta_case)
    tracker.select(letter)
    assert offered(tracker) == ["answered", "extended", "closed", "edit"]  # EU: no pause
    choose(tracker, "answered")
    steps = tracker.steps
    assert steps.outcome_box.isVisible() and steps.reply_button.isVisible()
    assert not steps.channel_box.isVisible()

    # A reply file that cannot be read records nothing at all.
    dialogs.open_files.append([str(tmp_path / "missing.pdf")])
    qtbot.mouseClick(steps.reply_button, Qt.MouseButton.LeftButton)
    assert steps.reply_label.text() == "missing.pdf"
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: tracker.message.property("state") == "bad")
    assert "does not exist" in tracker.message.text()
    assert corrections.outcome_of(meta_case, letter) is None
    assert tracking.require_request(meta_case, letter).answered_at is None

    reply_bytes = b"%PDF-1.4 We refuse to erase the images of Camille Martin."
    reply = tmp_path / "meta-reply.pdf"
    reply.write_bytes(reply_bytes)
    dialogs.open_files.append([str(reply)])
    qtbot.mouseClick(steps.reply_button, Qt.MouseButton.LeftButton)
    answered = TODAY - dt.timedelta(days=2)
    steps.date.setDate(qdate(answered))
    steps.outcome_box.setCurrentIndex(steps.outcome_box.findData("refused"))
    steps.note_edit.setText("Refused by e-mail")
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: corrections.outcome_of(meta_case, letter) is not None)
    assert corrections.outcome_of(meta_case, letter) == ("refused", answered)
    (kept,) = corrections.replies(meta_case, letter)
    assert kept.file_name == "meta-reply.pdf" and kept.byte_size == len(reply_bytes)
    with meta_case.connection() as conn:  # sealed: neither the bytes nor the name in clear
        blob, name_blob = conn.execute(
            "SELECT data_blob, name_blob FROM request_replies"
        ).fetchone()
    assert reply_bytes not in bytes(blob) and b"meta-reply" not in bytes(name_blob)
    qtbot.waitUntil(lambda: status_text(tracker, letter) == "Answered")
    tracker.select(letter)
    qtbot.waitUntil(lambda: tracker.details.details is not None)
    assert "meta-reply.pdf" in tracker.details.replies.item(0).text()
    summary = tracker.details.summary.text()
    assert f"Answered on {format_date(answered)}: refused." in summary
    assert "Refused by e-mail" in summary

    # Saving the replies writes private files, and never overwrites one.
    folder = tmp_path / "saved"
    dialogs.directories.append(str(folder))
    qtbot.mouseClick(tracker.details.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 reply file saved" in tracker.message.text())
    (saved,) = folder.iterdir()
    assert saved.read_bytes() == reply_bytes and saved.name.endswith("meta-reply.pdf")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    dialogs.directories.append(str(folder))
    qtbot.mouseClick(tracker.details.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already exists" in tracker.message.text())
    assert saved.read_bytes() == reply_bytes

    # Undo asks first, names the step, then takes the answer back.
    qtbot.mouseClick(tracker.undo_button, Qt.MouseButton.LeftButton)  # answered No
    assert "the operator's answer and its outcome" in dialogs.last("question").text
    assert corrections.outcome_of(meta_case, letter) is not None
    dialogs.answers.append(True)
    qtbot.mouseClick(tracker.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: corrections.outcome_of(meta_case, letter) is None)
    qtbot.waitUntil(lambda: status_text(tracker, letter) == "Sent, waiting")
    assert "Taken back" in tracker.message.text()
    # "Sent" cannot be taken back while the operator's reply is attached: said in words.
    tracker.select(letter)
    dialogs.answers.append(True)
    qtbot.mouseClick(tracker.undo_button, Qt.MouseButton.LeftButton)
    assert "it becomes a draft again" in dialogs.last("question").text
    qtbot.waitUntil(lambda: "reply is kept with letter" in tracker.message.text())
    assert tracking.find_request(meta_case, letter) is not None


def test_extension_with_the_operators_reason(
    qtbot, window_factory, gui_context, dialogs, meta_case, tmp_path: Path
) -> None:
    letter = sent_letter(meta_case, tmp_path, days_ago=10)
    tracker = open_tracker(qtbot, window_factory, gui_context, meta_case)
    tracker.select(letter)
    choose(tracker, "extended")
    steps = tracker.steps
    assert steps.until_check.isVisible() and "Art. 12(3)" in steps.hint.text()
    announced = TODAY - dt.timedelta(days=1)
    steps.date.setDate(qdate(announced))
    record(qtbot, tracker)
    assert "Write the reason" in tracker.message.text()
    request = tracking.require_request(meta_case, letter)
    steps.until_check.setChecked(True)
    steps.until_date.setDate(qdate(request.due_at))
    steps.note_edit.setText("Many requests at the moment")
    record(qtbot, tracker)
    assert "must come after the current one" in tracker.message.text()
    assert tracking.require_request(meta_case, letter).extended_due_at is None

    steps.until_check.setChecked(False)  # the longest the law allows
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: tracking.require_request(meta_case, letter).extended_due_at is not None)
    extended = tracking.require_request(meta_case, letter)
    letter_record = tracking.get_letter(meta_case, letter)
    assert extended.extended_due_at == tracking.deadline_of(letter_record, extended, 0).extended_due
    assert extended.extension_announced_at == announced and not extended.extension_late
    assert "Many requests at the moment" in extended.notes
    qtbot.waitUntil(lambda: status_text(tracker, letter) == "Extended by the operator")
    row = tracker.model.row_of(letter)
    due_text = tracker.model.index(row, RequestsModel.DUE).data()
    assert due_text == format_date(extended.extended_due_at)
    tracker.select(letter)
    assert "extended" not in offered(tracker)  # once
    assert (
        f"Extended by the operator to {format_date(extended.extended_due_at)} "
        f"(announced on {format_date(announced)})" in tracker.details.summary.text()
    )


def test_a_late_extension_is_kept_only_when_the_person_agrees(
    qtbot, window_factory, gui_context, dialogs, meta_case, tmp_path: Path
) -> None:
    letter = sent_letter(meta_case, tmp_path, days_ago=60)
    tracker = open_tracker(qtbot, window_factory, gui_context, meta_case)
    tracker.select(letter)
    choose(tracker, "extended")
    tracker.steps.note_edit.setText("Backlog")
    record(qtbot, tracker)  # answered No
    assert "does not count" in dialogs.last("question").text
    assert tracking.require_request(meta_case, letter).extended_due_at is None
    dialogs.answers.append(True)
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: tracking.require_request(meta_case, letter).extension_late)
    qtbot.waitUntil(lambda: "does not count" in tracker.message.text())
    qtbot.waitUntil(lambda: tracker.model.items[0].request.extension_late)  # reloaded
    assert status_text(tracker, letter) == "⚠ Overdue"
    tracker.select(letter)
    assert "after the period had ended" in tracker.details.summary.text()


def test_uk_clock_paused_and_resumed_then_closed(
    qtbot, window_factory, gui_context, dialogs, meta_case, tmp_path: Path
) -> None:
    letter = sent_letter(meta_case, tmp_path, days_ago=10, jurisdiction="uk")
    before = tracking.require_request(meta_case, letter)
    tracker = open_tracker(qtbot, window_factory, gui_context, meta_case)
    tracker.select(letter)
    choose(tracker, "paused")
    asked = TODAY - dt.timedelta(days=5)
    tracker.steps.date.setDate(qdate(asked))
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: tracking.require_request(meta_case, letter).paused_at == asked)
    qtbot.waitUntil(lambda: status_text(tracker, letter) == "Clock paused")
    assert tracker.model.index(tracker.model.row_of(letter), RequestsModel.LEFT).data() == "—"
    tracker.select(letter)
    assert offered(tracker) == ["resumed", "answered", "closed", "edit"]
    assert "Clock paused since " + format_date(asked) in tracker.details.summary.text()

    choose(tracker, "resumed")
    tracker.steps.date.setDate(qdate(TODAY))
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: tracking.require_request(meta_case, letter).paused_at is None)
    resumed = tracking.require_request(meta_case, letter)
    assert resumed.paused_days == 6  # from the request for ID to today, inclusive
    assert resumed.due_at > before.due_at
    qtbot.waitUntil(lambda: status_text(tracker, letter) == "Sent, waiting")
    tracker.select(letter)
    assert "6 days paused so far" in tracker.details.summary.text()

    choose(tracker, "closed")
    tracker.steps.date.setDate(qdate(TODAY + dt.timedelta(days=1)))
    record(qtbot, tracker)
    assert "in the future" in tracker.message.text()
    tracker.steps.date.setDate(qdate(TODAY))
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: tracking.require_request(meta_case, letter).status == "closed")
    qtbot.waitUntil(lambda: status_text(tracker, letter) == "Closed")
    tracker.select(letter)
    assert offered(tracker) == ["edit"]
    dialogs.answers.append(True)
    qtbot.mouseClick(tracker.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tracking.require_request(meta_case, letter).status == "sent")


def test_correct_the_send_date_with_its_receipt(
    qtbot, window_factory, gui_context, meta_case, tmp_path: Path
) -> None:
    letter = sent_letter(meta_case, tmp_path, days_ago=10)
    tracker = open_tracker(qtbot, window_factory, gui_context, meta_case)
    tracker.select(letter)
    choose(tracker, "edit")
    steps = tracker.steps
    assert steps.received_check.isVisible() and not steps.note_edit.isVisible()
    corrected = TODAY - dt.timedelta(days=8)
    received = TODAY - dt.timedelta(days=6)
    steps.date.setDate(qdate(corrected))
    steps.received_check.setChecked(True)
    steps.received_date.setDate(qdate(received))
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: tracking.require_request(meta_case, letter).sent_at == corrected)
    request = tracking.require_request(meta_case, letter)
    assert request.received_at == received
    assert (
        request.due_at
        == compute_deadline("eu", "access", received, holiday_country=request.holiday_country).due
    )
    qtbot.waitUntil(lambda: "counted again" in tracker.message.text())


def test_a_refused_step_is_said_in_french_with_french_dates(
    qtbot, window_factory, gui_context, meta_case, tmp_path: Path
) -> None:
    """A UK clock cannot be paused after its period ended: the core refuses, in French."""
    letter = sent_letter(meta_case, tmp_path, days_ago=60, jurisdiction="uk")
    request = tracking.require_request(meta_case, letter)
    tracker = open_tracker(qtbot, window_factory, gui_context, meta_case, language="fr")
    tracker.select(letter)
    choose(tracker, "paused")
    record(qtbot, tracker)
    qtbot.waitUntil(lambda: tracker.message.property("state") == "bad")
    text = tracker.message.text()
    assert text.startswith("Une suspension le ") and "tombe hors du délai" in text
    assert format_date(request.due_at) in text
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")  # fmt: skip
    assert any(f" {month} " in text for month in months)  # the dates through QLocale, in French
    assert tracking.require_request(meta_case, letter).paused_at is None
