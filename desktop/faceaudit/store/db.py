"""SQLite connections for case files: durable settings, transactions, and readable errors.

Every case database runs in WAL mode with ``synchronous=FULL`` (a committed write survives
a power cut, not only a crash), foreign keys on and ``secure_delete`` on (deleted rows are
zeroed in the file instead of lingering in free pages).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from faceaudit.store.errors import (
    CaseBusyError,
    CaseDeletedError,
    CorruptCaseError,
    DiskFullError,
    ReadOnlyError,
    StoreError,
)

# "FAce" in ASCII, stamped in the database header so a foreign SQLite file is told apart.
APPLICATION_ID = 0x46416365
BUSY_TIMEOUT_MS = 10_000

# Primary SQLite result codes (the low byte of extended codes).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def translate(error: sqlite3.Error, where: Path) -> StoreError:
    """A FaceAudit error for a SQLite failure, saying what happened and what to do."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    message = str(error).lower()
    if not where.exists():
        # Not damage: the case was deleted while this command or scan was using it (its
        # folder may be back already, re-made by a write of the scan still running).
        return CaseDeletedError(
            f"The case {where.parent.name!r} was deleted while this was running (its database "
            "is gone), so it stopped; nothing more was saved.",
            "Nothing to repair. If the deletion was a mistake, restore the case folder from a "
            "backup.",
        )
    if primary == _SQLITE_FULL or "disk is full" in message:
        return DiskFullError(
            f"The disk is full: the change to {where} could not be saved and was undone.",
            "Free some disk space and try again; everything saved before is intact.",
        )
    if primary in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in message:
        return ReadOnlyError(
            f"The case files in {where.parent} cannot be written (read-only file or folder).",
            "Make the data directory writable (or choose another with --data-dir) and try again.",
        )
    if primary == _SQLITE_CANTOPEN:
        return ReadOnlyError(
            f"The case database {where} cannot be opened: its folder is missing or not writable.",
            "Check that the data directory exists and is writable, or choose another with "
            "--data-dir.",
        )
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "not a database" in message:
        return CorruptCaseError(
            f"{where} is damaged or is not a FaceAudit case file.",
            "Restore the case folder from a backup. FaceAudit did not change the file.",
        )
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return CaseBusyError(
            f"The case {where.parent.name} is busy: another FaceAudit window or command is "
            "writing to it.",
            "Wait for the other scan or command to finish (or close it) and try again.",
        )
    if primary == _SQLITE_IOERR:
        return StoreError(
            f"The system reported an input/output error while writing {where}; the change "
            "was undone.",
            "Check the disk (space, health, removable media still attached) and try again.",
        )
    return StoreError(
        f"The case database {where} reported an error: {error}.",
        "Try again; if it persists, restore the case folder from a backup.",
    )


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode; :func:`transaction` opens the explicit transactions."""
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rw'}"
    wal = path.with_name(f"{path.name}-wal")
    if read_only and (not wal.exists() or wal.stat().st_size == 0):
        # Nothing waits in a write-ahead log, so the file alone is the whole database; saying
        # so lets SQLite read it where it cannot create the -shm file (a read-only folder).
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(
            uri,
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except sqlite3.Error as error:
        raise translate(error, path) from error
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if sys.platform == "darwin":
            conn.execute("PRAGMA fullfsync = ON")  # macOS fsync does not reach the platters
    except sqlite3.Error as error:
        conn.close()
        raise translate(error, path) from error
    return conn


def create_database(path: Path) -> sqlite3.Connection:
    """A new, empty database file (refuses to reuse an existing one)."""
    if path.exists():
        raise StoreError(f"{path} already exists.", "Choose another case name.")
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.close()
        path.chmod(0o600)  # SQLite gives its -wal and -shm files the same mode
    except sqlite3.Error as error:
        raise translate(error, path) from error
    return connect(path)


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, where: Path) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back whole on any error (SQLite errors translated)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise translate(error, where) from error
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as error:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise translate(error, where) from error
        raise


@contextlib.contextmanager
def savepoint(conn: sqlite3.Connection, where: Path) -> Iterator[sqlite3.Connection]:
    """A nested step inside an open transaction: undone alone if it fails."""
    try:
        conn.execute("SAVEPOINT step")
    except sqlite3.Error as error:
        raise translate(error, where) from error
    try:
        yield conn
        conn.execute("RELEASE step")
    except BaseException as error:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK TO step")
            conn.execute("RELEASE step")
        if isinstance(error, sqlite3.Error):
            raise translate(error, where) from error
        raise


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in ``path`` durable (skipped where a folder cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write a temporary file, fsync, rename: readers see the old or the new file, never half."""
    temporary = path.with_name(f".{path.name}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    fsync_dir(path.parent)
