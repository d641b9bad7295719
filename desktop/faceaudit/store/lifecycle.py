"""A case's life: opened (created), closed as done or abandoned, kept for a retention period,
then listed for deletion.

Kept in plain ``meta`` rows (``closed_at``, ``outcome``, ``retention_days``) so that the list
of cases due for deletion is read without any passphrase. Closing, reopening and changing
the retention are recorded in the case's audit log, which is keyed: they need the case open
(its passphrase, or a session unlock). A case without its own ``retention_days`` follows the
clinic's default (``retention_days`` under ``[cases]`` in config.toml) at the time of listing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from faceaudit.errors import FaceAuditError
from faceaudit.store import audit
from faceaudit.timestamps import utc_now

OUTCOMES: tuple[str, ...] = ("done", "abandoned")
MAX_RETENTION_DAYS = 36500  # a hundred years: past that, a typo


class LifecycleError(FaceAuditError):
    """A case cannot be closed, reopened or given that retention."""


@dataclass(frozen=True)
class Lifecycle:
    """When a case was opened and closed, how, and how long it is kept after."""

    opened_at: str
    closed_at: str | None = None
    outcome: str | None = None  # done | abandoned, once closed
    retention_days: int | None = None  # the case's own period; None: the clinic's default

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    def days_kept(self, default_days: int) -> int:
        return self.retention_days if self.retention_days is not None else default_days

    def delete_after(self, default_days: int) -> dt.date | None:
        """The first day the case is due for deletion (None while it is open)."""
        if self.closed_at is None:
            return None
        closed = dt.datetime.fromisoformat(self.closed_at.replace("Z", "+00:00")).date()
        return closed + dt.timedelta(days=self.days_kept(default_days))

    def due(self, today: dt.date, default_days: int) -> bool:
        after = self.delete_after(default_days)
        return after is not None and today >= after


def check_retention(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_RETENTION_DAYS:
        raise LifecycleError(
            f"A retention period of {days!r} days cannot be used.",
            f"Give a whole number of days from 0 to {MAX_RETENTION_DAYS} (0: due for "
            "deletion as soon as the case is closed).",
        )
    return days


def read(conn: sqlite3.Connection) -> Lifecycle:
    """The case's lifecycle from its plain meta rows (no key needed)."""
    meta = dict(
        conn.execute(
            "SELECT key, value FROM meta WHERE key IN"
            " ('created_at', 'closed_at', 'outcome', 'retention_days')"
        ).fetchall()
    )
    retention = meta.get("retention_days")
    try:
        days = None if retention is None else check_retention(int(retention))
    except (ValueError, LifecycleError):
        days = None  # a damaged value: the clinic's default applies
    outcome = meta.get("outcome") if meta.get("outcome") in OUTCOMES else None
    closed_at = meta.get("closed_at") or None
    return Lifecycle(
        opened_at=str(meta.get("created_at") or ""),
        closed_at=closed_at,
        outcome=outcome if closed_at else None,
        retention_days=days,
    )


def _set(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def close(
    conn: sqlite3.Connection, outcome: str, retention_days: int | None, record: audit.Recorder
) -> Lifecycle:
    """Close the case (inside the caller's transaction); closing twice is refused."""
    if outcome not in OUTCOMES:
        raise LifecycleError(
            f"{outcome!r} is not an outcome of a case.",
            "Close a case as 'done' (the work is finished) or 'abandoned'.",
        )
    current = read(conn)
    if current.closed:
        raise LifecycleError(
            f"The case was already closed on {current.closed_at} ({current.outcome}).",
            "Reopen it first if work on it goes on.",
        )
    if retention_days is not None:
        _set(conn, "retention_days", str(check_retention(retention_days)))
    _set(conn, "closed_at", utc_now())
    _set(conn, "outcome", outcome)
    record(audit.CASE_CLOSED, outcome=outcome, retention_days=retention_days)
    return read(conn)


def reopen(conn: sqlite3.Connection, record: audit.Recorder) -> Lifecycle:
    current = read(conn)
    if not current.closed:
        raise LifecycleError("The case is open: there is nothing to reopen.", "")
    _set(conn, "closed_at", None)
    _set(conn, "outcome", None)
    record(audit.CASE_REOPENED, was=current.outcome)
    return read(conn)


def set_retention(conn: sqlite3.Connection, days: int | None, record: audit.Recorder) -> Lifecycle:
    """The case's own retention period, or None to follow the clinic's default."""
    _set(conn, "retention_days", None if days is None else str(check_retention(days)))
    record(audit.RETENTION_CHANGED, retention_days=days)
    return read(conn)
