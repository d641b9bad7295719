"""Letters and Requests in a Case: drafts, sending, due dates, answers, and what comes next.

A letters row is a draft until it has a requests row (one per letter: the letter was sent).
A Request's stored status is sent, extended, answered or closed; what the person sees is
computed when read (:func:`status_on`): "overdue" once the due date (or a timely extended
one) has passed without an answer, "paused" while a UK organisation waits for ID or
clarification (Art. 12A UK GDPR). Overdue requests offer a reminder first, then a complaint
to the supervisory authority.

Due dates count from receipt (the send date unless a receipt date is given), in the holiday
calendar stored with the request; an extension is counted the same way, and one announced
after the first period ended is refused unless the person records it as late, in which case
it does not stop the request being overdue (GDPR Art. 12(3): notice within the first month).

The tables live in the case store (``faceaudit.store``); this module owns their logic and
reaches them only through ``case.connection()``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from faceaudit.errors import coded
from faceaudit.letters.deadlines import Deadline, compute_deadline
from faceaudit.letters.directory import EU_EEA, Operator, operator_from_json
from faceaudit.letters.render import LetterError, PriorRequest
from faceaudit.store import audit
from faceaudit.timestamps import utc_now, utc_stamp

STATUSES = ("draft", "sent", "answered", "extended", "paused", "overdue", "closed")
CHANNELS = ("email", "webform", "post", "registered-post", "hand", "fax", "other")
OPEN_STATUSES = ("sent", "extended", "overdue")


class LetterTables(Protocol):
    """What tracking needs from a Case: a write transaction on its SQLite file, and its
    audit log (each change is recorded in the same transaction)."""

    def connection(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def record_action(self, action: str, **details: Any) -> object: ...


@dataclass(frozen=True)
class LetterRecord:
    id: int
    created_at: str
    letter_type: str
    jurisdiction: str
    language: str
    operator: Operator
    finding_ids: tuple[int, ...]
    formats: tuple[str, ...]
    output_dir: str | None
    parent_request_id: int | None
    body_sha256: str | None
    letter_date: dt.date | None = None  # the date printed on the letter
    files: tuple[str, ...] = ()  # the paths it was written to (empty: before they were kept)


@dataclass(frozen=True)
class RequestRecord:
    id: int
    letter_id: int
    sent_at: dt.date
    channel: str
    due_at: dt.date
    extended_due_at: dt.date | None
    status: str
    answered_at: dt.date | None
    closed_at: dt.date | None
    notes: str
    received_at: dt.date | None = None  # when the operator received it, if not the send date
    holiday_country: str | None = None  # whose public holidays the due dates skip
    extension_announced_at: dt.date | None = None
    extension_late: bool = False  # announced after the first period: recorded, not honoured
    paused_at: dt.date | None = None  # UK: clock stopped since this day (Art. 12A UK GDPR)
    paused_days: int = 0  # days already paused and resumed

    @property
    def received(self) -> dt.date:
        return self.received_at or self.sent_at

    @property
    def effective_due(self) -> dt.date:
        if self.extended_due_at and not self.extension_late:
            return self.extended_due_at
        return self.due_at


def status_on(request: RequestRecord, today: dt.date) -> str:
    """The request's status as of ``today``, computed from its dates (never stored stale)."""
    if request.status in ("answered", "closed"):
        return request.status
    if request.paused_at is not None:
        return "paused"
    if today > request.effective_due:
        return "overdue"
    return "extended" if request.effective_due != request.due_at else "sent"


