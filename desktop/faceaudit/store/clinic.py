"""The clinic key: one clinic-wide passphrase that unlocks the cases created under it.

``<data dir>/clinic/clinic.key`` (0600) holds a random 256-bit **clinic master key**,
wrapped (AES-256-GCM) under a key derived from the clinic passphrase with Argon2id
(RFC 9106's second recommended setting: t=3, 64 MiB, 4 lanes). A case created under the
clinic has its own data key wrapped under the master key in its ``case.key`` (see
:class:`faceaudit.store.crypto.ClinicWrap`); nothing else about the cases is in this file.

Changing the clinic passphrase rewrites only this file: the master key, and so every
case's wrap, stays the same. Deleting a case destroys its ``case.key``, wrap included.
"""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from faceaudit.errors import coded
from faceaudit.paths import Paths, data_folder_error
from faceaudit.store.crypto import (
    KEY_BYTES,
    MIN_PASSPHRASE_CHARS,
    NONCE_BYTES,
    SALT_BYTES,
    b64,
    unb64,
    utf8_passphrase,
)
from faceaudit.store.db import write_file_atomically
from faceaudit.store.errors import (
    CorruptCaseError,
    StoreError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from faceaudit.timestamps import utc_now

CLINIC_FOLDER = "clinic"  # <data dir>/clinic/clinic.key: Paths.clinic_key
CLINIC_KEY_FILE = "clinic.key"
CLINIC_FORMAT = "faceaudit-clinic-key"
CLINIC_VERSION = 1
CLINIC_ID = re.compile("[0-9a-f]{32}")


class ClinicKeyError(StoreError):
    """No clinic key where one is needed, one already set up, or another clinic's key."""


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost (RFC 9106 section 4, second recommended option: t=3, m=64 MiB, p=4).

    About 0.3 s and 64 MiB per derivation on a two-core laptop. Tests pass a cheaper
    instance explicitly; the default is never lowered.
    """

    time_cost: int = 3
    memory_kib: int = 2**16
    parallelism: int = 4

    def validate(self) -> None:
        # Read from a file: a huge memory cost would exhaust the machine before failing.
        if not (
            1 <= self.time_cost <= 16
            and 1 <= self.parallelism <= 16
            and 8 * self.parallelism <= self.memory_kib <= 2**21
        ):
            raise _damaged()

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        from argon2.low_level import Type, hash_secret_raw

        self.validate()
        return hash_secret_raw(
            utf8_passphrase(passphrase),
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )


DEFAULT_CLINIC_KDF = Argon2Params()


def _wrap_aad(clinic_id: str) -> bytes:
    return f"faceaudit/v1\x00clinic-key\x00{clinic_id}".encode()


def _damaged() -> CorruptCaseError:
    return coded(
        CorruptCaseError(
            "The clinic key file (clinic/clinic.key in the data folder) is damaged or is not a "
            "FaceAudit clinic key.",
            "Restore it from a backup. Cases with their own passphrase still open with it; "
            "cases locked only under the clinic key cannot be opened without this file.",
        ),
        "clinic-key-damaged",
    )


def wrong_clinic_passphrase() -> WrongPassphraseError:
    return coded(
        WrongPassphraseError(
            "That is not the clinic passphrase.",
            "Check it (it is case-sensitive) and try again. FaceAudit cannot recover a forgotten "
            "clinic passphrase: the cases locked only under it stay locked without it.",
        ),
        "wrong-clinic-passphrase",
    )


@dataclass(frozen=True)
class ClinicKeyFile:
    """The parsed ``clinic.key``: the master key wrapped under the clinic passphrase."""

    clinic_id: str
    kdf: Argon2Params
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    created_at: str

    @classmethod
    def make(
        cls, clinic_id: str, master_key: bytes, passphrase: str, kdf: Argon2Params, created: str
    ) -> ClinicKeyFile:
        salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
        kek = kdf.derive(unicodedata.normalize("NFC", passphrase), salt)
        wrapped = AESGCM(kek).encrypt(nonce, master_key, _wrap_aad(clinic_id))
        return cls(clinic_id, kdf, salt, nonce, wrapped, created)

    def render(self) -> bytes:
        document = {
            "format": CLINIC_FORMAT,
            "version": CLINIC_VERSION,
            "clinic_id": self.clinic_id,
            "created_at": self.created_at,
            "kdf": {
                "name": "argon2id",
                "time_cost": self.kdf.time_cost,
                "memory_kib": self.kdf.memory_kib,
                "parallelism": self.kdf.parallelism,
            },
            "salt": b64(self.salt),
            "nonce": b64(self.nonce),
            "wrapped_key": b64(self.wrapped_key),
        }
        return (json.dumps(document, indent=1) + "\n").encode("utf-8")

    @classmethod
    def parse(cls, raw: bytes) -> ClinicKeyFile:
        try:
            document = json.loads(raw.decode("utf-8"))
            if document.get("format") != CLINIC_FORMAT or document.get("version") != 1:
                raise ValueError("not a clinic key file this FaceAudit reads")
            kdf_doc = document["kdf"]
            if kdf_doc.get("name") != "argon2id":
                raise ValueError("unknown KDF")
            parsed = cls(
                clinic_id=str(document["clinic_id"]),
                kdf=Argon2Params(
                    time_cost=int(kdf_doc["time_cost"]),
                    memory_kib=int(kdf_doc["memory_kib"]),
                    parallelism=int(kdf_doc["parallelism"]),
                ),
                salt=unb64(document["salt"]),
                nonce=unb64(document["nonce"]),
                wrapped_key=unb64(document["wrapped_key"]),
                created_at=str(document.get("created_at", "")),
            )
            if not CLINIC_ID.fullmatch(parsed.clinic_id) or (
                len(parsed.salt),
                len(parsed.nonce),
                len(parsed.wrapped_key),
            ) != (SALT_BYTES, NONCE_BYTES, KEY_BYTES + 16):
                raise ValueError("misshapen clinic key file")
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise _damaged() from None
        parsed.kdf.validate()
        return parsed

    def try_unwrap(self, passphrase: str) -> bytes | None:
        """The master key, or None for another passphrase (one Argon2id run: the file was
        written by this version from the NFC form, so no other form is tried)."""
        kek = self.kdf.derive(unicodedata.normalize("NFC", passphrase), self.salt)
        try:
            return AESGCM(kek).decrypt(self.nonce, self.wrapped_key, _wrap_aad(self.clinic_id))
        except InvalidTag:
            return None

    def unwrap(self, passphrase: str) -> bytes:
        master = self.try_unwrap(passphrase)
        if master is None:
            raise wrong_clinic_passphrase()
        return master


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphraseError(
            f"The clinic passphrase is shorter than {MIN_PASSPHRASE_CHARS} characters.",
            "Choose a longer one: several unrelated words are easy to remember and hard to "
            "guess. Every case under the clinic is only as safe as this passphrase.",
        )


class Clinic:
    """The clinic key of one data folder: set up, read, unlock, change its passphrase."""

    def __init__(self, paths: Paths, kdf: Argon2Params = DEFAULT_CLINIC_KDF) -> None:
        self.paths = paths
        self.kdf = kdf

    @property
    def key_path(self) -> Path:
        return self.paths.clinic_key

    def exists(self) -> bool:
        return self.key_path.is_file()

    def key_file(self) -> ClinicKeyFile | None:
        """The clinic key file, or None when this data folder has no clinic key."""
        try:
            raw = self.key_path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise data_folder_error(error, self.key_path) from error
        return ClinicKeyFile.parse(raw)

    def require(self) -> ClinicKeyFile:
        key_file = self.key_file()
        if key_file is None:
            raise ClinicKeyError(
                "This computer has no clinic passphrase set up.",
                "Set one up first ('faceaudit clinic init', or Clinic > Clinic passphrase in "
                "the window), or give the case a passphrase of its own.",
            )
        return key_file

    def refuse_if_set_up(self) -> None:
        if self.exists():
            raise ClinicKeyError(
                "A clinic passphrase is already set up on this computer.",
                "Change it with 'faceaudit clinic passphrase' (or Clinic > Clinic passphrase); "
                "setting up a new clinic key would leave the cases under the old one locked.",
            )

    def init(self, passphrase: str) -> ClinicKeyFile:
        """Set up the clinic key (a new random master key under ``passphrase``)."""
        self.refuse_if_set_up()
        check_new_passphrase(passphrase)
        key_file = ClinicKeyFile.make(
            uuid.uuid4().hex, secrets.token_bytes(KEY_BYTES), passphrase, self.kdf, utc_now()
        )
        self._write(key_file)
        return key_file

    def master_key(self, passphrase: str) -> tuple[str, bytes]:
        """(clinic id, master key) for the clinic passphrase; WrongPassphraseError if not."""
        key_file = self.require()
        return key_file.clinic_id, key_file.unwrap(passphrase)

    def change_passphrase(self, old_passphrase: str, new_passphrase: str) -> None:
        """Rewrap the master key under a new passphrase; no case file changes. A copy of the
        old clinic.key (a backup) still opens with the old passphrase."""
        key_file = self.require()
        check_new_passphrase(new_passphrase)
        master = key_file.unwrap(old_passphrase)
        self._write(
            ClinicKeyFile.make(
                key_file.clinic_id, master, new_passphrase, self.kdf, key_file.created_at
            )
        )

    def _write(self, key_file: ClinicKeyFile) -> None:
        folder = self.key_path.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)
            write_file_atomically(self.key_path, key_file.render())
        except OSError as error:
            raise data_folder_error(error, self.key_path) from error
