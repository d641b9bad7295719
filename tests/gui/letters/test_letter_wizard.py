"""The letter wizard end to end: a real scan of a loopback site, the confirmed finding cited,
the operator entered by hand, a letter exported in every format and marked sent."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from faceaudit.gui.letters.model import RequestsModel, format_date
from faceaudit.gui.letters.view import LettersScreen
from faceaudit.letters import tracking

pytestmark = [pytest.mark.models]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_screen(qtbot, window_factory, gui_context, case, language="en") -> LettersScreen:
    """The main window (with its translations) showing the Letters screen on ``case``."""
    window = window_factory(language=language)
    window.resize(1280, 900)
    window.show()
    qtbot.waitExposed(window)
    if gui_context.case is not case:
        gui_context.open_case(case)
    window.show_screen("letters")
    screen = window.screens["letters"]
    assert isinstance(screen, LettersScreen)
    qtbot.waitUntil(lambda: screen.loaded)
    return screen


def preview(qtbot, screen: LettersScreen) -> None:
    wizard = screen.wizard
    qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy)


def export(qtbot, screen, dialogs, fmt: str, target: Path) -> None:
    wizard = screen.wizard
    dialogs.save_files.append(str(target))
    qtbot.mouseClick(wizard.export_buttons[fmt], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy)


def test_draft_export_every_format_and_mark_sent(
    qtbot, window_factory, gui_context, dialogs, scanned_case, tmp_path: Path
) -> None:
    case, site, finding = scanned_case
    screen = open_screen(qtbot, window_factory, gui_context, case)
    wizard = screen.wizard
    assert screen.sites.rowCount() == 1  # one site, one letter
    assert screen.select_site("127.0.0.1")
    box = wizard.operator_box
    assert box.manual_radio.isChecked() and not box.directory_radio.isEnabled()
    assert "does not know who runs 127.0.0.1" in box.summary.text()

    # Export is only possible once the letter was previewed; incomplete details are said.
    assert not wizard.export_buttons["pdf"].isEnabled()
    preview(qtbot, screen)
    assert "operator's name" in wizard.message.text()
    box.name_edit.setText("Loopback Media SAS")
    box.email_edit.setText("privacy@loopback.example")
    wizard.options_box.type_box.setCurrentIndex(wizard.options_box.type_box.findData("erasure"))
    preview(qtbot, screen)
    text = wizard.preview.toPlainText()
    assert site.url("img/portrait.jpg") in text and "Loopback Media SAS" in text
    assert site.url("img/other.jpg") not in text  # Biden is not cited
    assert "because your country (FR) is in the EU/EEA" in wizard.law_label.text()
    assert "cites 1 image" in wizard.export_message.text()

    out = tmp_path / "letters"
    for fmt in ("pdf", "docx", "txt", "eml"):
        export(qtbot, screen, dialogs, fmt, out / f"erasure.{fmt}")
        assert f"saved to {out / f'erasure.{fmt}'}" in wizard.export_message.text()
    [tracked] = tracking.list_tracked(case)  # four files, one letter
    reference = f"FA-{tracked.letter.id}"
    assert tracked.letter.finding_ids == (finding.id,)
    assert set(tracked.letter.formats) == {"pdf", "docx", "txt", "eml"}

    pdf_text = "".join(p.extract_text() for p in PdfReader(out / "erasure.pdf").pages)
    assert reference in pdf_text and "Loopback Media SAS" in pdf_text
    assert "img/portrait.jpg" in pdf_text.replace("\n", "")
    import docx

    document = docx.Document(str(out / "erasure.docx"))
    docx_text = "\n".join(p.text for p in document.paragraphs)
    assert reference in docx_text and "Barack Obama" in docx_text
    assert reference in (out / "erasure.txt").read_text("utf-8")
    message = email.message_from_bytes((out / "erasure.eml").read_bytes(), policy=policy.default)
    assert message["To"] == "Loopback Media SAS <privacy@loopback.example>"
    assert message["From"] == "Barack Obama <barack@example.org>"
    assert message["X-Unsent"] == "1" and reference in message["Subject"] + message.as_string()
    assert [part.get_filename() for part in message.iter_attachments()] == ["annex.pdf"]
    assert dialogs.opened_urls[-1] == str(out / "erasure.eml")  # opened in the mail program

    qtbot.mouseClick(wizard.mailto_button, Qt.MouseButton.LeftButton)
    assert dialogs.opened_urls[-1].startswith("mailto:privacy@loopback.example?subject=")

    # A future send date is refused inline; today's is recorded with its due date.
    send = wizard.send_box
    assert send.isEnabled()
    send.date.setDate(QDate.currentDate().addDays(3))
    qtbot.mouseClick(send.button, Qt.MouseButton.LeftButton)
    assert "in the future" in send.message.text()
    assert tracking.find_request(case, tracked.letter.id) is None
    send.date.setDate(QDate.currentDate())
    qtbot.mouseClick(send.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tracking.find_request(case, tracked.letter.id) is not None)
    request = tracking.find_request(case, tracked.letter.id)
    assert request is not None and request.sent_at == dt.date.today()
    due = format_date(request.effective_due)
    qtbot.waitUntil(lambda: due in send.message.text())
    assert not send.isEnabled()  # sent once

    tracker = screen.tracker
    qtbot.waitUntil(lambda: tracker.model.index(0, RequestsModel.SENT).data() != "—")
    row = tracker.model.index(0, RequestsModel.DUE)
    assert row.data() == due
    left = tracker.model.index(0, RequestsModel.LEFT).data()
    assert left == f"{(request.effective_due - dt.date.today()).days} days left"
    assert tracker.model.index(0, RequestsModel.STATUS).data() == "Sent, waiting"


def test_a_letter_that_cannot_be_written_says_so_and_records_nothing(
    qtbot, window_factory, gui_context, dialogs, meta_case, tmp_path: Path
) -> None:
    screen = open_screen(qtbot, window_factory, gui_context, meta_case)
    wizard = screen.wizard
    assert screen.select_site("meta") is False  # sites are keyed by domain
    assert screen.select_site("instagram.com")
    assert wizard.operator_box.directory_radio.isChecked()
    assert "Meta Platforms Ireland" in wizard.operator_box.summary.text()
    preview(qtbot, screen)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    export(qtbot, screen, dialogs, "pdf", blocker / "letter.pdf")
    assert "could not be written" in wizard.export_message.text()
    assert wizard.export_message.property("state") == "bad"
    assert tracking.list_tracked(meta_case) == []
    assert "warning" not in dialogs.kinds()  # inline, no traceback dialog

    # An objection needs the person's reasons; a cancelled save dialog writes nothing.
    options = wizard.options_box
    options.type_box.setCurrentIndex(options.type_box.findData("objection"))
    preview(qtbot, screen)
    assert "needs your own reasons" in wizard.message.text()
    options.reason_edit.setPlainText("My face identifies me at my work as a nurse.")
    preview(qtbot, screen)
    assert "nurse" in wizard.preview.toPlainText()
    qtbot.mouseClick(wizard.export_buttons["txt"], Qt.MouseButton.LeftButton)  # no answer queued
    assert tracking.list_tracked(meta_case) == []


def test_unreviewed_findings_only_when_chosen(
    qtbot, window_factory, gui_context, meta_case, person_photos
):
    from .conftest import plant_finding

    extra = plant_finding(
        meta_case,
        person_photos["obama"][0],
        "https://www.facebook.com/photo/?fbid=9",
        "https://scontent.xx.fbcdn.net/v/photo_9.jpg",
    )
    screen = open_screen(qtbot, window_factory, gui_context, meta_case)
    wizard = screen.wizard
    assert screen.select_site("instagram.com")
    qtbot.keyClick(wizard, Qt.Key.Key_L, CTRL_SHIFT)  # the declared shortcut previews
    qtbot.waitUntil(lambda: bool(wizard.preview.toPlainText()) and not wizard.busy)
    assert "photo_9.jpg" not in wizard.preview.toPlainText()
    assert "1 unreviewed finding on its sites is not cited" in wizard.export_message.text()
    wizard.options_box.unreviewed_check.setChecked(True)
    assert not wizard.export_buttons["pdf"].isEnabled()  # the preview is stale: again
    preview(qtbot, screen)
    assert "photo_9.jpg" in wizard.preview.toPlainText()
    assert "includes 1 finding you have not reviewed" in wizard.export_message.text()
    assert meta_case.finding(extra).review == "unreviewed"


def test_another_operator_chosen_from_the_directory(
    qtbot, window_factory, gui_context, scanned_case
) -> None:
    case, site, _finding = scanned_case
    screen = open_screen(qtbot, window_factory, gui_context, case)
    assert screen.select_site("127.0.0.1")
    box = screen.wizard.operator_box
    box.search_edit.setText("nothing like this anywhere")
    qtbot.mouseClick(box.search_button, Qt.MouseButton.LeftButton)
    assert "Nothing found in the directory" in box.summary.text()
    assert box.manual_radio.isChecked()
    box.search_edit.setText("reddit")
    qtbot.keyClick(box.search_edit, Qt.Key.Key_Return)
    assert box.directory_radio.isChecked() and "Reddit" in box.summary.text()
    preview(qtbot, screen)
    text = screen.wizard.preview.toPlainText()
    assert "redditdatarequests@reddit.com" in text
    assert site.url("img/portrait.jpg") in text  # the site's findings, whoever runs it
