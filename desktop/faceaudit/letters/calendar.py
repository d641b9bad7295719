"""Deadlines as a calendar file (iCalendar, RFC 5545): one all-day event per request's due date.

The GUI and ``faceaudit requests --ics`` both call :func:`deadline_events` then
:func:`write_ics` (or :func:`ics_text`). An event says which case (its pseudonymous name),
which letter (its FA- reference), what kind of request, to which operator (its directory
slug) and when the answer is due; never the person's name, e-mail or address, since a
calendar is often synchronised to someone else's server.

Event UIDs are stable (case id + request id), so importing a newer file updates the events
instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from faceaudit.letters.overview import DueRequest

PRODID = "-//FaceAudit//Request deadlines//EN"
MAX_LINE_OCTETS = 75  # RFC 5545 §3.1: lines longer than this are folded
DEFAULT_ALARM_DAYS = 3


@dataclass(frozen=True)
class DeadlineEvent:
    """One all-day calendar event."""

    uid: str
    day: dt.date
    summary: str
    description: str = ""
    alarm_days_before: int | None = DEFAULT_ALARM_DAYS


EventWording = Callable[[DueRequest, bool], tuple[str, str]]


def english_wording(request: DueRequest, late: bool) -> tuple[str, str]:
    """An event's summary and description, in English (the CLI's)."""
    summary = (
        f"{'OVERDUE: ' if late else ''}answer to {request.letter_type} request "
        f"FA-{request.letter_id} from {request.operator} due (case {request.case})"
    )
    description = (
        f"{request.letter_type.capitalize()} request FA-{request.letter_id} "
        f"({request.jurisdiction}), sent {request.sent_at.isoformat()}, answer due "
        f"{request.due.isoformat()}.\n"
        f"See it with: faceaudit requests --case {request.case}"
    )
    return summary, description


def deadline_events(
    requests: Iterable[DueRequest],
    today: dt.date | None = None,
    wording: EventWording = english_wording,
) -> list[DeadlineEvent]:
    """One event per open request, on the day its answer is due (the extended date if any).

    ``wording`` gives each event's summary and description (the window's: in its language);
    whatever it says, it is handed only the request's pseudonymous fields, never the person's
    name or address."""
    today = today or dt.date.today()
    events = []
    for request in requests:
        summary, description = wording(request, request.is_overdue(today))
        events.append(
            DeadlineEvent(
                uid=f"{request.case_id}-request-{request.request_id}@faceaudit",
                day=request.due,
                summary=summary,
                description=description,
            )
        )
    return events


def escape_text(value: str) -> str:
    """A TEXT value as RFC 5545 §3.3.11 writes it."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1)."""
    parts: list[str] = []
    current, size, limit = "", 0, MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_LINE_OCTETS - 1  # continuation lines start with " "
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def ics_text(
    events: Iterable[DeadlineEvent],
    *,
    now: dt.datetime | None = None,
    calendar_name: str = "FaceAudit deadlines",
) -> str:
    """The whole calendar as text, with CRLF line ends."""
    stamp = _stamp(now or dt.datetime.now(dt.UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(calendar_name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines.append("TRANSP:TRANSPARENT")
        if event.alarm_days_before is not None:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"TRIGGER:-P{event.alarm_days_before}D",
                f"DESCRIPTION:{escape_text(event.summary)}",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_ics(
    events: Iterable[DeadlineEvent],
    path: Path,
    *,
    now: dt.datetime | None = None,
    calendar_name: str = "FaceAudit deadlines",
) -> Path:
    """Write the calendar to ``path`` (private, 0600; replaced whole, never half-written)."""
    data = ics_text(events, now=now, calendar_name=calendar_name).encode("utf-8")
    if (path.exists() or path.is_symlink()) and not path.is_file():
        # The rename below would replace a device (/dev/full), a pipe or a folder by a file.
        from faceaudit.letters.texts import LetterError

        raise LetterError(
            f"{path} is not a regular file (a device, a pipe or a folder); the calendar was "
            "not written.",
            "Give a file name for the calendar, e.g. deadlines.ics.",
        )
    partial = path.with_name(f".{path.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
