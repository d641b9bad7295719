"""Keys and authenticated encryption for a case.

Each case has a random 256-bit data key. Biometric values (reference photos, embeddings,
face thumbnails, evidence images) and the person's details are sealed with AES-256-GCM
under that key; the associated data names the case, the table, the column and the row,
so a ciphertext copied into another row, table or case fails its integrity check instead
of decrypting into the wrong place.

The data key itself is stored only wrapped (AES-GCM again) under a key derived from the
person's passphrase with scrypt. The KDF parameters travel with the wrapped key, so a
case created with today's default still opens after the default is raised.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from faceaudit.store.errors import (
    CorruptCaseError,
    TamperedDataError,
    WeakPassphraseError,
    WrongPassphraseError,
)

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
BLOB_VERSION = 1  # first byte of every sealed value, so the format can change later
KEYFILE_FORMAT = "faceaudit-case-key"
KEYFILE_VERSION = 1
MIN_PASSPHRASE_CHARS = 8


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost. The default is OWASP's minimum (N=2^17, r=8, p=1: 128 MiB, ~0.3 s).

    Tests pass a cheaper instance explicitly to :class:`~faceaudit.store.CaseStore`; the
    default is never lowered.
    """

    n: int = 2**17
    r: int = 8
    p: int = 1

    def validate(self) -> None:
        # Parameters read from a key file are untrusted: a huge N would exhaust memory.
        power_of_two = self.n > 1 and self.n & (self.n - 1) == 0
        if not (
            power_of_two and 2**10 <= self.n <= 2**22 and 1 <= self.r <= 32 and 1 <= self.p <= 16
        ):
            raise CorruptCaseError(
                "The case's key file has key-derivation settings FaceAudit does not accept.",
                "The key file was altered or damaged; restore the case folder from a backup.",
            )

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        self.validate()
        kdf = Scrypt(salt=salt, length=KEY_BYTES, n=self.n, r=self.r, p=self.p)
        try:
            secret = passphrase.encode("utf-8")
        except UnicodeEncodeError:
            # Python keeps bytes that are not UTF-8 (from a terminal, a variable) as lone
            # surrogates, which have no UTF-8 form.
            raise WeakPassphraseError(
                "The passphrase contains bytes that are not UTF-8 text.",
                "Type it again in a UTF-8 terminal, or save the passphrase file as UTF-8.",
            ) from None
        return kdf.derive(secret)


def passphrase_forms(passphrase: str) -> list[str]:
    """The forms to try, NFC first: the same text typed on two systems can come as composed
    (NFC, 'é') or decomposed (NFD, 'e' + accent) characters. New key files derive from NFC;
    one written before passphrases were normalised derives from the text as it was typed."""
    composed = unicodedata.normalize("NFC", passphrase)
    decomposed = unicodedata.normalize("NFD", passphrase)
    return list(dict.fromkeys((composed, passphrase, decomposed)))


DEFAULT_KDF = KdfParams()


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def aad(case_id: str, table: str, column: str, row_key: str) -> bytes:
    """The associated data binding a sealed value to one cell of one case."""
    return f"faceaudit/v1\x00{case_id}\x00{table}\x00{column}\x00{row_key}".encode()


class Sealer:
    """Seals and opens the values of one case with its data key."""

    def __init__(self, case_id: str, data_key: bytes) -> None:
        self.case_id = case_id
        self._aead = AESGCM(data_key)

    def seal(self, plaintext: bytes, table: str, column: str, row_key: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)  # random 96-bit nonces: safe far beyond a case's size
        sealed = self._aead.encrypt(nonce, plaintext, aad(self.case_id, table, column, row_key))
        return bytes([BLOB_VERSION]) + nonce + sealed

    def open(self, blob: bytes, table: str, column: str, row_key: str) -> bytes:
        if len(blob) < 1 + NONCE_BYTES + 16 or blob[0] != BLOB_VERSION:
            raise _tampered(table, column)
        nonce = blob[1 : 1 + NONCE_BYTES]
        try:
            return self._aead.decrypt(
                nonce, blob[1 + NONCE_BYTES :], aad(self.case_id, table, column, row_key)
            )
        except InvalidTag:
            raise _tampered(table, column) from None


def _tampered(table: str, column: str) -> TamperedDataError:
    return TamperedDataError(
        f"An encrypted value ({table}.{column}) failed its integrity check: the case file was "
        "altered, damaged, or a value was moved between rows.",
        "Nothing was decrypted from it. Restore the case folder from a backup, or delete the "
        "affected item and add it again.",
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def wrap_key(case_id: str, data_key: bytes, passphrase: str, kdf: KdfParams) -> bytes:
    """The key file's bytes: the data key sealed under a key derived from the passphrase."""
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    kek = kdf.derive(unicodedata.normalize("NFC", passphrase), salt)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, _wrap_aad(case_id))
    document = {
        "format": KEYFILE_FORMAT,
        "version": KEYFILE_VERSION,
        "case_id": case_id,
        "kdf": {"name": "scrypt", **asdict(kdf)},
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped_key": _b64(wrapped),
    }
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")


def _wrap_aad(case_id: str) -> bytes:
    return f"faceaudit/v1\x00key\x00{case_id}".encode()


@dataclass(frozen=True)
class KeyFile:
    case_id: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    @classmethod
    def parse(cls, raw: bytes) -> KeyFile:
        try:
            document = json.loads(raw.decode("utf-8"))
            if document.get("format") != KEYFILE_FORMAT:
                raise ValueError("not a FaceAudit key file")
            if document.get("version") != KEYFILE_VERSION:
                raise ValueError("unknown key file version")
            kdf_doc = document["kdf"]
            if kdf_doc.get("name") != "scrypt":
                raise ValueError("unknown KDF")
            kdf = KdfParams(n=int(kdf_doc["n"]), r=int(kdf_doc["r"]), p=int(kdf_doc["p"]))
            parsed = cls(
                case_id=str(document["case_id"]),
                kdf=kdf,
                salt=_unb64(document["salt"]),
                nonce=_unb64(document["nonce"]),
                wrapped_key=_unb64(document["wrapped_key"]),
            )
            # Lengths this version writes; anything else is damage (AES-GCM would raise a
            # bare ValueError on a bad nonce, and a bad salt would pass for a wrong passphrase).
            if (len(parsed.salt), len(parsed.nonce), len(parsed.wrapped_key)) != (
                SALT_BYTES,
                NONCE_BYTES,
                KEY_BYTES + 16,
            ):
                raise ValueError("misshapen key file values")
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise CorruptCaseError(
                "The case's key file is damaged or is not a FaceAudit key file.",
                "Restore the case folder from a backup; without its key file the case cannot "
                "be opened.",
            ) from None
        kdf.validate()
        return parsed

    def unwrap(self, passphrase: str) -> bytes:
        for form in passphrase_forms(passphrase):
            kek = self.kdf.derive(form, self.salt)
            try:
                return AESGCM(kek).decrypt(self.nonce, self.wrapped_key, _wrap_aad(self.case_id))
            except InvalidTag:
                continue
        raise WrongPassphraseError(
            "The passphrase does not unlock this case.",
            "Check the passphrase (it is case-sensitive) and try again. FaceAudit cannot "
            "recover a forgotten passphrase: the case's biometric data stays locked "
            "without it.",
        )
