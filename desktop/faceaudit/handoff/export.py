"""Export an open case to one hand-off file: age-encrypted tar of a consistent snapshot.

The database is copied with SQLite's backup API (one read transaction: a consistent copy
even while the window writes) while the case's scan lock is held, so no scan runs during
the copy. The copy is a hidden file inside the case's own folder (sealed like the case
itself; ``case delete`` removes it with the folder) and is overwritten and removed on every
path; the archive is streamed into age's encryptor, so no plaintext archive is written. The
output is written beside its destination under a hidden name and renamed into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage

from faceaudit import __version__
from faceaudit.handoff import container
from faceaudit.handoff.errors import (
    ConsentMissingError,
    HandoffCancelled,
    HandoffError,
)
from faceaudit.handoff.keys import ClinicKey, parse_recipient
from faceaudit.handoff.manifest import FileEntry, Manifest, signature_document
from faceaudit.persontext import single_line
from faceaudit.store import Case, audit
from faceaudit.store.casestore import DB_FILE, KEY_FILE, destroy_file
from faceaudit.store.crypto import KeyFile
from faceaudit.store.db import connect, fsync_dir
from faceaudit.store.schema import user_version
from faceaudit.timestamps import utc_now

SNAPSHOT_PREFIX = ".handoff-snapshot-"
# A passphrase-protected file is encrypted in memory (pyrage has no streaming scrypt mode).
MAX_PASSPHRASE_EXPORT_BYTES = 1 << 30
MIN_EXPORT_PASSPHRASE_CHARS = 8
MAX_CONSENT_CHARS = 300
# Files of a case folder that are not part of it at rest.
_NOT_EXPORTED = {f"{DB_FILE}-wal", f"{DB_FILE}-shm", "scan.lock"}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    case_id: str
    size: int  # bytes of the hand-off file
    files: int
    mode: str  # "recipients" or "passphrase"
    recipients: int
    signer_fingerprint: str
    consent: str


def stored_consent(case: Case) -> str | None:
    """How the client's consent to a transfer was recorded earlier in the case's audit log
    (``consent_recorded`` with ``purpose="transfer"``), or None."""
    for entry in reversed(case.audit_log()):
        if entry.action == audit.CONSENT_RECORDED and entry.details.get("purpose") == "transfer":
            return str(entry.details.get("how") or "recorded")
    return None


def clean_consent(consent: str | None) -> str:
    text = single_line(consent or "", "The record of the client's consent", MAX_CONSENT_CHARS)
    if not text:
        raise ConsentMissingError(
            "The client's consent to this hand-off is not recorded, so the case was not exported.",
            "Ask the client, then say how and when they agreed, e.g. --consent 'signed form, "
            "2026-12-02' (in the window: tick the consent box and write it).",
        )
    return text


def export_case(
    case: Case,
    output: Path,
    *,
    key: ClinicKey,
    consent: str | None,
    recipients: Sequence[str] = (),
    passphrase: str | None = None,
    on_progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ExportResult:
    """Write ``case`` to ``output``, encrypted to ``recipients`` (age public keys) or to
    ``passphrase``, signed with ``key``. Refused without the client's consent: ``consent``
    (how and when it was given, recorded in the audit log now) or one the log holds."""
    earlier = None if (consent or "").strip() else stored_consent(case)
    consent_text = earlier or clean_consent(consent)
    if bool(recipients) == (passphrase is not None):
        raise HandoffError(
            "A hand-off is encrypted either to the receiving clinic's public keys or to a "
            "passphrase, and one of the two is needed.",
            "Give --recipient age1... (one or more) or --export-passphrase-file FILE.",
        )
    parsed = [parse_recipient(text) for text in recipients]
    if passphrase is not None and len(passphrase) < MIN_EXPORT_PASSPHRASE_CHARS:
        raise HandoffError(
            f"The export passphrase is shorter than {MIN_EXPORT_PASSPHRASE_CHARS} characters.",
            "Choose a longer one, and give it to the receiving clinic by another way than "
            "the file (by phone, in person).",
        )
    key_bytes = _own_key_file(case)
    output = Path(output)
    _check_output(output)
    snapshot = case.directory / f"{SNAPSHOT_PREFIX}{secrets.token_hex(8)}"
    partial = output.with_name(f".{output.name}.part-{secrets.token_hex(4)}")
    try:
        _remove_stale_snapshots(case.directory)
        with case.exclusive_scan():
            schema = _snapshot(case, snapshot)
        files = _case_files(case.directory, key_bytes, snapshot)
        manifest = Manifest(
            case_id=case.case_id,
            case_name=case.name,
            sender_clinic=key.clinic,
            signing_key=key.signing_public_key,
            created_at=utc_now(),
            faceaudit_version=__version__,
            schema_version=schema,
            files=tuple(entry for entry, _ in files),
        )
        raw = manifest.to_bytes()
        stream = _ArchiveStream(
            _archive(raw, signature_document(key, raw), files),
            manifest.total_size,
            on_progress,
            cancel,
        )
        _encrypt(stream, partial, parsed, passphrase, manifest.total_size)
        if output.exists():
            _check_output(output)
        # Recorded before the file appears: no hand-off exists that the log does not show.
        with case.batch():
            if earlier is None:
                case.record_action(audit.CONSENT_RECORDED, purpose="transfer", how=consent_text)
            case.record_action(
                audit.EXPORTED,
                mode="passphrase" if passphrase is not None else "recipients",
                recipients=len(parsed),
                signer=key.fingerprint,
                files=len(files),
                sha256=_sha256_of(partial),
            )
        partial.replace(output)
        fsync_dir(output.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    finally:
        for path in snapshot.parent.glob(f"{snapshot.name}*"):
            with contextlib.suppress(OSError):
                destroy_file(path)
    return ExportResult(
        path=output,
        case_id=case.case_id,
        size=output.stat().st_size,
        files=len(files),
        mode="passphrase" if passphrase is not None else "recipients",
        recipients=len(parsed),
        signer_fingerprint=key.fingerprint,
        consent=consent_text,
    )


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(container.CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _own_key_file(case: Case) -> bytes:
    """The case's key file as it travels: only the wrap under the case's own passphrase (a
    wrap under this clinic's master key is of no use elsewhere, and is not sent)."""
    key_file = KeyFile.parse((case.directory / KEY_FILE).read_bytes())
    if key_file.own is None:
        raise HandoffError(
            f"The case {case.name!r} opens only with the clinic passphrase, which the "
            "receiving clinic does not have, so it was not exported.",
            f"Give the case a passphrase of its own first (faceaudit case passphrase "
            f"{case.name}), to share with the client and the receiving clinic.",
        )
    return KeyFile(key_file.case_id, own=key_file.own).render()


def _check_output(output: Path) -> None:
    if output.exists() or output.is_symlink():
        raise HandoffError(
            f"{output} already exists; FaceAudit does not overwrite it.",
            "Choose another file name, or move the old file away first.",
        )
    if not output.parent.is_dir():
        raise HandoffError(
            f"The folder {output.parent} does not exist.", "Choose an existing folder for -o."
        )


def _remove_stale_snapshots(directory: Path) -> None:
    """Copies left by an export that was killed (sealed like the case; removed all the same)."""
    for path in directory.glob(f"{SNAPSHOT_PREFIX}*"):
        with contextlib.suppress(OSError):
            destroy_file(path)


def _snapshot(case: Case, target: Path) -> int:
    """A consistent copy of the case database at ``target``; returns its schema version."""
    source = connect(case.db_path)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        copy = sqlite3.connect(target, isolation_level=None)
        try:
            source.backup(copy)  # all pages in one step: one read transaction
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            return user_version(copy)
        finally:
            copy.close()
    except sqlite3.Error as error:
        raise HandoffError(
            f"The case database could not be copied for the export ({error}).",
            "Close other windows using the case and try again.",
        ) from error
    finally:
        source.close()


Content = Path | bytes


def _case_files(
    directory: Path, key_file: bytes, snapshot: Path
) -> list[tuple[FileEntry, Content]]:
    """The files to export: the key file, the database copy, and any other plain file the case
    folder holds at rest (never hidden temporary files, the WAL or the scan lock)."""
    chosen: dict[str, Content] = {KEY_FILE: key_file, DB_FILE: snapshot}
    for path in sorted(directory.iterdir()):
        if path.name in chosen or path.name in _NOT_EXPORTED or path.name.startswith("."):
            continue
        if path.is_file() and not path.is_symlink() and container.FILE_NAME.fullmatch(path.name):
            chosen[path.name] = path
    entries = []
    for name, content in chosen.items():
        digest, size = hashlib.sha256(), 0
        with _reader(content) as handle:
            while chunk := handle.read(container.CHUNK):
                digest.update(chunk)
                size += len(chunk)
        entries.append((FileEntry(name, size, digest.hexdigest()), content))
    return entries


def _reader(content: Content) -> BinaryIO:
    return io.BytesIO(content) if isinstance(content, bytes) else content.open("rb")


def _archive(
    manifest: bytes, signature: bytes, files: list[tuple[FileEntry, Content]]
) -> Iterator[bytes]:
    for name, data in ((container.MANIFEST_NAME, manifest), (container.SIGNATURE_NAME, signature)):
        yield container.header(name, len(data))
        yield data
        yield container.padding(len(data))
    for entry, content in files:
        with _reader(content) as handle:
            yield from container.member(entry.name, handle, entry.size)
    yield container.end_of_archive()


class _ArchiveStream:
    """A reader for age's encryptor, pulling the archive's chunks; it keeps its own errors
    (pyrage would turn them into a bare EncryptError)."""

    def __init__(
        self,
        chunks: Iterator[bytes],
        total: int,
        on_progress: Progress | None,
        cancel: threading.Event | None,
    ) -> None:
        self._chunks = chunks
        self._buffer = b""
        self._total, self._done = total, 0
        self._on_progress = on_progress
        self._cancel = cancel
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        try:
            return self._read(size)
        except BaseException as error:
            self.error = error
            raise

    def _read(self, size: int) -> bytes:
        if self._cancel is not None and self._cancel.is_set():
            raise HandoffCancelled("The export was stopped; no file was written.", "")
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        cut = len(self._buffer) if size < 0 else size
        data, self._buffer = self._buffer[:cut], self._buffer[cut:]
        self._done += len(data)
        if self._on_progress is not None:
            self._on_progress(min(self._done, self._total), self._total)
        return data

    def read_all(self) -> bytes:
        return b"".join(iter(lambda: self.read(container.CHUNK), b""))


def _encrypt(
    stream: _ArchiveStream,
    partial: Path,
    recipients: list[pyrage.x25519.Recipient],
    passphrase: str | None,
    total: int,
) -> None:
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        try:
            if passphrase is not None:
                if total > MAX_PASSPHRASE_EXPORT_BYTES:
                    raise HandoffError(
                        "This case is too large to export under a passphrase (it is encrypted "
                        "in memory).",
                        "Export it to the receiving clinic's public key (--recipient).",
                    )
                handle.write(pyrage.passphrase.encrypt(stream.read_all(), passphrase))
            else:
                pyrage.encrypt_io(stream, handle, recipients)
        except (pyrage.EncryptError, OSError) as error:
            if stream.error is not None:
                raise stream.error from None
            if isinstance(error, OSError):
                raise
            raise HandoffError(
                f"The hand-off file could not be encrypted ({error}).", "Try again."
            ) from None
        handle.flush()
        os.fsync(handle.fileno())
