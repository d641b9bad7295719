"""Every visible string has a finished French translation (generic over all feature folders).

Two checks: the committed .ts files hold every string the code has (lupdate run afresh into a
temporary folder), all translated; and building every screen in French asks Qt for no string
that no translator knows (catches a tr() context lupdate saw differently).
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from faceaudit.gui import i18n

Message = tuple[str, str]  # (context, source)


def messages(ts: Path) -> dict[Message, ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 (our own files)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return not forms or any(not (f.text or "").strip() for f in forms)
    return not (translation.text or "").strip()


@pytest.mark.parametrize("feature", i18n.features())
def test_french_is_complete_and_up_to_date(feature: str, tmp_path: Path) -> None:
    committed_fr = i18n.ts_path(feature, "fr")
    assert committed_fr.is_file(), f"no {committed_fr}: run python -m faceaudit.gui.i18n update"
    fresh = tmp_path / f"{feature}_fr.ts"
    sources = [str(p) for p in i18n.feature_sources(feature)]
    subprocess.run(
        [i18n._tool("lupdate"), *i18n.LUPDATE_OPTIONS, *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(messages(fresh))
    translated = messages(committed_fr)
    missing = sorted(in_code - set(translated))
    assert not missing, f"strings not in {committed_fr.name} (run i18n update): {missing}"
    untranslated = sorted(key for key in in_code if unfinished(translated[key]))
    assert not untranslated, f"untranslated in {committed_fr.name}: {untranslated}"
    # A %n string must reach lupdate as a plural: it takes one from ``Class.tr(text, "", n)``
    # and never from ``QCoreApplication.translate(context, text, "", n)``, whose French
    # would then have one form for every number ("au moins 8 caractère").
    fresh_messages = messages(fresh)
    not_plural = sorted(
        key
        for key, m in fresh_messages.items()
        if re.search(r"%n\b", key[1]) and m.get("numerus") != "yes"
    )
    assert not not_plural, f"%n strings lupdate does not see as plurals: {not_plural}"
    plural_mismatch = sorted(
        key
        for key in in_code
        if (fresh_messages[key].get("numerus") == "yes")
        != (translated[key].get("numerus") == "yes")
    )
    assert not plural_mismatch, (
        f"plural forms out of date in {committed_fr.name}: {plural_mismatch}"
    )


@pytest.mark.parametrize("feature", i18n.features())
def test_english_plural_forms_are_complete(feature: str) -> None:
    committed_en = i18n.ts_path(feature, "en")
    assert committed_en.is_file()
    plural = {k: m for k, m in messages(committed_en).items() if m.get("numerus") == "yes"}
    assert not [k for k, m in plural.items() if unfinished(m)]


class MissRecorder(QTranslator):
    """Installed first, so Qt asks it last: it hears only the strings nobody translated."""

    def __init__(self) -> None:
        super().__init__()
        self.misses: set[Message] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if source.strip() and not context.startswith("Q"):  # Qt's own: qtbase_fr.qm
            self.misses.add((context, source))
        return ""

    def isEmpty(self) -> bool:
        return False


def test_every_screen_built_in_french_finds_its_strings(window_factory: Any) -> None:
    recorder = MissRecorder()
    QCoreApplication.installTranslator(recorder)
    try:
        window = window_factory(language="fr")
        window.show_about().close()
        for key in window.screens:
            window.show_screen(key)
    finally:
        QCoreApplication.removeTranslator(recorder)
    assert not recorder.misses, f"shown without a French translation: {sorted(recorder.misses)}"
