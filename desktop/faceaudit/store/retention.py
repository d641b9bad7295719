"""Which closed cases are due for deletion, and the facts a destruction receipt keeps.

Read from the plain part of each case (no passphrase): a case closed on day D with a
retention of N days is due from day D + N. The clinic's default period (``retention_days``
under ``[cases]`` in config.toml) applies to a case without its own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from faceaudit.errors import FaceAuditError
from faceaudit.store import lifecycle
from faceaudit.store.lifecycle import Lifecycle
from faceaudit.store.receipts import Destroyed

if TYPE_CHECKING:
    from faceaudit.store.casestore import CaseStore


@dataclass(frozen=True)
class ClosedCase:
    """A closed case and when it is due for deletion."""

    name: str
    case_id: str
    lifecycle: Lifecycle
    retention_days: int  # the period that applies (the case's own, else the clinic's)
    own_retention: bool  # the case has its own period
    delete_after: dt.date
    due: bool
    days_overdue: int  # 0 on the first due day; negative before

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "case_id": self.case_id,
            "opened_at": self.lifecycle.opened_at,
            "closed_at": self.lifecycle.closed_at,
            "outcome": self.lifecycle.outcome,
            "retention_days": self.retention_days,
            "retention": "case" if self.own_retention else "clinic default",
            "delete_after": self.delete_after.isoformat(),
            "due": self.due,
            "days_overdue": self.days_overdue,
        }


def default_retention_days(store: CaseStore) -> int:
    from faceaudit.config import load_config

    return load_config(store.paths).config.retention_days


def closed_cases(
    store: CaseStore, today: dt.date | None = None, default_days: int | None = None
) -> tuple[list[ClosedCase], list[str]]:
    """Every closed case with its deletion date, soonest first, and the cases that could
    not be read (as sentences)."""
    today = today or dt.date.today()
    days = default_retention_days(store) if default_days is None else default_days
    found: list[ClosedCase] = []
    problems: list[str] = []
    for summary in store.list():
        if summary.problem:
            problems.append(f"{summary.name}: {summary.problem}")
            continue
        try:
            with store.plain_connection(summary.name) as conn:
                state = lifecycle.read(conn)
                case_id = _meta(conn, "case_id")
        except FaceAuditError as error:
            problems.append(f"{summary.name}: {error.what}")
            continue
        after = state.delete_after(days)
        if after is None:
            continue
        found.append(
            ClosedCase(
                name=summary.name,
                case_id=case_id or "",
                lifecycle=state,
                retention_days=state.days_kept(days),
                own_retention=state.retention_days is not None,
                delete_after=after,
                due=today >= after,
                days_overdue=(today - after).days,
            )
        )
    found.sort(key=lambda c: (c.delete_after, c.name))
    return found, problems


def due_for_deletion(
    store: CaseStore, today: dt.date | None = None, default_days: int | None = None
) -> list[ClosedCase]:
    return [c for c in closed_cases(store, today, default_days)[0] if c.due]


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def plain_facts(db_path: Path) -> tuple[str | None, Lifecycle | None]:
    """The case id and lifecycle from a case file read-only (for a receipt), or Nones when
    the file cannot be read (a damaged case is deleted all the same)."""
    if not db_path.is_file():
        return None, None
    try:
        conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None, None
    try:
        return _meta(conn, "case_id"), lifecycle.read(conn)
    except sqlite3.Error:
        return None, None
    finally:
        conn.close()


def tree_size(path: Path, kind: str) -> Destroyed:
    """How many files (and bytes) a folder holds, before it is destroyed."""
    files = size = 0
    if path.is_dir() and not path.is_symlink():
        for item in path.rglob("*"):
            with contextlib.suppress(OSError):
                if item.is_file() and not item.is_symlink():
                    files += 1
                    size += item.stat().st_size
    return Destroyed(kind, files, size)