@dataclass(frozen=True)
class Tracked:
    """A letter with its request (if sent), its status today and the step it offers next."""

    letter: LetterRecord
    request: RequestRecord | None
    status: str
    next_step: str | None  # "reminder" | "complaint" | None

    def to_json(self) -> dict[str, object]:
        request = self.request
        return {
            "id": self.letter.id,
            "type": self.letter.letter_type,
            "jurisdiction": self.letter.jurisdiction,
            "language": self.letter.language,
            "operator": self.letter.operator.name,
            "operator_slug": self.letter.operator.slug,
            "created_at": self.letter.created_at,
            "findings": list(self.letter.finding_ids),
            "formats": list(self.letter.formats),
            "output_dir": self.letter.output_dir,
            "follows_up": self.letter.parent_request_id,
            "status": self.status,
            "request_id": request.id if request else None,
            "sent_at": request.sent_at.isoformat() if request else None,
            "channel": request.channel if request else None,
            "due_at": request.due_at.isoformat() if request else None,
            "extended_due_at": _iso(request.extended_due_at) if request else None,
            "answered_at": _iso(request.answered_at) if request else None,
            "closed_at": _iso(request.closed_at) if request else None,
            "received_at": _iso(request.received) if request else None,
            "extension_announced_at": _iso(request.extension_announced_at) if request else None,
            "extension_late": request.extension_late if request else False,
            "paused_at": _iso(request.paused_at) if request else None,
            "paused_days": request.paused_days if request else 0,
            "letter_date": _iso(self.letter.letter_date),
            "notes": request.notes if request else "",
            "next_step": self.next_step,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def holiday_country(operator: Operator, person_country: str | None) -> str | None:
    """Whose public holidays move an EU due date: where the controller acts, else the person's."""
    for code in (operator.country, person_country or ""):
        if code and code.lower() in EU_EEA:
            return code.upper()
    return None


# --- writing ------------------------------------------------------------------------


def record_letter(
    case: LetterTables,
    *,
    letter_type: str,
    jurisdiction: str,
    language: str,
    operator: Operator,
    finding_ids: tuple[int, ...] = (),
    formats: tuple[str, ...] = (),
    output_dir: str | None = None,
    parent_request_id: int | None = None,
    body_sha256: str | None = None,
    created_at: dt.datetime | None = None,
    letter_date: dt.date | None = None,
) -> int:
    """Store a drafted letter; returns its id (the reference printed on the letter)."""
    created = utc_stamp(created_at) if created_at else utc_now()
    with case.connection() as conn:
        cursor = conn.execute(
            "INSERT INTO letters (created_at, type, jurisdiction, language, operator_slug, "
            "operator_json, finding_ids, formats, output_dir, parent_request_id, body_sha256, "
            "letter_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                created,
                letter_type,
                jurisdiction,
                language,
                operator.slug,
                json.dumps(operator.to_json(), ensure_ascii=False),
                json.dumps(list(finding_ids)),
                json.dumps(list(formats)),
                output_dir,
                parent_request_id,
                body_sha256,
                _iso(letter_date),
            ),
        )
        letter_id = int(cursor.lastrowid or 0)
        case.record_action(
            audit.LETTER_GENERATED,
            letter_id=letter_id,
            type=letter_type,
            jurisdiction=jurisdiction,
            language=language,
            findings=len(finding_ids),
            follows_request=parent_request_id,
        )
        return letter_id


def update_letter_output(
    case: LetterTables,
    letter_id: int,
    formats: tuple[str, ...],
    output_dir: str,
    body_sha256: str,
    files: Sequence[Path] = (),
) -> None:
    """Where the letter was written; ``files`` (the paths) let a follow-up enclose it."""
    with case.connection() as conn:
        conn.execute(
            "UPDATE letters SET formats = ?, output_dir = ?, body_sha256 = ?, files = ? "
            "WHERE id = ?",
            (
                json.dumps(list(formats)),
                output_dir,
                body_sha256,
                json.dumps([str(path) for path in files], ensure_ascii=False),
                letter_id,
            ),
        )
        case.record_action(audit.LETTER_WRITTEN, letter_id=letter_id, formats=list(formats))


