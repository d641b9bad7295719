"""The whole way through the window, as a first-time person goes: first run, a case, a
reference photo (and a stranger's, refused), the pages of a loopback site, a scan, one face
confirmed and one rejected, a letter exported in every format, marked sent, its due date.

Real parts only: the real buffalo_sc models, real photos, a real HTTP server on 127.0.0.1,
the real encrypted store. Asserts on what the widgets show and on the files written; a
screenshot of every screen on the way, in English and in French.
"""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from faceaudit.gui.application import begin
from faceaudit.gui.findings.model import Role
from faceaudit.gui.findings.view import FindingsScreen
from faceaudit.gui.firstrun.view import FirstRunDialog
from faceaudit.gui.letters.model import RequestsModel, format_date
from faceaudit.gui.letters.view import LettersScreen
from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.me.view import MeScreen
from faceaudit.gui.scan.view import ScanScreen
from faceaudit.gui.sources.view import SourcesScreen
from faceaudit.letters import tracking

from .conftest import CASE_PASSPHRASE, RecordingDialogs
from .sources.conftest import PhotoSite

pytestmark = pytest.mark.models

SCAN_TIMEOUT = 180_000
WORK_TIMEOUT = 60_000


@pytest.fixture
def site(person_photos: dict[str, list[Path]]) -> Any:
    """One page with two photos of the person and one of a stranger."""
    obama, biden = person_photos["obama"], person_photos["biden"]
    served = PhotoSite()
    served.serve("/img/portrait.jpg", obama[1].read_bytes(), "image/jpeg")
    served.serve("/img/holiday.jpg", obama[2 % len(obama)].read_bytes(), "image/jpeg")
    served.serve("/img/other.jpg", biden[0].read_bytes(), "image/jpeg")
    served.page(
        "/team.html",
        '<img src="/img/portrait.jpg"><img src="/img/holiday.jpg"><img src="/img/other.jpg">',
    )
    yield served
    served.close()


def screen(window: MainWindow, key: str, kind: type) -> Any:
    window.show_screen(key)
    shown = window.screens[key]
    assert isinstance(shown, kind)
    return shown


def first_run(window: MainWindow, qtbot: Any, shot: Any, english: bool) -> None:
    dialog = begin(window)
    assert isinstance(dialog, FirstRunDialog) and dialog.isVisible()
    shot(dialog, "e2e-1-welcome")
    if english:
        assert "web pages you list" in dialog.welcome.text.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current() is dialog.licence
    assert "non-commercial" in dialog.licence.text.text() or not english
    assert not dialog.next_button.isEnabled()  # an explicit accept is needed
    dialog.licence.accept_box.setChecked(True)
    shot(dialog, "e2e-2-licence")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    if dialog.current() is dialog.model_page:  # the checkout's pack is already there
        qtbot.waitUntil(lambda: dialog.next_button.isEnabled(), timeout=WORK_TIMEOUT)
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current() is dialog.case_page
    form = dialog.case_form
    form.name_edit.setText("camille")
    form.full_name_edit.setText("Camille Martin")
    form.email_edit.setText("camille@example.org")
    form.address_edit.setText("1 rue de l'Exemple, 75001 Paris")
    form.country_edit.setText("FR")
    form.passphrase_edit.setText(CASE_PASSPHRASE)
    form.confirm_edit.setText(CASE_PASSPHRASE)
    shot(dialog, "e2e-3-case")
    with qtbot.waitSignal(window.context.case_opened, timeout=WORK_TIMEOUT):
        qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.current_key() == "me"


