"""The Clinic screen's Mandate panel: the clinic's profile saved through the CLI's code, the
client's mandate drafted, recorded with its signed copy and revoked, errors said inline."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from faceaudit.clinic import ClinicProfile, load_profile
from faceaudit.config import config_path
from faceaudit.gui.clinic.mandate import MandatePanel
from faceaudit.letters.mandates import current_mandate, mandate_copy, representative_for


@pytest.fixture
def panel(gui_context: Any, qtbot: Any) -> MandatePanel:
    widget = MandatePanel(gui_context)
    qtbot.addWidget(widget)
    widget.resize(900, 760)
    widget.show()
    return widget


def _fill_profile(panel: MandatePanel, email: str = "aide@clinique.example") -> None:
    panel.name_edit.setText("Clinique Vie Privée")
    panel.address_edit.setPlainText("4 place du Droit\n69001 Lyon")
    panel.email_edit.setText(email)
    panel.art80_box.setChecked(True)
    panel.clinic_language.setCurrentIndex(panel.clinic_language.findData("fr"))


def test_the_profile_needs_no_case_and_bad_details_are_said(
    panel: MandatePanel, gui_context: Any, qtbot: Any
) -> None:
    assert not panel.need_case.isHidden()
    assert not panel.draft_button.isEnabled() and not panel.record_button.isEnabled()
    assert panel.profile_message.text() == "No clinic profile is set yet."
    paths = gui_context.app.paths
    _fill_profile(panel, email="two@a.example, b@c.example")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.profile_message.property("state") == "bad"
    assert "e-mail address" in panel.profile_message.text()
    assert not config_path(paths).exists()  # nothing half-saved
    panel.email_edit.setText("aide@clinique.example")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.profile_message.property("state") == "good"
    assert load_profile(paths) == ClinicProfile(
        "Clinique Vie Privée", "4 place du Droit\n69001 Lyon", "aide@clinique.example", True, "fr"
    )
    # A new panel (another window) shows what was saved.
    again = MandatePanel(gui_context)
    qtbot.addWidget(again)
    assert again.name_edit.text() == "Clinique Vie Privée" and again.art80_box.isChecked()


def test_draft_record_and_revoke_for_the_open_client(
    panel: MandatePanel,
    gui_context: Any,
    opened_case: Any,
    dialogs: Any,
    qtbot: Any,
    tmp_path: Path,
    screenshot: Any,
) -> None:
    qtbot.waitUntil(lambda: "No mandate is recorded" in panel.status_label.text())
    assert panel.need_case.isHidden() and not panel.revoke_button.isEnabled()
    # No profile yet: said where the action is, nothing asked.
    qtbot.mouseClick(panel.draft_button, Qt.MouseButton.LeftButton)
    assert "No clinic profile is set" in panel.mandate_message.text()
    assert "save_file" not in dialogs.kinds()
    _fill_profile(panel)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    # The client's address is missing: the worker's error comes back in words.
    target = tmp_path / "mandat.pdf"
    dialogs.save_files.append(str(target))
    qtbot.mouseClick(panel.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.mandate_message.property("state") == "bad")
    assert "the client's postal address" in panel.mandate_message.text()
    assert not target.exists()

    opened_case.update_person(postal_address="3 rue Yvonne\n75001 Paris", country="FR")
    dialogs.save_files.append(str(target))
    qtbot.mouseClick(panel.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.mandate_message.property("state") == "good")
    assert "/exports/camille/" in dialogs.last("save_file").text
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    words = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Mandat au titre de l'article 80, paragraphe 1, du RGPD" in words  # profile's language
    assert "Camille Martin" in words and "Clinique Vie Privée" in words

    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4 signed by Camille")
    dialogs.open_files.append([str(scan)])
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert "signed.pdf" in panel.copy_label.text()
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.current is not None)
    assert "Art. 80(1) mandate signed on" in panel.status_label.text()
    record = current_mandate(opened_case)
    assert record is not None and record.kind == "art80"
    assert mandate_copy(opened_case, record.id) == ("signed.pdf", scan.read_bytes())
    rep = representative_for(opened_case)
    assert rep is not None and rep.name == "Clinique Vie Privée"
    assert panel.revoke_button.isEnabled()
    screenshot(panel, "clinic-mandate")

    # Revoke asks first; "No" changes nothing.
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    assert dialogs.last("question").extra is False and current_mandate(opened_case) is not None
    dialogs.answers.append(True)
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.current is None and not panel.busy)
    qtbot.waitUntil(lambda: "No mandate is recorded" in panel.status_label.text())
    assert current_mandate(opened_case) is None


def test_in_the_window_in_english_and_french(
    window_factory: Any, screenshot: Any, opened_case: Any, qtbot: Any
) -> None:
    for language, scheme in (("en", "light"), ("fr", "dark"), ("fr", "light"), ("en", "dark")):
        window = window_factory(language=language, scheme=scheme)
        window.resize(1200, 860)
        window.show()
        qtbot.waitExposed(window)
        window.show_screen("clinic")
        clinic = window.screens["clinic"]
        clinic.show_panel("mandate")
        panel = clinic.panels["mandate"]
        qtbot.waitUntil(lambda p=panel: bool(p.status_label.text()))
        if language == "fr":
            assert panel.title() == "Mandat"
            assert panel.draft_button.text() == "Rédiger le mandat…"
        screenshot(window, "clinic-mandate")
