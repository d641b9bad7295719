"""The person's own text, checked and normalised once, wherever it enters (CLI, window, case).

Names, addresses, e-mail addresses and reasons end up in PDF, Word and e-mail files, whose
writers refuse or misread what a keyboard, a paste or a broken terminal can produce:
control characters (Word's XML cannot hold them), newlines in a one-line field (an e-mail
header must never gain a line), text far beyond a document property's limit, bytes that are
not UTF-8 (Python carries them as lone surrogates). Each field is NFC-normalised, stripped of
control and bidirectional-override characters, folded or refused where it must be one line,
and capped with a message saying which field and what to do.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from email.errors import HeaderParseError
from email.headerregistry import Address

from faceaudit.errors import FaceAuditError

MAX_NAME = 200  # Word's core properties (author) hold 255 characters
MAX_EMAIL = 254  # RFC 5321's longest forward path
MAX_LINE = 200
MAX_ADDRESS_LINES = 10
MAX_TEXT = 5000  # a reason or a note: about two pages
FIRST_YEAR, LAST_YEAR = 1970, 2999  # deadlines and holidays are computed within these

# C0 and C1 controls except tab and the line breaks, DEL, the bidirectional embeddings,
# overrides and isolates (they reorder what a line shows), and the line/paragraph separators.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")


class TextFieldError(FaceAuditError):
    """A field of the person's text cannot be used as given."""


def _base(value: str, label: str) -> str:
    if _SURROGATES.search(value):
        raise TextFieldError(
            f"{label} contains bytes that are not UTF-8 text (perhaps from a terminal or a "
            "file in another encoding).",
            "Type it again, or save the file as UTF-8.",
        )
    return _CONTROLS.sub("", unicodedata.normalize("NFC", value))


def _cap(value: str, label: str, limit: int) -> str:
    if len(value) > limit:
        raise TextFieldError(
            f"{label} is {len(value):,} characters long; FaceAudit takes at most {limit:,}.",
            "Shorten it.",
        )
    return value


def single_line(value: str, label: str, limit: int = MAX_LINE) -> str:
    """One line: line breaks and runs of spaces fold into one space."""
    text = " ".join(_base(value, label).split())
    return _cap(text, label, limit)


def multi_line(
    value: str, label: str, *, limit: int = MAX_TEXT, max_lines: int | None = None
) -> str:
    """Several lines, each cleaned; blank lines at the ends dropped, ``\\r\\n`` made ``\\n``.

    With ``max_lines`` (an address), empty lines inside are dropped too.
    """
    lines = [" ".join(line.split()) for line in _LINE_BREAKS.split(_base(value, label))]
    if max_lines is not None:
        lines = [line for line in lines if line]
        if len(lines) > max_lines:
            raise TextFieldError(
                f"{label} has {len(lines)} lines; FaceAudit takes at most {max_lines}.",
                "Put several parts on one line, separated by commas.",
            )
        for line in lines:
            _cap(line, f"A line of {label.lower()}", MAX_LINE)
    return _cap("\n".join(lines).strip("\n"), label, limit)


def email_address(value: str, label: str) -> str:
    """One e-mail address (``name@example.org``), nothing more: never a second recipient or
    a header line."""
    text = _base(value, label).strip()
    if not text:
        return ""
    _cap(text, label, MAX_EMAIL)
    problem = ""
    if any(char.isspace() for char in text):
        problem = "it contains spaces or line breaks"
    elif text.count("@") != 1 or text.startswith("@") or text.endswith("@"):
        problem = "it needs exactly one @ between a name and a domain"
    else:
        try:
            parsed = Address(addr_spec=text)
        except (ValueError, IndexError, HeaderParseError) as error:
            problem = f"it is not one address ({error})"
        else:
            if parsed.addr_spec.replace('"', "") != text.replace('"', ""):
                problem = "it is not one address"
    if problem:
        raise TextFieldError(
            f"{label} {text[:80]!r} cannot be used: {problem}.",
            "Give one address, e.g. name@example.org.",
        )
    return text


_PERSON_LABELS = {
    "full_name": "The name (--name)",
    "email": "The e-mail address (--email)",
    "postal_address": "The postal address (--address)",
    "country": "The country (--country)",
    "language": "The language (--language)",
}


def clean_person_field(field: str, value: str) -> str:
    """A detail of :class:`~faceaudit.store.Person` as the case keeps it."""
    label = _PERSON_LABELS.get(field, field)
    if field == "email":
        return email_address(value, label)
    if field == "postal_address":
        text = value.replace("\\n", "\n")  # typed as 'line one\nline two' on a command line
        return multi_line(
            text, label, limit=MAX_ADDRESS_LINES * MAX_LINE, max_lines=MAX_ADDRESS_LINES
        )
    return single_line(value, label, MAX_NAME if field == "full_name" else 16)


def check_date(day: dt.date, label: str) -> dt.date:
    """A date the deadlines can be counted from (``9999-12-31`` plus a month is no date)."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise TextFieldError(
            f"{label} {day.isoformat()} is outside the years FaceAudit can count deadlines in "
            f"({FIRST_YEAR}-{LAST_YEAR}).",
            "Check the date (YYYY-MM-DD).",
        )
    return day
