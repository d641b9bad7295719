"""The report's words: every language has every key, with the same values to fill in."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest

from faceaudit.letters.citations import LANGUAGES as LETTER_LANGUAGES
from faceaudit.report.words import REPORT_LANGUAGES, ReportError, Words, choose_language, keys


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", REPORT_LANGUAGES)
def test_every_language_has_the_english_keys_and_fields(language: str) -> None:
    english, words = Words("en"), Words(language)
    assert keys(language) == keys("en")
    for key in keys("en"):
        assert _fields(words._words[key]) == _fields(english._words[key]), (language, key)


def test_the_letters_languages_are_the_reports() -> None:
    assert set(REPORT_LANGUAGES) == set(LETTER_LANGUAGES)


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        ("en", 0, "0 confirmed appearances of your face."),
        ("en", 1, "1 confirmed appearance of your face."),
        ("fr", 0, "0 apparition confirmée de votre visage."),
        ("fr", 2, "2 apparitions confirmées de votre visage."),
        ("de", 1, "1 bestätigter Fund Ihres Gesichts."),
        ("es", 3, "3 apariciones confirmadas de su rostro."),
        ("it", 0, "0 apparizioni confermate del suo volto."),
    ],
)
def test_plural_forms(language: str, n: int, expected: str) -> None:
    assert Words(language).plural("summary.appearances", n) == expected


def test_dates_are_written_as_the_letters_write_them() -> None:
    day = dt.date(2026, 12, 1)
    assert Words("fr").date(day) == "1er décembre 2026"
    assert Words("de").moment("2026-12-01T09:05:00Z") == "1. Dezember 2026, 09:05 UTC"
    assert Words("en").date("2026-12-01T09:05:00Z") == "1 December 2026"


def test_french_puts_a_no_break_space_before_colons() -> None:
    for key in keys("fr"):
        assert not re.search(r" [:;?!]", Words("fr")._words[key]), key


def test_language_choice() -> None:
    assert choose_language(None, "fr") == "fr"
    assert choose_language(None, "pt") == "en"  # no report in Portuguese: English
    assert choose_language("DE", "fr") == "de"
    with pytest.raises(ReportError, match="no report in 'pt'"):
        choose_language("pt", None)