def add_references(
    window: MainWindow,
    dialogs: RecordingDialogs,
    photos: dict[str, list[Path]],
    qtbot: Any,
    shot: Any,
    english: bool,
) -> None:
    me = screen(window, "me", MeScreen)
    dialogs.open_files.append([str(photos["obama"][0])])
    qtbot.mouseClick(me.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: me.model.rowCount() == 1 and not me.busy, timeout=WORK_TIMEOUT)
    stranger = photos["biden"][0]
    dialogs.open_files.append([str(stranger)])
    qtbot.mouseClick(me.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: me.add_anyway_button.isVisible(), timeout=WORK_TIMEOUT)
    qtbot.waitUntil(lambda: not me.busy and not me.queue, timeout=WORK_TIMEOUT)
    assert stranger.name in me.refused_label.text()
    if english:
        assert "does not look like you" in me.refused_label.text()
    assert me.model.rowCount() == 1  # the stranger is not a reference
    shot(window, "e2e-4-me")


def add_sources(window: MainWindow, site: PhotoSite, qtbot: Any, shot: Any) -> str:
    sources = screen(window, "sources", SourcesScreen)
    page = site.url("/team.html")
    sources.paste.setPlainText(page)
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 1, timeout=WORK_TIMEOUT)
    assert sources.model.items()[0].url == page
    shot(window, "e2e-5-sources")
    return page


def scan(window: MainWindow, qtbot: Any, shot: Any, english: bool) -> None:
    scanning = screen(window, "scan", ScanScreen)
    qtbot.mouseClick(scanning.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: scanning.outcome is not None and not scanning.runner.running,
        timeout=SCAN_TIMEOUT,
    )
    assert scanning.outcome.status == "done"
    assert scanning.counts.values["pages"].text() == "1"
    assert scanning.counts.values["matches"].text() == "2"
    if english:
        assert "Your face may appear in 2 places" in scanning.summary.text()
    shot(window, "e2e-6-scan")


def review(window: MainWindow, site: PhotoSite, qtbot: Any, shot: Any) -> tuple[int, int]:
    """Confirm the portrait by key, reject the holiday photo by mouse."""
    findings = screen(window, "findings", FindingsScreen)
    qtbot.waitUntil(lambda: findings.model.rowCount() == 2, timeout=WORK_TIMEOUT)
    case = window.context.case
    by_image = {f.image_url: f.id for f in case.findings()}
    portrait, holiday = (
        by_image[site.url("/img/portrait.jpg")],
        by_image[site.url("/img/holiday.jpg")],
    )
    tiles = [
        findings.groups.index(r, 0).data(Role.FINDING_ID)
        for r in range(findings.groups.rowCount())
        if not findings.groups.is_header(r)
    ]
    assert sorted(tiles) == sorted([portrait, holiday])
    window.activateWindow()  # the first-run dialog had the focus
    qtbot.waitUntil(window.isActiveWindow)
    findings.gallery.select_finding(portrait)
    findings.gallery.setFocus()
    qtbot.keyClick(findings.gallery, Qt.Key.Key_Y)  # "that's me"
    findings.gallery.select_finding(holiday)
    qtbot.mouseClick(findings.buttons["reject"], Qt.MouseButton.LeftButton)  # "not me"
    assert case.finding(portrait).review == "confirmed"
    assert case.finding(holiday).review == "rejected"
    shot(window, "e2e-7-findings")
    return portrait, holiday


