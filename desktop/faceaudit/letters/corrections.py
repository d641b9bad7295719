"""Correcting the tracker, and what the operator answered: the request records' operations.

The legal side (due dates, extensions, the paused clock, the status on a given day) is
:mod:`faceaudit.letters.tracking`; this module changes the records themselves:

- :func:`edit_sent_date` — the letter went out on another day (the due date is counted again);
- :func:`discard_draft` — a letter drafted but never sent leaves the tracker;
- :func:`undo_last_step` — the latest step recorded (closed, answered, paused, extended, sent)
  is taken back;
- :func:`record_outcome` — the answer: complied, partly or refused, on a date;
- :func:`attach_reply` / :func:`replies` / :func:`reply_file` — the operator's reply kept as a
  file in the case, sealed like the other evidence (its name too: it may name the person);
  :func:`save_replies` writes them out where the person asks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from faceaudit.errors import coded
from faceaudit.letters.deadlines import compute_deadline
from faceaudit.letters.render import LetterError
from faceaudit.letters.tracking import (
    LetterRecord,
    LetterTables,
    RequestRecord,
    find_request,
    get_letter,
    mark_answered,
    record_request_change,
)
from faceaudit.localfiles import read_capped
from faceaudit.store import audit

OUTCOMES = ("complied", "partly", "refused")
MAX_REPLY_BYTES = 64 * 1024 * 1024  # a scanned letter or an export of one's data, not a backup


class SealedTables(LetterTables, Protocol):
    """A Case: the letters' tables, and sealing under the case key for the replies."""

    def seal(self, data: bytes, table: str, column: str, row_key: str) -> bytes: ...

    def unseal(self, blob: bytes, table: str, column: str, row_key: str) -> bytes: ...


@dataclass(frozen=True)
class ReplyInfo:
    """An operator's reply kept in the case (its bytes stay sealed until asked for)."""

    id: int
    letter_id: int
    file_name: str
    byte_size: int
    sha256: str
    added_at: str


def _request(case: LetterTables, letter_id: int) -> RequestRecord:
    get_letter(case, letter_id)  # "no such letter" before "not sent"
    request = find_request(case, letter_id)
    if request is None:
        raise LetterError(
            f"Letter {letter_id} is a draft: it was never marked as sent.",
            f"Mark it sent first (faceaudit requests mark --case NAME {letter_id} sent), or "
            f"discard it (faceaudit requests discard --case NAME {letter_id}).",
        )
    return request


def _not_after_today(day: dt.date, what: str, today: dt.date | None) -> None:
    if day > (today or dt.date.today()):
        raise LetterError(
            f"{what} {day.isoformat()} is in the future.",
            "Give the day it actually happened (--date YYYY-MM-DD).",
        )


def _set(case: LetterTables, request_id: int, **values: str | int | None) -> None:
    columns = ", ".join(f"{name} = ?" for name in values)  # names are ours, never user input
    with case.connection() as conn:
        statement = f"UPDATE requests SET {columns} WHERE id = ?"  # noqa: S608
        conn.execute(statement, (*values.values(), request_id))
        record_request_change(case, request_id, values)


def edit_sent_date(
    case: LetterTables,
    letter_id: int,
    sent_at: dt.date,
    *,
    received_at: dt.date | None = None,
    today: dt.date | None = None,
) -> RequestRecord:
    """Correct when a letter was sent (and received); the due date is counted again from it.

    A date in the future, or a receipt before the sending, is refused. An extension already
    recorded keeps the date the operator announced.
    """
    request = _request(case, letter_id)
    _not_after_today(sent_at, "The send date", today)
    received = received_at or (request.received_at if request.received_at else None)
    if received is not None and received < sent_at:
        raise coded(
            LetterError(
                f"The letter was received on {received.isoformat()}, before the new send date "
                f"{sent_at.isoformat()}.",
                "Give the day it was received too (--received YYYY-MM-DD).",
            ),
            "received-before-sent",
            received_date=received,
            sent_date=sent_at,
        )
    letter = get_letter(case, letter_id)
    deadline = compute_deadline(
        letter.jurisdiction,
        letter.letter_type,
        received or sent_at,
        holiday_country=request.holiday_country,
        paused_days=request.paused_days,
    )
    _set(
        case,
        request.id,
        sent_at=sent_at.isoformat(),
        received_at=received.isoformat() if received else None,
        due_at=deadline.due.isoformat(),
    )
    return _request(case, letter_id)


