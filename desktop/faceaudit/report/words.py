"""The report's words per language (``texts/<language>.toml``), plural forms and dates.

Dates are written as the letters write them (faceaudit.letters.texts.format_date), so a
report and the letters it lists agree. Values are put in as they are: escaping is the
layout's business (HTML or PDF), done once where the text is placed.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from importlib import resources

from faceaudit.errors import FaceAuditError
from faceaudit.letters.texts import flatten, format_date

REPORT_LANGUAGES = ("en", "fr", "de", "es", "it")  # those of the letters
DEFAULT_LANGUAGE = "en"


class ReportError(FaceAuditError):
    """A report cannot be made as asked."""


def choose_language(requested: str | None, case_language: str | None) -> str:
    """The language asked for, else the case's (the person's), else English."""
    if requested:
        language = requested.strip().lower()
        if language not in REPORT_LANGUAGES:
            raise ReportError(
                f"There is no report in {requested!r}.",
                "Choose one of: " + ", ".join(REPORT_LANGUAGES) + ".",
            )
        return language
    wanted = (case_language or "").strip().lower()
    return wanted if wanted in REPORT_LANGUAGES else DEFAULT_LANGUAGE


@cache
def _table(language: str) -> dict[str, str]:
    text = resources.files("faceaudit.report").joinpath(f"texts/{language}.toml").read_text("utf-8")
    return flatten(tomllib.loads(text))


def keys(language: str) -> frozenset[str]:
    return frozenset(_table(language))


class Words:
    """``words("sources.title")``, ``words.plural("summary.scans", 3, date=...)``, dates."""

    def __init__(self, language: str) -> None:
        if language not in REPORT_LANGUAGES:
            raise ReportError(
                f"There is no report in {language!r}.",
                "Choose one of: " + ", ".join(REPORT_LANGUAGES) + ".",
            )
        self.language = language
        self._words = _table(language)

    def __call__(self, key: str, **values: object) -> str:
        return self._words[key].format_map(values)

    @property
    def colon(self) -> str:
        """What follows a label: French puts a no-break space before the colon."""
        return "\u00a0:" if self.language == "fr" else ":"

    def counted(self, key: str) -> bool:
        """Whether ``key`` has plural forms (``key.one``, ``key.other``)."""
        return f"{key}.one" in self._words

    def plural(self, key: str, n: int, **values: object) -> str:
        # French counts 0 and 1 as singular; English only 1.
        one = n in (0, 1) if self.language == "fr" else n == 1
        return self(f"{key}.{'one' if one else 'other'}", n=n, **values)

    def date(self, value: dt.date | str | None) -> str:
        """A day as the letters write it ("2 December 2026", "2 décembre 2026")."""
        if value is None:
            return ""
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])
        return format_date(day, self.language)

    def moment(self, stamp: str | None) -> str:
        """A stored UTC time ("2026-12-02T18:40:00Z") as "2 December 2026, 18:40 UTC"."""
        if not stamp:
            return ""
        time = stamp[11:16] if len(stamp) >= 16 else ""
        if not time:
            return self.date(stamp)
        return self("doc.time_utc", date=self.date(stamp), time=time)