def mark_sent(
    case: LetterTables,
    letter_id: int,
    sent_at: dt.date,
    channel: str,
    *,
    received_at: dt.date | None = None,
    person_country: str | None = None,
    today: dt.date | None = None,
) -> RequestRecord:
    """Record that a letter went out; the due date counts from receipt (default: the send date).

    Impossible dates are refused; dates that are possible but suspicious are the business of
    :func:`date_warnings`, which the caller shows.
    """
    if channel not in CHANNELS:
        raise LetterError(
            f"Unknown channel {channel!r}.", "Choose one of: " + ", ".join(CHANNELS) + "."
        )
    letter = get_letter(case, letter_id)
    if find_request(case, letter_id) is not None:
        raise coded(
            LetterError(
                f"Letter {letter_id} is already marked as sent.",
                "Mark it answered, extended or closed instead, or draft a new letter.",
            ),
            "letter-already-sent",
            letter=letter_id,
        )
    today = today or dt.date.today()
    if sent_at > today:
        raise LetterError(
            f"The send date {sent_at.isoformat()} is in the future.",
            "Mark the letter sent once it has gone, with the day it went (--date YYYY-MM-DD).",
        )
    if received_at is not None and received_at < sent_at:
        raise LetterError(
            f"The letter cannot be received ({received_at.isoformat()}) before it was sent "
            f"({sent_at.isoformat()}).",
            "Check --date (when you sent it) and --received (when the operator got it).",
        )
    country = holiday_country(letter.operator, person_country)
    deadline = compute_deadline(
        letter.jurisdiction, letter.letter_type, received_at or sent_at, holiday_country=country
    )
    with case.connection() as conn:
        conn.execute(
            "INSERT INTO requests (letter_id, sent_at, channel, due_at, status, received_at, "
            "holiday_country) VALUES (?, ?, ?, ?, 'sent', ?, ?)",
            (
                letter_id,
                sent_at.isoformat(),
                channel,
                deadline.due.isoformat(),
                _iso(received_at),
                country,
            ),
        )
        case.record_action(
            audit.REQUEST_MARKED, letter_id=letter_id, status="sent", channel=channel
        )
    request = find_request(case, letter_id)
    assert request is not None
    return request


def require_request(case: LetterTables, letter_id: int) -> RequestRecord:
    request = find_request(case, letter_id)
    if request is None:
        raise LetterError(
            f"Letter {letter_id} is a draft: it has not been marked as sent.",
            f"Mark it sent first: faceaudit requests mark --case NAME {letter_id} sent "
            "--date YYYY-MM-DD --channel email",
        )
    return request


def mark_answered(case: LetterTables, letter_id: int, on: dt.date, note: str = "") -> RequestRecord:
    request = require_request(case, letter_id)
    update_request(
        case,
        request.id,
        status="answered",
        answered_at=on.isoformat(),
        notes=append_note(request.notes, note),
    )
    return require_request(case, letter_id)


def deadline_of(letter: LetterRecord, request: RequestRecord, paused_days: int) -> Deadline:
    """The request's periods, counted exactly as the first one was: receipt, holidays, pause.

    Pausing a UK clock and checking dates against the letter are in :mod:`clock`."""
    return compute_deadline(
        letter.jurisdiction,
        letter.letter_type,
        request.received,
        holiday_country=request.holiday_country,
        paused_days=paused_days,
    )


def mark_extended(
    case: LetterTables,
    letter_id: int,
    until: dt.date | None = None,
    note: str = "",
    *,
    announced_on: dt.date | None = None,
    late: bool = False,
) -> RequestRecord:
    """The operator announced an extension on ``announced_on`` (default: today).

    ``until`` defaults to the longest the law allows, counted from receipt in the request's
    holiday calendar. An extension announced after the first period has ended is refused
    (Art. 12(3) GDPR: notice within the first month; §1798.130(a)(2): within the first 45
    days); with ``late=True`` it is kept on record, flagged, and the request stays overdue.
    """
    request = require_request(case, letter_id)
    letter = get_letter(case, letter_id)
    announced = announced_on or dt.date.today()
    if announced < request.sent_at:
        raise LetterError(
            f"An extension announced on {announced.isoformat()} would predate the request "
            f"({request.sent_at.isoformat()}).",
            "Give the date of the operator's message with --announced YYYY-MM-DD.",
        )
    too_late = announced > request.due_at
    if too_late and not late:
        raise LetterError(
            f"The operator announced the extension on {announced.isoformat()}, after the "
            f"period for an answer ended on {request.due_at.isoformat()}. The law requires "
            "the extension to be announced, with reasons, within that period, so it does not "
            "count: the request stays overdue.",
            "Keep it on record anyway with --late (it is flagged and changes no date), and "
            "send a reminder or a complaint.",
        )
    if until is None:
        deadline = deadline_of(letter, request, request.paused_days)
        if deadline.extended_due is None:
            raise coded(
                LetterError(
                    "The law sets no standard extension for this request.",
                    "Give the date the operator announced with --until YYYY-MM-DD.",
                ),
                "no-standard-extension",
            )
        until = deadline.extended_due
    update_request(
        case,
        request.id,
        status="extended",
        extended_due_at=until.isoformat(),
        extension_announced_at=announced.isoformat(),
        extension_late=int(too_late),
        notes=append_note(request.notes, note),
    )
    return require_request(case, letter_id)


