"""The case's audit log: who did what to the case, and when; append-only and tamper-evident.

Each entry (seq, time, caseworker, action, details) is chained to the one before: its hash is
an HMAC-SHA256, under a key derived from the case's data key, of a canonical encoding of
(format, case id, seq, time, caseworker, action, details, previous hash). The newest entry's
seq and hash are kept as the log's *head* in ``meta``, with their own HMAC, so entries cut
from the end are noticed too. Someone who edits the SQLite file without the passphrase
cannot recompute either (see docs/STORAGE.md, "The audit log").

Details are small facts without personal data: ids, counts, formats, statuses. Never names,
addresses, photos, embeddings or free text about the person: the log is shown and exported.

Use it through the case: ``case.record_action(action, **details)``, ``case.audit_log()``,
``case.verify_audit()``; the actions below are the ones FaceAudit records.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from faceaudit.timestamps import utc_now

# -- actions -------------------------------------------------------------------------------
CASE_CREATED = "case_created"
CASE_OPENED = "case_opened"
PERSON_UPDATED = "person_updated"
SETTINGS_CHANGED = "settings_changed"
PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105 (an action name)
REFERENCE_ADDED = "reference_added"
REFERENCE_REMOVED = "reference_removed"
SOURCE_ADDED = "source_added"
SOURCE_REMOVED = "source_removed"
SCAN_STARTED = "scan_started"
SCAN_RESUMED = "scan_resumed"
SCAN_FINISHED = "scan_finished"
REVIEW = "review"
FACE_CACHE_CLEARED = "face_cache_cleared"
LETTER_GENERATED = "letter_generated"
LETTER_WRITTEN = "letter_written"  # its files (formats) written or added
LETTER_DISCARDED = "letter_discarded"
REPLY_ADDED = "reply_added"  # an operator's reply kept in the case
REQUEST_MARKED = "request_marked"
EXPORTED = "exported"
IMPORTED = "imported"
CONSENT_RECORDED = "consent_recorded"
REPORT_GENERATED = "report_generated"
ERASURE_RECHECKED = "erasure_rechecked"  # a promised erasure checked again (faceaudit.report)
MANDATE_RECORDED = "mandate_recorded"
CAPTURE_ADDED = "capture_added"  # a page captured in the in-app browser (faceaudit.store.captures)
CASE_CLOSED = "case_closed"
CASE_REOPENED = "case_reopened"
RETENTION_CHANGED = "retention_changed"
AUDIT_BREAK_FOUND = "audit_break_found"  # recorded when a case opens with a broken chain
DELETED = "deleted"  # a case's log goes with it: deletion is recorded in a receipt

ACTIONS: tuple[str, ...] = (
    CASE_CREATED,
    CASE_OPENED,
    PERSON_UPDATED,
    SETTINGS_CHANGED,
    PASSPHRASE_CHANGED,
    REFERENCE_ADDED,
    REFERENCE_REMOVED,
    SOURCE_ADDED,
    SOURCE_REMOVED,
    SCAN_STARTED,
    SCAN_RESUMED,
    SCAN_FINISHED,
    REVIEW,
    FACE_CACHE_CLEARED,
    LETTER_GENERATED,
    LETTER_WRITTEN,
    LETTER_DISCARDED,
    REQUEST_MARKED,
    REPLY_ADDED,
    EXPORTED,
    IMPORTED,
    CONSENT_RECORDED,
    REPORT_GENERATED,
    ERASURE_RECHECKED,
    MANDATE_RECORDED,
    CAPTURE_ADDED,
    CASE_CLOSED,
    CASE_REOPENED,
    RETENTION_CHANGED,
    AUDIT_BREAK_FOUND,
    DELETED,
)

FORMAT_VERSION = 1
GENESIS = "0" * 64  # the "previous hash" of the first entry
HEAD_KEY = "audit_head"  # meta key: the newest entry's seq and hash, with their own HMAC
_ACTION = re.compile("[a-z][a-z0-9_]{0,47}")
_DETAIL_KEY = re.compile("[a-z][a-z0-9_]{0,47}")
MAX_DETAIL_TEXT = 300
MAX_DETAIL_ITEMS = 100
MAX_DETAILS_BYTES = 4096
MAX_CASEWORKER = 100

Mac = Callable[[bytes], str]
Recorder = Callable[..., object]  # Case.record_action


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str  # UTC, faceaudit.timestamps form
    caseworker: str
    action: str
    details: dict[str, Any]
    prev_hash: str
    hash: str


# Why a chain is broken, as codes (the window translates them; describe() is the English).
BREAK_MISSING = "missing"  # entries first_seq..last_seq are gone from the middle
BREAK_ALTERED = "altered"  # the entry's contents do not match its hash
BREAK_UNCHAINED = "unchained"  # the entry does not follow the one before (reordered, inserted)
BREAK_TRUNCATED = "truncated"  # the head says there were more entries than remain
BREAK_HEAD_MISSING = "head_missing"  # entries without the head record
BREAK_HEAD_ALTERED = "head_altered"  # the head record does not match its HMAC


@dataclass(frozen=True)
class AuditVerification:
    """The result of checking a case's chain: intact, or the first entry that breaks it."""

    entries: int  # rows in the log
    problem: str | None = None  # one of the BREAK_* codes; None when intact
    seq: int | None = None  # the first entry concerned
    last_seq: int | None = None  # for "missing" and "truncated": the last entry missing
    checked_at: str = field(default_factory=utc_now)

    @property
    def ok(self) -> bool:
        return self.problem is None

    def describe(self) -> str:
        """One English sentence (the CLI prints it; the window has its own translation)."""
        count = f"{self.entries} entr{'y' if self.entries == 1 else 'ies'}"
        if self.problem is None:
            return f"The audit log is intact ({count})."
        span = (
            f"entry {self.seq}"
            if self.last_seq in (None, self.seq)
            else f"entries {self.seq} to {self.last_seq}"
        )
        reasons = {
            BREAK_MISSING: f"{span} {'is' if span.startswith('entry') else 'are'} missing "
            "(deleted from the file)",
            BREAK_ALTERED: f"entry {self.seq} was changed after it was written",
            BREAK_UNCHAINED: f"entry {self.seq} does not follow the entry before it "
            "(entries were reordered or inserted)",
            BREAK_TRUNCATED: f"{span} at the end {'is' if span.startswith('entry') else 'are'} "
            "missing (cut from the file)",
            BREAK_HEAD_MISSING: "the record of its newest entry is missing",
            BREAK_HEAD_ALTERED: "the record of its newest entry was changed",
        }
        return (
            f"The audit log is broken at entry {self.seq}: {reasons[self.problem]}. "
            "Entries from there on cannot be vouched for."
        )


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_message(
    case_id: str, seq: int, at: str, caseworker: str, action: str, details: str, prev_hash: str
) -> bytes:
    """The bytes an entry's HMAC covers. ``details`` is the JSON text exactly as stored."""
    fields = [FORMAT_VERSION, case_id, seq, at, caseworker, action, details, prev_hash]
    return _canonical(["faceaudit-audit", *fields]).encode("utf-8")


