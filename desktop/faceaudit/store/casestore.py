"""Where cases live, and how they are created, opened, listed and deleted for good.

One folder per case under ``paths.cases``: ``case.sqlite`` (WAL) and ``case.key`` (the
case's data key, wrapped under the passphrase). A case is built in a hidden folder and
renamed into place only once complete, so a failed creation leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import sqlite3
import time
import uuid
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from faceaudit.errors import FaceAuditError, coded
from faceaudit.paths import Paths

if TYPE_CHECKING:
    from faceaudit.cleanup import CaseDeletion
from faceaudit.store import audit, retention
from faceaudit.store.case import Case, utc_now
from faceaudit.store.clinic import DEFAULT_CLINIC_KDF, Argon2Params, Clinic, ClinicKeyError
from faceaudit.store.crypto import (
    DEFAULT_KDF,
    MIN_PASSPHRASE_CHARS,
    ClinicWrap,
    KdfParams,
    KeyFile,
    PassphraseWrap,
    Sealer,
    new_data_key,
)
from faceaudit.store.db import (
    APPLICATION_ID,
    connect,
    create_database,
    fsync_dir,
    transaction,
    translate,
    write_file_atomically,
)
from faceaudit.store.errors import (
    CaseExistsError,
    CaseNotFoundError,
    CorruptCaseError,
    DiskFullError,
    ForeignFileError,
    InvalidCaseNameError,
    NewerSchemaError,
    ReadOnlyError,
    StoreError,
    TamperedDataError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from faceaudit.store.receipts import Destroyed, append_receipt, new_receipt
from faceaudit.store.records import EVIDENCE_POLICIES, CaseSummary, Person
from faceaudit.store.schema import SCHEMA_VERSION, migrate, user_version
from faceaudit.store.unlocking import Unlocked, unwrap_data_key

DB_FILE = "case.sqlite"
KEY_FILE = "case.key"
_KEY_CHECK = b"faceaudit key check"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_SQLITE_MAGIC = b"SQLite format 3\x00"


_PSEUDONYM_HINT = (
    "A case name is visible without the passphrase (it names the case's folder, 'case list' "
    "and the calendar), so prefer a pseudonym such as 'case-07' or 'client-b' to a real name."
)


def validate_case_name(name: str) -> str:
    """A name usable as a folder on every system: 1 to 64 ASCII letters, digits, - _ ."""
    if _NAME.fullmatch(name or "") and not name.endswith("."):
        return name
    bad = sorted({ch for ch in name or "" if not (ch.isascii() and (ch.isalnum() or ch in "_.-"))})
    if not name:
        what = "A case needs a name."
    elif bad:
        shown = ", ".join(repr(ch) for ch in bad)
        what = f"{name!r} cannot be a case name: it contains {shown}."
    elif len(name) > 64:
        what = f"{name!r} cannot be a case name: it is longer than 64 characters."
    else:
        what = (
            f"{name!r} cannot be a case name: it must start with a letter or digit and "
            "not end with '.'."
        )
    raise InvalidCaseNameError(
        what,
        "Use 1 to 64 plain letters (a-z, A-Z, no accents), digits, '-', '_' or '.', starting "
        f"with a letter or digit. {_PSEUDONYM_HINT}",
    )


def os_error(error: OSError, doing: str) -> StoreError:
    """A FaceAudit error for a failed file operation."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(
            f"The disk is full: {doing} failed and was undone.",
            "Free some disk space and try again; existing cases are intact.",
        )
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyError(
            f"{doing.capitalize()} failed: {error.filename or 'the data directory'} is not "
            "writable.",
            "Make the data directory writable, or choose another with --data-dir.",
        )
    return StoreError(
        f"{doing.capitalize()} failed: {error.strerror or error}.",
        "Check the data directory and the disk, then try again.",
    )


_CASE_ID = re.compile("[0-9a-f]{32}")  # uuid4().hex, as create() makes it