def discard_draft(case: LetterTables, letter_id: int) -> LetterRecord:
    """Remove a letter that was drafted but never sent; returns it (its files stay where they
    were written: the caller says where)."""
    letter = get_letter(case, letter_id)
    if find_request(case, letter_id) is not None:
        raise LetterError(
            f"Letter {letter_id} was marked as sent, so it is not a draft any more.",
            f"If that was a mistake, take it back first with "
            f"'faceaudit requests undo --case NAME {letter_id}'.",
        )
    with case.connection() as conn:
        conn.execute("DELETE FROM letters WHERE id = ?", (letter_id,))
        case.record_action(audit.LETTER_DISCARDED, letter_id=letter_id)
    return letter


def last_step(request: RequestRecord) -> str:
    """The step :func:`undo_last_step` would take back: closed, answered, paused, extended
    or sent (the window names it in its confirmation before undoing)."""
    if request.status == "closed":
        return "closed"
    if request.status == "answered" or request.answered_at is not None:
        return "answered"
    if request.paused_at is not None:
        return "paused"
    if request.extended_due_at is not None:
        return "extended"
    return "sent"


def undo_last_step(case: LetterTables, letter_id: int) -> str:
    """Take back the latest step recorded for a letter; returns what was undone, in words.

    Steps, latest first: closed, answered (with its outcome), paused, extended, sent. Undoing
    "sent" makes the letter a draft again, unless a reminder or complaint follows it up or a
    reply is attached (take those back first). A resumed clock cannot be undone.
    """
    request = _request(case, letter_id)
    step = last_step(request)
    reopened = "extended" if request.extended_due_at else "sent"
    if step == "closed":
        _set(
            case,
            request.id,
            status="answered" if request.answered_at else reopened,
            closed_at=None,
        )
        return "closed"
    if step == "answered":
        _set(case, request.id, status=reopened, answered_at=None, outcome=None, outcome_at=None)
        return "answered"
    if step == "paused":
        _set(case, request.id, paused_at=None)
        return "paused"
    if step == "extended":
        _set(
            case,
            request.id,
            status="sent",
            extended_due_at=None,
            extension_announced_at=None,
            extension_late=0,
        )
        return "extended"
    with case.connection() as conn:
        follow_ups = [
            int(row[0])
            for row in conn.execute(
                "SELECT id FROM letters WHERE parent_request_id = ? ORDER BY id", (request.id,)
            )
        ]
        if follow_ups:
            raise coded(
                LetterError(
                    f"Letter {letter_id} is followed up by letter(s) "
                    f"{', '.join(map(str, follow_ups))}: it was sent.",
                    "Discard those drafts first, or correct the send date with 'requests edit'.",
                ),
                "letter-followed-up",
                letter=letter_id,
                letters=", ".join(f"FA-{n}" for n in follow_ups),
            )
        if conn.execute(
            "SELECT 1 FROM request_replies WHERE request_id = ?", (request.id,)
        ).fetchone():
            raise coded(
                LetterError(
                    f"The operator's reply is attached to letter {letter_id}: it was sent.",
                    "Correct the send date with 'requests edit' instead.",
                ),
                "letter-reply-attached",
                letter=letter_id,
            )
        conn.execute("DELETE FROM requests WHERE id = ?", (request.id,))
        case.record_action(
            audit.REQUEST_MARKED, request_id=request.id, letter_id=letter_id, status="draft"
        )
    return "sent"


def record_outcome(
    case: LetterTables,
    letter_id: int,
    outcome: str,
    on: dt.date,
    *,
    note: str = "",
    today: dt.date | None = None,
) -> RequestRecord:
    """The operator answered on ``on``: it complied, complied in part, or refused.

    The request is marked answered on that day if it was not yet; the outcome can be
    recorded again (the latest one counts).
    """
    if outcome not in OUTCOMES:
        raise LetterError(
            f"Unknown outcome {outcome!r}.", "Choose one of: " + ", ".join(OUTCOMES) + "."
        )
    request = _request(case, letter_id)
    _not_after_today(on, "The answer's date", today)
    if on < request.sent_at:
        raise LetterError(
            f"The answer ({on.isoformat()}) cannot predate the request "
            f"({request.sent_at.isoformat()}).",
            "Give the day the operator answered (--date YYYY-MM-DD).",
        )
    if request.status not in ("answered", "closed"):
        mark_answered(case, letter_id, on, note)
        note = ""
    values: dict[str, str | int | None] = {"outcome": outcome, "outcome_at": on.isoformat()}
    if note.strip():
        values["notes"] = "\n".join(n for n in (request.notes, note.strip()) if n)
    _set(case, request.id, **values)
    return _request(case, letter_id)