def _head_message(case_id: str, seq: int, entry_hash: str) -> bytes:
    return _canonical(["faceaudit-audit-head", FORMAT_VERSION, case_id, seq, entry_hash]).encode()


def clean_details(details: Mapping[str, Any]) -> str:
    """The details as canonical JSON; a ValueError for anything that does not belong in a log
    (a programming error: details are ids, counts and codes, never the person's data)."""
    cleaned: dict[str, Any] = {}
    for key, value in details.items():
        if not _DETAIL_KEY.fullmatch(key):
            raise ValueError(f"audit detail name {key!r} is not a lower_case identifier")
        cleaned[key] = _clean_value(key, value)
    text = _canonical(cleaned)
    if len(text.encode("utf-8")) > MAX_DETAILS_BYTES:
        raise ValueError(f"audit details over {MAX_DETAILS_BYTES} bytes: keep them small")
    return text


def _clean_value(key: str, value: Any) -> Any:
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"audit detail {key!r} is not a finite number")
        return value
    if isinstance(value, str):
        if len(value) > MAX_DETAIL_TEXT:
            raise ValueError(f"audit detail {key!r} is longer than {MAX_DETAIL_TEXT} characters")
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else list(value)
        if len(items) > MAX_DETAIL_ITEMS:
            raise ValueError(f"audit detail {key!r} has more than {MAX_DETAIL_ITEMS} items")
        return [_clean_value(key, item) for item in items if not isinstance(item, list | dict)]
    raise ValueError(f"audit detail {key!r} must be text, a number, a yes/no or a list")


def check_action(action: str) -> str:
    if not isinstance(action, str) or not _ACTION.fullmatch(action):
        raise ValueError(f"audit action {action!r} is not a lower_case identifier")
    return action


def _read_head(conn: sqlite3.Connection) -> dict[str, Any] | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    if row is None:
        return None
    try:
        head = json.loads(row[0])
    except (TypeError, ValueError):
        return {}
    return head if isinstance(head, dict) else {}