def mark_closed(case: LetterTables, letter_id: int, on: dt.date, note: str = "") -> RequestRecord:
    request = require_request(case, letter_id)
    update_request(
        case,
        request.id,
        status="closed",
        closed_at=on.isoformat(),
        notes=append_note(request.notes, note),
    )
    return require_request(case, letter_id)


def append_note(notes: str, note: str) -> str:
    return "\n".join(n for n in (notes, note.strip()) if n)


def update_request(case: LetterTables, request_id: int, **values: str | int | None) -> None:
    columns = ", ".join(f"{name} = ?" for name in values)  # names are ours, never user input
    with case.connection() as conn:
        statement = f"UPDATE requests SET {columns} WHERE id = ?"  # noqa: S608
        conn.execute(statement, (*values.values(), request_id))
        record_request_change(case, request_id, values)


def record_request_change(
    case: LetterTables, request_id: int, values: dict[str, str | int | None]
) -> None:
    """The audit log's entry for a change of a request: its new status, and which columns
    changed (never the notes' text)."""
    status = values.get("status")
    case.record_action(
        audit.REQUEST_MARKED,
        request_id=request_id,
        status=status if isinstance(status, str) else None,
        fields=sorted(values),
    )


def refresh_overdue(case: LetterTables, today: dt.date) -> list[int]:
    """The letter ids of every open request overdue on ``today`` (computed, nothing stored)."""
    return [
        row.letter.id
        for row in _rows(case)
        if row.request is not None and status_on(row.request, today) == "overdue"
    ]


# --- reading ------------------------------------------------------------------------


def _letter_from_row(row: Sequence[Any]) -> LetterRecord:
    return LetterRecord(
        id=row[0],
        created_at=row[1],
        letter_type=row[2],
        jurisdiction=row[3],
        language=row[4],
        operator=operator_from_json(json.loads(row[6])),
        finding_ids=tuple(json.loads(row[7] or "[]")),
        formats=tuple(json.loads(row[8] or "[]")),
        output_dir=row[9],
        parent_request_id=row[10],
        body_sha256=row[11],
        letter_date=_date(row[12]),
        files=tuple(json.loads(row[13] or "[]")),
    )


def _request_from_row(row: Sequence[Any]) -> RequestRecord:
    return RequestRecord(
        id=row[0],
        letter_id=row[1],
        sent_at=dt.date.fromisoformat(row[2][:10]),
        channel=row[3],
        due_at=dt.date.fromisoformat(row[4][:10]),
        extended_due_at=_date(row[5]),
        status=row[6],
        answered_at=_date(row[7]),
        closed_at=_date(row[8]),
        notes=row[9] or "",
        received_at=_date(row[10]),
        holiday_country=row[11],
        extension_announced_at=_date(row[12]),
        extension_late=bool(row[13]),
        paused_at=_date(row[14]),
        paused_days=int(row[15] or 0),
    )


_LETTER_COLUMNS = (
    "l.id, l.created_at, l.type, l.jurisdiction, l.language, l.operator_slug, l.operator_json, "
    "l.finding_ids, l.formats, l.output_dir, l.parent_request_id, l.body_sha256, l.letter_date, "
    "l.files"
)
_LETTER_WIDTH = 14
_REQUEST_COLUMNS = (
    "r.id, r.letter_id, r.sent_at, r.channel, r.due_at, r.extended_due_at, r.status, "
    "r.answered_at, r.closed_at, r.notes, r.received_at, r.holiday_country, "
    "r.extension_announced_at, r.extension_late, r.paused_at, r.paused_days"
)


@dataclass(frozen=True)
class _Row:
    letter: LetterRecord
    request: RequestRecord | None


