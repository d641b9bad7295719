"""The window's letter wizard under a recorded mandate: the clinic writes for the client
(the same drafting as ``letter --case``), and the e-mail draft is the clinic's."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

import pytest

from faceaudit.letters.mandates import Clinic, record_mandate

from .test_letter_wizard import export, open_screen, preview

pytestmark = pytest.mark.models


def test_the_wizard_writes_as_the_clinic_once_a_mandate_is_recorded(
    qtbot, window_factory, gui_context, dialogs, scanned_case, tmp_path: Path
) -> None:
    case, _site, _finding = scanned_case
    record_mandate(
        case,
        kind="art80",
        language="en",
        signed_on=dt.date.today(),
        clinic=Clinic(
            "Clinique Vie Privée", "4 place du Droit\n69001 Lyon", "aide@clinique.example", True
        ),
        recorded_at="2026-12-02T10:00:00Z",
        copy=("signed-mandate.pdf", b"%PDF-1.4 signed"),
    )
    screen = open_screen(qtbot, window_factory, gui_context, case)
    wizard = screen.wizard
    assert screen.select_site("127.0.0.1")
    box = wizard.operator_box
    box.name_edit.setText("Loopback Media SAS")
    box.email_edit.setText("privacy@loopback.example")
    wizard.options_box.type_box.setCurrentIndex(wizard.options_box.type_box.findData("erasure"))
    preview(qtbot, screen)
    text = wizard.preview.toPlainText()
    assert text.startswith("Clinique Vie Privée\n4 place du Droit\n69001 Lyon")
    assert "on behalf of Barack Obama" in text and "Art. 80(1) GDPR" in text
    assert "The mandate signed by Barack Obama on" in text

    export(qtbot, screen, dialogs, "eml", tmp_path / "erasure.eml")
    message = email.message_from_bytes(
        (tmp_path / "erasure.eml").read_bytes(), policy=policy.default
    )
    assert message["From"] == "Clinique Vie Privée <aide@clinique.example>"
    names = [part.get_filename() for part in message.iter_attachments()]
    assert "signed-mandate.pdf" in names
