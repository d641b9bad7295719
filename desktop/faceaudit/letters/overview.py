"""Requests across every case, without any passphrase: what is due next, what is overdue.

Reads only the plain columns of each case's requests (dates, status, letter type,
jurisdiction, the operator's directory slug) through ``CaseStore.plain_connection``: never the
person's details, the operator's contact details or the notes. docs/STORAGE.md says why
that is enough and what it still reveals.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from faceaudit.letters.tracking import _REQUEST_COLUMNS, _request_from_row, status_on

if TYPE_CHECKING:
    from faceaudit.store import CaseStore

# Statuses whose clock has stopped: no deadline to show.
FINISHED_STATUSES = ("answered", "closed")


@dataclass(frozen=True)
class DueRequest:
    """A sent request still waiting for its answer, as the overview lists it."""

    case: str  # the case's (pseudonymous) name
    case_id: str  # the case's random id (stable calendar UIDs)
    letter_id: int  # the FA- reference printed on the letter
    request_id: int
    letter_type: str
    jurisdiction: str
    operator: str  # the operator's directory slug
    sent_at: dt.date
    due: dt.date  # the extended due date when the operator extended it
    status: str  # as of the day asked for (tracking.status_on): sent, extended, paused, overdue

    def is_overdue(self, today: dt.date) -> bool:
        """Late on ``today``; a paused clock (UK, waiting for ID) is never late."""
        return self.status != "paused" and today > self.due

    def days_left(self, today: dt.date) -> int:
        """Days until the answer is due (negative: days overdue)."""
        return (self.due - today).days

    def to_json(self, today: dt.date) -> dict[str, object]:
        return {
            "case": self.case,
            "letter_id": self.letter_id,
            "request_id": self.request_id,
            "type": self.letter_type,
            "jurisdiction": self.jurisdiction,
            "operator": self.operator,
            "sent_at": self.sent_at.isoformat(),
            "due": self.due.isoformat(),
            "overdue": self.is_overdue(today),
            "days_left": self.days_left(today),
        }


@dataclass(frozen=True)
class CaseDeadlines:
    """One case's line in ``case list``: its next due date and how many requests are late."""

    next_due: dt.date | None
    overdue: int


def _case_requests(conn: sqlite3.Connection, case: str, today: dt.date) -> list[DueRequest]:
    case_id = conn.execute("SELECT value FROM meta WHERE key = 'case_id'").fetchone()
    rows = conn.execute(
        "SELECT l.id, l.type, l.jurisdiction, coalesce(l.operator_slug, ''),"  # noqa: S608 (fixed columns)
        f" {_REQUEST_COLUMNS} FROM requests r JOIN letters l ON l.id = r.letter_id"
        " WHERE r.status NOT IN (?, ?) ORDER BY l.id",
        FINISHED_STATUSES,
    ).fetchall()
    found = []
    for row in rows:
        request = _request_from_row(row[4:])
        found.append(
            DueRequest(
                case=case,
                case_id=str(case_id[0]) if case_id else case,
                letter_id=int(row[0]),
                request_id=request.id,
                letter_type=row[1],
                jurisdiction=row[2],
                operator=row[3] or "operator",
                sent_at=request.sent_at,
                due=request.effective_due,
                status=status_on(request, today),
            )
        )
    return found


def open_requests(
    store: CaseStore, today: dt.date | None = None, *, overdue_only: bool = False
) -> list[DueRequest]:
    """Every case's requests still waiting for an answer: overdue first, then by due date.

    Needs no passphrase. A case that cannot be read is left out (``case list`` says why).
    """
    from faceaudit.store import StoreError

    today = today or dt.date.today()
    found: list[DueRequest] = []
    for summary in store.list():
        if summary.problem:
            continue
        try:
            with store.plain_connection(summary.name) as conn:
                found += _case_requests(conn, summary.name, today)
        except StoreError:
            continue
    if overdue_only:
        found = [r for r in found if r.is_overdue(today)]
    return sorted(found, key=lambda r: (not r.is_overdue(today), r.due, r.case, r.letter_id))


def deadlines_by_case(store: CaseStore, today: dt.date | None = None) -> dict[str, CaseDeadlines]:
    """For ``case list``: per case name, the next due date and the number of overdue requests."""
    today = today or dt.date.today()
    result: dict[str, CaseDeadlines] = {}
    for request in open_requests(store, today):
        current = result.get(request.case, CaseDeadlines(None, 0))
        late = request.is_overdue(today)
        next_due = current.next_due
        if not late and (next_due is None or request.due < next_due):
            next_due = request.due
        result[request.case] = CaseDeadlines(next_due, current.overdue + late)
    return result
