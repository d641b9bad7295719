"""What the Letters screen asks of the core, as plain functions run off the GUI thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from faceaudit.letters import calendar, clock, corrections, drafting, overview, tracking
from faceaudit.letters.directory import Directory
from faceaudit.letters.jurisdiction import Notice
from faceaudit.letters.selection import OperatorFindings, findings_by_operator
from faceaudit.timestamps import utc_now

if TYPE_CHECKING:
    from faceaudit.store import Case, CaseStore

DUE_SOON_DAYS = 7  # a request due within a week is announced with the overdue ones


@dataclass(frozen=True)
class Overview:
    directory: Directory
    groups: list[OperatorFindings]
    tracked: list[tracking.Tracked]
    today: dt.date


def load_overview(case: Case, operators_dir: Path, today: dt.date | None = None) -> Overview:
    """The directory, the sites the person was found on, and every letter with its status."""
    today = today or dt.date.today()
    directory = Directory.load(operators_dir)
    return Overview(
        directory,
        findings_by_operator(case, directory),
        tracking.list_tracked(case, today),
        today,
    )


def load_tracked(case: Case, today: dt.date | None = None) -> list[tracking.Tracked]:
    return tracking.list_tracked(case, today or dt.date.today())


def export(
    case: Case,
    draft: drafting.Draft,
    saved: drafting.SavedLetter | None,
    fmt: str,
    target: Path,
) -> drafting.SavedLetter:
    """Write the letter in one format to ``target`` (a file the person chose in the save
    dialog, which asked before replacing it). The first export records the letter."""
    if saved is None:
        return drafting.save(case, draft, [fmt], target, overwrite=True)
    return drafting.write_more(case, saved, [fmt], target, overwrite=True)


def mark_sent(
    case: Case,
    letter_id: int,
    sent_at: dt.date,
    channel: str,
    received_at: dt.date | None = None,
) -> tuple[tracking.RequestRecord, list[Notice]]:
    request = tracking.mark_sent(
        case,
        letter_id,
        sent_at,
        channel,
        received_at=received_at,
        person_country=case.person.country,
    )
    return request, clock.date_notices(case, letter_id, sent_at, channel, received_at)


def edit_sent_date(
    case: Case, letter_id: int, sent_at: dt.date, received_at: dt.date | None = None
) -> tracking.RequestRecord:
    return corrections.edit_sent_date(case, letter_id, sent_at, received_at=received_at)


def discard(case: Case, letter_id: int) -> tracking.LetterRecord:
    return corrections.discard_draft(case, letter_id)


def record_outcome(
    case: Case,
    letter_id: int,
    outcome: str,
    on: dt.date,
    note: str = "",
    reply: Path | None = None,
) -> tracking.RequestRecord:
    """The answer, and the operator's reply file sealed in the case (``requests outcome
    --reply``): the file is read first, so an unreadable one records nothing."""
    data = corrections.read_reply(reply) if reply is not None else None
    with case.batch():
        request = corrections.record_outcome(case, letter_id, outcome, on, note=note)
        if data is not None and reply is not None:
            corrections.attach_reply(case, letter_id, reply.name, data, added_at=utc_now())
    return request


def mark_extended(
    case: Case,
    letter_id: int,
    announced_on: dt.date,
    until: dt.date | None,
    reason: str,
    late: bool = False,
) -> tracking.RequestRecord:
    return tracking.mark_extended(
        case, letter_id, until, reason, announced_on=announced_on, late=late
    )


def mark_paused(case: Case, letter_id: int, on: dt.date, note: str = "") -> tracking.RequestRecord:
    return clock.mark_paused(case, letter_id, on, note)


def mark_resumed(case: Case, letter_id: int, on: dt.date, note: str = "") -> tracking.RequestRecord:
    return clock.mark_resumed(case, letter_id, on, note)


def mark_closed(case: Case, letter_id: int, on: dt.date, note: str = "") -> tracking.RequestRecord:
    return tracking.mark_closed(case, letter_id, on, note)


def undo(case: Case, letter_id: int) -> str:
    """Take back the latest step; returns its code (closed, answered, paused, extended, sent)."""
    return corrections.undo_last_step(case, letter_id)


@dataclass(frozen=True)
class Details:
    """What the tracker shows under the table for one letter: its outcome and kept replies."""

    letter_id: int
    outcome: tuple[str, dt.date] | None
    replies: list[corrections.ReplyInfo]


def load_details(case: Case, letter_id: int) -> Details:
    if tracking.find_request(case, letter_id) is None:
        return Details(letter_id, None, [])
    return Details(
        letter_id,
        corrections.outcome_of(case, letter_id),
        corrections.replies(case, letter_id),
    )


def save_replies(case: Case, letter_id: int, folder: Path) -> list[Path]:
    return corrections.save_replies(case, letter_id, folder)


def open_requests(
    store: CaseStore, today: dt.date, case_name: str | None = None
) -> list[overview.DueRequest]:
    """Requests still waiting for an answer, read without any passphrase (overdue first)."""
    rows = overview.open_requests(store, today)
    return [row for row in rows if case_name is None or row.case == case_name]


def write_calendar(store: CaseStore, case_name: str, target: Path, today: dt.date) -> int:
    """The case's deadlines as a .ics file (``requests --ics``), its events in the window's
    language; returns how many."""
    from faceaudit.gui.letters import words

    rows = open_requests(store, today, case_name)
    events = calendar.deadline_events(rows, today, words.calendar_event)
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        calendar.write_ics(events, target, calendar_name=words.calendar_name())
    except OSError as error:
        from faceaudit.errors import coded
        from faceaudit.letters.render import LetterError

        failure = LetterError(
            f"The calendar could not be written to {target} ({error.strerror or error}).",
            "Choose a folder you can write to.",
        )
        raise coded(
            failure, "calendar-not-written", where=target, reason=error.strerror or error
        ) from error
    return len(rows)
