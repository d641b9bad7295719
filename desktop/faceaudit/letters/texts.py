"""The letter texts as data (``templates/*.toml``), dates written per language, and the errors
a letter can raise. Shared by :mod:`render` and :mod:`compose`, which both build on it."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources

from faceaudit.errors import FaceAuditError
from faceaudit.letters.citations import LANGUAGES

# Every letter type exists in every language.
COMPLETE_LANGUAGES = LANGUAGES
CORE_TYPES = ("access", "erasure")


class LetterError(FaceAuditError):
    """A letter cannot be drafted as asked."""


class MissingDetailsError(LetterError):
    """Details the letter needs are missing; ``missing`` names each one."""

    def __init__(self, missing: Sequence[str], todo: str) -> None:
        self.missing = tuple(missing)
        super().__init__("The letter cannot be drafted without: " + "; ".join(missing) + ".", todo)


@cache
def load_templates(language: str) -> dict[str, object]:
    if language not in LANGUAGES:
        raise LetterError(
            f"There are no letter texts in {language!r}.",
            "Choose one of: " + ", ".join(LANGUAGES) + ".",
        )
    text = (
        resources.files("faceaudit.letters")
        .joinpath(f"templates/{language}.toml")
        .read_text("utf-8")
    )
    return tomllib.loads(text)


def supported(letter_type: str, language: str) -> bool:
    return language in COMPLETE_LANGUAGES or letter_type in CORE_TYPES


def format_date(day: dt.date, language: str) -> str:
    meta = load_templates(language)["meta"]
    assert isinstance(meta, dict)
    day_text = {"fr": "1er", "it": "1°"}.get(language, "1") if day.day == 1 else str(day.day)
    return str(meta["date_format"]).format(
        day=day_text, month=meta["months"][day.month - 1], year=day.year
    )


def flatten(table: object, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    assert isinstance(table, dict)
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


def plural(labels: dict[str, str] | object, key: str, count: int) -> str:
    """``"{n} image"`` / ``"{n} images"``: the labels ``key.one`` and ``key.other``."""
    assert isinstance(labels, dict)
    form = labels[f"{key}.one"] if count == 1 else labels[f"{key}.other"]
    return str(form).replace("{n}", str(count))


# French sets a (non-breaking) space before the two-part punctuation marks; URLs and times
# ("https://", "10:30") have none after the mark, so they are left alone.
_FRENCH_PUNCTUATION = re.compile(r"(?<=[^\s\u00a0])[ ]?([:;!?])(?=\s|$|\))")


def polish_text(text: str, language: str, jurisdiction: str) -> str:
    """Typography the templates cannot carry: French spacing, Swiss German "ss" for "ß"."""
    if language == "fr":
        text = _FRENCH_PUNCTUATION.sub("\u00a0\\1", text)
    if language == "de" and jurisdiction == "ch":
        text = text.replace("ß", "ss")
    return text
