"""Import a hand-off file as a new case, verifying everything before the case appears.

Order: the age header says which key opens the file (a wrong kind is named at once); the
manifest and its signature are checked as soon as they are decrypted, before any byte is
written (the signer is named; ``trust`` pins who may have signed); then each file is
streamed into a hidden staging folder under the cases folder (as ``case create`` builds a
case) with its size and SHA-256 checked against the manifest; age authenticates every 64 KiB
chunk and the end of the stream, so a truncated or altered file fails. The staged case must
open with the case passphrase and be the case the manifest names. Only then is the folder
renamed into place. Any failure removes the staging folder: the data folder is unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage

from faceaudit.handoff import container
from faceaudit.handoff.errors import (
    DamagedHandoffError,
    HandoffCancelled,
    HandoffError,
    UntrustedSignerError,
    WrongKeyError,
)
from faceaudit.handoff.keys import ClinicKey, signer_matches
from faceaudit.handoff.manifest import FileEntry, Manifest, check_signature
from faceaudit.localfiles import open_regular, read_capped
from faceaudit.store import CaseExistsError, CaseStore, audit, validate_case_name
from faceaudit.store.casestore import KEY_FILE, STAGING_PREFIX, remove_tree
from faceaudit.store.crypto import KeyFile
from faceaudit.store.db import fsync_dir
from faceaudit.store.schema import SCHEMA_VERSION
from faceaudit.store.unlocking import unwrap_data_key

AGE_MAGIC = b"age-encryption.org/v1\n"
MAX_HANDOFF_BYTES = 64 << 30
MAX_PASSPHRASE_HANDOFF_BYTES = 1 << 30  # decrypted in memory (no streaming scrypt in pyrage)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportResult:
    name: str
    case_id: str
    sender_clinic: str
    signer_fingerprint: str
    signer_trusted: bool  # pinned with ``trust`` or one of the clinic's own keys
    exported_at: str
    files: int
    size: int


def protection(path: Path) -> str:
    """``"recipients"`` (age X25519 keys) or ``"passphrase"`` (age scrypt), from the header."""
    with open_regular(path, role="hand-off file", error=HandoffError) as handle:
        head = handle.read(4096)
    if not head.startswith(AGE_MAGIC):
        raise DamagedHandoffError(
            f"{path} is not a FaceAudit hand-off file (it is not an age-encrypted file). "
            "Nothing was imported.",
            "Check that you chose the file the other clinic sent.",
        )
    stanzas = [line for line in head.split(b"\n")[1:] if line.startswith(b"-> ")]
    if stanzas and all(line.startswith(b"-> scrypt ") for line in stanzas):
        return "passphrase"
    return "recipients"


def import_case(
    store: CaseStore,
    path: Path,
    *,
    case_passphrase: str,
    identity: ClinicKey | None = None,
    passphrase: str | None = None,
    new_name: str | None = None,
    trust: Sequence[str] = (),
    own_keys: Sequence[ClinicKey] = (),
    on_progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportResult:
    """A new case from the hand-off file at ``path`` (see the module's docstring)."""
    path = Path(path)
    if new_name is not None:
        _refuse_existing(store, validate_case_name(new_name))
    kind = protection(path)
    if kind == "passphrase" and passphrase is None:
        raise WrongKeyError(
            f"{path} is protected by an export passphrase, not by a clinic key.",
            "Give the passphrase the sender chose: --export-passphrase-file FILE.",
        )
    if kind == "recipients" and identity is None:
        raise WrongKeyError(
            f"{path} is encrypted to a clinic's public key, not to a passphrase.",
            "Give your clinic key file: --identity FILE.",
        )
    staging = store.root / f"{STAGING_PREFIX}import-{secrets.token_hex(6)}"
    job = _Import(store, staging, new_name, trust, [*own_keys, *([identity] if identity else [])])
    try:
        _decrypt(path, kind, identity, passphrase, job, on_progress, cancel)
        job.finish()
        return job.settle(case_passphrase)
    finally:
        job.close_sink()
        if staging.exists():
            remove_tree(staging)


def _refuse_existing(store: CaseStore, name: str) -> None:
    if store.case_dir(name).exists():
        raise CaseExistsError(
            f"A case named {name!r} already exists; the hand-off was not imported.",
            "Import it under another name with --as NAME (or delete the other case first).",
        )


class _Reader:
    """The encrypted file as age reads it: counts progress and checks the cancel flag."""

    def __init__(
        self, handle: BinaryIO, total: int, on_progress: Progress | None, cancel: object
    ) -> None:
        self._handle, self._total, self._done = handle, total, 0
        self._on_progress = on_progress
        self._cancel = cancel if isinstance(cancel, threading.Event) else None
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        if self._cancel is not None and self._cancel.is_set():
            self.error = HandoffCancelled("The import was stopped; nothing was imported.", "")
            raise self.error
        data = self._handle.read(size)
        self._done += len(data)
        if self._on_progress is not None:
            self._on_progress(self._done, self._total)
        return data


def _decrypt(
    path: Path,
    kind: str,
    identity: ClinicKey | None,
    passphrase: str | None,
    job: _Import,
    on_progress: Progress | None,
    cancel: threading.Event | None,
) -> None:
    reader = job.reader
    try:
        if kind == "passphrase":
            data = read_capped(
                path,
                MAX_PASSPHRASE_HANDOFF_BYTES,
                role="hand-off file",
                error=HandoffError,
                too_large_todo="Ask the sender to export it to your clinic's public key.",
            )
            if on_progress is not None:
                on_progress(len(data), len(data))
            plain = pyrage.passphrase.decrypt(data, passphrase or "")
            if cancel is not None and cancel.is_set():
                raise HandoffCancelled("The import was stopped; nothing was imported.", "")
            for start in range(0, len(plain), container.CHUNK):
                reader.write(plain[start : start + container.CHUNK])
            return
        assert identity is not None
        with open_regular(path, role="hand-off file", error=HandoffError) as handle:
            total = os.fstat(handle.fileno()).st_size
            source = _Reader(handle, total, on_progress, cancel)
            try:
                pyrage.decrypt_io(source, reader, [identity.identity])
            except BaseException:
                if source.error is not None:
                    raise source.error from None
                raise
    except (pyrage.DecryptError, OSError) as error:
        raise _decrypt_error(str(error), kind) from None


def _decrypt_error(message: str, kind: str) -> HandoffError:
    if "no matching keys" in message.lower():
        return WrongKeyError(
            "This hand-off file is not encrypted to your clinic key (or its header was "
            "altered). Nothing was imported.",
            "Check that you gave your own clinic key file (--identity), and that the sender "
            "used your public key (the 'age1...' line 'faceaudit clinic keygen' printed).",
        )
    if kind == "passphrase" and "decryption failed" in message.lower():
        return WrongKeyError(
            "The export passphrase does not open this hand-off file (or its header was "
            "altered). Nothing was imported.",
            "Check the passphrase with the sender (it is case-sensitive).",
        )
    return DamagedHandoffError(
        "The hand-off file is damaged, cut short or was altered: its encryption does not "
        "check out. Nothing was imported.",
        "Ask the sender for the file again.",
    )


class _FileSink:
    def __init__(self, path: Path, entry: FileEntry) -> None:
        self.entry = entry
        self._digest = hashlib.sha256()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._handle: BinaryIO | None = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self._digest.update(data)
        assert self._handle is not None
        self._handle.write(data)

    def close(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        with handle:
            handle.flush()
            os.fsync(handle.fileno())
        if self._digest.hexdigest() != self.entry.sha256:
            raise DamagedHandoffError(
                f"The hand-off file is damaged or was altered: {self.entry.name} does not "
                "match the SHA-256 its manifest records. Nothing was imported.",
                "Ask the sender for the file again.",
            )


class _Import:
    """The push parser's callbacks: check the manifest, then write each file it lists."""

    def __init__(
        self,
        store: CaseStore,
        staging: Path,
        new_name: str | None,
        trust: Sequence[str],
        own_keys: Sequence[ClinicKey],
    ) -> None:
        self.store, self.staging, self.new_name = store, staging, new_name
        self.trust, self.own_keys = list(trust), list(own_keys)
        self.manifest: Manifest | None = None
        self.name = ""
        self.trusted = False
        self._next = 0
        self._sink: _FileSink | None = None
        self.reader = container.ArchiveReader(self._on_signed, self._on_header)

    def _on_signed(self, raw_manifest: bytes, raw_signature: bytes) -> None:
        manifest = Manifest.parse(raw_manifest)
        check_signature(manifest, raw_manifest, raw_signature)
        key = manifest.signing_key
        own = any(mine.signing_public_key == key for mine in self.own_keys)
        pinned = any(signer_matches(wanted, key) for wanted in self.trust)
        if self.trust and not (pinned or own):
            sender = manifest.sender_clinic or "an unnamed clinic"
            raise UntrustedSignerError(
                f"The hand-off file was signed by {sender!r} "
                f"with the key fingerprint {manifest.signer_fingerprint}, which is not the "
                "key you said to trust. Nothing was imported.",
                "Check the fingerprint with the sending clinic by phone or in person; import "
                "with --trust-signer set to the fingerprint they confirm.",
            )
        if manifest.schema_version > SCHEMA_VERSION:
            raise HandoffError(
                f"The case in this hand-off was saved by a newer FaceAudit (case format "
                f"{manifest.schema_version}; this FaceAudit reads up to {SCHEMA_VERSION}).",
                "Update FaceAudit, then import it again. Nothing was imported.",
            )
        self.name = validate_case_name(self.new_name or manifest.case_name)
        _refuse_existing(self.store, self.name)
        self.trusted = pinned or own
        self.manifest = manifest
        self.staging.mkdir(mode=0o700)

    def _on_header(self, name: str, size: int) -> container.Sink:
        manifest = self.manifest
        if manifest is None:  # the reader calls _on_signed first; a guard for the reader
            raise DamagedHandoffError("The hand-off file has no manifest.", "")
        if self._next >= len(manifest.files):
            raise DamagedHandoffError(
                f"The hand-off file is damaged or was altered: it holds {name!r}, which its "
                "manifest does not list. Nothing was imported.",
                "Ask the sender for the file again.",
            )
        entry = manifest.files[self._next]
        if (entry.name, entry.size) != (name, size):
            raise DamagedHandoffError(
                f"The hand-off file is damaged or was altered: it holds {name!r} of {size} "
                f"bytes where its manifest lists {entry.name!r} of {entry.size} bytes. "
                "Nothing was imported.",
                "Ask the sender for the file again.",
            )
        self._next += 1
        self._sink = _FileSink(self.staging / name, entry)
        return self._sink

    def finish(self) -> None:
        self.reader.finish()
        if self.manifest is None or self._next != len(self.manifest.files):
            raise DamagedHandoffError(
                "The hand-off file is damaged or was altered: files its manifest lists are "
                "missing. Nothing was imported.",
                "Ask the sender for the file again.",
            )

    def close_sink(self) -> None:
        if self._sink is not None:
            with contextlib.suppress(OSError, HandoffError):
                self._sink.close()

    def settle(self, case_passphrase: str) -> ImportResult:
        """Open the staged case with its passphrase, check it, then rename it into place."""
        manifest = self.manifest
        assert manifest is not None
        key_file = KeyFile.parse((self.staging / KEY_FILE).read_bytes())
        if key_file.case_id != manifest.case_id:
            raise DamagedHandoffError(
                "The hand-off file's case key belongs to another case than its manifest "
                "names. Nothing was imported.",
                "Ask the sender for the file again.",
            )
        data_key = unwrap_data_key(key_file, case_passphrase, self.store.clinic).data_key
        case = self.store.open_folder(self.name, self.staging, data_key)
        try:
            case.record_action(
                audit.IMPORTED,
                sender_clinic=manifest.sender_clinic[:100],
                signer=manifest.signer_fingerprint,
                signer_trusted=self.trusted,
                exported_at=manifest.created_at,
                files=len(manifest.files),
            )
        finally:
            case.close()
        final = self.store.case_dir(self.name)
        _refuse_existing(self.store, self.name)
        self.staging.rename(final)
        fsync_dir(final.parent)
        return ImportResult(
            name=self.name,
            case_id=manifest.case_id,
            sender_clinic=manifest.sender_clinic,
            signer_fingerprint=manifest.signer_fingerprint,
            signer_trusted=self.trusted,
            exported_at=manifest.created_at,
            files=len(manifest.files),
            size=manifest.total_size,
        )