def _head_valid(head: Mapping[str, Any], case_id: str, mac: Mac) -> bool:
    seq, entry_hash, head_mac = head.get("seq"), head.get("hash"), head.get("mac")
    return (
        isinstance(seq, int)
        and isinstance(entry_hash, str)
        and isinstance(head_mac, str)
        and mac(_head_message(case_id, seq, entry_hash)) == head_mac
    )


def append(
    conn: sqlite3.Connection,
    case_id: str,
    mac: Mac,
    caseworker: str,
    action: str,
    details: Mapping[str, Any],
    at: str | None = None,
) -> AuditEntry:
    """Add one entry inside the caller's open transaction (it commits with the action).

    The new entry follows the head when the head is intact, so entries cut from the end
    stay visible as a gap; else it follows the last row.
    """
    check_action(action)
    details_text = clean_details(details)
    at = at or utc_now()
    last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    last_seq, prev_hash = (int(last[0]), str(last[1])) if last else (0, GENESIS)
    head = _read_head(conn)
    if head and _head_valid(head, case_id, mac) and int(head["seq"]) > last_seq:
        last_seq, prev_hash = int(head["seq"]), str(head["hash"])
    seq = last_seq + 1
    entry_hash = mac(entry_message(case_id, seq, at, caseworker, action, details_text, prev_hash))
    conn.execute(
        "INSERT INTO audit_log (seq, at, caseworker, action, details, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, at, caseworker, action, details_text, prev_hash, entry_hash),
    )
    head_value = {
        "seq": seq,
        "hash": entry_hash,
        "mac": mac(_head_message(case_id, seq, entry_hash)),
    }
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (HEAD_KEY, _canonical(head_value))
    )
    return AuditEntry(seq, at, caseworker, action, json.loads(details_text), prev_hash, entry_hash)


def _parse_details(text: Any) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def entries(conn: sqlite3.Connection) -> list[AuditEntry]:
    """Every entry, oldest first (details that are not JSON any more read as empty)."""
    rows = conn.execute(
        "SELECT seq, at, caseworker, action, details, prev_hash, hash FROM audit_log ORDER BY seq"
    ).fetchall()
    return [
        AuditEntry(
            int(r[0]), str(r[1]), str(r[2]), str(r[3]), _parse_details(r[4]), str(r[5]), str(r[6])
        )
        for r in rows
    ]


def verify(conn: sqlite3.Connection, case_id: str, mac: Mac) -> AuditVerification:
    """Check every entry's HMAC, the chain of hashes, the numbering and the head."""
    rows = conn.execute(
        "SELECT seq, at, caseworker, action, details, prev_hash, hash FROM audit_log ORDER BY seq"
    ).fetchall()
    expected_seq, prev_hash = 1, GENESIS
    for seq, at, caseworker, action, details, stored_prev, stored_hash in rows:
        if not all(isinstance(v, str) for v in (at, caseworker, action, details, stored_prev)):
            return AuditVerification(len(rows), BREAK_ALTERED, int(seq))
        seq = int(seq)
        recomputed = mac(entry_message(case_id, seq, at, caseworker, action, details, stored_prev))
        if recomputed != stored_hash:
            return AuditVerification(len(rows), BREAK_ALTERED, seq)
        if seq != expected_seq:
            if seq > expected_seq and stored_prev != prev_hash:
                return AuditVerification(len(rows), BREAK_MISSING, expected_seq, seq - 1)
            return AuditVerification(len(rows), BREAK_UNCHAINED, seq)
        if stored_prev != prev_hash:
            return AuditVerification(len(rows), BREAK_UNCHAINED, seq)
        expected_seq, prev_hash = seq + 1, stored_hash
    head = _read_head(conn)
    if head is None:
        if rows:
            return AuditVerification(len(rows), BREAK_HEAD_MISSING, expected_seq - 1)
        return AuditVerification(0)
    if not _head_valid(head, case_id, mac):
        return AuditVerification(len(rows), BREAK_HEAD_ALTERED, max(expected_seq - 1, 1))
    head_seq = int(head["seq"])
    if head_seq > expected_seq - 1:
        return AuditVerification(len(rows), BREAK_TRUNCATED, expected_seq, head_seq)
    if head_seq < expected_seq - 1:
        # The head names an older entry: later rows were added without the key.
        return AuditVerification(len(rows), BREAK_UNCHAINED, head_seq + 1)
    if head["hash"] != prev_hash:
        # The newest entry is not the one the head names: it was replaced.
        return AuditVerification(len(rows), BREAK_UNCHAINED, head_seq)
    return AuditVerification(len(rows))
