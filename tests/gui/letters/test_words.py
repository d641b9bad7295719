"""The core's codes all have words in the window, and a French window says them in French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from faceaudit.gui.letters import words
from faceaudit.letters.jurisdiction import Notice, choose_jurisdiction
from faceaudit.letters.render import EQUIVALENTS

from .test_letter_wizard import open_screen, preview

CORE = Path(words.__file__).resolve().parents[2] / "letters"
NOT_CODES = {"regime"}  # a parameter name that follows ``Notice(`` on the next line


def core_codes() -> set[str]:
    """Every notice code the letters core can give, read from its source."""
    text = "\n".join(p.read_text("utf-8") for p in CORE.glob("*.py"))
    found = set(re.findall(r'Notice\(\s*"([a-z-]+)"', text))
    found |= set(re.findall(r'\bcode = "([a-z-]+)"', text))
    return found - NOT_CODES - {"equivalent"}


def test_every_core_code_has_words_in_the_window() -> None:
    codes = core_codes()
    assert {"person-eu", "not-resident", "posted-no-receipt", "ico-three-months"} <= codes
    assert codes <= set(words.notice_templates()), codes - set(words.notice_templates())
    assert set(EQUIVALENTS) == set(words.equivalent_templates())


def test_french_window_says_the_law_and_its_warnings_in_french(
    qtbot, window_factory, gui_context, meta_case
) -> None:
    screen = open_screen(qtbot, window_factory, gui_context, meta_case, language="fr")
    assert screen.select_site("instagram.com")
    options = screen.wizard.options_box
    options.type_box.setCurrentIndex(options.type_box.findData("erasure"))
    preview(qtbot, screen)
    law = screen.wizard.law_label.text()
    assert "Loi : le RGPD de l'UE, parce que votre pays (FR) est dans l'UE/EEE" in law
    assert "Sans vos propres raisons" in law  # the erasure-without-reason warning
    assert "because" not in law and "Without" not in law
    assert "Réponse attendue au plus tard le" in law
    assert "La lettre cite 1 image." in screen.wizard.export_message.text()

    # A law chosen by hand that does not cover the person: its warning, in French.
    options.law_box.setCurrentIndex(options.law_box.findData("ca"))
    preview(qtbot, screen)
    law = screen.wizard.law_label.text()
    assert "comme vous l'avez choisi" in law and "protège les personnes qui vivent" in law
    assert "Le droit de savoir" not in law  # erasure: the CCPA's erasure note instead
    assert "Le CCPA n'a pas d'équivalent" in law


@pytest.mark.parametrize(
    ("code", "needle"),
    [("us-state-unknown", "dépend de l'État"), ("none-covers", "vivant en JP")],
)
def test_no_law_chosen_is_explained_in_french(qapp, window_factory, code, needle) -> None:
    window_factory(language="fr")
    assert needle in words.jurisdiction_problem(code, "JP")


def test_an_unknown_code_falls_back_to_the_core_words(qapp) -> None:
    assert words.notice(Notice("something-new", "The core's sentence.")) == "The core's sentence."
    reason = choose_jurisdiction("gb", _operator())
    assert words.notice(reason.reason_notice) == "the UK GDPR, because your country is GB."  # type: ignore[arg-type]


def _operator():
    from faceaudit.letters.directory import Directory, load_builtin

    found = Directory(load_builtin()).get("pimeyes")
    assert found is not None
    return found