def write_letter(
    window: MainWindow,
    dialogs: RecordingDialogs,
    site: PhotoSite,
    out: Path,
    qtbot: Any,
    shot: Any,
    english: bool,
) -> None:
    letters = screen(window, "letters", LettersScreen)
    qtbot.waitUntil(lambda: letters.select_site("127.0.0.1"), timeout=WORK_TIMEOUT)
    if english:  # the reviews just made on the Findings screen are counted
        row = letters.sites.index(0)
        qtbot.waitUntil(lambda: "to review" not in row.data(), timeout=WORK_TIMEOUT)
        assert row.data().endswith("needs a letter"), row.data()
    wizard = letters.wizard
    box = wizard.operator_box
    assert box.manual_radio.isChecked()  # a loopback site is in no directory
    box.name_edit.setText("Loopback Media SAS")
    box.email_edit.setText("privacy@loopback.example")
    wizard.options_box.type_box.setCurrentIndex(wizard.options_box.type_box.findData("erasure"))
    qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=WORK_TIMEOUT)
    text = wizard.preview.toPlainText()
    assert site.url("/img/portrait.jpg") in text  # the confirmed face is cited
    assert site.url("/img/holiday.jpg") not in text  # the rejected one is not
    assert site.url("/img/other.jpg") not in text
    shot(window, "e2e-8-letter")

    for fmt in ("pdf", "docx", "txt", "eml"):
        dialogs.save_files.append(str(out / f"erasure.{fmt}"))
        qtbot.mouseClick(wizard.export_buttons[fmt], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not wizard.busy, timeout=WORK_TIMEOUT)
        assert (out / f"erasure.{fmt}").stat().st_size > 200, fmt
    [tracked] = tracking.list_tracked(window.context.case)
    reference = f"FA-{tracked.letter.id}"
    pdf = "".join(page.extract_text() for page in PdfReader(out / "erasure.pdf").pages)
    assert reference in pdf and "Loopback Media SAS" in pdf
    import docx

    paragraphs = "\n".join(p.text for p in docx.Document(str(out / "erasure.docx")).paragraphs)
    assert reference in paragraphs and "Camille Martin" in paragraphs
    plain = (out / "erasure.txt").read_text("utf-8")
    assert site.url("/img/portrait.jpg") in plain and site.url("/img/holiday.jpg") not in plain
    message = email.message_from_bytes((out / "erasure.eml").read_bytes(), policy=policy.default)
    assert message["To"] == "Loopback Media SAS <privacy@loopback.example>"
    assert message["From"] == "Camille Martin <camille@example.org>"

    send = wizard.send_box
    send.date.setDate(QDate.currentDate())
    qtbot.mouseClick(send.button, Qt.MouseButton.LeftButton)
    case = window.context.case
    qtbot.waitUntil(
        lambda: tracking.find_request(case, tracked.letter.id) is not None, timeout=WORK_TIMEOUT
    )
    request = tracking.find_request(case, tracked.letter.id)
    assert request is not None and request.sent_at == dt.date.today()
    due = format_date(request.effective_due)  # in the window's language, through QLocale
    qtbot.waitUntil(lambda: due in send.message.text(), timeout=WORK_TIMEOUT)
    tracker = letters.tracker
    qtbot.waitUntil(
        lambda: tracker.model.index(0, RequestsModel.DUE).data() == due, timeout=WORK_TIMEOUT
    )
    if english:
        days = (request.effective_due - dt.date.today()).days
        assert tracker.model.index(0, RequestsModel.LEFT).data() == f"{days} days left"
    letters.tabs.setCurrentIndex(1)
    shot(window, "e2e-9-requests")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_from_the_first_run_to_a_sent_letter_with_its_due_date(
    window_factory: Any,
    dialogs: RecordingDialogs,
    real_engine: Any,
    person_photos: dict[str, list[Path]],
    site: PhotoSite,
    tmp_path: Path,
    qtbot: Any,
    screenshot: Any,
    language: str,
) -> None:
    window = window_factory(language=language)
    window.resize(1280, 900)
    window.show()
    qtbot.waitExposed(window)
    english = language == "en"

    first_run(window, qtbot, screenshot, english)
    add_references(window, dialogs, person_photos, qtbot, screenshot, english)
    add_sources(window, site, qtbot, screenshot)
    scan(window, qtbot, screenshot, english)
    review(window, site, qtbot, screenshot)
    write_letter(window, dialogs, site, tmp_path / "letters", qtbot, screenshot, english)
    for number, key in ((10, "settings"), (11, "cases")):
        window.show_screen(key)
        screenshot(window, f"e2e-{number}-{key}")
    assert "warning" not in dialogs.kinds(), dialogs.calls  # nothing went wrong on the way
