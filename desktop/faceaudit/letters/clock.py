"""A Request's clock beyond the first period: a UK clock paused while the organisation waits
for ID or clarification (Art. 12A UK GDPR), and dates that contradict the letter or each other.

Extensions are in :mod:`tracking` (:func:`tracking.mark_extended`); both count exactly as the
first period was counted (receipt, the holidays stored with the request, paused days).
"""

from __future__ import annotations

import datetime as dt

from faceaudit.errors import coded
from faceaudit.letters.jurisdiction import Notice
from faceaudit.letters.texts import LetterError
from faceaudit.letters.tracking import (
    LetterTables,
    RequestRecord,
    append_note,
    deadline_of,
    get_letter,
    require_request,
    update_request,
)


def mark_paused(case: LetterTables, letter_id: int, on: dt.date, note: str = "") -> RequestRecord:
    """UK: the organisation asked for ID or clarification on ``on``; the clock stops."""
    request = require_request(case, letter_id)
    letter = get_letter(case, letter_id)
    if letter.jurisdiction != "uk":
        raise LetterError(
            "Only UK law stops the clock while the organisation waits for ID or "
            "clarification (Art. 12A UK GDPR); under this law the period keeps running "
            "from receipt.",
            "Answer the operator's question; the due date stays as it is.",
        )
    if request.paused_at is not None:
        raise LetterError(
            f"The clock of letter {letter_id} is already paused since "
            f"{request.paused_at.isoformat()}.",
            "Mark it resumed when you have sent what was asked for.",
        )
    if on < request.received or on > request.due_at:
        raise coded(
            LetterError(
                f"A pause on {on.isoformat()} is outside the period that runs from "
                f"{request.received.isoformat()} to {request.due_at.isoformat()}.",
                "Give the date of the organisation's request for ID or clarification (--date).",
            ),
            "pause-outside-period",
            on_date=on,
            start_date=request.received,
            end_date=request.due_at,
        )
    update_request(
        case, request.id, paused_at=on.isoformat(), notes=append_note(request.notes, note)
    )
    return require_request(case, letter_id)


def mark_resumed(case: LetterTables, letter_id: int, on: dt.date, note: str = "") -> RequestRecord:
    """UK: the organisation received what it asked for on ``on``; the clock runs again."""
    request = require_request(case, letter_id)
    letter = get_letter(case, letter_id)
    if request.paused_at is None:
        raise LetterError(
            f"The clock of letter {letter_id} is not paused.",
            "Mark it paused first, with the date the organisation asked for ID or clarification.",
        )
    if on < request.paused_at:
        raise coded(
            LetterError(
                f"The clock cannot resume ({on.isoformat()}) before it was paused "
                f"({request.paused_at.isoformat()}).",
                "Give the day the organisation received what it asked for (--date).",
            ),
            "resume-before-pause",
            on_date=on,
            paused_date=request.paused_at,
        )
    # From the day of the organisation's request to the day it gets the answer, inclusive.
    paused_days = request.paused_days + (on - request.paused_at).days + 1
    deadline = deadline_of(letter, request, paused_days)
    update_request(
        case,
        request.id,
        paused_at=None,
        paused_days=paused_days,
        due_at=deadline.due.isoformat(),
        notes=append_note(request.notes, note),
    )
    return require_request(case, letter_id)


# A letter mailed a month after its date, or received three weeks after it was sent, is
# possible but more often a typing error; either way the person should look again.
_LATE_SENDING = dt.timedelta(days=30)
_SLOW_DELIVERY = dt.timedelta(days=21)


def date_warnings(
    case: LetterTables,
    letter_id: int,
    sent_at: dt.date,
    channel: str,
    received_at: dt.date | None = None,
) -> list[str]:
    """Plain-language warnings when the dates given contradict the letter or each other."""
    return [n.text for n in date_notices(case, letter_id, sent_at, channel, received_at)]


def date_notices(
    case: LetterTables,
    letter_id: int,
    sent_at: dt.date,
    channel: str,
    received_at: dt.date | None = None,
) -> list[Notice]:
    """:func:`date_warnings` as codes with their dates, for the window to translate."""
    letter = get_letter(case, letter_id)
    printed = letter.letter_date or _created_on(letter.created_at)
    dates = (
        ("printed", printed.isoformat() if printed else ""),
        ("sent", sent_at.isoformat()),
        ("received", received_at.isoformat() if received_at else ""),
    )
    warnings = []
    if printed is not None and sent_at < printed:
        warnings.append(
            Notice(
                "sent-before-letter-date",
                f"The letter is dated {printed.isoformat()}, but you marked it sent on "
                f"{sent_at.isoformat()}, before that date. Check the send date: the operator "
                "sees the letter's own date.",
                dates,
            )
        )
    if printed is not None and sent_at - printed > _LATE_SENDING:
        warnings.append(
            Notice(
                "sent-long-after-letter-date",
                f"The letter is dated {printed.isoformat()} but was sent on "
                f"{sent_at.isoformat()}, more than a month later. The period counts from "
                "receipt, so the tracker uses the later date; consider redrafting the letter "
                "with the date you send it.",
                dates,
            )
        )
    if received_at is not None and received_at - sent_at > _SLOW_DELIVERY:
        warnings.append(
            Notice(
                "slow-delivery",
                f"Received on {received_at.isoformat()}, more than three weeks after it was "
                f"sent ({sent_at.isoformat()}): check the receipt date.",
                dates,
            )
        )
    if received_at is None and channel in ("post", "registered-post"):
        warnings.append(
            Notice(
                "posted-no-receipt",
                "A posted letter arrives after it is sent, and the operator's period counts "
                "from receipt. Until you give the receipt date (--received, e.g. from the "
                "delivery record), the tracker counts from the send date, which may be a few "
                "days early.",
                dates,
            )
        )
    return warnings


def _created_on(created_at: str) -> dt.date | None:
    return dt.date.fromisoformat(created_at[:10]) if created_at else None