def _intact(conn: sqlite3.Connection) -> bool:
    """SQLite's quick integrity check (reads every page; a case database is small)."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error:
        return False
    return rows == [("ok",)]


# A case is built under a hidden name and renamed into place when complete.
STAGING_PREFIX = ".creating-"
STAGING_MAX_AGE = 15 * 60.0  # seconds


class CaseStore:
    """Creates, opens, lists and deletes the cases under ``paths.cases``.

    ``kdf`` sets the scrypt cost for *new* cases, ``clinic_kdf`` the Argon2id cost of a new
    clinic key or clinic passphrase (tests pass cheaper ones explicitly); opening always
    uses the cost recorded in the key file. ``caseworker`` is who the audit log names for the
    cases this store opens (default: ``FACEAUDIT_CASEWORKER``, the ``caseworker`` of
    config.toml, else the OS user name; see ``config.caseworker_name``).
    """

    def __init__(
        self,
        paths: Paths,
        kdf: KdfParams = DEFAULT_KDF,
        clinic_kdf: Argon2Params = DEFAULT_CLINIC_KDF,
        caseworker: str | None = None,
    ) -> None:
        self.paths = paths
        self.kdf = kdf
        self.clinic = Clinic(paths, clinic_kdf)
        if caseworker is None:
            from faceaudit.config import caseworker_name, load_config

            caseworker = caseworker_name(load_config(paths).config)
        self.caseworker = caseworker
        self._open_cases: weakref.WeakSet[Case] = weakref.WeakSet()

    @property
    def root(self) -> Path:
        try:
            return self.paths.cases
        except OSError as error:
            raise os_error(error, "preparing the cases folder") from error

    def case_dir(self, name: str) -> Path:
        return self.root / validate_case_name(name)

    def exists(self, name: str) -> bool:
        return self.case_dir(name).is_dir()

    def existing_case_dir(self, name: str) -> Path:
        """The case's folder; CaseNotFoundError if there is none (e.g. before asking for a
        passphrase)."""
        directory = self.case_dir(name)
        if not directory.is_dir():
            raise coded(
                CaseNotFoundError(
                    f"There is no case named {name!r} in {self.root}.",
                    "Run 'faceaudit case list' to see your cases, or 'faceaudit case create' to "
                    "start one.",
                ),
                "case-not-found",
                name=name,
            )
        return directory

    # -- create ------------------------------------------------------------------------

    def create(
        self,
        name: str,
        passphrase: str,
        person: Person | None = None,
        evidence_policy: str = "full",
        *,
        under_clinic: bool = False,
    ) -> Case:
        """A new, open case. Nothing is left behind if any step fails.

        With ``under_clinic``, ``passphrase`` is the clinic passphrase and the case's data key
        is wrapped only under the clinic master key (no passphrase of its own; one can be
        added later with :meth:`change_passphrase`)."""
        final = self.case_dir(name)
        if final.exists():
            raise coded(
                CaseExistsError(
                    f"A case named {name!r} already exists.",
                    "Choose another name, or open the existing case.",
                ),
                "case-exists",
                name=name,
            )
        clinic: tuple[str, bytes] | None = None
        if under_clinic:
            clinic = self.clinic.master_key(passphrase)  # a wrong one: refused before any file
        elif len(passphrase) < MIN_PASSPHRASE_CHARS:
            raise coded(
                WeakPassphraseError(
                    f"The passphrase is shorter than {MIN_PASSPHRASE_CHARS} characters.",
                    "Choose a longer one: several words are easy to remember and hard to guess.",
                ),
                "passphrase-too-short",
                min=MIN_PASSPHRASE_CHARS,
            )
        if evidence_policy not in EVIDENCE_POLICIES:
            raise ValueError(f"evidence policy must be one of {EVIDENCE_POLICIES}")
        self._remove_abandoned_staging()
        staging = self.root / f"{STAGING_PREFIX}{name}-{secrets.token_hex(4)}"
        try:
            staging.mkdir(mode=0o700)
            case_id = uuid.uuid4().hex
            data_key = new_data_key()
            if clinic is None:
                key_file = KeyFile(
                    case_id, own=PassphraseWrap.make(case_id, data_key, passphrase, self.kdf)
                )
            else:
                clinic_id, master_key = clinic
                key_file = KeyFile(
                    case_id, clinic=ClinicWrap.make(clinic_id, master_key, case_id, data_key)
                )
            write_file_atomically(staging / KEY_FILE, key_file.render())
            sealer = Sealer(case_id, data_key)
            self._initialise_database(
                staging / DB_FILE,
                name,
                sealer,
                person or Person(),
                evidence_policy,
                _unlock_kinds(key_file),
            )
            staging.rename(final)
            fsync_dir(self.root)
        except BaseException as error:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(error, OSError):
                raise os_error(error, f"creating the case {name!r}") from error
            raise
        case = Case(
            name, final, final / DB_FILE, self._connect(final / DB_FILE), sealer, self.caseworker
        )
        case.audit_status = case.verify_audit()
        return self._track(case)

    def _remove_abandoned_staging(self) -> None:
        """Half-built cases left by a create that was killed (their contents are sealed).

        A create takes seconds; one whose folder has not changed for STAGING_MAX_AGE is dead.
        """
        cutoff = time.time() - STAGING_MAX_AGE
        for folder in self.root.glob(f"{STAGING_PREFIX}*"):
            with contextlib.suppress(OSError):
                if folder.is_dir() and folder.stat().st_mtime < cutoff:
                    remove_tree(folder)

    def _initialise_database(
        self,
        db_path: Path,
        name: str,
        sealer: Sealer,
        person: Person,
        evidence_policy: str,
        unlocks_with: list[str],
    ) -> None:
        conn = create_database(db_path)
        try:
            migrate(conn, db_path)
            with transaction(conn, db_path):
                meta = {
                    "case_id": sealer.case_id,
                    "name": name,
                    "created_at": utc_now(),
                    "evidence_policy": evidence_policy,
                    "key_check": sealer.seal(_KEY_CHECK, "meta", "value", "key_check").hex(),
                }
                conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
                conn.execute(
                    "INSERT INTO person (id, details_blob, updated_at) VALUES (1, ?, ?)",
                    (sealer.seal(person.to_json(), "person", "details_blob", "1"), utc_now()),
                )
                audit.append(
                    conn,
                    sealer.case_id,
                    sealer.audit_mac,
                    self.caseworker,
                    audit.CASE_CREATED,
                    {"evidence_policy": evidence_policy, "unlocks_with": unlocks_with},
                )
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()

    # -- open --------------------------------------------------------------------------

    def open(self, name: str, passphrase: str) -> Case:
        """Open a case with its own passphrase or the clinic's (when the case is under the
        clinic). Damaged, foreign or newer files are refused before anything is written.
        The audit log records which passphrase opened it ("case_passphrase" or
        "clinic_passphrase")."""
        unlocked = self.unlock_case(name, passphrase)
        opened_with = f"{unlocked.kind}_passphrase"
        case = self.open_with_key(name, unlocked.data_key, opened_with=opened_with)
        case.unlocked_with = unlocked.kind
        return case

    def case_id(self, name: str) -> str:
        """The case's random id, from its key file (no passphrase needed)."""
        directory = self.existing_case_dir(name)
        return KeyFile.parse(self._read_key(directory / KEY_FILE)).case_id

    def unlock(self, name: str, passphrase: str) -> tuple[str, bytes]:
        """The case's id and data key (what a session unlock keeps in the agent's memory)."""
        unlocked = self.unlock_case(name, passphrase)
        return unlocked.case_id, unlocked.data_key

    def unlock_case(self, name: str, passphrase: str) -> Unlocked:
        """The case's id and data key, and which passphrase gave it: the case's own
        ("case") or the clinic's ("clinic"). See :func:`unlocking.unwrap_data_key`."""
        directory = self.existing_case_dir(name)
        self._check_header(directory / DB_FILE)
        key_file = KeyFile.parse(self._read_key(directory / KEY_FILE))
        return unwrap_data_key(key_file, passphrase, self.clinic)

    def key_file(self, name: str) -> KeyFile:
        """The case's parsed key file (which wraps it has; no passphrase needed)."""
        return KeyFile.parse(self._read_key(self.existing_case_dir(name) / KEY_FILE))

    def open_with_key(
        self, name: str, data_key: bytes, *, opened_with: str | None = "session_key"
    ) -> Case:
        """Open a case with its data key (from :meth:`unlock`); a key of another case, or a
        damaged one, is refused by the key check stored in the case.

        The audit log's chain is checked (``case.audit_status``; a broken chain still opens,
        and the break is recorded in the log), then ``case_opened`` is recorded with
        ``opened_with`` (e.g. "passphrase", "session_key"); None records nothing (a check that
        the key opens the case, not an access)."""
        return self.open_folder(
            name, self.existing_case_dir(name), data_key, opened_with=opened_with
        )

    def open_folder(
        self, name: str, directory: Path, data_key: bytes, *, opened_with: str | None = None
    ) -> Case:
        """Open the case in ``directory`` as ``name``: a case still in a hidden staging folder
        (an import checks it opens before renaming it into place); else as open_with_key."""
        db_path, key_path = directory / DB_FILE, directory / KEY_FILE
        self._check_header(db_path)
        key_file = KeyFile.parse(self._read_key(key_path))
        sealer = Sealer(key_file.case_id, data_key)
        conn = self._connect(db_path)
        try:
            self._check_schema(conn, db_path)
            self._check_key_matches(conn, sealer, db_path)
        except BaseException:
            conn.close()
            raise
        case = self._track(Case(name, directory, db_path, conn, sealer, self.caseworker))
        try:
            case.audit_status = status = case.verify_audit()
            if opened_with is not None:
                with case.batch():
                    if not status.ok:
                        _record_break(case, status)
                    case.record_action(audit.CASE_OPENED, opened_with=opened_with)
        except BaseException:
            case.close()
            raise
        return case

    def _track(self, case: Case) -> Case:
        self._open_cases.add(case)
        return case

    @staticmethod
    def _read_key(key_path: Path) -> bytes:
        try:
            return key_path.read_bytes()
        except FileNotFoundError:
            raise CorruptCaseError(
                f"The case's key file {key_path} is missing.",
                "Restore the case folder from a backup; without its key the case cannot be opened.",
            ) from None
        except OSError as error:
            raise os_error(error, "reading the case's key file") from error

    @staticmethod
    def _check_header(db_path: Path) -> None:
        """Refuse random bytes, foreign SQLite files and newer schemas without opening them
        for writing (opening would switch a foreign file to WAL mode)."""
        try:
            with db_path.open("rb") as handle:
                header = handle.read(100)
        except FileNotFoundError:
            raise CorruptCaseError(
                f"The case database {db_path} is missing.",
                "Restore the case folder from a backup, or delete the case and create it again.",
            ) from None
        except OSError as error:
            raise os_error(error, "reading the case database") from error
        if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
            raise CorruptCaseError(
                f"{db_path} is damaged or is not a database.",
                "Restore the case folder from a backup. FaceAudit did not change the file.",
            )
        if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
            raise ForeignFileError(
                f"{db_path} is an SQLite database, but not a FaceAudit case.",
                "Move that file out of the cases folder; FaceAudit did not change it.",
            )
        _refuse_newer(int.from_bytes(header[60:64], "big"), db_path)

    def _connect(self, db_path: Path) -> sqlite3.Connection:
        conn = connect(db_path)
        try:
            # Fail now, not at the first save, when the files cannot be written: rewrite the
            # header's version to itself (SQLite opens a write-protected file read-only
            # without a word) and roll back.
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"PRAGMA user_version = {user_version(conn)}")
            conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            conn.close()
            raise translate(error, db_path) from error
        return conn

    @staticmethod
    def _check_schema(conn: sqlite3.Connection, db_path: Path) -> None:
        try:
            _refuse_newer(user_version(conn), db_path)
            migrate(conn, db_path)
        except sqlite3.Error as error:
            raise translate(error, db_path) from error

    @staticmethod
    def _check_key_matches(conn: sqlite3.Connection, sealer: Sealer, db_path: Path) -> None:
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as error:
            raise translate(error, db_path) from error
        stored_id = meta.get("case_id")
        if not _CASE_ID.fullmatch(str(stored_id or "")) or not meta.get("key_check"):
            # The database lost its own identity: it is damaged, whatever the key file holds.
            raise CorruptCaseError(
                f"The case database {db_path} is damaged: the record of which case it is "
                "is missing or unreadable.",
                "Restore the case folder from a backup. FaceAudit did not change the file.",
            )
        if stored_id != sealer.case_id:
            if not _intact(conn):
                raise CorruptCaseError(
                    f"The case database {db_path} is damaged (SQLite's integrity check fails).",
                    "Restore the case folder from a backup. FaceAudit did not change the file.",
                )
            raise CorruptCaseError(
                f"The key file beside {db_path} belongs to another case.",
                "Put the case's own key file back (restore the folder from a backup).",
            )
        try:
            check = sealer.open(
                bytes.fromhex(meta.get("key_check", "")), "meta", "value", "key_check"
            )
        except (ValueError, TamperedDataError):
            check = b""  # a key of another case lands here too
        if check != _KEY_CHECK:
            raise CorruptCaseError(
                f"The key does not pass the key check stored in {db_path}: it is another "
                "case's key, or the check is damaged.",
                "Open the case with its passphrase; if that fails too, restore the case folder "
                "from a backup.",
            )

    def change_passphrase(self, name: str, old_passphrase: str, new_passphrase: str) -> None:
        """Re-wrap the case's data key under a new passphrase of its own (one atomic key-file
        rewrite). ``old_passphrase`` may be the clinic's for a case under the clinic: the
        case then gets a passphrase of its own too (to hand it to the client), and keeps its
        clinic wrap.

        Only the key file changes; the sealed values stay as they are. A copy of the old key
        file (a backup) still opens with the old passphrase.
        """
        if len(new_passphrase) < MIN_PASSPHRASE_CHARS:
            raise WeakPassphraseError(
                f"The new passphrase is shorter than {MIN_PASSPHRASE_CHARS} characters.",
                "Choose a longer one: several words are easy to remember and hard to guess.",
            )
        unlocked = self.unlock_case(name, old_passphrase)
        data_key = unlocked.data_key
        # Opening checks the key against the case (and records the access in its log).
        with self.open_with_key(name, data_key, opened_with=f"{unlocked.kind}_passphrase") as case:
            key_path = case.directory / KEY_FILE
            key_file = KeyFile.parse(self._read_key(key_path))
            own = PassphraseWrap.make(key_file.case_id, data_key, new_passphrase, self.kdf)
            self._rewrite_key(key_path, KeyFile(key_file.case_id, own, key_file.clinic), case)

    def join_clinic(self, name: str, case_passphrase: str, clinic_passphrase: str) -> None:
        """Wrap an existing case's data key under the clinic master key as well, so that the
        clinic passphrase opens it too; its own passphrase keeps working."""
        clinic_id, master_key = self.clinic.master_key(clinic_passphrase)
        unlocked = self.unlock_case(name, case_passphrase)
        data_key = unlocked.data_key
        with self.open_with_key(name, data_key, opened_with=f"{unlocked.kind}_passphrase") as case:
            key_path = case.directory / KEY_FILE
            key_file = KeyFile.parse(self._read_key(key_path))
            clinic = ClinicWrap.make(clinic_id, master_key, key_file.case_id, data_key)
            self._rewrite_key(key_path, KeyFile(key_file.case_id, key_file.own, clinic), case)

    def leave_clinic(self, name: str, case_passphrase: str) -> None:
        """Remove the clinic wrap of a case that has a passphrase of its own (given here):
        the clinic passphrase no longer opens it."""
        key_file = self.key_file(name)
        if key_file.own is None:
            raise ClinicKeyError(
                f"The case {name!r} has no passphrase of its own: only the clinic passphrase "
                "opens it.",
                "Give it its own passphrase first ('faceaudit case passphrase'), then try again.",
            )
        unlocked = self.unlock_case(name, case_passphrase)
        if unlocked.kind != "case":
            raise WrongPassphraseError(
                "To take a case out of the clinic, give the case's own passphrase, not the "
                "clinic's.",
                "Type the passphrase of the case itself.",
            )
        with self.open_with_key(name, unlocked.data_key, opened_with="case_passphrase") as case:
            key_path = case.directory / KEY_FILE
            self._rewrite_key(key_path, KeyFile(key_file.case_id, own=key_file.own), case)

    def _rewrite_key(self, key_path: Path, key_file: KeyFile, case: Case) -> None:
        """Write the case's new key file, then record in its log which passphrases open it
        now (recorded only once the file is written)."""
        try:
            write_file_atomically(key_path, key_file.render())
        except OSError as error:
            raise os_error(error, "saving the case's new key file") from error
        case.record_action(audit.PASSPHRASE_CHANGED, unlocks_with=_unlock_kinds(key_file))

    # -- list --------------------------------------------------------------------------

    def list(self) -> list[CaseSummary]:
        """Every case under the data directory, with counts readable without a passphrase."""
        root = self.root
        summaries = []
        for directory in sorted(
            p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")
        ):
            summaries.append(self._summary(directory))
        return summaries

    def _plain_connect(self, directory: Path) -> sqlite3.Connection:
        db_path = directory / DB_FILE
        self._check_header(db_path)
        # Read-write (nothing is written) so that closing the last connection removes
        # the -wal and -shm files again; read-only where the folder cannot be written.
        try:
            return connect(db_path)
        except ReadOnlyError:
            return connect(db_path, read_only=True)

    @contextlib.contextmanager
    def plain_connection(self, name: str) -> Iterator[sqlite3.Connection]:
        """A connection to the case's database without its key, for the plain part only
        (counts, dates, statuses: see docs/STORAGE.md). Nothing sealed can be read from it.

        A case saved by an older FaceAudit is upgraded first (the schema needs no key), so
        the caller can rely on today's columns."""
        db_path = self.existing_case_dir(name) / DB_FILE
        conn = self._plain_connect(db_path.parent)
        try:
            self._check_schema(conn, db_path)
            yield conn
        except sqlite3.Error as error:
            raise translate(error, db_path) from error
        finally:
            conn.close()

    def _summary(self, directory: Path) -> CaseSummary:
        db_path = directory / DB_FILE
        try:
            conn = self._plain_connect(directory)
        except StoreError as error:
            return CaseSummary(name=directory.name, path=directory, problem=error.what)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())

            def count(sql: str) -> int:
                return int(conn.execute(sql).fetchone()[0])

            last = conn.execute("SELECT max(started_at) FROM scans").fetchone()[0]
            return CaseSummary(
                name=directory.name,
                path=directory,
                created_at=meta.get("created_at"),
                schema_version=user_version(conn),
                references=count("SELECT count(*) FROM reference_photos"),
                sources=count("SELECT count(*) FROM sources"),
                scans=count("SELECT count(*) FROM scans"),
                last_scan_at=last,
                findings=count("SELECT count(*) FROM findings"),
                unreviewed=count("SELECT count(*) FROM findings WHERE review = 'unreviewed'"),
            )
        except sqlite3.Error as error:
            return CaseSummary(
                name=directory.name, path=directory, problem=translate(error, db_path).what
            )
        finally:
            conn.close()

    # -- delete ------------------------------------------------------------------------

    def delete(self, name: str, *, cache: str = "case") -> CaseDeletion:
        """Destroy the case's key (cryptographic erase), then remove every file of the case:
        its folder, the letters drafted for it in the exports folder, and the HTTP cache's
        copies of what it fetched (``cache="case"``), the whole cache (``"all"``) or none
        (``"keep"``). Returns what was removed.

        Without the key, the sealed biometric values left on an SSD's spare blocks or in a
        backup cannot be decrypted, even with the passphrase.
        """
        from faceaudit.cleanup import (
            CACHE_CHOICES,
            CaseDeletion,
            clear_http_cache,
            forget_cached_responses,
            urls_of_case,
        )

        if cache not in CACHE_CHOICES:
            raise ValueError(f"cache must be one of {CACHE_CHOICES}")
        directory = self.case_dir(name)
        if not directory.is_dir():
            raise coded(
                CaseNotFoundError(
                    f"There is no case named {name!r} in {self.root}.",
                    "Run 'faceaudit case list' to see your cases.",
                ),
                "case-not-found",
                name=name,
            )
        for case in list(self._open_cases):
            if case.directory == directory:
                case.close()
        self._forget_unlocked(name)
        fetched = urls_of_case(directory) if cache == "case" else set()  # read while it exists
        # What the receipt keeps, read while the case exists (plain part, no key).
        case_id, state = retention.plain_facts(directory / DB_FILE)
        with contextlib.suppress(FaceAuditError):
            case_id = self.case_id(name)
        # The letters drafted for the case (faceaudit letter --case, without -o) hold the
        # person's details, the finding URLs and, if asked, face thumbnails: they go too;
        # so do half-built copies of it left by a create that was killed.
        exports = self.paths.base / "exports" / name  # Paths.exports, without creating it
        had_exports = exports.is_dir()
        temporary = sorted(self.root.glob(f"{STAGING_PREFIX}{name}-*"))
        key_file = directory / KEY_FILE
        key_size = key_file.stat().st_size if key_file.is_file() else 0
        in_folder = retention.tree_size(directory, "case_files")
        temp_counts = [retention.tree_size(t, "temporary") for t in temporary]
        destroyed = [
            Destroyed("key", int(key_file.is_file()), key_size),
            Destroyed(
                "case_files", in_folder.files - int(key_file.is_file()), in_folder.bytes - key_size
            ),
            retention.tree_size(exports, "exports"),
            Destroyed(
                "temporary", sum(t.files for t in temp_counts), sum(t.bytes for t in temp_counts)
            ),
        ]
        facts = {
            "created_at": state.opened_at or None if state else None,
            "closed_at": state.closed_at if state else None,
            "outcome": state.outcome if state else None,
            "retention_days": (
                state.days_kept(retention.default_retention_days(self)) if state else None
            ),
        }
        try:
            destroy_file(directory / KEY_FILE)
        except OSError as error:
            raise os_error(error, f"destroying the key of case {name!r}") from error
        for folder in (directory, exports, *temporary):
            try:
                remove_tree(folder)
            except OSError as error:
                problem = (
                    f"The key of case {name!r} was destroyed (its biometric data can no longer "
                    f"be decrypted), but some of its files in {folder} could not be removed: "
                    f"{error.strerror or error}."
                )
                append_receipt(
                    self.paths.base,
                    new_receipt(
                        case_id or "unknown",
                        self.caseworker,
                        destroyed[:1],
                        complete=False,
                        problem=problem,
                        **facts,
                    ),
                )
                raise StoreError(problem, f"Remove the folder {folder} by hand.") from error
        http_cache = self.paths.base / "cache" / "http"
        removed = None
        if cache == "case":
            removed = forget_cached_responses(http_cache, fetched)
        elif cache == "all":
            removed = clear_http_cache(http_cache)
        if removed is not None:
            destroyed.append(Destroyed("cached_responses", removed.files, removed.bytes))
        receipt = new_receipt(case_id or "unknown", self.caseworker, destroyed, **facts)
        append_receipt(self.paths.base, receipt)
        return CaseDeletion(
            name,
            directory,
            exports if had_exports else None,
            removed,
            cache == "all",
            receipt=receipt,
        )

    def _forget_unlocked(self, name: str) -> None:
        """A session unlock of the case ends with it (the agent may hold its key)."""
        from faceaudit.agent import AgentClient

        with contextlib.suppress(FaceAuditError):
            AgentClient().forget(self.case_id(name))