def _rows(case: LetterTables) -> Iterator[_Row]:
    with case.connection() as conn:
        rows = conn.execute(
            f"SELECT {_LETTER_COLUMNS}, {_REQUEST_COLUMNS} FROM letters l "  # noqa: S608
            "LEFT JOIN requests r ON r.letter_id = l.id ORDER BY l.id"
        ).fetchall()
    width = _LETTER_WIDTH
    for row in rows:
        request = _request_from_row(row[width:]) if row[width] is not None else None
        yield _Row(_letter_from_row(row[:width]), request)


def get_letter(case: LetterTables, letter_id: int) -> LetterRecord:
    with case.connection() as conn:
        row = conn.execute(
            f"SELECT {_LETTER_COLUMNS} FROM letters l WHERE l.id = ?",  # noqa: S608
            (letter_id,),
        ).fetchone()
    if row is None:
        raise LetterError(
            f"There is no letter {letter_id} in this case.",
            "Run 'faceaudit requests --case NAME' to see the letters and their numbers.",
        )
    return _letter_from_row(row)


def find_request(case: LetterTables, letter_id: int) -> RequestRecord | None:
    with case.connection() as conn:
        row = conn.execute(
            f"SELECT {_REQUEST_COLUMNS} FROM requests r WHERE r.letter_id = ?",  # noqa: S608
            (letter_id,),
        ).fetchone()
    return _request_from_row(row) if row else None


def list_tracked(case: LetterTables, today: dt.date | None = None) -> list[Tracked]:
    """Every letter with its status as of ``today``, computed from its dates."""
    today = today or dt.date.today()
    rows = list(_rows(case))
    follow_ups: dict[int, set[str]] = {}
    for row in rows:
        if row.letter.parent_request_id is not None:
            follow_ups.setdefault(row.letter.parent_request_id, set()).add(row.letter.letter_type)
    tracked = []
    for row in rows:
        request = row.request
        status = status_on(request, today) if request else "draft"
        tracked.append(Tracked(row.letter, request, status, _next_step(row, status, follow_ups)))
    return tracked


def _next_step(row: _Row, status: str, follow_ups: dict[int, set[str]]) -> str | None:
    if status != "overdue" or row.request is None:
        return None
    letter = row.letter
    if letter.letter_type == "complaint":
        return None
    # A reminder that ran out leads to the complaint about the original request.
    original = letter.parent_request_id if letter.letter_type == "reminder" else row.request.id
    done = follow_ups.get(original, set()) if original is not None else set()
    if letter.letter_type != "reminder" and "reminder" not in done:
        return "reminder"
    return None if "complaint" in done else "complaint"


def original_request_of(case: LetterTables, letter_id: int) -> tuple[LetterRecord, RequestRecord]:
    """The first request a follow-up is about: itself, or the parent of a reminder."""
    letter = get_letter(case, letter_id)
    request = require_request(case, letter_id)
    if letter.letter_type == "reminder" and letter.parent_request_id is not None:
        for row in _rows(case):
            if row.request is not None and row.request.id == letter.parent_request_id:
                return row.letter, row.request
    return letter, request


def prior_and_history(
    case: LetterTables, letter_id: int, today: dt.date | None = None
) -> tuple[LetterRecord, RequestRecord, PriorRequest, tuple[PriorRequest, ...]]:
    """For a reminder or complaint about ``letter_id``: the original and every letter since,
    each with its status as of ``today`` (the follow-up's date)."""
    today = today or dt.date.today()
    original_letter, original_request = original_request_of(case, letter_id)
    prior = _as_prior(original_letter, original_request, today)
    history = [prior]
    for row in _rows(case):
        if row.letter.parent_request_id == original_request.id and row.request is not None:
            history.append(_as_prior(row.letter, row.request, today))
    return original_letter, original_request, prior, tuple(history)


def _as_prior(letter: LetterRecord, request: RequestRecord, today: dt.date) -> PriorRequest:
    honoured = request.extended_due_at if not request.extension_late else None
    return PriorRequest(
        reference=f"FA-{letter.id}",
        letter_type=letter.letter_type,
        sent_at=request.sent_at,
        due_at=request.due_at,
        channel=request.channel,
        status=status_on(request, today),
        answered_at=request.answered_at,
        extended_due_at=honoured,
        received_at=request.received_at,
        extension_announced_at=request.extension_announced_at,
        late_extension_until=request.extended_due_at if request.extension_late else None,
    )