def outcome_of(case: LetterTables, letter_id: int) -> tuple[str, dt.date] | None:
    """The outcome recorded for a letter's request, with its date, or None."""
    request = find_request(case, letter_id)
    if request is None:
        return None
    with case.connection() as conn:
        row = conn.execute(
            "SELECT outcome, outcome_at FROM requests WHERE id = ?", (request.id,)
        ).fetchone()
    if row is None or row[0] is None:
        return None
    return str(row[0]), dt.date.fromisoformat(row[1][:10])


def attach_reply(
    case: SealedTables, letter_id: int, file_name: str, data: bytes, *, added_at: str
) -> ReplyInfo:
    """Keep the operator's reply (a PDF, an e-mail, a scan...) in the case, sealed."""
    request = _request(case, letter_id)
    if not data:
        raise coded(
            LetterError(f"The reply file {file_name} is empty.", "Check the file."),
            "reply-empty",
            name=file_name,
        )
    if len(data) > MAX_REPLY_BYTES:
        raise LetterError(
            f"The reply file {file_name} is {len(data) // (1024 * 1024)} MiB; a case keeps "
            f"replies up to {MAX_REPLY_BYTES // (1024 * 1024)} MiB.",
            "Keep the large file yourself and attach a letter or summary of it.",
        )
    uid = uuid.uuid4().hex
    sha256 = hashlib.sha256(data).hexdigest()
    name_blob = case.seal(file_name.encode("utf-8"), "request_replies", "name_blob", uid)
    data_blob = case.seal(data, "request_replies", "data_blob", uid)
    with case.connection() as conn:
        cursor = conn.execute(
            "INSERT INTO request_replies (uid, request_id, added_at, byte_size, sha256,"
            " name_blob, data_blob) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (uid, request.id, added_at, len(data), sha256, name_blob, data_blob),
        )
        reply_id = int(cursor.lastrowid or 0)
        case.record_action(
            audit.REPLY_ADDED, request_id=request.id, reply_id=reply_id, bytes=len(data)
        )
    return ReplyInfo(reply_id, letter_id, file_name, len(data), sha256, added_at)


def replies(case: SealedTables, letter_id: int) -> list[ReplyInfo]:
    """The replies attached to a letter's request, oldest first (names unsealed, not bytes)."""
    request = _request(case, letter_id)
    with case.connection() as conn:
        rows = conn.execute(
            "SELECT id, uid, byte_size, sha256, added_at, name_blob FROM request_replies"
            " WHERE request_id = ? ORDER BY id",
            (request.id,),
        ).fetchall()
    return [
        ReplyInfo(
            int(row[0]),
            letter_id,
            case.unseal(row[5], "request_replies", "name_blob", row[1]).decode("utf-8"),
            int(row[2]),
            row[3],
            row[4],
        )
        for row in rows
    ]


def reply_file(case: SealedTables, reply_id: int) -> tuple[str, bytes]:
    """A reply's file name and bytes, unsealed."""
    with case.connection() as conn:
        row = conn.execute(
            "SELECT uid, name_blob, data_blob FROM request_replies WHERE id = ?", (reply_id,)
        ).fetchone()
    if row is None:
        raise LetterError(
            f"There is no reply {reply_id} in this case.",
            "List a letter's replies with 'faceaudit requests reply --case NAME LETTER_ID'.",
        )
    name = case.unseal(row[1], "request_replies", "name_blob", row[0]).decode("utf-8")
    return name, case.unseal(row[2], "request_replies", "data_blob", row[0])


def read_reply(path: Path) -> bytes:
    """A reply file's bytes: a regular file under the cap (never a device or a pipe)."""
    return read_capped(
        path,
        MAX_REPLY_BYTES,
        role="reply file",
        error=LetterError,
        too_large_todo="Keep the large file yourself and attach a letter or summary of it.",
    )


def save_replies(case: SealedTables, letter_id: int, folder: Path) -> list[Path]:
    """Write every reply kept for a letter into ``folder`` (private files, never overwriting:
    an existing file stops the saving with a LetterError, the files written so far stay)."""
    written = []
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for info in replies(case, letter_id):
        name, data = reply_file(case, info.id)
        target = folder / f"FA-{letter_id}-reply-{info.id}-{Path(name).name}"
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise coded(
                LetterError(
                    f"{target} already exists; it was not overwritten.",
                    "Save the replies into another folder (-o FOLDER).",
                ),
                "reply-exists",
                where=target,
            ) from None
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        written.append(target)
    return written