def _record_break(case: Case, status: audit.AuditVerification) -> None:
    """Write into the log that its chain was found broken (once per break), so the finding
    stays in the log even if a later append would hide the gap."""
    found = {"problem": status.problem, "at_seq": status.seq, "last_seq": status.last_seq}
    for entry in case.audit_log():
        if entry.action == audit.AUDIT_BREAK_FOUND and entry.details == found:
            return
    case.record_action(audit.AUDIT_BREAK_FOUND, **found)


def _unlock_kinds(key_file: KeyFile) -> list[str]:
    """The passphrases that open a case, as its audit log and ``case list --json`` name them."""
    wraps = (("case_passphrase", key_file.own), ("clinic_passphrase", key_file.clinic))
    return [kind for kind, wrap in wraps if wrap is not None]


def remove_tree(directory: Path) -> None:
    """Overwrite and remove every file under ``directory``, then the folders (if it exists)."""
    if not directory.is_dir() or directory.is_symlink():
        return
    for path in sorted(directory.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            destroy_file(path)
    directory.rmdir()
    fsync_dir(directory.parent)


def destroy_file(path: Path) -> None:
    """Overwrite a file with random bytes, flush it to disk, then unlink it.

    Overwriting is best effort (SSDs and copy-on-write file systems may keep old blocks);
    the guarantee comes from destroying the key, whose loss makes the sealed values noise.
    """
    with contextlib.suppress(FileNotFoundError):
        if not path.is_symlink():
            remaining = path.stat().st_size
            with path.open("r+b") as handle:
                while remaining > 0:
                    chunk = min(remaining, 1 << 20)
                    handle.write(secrets.token_bytes(chunk))
                    remaining -= chunk
                handle.flush()
                os.fsync(handle.fileno())
        path.unlink()
    fsync_dir(path.parent)


def _refuse_newer(version: int, db_path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"The case {db_path.parent.name} was saved by a newer FaceAudit (case format "
            f"{version}; this FaceAudit reads up to {SCHEMA_VERSION}).",
            "Update FaceAudit to open it. The case was not changed.",
        )
